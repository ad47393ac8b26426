"""Keystroke-to-results latency of the real main window, on the bundled content or any packs.

    .venv/bin/python bench/typing_bench.py [--rounds 1] [--resources DIR]

Runs the real window offscreen over the shipped packs, or those of the resources folder DIR
(`DIR/packs/…`, as bench/scale_corpus.py writes it), with the index built or opened in a
temporary user folder first, then types 20 queries letter by letter. For each keystroke
it measures the time from sending the key event to the results for that exact text being
on screen (model filled, page switched, result list repainted). The next key is sent as
soon as the previous results are shown: a fast typist, with no pause to hide latency.

A 10 ms heartbeat timer on the GUI thread measures the longest stall while typing (a garbage
collection or a facet table built on the GUI thread shows there even when the results came
fast). Prints the median, p95 and max; the last line is `keystrokes=... first_ms=...
median_ms=... p95_ms=... max_ms=... stall_ms=... rss_mb=...` (first_ms: the first keystroke after
loading; rss_mb: the resident memory after the 20 queries). Targets: p95 <= 50 ms, first
<= 100 ms, no stall over 100 ms, rss <= 250 MB.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from heartbeat import Heartbeat, rss_mb  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MEDIATION_KIT_PORTABLE_DIR", tempfile.mkdtemp(prefix="mk-typing-bench-"))

from PySide6.QtCore import QEvent, QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

QUERIES = (
    "souveraineté", "communs numériques", "inclusion", "médiation", "bibliothèque",
    "strasbourg", "données personnelles", "sobriété", "accessibilité", "fracture numérique",
    "tiers-lieux", "intelligence artificielle", "régulation européenne", "cloud",
    "jean cattan", "services publics", "parlement européen", "affiche", "programme",
    "espoir",
)


def wait_for(signal, accept, timeout_ms: int = 10000) -> bool:
    """Runs the event loop until `signal` fires with arguments `accept` likes."""
    loop = QEventLoop()
    hit = []

    def on_signal(*args):
        if accept(*args):
            hit.append(True)
            loop.quit()

    signal.connect(on_signal)
    QTimer.singleShot(timeout_ms, loop.quit)
    if not hit:
        loop.exec()
    signal.disconnect(on_signal)
    return bool(hit)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def type_key(widget, char: str) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                 Qt.KeyboardModifier.NoModifier, char))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=1, help="times to type the 20 queries")
    parser.add_argument("--resources", type=Path, metavar="DIR",
                        help="resources folder holding packs/ (default: the bundled one)")
    args = parser.parse_args(argv)
    if args.resources is not None:
        if not (args.resources / "packs").is_dir():
            parser.error(f"{args.resources}: no packs/ folder inside")
        os.environ["MEDIATION_KIT_RESOURCES"] = str(args.resources.resolve())

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
    started = time.perf_counter()
    window.start_loading()
    if not wait_for(window.content_loaded, lambda: True, timeout_ms=1800000):
        print("the content did not load", file=sys.stderr)
        return 1
    if window.content is None or window.content.engine is None:
        print(f"search unavailable: {window.content and window.content.index_message}",
              file=sys.stderr)
        return 1
    print(f"content loaded in {(time.perf_counter() - started) * 1000:.0f} ms "
          f"({len(window.content.packs)} packs)")

    latencies: list[float] = []
    search_ms: list[float] = []  # of each latency, the time the engine took (worker thread)
    field = window.search_field
    heartbeat = Heartbeat()
    heartbeat.start()
    for _round in range(args.rounds):
        for query in QUERIES:
            window.go_home()
            field.setFocus()
            for position in range(1, len(query) + 1):
                text = query[:position]
                if not text.strip() or text != text.rstrip():
                    type_key(field, query[position - 1])  # a space: nothing new to search
                    continue
                sent = time.perf_counter()
                type_key(field, query[position - 1])
                if not wait_for(window.results_shown, lambda shown, t=text: shown == t):
                    print(f"no results shown for {text!r}", file=sys.stderr)
                    return 1
                page = window.stack.currentWidget()
                page.repaint()  # the results are on screen, not only in the model
                latencies.append((time.perf_counter() - sent) * 1000)
                search_ms.append(window.search_runner.last_duration * 1000)
            hits = window._last_results.total if window._last_results else 0
            print(f"{query!r}: {hits} results")
    heartbeat.stop()
    memory = rss_mb()
    window.close()
    first = latencies[0]
    print(f"engine alone: median {statistics.median(search_ms):.1f} ms, "
          f"p95 {percentile(search_ms, 0.95):.1f} ms")
    latencies.sort()
    p95 = percentile(latencies, 0.95)
    print(f"keystrokes={len(latencies)} first_ms={first:.1f} "
          f"median_ms={statistics.median(latencies):.1f} p95_ms={p95:.1f} "
          f"max_ms={latencies[-1]:.1f} stall_ms={heartbeat.longest_ms:.0f} rss_mb={memory:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
