"""A first start on packs that have no index yet: how soon search works, how long the window
freezes meanwhile.

    .venv/bin/python bench/first_start_bench.py [--resources DIR] [--query WORD]

Opens the real main window (offscreen unless a display is set) on the packs of the resources
folder DIR (`DIR/packs/…`, as bench/scale_corpus.py writes it; the bundled packs by default),
with an empty user folder: no index anywhere, so the kit must build one. From the moment the
window starts loading:

- `browse_s`: the events are on the home page (the packs are loaded, a person can browse);
- `search_ready_s`: a word typed in the search field gives its results on screen;
- `stall_ms`: the longest gap of a 10 ms heartbeat timer on the GUI thread, minus its period,
  over the whole time: how long the window was frozen at worst.

Progress messages are printed as they come (with their time), so that a phase with no
progress shows. The last line is `search_ready_s=... stall_ms=... browse_s=... stalls_over_100ms=...
rss_mb=...`.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--resources", type=Path, metavar="DIR",
                        help="resources folder holding packs/ (default: the bundled one)")
    parser.add_argument("--query", default="numérique", help="the word typed once search works")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds to give up after")
    args = parser.parse_args(argv)
    if args.resources is not None:
        if not (args.resources / "packs").is_dir():
            parser.error(f"{args.resources}: no packs/ folder inside")
        os.environ["MEDIATION_KIT_RESOURCES"] = str(args.resources.resolve())
    # An empty user folder: no index in the cache. The resources folder must have none either.
    os.environ["MEDIATION_KIT_PORTABLE_DIR"] = tempfile.mkdtemp(prefix="mk-first-start-")

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from heartbeat import Heartbeat, rss_mb
    from mediation_kit.core import paths
    from typing_bench import type_key, wait_for

    if (paths.shipped_index_dir()).exists():
        print(f"{paths.shipped_index_dir()} exists: this is not a first start", file=sys.stderr)
        return 2

    app = QApplication(sys.argv[:1])
    from mediation_kit.core.settings import Settings
    from mediation_kit.ui.app import AppServices
    from mediation_kit.ui.main_window import MainWindow

    services = AppServices(app)
    settings = Settings()
    services.apply(settings)
    window = MainWindow(settings, app_services=services)
    window.resize(1280, 760)
    window.show()
    app.processEvents()

    started = time.perf_counter()
    seen: dict[str, float] = {}

    def elapsed() -> float:
        return time.perf_counter() - started

    last_message = [""]

    def on_progress(progress) -> None:
        message = getattr(progress, "message", "") or ""
        if message and message != last_message[0]:
            last_message[0] = message
            fraction = progress.fraction
            share = f" {fraction * 100:.0f} %" if fraction is not None else ""
            print(f"{elapsed():7.2f} s{share} {message}", flush=True)

    def search_works() -> bool:
        content = window.content
        return content is not None and content.engine is not None

    def browsable() -> bool:
        return window.content is not None and bool(window.content.packs)

    heartbeat = Heartbeat()
    heartbeat.on_stall = lambda gap: print(
        f"{elapsed():7.2f} s stall of {gap:.0f} ms (after: {last_message[0] or 'start'})",
        flush=True)
    heartbeat.start()
    window.index_progress.connect(on_progress)
    window.start_loading()

    poll = QTimer()
    poll.setInterval(20)
    loop = QEventLoop()

    def check() -> None:
        if "browse" not in seen and browsable():
            seen["browse"] = elapsed()
            print(f"{seen['browse']:7.2f} s the events can be browsed", flush=True)
        if search_works():
            loop.quit()

    poll.timeout.connect(check)
    poll.start()
    QTimer.singleShot(int(args.timeout * 1000), loop.quit)
    loop.exec()
    poll.stop()
    if not search_works():
        print(f"search did not work within {args.timeout:.0f} s: "
              f"{window.content and window.content.index_message}", file=sys.stderr)
        return 1
    seen.setdefault("browse", elapsed())
    field = window.search_field
    field.setFocus()
    for char in args.query:
        type_key(field, char)
    text = args.query
    if not wait_for(window.results_shown, lambda shown: shown == text, timeout_ms=60000):
        print(f"no results shown for {text!r}", file=sys.stderr)
        return 1
    window.stack.currentWidget().repaint()
    ready = elapsed()
    heartbeat.stop()
    memory = rss_mb()
    hits = window._last_results.total if window._last_results else 0
    print(f"{ready:7.2f} s {text!r}: {hits} results on screen")
    over = sum(1 for gap in heartbeat.stalls if gap > 100)
    window.close()
    print(f"search_ready_s={ready:.2f} stall_ms={heartbeat.longest_ms:.0f} "
          f"browse_s={seen['browse']:.2f} stalls_over_100ms={over} rss_mb={memory:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
