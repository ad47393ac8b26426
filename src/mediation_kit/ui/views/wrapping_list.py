"""A list whose rows wrap their whole text over as many lines as they need, never elided.

Qt's list view measures a wrapped row once, against the width it had then; when the
scroll bar appears the rows get narrower than they were measured for, and the one that no
longer fits is cut with "…" while the others wrap. Here each row is measured against the
width it will really have, and measured again whenever that width changes.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QListWidget, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget,
)

_ModelIndex = QModelIndex | QPersistentModelIndex


class WrappingDelegate(QStyledItemDelegate):
    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: _ModelIndex) -> QSize:  # noqa: N802
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        view = self.view
        # The width the row gets: the viewport, less the list's spacing on both sides.
        width = max(80, view.viewport().width() - 2 * view.spacing())
        style = view.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, opt, view) + 1
        text_width = max(40, width - 2 * margin)
        bounds = opt.fontMetrics.boundingRect(
            QRect(0, 0, text_width, 100_000),
            int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft), opt.text)
        vmargin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameVMargin, opt, view) + 1
        return QSize(width, bounds.height() + 2 * vmargin + 2)


class WrappingList(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setUniformItemSizes(False)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setItemDelegate(WrappingDelegate(self))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()
