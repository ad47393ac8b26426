"""`mediation-kit --version [--verbose]`."""

from __future__ import annotations

from mediation_kit import APP_NAME, __version__


def print_version(verbose: bool = False) -> int:
    print(f"{APP_NAME} {__version__}")
    if verbose:
        # Build information (commit, date, packs) is filled in by the installer issue.
        pass
    return 0
