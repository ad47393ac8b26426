"""A whole presentation driven by the keys a clicker sends, on a desk and a projector."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QApplication, QLabel, QLineEdit, QMenuBar, QToolBar,
)

from mediation_kit.core.settings import Settings
from mediation_kit.ui.presentation import start_presentation
from mediation_kit.ui.presentation.deck import Position, Screen
from mediation_kit.ui.presentation.items import ItemKind


def press(target, key, text=""):
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier,
                                                 text))


def projector_pixels(presentation) -> QImage:
    """What the projector screen really shows, read back from the X server."""
    screen = presentation.audience.windowHandle().screen()
    size = screen.geometry().size()
    return screen.grabWindow(0, 0, 0, size.width(), size.height()).toImage()


def same_picture(a: QImage, b: QImage) -> bool:
    """Equal at a grid of points (the X server may give another pixel format)."""
    if a.size() != b.size():
        return False
    for x in range(5, a.width(), a.width() // 9):
        for y in range(5, a.height(), a.height() // 7):
            if QColor(a.pixel(x, y)).rgb() != QColor(b.pixel(x, y)).rgb():
                return False
    return True


@pytest.fixture
def presentation(qtbot, items, library, tmp_path):
    settings = Settings(tmp_path / "settings.toml")
    shown = start_presentation(items, settings, library)
    qtbot.waitUntil(lambda: shown.audience.isVisible() and shown.audience.isFullScreen())
    yield shown
    shown.end()


def wait_shows(qtbot, presentation, expected: QImage):
    qtbot.waitUntil(lambda: same_picture(projector_pixels(presentation), expected), timeout=3000)


def test_audience_window_is_alone_full_screen_on_the_projector(qtbot, presentation):
    audience = presentation.audience
    projector = next(s for s in QGuiApplication.screens() if s.name() == "PROJ")
    assert QGuiApplication.primaryScreen().name() == "DESK"
    assert audience.windowHandle().screen() is projector
    assert audience.isFullScreen()
    assert audience.frameGeometry() == projector.geometry()
    # No pointer over the room's picture.
    assert audience.cursor().shape() == Qt.CursorShape.BlankCursor
    assert audience.canvas.cursor().shape() == Qt.CursorShape.BlankCursor
    # None of the operator's widgets: no field, menu, toolbar, button, list or label.
    for kind in (QLineEdit, QMenuBar, QToolBar, QAbstractButton, QAbstractItemView, QLabel):
        assert audience.findChildren(kind) == []
    # The console is on the desk, and nothing else is on the projector.
    assert presentation.console.windowHandle().screen().name() == "DESK"
    on_projector = [w for w in QApplication.topLevelWidgets()
                    if w.isVisible() and w.windowHandle() is not None
                    and w.windowHandle().screen() is projector]
    assert on_projector == [audience]
    wait_shows(qtbot, presentation, presentation.image_for(Position(0, 0)))


def test_whole_presentation_by_keys(qtbot, presentation):
    deck, console = presentation.deck, presentation.console
    pages = deck.page_count(1)
    assert pages >= 2  # the summary does not fit one screen at this size

    painted = []
    presentation.audience.canvas.frame_painted.connect(painted.append)
    press(console, Qt.Key.Key_PageDown)
    assert deck.position == Position(1, 0)
    wait_shows(qtbot, presentation, presentation.image_for(Position(1, 0)))
    # Never a flash of the old page: every paint since the key shows the new one, whole.
    assert painted and set(painted) == {Position(1, 0)}
    for _page in range(pages - 1):
        press(console, Qt.Key.Key_Space)
    assert deck.position == Position(1, pages - 1)  # every page before the next item
    press(console, Qt.Key.Key_Right)
    assert deck.position == Position(2, 0) and deck.current.kind is ItemKind.IMAGE
    press(console, Qt.Key.Key_Left)
    assert deck.position == Position(1, pages - 1)
    press(console, Qt.Key.Key_Down)

    # Black, white, the event's visual: each one key away, Esc back to the content.
    press(console, Qt.Key.Key_B, "b")
    qtbot.waitUntil(lambda: QColor(projector_pixels(presentation).pixel(500, 400))
                    == QColor("black"))
    press(console, Qt.Key.Key_B, "b")
    wait_shows(qtbot, presentation, presentation.image_for(Position(2, 0)))
    press(console, Qt.Key.Key_W, "w")
    qtbot.waitUntil(lambda: QColor(projector_pixels(presentation).pixel(500, 400))
                    == QColor("white"))
    assert "white" in console.room_label.text()
    press(console, Qt.Key.Key_L, "l")
    assert deck.screen is Screen.LOGO
    wait_shows(qtbot, presentation, presentation.screen_image(Screen.LOGO))
    press(console, Qt.Key.Key_Escape)
    assert deck.screen is Screen.CONTENT and not presentation.is_ended
    wait_shows(qtbot, presentation, presentation.image_for(Position(2, 0)))

    # Period blacks out too; moving on in the dark, then back: the new item, not the old.
    press(console, Qt.Key.Key_Period, ".")
    assert deck.screen is Screen.BLACK
    press(console, Qt.Key.Key_PageDown)
    assert deck.screen is Screen.BLACK and deck.item == 3
    press(console, Qt.Key.Key_Escape)
    wait_shows(qtbot, presentation, presentation.image_for(Position(3, 0)))

    # Number + Enter jumps; Home and End.
    press(console, Qt.Key.Key_1, "1")
    assert console.jump_entry.text()
    press(console, Qt.Key.Key_Return)
    assert deck.position == Position(0, 0)
    press(console, Qt.Key.Key_End)
    assert deck.item == 4
    press(console, Qt.Key.Key_Home)
    assert deck.item == 0

    # The leader's note is on the console, never on the audience window.
    assert console.note.text() == "Accueillir le groupe"

    # Esc with the content shown ends the presentation.
    with qtbot.waitSignal(presentation.ended, timeout=2000):
        press(console, Qt.Key.Key_Escape)


def test_replay_item_plays_from_its_moment_and_stops_at_the_clip_end(qtbot, presentation):
    console = presentation.console
    press(console, Qt.Key.Key_5, "5")
    press(console, Qt.Key.Key_Enter)
    surface = presentation.audience.shown_replay()
    assert surface is not None and surface.item.start_s == 1.5
    positions = []
    surface.player.positionChanged.connect(positions.append)
    qtbot.waitUntil(lambda: bool(positions) and max(positions) >= 1500, timeout=8000)
    assert min(p for p in positions if p > 0) >= 1400  # it started at the moment, not at 0
    # The console's picture of the room follows the video.
    qtbot.waitUntil(lambda: console.current_preview._image.size()
                    == surface.video.videoSink().videoFrame().size(), timeout=3000)
    # The clip ends at 3 s: paused there, not running to the end of the file.
    with qtbot.waitSignal(surface.clip_ended, timeout=8000):
        pass
    assert not surface.playing
    assert surface.player.position() < 3600
    # P plays the clip again from its start; C hides the captions.
    press(console, Qt.Key.Key_P, "p")
    assert surface.playing
    press(console, Qt.Key.Key_C, "c")
    assert not surface.caption_text.isVisible()
