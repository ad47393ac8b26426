"""Keyboard-only use and opening each kind of resource in its view."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from mediation_kit.core.model import Replay, Summary


def search(qtbot, window, text):
    window.search_field.setFocus()
    window.search_field.setText(text)
    qtbot.waitUntil(lambda: window._last_results is not None
                    and window._last_results.query.text == text)


def test_keyboard_only_search_open_back_and_clear(qtbot, window):
    # Given the window focused on the search field
    qtbot.waitUntil(window.search_field.hasFocus)
    # When the user types, goes Down into the results and presses Enter
    qtbot.keyClicks(window.search_field, "renc")
    qtbot.waitUntil(lambda: window._last_results is not None
                    and window._last_results.query.text == "renc")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Down)
    assert window.result_list.hasFocus()
    with qtbot.waitSignal(window.record_opened, timeout=5000) as opened:
        qtbot.keyClick(window.result_list, Qt.Key.Key_Return)
    # Then the summary is shown in its view
    assert opened.args == ["nec-2025:summary:ouverture"]
    assert window.stack.currentWidget() is window.view_stack
    views = window.resource_views()
    assert views.currentWidget() is views.summary_view
    # When the user presses Alt+Left, the results come back
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.stack.currentWidget() is window.results_page
    # Ctrl+K goes back to the field with its text selected, Esc clears it
    qtbot.keyClick(window.result_list, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.search_field.hasFocus()
    assert window.search_field.selectedText() == "renc"
    qtbot.keyClick(window.search_field, Qt.Key.Key_Escape)
    assert window.search_field.text() == ""
    assert window.stack.currentWidget() is window.home_page


def unnamed_controls(root):
    from PySide6.QtWidgets import QWidget

    return [w for w in root.findChildren(QWidget)
            if w.isVisible() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
            and not w.accessibleName() and not getattr(w, "text", lambda: "")()]


def test_every_focusable_control_has_an_accessible_name(qtbot, window):
    # on the results page, the home page, and in the settings and About dialogs
    search(qtbot, window, "souv")
    assert unnamed_controls(window) == []
    window.go_home()
    assert unnamed_controls(window) == []
    window.settings_action.trigger()
    qtbot.waitExposed(window.settings_dialog)
    assert unnamed_controls(window.settings_dialog) == []
    window.settings_dialog.reject()
    window.about_action.trigger()
    qtbot.waitExposed(window.about_dialog)
    assert unnamed_controls(window.about_dialog) == []
    window.about_dialog.reject()


def test_enter_opens_each_kind_of_resource(qtbot, window):
    views = window.resource_views()
    for query, view, kind in (("rencontres", views.summary_view, Summary),
                              ("plénière", views.replay_view, Replay),
                              ("affiche", views.kit_asset_view, None)):
        window.go_home()
        search(qtbot, window, query)
        window.search_field.setFocus()
        with qtbot.waitSignal(window.record_opened, timeout=5000):
            qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
        assert views.currentWidget() is view, query


def test_transcript_hit_opens_the_replay_at_the_cue(qtbot, window):
    search(qtbot, window, "communs")
    cue_row = next(i for i, h in enumerate(window.result_list.result_model.hits)
                   if h.type == "cue")
    window.result_list.setCurrentIndex(window.result_list.result_model.index(cue_row))
    with qtbot.waitSignal(window.record_opened, timeout=5000) as opened:
        qtbot.keyClick(window.result_list, Qt.Key.Key_Return)
    assert opened.args == ["nec-2025:replay:pleniere"]
    assert window._current_time == 754.0


def test_down_from_the_field_on_home_reaches_the_event_cards(qtbot, window):
    qtbot.waitUntil(window.search_field.hasFocus)
    qtbot.keyClick(window.search_field, Qt.Key.Key_Down)
    card = window.home_page.cards[0]
    focused = QApplication.focusWidget()
    assert focused in card.buttons.values()
    # Space on the focused button browses that part of the event
    qtbot.keyClick(focused, Qt.Key.Key_Space)
    assert window.stack.currentWidget() is window.results_page


def test_facets_are_toggled_from_the_keyboard(qtbot, window):
    search(qtbot, window, "souv")
    panel = window.facet_panel
    panel.setFocus()
    panel.setCurrentItem(panel.item_for("type", "summary"))
    # Enter checks the value under the cursor and filters the results
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        qtbot.keyClick(panel, Qt.Key.Key_Return)
    assert {h.type for h in window.result_list.result_model.hits} == {"summary"}
    # Space on the same value removes the filter again
    panel.setCurrentItem(panel.item_for("type", "summary"))
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        qtbot.keyClick(panel, Qt.Key.Key_Space)
    assert {h.type for h in window.result_list.result_model.hits} == {"summary", "cue"}
