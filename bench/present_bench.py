"""Key press to new frame on the audience screen, for every kind of item, under Xvfb.

    .venv/bin/python bench/present_bench.py [--rounds 3]

Starts its own X server with an operator screen and a projector
(tests/ui/presentation/xvfb-screens; needs Xvfb and xrandr), then presents the example plan
(resources/plans/) over the bundled packs, its replays played from the test video. Each key
goes to the presenter console as a clicker's would; the time is taken from sending the key
to the end of the audience window's paint that shows the new content (for a replay: the first
paint holding a video frame). Black → content, white, the event's visual and jumps are timed
too. Prints per-kind p95 and, last, `p95_ms=... worst_kind=...`. Target: p95 <= 50 ms.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
XVFB_SCREENS = ROOT / "tests" / "ui" / "presentation" / "xvfb-screens"
CHILD_ENV = "MEDIATION_KIT_PRESENT_BENCH_CHILD"
VIDEO = ROOT / "tests" / "fixtures" / "media" / "tiny-talk.mp4"


def run_on_own_display(argv: list[str]) -> int:
    if not (shutil.which("Xvfb") and shutil.which("xrandr")):
        print("needs Xvfb and xrandr: apt-get install xvfb x11-xserver-utils", file=sys.stderr)
        return 2
    display = next(f":{n}" for n in range(240, 340)
                   if not Path(f"/tmp/.X{n}-lock").exists())
    subprocess.run(["bash", str(XVFB_SCREENS), "start", display], check=True,
                   capture_output=True)
    try:
        env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", **{CHILD_ENV: "1"})
        env.setdefault("QT_LOGGING_RULES", "qt.multimedia*=false")
        env.setdefault("MEDIATION_KIT_PORTABLE_DIR", tempfile.mkdtemp(prefix="mk-present-"))
        return subprocess.run([sys.executable, __file__, *argv], env=env).returncode
    finally:
        subprocess.run(["bash", str(XVFB_SCREENS), "stop", display])


def bench(rounds: int) -> int:
    from dataclasses import replace

    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from mediation_kit.core.packs import Library
    from mediation_kit.core.paths import packs_dir, resources_dir
    from mediation_kit.core.plans import load_plan
    from mediation_kit.core.settings import Settings
    from mediation_kit.ui.presentation import start_presentation
    from mediation_kit.ui.presentation.deck import Screen
    from mediation_kit.ui.presentation.from_plan import items_for_plan
    from mediation_kit.ui.presentation.items import ItemKind

    library = Library.load(packs_dir())[0]
    plan = load_plan(resources_dir() / "plans" / "atelier-souverainete-numerique.mkplan")
    media = Path(tempfile.mkdtemp(prefix="mk-present-media-"))
    shutil.copy(VIDEO, media / "tiny-talk.mp4")
    items = items_for_plan(plan, library, media)
    # The bundled replays ship without video; the test video stands in for each.
    items = [replace(i, video_file=media / "tiny-talk.mp4", start_s=min(i.start_s, 1.0),
                     end_s=None if i.end_s is None else 3.0)
             if i.kind is ItemKind.REPLAY else i for i in items]
    # ...and one keeps none, for the "not on this PC" card.
    first_replay = next(n for n, i in enumerate(items) if i.kind is ItemKind.REPLAY)
    items[first_replay] = replace(items[first_replay], video_file=None)
    presentation = start_presentation(items, Settings(), library)
    console, audience = presentation.console, presentation.audience
    painted: list[tuple[float, object]] = []
    audience.canvas.frame_painted.connect(lambda tag: painted.append((time.perf_counter(), tag)))
    for surface in audience.replays:
        surface.frame_painted.connect(
            lambda item, s=surface: painted.append((time.perf_counter(), s))
            if s.video.videoSink() is not None and s.video.videoSink().videoFrame().isValid()
            else None)

    def settle(seconds: float) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.002)

    settle(1.5)
    timings: dict[str, list[float]] = {}

    def press(key: int, text: str, kind: str, expect) -> None:
        """Sends the key, waits for the paint that shows `expect()`; records the time."""
        settle(0.15)  # the off-screen preparation of the neighbours is done, as in a room
        painted.clear()
        start = time.perf_counter()
        app.sendEvent(console, QKeyEvent(QEvent.Type.KeyPress, key,
                                         Qt.KeyboardModifier.NoModifier, text))
        wanted = expect()
        deadline = start + 5
        while time.perf_counter() < deadline:
            app.processEvents()
            hit = next((t for t, tag in painted if tag == wanted or tag is wanted), None)
            if hit is not None:
                timings.setdefault(kind, []).append((hit - start) * 1000)
                return
        print(f"no frame for {kind} within 5 s", file=sys.stderr)
        timings.setdefault(kind, []).append(5000.0)

    deck = presentation.deck

    def shown_tag():
        item = deck.current
        if deck.screen is not Screen.CONTENT:
            return deck.screen
        if item.kind is ItemKind.REPLAY and item.video_file is not None:
            return audience.surface_for(item)
        return deck.position

    for _round in range(rounds):
        press(Qt.Key.Key_Home, "", "jump", shown_tag)
        while deck.next_position() is not None:
            before = deck.item
            nxt = deck.next_position()
            target_item = deck.items[nxt.item]
            kind = ("replay-not-on-pc" if target_item.kind is ItemKind.REPLAY
                    and target_item.video_file is None else
                    f"{target_item.kind.value}-page" if nxt.item == before
                    else target_item.kind.value)
            press(Qt.Key.Key_PageDown, "", kind, shown_tag)
            if deck.current.kind is not ItemKind.REPLAY:
                press(Qt.Key.Key_B, "b", "black", lambda: Screen.BLACK)
                press(Qt.Key.Key_B, "b", "black-to-content", shown_tag)
        press(Qt.Key.Key_W, "w", "white", lambda: Screen.WHITE)
        press(Qt.Key.Key_L, "l", "logo", lambda: Screen.LOGO)
        press(Qt.Key.Key_Escape, "", "logo-to-content", shown_tag)
        for char, key in (("4", Qt.Key.Key_4),):
            app.sendEvent(console, QKeyEvent(QEvent.Type.KeyPress, key,
                                             Qt.KeyboardModifier.NoModifier, char))
        press(Qt.Key.Key_Return, "", "jump", shown_tag)
    presentation.end()

    everything = [t for values in timings.values() for t in values]
    print(f"{'kind':<20} {'n':>4} {'median_ms':>10} {'p95_ms':>8} {'max_ms':>8}")
    worst_kind, worst = "", -1.0
    for kind, values in sorted(timings.items()):
        p95 = percentile(values, 95)
        if p95 > worst:
            worst_kind, worst = kind, p95
        print(f"{kind:<20} {len(values):>4} {statistics.median(values):>10.1f} "
              f"{p95:>8.1f} {max(values):>8.1f}")
    print(f"presses={len(everything)} median_ms={statistics.median(everything):.1f} "
          f"max_ms={max(everything):.1f}")
    print(f"p95_ms={percentile(everything, 95):.1f} worst_kind={worst_kind}")
    return 0


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if not os.environ.get(CHILD_ENV):
        return run_on_own_display(sys.argv[1:])
    return bench(args.rounds)


if __name__ == "__main__":
    sys.exit(main())
