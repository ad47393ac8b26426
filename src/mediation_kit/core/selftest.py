"""What a self-test check is, and running a list of them into one report.

A check is a small function that returns details for the report or raises `CheckFailed` with
a reason. Checks come in groups that share what they open (an index, a QApplication): the core
has its group (`cli.selftest`), the window its own (`ui.selftest`), and the entry point puts
them together. One failing check never stops the others; a crash is that check's failure.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable, Iterable
from typing import Any, Protocol

Check = tuple[str, Callable[[], dict]]


class CheckFailed(Exception):
    """A check did not pass; the message says why, for the report."""


class CheckGroup(Protocol):
    def checks(self) -> list[Check]:
        """(name, function) in the order they run."""

    def close(self) -> None:
        """Releases what the checks opened."""


class UnavailableChecks:
    """Stands for a group that could not even be loaded: one failed check saying why."""

    def __init__(self, name: str, error: BaseException) -> None:
        self.name = name
        self.error = error

    def checks(self) -> list[Check]:
        def fail() -> dict:
            raise CheckFailed(f"cannot load these checks: {type(self.error).__name__}: "
                              f"{self.error}")

        return [(self.name, fail)]

    def close(self) -> None:
        pass


def run_check(name: str, check: Callable[[], dict]) -> dict[str, Any]:
    """The report entry of one check: name, ok, details or error, seconds."""
    begin = time.monotonic()
    entry: dict[str, Any] = {"name": name}
    try:
        entry["details"] = check()
        entry["ok"] = True
    except CheckFailed as failure:
        entry.update(ok=False, error=str(failure))
    except Exception as error:  # a crash is a failure of that check, not of the self-test
        entry.update(ok=False, error=f"{type(error).__name__}: {error}",
                     traceback=traceback.format_exc(limit=6))
    entry["seconds"] = round(time.monotonic() - begin, 3)
    return entry


def run_groups(groups: Iterable[CheckGroup]) -> list[dict[str, Any]]:
    """Every check of every group, in order; each group is closed after its checks."""
    entries = []
    for group in groups:
        try:
            for name, check in group.checks():
                entries.append(run_check(name, check))
        finally:
            group.close()
    return entries
