"""Every edit of a plan as an undo command: add, remove, move, change an item, the details.

Commands name items by id, not by row, so that undoing after other edits still finds them.
Their texts (shown in the Edit menu as "Undo Add “…”") are made when the command is made,
in the language of that moment.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QUndoCommand

from mediation_kit.core.i18n import _
from mediation_kit.core.plans.model import PlanItem
from mediation_kit.ui.plans.plan_model import PlanModel

# Consecutive edits of one item's note or duration merge into one undo step.
_EDIT_ITEM_ID = 1001


class AddItems(QUndoCommand):
    def __init__(self, model: PlanModel, row: int, items: Sequence[PlanItem],
                 text: str) -> None:
        super().__init__(text)
        self.model = model
        self.row = max(0, min(row, model.rowCount()))
        self.items = list(items)

    def redo(self) -> None:
        self.model.insert_items(self.row, self.items)

    def undo(self) -> None:
        self.model.remove_rows_of([item.id for item in self.items])


class RemoveItems(QUndoCommand):
    def __init__(self, model: PlanModel, item_ids: Sequence[str], text: str) -> None:
        super().__init__(text)
        self.model = model
        self.item_ids = list(item_ids)
        self.removed: list[tuple[int, PlanItem]] = []

    def redo(self) -> None:
        self.removed = self.model.remove_rows_of(self.item_ids)

    def undo(self) -> None:
        self.model.restore_rows(self.removed)


class MoveItem(QUndoCommand):
    def __init__(self, model: PlanModel, item_id: str, to_row: int, text: str) -> None:
        super().__init__(text)
        self.model = model
        self.item_id = item_id
        self.to_row = to_row
        self.from_row = model.row_of(item_id)

    def redo(self) -> None:
        self.from_row = self.model.move_item(self.item_id, self.to_row)

    def undo(self) -> None:
        self.model.move_item(self.item_id, self.from_row)


class EditItem(QUndoCommand):
    """Replaces an item by a changed copy (same id): note, duration, title card text."""

    def __init__(self, model: PlanModel, new: PlanItem, text: str, field: str = "") -> None:
        super().__init__(text)
        self.model = model
        self.new = new
        self.old = model.plan.items[model.row_of(new.id)]
        self.field = field  # what changed: edits of the same field of one item merge

    def id(self) -> int:  # noqa: A003 (Qt's name)
        return _EDIT_ITEM_ID if self.field else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt's name)
        if not isinstance(other, EditItem) or other.new.id != self.new.id \
                or other.field != self.field:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.model.replace_item(self.new)

    def undo(self) -> None:
        self.model.replace_item(self.old)


class EditDetails(QUndoCommand):
    """The plan's title, date, place and leader's notes."""

    def __init__(self, model: PlanModel, title: str, date, place: str, notes: str) -> None:
        super().__init__(_("Edit the plan's details"))
        self.model = model
        self.new = (title, date, place, notes)
        plan = model.plan
        self.old = (plan.title, plan.date, plan.place, plan.notes)

    def redo(self) -> None:
        self.model.set_details(*self.new)

    def undo(self) -> None:
        self.model.set_details(*self.old)
