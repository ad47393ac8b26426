"""Start-up: the window opens with the search field focused, then loads its content."""

from mediation_kit.ui.main_window import MainWindow
from ui_fakes import fake_loader


def test_window_opens_with_search_field_focused_before_content(qtbot, tmp_path, settings):
    # Given a new main window, shown before any content is loaded
    window = MainWindow(settings, loader=fake_loader(tmp_path))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    # Then the search field has the focus and the home page is waiting for the events
    qtbot.waitUntil(window.search_field.hasFocus)
    assert window.stack.currentWidget() is window.home_page
    assert window.content is None
    # When the content loads, the event cards appear
    with qtbot.waitSignal(window.content_loaded, timeout=5000):
        window.start_loading()
    assert [card.pack.id for card in window.home_page.cards] == ["nec-2025"]
    window.close()


def test_typing_a_query_shows_highlighted_results(qtbot, window):
    # When the user types a few letters
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        qtbot.keyClicks(window.search_field, "souv")
    qtbot.waitUntil(lambda: window.search_field.text() == "souv")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.results_page)
    # Then the results page lists matching resources with the words highlighted
    hits = window.result_list.result_model.hits
    assert {hit.type for hit in hits} == {"summary", "cue"}
    assert all('<b class="hit">' in hit.snippet for hit in hits)
    assert window.results_heading.text() == "2 results"


def test_deferred_start_keeps_focus_and_what_was_typed(qtbot, tmp_path, settings):
    # Given the window as the app starts it: only the toolbar and search field built
    window = MainWindow(settings, loader=fake_loader(tmp_path), deferred=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.search_field.hasFocus)
    assert not window.built
    # When the user types before the rest is built and before the content is loaded
    qtbot.keyClicks(window.search_field, "renc")
    window.finish_building()
    # Then the field keeps the focus and the text, and the search runs once content is there
    assert window.search_field.hasFocus()
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        window.start_loading()
    assert [h.title for h in window.result_list.result_model.hits] == ["Ouverture des rencontres"]
    window.close()
