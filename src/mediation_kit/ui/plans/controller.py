"""Everything the workshop plan adds to the main window, wired in one place.

`PlanController(window)` builds the plan panel (a dock beside the results), its actions
(File: new, open, recent, save, print; Plan: add, moment, clip, title card, move, remove,
undo, redo; View: show the panel), and connects them to what the window shows: the selected
result, the open resource, the replay's position. The main window only creates it, and asks
`may_close()` before closing.

Every edit of the plan goes through the document's undo stack. A plan file that cannot be
read is reported in a message naming the file and the problem; the open plan stays.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication, QDialog, QDockWidget, QFileDialog, QMainWindow, QMenu, QMessageBox, QStyle,
)

from mediation_kit.core import i18n
from mediation_kit.core.i18n import _
from mediation_kit.core.model import Replay, ResourceType, split_key
from mediation_kit.core.packs.library import Library
from mediation_kit.core.plans.fileformat import SUFFIX, PlanFileError
from mediation_kit.core.plans.model import MomentItem, PlanItem, TitleCardItem
from mediation_kit.core.plans.resolve import (
    ItemStatus, ResolvedItem, item_for_record, moment_for_replay, refreshed, resolve_item,
)
from mediation_kit.core.plans.storage import AutosavedPlan, PlanStorage
from mediation_kit.ui.plans import commands
from mediation_kit.ui.plans.dialogs import ClipDialog, PlanDetailsDialog, TitleCardDialog
from mediation_kit.ui.plans.document import PlanDocument
from mediation_kit.ui.plans.panel import PlanPanel
from mediation_kit.ui.plans.plan_icons import plan_icon

log = logging.getLogger(__name__)

STATUS_MS = 6000
# A clip proposed from a moment without a cue end: this long, by default.
DEFAULT_CLIP_S = 60.0


def file_filter() -> str:
    return _("Workshop plans (*{suffix});;All files (*)").format(suffix=SUFFIX)


class PlanController(QObject):
    def __init__(self, window: QMainWindow, storage: PlanStorage | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.storage = storage if storage is not None else PlanStorage()
        self.document = PlanDocument(self.storage, self._resolve, self)
        self.model = self.document.model
        self.undo_stack = self.document.undo_stack
        self.pending: AutosavedPlan | None = None
        self.error_box: QMessageBox | None = None
        self._open_key: str | None = None  # the resource last opened in a view
        self._replay_views_wired: set[int] = set()
        self._build_panel()
        self._build_actions()
        self._build_menus()
        self._connect_signals()
        self._language_listener = _weak_listener(self)
        i18n.add_language_listener(self._language_listener)
        self.retranslate()
        self._offer_autosaved_work()

    # --- building ------------------------------------------------------------------------

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

    def _action(self, shortcut: str | QKeySequence.StandardKey | None = None,
                icon: QStyle.StandardPixmap | None = None,
                slot: Callable[[], Any] | None = None) -> QAction:
        action = QAction(self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            action.setIcon(self.window.style().standardIcon(icon))
        if slot is not None:
            action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        return action

    def _build_actions(self) -> None:
        pix = QStyle.StandardPixmap
        self.new_action = self._action(QKeySequence.StandardKey.New, pix.SP_FileIcon,
                                       self.new_plan)
        self.open_action = self._action(QKeySequence.StandardKey.Open, pix.SP_DialogOpenButton,
                                        self.open_plan)
        self.save_action = self._action(QKeySequence.StandardKey.Save, pix.SP_DialogSaveButton,
                                        self.save)
        self.save_as_action = self._action("Ctrl+Shift+S", None, self.save_as)
        self.print_sheet_action = self._action(QKeySequence.StandardKey.Print, None,
                                               partial(self.print_preview, "run-sheet"))
        self.print_handout_action = self._action("Ctrl+Shift+P", None,
                                                 partial(self.print_preview, "handout"))
        self.pdf_sheet_action = self._action(None, None, partial(self.export_pdf, "run-sheet"))
        self.pdf_handout_action = self._action(None, None, partial(self.export_pdf, "handout"))
        self.details_action = self._action(None, None, self.edit_details)

        self.add_action = self._action("Ctrl+D", None, self.add_current)
        self.add_moment_action = self._action("Ctrl+Shift+D", pix.SP_MediaSeekForward,
                                              self.add_moment)
        self.add_clip_action = self._action("Ctrl+Shift+C", pix.SP_MediaSkipForward,
                                            self.add_clip)
        self.title_card_action = self._action("Ctrl+T", None, self.add_title_card)
        self.move_up_action = self._action("Ctrl+Up", pix.SP_ArrowUp, partial(self.move, -1))
        self.move_down_action = self._action("Ctrl+Down", pix.SP_ArrowDown,
                                             partial(self.move, 1))
        self.remove_action = self._action(QKeySequence.StandardKey.Delete, pix.SP_TrashIcon,
                                          self.remove)
        self.edit_note_action = self._action("F2", None, self.edit_note)
        self.open_item_action = self._action("Ctrl+Return", None, self.open_item)
        self.accept_change_action = self._action(None, None, self.accept_change)
        # Moving and removing act on the plan's list only: Delete elsewhere edits text.
        for action in (self.move_up_action, self.move_down_action, self.remove_action,
                       self.edit_note_action, self.open_item_action,
                       self.accept_change_action):
            self.window.removeAction(action)
            self.panel.list_view.addAction(action)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)

        # Our own actions rather than QUndoStack's: their texts come from the kit's catalogs.
        self.undo_action = self._action("Ctrl+Z", None, self.undo_stack.undo)
        self.redo_action = self._action("Ctrl+Shift+Z", None, self.undo_stack.redo)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)

        # F9 shows the panel and puts the focus in it; pressed again there, hides it.
        self.toggle_action = self._action("F9", None, self.toggle_panel)
        self.toggle_action.setCheckable(True)
        self.dock.visibilityChanged.connect(self.toggle_action.setChecked)

        self.panel.add_buttons([self.add_action, self.title_card_action, self.move_up_action,
                                self.move_down_action, self.remove_action])
        self.panel.details_button.clicked.connect(self.edit_details)

    def _build_menus(self) -> None:
        window = self.window
        self.recent_menu = QMenu(window)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu: QMenu = window.file_menu
        first = file_menu.actions()[0] if file_menu.actions() else None
        for action in (self.new_action, self.open_action):
            file_menu.insertAction(first, action)
        file_menu.insertMenu(first, self.recent_menu)
        for action in (self.save_action, self.save_as_action):
            file_menu.insertAction(first, action)
        file_menu.insertSeparator(first)
        for action in (self.print_sheet_action, self.print_handout_action,
                       self.pdf_sheet_action, self.pdf_handout_action):
            file_menu.insertAction(first, action)
        file_menu.insertSeparator(first)

        self.plan_menu = QMenu(window)
        for action in (self.undo_action, self.redo_action, None, self.add_action,
                       self.add_moment_action, self.add_clip_action, self.title_card_action,
                       None, self.move_up_action, self.move_down_action, self.edit_note_action,
                       self.open_item_action, self.accept_change_action, self.remove_action,
                       None, self.details_action):
            if action is None:
                self.plan_menu.addSeparator()
            else:
                self.plan_menu.addAction(action)
        self.view_menu = QMenu(window)
        self.view_menu.addAction(self.toggle_action)
        before = window.help_menu.menuAction()
        window.menuBar().insertMenu(before, self.plan_menu)
        window.menuBar().insertMenu(before, self.view_menu)

        # Right-click (or the Menu key) on a result: add it to the plan.
        for results in (window.result_list, window.no_result_page.close_matches):
            results.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            results.addAction(self.add_action)
        self.panel.list_view.insertAction(self.move_up_action, self.title_card_action)

    def _connect_signals(self) -> None:
        self.document.state_changed.connect(self._update_state)
        self.undo_stack.indexChanged.connect(self._update_undo_texts)
        self.undo_stack.cleanChanged.connect(self._update_undo_texts)
        self.document.autosave_failed.connect(self._on_autosave_failed)
        self.model.move_dropped.connect(self.on_model_move_dropped)
        self.model.resources_dropped.connect(self.on_model_resources_dropped)
        self.panel.editor.item_edited.connect(self.on_editor_item_edited)
        self.panel.list_view.move_requested.connect(self.move)
        self.panel.list_view.remove_requested.connect(self.remove)
        self.panel.list_view.edit_requested.connect(self.edit_note)
        self.panel.list_view.open_requested.connect(self.open_item)
        self.panel.list_view.selectionModel().currentChanged.connect(self._update_state)
        self.panel.banner.restore_requested.connect(self.restore_autosaved)
        self.panel.banner.discard_requested.connect(self.discard_autosaved)
        self.window.content_loaded.connect(self.on_window_content_loaded)
        self.window.record_opened.connect(self.on_window_record_opened)
        self.window.stack.currentChanged.connect(self._update_state)

    # --- translation ---------------------------------------------------------------------

    def retranslate(self) -> None:
        texts = (
            (self.new_action, _("&New plan"), _("Start an empty workshop plan")),
            (self.open_action, _("&Open plan…"), _("Open a workshop plan file (.mkplan)")),
            (self.save_action, _("&Save plan"), _("Save the plan to its file")),
            (self.save_as_action, _("Save plan &as…"),
             _("Save the plan to another file, for example on a USB stick")),
            (self.print_sheet_action, _("&Print run sheet…"),
             _("Preview and print the leader's run sheet, with the notes")),
            (self.print_handout_action, _("Print &handout…"),
             _("Preview and print the handout for participants, without the notes")),
            (self.pdf_sheet_action, _("Run sheet as P&DF…"), _("Save the run sheet as a PDF")),
            (self.pdf_handout_action, _("Handout as PD&F…"), _("Save the handout as a PDF")),
            (self.details_action, _("Plan &details…"), _("Title, date, place and notes")),
            (self.add_action, _("&Add to plan"),
             _("Add the selected result or the open resource to the plan (Ctrl+D)")),
            (self.add_moment_action, _("Add this &moment"),
             _("Add the moment of the replay being watched or the selected transcript line "
               "(Ctrl+Shift+D)")),
            (self.add_clip_action, _("Add a &clip…"),
             _("Add a clip of the open replay, from a start to an end (Ctrl+Shift+C)")),
            (self.title_card_action, _("Add a &title card…"),
             _("Add a heading and a few lines of your own (Ctrl+T)")),
            (self.move_up_action, _("Move &up"), _("Move the selected item up (Ctrl+Up)")),
            (self.move_down_action, _("Move do&wn"),
             _("Move the selected item down (Ctrl+Down)")),
            (self.remove_action, _("&Remove"), _("Remove the selected item (Delete)")),
            (self.edit_note_action, _("Edit &note"),
             _("Write a note about the selected item, only for you (F2)")),
            (self.toggle_action, _("&Plan panel"), _("Show or hide the workshop plan (F9)")),
            (self.open_item_action, _("Sh&ow the item"),
             _("Show the selected item's resource, a moment at its time (Ctrl+Enter)")),
            (self.accept_change_action, _("Accept the &updated resource"),
             _("The resource changed in a pack update: keep the item with the new version")),
        )
        for action, text, tip in texts:
            action.setText(text)
            action.setToolTip(tip)
            action.setStatusTip(tip)
        self._update_undo_texts()
        palette = self.window.palette()  # the theme may have changed too
        self.add_action.setIcon(plan_icon("add", palette))
        self.title_card_action.setIcon(plan_icon("card", palette))
        self.recent_menu.setTitle(_("Open &recent plan"))
        self.plan_menu.setTitle(_("P&lan"))
        self.view_menu.setTitle(_("&View"))
        self.dock.setAccessibleName(_("Workshop plan"))
        self.panel.retranslate()
        self.model.refresh()
        self._update_state()
        if self.pending is not None:
            self._show_banner()

    def _update_undo_texts(self, *_args) -> None:
        stack = self.undo_stack
        undo, redo = stack.undoText(), stack.redoText()
        self.undo_action.setText(_("&Undo {change}").format(change=undo) if undo
                                 else _("&Undo"))
        self.redo_action.setText(_("&Redo {change}").format(change=redo) if redo
                                 else _("&Redo"))
        self.undo_action.setToolTip(_("Undo the last change to the plan (Ctrl+Z)"))
        self.redo_action.setToolTip(_("Redo the change to the plan just undone (Ctrl+Shift+Z)"))
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())

    def toggle_panel(self) -> None:
        if self.dock.isVisible() and self.panel.list_view.hasFocus():
            self.dock.hide()
            self.window.search_field.setFocus()
            return
        self.dock.show()
        self.dock.raise_()
        if self.panel.current_row() < 0:
            self.panel.select_row(0)
        self.panel.list_view.setFocus()

    def on_language_changed(self, _language: str) -> None:
        self.retranslate()

    # --- state ---------------------------------------------------------------------------

    def _update_state(self, *_args) -> None:
        document = self.document
        name = document.path.name if document.path else (
            document.plan.title or _("Untitled plan"))
        title = _("Plan: {name}").format(name=name)
        if document.modified:
            title = _("{title} (not saved)").format(title=title)
        self.dock.setWindowTitle(title)
        row = self.panel.current_row()
        count = self.model.rowCount()
        self.move_up_action.setEnabled(row > 0)
        self.move_down_action.setEnabled(0 <= row < count - 1)
        self.remove_action.setEnabled(row >= 0)
        self.edit_note_action.setEnabled(row >= 0)
        resolved = self.model.resolved_at(row)
        self.open_item_action.setEnabled(resolved is not None and resolved.record is not None)
        self.accept_change_action.setEnabled(
            resolved is not None and resolved.status is ItemStatus.CHANGED)
        self.save_action.setEnabled(document.modified or document.path is None)
        for action in (self.print_sheet_action, self.print_handout_action,
                       self.pdf_sheet_action, self.pdf_handout_action):
            action.setEnabled(count > 0)
        replay = self._open_replay() is not None
        self.add_moment_action.setEnabled(replay or self._current_hit_is_cue())
        self.add_clip_action.setEnabled(replay)

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, STATUS_MS)

    def _library(self) -> Library:
        content = getattr(self.window, "content", None)
        library = getattr(content, "library", None)
        return library if library is not None else Library()

    def _resolve(self, item: PlanItem) -> ResolvedItem:
        return resolve_item(item, self._library())

    def on_window_content_loaded(self) -> None:
        self.model.set_resolver(self._resolve)
        self.panel.update_summary()
        self._update_state()

    # --- what the window shows -----------------------------------------------------------

    def _showing_view(self) -> bool:
        window = self.window
        return getattr(window, "built", False) and window.stack.currentWidget() is \
            window.view_stack

    def _open_record(self) -> Any:
        """The resource shown in a view (a transcript cue's key gives its replay)."""
        if not self._showing_view() or self._open_key is None:
            return None
        found = self._library().get(self._open_key)
        return found[0] if isinstance(found, tuple) else found

    def _open_replay(self) -> Replay | None:
        record = self._open_record()
        return record if isinstance(record, Replay) else None

    def _current_hit(self) -> Any:
        window = self.window
        if not getattr(window, "built", False):
            return None
        page = window.stack.currentWidget()
        if page is window.results_page:
            results = window.result_list
        elif page is window.no_result_page:
            results = window.no_result_page.close_matches
        else:
            return None
        return results.current_hit()

    def _current_hit_is_cue(self) -> bool:
        hit = self._current_hit()
        return hit is not None and hit.type == ResourceType.CUE.value and not self._showing_view()

    def _replay_view(self) -> Any:
        if self._open_key is None:  # no view yet: they are made when a record is opened
            return None
        return self.window.resource_views().replay_view

    def on_window_record_opened(self, key: str) -> None:
        """The first replay shown: its transcript and chapters get the "add" actions."""
        self._open_key = key
        view = self._replay_view()
        if view is not None and id(view) not in self._replay_views_wired:
            self._replay_views_wired.add(id(view))
            for widget in (view.cues, view.chapters):
                widget.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
                widget.addAction(self.add_moment_action)
                widget.addAction(self.add_clip_action)
        self._update_state()

    def replay_moment(self) -> tuple[float, float | None]:
        """Where the leader is in the open replay: the player's position when the video
        plays or was moved, else the selected transcript line (its start and end)."""
        view = self._replay_view()
        if view is None:
            return 0.0, None
        from mediation_kit.ui.views.replay_view import START_ROLE

        if view.video_path is not None and view.player.position_seconds() > 0:
            return view.player.position_seconds(), None
        item = view.cues.currentItem()
        if item is not None and view.replay is not None:
            row = view.cues.row(item)
            cue = view.replay.cues[row] if row < len(view.replay.cues) else None
            return float(item.data(START_ROLE)), (cue.end if cue is not None else None)
        chapter = view.chapters.currentItem()
        if chapter is not None:
            return float(chapter.data(START_ROLE)), None
        return 0.0, None

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
        self._status(_("Added to the plan: {title}").format(title=", ".join(titles)))

    def item_for_key(self, key: str, time: float | None = None) -> PlanItem | None:
        """An item for a resource key (a transcript cue becomes a moment of its replay)."""
        library = self._library()
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
        record = self._open_record()
        if record is not None:
            self._push_items([item_for_record(record, self._library())])
            return
        hit = self._current_hit()
        if hit is None:
            self._status(_("Select a result or open a resource first, then add it."))
            return
        item = self.item_for_key(hit.key, hit.time if hit.type == "cue" else None)
        if item is None:
            self._status(_("This resource is no longer in the content packs."))
            return
        self._push_items([item])

    def add_moment(self) -> None:
        replay = self._open_replay()
        if replay is None:
            hit = self._current_hit()
            if hit is not None and hit.type == ResourceType.CUE.value:
                item = self.item_for_key(hit.key, hit.time)
                if item is not None:
                    self._push_items([item])
                    return
            self._status(_("Open a replay (or select a transcript result) to add a moment."))
            return
        start, _end = self.replay_moment()
        self._push_items([moment_for_replay(replay, self._library(), start)])

    def add_clip(self) -> None:
        replay = self._open_replay()
        if replay is None:
            self._status(_("Open a replay to add a clip of it."))
            return
        start, end = self.replay_moment()
        if end is None or end <= start:
            end = start + DEFAULT_CLIP_S
        if replay.duration:
            end = min(end, replay.duration)
        dialog = ClipDialog(replay.title, start, end, replay.duration, self.window)
        self.clip_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        start, end = dialog.span()
        self._push_items([moment_for_replay(replay, self._library(), start, end)])

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
        if isinstance(item, MomentItem) and self._showing_view():
            self.window.resource_views().replay_view.show_record(resolved.record, [],
                                                                  item.start_s)

    def accept_change(self) -> None:
        resolved = self.model.resolved_at(self.panel.current_row())
        if resolved is None or resolved.status is not ItemStatus.CHANGED:
            return
        self.undo_stack.push(commands.EditItem(
            self.model, refreshed(resolved.item, self._library()),
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

    # --- files ---------------------------------------------------------------------------

    def may_discard_changes(self) -> bool:
        """Asks about unsaved changes: True when the caller may go on (saved or discarded)."""
        self.panel.editor.commit()
        if not self.document.modified:
            return True
        box = QMessageBox(QMessageBox.Icon.Question, _("Unsaved plan"), _(
            "The plan “{name}” has changes that are not saved. Save them?").format(
            name=self.document.path.name if self.document.path
            else (self.model.plan.title or _("Untitled plan"))), parent=self.window)
        box.setStandardButtons(QMessageBox.StandardButton.Save
                               | QMessageBox.StandardButton.Discard
                               | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        for button, text in ((QMessageBox.StandardButton.Save, _("&Save")),
                             (QMessageBox.StandardButton.Discard, _("&Don't save")),
                             (QMessageBox.StandardButton.Cancel, _("Cancel"))):
            box.button(button).setText(text)
            box.button(button).setAccessibleName(text.replace("&", ""))
        self.unsaved_box = box
        answer = box.exec()
        self.unsaved_box = None
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.document.discard_autosave()
            return True
        return False

    def may_close(self) -> bool:
        """The window is closing: unsaved changes are asked about; False keeps it open."""
        if not self.may_discard_changes():
            return False
        i18n.remove_language_listener(self._language_listener)
        return True

    def new_plan(self) -> None:
        if self.may_discard_changes():
            self.document.new()
            self.dock.show()
            self.panel.list_view.setFocus()

    def open_plan(self) -> None:
        if not self.may_discard_changes():
            return
        dialog = self._file_dialog(_("Open a workshop plan"), QFileDialog.AcceptMode.AcceptOpen,
                                   self.storage.plans_folder())
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.selectedFiles():
            self.open_path(Path(dialog.selectedFiles()[0]), ask=False)

    def open_path(self, path: Path, ask: bool = True) -> bool:
        """Opens a plan file (the command line, Open recent, a drop); False when it could not
        be read, which is said in a message naming the file and the problem."""
        if ask and not self.may_discard_changes():
            return False
        try:
            self.document.open(Path(path))
        except PlanFileError as error:
            self.show_error(_("The plan could not be opened"), str(error))
            return False
        self.dock.show()
        self.panel.select_row(0)
        self._status(_("Plan opened: {file}").format(file=path))
        return True

    def show_error(self, title: str, message: str) -> None:
        """A message that does not block: the kit goes on with the plan that was open."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, message,
                          QMessageBox.StandardButton.Ok, self.window)
        box.setAccessibleName(title)
        box.setAccessibleDescription(message)
        self.error_box = box
        box.open()

    def save(self) -> bool:
        self.panel.editor.commit()
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        self.panel.editor.commit()
        suggested = (self.document.path if self.document.path is not None
                     else self.storage.suggested_path(self.model.plan.title or _("plan")))
        dialog = self._file_dialog(_("Save the workshop plan"), QFileDialog.AcceptMode.AcceptSave,
                                   suggested)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return False
        path = Path(dialog.selectedFiles()[0])
        if path.suffix != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        return self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        try:
            self.document.save(path)
        except PlanFileError as error:
            self.show_error(_("The plan could not be saved"), str(error))
            return False
        self._status(_("Plan saved: {file}").format(file=path))
        return True

    def _file_dialog(self, title: str, mode: QFileDialog.AcceptMode,
                     where: Path) -> QFileDialog:
        dialog = QFileDialog(self.window, title)
        dialog.setAcceptMode(mode)
        dialog.setNameFilter(file_filter())
        dialog.setDefaultSuffix(SUFFIX.lstrip("."))
        if mode == QFileDialog.AcceptMode.AcceptOpen:
            dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
            dialog.setDirectory(str(where))
        else:
            dialog.setDirectory(str(where.parent))
            dialog.selectFile(where.name)
        self.file_dialog = dialog
        return dialog

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.storage.recent_files()
        for number, path in enumerate(recent, start=1):
            action = self.recent_menu.addAction(f"&{number % 10} {path.name}")
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.setEnabled(path.is_file())  # a USB stick not plugged in: greyed out
            action.triggered.connect(partial(self.open_path, path))
        if not recent:
            empty = self.recent_menu.addAction(_("No recent plan"))
            empty.setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            clear = self.recent_menu.addAction(_("Clear the list"))
            clear.triggered.connect(self._clear_recent)

    def _clear_recent(self) -> None:
        try:
            self.storage.clear_recent()
        except OSError as error:
            self._status(str(error))

    # --- autosave and recovery -----------------------------------------------------------

    def _offer_autosaved_work(self) -> None:
        self.pending = self.storage.pending_autosave()
        if self.pending is not None:
            self._show_banner()
            self.dock.show()

    def _show_banner(self) -> None:
        pending = self.pending
        when = ""
        if pending.saved_at is not None:
            when = i18n.format_datetime(pending.saved_at.astimezone().replace(tzinfo=None),
                                        "short")
        name = pending.source.name if pending.source else (
            pending.plan.title or _("Untitled plan"))
        count = len(pending.plan.items)
        text = i18n.ngettext(
            "The kit did not close normally. Unsaved changes to the plan “{name}” "
            "({count} item) were kept{when}. Restore them?",
            "The kit did not close normally. Unsaved changes to the plan “{name}” "
            "({count} items) were kept{when}. Restore them?", count).format(
            name=name, count=count,
            when=_(" on {time}").format(time=when) if when else "")
        self.panel.banner.set_message(text)
        self.panel.banner.show()

    def restore_autosaved(self) -> None:
        pending = self.pending
        if pending is None:
            return
        if not self.may_discard_changes():
            return
        self.pending = None
        self.panel.banner.hide()
        self.document.restore(pending.plan, pending.source)
        self.dock.show()
        self.panel.select_row(0)
        self.panel.list_view.setFocus()
        self._status(_("The unsaved plan was restored: save it to keep it."))

    def discard_autosaved(self) -> None:
        self.pending = None
        self.panel.banner.hide()
        if not self.document.modified:
            self.document.discard_autosave()
        self.panel.list_view.setFocus()

    def _on_autosave_failed(self, message: str) -> None:
        self._status(_("The plan could not be autosaved: {error}").format(error=message))

    # --- printing ------------------------------------------------------------------------

    def print_preview(self, which: str) -> None:
        from mediation_kit.ui.plans import printing

        self.panel.editor.commit()
        printing.preview(self, which)

    def export_pdf(self, which: str) -> None:
        from mediation_kit.ui.plans import printing

        self.panel.editor.commit()
        printing.export_pdf(self, which)


def _weak_listener(controller: PlanController) -> Callable[[str], None]:
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

