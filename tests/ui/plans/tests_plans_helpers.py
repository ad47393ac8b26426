"""Small steps shared by the plan tests: search, keys sent where the focus is."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication


def focus_keys(qtbot, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed by the user: it goes to the widget that has the focus."""
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the focus"
    qtbot.keyClick(target, key, modifiers)


def search_and_go_down(qtbot, window, text: str) -> None:
    window.search_field.setFocus()
    window.search_field.selectAll()  # the new words replace the old ones
    qtbot.keyClicks(window.search_field, text)
    qtbot.waitUntil(lambda: window._last_results is not None
                    and window._last_results.query.text == text)
    qtbot.keyClick(window.search_field, Qt.Key.Key_Down)


def paste_text(widget, text: str) -> None:
    """Text arriving at once, as from a paste or an input method: one key event."""
    for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                 Qt.KeyboardModifier.NoModifier, text))
