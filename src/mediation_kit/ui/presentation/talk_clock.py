"""The talk's elapsed time and the current item's time, which can be paused and reset."""

from __future__ import annotations

import time
from collections.abc import Callable


class Stopwatch:
    def __init__(self, now: Callable[[], float] = time.monotonic) -> None:
        self._now = now
        self._accumulated = 0.0
        self._started: float | None = now()

    @property
    def running(self) -> bool:
        return self._started is not None

    def seconds(self) -> float:
        extra = self._now() - self._started if self._started is not None else 0.0
        return self._accumulated + extra

    def pause(self) -> None:
        if self._started is not None:
            self._accumulated += self._now() - self._started
            self._started = None

    def resume(self) -> None:
        if self._started is None:
            self._started = self._now()

    def reset(self) -> None:
        self._accumulated = 0.0
        self._started = self._now() if self._started is not None else None


class TalkClock:
    """Elapsed time since the start and time on the current item; pausing stops both."""

    def __init__(self, now: Callable[[], float] = time.monotonic) -> None:
        self.talk = Stopwatch(now)
        self.item = Stopwatch(now)

    @property
    def paused(self) -> bool:
        return not self.talk.running

    def toggle_pause(self) -> None:
        pause = not self.paused
        for watch in (self.talk, self.item):
            watch.pause() if pause else watch.resume()

    def reset(self) -> None:
        self.talk.reset()
        self.item.reset()

    def item_changed(self) -> None:
        self.item.reset()
