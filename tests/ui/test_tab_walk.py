"""Tab and Shift+Tab, pressed as a person would in the real window, reach every control of
each view in both directions; each label's accessible text includes what it shows.

The window runs on the real loader, index and engine over a small pack on disk."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from disk_pack import write_pack
from mediation_kit.core.settings import Settings
from mediation_kit.ui.content import load_content
from mediation_kit.ui.main_window import MainWindow

MEDIA = Path(__file__).resolve().parents[1] / "fixtures" / "media"


def open_window(qtbot, tmp_path, media: Path | None) -> MainWindow:
    packs = tmp_path / "packs"
    write_pack(packs)
    settings = Settings(tmp_path / "settings.toml")
    if media is not None:
        settings["media_folder"] = str(media)
    loader = partial(load_content, packs, tmp_path / "no-shipped-index", tmp_path / "cache")
    window = MainWindow(settings, loader=loader)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitActive(window)
    with qtbot.waitSignal(window.content_loaded, timeout=20000):
        window.start_loading()
    return window


def show(qtbot, window: MainWindow, key: str) -> QWidget:
    window.open_key(key)
    qtbot.wait(100)
    views = window.resource_views()
    return views.currentWidget()


def walk(qtbot, window: MainWindow, backwards: bool) -> list[QWidget]:
    """Every widget the focus lands on, from the search field round to it again."""
    start = window.search_field
    start.setFocus()
    qtbot.waitUntil(start.hasFocus)
    key = Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab
    modifier = Qt.KeyboardModifier.ShiftModifier if backwards else Qt.KeyboardModifier.NoModifier
    reached: list[QWidget] = []
    for _ in range(120):
        qtbot.keyClick(QApplication.focusWidget(), key, modifier)
        widget = QApplication.focusWidget()
        if widget is start or widget is None:
            break
        reached.append(widget)
    return reached


def controls(view: QWidget) -> list[QWidget]:
    """What a person can operate in the view: visible, enabled, taking focus by Tab."""
    return [w for w in view.findChildren(QWidget)
            if w.isVisibleTo(view) and w.isEnabled()
            and w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.focusProxy() is None]


def name(widget: QWidget) -> str:
    return widget.accessibleName() or type(widget).__name__


VIEWS = {
    "summary shown in English, with its French original": ("demo-2025:summary:ouverture", MEDIA),
    "replay with its video": ("demo-2025:replay:pleniere", MEDIA),
    "replay without its video": ("demo-2025:replay:pleniere", None),
    "press text": ("demo-2025:kit:communique", None),
    "poster": ("demo-2025:kit:affiche", None),
}


@pytest.mark.parametrize("case", sorted(VIEWS))
def test_tab_and_shift_tab_reach_every_control_of_the_view(qtbot, tmp_path, case):
    key, media = VIEWS[case]
    window = open_window(qtbot, tmp_path, media)
    view = show(qtbot, window, key)
    expected = controls(view)
    assert expected, "the view has controls to reach"
    forwards = walk(qtbot, window, backwards=False)
    backwards = walk(qtbot, window, backwards=True)
    assert [name(w) for w in expected if w not in forwards] == []
    assert [name(w) for w in expected if w not in backwards] == []
    # and the view's own controls come in the same order both ways
    ahead = [w for w in forwards if w in expected]
    behind = [w for w in reversed(backwards) if w in expected]
    assert ahead == behind


def test_the_named_controls_of_each_view_are_reached(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path, MEDIA)
    # The replay's player: play, seek, mute, volume
    view = show(qtbot, window, "demo-2025:replay:pleniere")
    player = view.player
    for backwards in (False, True):
        reached = walk(qtbot, window, backwards)
        for control in (player.play_button, player.seek_slider, player.mute_button,
                        player.volume_slider, view.cues):
            assert control in reached, (name(control), backwards)
    # The summary's "Read in French"
    view = show(qtbot, window, "demo-2025:summary:ouverture")
    assert view.translation_link.text() == "Read in French"
    for backwards in (False, True):
        assert view.translation_link in walk(qtbot, window, backwards)


def test_a_replay_without_video_never_hands_focus_to_a_hidden_button(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path, None)
    view = show(qtbot, window, "demo-2025:replay:pleniere")
    proxy = view.focusProxy()
    assert proxy is None or proxy.isVisible()
    view.setFocus()
    assert QApplication.focusWidget() is not None and QApplication.focusWidget().isVisible()
    # Tab from the search field goes somewhere visible
    window.search_field.setFocus()
    qtbot.keyClick(window.search_field, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not window.search_field
    assert QApplication.focusWidget().isVisible()


@pytest.mark.parametrize("key", ["demo-2025:summary:ouverture", "demo-2025:replay:pleniere",
                                 "demo-2025:kit:affiche"])
def test_each_label_s_accessible_text_includes_what_it_shows(qtbot, tmp_path, key):
    window = open_window(qtbot, tmp_path, None)
    view = show(qtbot, window, key)
    labels = [label for label in view.findChildren(QLabel)
              if label.isVisibleTo(view) and label.text().strip()
              and not isinstance(label.parentWidget(), QAbstractButton)]
    assert labels
    hidden = {label.text(): label.accessibleName() for label in labels
              if label.accessibleName() and label.text().strip() not in label.accessibleName()}
    assert hidden == {}
