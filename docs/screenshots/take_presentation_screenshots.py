"""Takes the presenting screenshots from the real app, in French, on a desk and a projector.

    tests/ui/presentation/xvfb-screens start :7
    DISPLAY=:7 QT_QPA_PLATFORM=xcb .venv/bin/python docs/screenshots/take_presentation_screenshots.py
    tests/ui/presentation/xvfb-screens stop :7

The main window loads the real packs, then presents the example plan the way
`mediation-kit --present` does; each picture is read back from the X server (what the
projector or the desk really shows). The replay with video uses the test suite's tiny video
(the shipped packs have no video). Writes presentation-*.png next to this script.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
os.environ.setdefault("MEDIATION_KIT_PORTABLE_DIR", tempfile.mkdtemp(prefix="mk-shots-"))
sys.path.insert(0, str(REPO / "tests" / "ui" / "views"))

from PySide6.QtCore import QCoreApplication, QEvent, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QKeyEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from mediation_kit.core.paths import resources_dir  # noqa: E402
from mediation_kit.core.settings import Settings  # noqa: E402
from mediation_kit.ui.app import AppServices  # noqa: E402
from mediation_kit.ui.main_window import MainWindow  # noqa: E402
from mediation_kit.ui.presentation.command_line import present_plan_file  # noqa: E402

PLAN = resources_dir() / "plans" / "atelier-souverainete-numerique.mkplan"
XVFB_SCREENS = REPO / "tests" / "ui" / "presentation" / "xvfb-screens"


def settle(seconds: float = 0.5) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.02)


def wait_until(condition, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the app did not get there in time")
        settle(0.05)


def shoot(screen_name: str, name: str) -> None:
    settle(0.6)
    screen = next(s for s in QGuiApplication.screens() if s.name() == screen_name)
    size = screen.geometry().size()
    screen.grabWindow(0, 0, 0, size.width(), size.height()).save(
        str(HERE / f"presentation-{name}.png"))
    print(f"presentation-{name}.png")


def press(target, key, text="") -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier,
                                                 text))


def jump(target, number: int) -> None:
    for digit in str(number):
        press(target, Qt.Key(int(Qt.Key.Key_0) + int(digit)), digit)
    press(target, Qt.Key.Key_Return)


def main() -> int:
    app = QApplication(sys.argv[:1])
    settings = Settings(Path(os.environ["MEDIATION_KIT_PORTABLE_DIR"]) / "settings.toml")
    settings["language"] = "fr"
    services = AppServices(app)
    services.apply(settings)
    window = MainWindow(settings, app_services=services)
    window.show()
    window.finish_building()
    loaded = []
    window.content_loaded.connect(lambda: loaded.append(True))
    window.start_loading()
    wait_until(lambda: loaded)

    presentation = present_plan_file(window, PLAN)
    console = presentation.console
    wait_until(lambda: presentation.audience.isFullScreen())
    shoot("PROJ", "image")  # 1: the poster, credit in the corner
    press(console, Qt.Key.Key_PageDown)
    shoot("PROJ", "title-card")  # 2
    jump(console, 4)
    shoot("PROJ", "summary")
    press(console, Qt.Key.Key_PageDown)
    shoot("PROJ", "summary-continued")
    jump(console, 6)
    shoot("PROJ", "replay-not-on-this-pc")
    jump(console, 13)
    shoot("PROJ", "press-text")
    press(console, Qt.Key.Key_B, "b")
    shoot("PROJ", "black")
    press(console, Qt.Key.Key_L, "l")
    shoot("PROJ", "logo")
    press(console, Qt.Key.Key_Escape)
    jump(console, 4)
    press(console, Qt.Key.Key_PageDown)
    shoot("DESK", "console")
    press(console, Qt.Key.Key_F1)
    shoot("DESK", "console-help")
    press(console, Qt.Key.Key_F1)
    display = os.environ["DISPLAY"]
    subprocess.run(["bash", str(XVFB_SCREENS), "unplug", display], check=True)
    wait_until(lambda: console.banner.isVisible())
    shoot("DESK", "console-projector-unplugged")
    subprocess.run(["bash", str(XVFB_SCREENS), "plug", display], check=True)
    wait_until(lambda: presentation.audience.isVisible())
    presentation.end()

    # A replay with its video and captions: the test suite's small replay and video.
    import view_samples

    from mediation_kit.ui.presentation import start_presentation
    from mediation_kit.ui.presentation.items import item_for_record

    media = Path(tempfile.mkdtemp(prefix="mk-shots-media-"))
    shutil.copy(view_samples.TINY_VIDEO, media / "tiny-talk.mp4")
    item = item_for_record(view_samples.replay(), 1.2, media_folder=media)
    replay = start_presentation([item], settings, None)
    wait_until(lambda: replay.audience.isFullScreen())
    surface = replay.audience.shown_replay()
    wait_until(lambda: surface.player.position() >= 1300)
    press(replay.console, Qt.Key.Key_P, "p")
    shoot("PROJ", "replay")
    replay.end()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
