"""The plan's actions and where they appear: the File menu (plan files, printing), a Plan menu
(undo, add, move, remove, details), a View menu (the panel), the panel's buttons and the
context menus of the results, the plan list and the replay's transcript.

Actions are only made and named here; `PlanController` connects them to what they do.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QStyle, QWidget

from mediation_kit.core.i18n import _
from mediation_kit.ui.plans.plan_icons import plan_icon

Key = str | QKeySequence.StandardKey | None


class PlanActions:
    def __init__(self, window: QMainWindow, dock: QDockWidget, plan_list: QWidget) -> None:
        self.window = window
        pix = QStyle.StandardPixmap
        std = QKeySequence.StandardKey
        new = self._make
        self.new_action = new(std.New, pix.SP_FileIcon)
        self.open_action = new(std.Open, pix.SP_DialogOpenButton)
        self.save_action = new(std.Save, pix.SP_DialogSaveButton)
        self.save_as_action = new("Ctrl+Shift+S")
        self.print_sheet_action = new(std.Print)
        self.print_handout_action = new("Ctrl+Shift+P")
        self.pdf_sheet_action = new()
        self.pdf_handout_action = new()
        self.details_action = new()
        self.add_action = new("Ctrl+D")
        self.add_moment_action = new("Ctrl+Shift+D", pix.SP_MediaSeekForward)
        self.add_clip_action = new("Ctrl+Shift+C", pix.SP_MediaSkipForward)
        self.title_card_action = new("Ctrl+T")
        # F5 is the window's Present key: in the plan panel it presents the plan (main_window
        # asks present_wanted()); Shift+F5 presents from the selected item.
        self.present_action = new()
        self.present_from_here_action = new("Shift+F5")
        # Our own undo actions rather than QUndoStack's: their texts come from our catalogs.
        self.undo_action = new("Ctrl+Z")
        self.redo_action = new("Ctrl+Shift+Z")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        # F9 shows the panel and puts the focus in it; pressed again there, hides it.
        self.toggle_action = new("F9")
        self.toggle_action.setCheckable(True)
        dock.visibilityChanged.connect(self.toggle_action.setChecked)

        # These act on the plan's list only: Delete or Ctrl+Up elsewhere edit text.
        self.move_up_action = new("Ctrl+Up", pix.SP_ArrowUp, plan_list)
        self.move_down_action = new("Ctrl+Down", pix.SP_ArrowDown, plan_list)
        self.edit_note_action = new("F2", None, plan_list)
        self.open_item_action = new("Ctrl+Return", None, plan_list)
        self.accept_change_action = new(None, None, plan_list)
        self.remove_action = new(std.Delete, pix.SP_TrashIcon, plan_list)
        plan_list.insertAction(self.move_up_action, self.title_card_action)
        self._build_menus()

    def _make(self, shortcut: Key = None, icon: QStyle.StandardPixmap | None = None,
              widget: QWidget | None = None) -> QAction:
        action = QAction(self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            action.setIcon(self.window.style().standardIcon(icon))
        if widget is not None:
            widget.addAction(action)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        else:
            self.window.addAction(action)
        return action

    def _build_menus(self) -> None:
        window = self.window
        self.recent_menu = QMenu(window)
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
                       None, self.present_action, self.present_from_here_action,
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

    def add_to_replay_view(self, view: QWidget) -> None:
        """The transcript's and chapters' context menus: this moment, a clip."""
        for widget in (view.cues, view.chapters):
            widget.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            widget.addAction(self.add_moment_action)
            widget.addAction(self.add_clip_action)

    @property
    def panel_buttons(self) -> list[QAction]:
        return [self.add_action, self.title_card_action, self.move_up_action,
                self.move_down_action, self.remove_action]

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
            (self.present_action, _("&Present the plan"),
             _("Show the plan to the room from its first item (F5 in the plan panel)")),
            (self.present_from_here_action, _("Present from the &selected item"),
             _("Show the plan to the room from the selected item (Shift+F5)")),
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
            (self.undo_action, None, _("Undo the last change to the plan (Ctrl+Z)")),
            (self.redo_action, None,
             _("Redo the change to the plan just undone (Ctrl+Shift+Z)")),
        )
        for action, text, tip in texts:
            if text is not None:
                action.setText(text)
            action.setToolTip(tip)
            action.setStatusTip(tip)
        palette = self.window.palette()  # the theme may have changed too
        self.add_action.setIcon(plan_icon("add", palette))
        self.title_card_action.setIcon(plan_icon("card", palette))
        self.recent_menu.setTitle(_("Open &recent plan"))
        self.plan_menu.setTitle(_("P&lan"))
        self.view_menu.setTitle(_("&View"))

    def update_undo(self, undo_text: str, redo_text: str, can_undo: bool,
                    can_redo: bool) -> None:
        """"Undo Add “…”": the menu says which change Ctrl+Z takes back."""
        self.undo_action.setText(_("&Undo {change}").format(change=undo_text) if undo_text
                                 else _("&Undo"))
        self.redo_action.setText(_("&Redo {change}").format(change=redo_text) if redo_text
                                 else _("&Redo"))
        self.undo_action.setEnabled(can_undo)
        self.redo_action.setEnabled(can_redo)
