"""Everything the workshop plan adds to the main window, wired in one place.

`PlanController(window)` builds the plan panel (a dock beside the results), its actions
(ui/plans/actions.py), the file handling (files.py), and connects them to what the window
shows (window_sources.py): the selected result, the open resource, the replay's position.
The main window only creates it, and asks `may_close()` before closing.

Every edit of the plan is an undo command pushed on the document's stack (commands.py).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDockWidget, QMainWindow

from mediation_kit.core import i18n
from mediation_kit.core.i18n import _
from mediation_kit.core.model import Replay, ResourceType, split_key
from mediation_kit.core.plans.model import MomentItem, PlanItem, TitleCardItem
from mediation_kit.core.plans.resolve import (
    ItemStatus, ResolvedItem, item_for_record, moment_for_replay, refreshed, resolve_item,
)
from mediation_kit.core.plans.storage import PlanStorage
from mediation_kit.ui.plans import commands
from mediation_kit.ui.plans.actions import PlanActions
from mediation_kit.ui.plans.dialogs import ClipDialog, PlanDetailsDialog, TitleCardDialog
from mediation_kit.ui.plans.document import PlanDocument
from mediation_kit.ui.plans.files import PlanFiles
from mediation_kit.ui.plans.panel import PlanPanel
from mediation_kit.ui.plans.window_sources import WindowSources

STATUS_MS = 6000
# A clip proposed from a moment without a cue end: this long, by default.
DEFAULT_CLIP_S = 60.0


class PlanController(QObject):
    def __init__(self, window: QMainWindow, storage: PlanStorage | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.sources = WindowSources(window)
        self.storage = storage if storage is not None else PlanStorage()
        self.document = PlanDocument(self.storage, self._resolve, self)
        self.model = self.document.model
        self.undo_stack = self.document.undo_stack
        self._replay_views_wired: set[int] = set()
        self._build_panel()
        self.actions = PlanActions(window, self.dock, self.panel.list_view)
        self.panel.add_buttons(self.actions.panel_buttons)
        self.files = PlanFiles(window, self.document, self.panel, self.actions.recent_menu,
                               self.show_panel, self.status)
        self._connect_signals()
        self._language_listener = _weak_listener(self)
        i18n.add_language_listener(self._language_listener)
        self.retranslate()
        self.files.offer_autosaved_work()

    def _build_panel(self) -> None:
        self.panel = PlanPanel(self.model)
        self.dock = QDockWidget(self.window)
        self.dock.setObjectName("planDock")
        self.dock.setWidget(self.panel)
        self.dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                              | QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.dock.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea
                                  | Qt.DockWidgetArea.RightDockWidgetArea)
        self.dock.setMinimumWidth(300)
        self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()

    def _connect_signals(self) -> None:
        a, files = self.actions, self.files
        for action, slot in (
            (a.new_action, files.new_plan), (a.open_action, files.open_plan),
            (a.save_action, files.save), (a.save_as_action, files.save_as),
            (a.print_sheet_action, partial(self.print_preview, "run-sheet")),
            (a.print_handout_action, partial(self.print_preview, "handout")),
            (a.pdf_sheet_action, partial(self.export_pdf, "run-sheet")),
            (a.pdf_handout_action, partial(self.export_pdf, "handout")),
            (a.details_action, self.edit_details), (a.add_action, self.add_current),
            (a.add_moment_action, self.add_moment), (a.add_clip_action, self.add_clip),
            (a.title_card_action, self.add_title_card),
            (a.move_up_action, partial(self.move, -1)),
            (a.move_down_action, partial(self.move, 1)), (a.remove_action, self.remove),
            (a.edit_note_action, self.edit_note), (a.open_item_action, self.open_item),
            (a.accept_change_action, self.accept_change),
            (a.undo_action, self.undo_stack.undo), (a.redo_action, self.undo_stack.redo),
            (a.toggle_action, self.toggle_panel),
            (a.present_action, partial(self.present, 0)),
            (a.present_from_here_action, self.present),
        ):
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
        a.recent_menu.aboutToShow.connect(files.fill_recent_menu)
        self.panel.details_button.clicked.connect(self.edit_details)
        self.document.state_changed.connect(self._update_state)
        self.undo_stack.indexChanged.connect(self._update_undo)
        self.undo_stack.cleanChanged.connect(self._update_undo)
        self.document.autosave_failed.connect(self.on_document_autosave_failed)
        self.model.move_dropped.connect(self.on_model_move_dropped)
        self.model.resources_dropped.connect(self.on_model_resources_dropped)
        self.panel.editor.item_edited.connect(self.on_editor_item_edited)
        self.panel.list_view.move_requested.connect(self.move)
        self.panel.list_view.remove_requested.connect(self.remove)
        self.panel.list_view.edit_requested.connect(self.edit_note)
        self.panel.list_view.open_requested.connect(self.open_item)
        self.panel.list_view.plan_file_dropped.connect(files.open_path)
        self.panel.list_view.selectionModel().currentChanged.connect(self._update_state)
        self.panel.banner.restore_requested.connect(files.restore_autosaved)
        self.panel.banner.discard_requested.connect(files.discard_autosaved)
        self.window.content_loaded.connect(self.on_window_content_loaded)
        self.window.record_opened.connect(self.on_window_record_opened)
        self.window.stack.currentChanged.connect(self._update_state)

    # --- translation and state -----------------------------------------------------------

    def retranslate(self) -> None:
        self.actions.retranslate()
        self._update_undo()
        self.dock.setAccessibleName(_("Workshop plan"))
        self.panel.retranslate()
        self.model.refresh()
        self._update_state()
        if self.files.pending is not None:
            self.files.show_banner()

    def on_language_changed(self, _language: str) -> None:
        self.retranslate()

    def _update_undo(self, *_args) -> None:
        stack = self.undo_stack
        self.actions.update_undo(stack.undoText(), stack.redoText(), stack.canUndo(),
                                 stack.canRedo())

    def _update_state(self, *_args) -> None:
        """Enables what applies now, and names the plan (and whether it is saved)."""
        document, a = self.document, self.actions
        name = document.path.name if document.path else (
            document.plan.title or _("Untitled plan"))
        title = _("Plan: {name}").format(name=name)
        if document.modified:
            title = _("{title} (not saved)").format(title=title)
        self.dock.setWindowTitle(title)
        row = self.panel.current_row()
        count = self.model.rowCount()
        a.move_up_action.setEnabled(row > 0)
        a.move_down_action.setEnabled(0 <= row < count - 1)
        a.remove_action.setEnabled(row >= 0)
        a.edit_note_action.setEnabled(row >= 0)
        resolved = self.model.resolved_at(row)
        a.open_item_action.setEnabled(resolved is not None and resolved.record is not None)
        a.accept_change_action.setEnabled(
            resolved is not None and resolved.status is ItemStatus.CHANGED)
        a.save_action.setEnabled(document.modified or document.path is None)
        a.present_action.setEnabled(count > 0)
        a.present_from_here_action.setEnabled(row >= 0)
        for action in (a.print_sheet_action, a.print_handout_action, a.pdf_sheet_action,
                       a.pdf_handout_action):
            action.setEnabled(count > 0)
        replay = self.sources.open_replay() is not None
        a.add_moment_action.setEnabled(replay or self.sources.current_hit_is_cue())
        a.add_clip_action.setEnabled(replay)

    # --- presenting (ui/presentation) ------------------------------------------------------

    def present_wanted(self) -> bool:
        """Whether the window's F5 is meant for the plan: the focus is in the plan panel, or
        no resource is open while the plan holds items."""
        if not self.dock.isVisible() or self.model.rowCount() == 0:
            return False
        focus = QApplication.focusWidget()
        in_panel = focus is not None and self.dock.isAncestorOf(focus)
        return in_panel or not self.sources.showing_view()

    def present(self, start: int | None = None) -> None:
        """The plan on the projector from item `start` (None: the selected one)."""
        from mediation_kit.ui.presentation import present_plan

        window = self.window
        if window.presentation is not None and not window.presentation.is_ended:
            return  # one presentation at a time; its own keys run it
        row = self.panel.current_row() if start is None else start
        if self.model.rowCount() == 0 or row < 0:
            self.status(_("Add items to the plan to present it."))
            return
        window.presentation = present_plan(self.document.plan, window.settings,
                                           self.sources.library(), start=row, parent=window)

    def status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, STATUS_MS)

    def show_panel(self) -> None:
        self.dock.show()

    def toggle_panel(self) -> None:
        """F9: shows the panel with the focus in its list; pressed there, hides it."""
        if self.dock.isVisible() and self.panel.list_view.hasFocus():
            self.dock.hide()
            self.window.search_field.setFocus()
            return
        self.dock.show()
        self.dock.raise_()
        if self.panel.current_row() < 0:
            self.panel.select_row(0)
        self.panel.list_view.setFocus()

    def _resolve(self, item: PlanItem) -> ResolvedItem:
        return resolve_item(item, self.sources.library())

    def on_window_content_loaded(self) -> None:
        self.model.set_resolver(self._resolve)
        self.panel.update_summary()
        self._update_state()

    def on_window_record_opened(self, key: str) -> None:
        """The first replay shown: its transcript and chapters get the "add" actions."""
        self.sources.open_key = key
        view = self.sources.replay_view()
        if view is not None and id(view) not in self._replay_views_wired:
            self._replay_views_wired.add(id(view))
            self.actions.add_to_replay_view(view)
        self._update_state()

    def on_document_autosave_failed(self, message: str) -> None:
        self.status(_("The plan could not be autosaved: {error}").format(error=message))

    # --- adding --------------------------------------------------------------------------

    def _insert_row(self) -> int:
        """New items go after the selected one, else at the end."""
        row = self.panel.current_row()
        return row + 1 if row >= 0 else self.model.rowCount()

    def _push_items(self, items: list[PlanItem], row: int | None = None) -> None:
        if not items:
            return
        row = self._insert_row() if row is None else row
        titles = [self._resolve(item).title for item in items]
        text = (_("Add “{title}”").format(title=titles[0]) if len(items) == 1
                else _("Add {count} items").format(count=len(items)))
        self.undo_stack.push(commands.AddItems(self.model, row, items, text))
        self.panel.select_row(self.model.row_of(items[-1].id))
        if not self.dock.isVisible():
            self.dock.show()
        self.status(_("Added to the plan: {title}").format(title=", ".join(titles)))

    def item_for_key(self, key: str, time: float | None = None) -> PlanItem | None:
        """An item for a resource key (a transcript cue becomes a moment of its replay)."""
        library = self.sources.library()
        found = library.get(key)
        if isinstance(found, tuple):
            replay, cue = found
            return moment_for_replay(replay, library, time if time is not None else cue.start)
        if found is None:
            return None
        if isinstance(found, Replay) and time is not None:
            return moment_for_replay(found, library, time)
        return item_for_record(found, library)

    def add_current(self) -> None:
        """Ctrl+D: the open resource, else the selected result."""
        record = self.sources.open_record()
        if record is not None:
            self._push_items([item_for_record(record, self.sources.library())])
            return
        hit = self.sources.current_hit()
        if hit is None:
            self.status(_("Select a result or open a resource first, then add it."))
            return
        item = self.item_for_key(hit.key, hit.time if hit.type == "cue" else None)
        if item is None:
            self.status(_("This resource is no longer in the content packs."))
            return
        self._push_items([item])

    def add_moment(self) -> None:
        replay = self.sources.open_replay()
        if replay is None:
            hit = self.sources.current_hit()
            if hit is not None and hit.type == ResourceType.CUE.value:
                item = self.item_for_key(hit.key, hit.time)
                if item is not None:
                    self._push_items([item])
                    return
            self.status(_("Open a replay (or select a transcript result) to add a moment."))
            return
        start, _end = self.sources.replay_moment()
        self._push_items([moment_for_replay(replay, self.sources.library(), start)])

    def add_clip(self) -> None:
        replay = self.sources.open_replay()
        if replay is None:
            self.status(_("Open a replay to add a clip of it."))
            return
        start, end = self.sources.replay_moment()
        if end is None or end <= start:
            end = start + DEFAULT_CLIP_S
        if replay.duration:
            end = min(end, replay.duration)
        dialog = ClipDialog(replay.title, start, end, replay.duration, self.window)
        self.clip_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        start, end = dialog.span()
        self._push_items([moment_for_replay(replay, self.sources.library(), start, end)])

    def add_title_card(self) -> None:
        dialog = TitleCardDialog(self.window)
        self.title_card_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        heading, lines, duration = dialog.values()
        if not heading and not lines:
            return
        self._push_items([TitleCardItem(heading=heading, lines=lines,
                                        planned_duration_s=duration)])
        # After the dialog has given the focus back to where it was: onto the new card.
        QTimer.singleShot(0, self._focus_plan_list)

    def _focus_plan_list(self) -> None:
        self.window.activateWindow()
        self.panel.list_view.setFocus()

    def on_model_resources_dropped(self, entries: list, row: int) -> None:
        items = []
        for key, time in entries:
            try:
                split_key(key)
            except ValueError:
                continue
            item = self.item_for_key(key, time)
            if item is not None:
                items.append(item)
        self._push_items(items, row)

    # --- changing ------------------------------------------------------------------------

    def move(self, step: int) -> None:
        row = self.panel.current_row()
        item = self.model.item_at(row)
        target = row + step
        if item is None or not 0 <= target < self.model.rowCount():
            return
        title = self._resolve(item).title
        text = (_("Move “{title}” up") if step < 0 else _("Move “{title}” down")).format(
            title=title)
        self.undo_stack.push(commands.MoveItem(self.model, item.id, target, text))
        self.panel.select_row(target)

    def on_model_move_dropped(self, item_ids: list, row: int) -> None:
        item_id = item_ids[0]
        source = self.model.row_of(item_id)
        target = row - 1 if row > source else row
        if target == source:
            return
        title = self._resolve(self.model.item_at(source)).title
        self.undo_stack.push(commands.MoveItem(
            self.model, item_id, target, _("Move “{title}”").format(title=title)))
        self.panel.select_row(self.model.row_of(item_id))

    def remove(self) -> None:
        row = self.panel.current_row()
        item = self.model.item_at(row)
        if item is None:
            return
        title = self._resolve(item).title
        self.undo_stack.push(commands.RemoveItems(
            self.model, [item.id], _("Remove “{title}”").format(title=title)))
        self.panel.select_row(min(row, self.model.rowCount() - 1))

    def open_item(self) -> None:
        """Shows the item's resource in its view; a moment plays from its start."""
        resolved = self.model.resolved_at(self.panel.current_row())
        if resolved is None or resolved.record is None:
            return
        self.window.open_key(resolved.record.key)
        item = resolved.item
        if isinstance(item, MomentItem) and self.sources.showing_view():
            self.window.resource_views().replay_view.show_record(resolved.record, [],
                                                                  item.start_s)

    def accept_change(self) -> None:
        resolved = self.model.resolved_at(self.panel.current_row())
        if resolved is None or resolved.status is not ItemStatus.CHANGED:
            return
        self.undo_stack.push(commands.EditItem(
            self.model, refreshed(resolved.item, self.sources.library()),
            _("Accept the updated “{title}”").format(title=resolved.title)))

    def edit_note(self) -> None:
        if self.panel.current_row() >= 0:
            self.panel.editor.note.setFocus()

    def on_editor_item_edited(self, item: PlanItem, field: str) -> None:
        if self.model.row_of(item.id) < 0:
            return
        label = {"note": _("Edit the note"), "duration": _("Change the planned duration"),
                 "heading": _("Edit the title card"), "lines": _("Edit the title card")}
        self.undo_stack.push(commands.EditItem(self.model, item, label.get(field, ""), field))

    def edit_details(self) -> None:
        plan = self.model.plan
        dialog = PlanDetailsDialog(plan.title, plan.date, plan.place, plan.notes, self.window)
        self.details_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        if values != (plan.title, plan.date, plan.place, plan.notes):
            self.undo_stack.push(commands.EditDetails(self.model, *values))

    # --- closing and printing ------------------------------------------------------------

    def may_close(self) -> bool:
        """The window is closing: unsaved changes are asked about; False keeps it open."""
        if not self.files.may_discard_changes():
            return False
        i18n.remove_language_listener(self._language_listener)
        return True

    def print_preview(self, which: str) -> None:
        from mediation_kit.ui.plans import printing

        self.panel.editor.commit()
        printing.preview(self, which)

    def export_pdf(self, which: str) -> None:
        from mediation_kit.ui.plans import printing

        self.panel.editor.commit()
        printing.export_pdf(self, which)


def _weak_listener(controller: PlanController) -> Callable[[str], None]:
    """A language listener that does not keep the controller alive."""
    ref = weakref.ref(controller)

    def listener(language: str) -> None:
        target = ref()
        if target is None:
            return
        try:
            target.on_language_changed(language)
        except RuntimeError:  # the window is already gone
            i18n.remove_language_listener(listener)

    return listener
