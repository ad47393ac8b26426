"""Entry point: no argument starts the app, a subcommand runs the command line."""

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    from mediation_kit.cli import wants_cli, run_cli

    if wants_cli(args):
        return run_cli(args)
    # Imported only here so that the command line never loads Qt.
    from mediation_kit.ui.app import run_app

    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
