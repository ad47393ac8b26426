"""Progress reports and cancellation for long work (indexing, imports, thumbnails).

Core functions that take a while accept `progress: ProgressCallback | None` and
`cancel: CancelToken | None`. They never print; the CLI prints the reports and the UI's
workers turn them into signals.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Progress:
    done: int
    total: int  # 0 when unknown
    message: str = ""  # already translated, for a person

    @property
    def fraction(self) -> float | None:
        return self.done / self.total if self.total else None


ProgressCallback = Callable[[Progress], None]


class Cancelled(Exception):
    """Raised inside long work when its CancelToken was cancelled."""


class CancelToken:
    """Set from any thread; checked by the work between steps."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()


def report(progress: ProgressCallback | None, done: int, total: int, message: str = "") -> None:
    """Call `progress` if there is one; keeps call sites free of None checks."""
    if progress is not None:
        progress(Progress(done, total, message))
