"""The projector's cable pulled mid-presentation, then plugged back."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication

from mediation_kit.core.settings import Settings
from mediation_kit.ui.presentation import start_presentation


def next_key(target):
    QApplication.sendEvent(target, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_PageDown,
                                             Qt.KeyboardModifier.NoModifier))


def test_unplugged_projector_hides_the_window_and_it_comes_back(
        qtbot, items, library, tmp_path, projector_plug):
    settings = Settings(tmp_path / "settings.toml")
    presentation = start_presentation(items, settings, library)
    audience, console = presentation.audience, presentation.console
    qtbot.waitUntil(lambda: audience.isVisible() and audience.isFullScreen())
    next_key(console)
    assert presentation.deck.item == 1
    banners = []

    projector_plug("unplug")
    qtbot.waitUntil(lambda: not any(s.name() == "PROJ" for s in QGuiApplication.screens()),
                    timeout=5000)
    qtbot.waitUntil(lambda: not audience.isVisible(), timeout=3000)
    assert console.banner.isVisible()
    banners.append(console.banner.text())
    assert "PROJ" in banners[0] and "disconnected" in banners[0]
    # The presentation goes on: keys, position and the talk timer.
    before = presentation.deck.position
    next_key(console)
    moved = presentation.deck.position
    assert moved != before
    assert not presentation.clock.paused
    assert console.isVisible()

    projector_plug("plug")
    qtbot.waitUntil(lambda: audience.isVisible() and audience.isFullScreen(), timeout=5000)
    assert audience.windowHandle().screen().name() == "PROJ"
    qtbot.waitUntil(lambda: audience.frameGeometry()
                    == audience.windowHandle().screen().geometry(), timeout=3000)
    assert not console.banner.isVisible()
    assert presentation.deck.position == moved  # where the leader got to while it was away
    assert audience.canvas.tag == moved  # ...and that is what the room sees
    # The automatic choice was used: nothing was written as the user's choice.
    assert settings["projector_screen"] == ""
    assert not (tmp_path / "settings.toml").exists()
    presentation.end()
