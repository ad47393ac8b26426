"""Start-up time of the kit against a bare PySide6 window, and the kit's peak memory.

    .venv/bin/python bench/startup_bench.py [--rounds 10] [--frozen dist/mediation-kit/mediation-kit]
                                             [--resources DIR]

Each round starts the kit and a bare window one after the other (alternating, so that both
see the same machine load) and measures the wall-clock time from the process start to the
moment the window is shown with its search field focused (the app prints a marker line when
`MEDIATION_KIT_STARTUP_MARKER=1`). The kit keeps running until its packs are loaded and the
search index is open, then quits: its peak RSS (from the kernel's rusage of the child)
is therefore measured with the index open. One warm-up run of each is not counted (it also
builds the index cache when no prebuilt index is shipped).

`--resources DIR` runs the kit on another resources folder (`DIR/packs/…`, such as the one
bench/scale_corpus.py writes) instead of the bundled one. The time until the content is loaded
(packs read and the index open: the app's ready marker) is measured too.

The last line is `kit_ms=... bare_ms=... ratio=... loaded_ms=... rss_mb=...` (medians; rss is
the maximum).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHOWN = "mediation-kit-shown"
READY = "mediation-kit-ready"

# The same criterion as the kit (ui/app.py FirstPaint): the line is printed on the turn of
# the event loop after the search field's first paint.
BARE_WINDOW = f"""
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
field = QLineEdit(window)
window.setCentralWidget(field)
window.resize(1100, 720)
window.show()
field.setFocus()
def shown():
    print({SHOWN!r}, flush=True)
    app.quit()
class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, shown)
        return False
first_paint = FirstPaint()
field.installEventFilter(first_paint)
app.exec()
"""


def run_once(command: list[str], env: dict[str, str], timeout: float = 600.0
             ) -> tuple[float, float, float | None]:
    """Starts `command`; returns (ms until the shown marker, peak RSS in MB of the child,
    ms until the ready marker or None)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               env=env, text=True)
    shown_ms = ready_ms = None
    assert process.stdout is not None
    for line in process.stdout:
        if line.strip() == SHOWN and shown_ms is None:
            shown_ms = (time.perf_counter() - started) * 1000
        if line.strip() == READY and ready_ms is None:
            ready_ms = (time.perf_counter() - started) * 1000
    deadline = time.monotonic() + timeout
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            process.kill()
            raise RuntimeError(f"{command[0]} did not quit within {timeout} s")
        time.sleep(0.01)
    process.returncode = os.waitstatus_to_exitcode(status)
    if shown_ms is None:
        raise RuntimeError(f"{' '.join(command)} exited ({process.returncode}) without "
                           f"printing {SHOWN!r}")
    # ru_maxrss is in kilobytes on Linux (bytes on macOS).
    rss_mb = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return shown_ms, rss_mb, ready_ms


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", "-n", type=int, default=10)
    parser.add_argument("--frozen", type=Path, help="time this frozen executable instead")
    parser.add_argument("--resources", type=Path, metavar="DIR",
                        help="resources folder holding packs/ (default: the bundled one)")
    args = parser.parse_args(argv)
    if args.resources is not None and not (args.resources / "packs").is_dir():
        parser.error(f"{args.resources}: no packs/ folder inside")

    env = dict(os.environ)
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["MEDIATION_KIT_STARTUP_MARKER"] = "1"
    if args.resources is not None:
        env["MEDIATION_KIT_RESOURCES"] = str(args.resources.resolve())
    env.setdefault("MEDIATION_KIT_PORTABLE_DIR", tempfile.mkdtemp(prefix="mk-startup-bench-"))
    kit = [str(args.frozen)] if args.frozen else [sys.executable, "-m", "mediation_kit"]
    bare = [sys.executable, "-c", BARE_WINDOW]

    run_once(kit, env, timeout=1800)  # warm-up: file cache, and the index cache when it must be built
    run_once(bare, env)
    kit_ms, bare_ms, rss, loaded = [], [], [], []
    for round_no in range(args.rounds):
        pair = [(kit, kit_ms), (bare, bare_ms)]
        if round_no % 2:
            pair.reverse()
        for command, times in pair:
            ms, mb, ready = run_once(command, env)
            times.append(ms)
            if command is kit:
                rss.append(mb)
                if ready is not None:
                    loaded.append(ready)
        print(f"round {round_no + 1}: kit {kit_ms[-1]:.0f} ms ({rss[-1]:.0f} MB), "
              f"bare {bare_ms[-1]:.0f} ms", flush=True)
    kit_median, bare_median = statistics.median(kit_ms), statistics.median(bare_ms)
    loaded_ms = f"{statistics.median(loaded):.0f}" if loaded else "nan"
    print(f"kit_ms={kit_median:.0f} bare_ms={bare_median:.0f} "
          f"ratio={kit_median / bare_median:.2f} loaded_ms={loaded_ms} rss_mb={max(rss):.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
