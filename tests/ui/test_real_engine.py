"""Each window behaviour that depends on search, on the real engine over a small real pack:
the highlight drawn in the rows, the facet counts and filters, the correction and the close
matches, the hit marked in the opened summary, a spoken word opening its replay at the cue.

(The fakes of ui_fakes.py keep the other window tests fast; these make sure the window
agrees with what the engine really gives.)"""

from __future__ import annotations

from functools import partial

import pytest
from PySide6.QtCore import Qt

from disk_pack import write_pack
from mediation_kit.core.settings import Settings
from mediation_kit.ui.content import load_content
from mediation_kit.ui.main_window import MainWindow
from mediation_kit.ui.theme import THEMES, ThemeManager


@pytest.fixture(scope="module")
def index_cache(tmp_path_factory):
    """The disk pack and its index, built once for the module (each window reopens it)."""
    root = tmp_path_factory.mktemp("real-engine")
    write_pack(root / "packs")
    load_content(root / "packs", root / "no-shipped-index", root / "cache").close()
    return root


@pytest.fixture
def window(qtbot, index_cache, tmp_path):
    loader = partial(load_content, index_cache / "packs", index_cache / "no-shipped-index",
                     index_cache / "cache")
    win = MainWindow(Settings(tmp_path / "settings.toml"), loader=loader)
    qtbot.addWidget(win)
    win.resize(1100, 720)
    win.show()
    qtbot.waitExposed(win)
    with qtbot.waitSignal(win.content_loaded, timeout=20000):
        win.start_loading()
    assert win.content.engine is not None
    yield win
    win.close()


def search(qtbot, window, text):
    window.search_field.setFocus()
    window.search_field.setText(text)
    qtbot.waitUntil(lambda: window._last_results is not None
                    and window._last_results.query.text == text, timeout=5000)


def drawn_colours(widget) -> set[str]:
    image = widget.grab().toImage()
    return {image.pixelColor(x, y).name() for x in range(0, image.width(), 2)
            for y in range(0, image.height(), 2)}


def test_the_rows_draw_the_engine_s_hits_in_the_theme_s_hit_colour(qtbot, window, qapp):
    # Given a word of the summary, accents left out
    search(qtbot, window, "bibliotheques")
    hits = window.result_list.result_model.hits
    assert [h.title for h in hits] == ["Ouverture des rencontres"]
    # Then the engine marked the word as written, and the row draws it on the hit colour
    assert '<b class="hit">bibliothèques</b>' in hits[0].snippet
    window.result_list.clearSelection()  # the selected row is drawn in selection colours
    window.result_list.setCurrentIndex(window.result_list.result_model.index(-1))
    qtbot.wait(20)
    assert THEMES["light"].hit_background in drawn_colours(window.result_list.viewport())
    # and on the high-contrast theme, its yellow
    manager = ThemeManager(qapp)
    try:
        manager.apply("high-contrast", 100)
        window.result_list.retranslate()
        assert THEMES["high-contrast"].hit_background in drawn_colours(
            window.result_list.viewport())
    finally:
        manager.apply("light", 100)


def test_the_facets_count_what_the_engine_found_and_a_filter_narrows_it(qtbot, window):
    # Given a speaker's name found in the replay and both summaries
    search(qtbot, window, "Cattan")
    panel = window.facet_panel
    summary = panel.item_for("type", "summary")
    replay = panel.item_for("type", "replay")
    assert (summary.text(0), summary.text(1)) == ("Summary", "2")
    assert (replay.text(0), replay.text(1)) == ("Replay", "1")
    language = panel.item_for("lang", "en")
    assert (language.text(0), language.text(1)) == ("English", "1")
    # When the user checks "Replay" with the keyboard
    panel.setFocus()
    panel.setCurrentItem(replay)
    qtbot.keyClick(panel, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window._last_results is not None
                    and window._last_results.query.filters == {"type": frozenset({"replay"})})
    # Then only the replay is listed, and a chip says which filter is on
    assert [h.type for h in window.result_list.result_model.hits] == ["replay"]
    assert window.chips.isVisible()


def test_a_typo_offers_the_engine_s_correction_and_its_close_matches(qtbot, window):
    search(qtbot, window, "mediatoin")
    page = window.no_result_page
    assert window.stack.currentWidget() is page
    assert page.suggestion_button.isVisible()
    # the word as the content writes it, accents included
    assert page.suggestion_button.text() == "Did you mean “médiation”?"
    assert page.close_matches.isVisible()
    assert [h.title for h in page.close_matches.result_model.hits] == ["Plénière d'ouverture"]
    # When the correction is clicked, its results are shown
    page.suggestion_button.click()
    qtbot.waitUntil(lambda: window._last_results is not None
                    and window._last_results.query.text == "médiation", timeout=5000)
    assert window.stack.currentWidget() is window.results_page
    assert window.result_list.result_model.hits


def test_opening_a_summary_from_the_results_marks_the_searched_words(qtbot, window):
    # (in French: an English interface would show the summary's English translation)
    window.apply_settings({"language": "fr"})
    search(qtbot, window, "souveraineté numérique")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Down)
    with qtbot.waitSignal(window.record_opened, timeout=5000):
        qtbot.keyClick(window.result_list, Qt.Key.Key_Return)
    view = window.resource_views().currentWidget()
    assert view.summary.language == "fr"
    marked = [s.cursor.selectedText() for s in view.browser.extraSelections()]
    assert marked == ["souveraineté", "numérique"]


def test_a_spoken_word_opens_the_replay_at_its_cue(qtbot, window):
    search(qtbot, window, "quotidien")
    hit = window.result_list.current_hit()
    assert (hit.type, hit.time) == ("cue", 2.0)
    with qtbot.waitSignal(window.record_opened, timeout=5000):
        qtbot.keyClick(window.result_list, Qt.Key.Key_Return)
    view = window.resource_views().currentWidget()
    assert view.cues.currentRow() == 1
    assert view.cues.item(1).font().bold()  # the line holding the word stands out


def test_kit_rows_from_a_search_show_their_own_icons(qtbot, window):
    search(qtbot, window, "Strasbourg")
    kit_rows = [h for h in window.result_list.result_model.hits if h.type == "kit"]
    assert [h.key for h in kit_rows] == ["demo-2025:kit:communique"]
    window.result_list.grab()
    from mediation_kit.ui import icons
    from PySide6.QtGui import QPalette

    palette = QPalette(window.result_list.palette())
    shown = window.result_list.result_delegate.kit_icons.icon_for(kit_rows[0].key, palette,
                                                                   False)
    assert shown.pixmap(64, 64).toImage() == \
        icons.type_icon("kit-text", palette).pixmap(64, 64).toImage()
