"""Takes the README's screenshots from the real app, on the real content packs.

    Xvfb :5 -screen 0 1366x768x24 -nolisten tcp -noreset &
    DISPLAY=:5 .venv/bin/python docs/screenshots/take_screenshots.py

User folders go to a temporary place (the index is built there if none is shipped).
Writes home.png, results.png, summary.png, replay.png, kit.png, no-result.png, dark.png,
high-contrast.png (with 130 % text), home-fr.png, results-de.png, browse.png (an event's
summaries, browsed from its card), summary-unknown-day.png (a summary known only by its
event's dates) and replay-player.png (the test suite's small pack and video: the shipped packs
have no video) next to this script. Names given as arguments take only those:
`take_screenshots.py browse summary-unknown-day`.

`take_screenshots.py matrix` takes the results and a summary at 100 % and 150 % text size, in
the light, dark and high-contrast themes, in French and German: matrix/<lang>-<size>-<theme>-
results.png and …-summary.png (also part of a run without arguments).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
os.environ.setdefault("MEDIATION_KIT_PORTABLE_DIR", tempfile.mkdtemp(prefix="mk-shots-"))

from PySide6.QtCore import QCoreApplication  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from mediation_kit.core import i18n  # noqa: E402
from mediation_kit.core.settings import Settings  # noqa: E402
from mediation_kit.ui.app import AppServices  # noqa: E402
from mediation_kit.ui.main_window import MainWindow  # noqa: E402


def pump() -> None:
    # (processEvents(flags, maxtime) corrupts None's refcount on PySide6 6.12: not used)
    QCoreApplication.processEvents()
    time.sleep(0.02)


def wait_until(condition, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there in time")
        pump()


def settle(seconds: float = 0.4) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pump()


def search(window: MainWindow, text: str) -> None:
    window.go_home()
    window.search_field.setText(text)
    wait_until(lambda: window._last_results is not None
               and window._last_results.query.text == text)
    settle()


def open_first(window: MainWindow, kind: str) -> None:
    hits = window.result_list.result_model.hits
    hit = next(h for h in hits if h.type == kind)
    window.open_hit(hit)
    settle(1.0)


def shoot(window: MainWindow, name: str) -> None:
    settle()
    path = HERE / f"{name}.png"
    window.grab().save(str(path))
    print(path)


def shoot_browse(window: MainWindow) -> None:
    """An event's summaries browsed from its card, and one whose day is not known."""
    window.go_home()
    window.on_home_browse_requested("nec-2025", "summary")
    settle(1.0)
    shoot(window, "browse")
    hit = next(h for h in window.result_list.result_model.hits
               if h.date_end is not None and h.language == "en")
    window.open_hit(hit)
    settle(1.0)
    shoot(window, "summary-unknown-day")


MATRIX_THEMES = ("light", "dark", "high-contrast")


def shoot_matrix(window: MainWindow) -> None:
    """Results (filters, hits) and a summary in each language, text size and theme."""
    (HERE / "matrix").mkdir(exist_ok=True)
    for language in ("fr", "de"):
        for size in (100, 150):
            for theme in MATRIX_THEMES:
                window.apply_settings({"language": language, "text_size": size,
                                       "theme": theme})
                name = f"matrix/{language}-{size}-{theme}"
                search(window, "souveraineté numérique")
                shoot(window, f"{name}-results")
                open_first(window, "summary")
                shoot(window, f"{name}-summary")
    window.apply_settings({"language": "en", "text_size": 100, "theme": "light"})


def main() -> int:
    only = set(sys.argv[1:])
    app = QApplication(sys.argv[:1])
    services = AppServices(app)
    settings = Settings(Path(os.environ["MEDIATION_KIT_PORTABLE_DIR"]) / "settings.toml")
    settings["language"] = "en"
    services.apply(settings)
    window = MainWindow(settings, app_services=services)
    window.resize(1280, 760)
    window.show()
    window.start_loading()
    wait_until(lambda: window.content is not None, timeout=120)
    settle(1.0)
    if only:
        if only & {"browse", "summary-unknown-day"}:
            shoot_browse(window)
        if "matrix" in only:
            shoot_matrix(window)
        window.close()
        return 0
    shoot(window, "home")

    search(window, "souveraineté numérique")
    shoot(window, "results")
    open_first(window, "summary")
    shoot(window, "summary")

    search(window, "communs")
    open_first(window, "cue" if any(h.type == "cue" for h in window.result_list.result_model.hits)
               else "replay")
    shoot(window, "replay")

    search(window, "affiche")
    open_first(window, "kit")
    shoot(window, "kit")

    search(window, "strasbourgh")
    shoot(window, "no-result")

    shoot_browse(window)

    window.apply_settings({"theme": "dark"})
    search(window, "inclusion")
    shoot(window, "dark")
    window.apply_settings({"theme": "high-contrast", "text_size": 130})
    search(window, "inclusion")
    shoot(window, "high-contrast")
    window.apply_settings({"text_size": 100})
    window.apply_settings({"theme": "light", "language": "fr"})
    window.go_home()
    shoot(window, "home-fr")
    window.apply_settings({"language": "de"})
    search(window, "souveraineté")
    shoot(window, "results-de")
    window.apply_settings({"language": "en"})
    shoot_matrix(window)
    window.close()
    shoot_player(services)
    i18n.set_language("en")
    return 0


def shoot_player(services: AppServices) -> None:
    """The replay view playing a video: the shipped packs have no video file, so this uses
    the test suite's small pack and its 4-second test video."""
    from functools import partial

    sys.path.insert(0, str(REPO / "tests" / "ui"))
    from disk_pack import write_pack

    from mediation_kit.ui.content import load_content

    work = Path(tempfile.mkdtemp(prefix="mk-shots-player-"))
    write_pack(work / "packs")
    settings = Settings(work / "settings.toml")
    settings["media_folder"] = str(REPO / "tests" / "fixtures" / "media")
    loader = partial(load_content, work / "packs", work / "no-index", work / "cache")
    window = MainWindow(settings, loader=loader, app_services=services)
    window.resize(1280, 760)
    window.show()
    window.start_loading()
    wait_until(lambda: window.content is not None, timeout=120)
    search(window, "quotidien")
    open_first(window, "cue")
    player = window.resource_views().replay_view.player
    wait_until(lambda: player.position_seconds() >= 2.5, timeout=20)
    player.toggle_playback()  # paused on a frame of the test pattern
    shoot(window, "replay-player")
    window.close()


if __name__ == "__main__":
    sys.exit(main())
