"""Work off the GUI thread: one recipe for long tasks, and the search runner.

`run_task` runs a core function in the global QThreadPool; its result, failure and progress
come back to the GUI thread as signals. Core functions never touch Qt: they take a progress
callback and a cancel token (core/tasks.py) and this module turns reports into signals.

`SearchRunner` runs one search at a time in its own single-thread pool. While a search runs,
newer requests replace each other (only the latest waits), and every request carries a
generation number: results of an older generation than the latest asked for are dropped.
"""

from __future__ import annotations

import logging
import time
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from mediation_kit.core.tasks import CancelToken, Progress

log = logging.getLogger(__name__)


class TaskSignals(QObject):
    finished = Signal(object)  # the function's return value
    failed = Signal(str, str)  # a readable message, the traceback (for the log)
    progress = Signal(object)  # a core.tasks.Progress


class _Task(QRunnable):
    def __init__(self, fn: Callable[..., Any], signals: TaskSignals, cancel: CancelToken,
                 with_progress: bool) -> None:
        super().__init__()
        self.fn = fn
        self.signals = signals
        self.cancel = cancel
        self.with_progress = with_progress
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            if self.with_progress:
                result = self.fn(progress=self.signals.progress.emit, cancel=self.cancel)
            else:
                result = self.fn()
        except Exception as error:  # reported to the GUI, which shows and logs it
            self._emit(self.signals.failed, str(error) or type(error).__name__,
                       traceback.format_exc())
            return
        self._emit(self.signals.finished, result)

    @staticmethod
    def _emit(signal, *args) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the window quit while the task ran: nobody left to tell
            log.info("a task ended after its window was closed")


class TaskHandle:
    """What `run_task` returns: the signals to connect and the token to cancel with."""

    def __init__(self, signals: TaskSignals, cancel: CancelToken) -> None:
        self.signals = signals
        self.cancel = cancel


def run_task(fn: Callable[..., Any], *, with_progress: bool = False,
             parent: QObject | None = None, pool: QThreadPool | None = None) -> TaskHandle:
    """Runs `fn` (with `progress=` and `cancel=` keywords when asked) off the GUI thread.

    Connect to `handle.signals` right away: the signals are queued to the GUI thread, so
    nothing is lost between the start and the connection.
    """
    signals = TaskSignals(parent)
    cancel = CancelToken()
    handle = TaskHandle(signals, cancel)
    # Started on the next turn of the event loop, after the caller connected its slots.
    QTimer.singleShot(0, signals, lambda: (pool or QThreadPool.globalInstance()).start(
        _Task(fn, signals, cancel, with_progress)))
    return handle


class _SearchSignals(QObject):
    done = Signal(int, object, float)  # generation, results (or an Exception), seconds taken


class _SearchTask(QRunnable):
    def __init__(self, generation: int, search: Callable[[], Any], signals: _SearchSignals):
        super().__init__()
        self.generation = generation
        self.search = search
        self.signals = signals

    def run(self) -> None:
        started = time.perf_counter()
        try:
            result: Any = self.search()
        except Exception as error:
            log.exception("search failed")
            result = error
        self.signals.done.emit(self.generation, result, time.perf_counter() - started)


class SearchRunner(QObject):
    """Runs searches one at a time off the GUI thread; only the newest results come out."""

    results_ready = Signal(object, object)  # the request as submitted, its SearchResults
    search_failed = Signal(object, str)  # the request, a readable message

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _SearchSignals(self)
        self._signals.done.connect(self._on_done)
        self._generation = 0
        self._running: int | None = None
        self._pending: tuple[int, Any, Callable[[], Any]] | None = None
        self._requests: dict[int, Any] = {}
        self.last_duration = 0.0

    @property
    def generation(self) -> int:
        return self._generation

    @property
    def busy(self) -> bool:
        return self._running is not None

    def submit(self, request: Any, search: Callable[[], Any]) -> int:
        """Queues `search()` for `request`; returns its generation number."""
        self._generation += 1
        self._pending = (self._generation, request, search)
        self._start_pending()
        return self._generation

    def invalidate(self) -> None:
        """Drops whatever is running or waiting (the query was cleared)."""
        self._generation += 1
        self._pending = None

    def wait_idle(self, msecs: int = 5000) -> bool:
        return self._pool.waitForDone(msecs)

    def _start_pending(self) -> None:
        if self._running is not None or self._pending is None:
            return
        generation, request, search = self._pending
        self._pending = None
        self._running = generation
        self._requests[generation] = request
        self._pool.start(_SearchTask(generation, search, self._signals))

    def _on_done(self, generation: int, result: Any, seconds: float) -> None:
        self._running = None
        self.last_duration = seconds
        request = self._requests.pop(generation, None)
        if generation == self._generation:  # anything older is stale: dropped
            if isinstance(result, Exception):
                self.search_failed.emit(request, str(result) or type(result).__name__)
            else:
                self.results_ready.emit(request, result)
        self._start_pending()


__all__ = ["Progress", "SearchRunner", "TaskHandle", "run_task"]
