"""The command line, on the core only (never imports Qt, nor the UI package).

Each subcommand lives in its own module with two functions: `add_parser(subparsers)` declares
its arguments and `run(args) -> int` does the work. A module may also define
`prepare_args(args, parser) -> list[str]` to rewrite its own arguments before argparse reads
them (search: `-word` is a query word, not an option). This module only dispatches: a new
subcommand is one line in COMMANDS.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable

from mediation_kit import APP_NAME
from mediation_kit.core.i18n import _, set_language, system_language

# Public command name -> module under mediation_kit.cli, in the order `--help` lists them.
COMMANDS = {
    "pack": "pack",
    "index": "index",
    "search": "search",
    "plan": "plan",
    "self-test": "selftest",
}

# Options that are the command line even without a subcommand.
_CLI_FLAGS = {"--version", "-V", "--help", "-h", "--self-test", "--verify-download"}


def wants_cli(argv: list[str]) -> bool:
    """True when argv asks for the command line rather than the window."""
    if not argv:
        return False
    first = argv[0]
    return first in _CLI_FLAGS or first in COMMANDS


def _command_module(name: str):
    return importlib.import_module(f"mediation_kit.cli.{COMMANDS[name]}")


def _build(self_test_groups: Callable[[], list] | None = None
           ) -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    """The parser, and each command's own parser by public name."""
    parser = argparse.ArgumentParser(
        prog="mediation-kit",
        description=_("{app}: offline search of event resources. "
                      "Without a command, starts the app.").format(app=APP_NAME),
    )
    parser.add_argument("-V", "--version", action="store_true",
                        help=_("print the version and exit"))
    parser.add_argument("--verbose", action="store_true",
                        help=_("with --version: also print the build information"))
    parser.add_argument("--self-test", action="store_true",
                        help=_("check this installation and print a JSON report"))
    parser.add_argument("--verify-download", nargs=3,
                        metavar=(_("FILE"), "SHA256SUMS", "SHA256SUMS.sig"),
                        help=_("check a downloaded release against its signed checksums"))
    # Which checks --self-test runs: the entry point adds the window's to the core's.
    parser.set_defaults(self_test_groups=self_test_groups)
    subparsers = parser.add_subparsers(dest="command", metavar=_("COMMAND"))
    for name in COMMANDS:
        _command_module(name).add_parser(subparsers)
    return parser, dict(subparsers.choices)


def build_parser() -> argparse.ArgumentParser:
    return _build()[0]


def _prepare(argv: list[str], command_parsers: dict[str, argparse.ArgumentParser]
             ) -> list[str]:
    """Lets the command named in argv rewrite its own arguments (see `prepare_args`)."""
    for position, arg in enumerate(argv):
        if arg == "--":
            break
        if arg in COMMANDS:
            prepare = getattr(_command_module(arg), "prepare_args", None)
            if prepare is None:
                break
            return argv[:position + 1] + prepare(argv[position + 1:], command_parsers[arg])
    return argv


def run_cli(argv: list[str], self_test_groups: Callable[[], list] | None = None) -> int:
    """Runs the command line; `self_test_groups` gives the checks of --self-test (by default
    the core's only: the command line knows nothing of the window)."""
    from mediation_kit.cli import argparse_i18n
    from mediation_kit.cli.output import setup_console

    setup_console()
    set_language(system_language())
    argparse_i18n.install()
    parser, command_parsers = _build(self_test_groups)
    args = parser.parse_args(_prepare(argv, command_parsers))
    if args.version:
        from mediation_kit.cli.version import print_version

        return print_version(verbose=args.verbose)
    if args.verify_download:
        from mediation_kit.cli import verify_download

        return verify_download.run(args.verify_download)
    if args.self_test:
        from mediation_kit.cli import selftest

        return selftest.run(args)
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return 2
    return args.handler(args)
