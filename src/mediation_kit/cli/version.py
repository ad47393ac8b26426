"""`mediation-kit --version [--verbose]`: the version, and with --verbose the build information
(commit, commit date, content packs and their versions) from `core.build_info`."""

from __future__ import annotations

from mediation_kit import APP_NAME, __version__
from mediation_kit.cli.output import one_line


def print_version(verbose: bool = False) -> int:
    print(f"{APP_NAME} {__version__}")
    if verbose:
        from mediation_kit.core.build_info import current, describe

        lines = describe(current())
        width = max(len(label) for label, _value in lines)
        for label, value in lines:
            # Pack ids and versions come from the packs' own files: shown escaped.
            print(f"  {label + ':':<{width + 1}} {one_line(value)}")
    return 0
