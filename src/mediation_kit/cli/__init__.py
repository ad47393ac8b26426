"""The command line, on the core only (never imports Qt).

Each subcommand lives in its own module with two functions: `add_parser(subparsers)` declares
its arguments and `run(args) -> int` does the work. This module only dispatches.
"""

from __future__ import annotations

import argparse
import sys

from mediation_kit import APP_NAME, __version__
from mediation_kit.core.i18n import _, set_language, system_language

# Subcommand modules, in the order `--help` lists them.
_COMMAND_MODULES = ("pack", "index", "search", "plan", "selftest")

# Options that are the command line even without a subcommand.
_CLI_FLAGS = {"--version", "-V", "--help", "-h", "--self-test"}


def wants_cli(argv: list[str]) -> bool:
    """True when argv asks for the command line rather than the window."""
    if not argv:
        return False
    first = argv[0]
    return first in _CLI_FLAGS or first in _COMMAND_MODULES_PUBLIC_NAMES


_COMMAND_MODULES_PUBLIC_NAMES = {"pack", "index", "search", "plan", "self-test"}


def _load_commands():
    import importlib

    return [importlib.import_module(f"mediation_kit.cli.{name}") for name in _COMMAND_MODULES]


def build_parser() -> argparse.ArgumentParser:
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
    subparsers = parser.add_subparsers(dest="command", metavar=_("COMMAND"))
    for module in _load_commands():
        module.add_parser(subparsers)
    return parser


def run_cli(argv: list[str]) -> int:
    set_language(system_language())
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.version:
        from mediation_kit.cli.version import print_version

        return print_version(verbose=args.verbose)
    if args.self_test:
        from mediation_kit.cli import selftest

        return selftest.run(args)
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return 2
    return args.handler(args)
