"""Small steps shared by the plan tests: search, keys sent where the focus is, acting inside
the modal dialogs the plan opens."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer
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


def in_modal(action, handler, timeout_ms: int = 5000) -> None:
    """Runs `action`, which opens a modal dialog, and `handler(dialog)` once it is shown
    (the handler closes it). Fails if no dialog came."""
    seen = []

    def poll(left: int = timeout_ms) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible():
            if left > 0:
                QTimer.singleShot(20, lambda: poll(left - 20))
            return
        seen.append(dialog)
        try:
            handler(dialog)
        except BaseException as error:  # re-raised below, once the dialog is closed
            errors.append(error)
        if dialog.isVisible():
            dialog.reject()

    errors: list[BaseException] = []
    QTimer.singleShot(0, poll)
    action()
    # The offscreen platform has no window manager to give the window back its activation.
    if seen and seen[0].parentWidget() is not None:
        window = seen[0].parentWidget().window()
        window.activateWindow()
        deadline = time.monotonic() + 2
        while QApplication.activeWindow() is not window and time.monotonic() < deadline:
            QApplication.processEvents()
    if errors:
        raise errors[0]
    assert seen, "no dialog was opened"
