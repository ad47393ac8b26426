"""Entry point: no argument starts the app, a subcommand runs the command line.

This is also where the self-test's two halves meet: the command line checks the core, the UI
checks the window, and neither imports the other.
"""

import os
import sys

# Exit status when the reader of our output went away (as Python itself exits on EPIPE).
EXIT_BROKEN_PIPE = 1
EXIT_INTERRUPTED = 130


def self_test_groups() -> list:
    """The checks of `--self-test`: the core's, then the window's."""
    from mediation_kit.cli.selftest import core_groups
    from mediation_kit.core.selftest import UnavailableChecks

    groups = core_groups()
    try:
        from mediation_kit.ui.selftest import UiChecks
    except Exception as error:  # a broken install: reported as a failed check, never a crash
        groups.append(UnavailableChecks("qt", error))
    else:
        groups.append(UiChecks())
    return groups


def run_command_line(args: list[str]) -> int:
    from mediation_kit.cli import run_cli

    try:
        status = run_cli(args, self_test_groups=self_test_groups)
        # Flush here so that a closed pipe shows inside this try, not at interpreter exit.
        sys.stdout.flush()
        return status
    except BrokenPipeError:
        # The reader stopped early (`mediation-kit search x | head`): not an error worth a
        # traceback. As the signal module's documentation recommends, point stdout at devnull
        # so that Python's own flush at exit cannot fail again.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args:  # no argument is the window: the parser's imports stay off its start-up path
        from mediation_kit.cli import wants_cli

        if wants_cli(args):
            return run_command_line(args)
    # Imported only here so that the command line never loads Qt.
    from mediation_kit.ui.app import run_app

    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
