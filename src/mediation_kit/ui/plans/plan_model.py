"""The open plan as a Qt list model: one row per item, resolved against the installed packs.

The model is the only thing that changes the plan's item list, and only when an undo command
asks it to (ui/plans/commands.py): every edit of the plan is undoable. Each row knows its
resolution (found, missing, changed since added) and its cumulative start time; both are
computed again after each change, which costs nothing for a plan of a few dozen items.

Rows are dragged inside the list (reorder) and dropped from the results list (add); both
travel as MIME data that carries item ids or resource keys, never Python objects.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractListModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt, Signal,
)

from mediation_kit.core.i18n import _, format_duration, format_timestamp
from mediation_kit.core.plans.labels import kind_label
from mediation_kit.core.plans.model import (
    ItemTiming, MomentItem, PlanItem, TitleCardItem, WorkshopPlan, plan_timing,
)
from mediation_kit.core.plans.resolve import ItemStatus, ResolvedItem
from mediation_kit.ui.widgets.result_list import RESOURCE_MIME

ItemRole = Qt.ItemDataRole.UserRole + 1  # the PlanItem
ResolvedRole = Qt.ItemDataRole.UserRole + 2  # its ResolvedItem
TimingRole = Qt.ItemDataRole.UserRole + 3  # its ItemTiming (cumulative start, duration)
NumberRole = Qt.ItemDataRole.UserRole + 4  # its number in the plan, from 1

# Rows of this plan being dragged: a JSON list of item ids.
PLAN_ROWS_MIME = "application/x-mediation-kit-plan-items"

_ModelIndex = QModelIndex | QPersistentModelIndex
Resolver = Callable[[PlanItem], ResolvedItem]


def kind_of(resolved: ResolvedItem) -> str:
    """The icon kind of a row: "summary", "replay", "kit", "cue" for a moment, "card"."""
    item = resolved.item
    if isinstance(item, TitleCardItem):
        return "card"
    if isinstance(item, MomentItem):
        return "cue"
    return item.resource_type.value


def flag_text(resolved: ResolvedItem) -> str:
    """Why a row is flagged, with the title saved in the plan; "" for a row that is fine."""
    if resolved.status is ItemStatus.OK:
        return ""
    saved = getattr(resolved.item, "saved_title", "") or resolved.title
    if resolved.status is ItemStatus.MISSING:
        return _("Missing: {reason}. Saved title: “{title}”").format(
            reason=resolved.reason, title=saved)
    return _("Changed: {reason}. Saved title: “{title}”").format(
        reason=resolved.reason, title=saved)


def row_title(resolved: ResolvedItem) -> str:
    return resolved.title or _("(untitled)")


def row_details(resolved: ResolvedItem, timing: ItemTiming) -> str:
    """The second line: kind · event · starts at · duration."""
    item = resolved.item
    parts = [kind_label(item)]
    source = getattr(item, "saved_source", "")
    if source:
        parts.append(source)
    parts.append(_("starts at {time}").format(time=format_timestamp(timing.start_s)))
    if timing.duration_s is not None:
        parts.append(format_duration(timing.duration_s))
    else:
        parts.append(_("no duration"))
    return " · ".join(parts)


class PlanModel(QAbstractListModel):
    """The items of one `WorkshopPlan`; changed only through the methods undo commands call."""

    # The plan's items or details changed (by an edit, an undo or a redo).
    plan_changed = Signal()
    # Item ids were dropped on the list at a row, to move there (from this list).
    move_dropped = Signal(list, int)
    # Resources were dropped on the list at a row, to add there: a list of (key, time or None).
    resources_dropped = Signal(list, int)

    def __init__(self, resolver: Resolver, parent=None) -> None:
        super().__init__(parent)
        self.plan = WorkshopPlan()
        self._resolver = resolver
        self._resolved: list[ResolvedItem] = []
        self._timings: tuple[ItemTiming, ...] = ()
        self.total_s = 0.0
        self.unknown_durations = 0

    # --- the whole plan ------------------------------------------------------------------

    def set_plan(self, plan: WorkshopPlan) -> None:
        self.beginResetModel()
        self.plan = plan
        self._recompute()
        self.endResetModel()
        self.plan_changed.emit()

    def set_resolver(self, resolver: Resolver) -> None:
        """The packs changed (loaded at start): every row is resolved again."""
        self._resolver = resolver
        self.refresh()

    def refresh(self) -> None:
        """Flags, titles and timings again, e.g. after the language changed."""
        self._recompute()
        if self.plan.items:
            self.dataChanged.emit(self.index(0), self.index(len(self.plan.items) - 1))

    def _recompute(self) -> None:
        self._resolved = [self._resolver(item) for item in self.plan.items]
        timing = plan_timing(self.plan)
        self._timings = timing.items
        self.total_s = timing.total_s
        self.unknown_durations = timing.unknown_count

    def _changed(self) -> None:
        self._recompute()
        if self.plan.items:
            self.dataChanged.emit(self.index(0), self.index(len(self.plan.items) - 1))
        self.plan_changed.emit()

    # --- what undo commands call ---------------------------------------------------------

    def insert_items(self, row: int, items: Sequence[PlanItem]) -> None:
        row = max(0, min(row, len(self.plan.items)))
        self.beginInsertRows(QModelIndex(), row, row + len(items) - 1)
        self.plan.items[row:row] = list(items)
        self._recompute()
        self.endInsertRows()
        self._changed()

    def remove_rows_of(self, item_ids: Sequence[str]) -> list[tuple[int, PlanItem]]:
        """Removes the items; returns (row, item) pairs in increasing row order (for undo)."""
        removed = sorted((self.plan.index_of(i), self.plan.items[self.plan.index_of(i)])
                         for i in item_ids)
        for row, _item in reversed(removed):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.plan.items[row]
            self._recompute()
            self.endRemoveRows()
        self._changed()
        return removed

    def restore_rows(self, removed: Sequence[tuple[int, PlanItem]]) -> None:
        for row, item in removed:
            self.beginInsertRows(QModelIndex(), row, row)
            self.plan.items.insert(row, item)
            self._recompute()
            self.endInsertRows()
        self._changed()

    def move_item(self, item_id: str, to_row: int) -> int:
        """Moves the item so that it ends at `to_row`; returns the row it was at."""
        src = self.plan.index_of(item_id)
        to_row = max(0, min(to_row, len(self.plan.items) - 1))
        if src == to_row:
            return src
        # Qt's destination is the row before which the item goes, in the old numbering.
        destination = to_row + 1 if to_row > src else to_row
        self.beginMoveRows(QModelIndex(), src, src, QModelIndex(), destination)
        item = self.plan.items.pop(src)
        self.plan.items.insert(to_row, item)
        self._recompute()
        self.endMoveRows()
        self._changed()
        return src

    def replace_item(self, item: PlanItem) -> PlanItem:
        """Puts `item` where the item with the same id is; returns the old one."""
        row = self.plan.index_of(item.id)
        old = self.plan.items[row]
        self.plan.items[row] = item
        self._changed()
        return old

    def set_details(self, title: str, date, place: str, notes: str) -> tuple:
        old = (self.plan.title, self.plan.date, self.plan.place, self.plan.notes)
        self.plan.title, self.plan.date, self.plan.place, self.plan.notes = (
            title, date, place, notes)
        self.plan_changed.emit()
        return old

    # --- reading -------------------------------------------------------------------------

    def item_at(self, row: int) -> PlanItem | None:
        return self.plan.items[row] if 0 <= row < len(self.plan.items) else None

    def row_of(self, item_id: str) -> int:
        try:
            return self.plan.index_of(item_id)
        except ValueError:
            return -1

    def resolved_at(self, row: int) -> ResolvedItem | None:
        return self._resolved[row] if 0 <= row < len(self._resolved) else None

    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.plan.items)

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        row = index.row()
        if not index.isValid() or row >= len(self._resolved):
            return None
        resolved = self._resolved[row]
        timing = self._timings[row]
        if role == ItemRole:
            return resolved.item
        if role == ResolvedRole:
            return resolved
        if role == TimingRole:
            return timing
        if role == NumberRole:
            return row + 1
        if role == Qt.ItemDataRole.DisplayRole:
            return row_title(resolved)
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            parts = [_("{number}. {title}").format(number=row + 1, title=row_title(resolved)),
                     row_details(resolved, timing)]
            flag = flag_text(resolved)
            if flag:
                parts.append(flag)
            if resolved.item.note:
                parts.append(_("Note: {note}").format(note=resolved.item.note))
            return "\n".join(parts) if role == Qt.ItemDataRole.ToolTipRole else ". ".join(parts)
        return None

    # --- drag and drop -------------------------------------------------------------------

    def flags(self, index: _ModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsDropEnabled
        if index.isValid():
            return base | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        return base

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 (Qt's name)
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [PLAN_ROWS_MIME, RESOURCE_MIME]

    def mimeData(self, indexes) -> QMimeData:  # noqa: N802
        ids = [self.plan.items[i.row()].id for i in sorted(indexes, key=lambda i: i.row())
               if i.isValid()]
        data = QMimeData()
        data.setData(PLAN_ROWS_MIME, json.dumps(ids).encode("utf-8"))
        return data

    def canDropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802
        return data.hasFormat(PLAN_ROWS_MIME) or data.hasFormat(RESOURCE_MIME)

    def dropMimeData(self, data: QMimeData, action, row: int, column: int,  # noqa: N802
                     parent: _ModelIndex) -> bool:
        """Turns a drop into a request: the panel pushes an undo command for it. Returns
        False so that the view never removes the dragged rows itself."""
        if row < 0:
            row = parent.row() if parent.isValid() else len(self.plan.items)
        if data.hasFormat(PLAN_ROWS_MIME):
            ids = _json_list(bytes(data.data(PLAN_ROWS_MIME)))
            ids = [i for i in ids if isinstance(i, str) and self.row_of(i) >= 0]
            if ids:
                self.move_dropped.emit(ids, row)
            return False
        if data.hasFormat(RESOURCE_MIME):
            entries = [(e["key"], e.get("time")) for e in
                       _json_list(bytes(data.data(RESOURCE_MIME)))
                       if isinstance(e, dict) and isinstance(e.get("key"), str)]
            if entries:
                self.resources_dropped.emit(entries, row)
        return False


def _json_list(raw: bytes) -> list:
    try:
        value = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return []
    return value if isinstance(value, list) else []

