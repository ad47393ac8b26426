"""What the window says when nothing matches: a clickable correction and close matches."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from mediation_kit.core.i18n import _
from mediation_kit.core.search.api import Hit
from mediation_kit.ui import theme
from mediation_kit.ui.widgets.result_list import ResultList


class NoResultPanel(QWidget):
    suggestion_chosen = Signal(str)  # the corrected query the user clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        self.suggestion_button = QPushButton(self)
        self.suggestion_button.setObjectName("suggestionButton")
        self.suggestion_button.setFlat(True)
        self.suggestion_button.setCursor(QCursor(Qt.CursorShape.PointingHandCursor))
        self.suggestion_button.setStyleSheet(
            "QPushButton#suggestionButton { color: palette(link); text-decoration: underline;"
            " text-align: left; border: none; padding: 2px; }"
            "QPushButton#suggestionButton:focus { border: 2px solid palette(highlight); }")
        self.suggestion_button.clicked.connect(
            lambda: self.suggestion_chosen.emit(self._suggestion or ""))
        self.hints = QLabel(self)
        self.hints.setWordWrap(True)
        theme.set_theme_role(self.hints, theme.MUTED)
        self.close_heading = QLabel(self)
        self.close_matches = ResultList(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.suggestion_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.hints)
        layout.addWidget(self.close_heading)
        layout.addWidget(self.close_matches, 1)
        # Without close matches, the room below goes to this spacer rather than being
        # shared out between the heading and the hint (a large gap between them); with
        # them, the list (stretch 1) takes it all.
        layout.addStretch(0)
        self._query = ""
        self._suggestion: str | None = None
        self._fuzzy: tuple[Hit, ...] = ()
        self.retranslate()

    def show_nothing_found(self, query: str, suggestion: str | None,
                           fuzzy: tuple[Hit, ...]) -> None:
        self._query, self._suggestion, self._fuzzy = query, suggestion, tuple(fuzzy)
        self.close_matches.set_hits(self._fuzzy)
        self.retranslate()

    def retranslate(self) -> None:
        if self._query:
            heading = _("Nothing found for “{query}”").format(query=self._query)
        else:
            heading = _("Nothing matches these filters")
        self.heading.setText("<h3>{}</h3>".format(html.escape(heading)))
        if self._suggestion:
            self.suggestion_button.setText(
                _("Did you mean “{suggestion}”?").format(suggestion=self._suggestion))
            self.suggestion_button.setAccessibleName(
                _("Search for {suggestion} instead").format(suggestion=self._suggestion))
            self.suggestion_button.setToolTip(_("Search for the corrected words"))
        self.suggestion_button.setVisible(bool(self._suggestion))
        self.hints.setText(_("Check the spelling, use fewer words, or remove a filter."))
        self.close_heading.setText(_("Close matches"))
        self.close_heading.setVisible(bool(self._fuzzy))
        self.close_matches.setVisible(bool(self._fuzzy))
        self.close_matches.retranslate()
        self.close_matches.setAccessibleName(_("Close matches"))
        self.setAccessibleName(_("No results"))
