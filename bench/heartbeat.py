"""A 10 ms timer on the GUI thread: the longest gap between its ticks is the longest stall.

When the GUI thread is held (a sort holding the GIL, a garbage collection, work done on the
GUI thread), the timer cannot fire: the gap between two ticks minus the 10 ms period is how
long a person would have seen the window frozen.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer

PERIOD_MS = 10


class Heartbeat:
    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(PERIOD_MS)
        self.timer.timeout.connect(self._tick)
        self.last = None
        self.longest_ms = 0.0
        self.stalls: list[float] = []  # every gap over 50 ms, for the report
        self.on_stall = None  # called with each gap over 50 ms (to say when it happened)

    def start(self) -> None:
        self.last = time.perf_counter()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self._tick()

    def _tick(self) -> None:
        now = time.perf_counter()
        gap = (now - self.last) * 1000 - PERIOD_MS
        self.last = now
        if gap > self.longest_ms:
            self.longest_ms = gap
        if gap > 50:
            self.stalls.append(gap)
            if self.on_stall is not None:
                self.on_stall(gap)


def rss_mb() -> float:
    """The resident memory of this process now (Linux /proc; the peak elsewhere)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fp:
            for line in fp:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
