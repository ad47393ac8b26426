"""`mediation-kit pack keygen|build|import|diff|remove` and the list of installed packs."""

from __future__ import annotations

import signal
import sys
from pathlib import Path

from mediation_kit.cli.output import terminal_text
from mediation_kit.core.i18n import _

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_USAGE = 2


def add_parsers(commands) -> None:
    keygen = commands.add_parser(
        "keygen", help=_("create a key pair to sign packs (maintainers)"),
        description=_("Create an Ed25519 key pair: KEYFILE (private: keep it secret, never in "
                      "a repository) and KEYFILE.pub (public: shipped with the kit or given "
                      "to the IT team)."))
    keygen.add_argument("keyfile", type=Path, metavar=_("KEYFILE"))
    keygen.set_defaults(handler=run_keygen)

    build = commands.add_parser(
        "build", help=_("check a pack folder and write its signed archive (maintainers)"),
        description=_("Check a pack folder and write its signed .mkpack archive; an invalid "
                      "pack is refused. The same pack and key give the same bytes."))
    build.add_argument("folder", type=Path, metavar=_("DIR"))
    build.add_argument("--key", type=Path, metavar=_("KEYFILE"),
                       help=_("the private key to sign with"))
    build.add_argument("--unsigned", action="store_true",
                       help=_("write an unsigned archive (for tests)"))
    build.add_argument("-o", "--output", type=Path, required=True, metavar=_("OUT.mkpack"))
    build.set_defaults(handler=run_build)

    for name, handler, help_text, description in (
            ("import", run_import, _("import a pack archive (.mkpack)"),
             _("Check and import a pack archive: what it is and what it changes are printed "
               "first. Nothing is written when it is refused.")),
            ("diff", run_diff, _("say what importing a pack archive would change"),
             _("Print what the archive is and, for an update, the resources added, removed "
               "and changed, and the workshop plans that cite them. Writes nothing."))):
        command = commands.add_parser(name, help=help_text, description=description)
        command.add_argument("file", type=Path, metavar=_("FILE"))
        command.add_argument("--allow-older", action="store_true",
                             help=_("accept a version older than the installed one"))
        if name == "import":
            command.add_argument("--allow-unsigned", action="store_true",
                                 help=_("import a pack that is unsigned or signed by an "
                                        "unknown key"))
        command.set_defaults(handler=handler)

    remove = commands.add_parser(
        "remove", help=_("remove an imported pack, or hide a bundled one"),
        description=_("Remove an imported pack (the bundled version, if any, comes back). A "
                      "pack that came with the kit cannot be deleted: --hide hides it, "
                      "--unhide shows it again."))
    remove.add_argument("pack_id", metavar=_("ID"))
    group = remove.add_mutually_exclusive_group()
    group.add_argument("--hide", action="store_true", help=_("hide a bundled pack"))
    group.add_argument("--unhide", action="store_true", help=_("show a hidden pack again"))
    remove.set_defaults(handler=run_remove)


def _error(message: str, code: int = EXIT_REFUSED) -> int:
    _say(message, file=sys.stderr)
    return code


def _say(line: str, file=None) -> None:
    """Prints a line holding an archive's words (names, titles): its control characters are
    shown escaped, never acted on by the terminal."""
    print(terminal_text(line), file=file or sys.stdout)


def run_keygen(args) -> int:
    from mediation_kit.core.packs.signing import KeyFileError, generate_key_pair

    try:
        public, key_fingerprint = generate_key_pair(args.keyfile)
    except KeyFileError as error:
        return _error(str(error), EXIT_USAGE)
    print(_("private key: {path} (keep it secret)").format(path=args.keyfile))
    print(_("public key: {path}").format(path=public))
    print(_("fingerprint: {fingerprint}").format(fingerprint=key_fingerprint))
    return EXIT_OK


def run_build(args) -> int:
    from mediation_kit.core.packs.archive import BuildError, build_archive
    from mediation_kit.core.packs.signing import KeyFileError

    if args.key is None and not args.unsigned:
        return _error(_("mediation-kit pack build: --key KEYFILE is required (or --unsigned)"),
                      EXIT_USAGE)
    try:
        manifest = build_archive(args.folder, None if args.unsigned else args.key, args.output)
    except BuildError as error:
        _say(str(error), file=sys.stderr)
        for problem in error.problems:
            _say(str(problem), file=sys.stderr)
        return EXIT_REFUSED
    except (KeyFileError, OSError) as error:
        return _error(str(error), EXIT_USAGE)
    print(_("{path}: {id} {version}, {count} files").format(
        path=args.output, id=manifest.pack_id, version=manifest.version,
        count=len(manifest.files)))
    return EXIT_OK


def run_diff(args) -> int:
    from mediation_kit.core.packs.describe import describe
    from mediation_kit.core.packs.importer import PackContext, inspect_archive
    from mediation_kit.core.packs.refusal import PackRefused

    try:
        info = inspect_archive(args.file, PackContext.default(), allow_downgrade=args.allow_older)
    except PackRefused as error:
        return _error(error.message)
    for line in describe(info):
        _say(line)
    return EXIT_OK


def run_import(args) -> int:
    from mediation_kit.core.packs.describe import describe, warning_text
    from mediation_kit.core.packs.importer import PackContext, import_archive, inspect_archive
    from mediation_kit.core.packs.refusal import PackRefused
    from mediation_kit.core.tasks import Cancelled, CancelToken

    # No clean-up here: a window open at the same time may still read the previous state.
    context = PackContext.default()
    cancel = CancelToken()
    try:
        info = inspect_archive(args.file, context, allow_downgrade=args.allow_older)
        for line in describe(info):
            _say(line)
        if info.needs_consent:
            _say(_("Warning: {warning}").format(warning=warning_text(info)), file=sys.stderr)
        previous = signal.signal(signal.SIGTERM, lambda *_args: cancel.cancel()) \
            if _main_thread() else None
        try:
            result = import_archive(args.file, context, allow_unsigned=args.allow_unsigned,
                                    allow_downgrade=args.allow_older, cancel=cancel,
                                    progress=_print_progress)
        finally:
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)
    except PackRefused as error:
        return _error(error.message)
    except Cancelled:
        return _error(_("import cancelled: nothing was changed"), 128 + signal.SIGTERM)
    print(_("imported {id} {version}: {count} resources in the index").format(
        id=result.info.pack_id, version=result.info.version, count=result.doc_count))
    return EXIT_OK


def _main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


def _print_progress(progress) -> None:
    if progress.message and sys.stderr.isatty():
        print("\r" + progress.message, end="", file=sys.stderr, flush=True)


def run_remove(args) -> int:
    from mediation_kit.core.packs.importer import PackContext, remove_pack
    from mediation_kit.core.packs.refusal import PackRefused

    context = PackContext.default()
    try:
        pack, _diff = remove_pack(args.pack_id, context, hide=args.hide, unhide=args.unhide)
    except KeyError as error:
        return _error(str(error.args[0]), EXIT_REFUSED)
    except PackRefused as error:
        return _error(error.message)
    if args.unhide:
        print(_("{id} is shown again").format(id=args.pack_id))
    elif args.hide:
        print(_("{id} is hidden").format(id=args.pack_id))
    else:
        print(_("{id} {version} removed").format(id=pack.id, version=pack.version))
    return EXIT_OK


def origin_text(pack) -> str:
    from mediation_kit.core.packs.installed import Origin

    if pack.origin is Origin.BUNDLED:
        text = _("bundled with the kit")
        if pack.hidden:
            text += ", " + _("hidden")
        if pack.superseded:
            text += ", " + _("replaced by an imported version")
        return text
    entry = pack.imported
    if entry.signer is None:
        signer = _("not signed")
    elif entry.signer_name:
        signer = _("signed by {name}").format(name=entry.signer_name)
    else:
        signer = _("signed by an unknown key: {fingerprint}").format(fingerprint=entry.signer)
    text = _("imported from {archive}, {signer}").format(archive=entry.archive, signer=signer)
    if pack.superseded:
        text += ", " + _("replaced by the bundled version")
    return text


def run_list_installed(args) -> int:
    from mediation_kit.cli.pack import pack_line
    from mediation_kit.core.packs.importer import PackContext
    from mediation_kit.core.packs.loader import load_pack

    context = PackContext.default()
    installed = context.installed()
    for problem in installed.problems:
        _say(problem, file=sys.stderr)
    problems = 0
    for pack in sorted(installed.packs, key=lambda p: (p.id, p.origin)):
        result = load_pack(pack.folder)
        problems += len(result.problems)
        line = pack_line(result.pack) if result.pack is not None else f"{pack.id} {pack.version}"
        _say(line)
        _say("    " + origin_text(pack))
    if not installed.packs:
        print(_("no pack installed"))
    return EXIT_REFUSED if problems or installed.problems else EXIT_OK
