"""The plan being prepared: its model, its undo stack, the file it belongs to, and autosave.

The plan is "modified" when its undo stack is away from the clean state (the state last
saved or opened). While it is modified, a copy is autosaved to the user data folder a few
seconds after each edit; saving, or closing without saving on purpose, deletes that copy.
A copy left behind means the kit did not close normally: it is offered back at next start.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from mediation_kit.core.plans.fileformat import PlanFileError, load_plan, save_plan
from mediation_kit.core.plans.model import WorkshopPlan
from mediation_kit.core.plans.storage import PlanStorage
from mediation_kit.ui.plans.plan_model import PlanModel, Resolver

log = logging.getLogger(__name__)

AUTOSAVE_DELAY_MS = 3000


class PlanDocument(QObject):
    # The file, the modified state or the title changed: window title and labels follow.
    state_changed = Signal()
    # An autosave failed; carries the message (shown in the status bar, not in a box).
    autosave_failed = Signal(str)

    def __init__(self, storage: PlanStorage, resolver: Resolver,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.storage = storage
        self.model = PlanModel(resolver, self)
        self.undo_stack = QUndoStack(self)
        self.path: Path | None = None
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_DELAY_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.undo_stack.indexChanged.connect(self._on_index_changed)
        self.model.plan_changed.connect(self.state_changed)

    @property
    def plan(self) -> WorkshopPlan:
        return self.model.plan

    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    def is_empty(self) -> bool:
        plan = self.plan
        return not (plan.items or plan.title or plan.place or plan.notes or plan.date)

    # --- whole-plan changes (not undoable: they replace the document) ----------------------

    def new(self) -> None:
        self._replace(WorkshopPlan(), None)

    def open(self, path: Path) -> None:
        """Reads the plan at `path`; raises PlanFileError and keeps the open plan on failure."""
        plan = load_plan(path)
        self._replace(plan, Path(path))
        self._remember(Path(path))

    def restore(self, plan: WorkshopPlan, source: Path | None) -> None:
        """Brings back autosaved work: it stays modified until the leader saves it."""
        self._replace(plan, source)
        # One step away from clean: "Save" is needed, and undoing it is not offered.
        self.undo_stack.resetClean()
        self.state_changed.emit()
        self.autosave()

    def save(self, path: Path | None = None) -> None:
        """Writes the plan (to `path`, else its own file); raises PlanFileError on failure."""
        target = Path(path) if path is not None else self.path
        if target is None:
            raise ValueError("no file to save to")
        save_plan(self.plan, target)
        self.path = target
        self.undo_stack.setClean()
        self.discard_autosave()
        self._remember(target)
        self.state_changed.emit()

    def _replace(self, plan: WorkshopPlan, path: Path | None) -> None:
        self.autosave_timer.stop()
        self.undo_stack.clear()
        self.model.set_plan(plan)
        self.path = path
        self.undo_stack.setClean()
        self.discard_autosave()
        self.state_changed.emit()

    def _remember(self, path: Path) -> None:
        try:
            self.storage.add_recent(path)
        except OSError as error:  # the recent list is a convenience: never block on it
            log.warning("could not update the recent plans list: %s", error)

    # --- autosave ------------------------------------------------------------------------

    def _on_clean_changed(self, clean: bool) -> None:
        if clean:
            self.autosave_timer.stop()
            self.discard_autosave()
        self.state_changed.emit()

    def _on_index_changed(self, _index: int) -> None:
        if self.modified:
            self.autosave_timer.start()

    def autosave(self) -> None:
        if not self.modified:
            return
        try:
            self.storage.write_autosave(self.plan, self.path)
        except (OSError, PlanFileError) as error:
            log.warning("autosave failed: %s", error)
            self.autosave_failed.emit(str(error))

    def discard_autosave(self) -> None:
        try:
            self.storage.discard_autosave()
        except OSError as error:
            log.warning("could not remove the autosaved plan: %s", error)
