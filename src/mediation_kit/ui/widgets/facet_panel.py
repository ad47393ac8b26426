"""The facet panel: counts by type, event, year, language, speaker and theme.

Each value is a checkable row; checking it filters the results, unchecking removes the
filter. Space or a click toggles the row under the cursor.

The count has a column of its own, so that it always shows; the panel widens to its longest
label, up to a share of the window (`MAX_SHARE`), and a label longer than that is cut with
"…" and given whole in its tooltip and accessible text.

A facet with many values (2,000 speakers) shows its top ones and a "N more…" row: activating
it opens a list of every value with a filter box (facet_values_dialog.py).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication, QHeaderView, QSplitter, QTreeWidget, QTreeWidgetItem, QWidget,
)

from mediation_kit.core.i18n import _, format_number, language_name, ngettext
from mediation_kit.core.search.api import FACET_LABELS, FACETS, FacetCount
from mediation_kit.ui.theme import check_box_palette

FacetRole = Qt.ItemDataRole.UserRole + 1
ValueRole = Qt.ItemDataRole.UserRole + 2
LabelRole = Qt.ItemDataRole.UserRole + 3
# True on a row whose label is content (an event's, a speaker's or a theme's name), not a
# text of the interface to translate.
ContentRole = Qt.ItemDataRole.UserRole + 4
LABEL, COUNT = 0, 1
# The most of the window's width the panel takes to show its labels whole.
MAX_SHARE = 0.36
MoreRole = Qt.ItemDataRole.UserRole + 5  # on a "N more…" row: the facet
# Values shown per facet before its "N more…" row.
SHOWN_VALUES = 12


def facet_value_label(facet: str, value: str, label: str) -> str:
    """How a facet value reads for a person, in the interface language."""
    if facet == "type":
        from mediation_kit.ui.widgets.result_list import type_label

        return type_label(value)
    if facet == "lang":
        return language_name(value)
    return label or value


class FacetPanel(QTreeWidget):
    filter_toggled = Signal(str, str, bool)  # facet, value, now active

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setColumnCount(2)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(LABEL, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COUNT, QHeaderView.ResizeMode.ResizeToContents)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self._facets: dict[str, tuple[FacetCount, ...]] = {}
        self._active: dict[str, frozenset[str]] = {}
        self._totals: dict[str, int] = {}
        # facet -> every value with its count, for the current query (set by the window).
        self.values_provider: Callable[[str], tuple[FacetCount, ...]] | None = None
        self._filling = False
        self.itemChanged.connect(self._on_item_changed)
        self.itemActivated.connect(self._on_item_activated)  # Enter, like Space, toggles
        self.itemClicked.connect(self._on_item_clicked)
        self.setPalette(check_box_palette(QApplication.palette()))
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.ApplicationPaletteChange:
            self.setPalette(check_box_palette(QApplication.palette()))
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the text size changed: fit again
            QTimer.singleShot(0, self, self.fit_width)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        QTimer.singleShot(0, self, self.fit_width)  # filled, or its text grown, while hidden

    def ideal_width(self) -> int:
        """The width that shows every label and count whole."""
        scroll_bar = self.verticalScrollBar().sizeHint().width()
        return (self.sizeHintForColumn(LABEL) + self.sizeHintForColumn(COUNT)
                + 2 * self.frameWidth() + scroll_bar + 8)

    def fit_width(self) -> None:
        """Widens the panel in its splitter to its longest label, up to MAX_SHARE of the
        window; never narrows it (a width the user dragged to stays)."""
        splitter = self.parentWidget()
        if not isinstance(splitter, QSplitter) or not self.topLevelItemCount() \
                or not self.isVisible():  # hidden, its splitter size is 0: fit once shown
            return
        self.executeDelayedItemsLayout()  # the rows measured in the current font
        sizes = splitter.sizes()
        index = splitter.indexOf(self)
        total = sum(sizes)
        if index < 0 or total <= 0:
            return
        wanted = min(self.ideal_width(), int(self.window().width() * MAX_SHARE))
        if sizes[index] >= wanted:
            return
        grow = wanted - sizes[index]
        other = 1 - index if len(sizes) == 2 else None
        if other is None:
            return
        sizes[index], sizes[other] = wanted, max(0, sizes[other] - grow)
        splitter.setSizes(sizes)

    def retranslate(self) -> None:
        self.setAccessibleName(_("Filters"))
        self.setToolTip(_("Check a value to show only matching results"))
        self._fill()

    def set_facets(self, facets: dict[str, tuple[FacetCount, ...]],
                   active: dict[str, frozenset[str]], totals: dict[str, int] | None = None
                   ) -> None:
        totals = dict(totals or {})
        if (facets == self._facets and active == self._active and totals == self._totals
                and self.topLevelItemCount()):
            self.fit_width()
            return  # one more letter often counts the same: keep the rows (and the cursor)
        self._facets = dict(facets)
        self._active = dict(active)
        self._totals = totals
        self._fill()

    def _fill(self) -> None:
        current = self.currentItem()
        keep = (current.data(0, FacetRole), current.data(0, ValueRole)) if current else None
        self._filling = True
        self.clear()
        restore = None
        for facet in FACETS:
            every = self._facets.get(facet, ())
            active = self._active.get(facet, frozenset())
            counts = list(every[:SHOWN_VALUES])
            counts += [c for c in every[SHOWN_VALUES:] if c.value in active]
            shown = {c.value for c in counts}
            hidden = max(self._totals.get(facet, len(every)), len(every)) - len(shown)
            # An active filter stays visible (and uncheckable) even if it now counts 0.
            counts += [FacetCount(value, value, 0) for value in sorted(active - shown)]
            if not counts:
                continue
            top = QTreeWidgetItem(self, [_(FACET_LABELS[facet])])
            top.setData(0, FacetRole, facet)
            top.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            top.setFirstColumnSpanned(True)
            for count in counts:
                label = facet_value_label(facet, count.value, count.label)
                text = _("{value} ({count})").format(value=label, count=count.count)
                item = QTreeWidgetItem(top, [label, format_number(count.count)])
                item.setTextAlignment(COUNT, Qt.AlignmentFlag.AlignRight
                                      | Qt.AlignmentFlag.AlignVCenter)
                item.setData(0, FacetRole, facet)
                item.setData(0, ValueRole, count.value)
                item.setData(0, LabelRole, label)
                item.setData(LABEL, ContentRole, facet not in ("type", "lang"))
                item.setData(0, Qt.ItemDataRole.AccessibleTextRole, text)
                item.setToolTip(LABEL, text)
                item.setToolTip(COUNT, text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                              | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(0, Qt.CheckState.Checked if count.value in active
                                   else Qt.CheckState.Unchecked)
                if keep == (facet, count.value):
                    restore = item
            if hidden > 0:
                more = self._more_item(top, facet, hidden)
                if keep == (facet, None) and restore is None:
                    restore = more
            top.setExpanded(True)
        self._filling = False
        if restore is not None:
            self.setCurrentItem(restore)
        self.fit_width()

    def _more_item(self, top: QTreeWidgetItem, facet: str, hidden: int) -> QTreeWidgetItem:
        text = ngettext("{count} more…", "{count} more…", hidden).format(
            count=format_number(hidden))
        item = QTreeWidgetItem(top, [text])
        item.setFirstColumnSpanned(True)
        item.setData(0, FacetRole, facet)
        item.setData(0, MoreRole, facet)
        item.setData(LABEL, ContentRole, False)
        item.setData(0, Qt.ItemDataRole.AccessibleTextRole, text)
        item.setToolTip(0, _("Show every value, with a box to filter them"))
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        return item

    def show_more(self, facet: str) -> None:
        """Opens the list of every value of `facet`; a value chosen there filters."""
        if self.values_provider is None:
            return
        from mediation_kit.ui.widgets.facet_values_dialog import FacetValuesDialog

        values = self.values_provider(facet)
        labelled = [(c.value, facet_value_label(facet, c.value, c.label), c.count)
                    for c in values]
        dialog = FacetValuesDialog(_(FACET_LABELS[facet]), labelled,
                                   self._active.get(facet, frozenset()), self)
        if dialog.exec() and dialog.chosen is not None:
            self.filter_toggled.emit(facet, dialog.chosen, True)

    def value_label(self, facet: str, value: str) -> str:
        for count in self._facets.get(facet, ()):
            if count.value == value:
                return facet_value_label(facet, value, count.label)
        return facet_value_label(facet, value, value)

    def item_for(self, facet: str, value: str) -> QTreeWidgetItem | None:
        for i in range(self.topLevelItemCount()):
            top = self.topLevelItem(i)
            for j in range(top.childCount()):
                child = top.child(j)
                if child.data(0, FacetRole) == facet and child.data(0, ValueRole) == value:
                    return child
        return None

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        item = self.currentItem()
        if (item is not None and item.data(0, MoreRole) is not None
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)):
            self.show_more(item.data(0, MoreRole))
            event.accept()
            return
        super().keyPressEvent(event)

    def _on_item_clicked(self, item: QTreeWidgetItem, column: int) -> None:
        if item.data(0, MoreRole) is not None:
            self.show_more(item.data(0, MoreRole))

    def _on_item_activated(self, item: QTreeWidgetItem, column: int) -> None:
        if item.data(0, ValueRole) is None:  # a heading, or "N more…" (opened by a click
            return  # or a key, see keyPressEvent)
        checked = item.checkState(0) == Qt.CheckState.Checked
        item.setCheckState(0, Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._filling or item.data(0, ValueRole) is None:
            return
        checked = item.checkState(0) == Qt.CheckState.Checked
        self.filter_toggled.emit(item.data(0, FacetRole), item.data(0, ValueRole), checked)
