"""Searching: results as you type, facets that filter, chips that remove, no-result help."""

from PySide6.QtCore import Qt

from mediation_kit.core.settings import Settings  # noqa: F401  (fixture types)


def type_query(qtbot, window, text):
    window.search_field.setFocus()
    qtbot.keyClicks(window.search_field, text)
    qtbot.waitUntil(lambda: window._last_results is not None
                    and window._last_results.query.text == text)


def test_typing_shows_results_of_the_full_text_and_esc_clears(qtbot, window):
    # When the user types a word letter by letter
    type_query(qtbot, window, "renc")
    # Then only the results of the full text are shown
    titles = [hit.title for hit in window.result_list.result_model.hits]
    assert titles == ["Ouverture des rencontres"]
    # And clearing the field brings the event cards back
    qtbot.keyClick(window.search_field, Qt.Key.Key_Escape)
    assert window.search_field.text() == ""
    assert window.stack.currentWidget() is window.home_page


def test_transcript_hit_reads_in_replay_at_time(qtbot, window):
    type_query(qtbot, window, "communs")
    cue = next(h for h in window.result_list.result_model.hits if h.type == "cue")
    from mediation_kit.ui.widgets.result_list import hit_heading_html

    heading, details = hit_heading_html(cue)
    assert heading == "in <b>Plénière d&#x27;ouverture</b> at 12:34"
    assert "Oct 29, 2025" in details


def test_facet_filters_and_chip_removes_the_filter(qtbot, window):
    # Given results of two types
    type_query(qtbot, window, "souv")
    assert {h.type for h in window.result_list.result_model.hits} == {"summary", "cue"}
    assert window.facet_panel.isVisible()
    # When the user checks the "Summary" value of the Type facet
    item = window.facet_panel.item_for("type", "summary")
    assert (item.text(0), item.text(1)) == ("Summary", "1")
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        item.setCheckState(0, Qt.CheckState.Checked)
    # Then only summaries are listed and a chip shows the filter
    assert {h.type for h in window.result_list.result_model.hits} == {"summary"}
    assert [chip.text() for chip in window.chips.chips] == ["Type: Summary  ✕"]
    assert window.chips.isVisible()
    # When the user clicks the chip
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        qtbot.mouseClick(window.chips.chips[0], Qt.MouseButton.LeftButton)
    # Then the filter is gone and both types are back
    assert window.chips.chips == []
    assert not window.chips.isVisible()
    assert {h.type for h in window.result_list.result_model.hits} == {"summary", "cue"}
    assert window.facet_panel.item_for("type", "summary").checkState(0) == \
        Qt.CheckState.Unchecked


def test_no_result_offers_a_clickable_correction_and_close_matches(qtbot, window):
    # When nothing matches a misspelt word
    type_query(qtbot, window, "strasbourgh")
    assert window.stack.currentWidget() is window.no_result_page
    panel = window.no_result_page
    assert panel.suggestion_button.isVisible()
    assert panel.suggestion_button.text() == "Did you mean “strasbourg”?"
    assert panel.close_matches.result_model.rowCount() > 0
    # When the user clicks the correction
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        qtbot.mouseClick(panel.suggestion_button, Qt.MouseButton.LeftButton)
    # Then the corrected query is searched and its results shown
    assert window.search_field.text() == "strasbourg"
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.results_page)


def test_event_card_browses_the_event_replays(qtbot, window):
    card = window.home_page.cards[0]
    assert card.holds.text() == "1 summary · 1 replay · 1 kit file"
    assert card.when_where.text().startswith("October 29")
    button = card.buttons[next(k for k in card.buttons if k.value == "replay")]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.results_page
    assert [h.title for h in window.result_list.result_model.hits] == ["Plénière d'ouverture"]
    assert window.results_heading.text() == "Replays of Numérique en Commun[s]"
    # Back returns to the cards
    window.back_action.trigger()
    assert window.stack.currentWidget() is window.home_page


def test_when_searches_are_slow_typing_is_debounced(qtbot, window):
    # Given an engine whose last search was slow
    asked = []
    engine = window.content.engine
    search = engine.search
    engine.search = lambda query: (asked.append(query.text), search(query))[1]
    window.search_runner.last_duration = 1.0
    # When the user types a word without pausing (no event loop turn between the keys)
    window.search_field.setFocus()
    qtbot.keyClicks(window.search_field, "renc")
    qtbot.waitUntil(lambda: window._last_results is not None
                    and window._last_results.query.text == "renc")
    # Then only the whole word was searched
    assert asked == ["renc"]
