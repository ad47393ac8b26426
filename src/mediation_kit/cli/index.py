"""`mediation-kit index build` and `mediation-kit index check`."""

from __future__ import annotations

import signal
import sys
from contextlib import contextmanager
from pathlib import Path

from mediation_kit.cli.output import terminal_text
from mediation_kit.core.i18n import N_, _, ngettext

# Index states as `index check` names them (IndexState values).
STATE_LABELS = {
    "ok": N_("usable"),
    "rebuilt": N_("rebuilt"),
    "missing": N_("missing"),
    "stale-packs": N_("out of date (the content packs changed)"),
    "stale-schema": N_("out of date (built by another version of the kit)"),
    "corrupt": N_("damaged"),
    "kept": N_("out of date, used because it could not be rebuilt"),
}

EXIT_OK = 0
EXIT_UNUSABLE = 1
EXIT_ERROR = 2
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 128 + signal.SIGTERM


class Terminated(Exception):
    """SIGTERM arrived (a service manager, `kill`, a logout): the build stops and cleans up."""


@contextmanager
def _terminate_cleanly():
    """While building, SIGTERM raises Terminated, so that the temporary folder is removed
    on the way out instead of being left behind (the default action kills at once)."""

    def on_sigterm(_signum, _frame):
        raise Terminated

    try:
        previous = signal.signal(signal.SIGTERM, on_sigterm)
    except ValueError:  # not the main thread: nothing to install
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("index", help=_("build or check the search index"),
                                   description=_("Build or check the search index."))
    commands = parser.add_subparsers(dest="index_command", metavar=_("COMMAND"))
    parser.set_defaults(handler=lambda args: _usage(parser))

    build = commands.add_parser(
        "build", help=_("build the search index from the content packs"),
        description=_("Build the search index from the content packs, in a temporary folder "
                      "renamed into place when complete (Ctrl+C leaves the old index as it "
                      "was)."))
    build.add_argument("--packs", type=Path, metavar=_("DIR"),
                       help=_("the folder holding the packs (default: the bundled ones)"))
    build.add_argument("--output", type=Path, metavar=_("DIR"),
                       help=_("the index folder to write: new, empty or a previous index of "
                              "the kit (default: the index in the user's cache)"))
    build.set_defaults(handler=run_build)

    check = commands.add_parser(
        "check", help=_("say which index is in use and whether it is usable"),
        description=_("Say which index the kit would use (the shipped one or the one in the "
                      "cache) and its state. Exits 0 when it is usable, 1 when it would have "
                      "to be rebuilt."))
    check.add_argument("--packs", type=Path, metavar=_("DIR"),
                       help=_("the folder holding the packs (default: the bundled ones)"))
    check.add_argument("--shipped", type=Path, metavar=_("DIR"),
                       help=_("the prebuilt index (default: the one shipped with the kit)"))
    check.add_argument("--cache", type=Path, metavar=_("DIR"),
                       help=_("the rebuilt index (default: the one in the user's cache)"))
    check.set_defaults(handler=run_check)


def _usage(parser) -> int:
    parser.print_help(sys.stderr)
    return EXIT_ERROR


def run(args) -> int:
    return args.handler(args)


def _error(message: str) -> int:
    print(_("mediation-kit index: {message}").format(message=message), file=sys.stderr)
    return EXIT_ERROR


class _StderrProgress:
    """Progress on one stderr line, rewritten in place on a terminal."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.last = ""

    def __call__(self, progress) -> None:
        if not progress.message or progress.message == self.last:
            return
        self.last = progress.message
        if self.tty:
            print("\r\033[K" + progress.message, end="", file=sys.stderr, flush=True)
        else:
            print(progress.message, file=sys.stderr)

    def done(self) -> None:
        if self.tty and self.last:
            print(file=sys.stderr)


def run_build(args) -> int:
    from mediation_kit.core import paths
    from mediation_kit.core.packs import load_packs
    from mediation_kit.core.search.index import (
        DestinationError, build_index, check_destination, clean_leftovers, index_fingerprint,
    )

    packs_dir = args.packs or paths.packs_dir()
    output = args.output or paths.user_dirs().index_cache
    if not packs_dir.is_dir():
        return _error(_("{folder}: no such packs folder").format(folder=packs_dir))
    try:
        # Refused before the packs are read: a wrong --output costs nothing and loses nothing.
        check_destination(output)
    except DestinationError as error:
        return _error(str(error))
    for leftover in clean_leftovers(output):
        print(_("Removed {folder}, left by an interrupted build.").format(folder=leftover),
              file=sys.stderr)
    progress = _StderrProgress()
    try:
        with _terminate_cleanly():
            loaded = load_packs(packs_dir)
            for problem in loaded.left_out:  # a whole pack missing from the index: say why
                print(terminal_text(str(problem)), file=sys.stderr)
            if loaded.problems:
                count = len(loaded.problems)
                print(ngettext(
                    "{count} problem in the packs: run `mediation-kit pack validate` to see "
                    "it; the usable records are indexed.",
                    "{count} problems in the packs: run `mediation-kit pack validate` to see "
                    "them; the usable records are indexed.", count).format(count=count),
                    file=sys.stderr)
            count = build_index(loaded.packs, output, progress=progress,
                                fingerprint=index_fingerprint(packs_dir))
    except (KeyboardInterrupt, Terminated) as stop:
        progress.done()
        print(_("Interrupted: the index in {folder} was left as it was.").format(folder=output),
              file=sys.stderr)
        return EXIT_TERMINATED if isinstance(stop, Terminated) else EXIT_INTERRUPTED
    except DestinationError as error:
        progress.done()
        return _error(str(error))
    except OSError as error:
        progress.done()
        return _error(_("cannot write the index in {folder}: {error}").format(
            folder=output, error=error.strerror or error))
    progress.done()
    packs = ngettext("{count} pack", "{count} packs", len(loaded.packs)).format(
        count=len(loaded.packs))
    print(ngettext("Indexed {count} resource ({packs}) into {folder}.",
                   "Indexed {count} resources ({packs}) into {folder}.",
                   count).format(count=count, packs=packs, folder=output))
    return EXIT_OK


def run_check(args) -> int:
    from mediation_kit.core import paths
    from mediation_kit.core.search.index import IndexSource, check_index

    if args.packs is None and args.cache is None:  # the packs in use, imported ones too
        from mediation_kit.core.packs.installed import default_content_sources

        sources = default_content_sources()
        packs, cache = sources.packs, sources.index_dir
    else:
        packs = args.packs or paths.packs_dir()
        cache = args.cache or paths.user_dirs().index_cache
    status = check_index(packs, args.shipped or paths.shipped_index_dir(), cache)
    which = _("shipped") if status.source is IndexSource.SHIPPED else _("cache")
    print(_("Index: {path} ({which})").format(path=status.path, which=which))
    state = str(status.state)
    print(_("State: {state}").format(state=_(STATE_LABELS.get(state, state))))
    if status.usable:
        print(ngettext("{count} resource", "{count} resources", status.doc_count).format(
            count=status.doc_count))
    print(status.message)
    return EXIT_OK if status.usable else EXIT_UNUSABLE
