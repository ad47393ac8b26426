"""Every value of one facet, with a box to filter them: for facets of thousands of values
(speakers, themes) whose top ones only fit in the panel.

Typing in the box keeps the values whose label holds every typed word (accents and case
folded, as search does); Enter or a double click chooses the current value.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout,
    QWidget)

from mediation_kit.core.i18n import _, format_number, ngettext
from mediation_kit.core.text import fold

ValueRole = Qt.ItemDataRole.UserRole + 1


class FacetValuesDialog(QDialog):
    def __init__(self, title: str, values: list[tuple[str, str, int]],
                 active: frozenset[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chosen: str | None = None
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self._values = [(value, label, count, fold(label)) for value, label, count in values]
        self.filter_box = QLineEdit(self)
        self.filter_box.setPlaceholderText(_("Filter the values…"))
        self.filter_box.setAccessibleName(_("Filter the values"))
        self.filter_box.setClearButtonEnabled(True)
        self.summary = QLabel(self)
        self.list = QListWidget(self)
        self.list.setAccessibleName(title)
        self.list.setUniformItemSizes(True)
        self.list.setWordWrap(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Filter by this value"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self._active = active
        self.filter_box.textChanged.connect(self._fill)
        self.filter_box.returnPressed.connect(self.accept)
        self.list.itemActivated.connect(lambda _item: self.accept())
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.resize(480, 560)
        self._fill("")
        self.filter_box.setFocus()

    def _fill(self, text: str) -> None:
        words = fold(text).split()
        self.list.clear()
        shown = 0
        for value, label, count, folded in self._values:
            if all(w in folded for w in words):
                item = QListWidgetItem(_("{value} ({count})").format(
                    value=label, count=format_number(count)), self.list)
                item.setData(ValueRole, value)
                item.setToolTip(label)  # a long name in full
                if value in self._active:
                    item.setText(_("{value} (filtered)").format(value=item.text()))
                shown += 1
        self.summary.setText(ngettext("{count} value", "{count} values", shown).format(
            count=format_number(shown)))
        if self.list.count():
            self.list.setCurrentRow(0)

    def accept(self) -> None:
        item = self.list.currentItem()
        self.chosen = item.data(ValueRole) if item is not None else None
        super().accept()
