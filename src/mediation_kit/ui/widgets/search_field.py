"""The search field: where the mediator types; Down goes to the results, Esc clears, F1 shows
how to search (phrases, -word, OR, prefixes, filters)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from mediation_kit.core.i18n import _
from mediation_kit.ui import theme
from mediation_kit.ui.widgets.search_help import SearchSyntaxHelp, tooltip_text


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
        self.syntax_help: SearchSyntaxHelp | None = None  # made on the first F1
        self.retranslate()

    def retranslate(self) -> None:
        self.setPlaceholderText(_("Search replays, summaries and the kit…"))
        self.setToolTip(tooltip_text())
        self.setAccessibleName(_("Search"))
        self.setAccessibleDescription(
            _("Type to search replays, transcripts, summaries and the communication kit. "
              "F1: how to search"))
        if self.syntax_help is not None:
            self.syntax_help.retranslate()

    def show_syntax_help(self) -> None:
        """Opens the help on what the field understands (window-modal, like the other
        dialogs: Esc closes it, and the focus comes back to the field)."""
        if self.syntax_help is None:
            self.syntax_help = SearchSyntaxHelp(self.window())
            self.syntax_help.finished.connect(self.on_syntax_help_finished)
        self.syntax_help.open()

    def on_syntax_help_finished(self, _result: int) -> None:
        self.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        from PySide6.QtCore import Qt  # not at import: the field is built before the first paint

        key = event.key()
        if key == Qt.Key.Key_F1:
            self.show_syntax_help()
            return
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
