"""`mediation-kit plan show|check|print FILE`: workshop plans on the command line.

`show` and `check` use the core only. `print` imports the PDF module (QtGui, no window) only
when it runs, so the rest of the command line never loads Qt.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mediation_kit.core.i18n import _, format_date, format_duration, format_timestamp, ngettext

EXIT_OK = 0
EXIT_PROBLEMS = 1  # `check`: at least one item is missing or changed
EXIT_ERROR = 2  # the plan file or the output cannot be used


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("plan", help=_("show, check and print workshop plans"),
                                   description=_("Show, check and print workshop plans "
                                                 "(.mkplan files)."))
    commands = parser.add_subparsers(dest="plan_command", metavar=_("COMMAND"))
    parser.set_defaults(handler=lambda args: _usage(parser))

    def plan_command(name: str, help_text: str, description: str, handler):
        command = commands.add_parser(name, help=help_text, description=description)
        command.add_argument("file", type=Path, metavar=_("FILE"), help=_("a .mkplan file"))
        command.add_argument("--packs", type=Path, metavar=_("DIR"),
                             help=_("the folder holding the packs (default: the bundled ones)"))
        command.set_defaults(handler=handler)
        return command

    plan_command("show", _("print the plan as text, items numbered, flags shown"),
                 _("Print the plan as text: each item numbered, with its start time, duration, "
                   "where it comes from, the leader's note, and a flag when its resource is "
                   "missing or changed since it was added."), run_show)
    plan_command("check", _("check that every item of the plan is found in the packs"),
                 _("Check every item of the plan against the installed packs. Prints one line "
                   "per missing or changed item (its number and title) and exits 1 when there "
                   "is one; exits 0 when every item is found, 2 when the file cannot be read."),
                 run_check)
    printing = plan_command(
        "print", _("write the run sheet or the handout as a PDF"),
        _("Write the leader's run sheet (or, with --handout, the participants' handout, which "
          "never shows the leader's notes) as an A4 PDF."), run_print)
    printing.add_argument("--pdf", type=Path, required=True, metavar=_("OUT"),
                          help=_("the PDF file to write"))
    printing.add_argument("--handout", action="store_true",
                          help=_("write the handout for participants instead of the run sheet"))


def _usage(parser) -> int:
    parser.print_help(sys.stderr)
    return EXIT_ERROR


def run(args) -> int:
    return args.handler(args)


def _load(args):
    """(plan, library), or None after printing why the plan cannot be read."""
    from mediation_kit.core.packs.library import load_packs
    from mediation_kit.core.paths import packs_dir
    from mediation_kit.core.plans import PlanFileError, load_plan

    try:
        plan = load_plan(args.file)
    except PlanFileError as error:
        print(_("mediation-kit plan: {error}").format(error=error), file=sys.stderr)
        return None
    folder = args.packs if args.packs is not None else packs_dir()
    return plan, load_packs(folder).library


def run_show(args) -> int:
    from mediation_kit.core.plans import ItemStatus, plan_timing, resolve_plan
    from mediation_kit.core.plans.labels import kind_label
    from mediation_kit.core.plans.resolve import STATUS_LABELS
    from mediation_kit.core.plans.sheets import total_time_line

    loaded = _load(args)
    if loaded is None:
        return EXIT_ERROR
    plan, library = loaded
    timing = plan_timing(plan)
    print(plan.title or _("Untitled workshop"))
    meta = [format_date(plan.date, "full")] if plan.date else []
    meta += [plan.place] if plan.place.strip() else []
    if meta:
        print(" — ".join(meta))
    print(total_time_line(timing))
    if plan.notes.strip():
        print(_("Notes: {notes}").format(notes=" ".join(plan.notes.split())))
    if not plan.items:
        print(_("(no item)"))
    width = len(str(len(plan.items)))
    for number, (entry, when) in enumerate(zip(resolve_plan(plan, library), timing.items), 1):
        duration = "—" if when.duration_s is None else format_duration(when.duration_s)
        flag = ""
        if entry.status is not ItemStatus.OK:
            flag = "  [" + _(STATUS_LABELS[entry.status]) + "]"
        print(f"{number:>{width}}. {format_timestamp(when.start_s):>7}  {duration:<12}  "
              f"{entry.title}  ({kind_label(entry.item)}){flag}")
        indent = " " * (width + 2)
        if entry.reason:
            print(indent + entry.reason)
        if entry.item.note.strip():
            print(indent + _("Note: {note}").format(note=" ".join(entry.item.note.split())))
    return EXIT_OK


def run_check(args) -> int:
    from mediation_kit.core.plans import resolve_plan
    from mediation_kit.core.plans.resolve import STATUS_LABELS

    loaded = _load(args)
    if loaded is None:
        return EXIT_ERROR
    plan, library = loaded
    broken = 0
    for number, entry in enumerate(resolve_plan(plan, library), 1):
        if entry.is_broken:
            broken += 1
            print(_("{file}: item {number} \"{title}\": {status}: {reason}").format(
                file=args.file, number=number, title=entry.title,
                status=_(STATUS_LABELS[entry.status]), reason=entry.reason))
    if broken:
        print(ngettext("{count} of {total} item needs attention",
                       "{count} of {total} items need attention", broken).format(
            count=broken, total=len(plan.items)), file=sys.stderr)
        return EXIT_PROBLEMS
    print(ngettext("{file}: {total} item, all found", "{file}: {total} items, all found",
                   len(plan.items)).format(file=args.file, total=len(plan.items)))
    return EXIT_OK


def run_print(args) -> int:
    from mediation_kit.core.plans.sheets import handout_html, run_sheet_html

    loaded = _load(args)
    if loaded is None:
        return EXIT_ERROR
    plan, library = loaded
    html = handout_html(plan, library) if args.handout else run_sheet_html(plan, library)
    try:
        from mediation_kit.printing.pdf import PdfError, write_pdf
    except ImportError as error:  # a core-only install without Qt
        print(_("mediation-kit plan print: printing needs Qt (PySide6): {error}").format(
            error=error), file=sys.stderr)
        return EXIT_ERROR
    try:
        write_pdf(html, args.pdf, title=plan.title)
    except (PdfError, OSError) as error:
        print(_("mediation-kit plan print: {error}").format(error=error), file=sys.stderr)
        return EXIT_ERROR
    done = (_("Handout written to {path}") if args.handout
            else _("Run sheet written to {path}"))
    print(done.format(path=args.pdf))
    return EXIT_OK
