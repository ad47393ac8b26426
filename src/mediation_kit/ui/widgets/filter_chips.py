"""Active filters as removable chips above the results ("Event: Numérique en Commun[s] ✕")."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from mediation_kit.core.i18n import _
from mediation_kit.core.search.api import FACET_LABELS


class FilterChips(QWidget):
    remove_requested = Signal(str, str)  # facet, value: the user removed this filter
    clear_requested = Signal()  # the user removed every filter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._label = QLabel(self)
        self._layout.addWidget(self._label)
        self._chips_at = 1
        self._clear = QToolButton(self)
        self._clear.setAutoRaise(True)
        self._clear.clicked.connect(self.clear_requested)
        self._layout.addWidget(self._clear)
        self._layout.addStretch(1)
        self._filters: list[tuple[str, str, str]] = []
        self.chips: list[QToolButton] = []
        self.retranslate()
        self.setVisible(False)

    def retranslate(self) -> None:
        self._label.setText(_("Filters:"))
        self._clear.setText(_("Clear filters"))
        self._clear.setAccessibleName(_("Clear all filters"))
        self._clear.setToolTip(_("Remove every filter"))
        self.set_filters(self._filters)

    def set_filters(self, filters: list[tuple[str, str, str]]) -> None:
        """`filters`: (facet, value, label as shown) for each active filter."""
        self._filters = list(filters)
        for chip in self.chips:
            self._layout.removeWidget(chip)
            chip.deleteLater()
        self.chips = []
        for position, (facet, value, label) in enumerate(self._filters):
            chip = QToolButton(self)
            chip.setObjectName("filterChip")
            text = _("{facet}: {value}").format(facet=_(FACET_LABELS[facet]), value=label)
            chip.setText(text + "  ✕")
            chip.setAccessibleName(_("Remove filter {filter}").format(filter=text))
            chip.setToolTip(_("Remove this filter"))
            chip.setProperty("facet", facet)
            chip.setProperty("value", value)
            chip.clicked.connect(lambda _checked=False, f=facet, v=value:
                                 self.remove_requested.emit(f, v))
            self._layout.insertWidget(self._chips_at + position, chip)
            self.chips.append(chip)
        self._clear.setVisible(len(self._filters) > 1)
        self.setVisible(bool(self._filters))
