"""The search field: where the mediator types; Down goes to the results, Esc clears."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from mediation_kit.core.i18n import _
from mediation_kit.ui import theme


class SearchField(QLineEdit):
    down_pressed = Signal()  # the user wants to move into the results
    enter_pressed = Signal()  # Enter in the field: open the first (or selected) result

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchField")
        self.setClearButtonEnabled(True)
        self.setTextMargins(4, 3, 4, 3)
        theme.set_theme_role(self, theme.FIELD)
        self.setMinimumWidth(320)
        self.retranslate()

    def retranslate(self) -> None:
        self.setPlaceholderText(_("Search replays, summaries and the kit…"))
        self.setToolTip(_("Type a few letters to search (Ctrl+K). Down: results, Esc: clear"))
        self.setAccessibleName(_("Search"))
        self.setAccessibleDescription(
            _("Type to search replays, transcripts, summaries and the communication kit"))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        from PySide6.QtCore import Qt  # not at import: the field is built before the first paint

        key = event.key()
        if key == Qt.Key.Key_Down:
            self.down_pressed.emit()
            return
        if key == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter_pressed.emit()
            return
        super().keyPressEvent(event)
