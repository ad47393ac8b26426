"""The plan's list: rows drawn with number, type icon, title, event, start and duration, the
reason of a flag and the first line of the note; reordered by drag or Ctrl+Up/Down.

Drops are decided here (where the item lands) and handed to the model as a request; the
panel turns it into an undo command. The view never moves or removes rows by itself.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout, QDragEnterEvent, QDragMoveEvent, QDropEvent, QIcon, QKeyEvent,
    QPainter, QPalette, QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QListView, QStyle, QStyledItemDelegate,
    QStyleOptionViewItem, QWidget,
)

from mediation_kit.core.i18n import _
from mediation_kit.core.plans.fileformat import SUFFIX
from mediation_kit.core.plans.resolve import ItemStatus
from mediation_kit.ui import icons, theme
from mediation_kit.ui.plans.plan_icons import plan_icon as drawn_icon
from mediation_kit.ui.plans.plan_model import (
    PLAN_ROWS_MIME, RESOURCE_MIME, NumberRole, PlanModel, ResolvedRole, TimingRole, flag_text,
    kind_of, row_details, row_title,
)

WARNING_COLOUR = {"light": "#a3400b", "dark": "#ffb27a", "high-contrast": "#ffff00"}


def plan_icon(kind: str, palette: QPalette, selected: bool) -> QIcon:
    """The results' type icons; a title card and a flagged row use Qt's standard icons."""
    if kind == "card":
        return drawn_icon("card", palette, selected)
    if kind == "flag":
        return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
    return icons.type_icon(kind, palette, selected)


class PlanItemDelegate(QStyledItemDelegate):
    PAD = 6

    def _icon_size(self, option: QStyleOptionViewItem) -> int:
        return max(24, 2 * option.fontMetrics.height())

    def _document(self, index: QModelIndex, option: QStyleOptionViewItem, width: int,
                  selected: bool) -> QTextDocument:
        resolved = index.data(ResolvedRole)
        timing = index.data(TimingRole)
        number = index.data(NumberRole)
        name = theme.current_theme()
        muted = (option.palette.color(QPalette.ColorRole.HighlightedText).name() if selected
                 else theme.muted_colour(name))
        warning = (muted if selected else WARNING_COLOUR.get(name, "#a3400b"))
        lines = [f"<div><b>{number}.&nbsp;{html.escape(row_title(resolved))}</b></div>",
                 f"<div style='color:{muted}'>{html.escape(row_details(resolved, timing))}</div>"]
        flag = flag_text(resolved)
        if flag:
            lines.append(f"<div style='color:{warning}'><b>{html.escape(flag)}</b></div>")
        note = resolved.item.note.strip().splitlines()
        if note:
            lines.append(f"<div><i>{html.escape(_('Note: {note}').format(note=note[0]))}"
                         "</i></div>")
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(0)
        doc.setHtml("".join(lines))
        doc.setTextWidth(width)
        return doc

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        if index.data(ResolvedRole) is None:
            return super().sizeHint(option, index)
        size = self._icon_size(option)
        width = max(120, option.rect.width() - size - 3 * self.PAD)
        doc = self._document(index, option, width, False)
        return QSize(width + size + 3 * self.PAD,
                     max(size, int(doc.size().height())) + 2 * self.PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        resolved = index.data(ResolvedRole)
        if resolved is None:
            return super().paint(painter, option, index)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        opt.icon = QIcon()
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        rect: QRect = opt.rect
        size = self._icon_size(opt)
        kind = "flag" if resolved.status is not ItemStatus.OK else kind_of(resolved)
        plan_icon(kind, opt.palette, selected).paint(
            painter, QRect(rect.left() + self.PAD, rect.top() + self.PAD, size, size))
        width = max(120, rect.width() - size - 3 * self.PAD)
        doc = self._document(index, opt, width, selected)
        painter.save()
        painter.translate(rect.left() + size + 2 * self.PAD, rect.top() + self.PAD)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        ctx.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()


class PlanListView(QListView):
    """Ctrl+Up/Down move the current item, Delete removes it, Enter edits its note, a double
    click opens its resource."""

    # The current item should move by this many rows (-1 up, +1 down).
    move_requested = Signal(int)
    # The current item should be removed.
    remove_requested = Signal()
    # The user wants to edit the current item (Enter, F2).
    edit_requested = Signal()
    # The user wants to see the current item's resource (double click).
    open_requested = Signal()
    # A .mkplan file was dropped from the file manager; carries its path.
    plan_file_dropped = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(PlanItemDelegate(self))
        self.setUniformItemSizes(False)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.doubleClicked.connect(lambda _index: self.open_requested.emit())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        control = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if control and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_requested.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        if event.key() == Qt.Key.Key_Delete and not event.modifiers():
            self.remove_requested.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2):
            self.edit_requested.emit()
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()  # rows wrap to the new width

    # --- drops ---------------------------------------------------------------------------

    @staticmethod
    def _accepts(event) -> bool:
        data = event.mimeData()
        return (data.hasFormat(PLAN_ROWS_MIME) or data.hasFormat(RESOURCE_MIME)
                or PlanListView._plan_file(event) is not None)

    @staticmethod
    def _plan_file(event) -> Path | None:
        """The one local .mkplan file a drag from the file manager carries, if any."""
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if len(urls) != 1 or not urls[0].isLocalFile():
            return None
        path = Path(urls[0].toLocalFile())
        return path if path.suffix.lower() == SUFFIX else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self._accepts(event):
            event.setDropAction(self._action(event))
            event.accept()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        if self._accepts(event):
            super().dragMoveEvent(event)  # draws the drop indicator, autoscrolls
            event.setDropAction(self._action(event))
            event.accept()
        else:
            event.ignore()

    @staticmethod
    def _action(event) -> Qt.DropAction:  # a row moves; a result or a file is copied
        return (Qt.DropAction.MoveAction if event.mimeData().hasFormat(PLAN_ROWS_MIME)
                else Qt.DropAction.CopyAction)

    def drop_row(self, pos: QPoint) -> int:
        """The row a drop at `pos` (viewport coordinates) inserts before."""
        index = self.indexAt(pos)
        if not index.isValid():
            return self.model().rowCount()
        rect = self.visualRect(index)
        return index.row() + (1 if pos.y() > rect.center().y() else 0)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        model = self.model()
        if not self._accepts(event) or not isinstance(model, PlanModel):
            event.ignore()
            return
        plan_file = self._plan_file(event)
        if plan_file is not None:
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            self.plan_file_dropped.emit(plan_file)
            return
        row = self.drop_row(event.position().toPoint())
        model.dropMimeData(event.mimeData(), self._action(event), row, 0, QModelIndex())
        # Copy, never Move: the drag source must not delete what was dragged.
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.setState(QAbstractItemView.State.NoState)
        self.viewport().update()
