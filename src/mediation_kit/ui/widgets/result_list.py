"""The result list: one row per hit, drawn with a type icon, title, event, date and snippet.

The snippet is HTML from the search engine (text escaped, matched words in `<b class="hit">`);
the delegate lays it out with a QTextDocument per row, cached until the width, the theme or
the language changes.
"""

from __future__ import annotations

import html
import json
import re
from datetime import date
from functools import lru_cache

from PySide6.QtCore import (
    QAbstractListModel, QMimeData, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QKeyEvent, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QApplication, QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget,
)

from mediation_kit.core.i18n import (
    _, current_language, format_day, format_event_dates, format_timestamp)
from mediation_kit.core.search.api import Hit
from mediation_kit.ui import icons, theme
from mediation_kit.ui.widgets.kit_icons import KitIcons

HitRole = Qt.ItemDataRole.UserRole + 1
# Hits dragged out of the list (onto the workshop plan): JSON [{"key": …, "time": …}, …].
RESOURCE_MIME = "application/x-mediation-kit-resources"
_ModelIndex = QModelIndex | QPersistentModelIndex


def type_label(kind: str) -> str:
    return {
        "summary": _("Summary"), "replay": _("Replay"), "cue": _("Transcript"),
        "kit": _("Kit asset"),
    }.get(kind, kind)


@lru_cache(maxsize=512)
def _medium_date(value: date, end: date | None, precision: str, language: str) -> str:
    if end is not None:  # the resource's own day is unknown: its event's dates
        return format_event_dates(value, end, precision)
    return format_day(value, precision, "medium")


def hit_heading_html(hit: Hit) -> tuple[str, str]:
    """The first lines of a row: title, then event · date · "in <replay> at 12:34"."""
    title = html.escape(hit.title)
    details = [html.escape(type_label(hit.type))]
    if hit.event:
        details.append(html.escape(hit.event))
    if hit.date is not None:
        details.append(html.escape(_medium_date(hit.date, hit.date_end, hit.date_precision,
                                                current_language())))
    heading = f"<b>{title}</b>"
    if hit.type == "cue" and hit.time is not None:
        heading = html.escape(_("in {replay} at {time}").format(
            replay="\x00", time=format_timestamp(hit.time))).replace("\x00", f"<b>{title}</b>")
    return heading, " · ".join(details)


_TAG = re.compile(r"<[^>]+>")


def hit_accessible_text(hit: Hit) -> str:
    """The row as plain text, for screen readers and type-ahead."""
    heading, details = hit_heading_html(hit)
    return html.unescape(_TAG.sub("", f"{heading}. {details}. {hit.snippet}"))


class ResultModel(QAbstractListModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hits: tuple[Hit, ...] = ()
        self._texts: dict[int, str] = {}

    def set_hits(self, hits: tuple[Hit, ...]) -> None:
        self.beginResetModel()
        self.hits = tuple(hits)
        self._texts = {}
        self.endResetModel()

    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.hits):
            return None
        hit = self.hits[index.row()]
        if role == HitRole:
            return hit
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            text = self._texts.get(index.row())
            if text is None:
                text = self._texts[index.row()] = hit_accessible_text(hit)
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return _("{type}: {title}. Press Enter to open.").format(
                type=type_label(hit.type), title=hit.title)
        return None

    def flags(self, index: _ModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else flags

    def mimeTypes(self) -> list[str]:  # noqa: N802 (Qt's name)
        return [RESOURCE_MIME]

    def mimeData(self, indexes) -> QMimeData:  # noqa: N802
        hits = [self.hits[i.row()] for i in indexes if i.isValid() and i.row() < len(self.hits)]
        data = QMimeData()
        data.setData(RESOURCE_MIME, json.dumps(
            [{"key": h.key, "time": h.time} for h in hits]).encode("utf-8"))
        data.setText("\n".join(h.title for h in hits))
        return data

    def refresh(self) -> None:
        """The language or theme changed: every row is redrawn."""
        self._texts = {}
        if self.hits:
            self.dataChanged.emit(self.index(0), self.index(len(self.hits) - 1))


class ResultDelegate(QStyledItemDelegate):
    ICON = 28
    PAD = 8

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Documents by what they show, kept across result sets: typing one more letter
        # mostly shows the same rows again.
        self._cache: dict[tuple, QTextDocument] = {}
        self.kit_icons = KitIcons(self)

    @classmethod
    def _icon_size(cls, option: QStyleOptionViewItem) -> int:
        """Two text lines high: the icon grows with the text size."""
        return max(cls.ICON, 2 * option.fontMetrics.height())

    def clear_cache(self) -> None:
        self._cache.clear()

    def _document(self, hit: Hit, width: int, option: QStyleOptionViewItem,
                  selected: bool) -> QTextDocument:
        cache_key = (hit, width, selected, option.font.key())
        doc = self._cache.get(cache_key)
        if doc is not None:
            return doc
        if len(self._cache) > 500:
            self._cache.clear()
        theme_name = theme.current_theme()
        muted = (option.palette.color(QPalette.ColorRole.HighlightedText).name() if selected
                 else theme.muted_colour(theme_name))
        heading, details = hit_heading_html(hit)
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDefaultStyleSheet(theme.hit_css(theme_name, selected))
        doc.setDocumentMargin(0)
        doc.setHtml(
            f"<div>{heading}</div>"
            f"<div style='color:{muted}'>{details}</div>"
            f"<div>{hit.snippet}</div>")
        doc.setTextWidth(width)
        self._cache[cache_key] = doc
        return doc

    def sizeHint(self, option: QStyleOptionViewItem, index: _ModelIndex) -> QSize:
        hit = index.data(HitRole)
        if hit is None:
            return super().sizeHint(option, index)
        size = self._icon_size(option)
        width = max(200, option.rect.width() - size - 3 * self.PAD)
        doc = self._document(hit, width, option, False)
        return QSize(width + size + 3 * self.PAD,
                     max(size, int(doc.size().height())) + 2 * self.PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _ModelIndex) -> None:
        hit = index.data(HitRole)
        if hit is None:
            return super().paint(painter, option, index)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        rect: QRect = opt.rect
        size = self._icon_size(opt)
        if hit.type == "kit":
            icon = self.kit_icons.icon_for(hit.key, opt.palette, selected)
        else:
            icon = icons.type_icon(hit.type, opt.palette, selected)
        icon.paint(painter, QRect(rect.left() + self.PAD, rect.top() + self.PAD, size, size))
        width = max(200, rect.width() - size - 3 * self.PAD)
        doc = self._document(hit, width, opt, selected)
        painter.save()
        painter.translate(rect.left() + size + 2 * self.PAD, rect.top() + self.PAD)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        ctx.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()


class ResultList(QListView):
    """The list of hits; Enter or a double click asks to open one, Up on the top row goes
    back to the search field."""

    open_requested = Signal(object)  # a Hit the user wants to see
    leave_upwards = Signal()  # Up on the first row: back to the search field

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result_model = ResultModel(self)
        self.setModel(self.result_model)
        self.result_delegate = ResultDelegate(self)
        self.setItemDelegate(self.result_delegate)
        self.setUniformItemSizes(False)
        self.setAlternatingRowColors(True)
        self.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setDragEnabled(True)  # a hit can be dragged onto the workshop plan
        self.setDragDropMode(QListView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.activated.connect(self._on_activated)
        self.result_delegate.kit_icons.icon_ready.connect(self.on_kit_icons_icon_ready)
        self.retranslate()

    def set_record_source(self, lookup, thumbnail_cache_dir) -> None:
        """Where a kit hit's file is found (a key -> its record), and its thumbnail cached."""
        self.result_delegate.kit_icons.set_source(lookup, thumbnail_cache_dir)
        self.viewport().update()

    def on_kit_icons_icon_ready(self, key: str) -> None:
        for row, hit in enumerate(self.result_model.hits):
            if hit.key == key:
                self.update(self.result_model.index(row))

    def retranslate(self) -> None:
        self.setAccessibleName(_("Results"))
        self.setToolTip(_("Up and Down to move, Enter to open"))
        self.result_delegate.clear_cache()
        self.result_model.refresh()

    def set_hits(self, hits: tuple[Hit, ...]) -> None:
        self.result_model.set_hits(hits)
        if hits:
            self.setCurrentIndex(self.result_model.index(0))
        self.scrollToTop()

    def current_hit(self) -> Hit | None:
        index = self.currentIndex()
        return index.data(HitRole) if index.isValid() else None

    def resizeEvent(self, event) -> None:
        self.result_delegate.clear_cache()
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            hit = self.current_hit()
            if hit is not None:
                self.open_requested.emit(hit)
            return
        if event.key() == Qt.Key.Key_Up and self.currentIndex().row() <= 0:
            self.leave_upwards.emit()
            return
        super().keyPressEvent(event)

    def _on_activated(self, index: QModelIndex) -> None:
        hit = index.data(HitRole)
        if hit is not None:
            self.open_requested.emit(hit)
