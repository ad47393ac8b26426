"""A workshop plan built with the keyboard alone: add results, reorder, a note, a duration,
a title card, undo and redo, save, start again and reopen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

from mediation_kit.core.plans import MomentItem, ResourceItem, TitleCardItem, load_plan
from plan_steps import focus_keys, in_modal, paste_text, search_and_go_down

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def titles(window):
    model = window.plans.model
    return [model.resolved_at(row).title for row in range(model.rowCount())]


# The file dialog's completer raises its popup and grabs the keyboard, which the offscreen
# platform cannot do.
@pytest.mark.qt_log_ignore("This plugin does not support raise",
                           "This plugin does not support grabbing the keyboard")
def test_a_plan_built_with_the_keyboard_alone(qtbot, window, user_folder):
    plans = window.plans
    # Given results for "ouverture": the summary first, then the replay
    search_and_go_down(qtbot, window, "ouverture")
    assert window.result_list.hasFocus()
    # When the leader presses Ctrl+D on the first result, Down, Ctrl+D on the second
    focus_keys(qtbot, Qt.Key.Key_D, CTRL)
    qtbot.keyClick(window.result_list, Qt.Key.Key_Down)
    focus_keys(qtbot, Qt.Key.Key_D, CTRL)
    # Then both are in the plan, in that order, and the panel is shown
    assert titles(window) == ["Ouverture des rencontres", "Plénière d'ouverture"]
    assert plans.dock.isVisible()
    assert window.result_list.hasFocus()  # the leader can go on choosing results

    # When the leader opens the replay (Enter) and adds "this moment" of the selected line
    qtbot.keyClick(window.result_list, Qt.Key.Key_Return)
    replay_view = window.resource_views().replay_view
    assert replay_view.replay.title == "Plénière d'ouverture"
    replay_view.cues.setFocus()
    qtbot.keyClick(replay_view.cues, Qt.Key.Key_Down)  # the second line, at 12:34
    focus_keys(qtbot, Qt.Key.Key_D, CTRL | SHIFT)
    moment = plans.model.item_at(2)
    assert isinstance(moment, MomentItem) and moment.start_s == 754.0

    # When F9 puts the focus in the plan and Ctrl+Up moves the moment above the replay
    focus_keys(qtbot, Qt.Key.Key_F9)
    assert plans.panel.list_view.hasFocus()
    assert plans.panel.current_row() == 2
    focus_keys(qtbot, Qt.Key.Key_Up, CTRL)
    assert [type(i) for i in plans.model.plan.items] == [ResourceItem, MomentItem, ResourceItem]
    assert plans.panel.current_row() == 1

    # When Enter opens the note editor, the leader types a note, Tab, then a duration
    qtbot.keyClick(plans.panel.list_view, Qt.Key.Key_Return)
    note = plans.panel.editor.note
    assert note.hasFocus()
    qtbot.keyClicks(note, "Ask who has heard of the commons")
    qtbot.keyClick(note, Qt.Key.Key_Tab)
    duration = plans.panel.editor.duration
    assert duration.hasFocus()
    duration.selectAll()
    qtbot.keyClicks(duration, "5")
    qtbot.keyClick(duration, Qt.Key.Key_Tab)
    moment = plans.model.item_at(1)
    assert moment.note == "Ask who has heard of the commons"
    assert moment.planned_duration_s == 300.0
    # the next item starts 5 minutes later
    assert plans.model.index(2).data(Qt.ItemDataRole.AccessibleTextRole).count("5:00") == 1

    # When Ctrl+T asks for a title card, typed and accepted with Enter
    plans.panel.list_view.setFocus()

    def write_card(dialog):
        qtbot.keyClicks(dialog.heading, "Question to the group")
        qtbot.keyClick(dialog.heading, Qt.Key.Key_Tab)
        qtbot.keyClicks(dialog.lines, "What would you keep offline?")
        qtbot.keyClick(dialog.heading, Qt.Key.Key_Return)

    in_modal(lambda: focus_keys(qtbot, Qt.Key.Key_T, CTRL), write_card)
    card = plans.model.item_at(2)
    assert isinstance(card, TitleCardItem)
    assert (card.heading, card.lines) == ("Question to the group",
                                          ("What would you keep offline?",))
    assert len(plans.model.plan.items) == 4

    # When Ctrl+Z undoes the card, Ctrl+Shift+Z brings it back, Ctrl+Z twice more undoes the
    # card and the duration
    # and the focus is back on the plan, on the new card
    qtbot.waitUntil(plans.panel.list_view.hasFocus)
    assert plans.panel.current_row() == 2
    focus_keys(qtbot, Qt.Key.Key_Z, CTRL)
    assert len(plans.model.plan.items) == 3
    focus_keys(qtbot, Qt.Key.Key_Z, CTRL | SHIFT)
    assert plans.model.item_at(2) == card
    focus_keys(qtbot, Qt.Key.Key_Z, CTRL)
    focus_keys(qtbot, Qt.Key.Key_Z, CTRL)
    assert plans.model.item_at(1).planned_duration_s is None
    assert plans.model.item_at(1).note == "Ask who has heard of the commons"
    focus_keys(qtbot, Qt.Key.Key_Z, CTRL | SHIFT)
    focus_keys(qtbot, Qt.Key.Key_Z, CTRL | SHIFT)
    assert plans.model.item_at(1).planned_duration_s == 300.0
    expected = list(plans.model.plan.items)
    assert plans.document.modified

    # When Ctrl+S asks where to save (the plans folder is proposed) and Enter accepts
    def accept(dialog):
        assert isinstance(dialog, QFileDialog)
        qtbot.keyClick(dialog.findChild(QLineEdit, "fileNameEdit"), Qt.Key.Key_Return)

    in_modal(lambda: focus_keys(qtbot, Qt.Key.Key_S, CTRL), accept)
    # Then the plan is saved there, and is no longer modified
    saved = plans.document.path
    assert saved is not None and saved.suffix == ".mkplan"
    assert saved.parent == plans.storage.plans_folder()
    assert not plans.document.modified
    assert load_plan(saved).items == expected

    # When Ctrl+N starts an empty plan (nothing to ask: it was saved)
    focus_keys(qtbot, Qt.Key.Key_N, CTRL)
    assert plans.model.rowCount() == 0

    # When Ctrl+O asks for a file, the leader types its path and presses Enter
    def open_file(dialog):
        field = dialog.findChild(QLineEdit, "fileNameEdit")
        field.clear()
        paste_text(field, str(saved))  # typed letter by letter, the completer would add to it
        qtbot.keyClick(field, Qt.Key.Key_Return)

    in_modal(lambda: focus_keys(qtbot, Qt.Key.Key_O, CTRL), open_file)
    # Then the plan is back, as it was saved
    assert plans.model.plan.items == expected
    assert plans.document.path == saved
    assert not plans.document.modified
    # and it is the first of the recent plans
    assert plans.storage.recent_files()[0] == saved.absolute()


def test_delete_removes_and_undo_brings_back_at_the_same_place(qtbot, window):
    plans = window.plans
    for key in ("nec-2025:summary:ouverture", "nec-2025:replay:pleniere",
                "nec-2025:kit:affiche"):
        plans._push_items([plans.item_for_key(key)])
    plans.panel.select_row(1)
    plans.panel.list_view.setFocus()
    qtbot.keyClick(plans.panel.list_view, Qt.Key.Key_Delete)
    assert titles(window) == ["Ouverture des rencontres", "Affiche officielle"]
    assert plans.panel.current_row() == 1
    qtbot.keyClick(plans.panel.list_view, Qt.Key.Key_Z, CTRL)
    assert titles(window) == ["Ouverture des rencontres", "Plénière d'ouverture",
                              "Affiche officielle"]


def test_every_plan_control_has_an_accessible_name(qtbot, window):
    from test_keyboard_and_views import unnamed_controls

    plans = window.plans
    plans._push_items([plans.item_for_key("nec-2025:summary:ouverture")])
    plans.toggle_panel()
    assert plans.dock.isVisible()
    assert unnamed_controls(plans.dock) == []
    QApplication.processEvents()
    # a result's context menu (right click, or the Menu key) offers to add it
    assert plans.actions.add_action in window.result_list.actions()
    assert window.result_list.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    # the buttons are reached with Tab and say what they do
    names = [b.accessibleName() for b in plans.panel.tool_buttons]
    assert names == ["Add to plan", "Add a title card…", "Move up", "Move down", "Remove"]
