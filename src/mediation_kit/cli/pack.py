"""`mediation-kit pack validate|list|keygen|build|import|diff|remove`.

The maintainers' commands (keygen, build) and the mediators' (import, diff, list, remove) all
call core/packs; this module parses arguments and prints.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mediation_kit.cli.output import one_line, terminal_text
from mediation_kit.core.i18n import _, ngettext

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("pack", help=_("check, build, import and list content packs"),
                                   description=_("Check, build, import and list content packs."))
    commands = parser.add_subparsers(dest="pack_command", metavar=_("COMMAND"))
    parser.set_defaults(handler=lambda args: _usage(parser))

    validate = commands.add_parser(
        "validate", help=_("check pack folders and print every problem found"),
        description=_("Check pack folders against the pack format and print every problem "
                      "found. Exits 1 when there is a problem, 0 when every pack is valid."))
    validate.add_argument("paths", nargs="+", type=Path, metavar=_("PATH"),
                          help=_("a pack folder (the one holding pack.toml)"))
    validate.set_defaults(handler=run_validate)

    listing = commands.add_parser("list", help=_("list the installed packs"),
                                  description=_("List the installed packs with their version, "
                                                "what they hold, where they come from (bundled "
                                                "or imported) and their signer."))
    listing.add_argument("--packs", type=Path, metavar=_("DIR"),
                         help=_("list the packs of this folder instead of the installed ones"))
    listing.set_defaults(handler=run_list)

    from mediation_kit.cli import pack_archive

    pack_archive.add_parsers(commands)


def _usage(parser) -> int:
    parser.print_help(sys.stderr)
    return EXIT_USAGE


def run(args) -> int:
    return args.handler(args)


def run_validate(args) -> int:
    from mediation_kit.core.packs import is_pack_folder, load_pack

    # A PATH that is not a pack is a usage error (exit 2); the others are still checked.
    not_packs = [path for path in args.paths if not is_pack_folder(path)]
    for path in not_packs:
        if not path.exists():
            reason = _("no such file or folder")
        elif not path.is_dir():
            reason = _("not a folder")
        else:
            reason = _("not a pack folder (it has no pack.toml)")
        print(_("mediation-kit pack validate: {path}: {reason}").format(
            path=terminal_text(path), reason=reason),
              file=sys.stderr)
    packs = [path for path in args.paths if path not in not_packs]

    problem_count = 0
    packs_with_problems = 0
    for path in packs:
        problems = load_pack(path).problems
        for problem in problems:
            # A problem quotes file names and text from the pack: escaped, one per line.
            print(terminal_text(problem))
        problem_count += len(problems)
        packs_with_problems += bool(problems)

    checked = len(packs)
    if problem_count:
        print(ngettext("{problems} problem", "{problems} problems", problem_count).format(
            problems=problem_count) + " " + ngettext(
            "in {packs} pack", "in {packs} packs", packs_with_problems).format(
            packs=packs_with_problems))
    elif checked:
        print(ngettext("{packs} pack checked, no problem", "{packs} packs checked, no problem",
                       checked).format(packs=checked))
    if not_packs:
        return EXIT_USAGE
    return EXIT_PROBLEMS if problem_count else EXIT_OK


def run_list(args) -> int:
    from mediation_kit.core.packs import load_packs

    if args.packs is None:
        from mediation_kit.cli import pack_archive

        return pack_archive.run_list_installed(args)
    folder = args.packs
    if not folder.is_dir():
        print(_("mediation-kit pack list: {path}: no such folder").format(
            path=terminal_text(folder)),
              file=sys.stderr)
        return EXIT_USAGE
    result = load_packs(folder)
    for pack in result.library.packs:
        print(pack_line(pack))
    if not result.library.packs:
        print(_("no pack in {path}").format(path=terminal_text(folder)))
    for problem in result.left_out:  # a whole pack missing from the list: say why
        print(terminal_text(str(problem)), file=sys.stderr)
    if result.problems:
        print(ngettext("{count} problem: run `mediation-kit pack validate` to see it",
                       "{count} problems: run `mediation-kit pack validate` to see them",
                       len(result.problems)).format(count=len(result.problems)),
              file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


def pack_line(pack) -> str:
    """One pack in one line: id, version, event and what it holds."""
    cues = sum(len(replay.cues) for replay in pack.replays)
    return _("{id} {version}  {event} ({start}): {summaries}, {replays}, {cues}, {kit}").format(
        id=one_line(pack.id), version=one_line(pack.version), event=one_line(pack.event.name),
        start=pack.event.start.isoformat(),
        summaries=ngettext("{n} summary", "{n} summaries", len(pack.summaries)).format(
            n=len(pack.summaries)),
        replays=ngettext("{n} replay", "{n} replays", len(pack.replays)).format(
            n=len(pack.replays)),
        cues=ngettext("{n} transcript cue", "{n} transcript cues", cues).format(n=cues),
        kit=ngettext("{n} kit file", "{n} kit files", len(pack.kit)).format(n=len(pack.kit)))
