"""The main window's saved size, position and panel layout, restored without trusting them.

The settings keep Qt's saved bytes in base64. A value edited by hand, written by another
version or cut short must never stop the window from opening, nor open it too small to show
anything: every bad value falls back to the default layout.
"""

from __future__ import annotations

import base64
import binascii

from PySide6.QtCore import QByteArray, QSize
from PySide6.QtWidgets import QMainWindow, QSplitter

# No `Qt` namespace here: PySide builds all of Qt's enums the first time any of them is
# touched (10-25 ms), and this runs before the window's first paint.

DEFAULT_SIZE = QSize(1100, 720)
# Below this the toolbar hides the search field in its overflow menu and the results have no
# room: such a saved size is treated as a mistake, not as a choice.
MIN_USABLE_SIZE = QSize(480, 320)


def decode_saved(text: str) -> QByteArray | None:
    """The bytes of a saved layout, or None when `text` is empty or not base64."""
    if not text:
        return None
    try:
        return QByteArray(base64.b64decode(text.encode("ascii"), validate=True))
    except (UnicodeEncodeError, binascii.Error, ValueError):
        return None


def default_size(window: QMainWindow) -> QSize:
    """The default size, made smaller to fit the screen's free area."""
    screen = window.screen()
    if screen is None:
        return QSize(DEFAULT_SIZE)
    return DEFAULT_SIZE.boundedTo(screen.availableGeometry().size())


def is_usable(size: QSize) -> bool:
    return size.width() >= MIN_USABLE_SIZE.width() and size.height() >= MIN_USABLE_SIZE.height()


def restore_window_geometry(window: QMainWindow, saved: str) -> bool:
    """Restores the saved geometry when it is readable and usable; otherwise gives the window
    its default size. Returns whether the saved geometry was used."""
    data = decode_saved(saved)
    if data is not None and window.restoreGeometry(data):
        if window.isMaximized() or window.isFullScreen() or is_usable(window.size()):
            return True
    if window.isMaximized() or window.isFullScreen() or window.isMinimized():
        from PySide6.QtCore import Qt

        window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(default_size(window))
    return False


def restore_splitter_state(splitter: QSplitter, saved: str) -> bool:
    """Restores the panels' sizes when the saved state is readable; else keeps the current
    ones. Returns whether the saved state was used."""
    data = decode_saved(saved)
    return data is not None and splitter.restoreState(data)
