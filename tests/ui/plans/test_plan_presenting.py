"""F5 in the plan panel presents the plan from its first item, Shift+F5 from the selected one;
F5 elsewhere, with a resource open, still presents that resource."""

from __future__ import annotations

from PySide6.QtCore import Qt

from plan_steps import focus_keys, search_and_go_down

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_f5_and_shift_f5_present_the_plan_from_the_panel(qtbot, window):
    plans = window.plans
    # Given a plan of two results, with the focus in the plan's list on its second item
    search_and_go_down(qtbot, window, "ouverture")
    focus_keys(qtbot, Qt.Key.Key_D, CTRL)
    qtbot.keyClick(window.result_list, Qt.Key.Key_Down)
    focus_keys(qtbot, Qt.Key.Key_D, CTRL)
    focus_keys(qtbot, Qt.Key.Key_F9)
    assert plans.panel.list_view.hasFocus() and plans.panel.current_row() == 1
    # When the leader presses F5 there
    focus_keys(qtbot, Qt.Key.Key_F5)
    # Then the plan is presented from its first item, one presentation item per plan item
    presentation = window.presentation
    assert presentation is not None and not presentation.is_ended
    assert [item.title for item in presentation.deck.items] == [
        "Ouverture des rencontres", "Plénière d'ouverture"]
    assert presentation.deck.item == 0
    presentation.end()
    # When the leader comes back to the plan and presses Shift+F5 on the second item
    plans.panel.list_view.setFocus()
    focus_keys(qtbot, Qt.Key.Key_F5, SHIFT)
    # Then the presentation starts from that item
    assert window.presentation is not presentation
    assert window.presentation.deck.item == 1
    window.presentation.end()


def test_f5_with_a_resource_open_presents_that_resource(qtbot, window):
    # Given a plan holding an item, and a summary open in its view with the focus there
    search_and_go_down(qtbot, window, "ouverture")
    focus_keys(qtbot, Qt.Key.Key_D, CTRL)
    qtbot.keyClick(window.result_list, Qt.Key.Key_Down)
    qtbot.keyClick(window.result_list, Qt.Key.Key_Return)
    assert window.plans.dock.isVisible()
    # When F5 is pressed outside the plan panel
    window.present_action.trigger()
    # Then the open resource alone is presented, not the plan
    assert [item.title for item in window.presentation.deck.items] == ["Plénière d'ouverture"]
    window.presentation.end()
