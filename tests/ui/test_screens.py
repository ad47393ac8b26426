"""What the user sees on each screen: colours measured against WCAG AA on every theme, lines
not cut, texts not elided, French typography, zoom, Home, the no-result page."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics, QImage, QTextCursor
from PySide6.QtWidgets import QAbstractButton, QScrollBar, QStyle, QStyleOptionSlider

from mediation_kit.core.settings import Settings
from mediation_kit.ui.theme import THEMES, ThemeManager, contrast_ratio, readable_pairs

sys.path.insert(0, str(Path(__file__).parent / "views"))
import view_samples as samples  # noqa: E402

AA = 4.5


@pytest.fixture
def themes(qapp):
    """Applies themes and text sizes to the application; back to light, 100 % afterwards."""
    manager = ThemeManager(qapp)
    yield manager
    manager.apply("light", 100)


def search(qtbot, window, text):
    window.search_field.setFocus()
    window.search_field.setText(text)
    qtbot.waitUntil(lambda: window._last_results is not None
                    and window._last_results.query.text == text)


# --- colours --------------------------------------------------------------------------------


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_every_theme_s_text_and_hit_colours_meet_wcag_aa(theme):
    too_low = {name: round(contrast_ratio(fg, bg), 2)
               for name, (fg, bg) in readable_pairs(THEMES[theme]).items()
               if contrast_ratio(fg, bg) < AA}
    assert too_low == {}


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_hits_inside_a_summary_and_a_transcript_use_the_theme_s_readable_colours(
        qtbot, themes, tmp_path, theme):
    from mediation_kit.ui.views import ReplayView, SummaryView

    # Given a summary and a replay opened with a query, under another theme first
    themes.apply("dark" if theme != "dark" else "light", 100)
    summary = SummaryView()
    replay = ReplayView()
    for view in (summary, replay):
        qtbot.addWidget(view)
        view.resize(900, 600)
        view.show()
    summary.show_record(samples.summary_fr(tmp_path), ["numerique"])
    replay.show_record(samples.replay(), ["numerique"])
    # When the user switches to this theme
    themes.apply(theme, 100)
    qtbot.wait(50)
    colours = THEMES[theme]
    # Then the marked words in the summary take its hit colours, readable (AA)
    marks = summary.browser.extraSelections()
    assert marks
    for mark in marks:
        background = mark.format.background().color().name()
        foreground = mark.format.foreground().color().name()
        assert (background, foreground) == (colours.hit_background, colours.hit_text)
        assert contrast_ratio(foreground, background) >= AA
    # and so do the marked transcript lines
    marked = [replay.cues.item(i) for i in range(replay.cues.count())
              if replay.cues.item(i).font().bold()]
    assert marked
    for item in marked:
        background = item.background().color().name()
        foreground = item.foreground().color().name()
        assert (background, foreground) == (colours.hit_background, colours.hit_text)
    # and the pixels drawn under a marked word are the hit colour (not an old theme's)
    image = summary.browser.viewport().grab().toImage()
    drawn = {image.pixelColor(x, y).name() for x in range(0, image.width(), 2)
             for y in range(0, image.height(), 2)}
    assert colours.hit_background in drawn


def scroll_bar_contrast(qtbot) -> float:
    bar = QScrollBar(Qt.Orientation.Vertical)
    qtbot.addWidget(bar)
    bar.setRange(0, 100)
    bar.setPageStep(20)
    bar.resize(16, 300)
    bar.show()
    image: QImage = bar.grab().toImage()
    option = QStyleOptionSlider()
    bar.initStyleOption(option)
    style = bar.style()
    handle = style.subControlRect(QStyle.ComplexControl.CC_ScrollBar, option,
                                  QStyle.SubControl.SC_ScrollBarSlider, bar)
    groove = style.subControlRect(QStyle.ComplexControl.CC_ScrollBar, option,
                                  QStyle.SubControl.SC_ScrollBarAddPage, bar)
    return contrast_ratio(image.pixelColor(handle.center()).name(),
                          image.pixelColor(groove.center()).name())


@pytest.mark.parametrize("theme", ["dark", "high-contrast"])
def test_scroll_bars_stand_out_on_the_dark_themes(qtbot, themes, theme):
    # WCAG 1.4.11: the parts of a control one must see, 3:1 against what is next to them
    themes.apply(theme, 100)
    assert scroll_bar_contrast(qtbot) >= 3.0


# --- the summary view -----------------------------------------------------------------------


def summary_view(qtbot, tmp_path, markdown: str | None = None, language="fr"):
    import dataclasses

    from mediation_kit.ui.views import SummaryView

    kit = tmp_path / "kit"
    records = [samples.summary_fr(tmp_path), samples.summary_en(tmp_path), samples.replay(),
               samples.kit_image(samples.write_svg(kit))]
    library = samples.FakeLibrary(records, {samples.PACK_ID: samples.make_pack(tmp_path)})
    view = SummaryView(library)
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    qtbot.waitExposed(view)
    summary = samples.summary_fr(tmp_path)
    if markdown is not None:
        summary = dataclasses.replace(summary, body=markdown, language=language)
    view.show_record(summary, prefer_interface_language=False)
    return view


def test_the_summary_opens_with_its_top_line_whole_and_no_text_cursor(qtbot, tmp_path):
    view = summary_view(qtbot, tmp_path)
    browser = view.browser
    # Then the text is at its very top, its first line wholly inside the viewport
    assert browser.verticalScrollBar().value() == 0
    first = browser.document().begin()
    top = browser.document().documentLayout().blockBoundingRect(first).top()
    assert top >= 0
    # and no caret blinks in the read-only text, even once it has the focus
    browser.setFocus()
    assert not (browser.textInteractionFlags()
                & Qt.TextInteractionFlag.TextSelectableByKeyboard)
    assert not (browser.textInteractionFlags() & Qt.TextInteractionFlag.TextEditable)


def test_ctrl_plus_minus_and_zero_zoom_the_reading_view(qtbot, tmp_path):
    view = summary_view(qtbot, tmp_path)
    view.activateWindow()
    qtbot.waitActive(view)
    view.setFocus()
    qtbot.waitUntil(view.browser.hasFocus)  # the view hands the focus to its text
    document = view.browser.document()
    normal = document.defaultFont().pointSizeF()
    focused = view.browser
    assert "Ctrl++" in view.browser.accessibleDescription()  # said, not only done
    assert view.browser.statusTip() == view.browser.accessibleDescription()
    qtbot.keyClick(focused, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(focused, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    larger = document.defaultFont().pointSizeF()
    assert larger > normal * 1.2
    qtbot.keyClick(focused, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert normal < document.defaultFont().pointSizeF() < larger
    qtbot.keyClick(focused, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert document.defaultFont().pointSizeF() == pytest.approx(normal)
    # from a link of the side column too (the keys belong to the whole view)
    link = next(w for w in view.side_panel.widget().findChildren(QAbstractButton)
                if w.isVisible())
    link.setFocus()
    qtbot.waitUntil(link.hasFocus)
    qtbot.keyClick(link, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert document.defaultFont().pointSizeF() < normal


def test_french_text_never_wraps_a_semicolon_alone(qtbot, tmp_path):
    # Given a French summary whose "; : ! ? »" follow ordinary spaces
    view = summary_view(qtbot, tmp_path, "Une médiation en France ; des lieux : « ensemble » !")
    text = view.browser.toPlainText()
    # Then each is glued to its word by a narrow no-break space, and so is «
    assert text == ("Une médiation en France\u202f; des lieux\u202f: "
                    "«\u202fensemble\u202f»\u202f!")
    # and an English text is left as written
    english = summary_view(qtbot, tmp_path, "Note : this stays ; as typed", language="en")
    assert english.browser.toPlainText() == "Note : this stays ; as typed"


# --- the transcript -------------------------------------------------------------------------


@pytest.mark.parametrize("width", [420, 560, 700])
def test_no_transcript_line_is_elided_while_others_wrap(qtbot, width):
    from mediation_kit.core.model import TranscriptCue
    from mediation_kit.ui.views import ReplayView

    long = ("Les communs numériques, c'est d'abord une affaire de personnes qui se "
            "retrouvent, dans une bibliothèque, un tiers-lieu ou une maison de quartier")
    cues = tuple(TranscriptCue(i, i * 5.0, i * 5.0 + 4, f"{long} ({i})") for i in range(30))
    view = ReplayView()
    qtbot.addWidget(view)
    view.resize(width * 2, 600)
    view.show()
    view.show_record(samples.replay(cues=cues))
    qtbot.wait(50)
    cues_list = view.cues
    delegate = cues_list.itemDelegate()
    for row in range(cues_list.count()):
        item = cues_list.item(row)
        rect: QRect = cues_list.visualItemRect(item)
        # the height the whole text needs at the row's real width
        metrics = QFontMetrics(cues_list.font())
        needed = metrics.boundingRect(QRect(0, 0, rect.width() - 8, 100_000),
                                      int(Qt.TextFlag.TextWordWrap), item.text()).height()
        assert rect.height() >= needed, (row, rect.height(), needed)
        assert rect.right() <= cues_list.viewport().width()
    assert cues_list.textElideMode() == Qt.TextElideMode.ElideNone
    assert delegate is not None


# --- the main window ------------------------------------------------------------------------


def test_home_clears_the_search_field(qtbot, window):
    # Given results for a name typed in the field
    search(qtbot, window, "ouverture")
    assert window.stack.currentWidget() is window.results_page
    # When the user presses Alt+Home (the Home action)
    qtbot.keyClick(window.search_field, Qt.Key.Key_Home, Qt.KeyboardModifier.AltModifier)
    # Then the events page shows, and the field is empty
    assert window.stack.currentWidget() is window.home_page
    assert window.search_field.text() == ""
    # the toolbar's Home button does the same
    search(qtbot, window, "ouverture")
    window.toolbar.widgetForAction(window.home_action).click()
    assert window.search_field.text() == ""
    assert window.stack.currentWidget() is window.home_page


def test_the_no_result_page_has_no_gap_between_heading_and_hint(qtbot, window):
    search(qtbot, window, "zzzyyyxxx")
    page = window.no_result_page
    assert window.stack.currentWidget() is page
    assert not page.close_matches.isVisible()
    # The hint follows the heading (and the correction) at the layout's spacing
    above = page.suggestion_button if page.suggestion_button.isVisible() else page.heading
    gap = page.hints.geometry().top() - above.geometry().bottom()
    spacing = page.layout().spacing()
    assert gap <= spacing + 2, gap
    assert page.heading.height() <= page.heading.sizeHint().height() + 2


@pytest.mark.parametrize("text_size", [100, 150])
def test_filter_labels_fit_or_are_in_their_tooltip_and_counts_show(qtbot, tmp_path, themes,
                                                                    text_size):
    from ui_fakes import fake_loader

    from mediation_kit.ui.main_window import MainWindow
    from mediation_kit.ui.widgets.facet_panel import COUNT, LABEL, MAX_SHARE

    themes.apply("light", text_size)
    window = MainWindow(Settings(tmp_path / "settings.toml"), loader=fake_loader(tmp_path))
    qtbot.addWidget(window)
    window.resize(1280, 760)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.content_loaded, timeout=5000):
        window.start_loading()
    search(qtbot, window, "souveraineté")
    panel = window.facet_panel
    assert panel.isVisible()
    qtbot.wait(50)
    # The panel takes at most its share of the window
    assert panel.width() <= window.width() * MAX_SHARE + 2
    view_width = panel.viewport().width()
    for i in range(panel.topLevelItemCount()):
        top = panel.topLevelItem(i)
        for j in range(top.childCount()):
            item = top.child(j)
            label_rect = panel.visualItemRect(item)
            count_rect = panel.visualRect(panel.indexFromItem(item, COUNT))
            # the count is whole, inside the panel
            count_width = panel.fontMetrics().horizontalAdvance(item.text(COUNT))
            assert count_rect.right() <= view_width and count_rect.width() >= count_width
            # the label is whole, or whole in the tooltip
            label = item.text(LABEL)
            room = panel.columnWidth(LABEL) - (label_rect.left() - panel.visualRect(
                panel.indexFromItem(item, LABEL)).left())
            fits = panel.sizeHintForIndex(panel.indexFromItem(item, LABEL)).width() <= \
                panel.visualRect(panel.indexFromItem(item, LABEL)).width()
            assert fits or label in item.toolTip(LABEL), (label, room)
    # With labels that fit, the panel is wide enough for all of them
    if panel.ideal_width() <= window.width() * MAX_SHARE:
        assert panel.width() >= panel.ideal_width() - 2


# --- kit lists ------------------------------------------------------------------------------


def icon_image(window, row: int, selected: bool = False) -> QImage:
    from PySide6.QtGui import QPalette

    result_list = window.result_list
    hit = result_list.result_model.hits[row]
    icon = result_list.result_delegate.kit_icons.icon_for(hit.key, QPalette(
        result_list.palette()), selected)
    return icon.pixmap(64, 64).toImage()


def test_kit_lists_show_the_image_s_thumbnail_and_a_text_icon_for_texts(qtbot, tmp_path):
    # Given the real window over the disk pack: a poster (SVG, red with a yellow sun) and a
    # press text, browsed from the event's card
    from test_tab_walk import open_window

    from mediation_kit.ui import icons

    window = open_window(qtbot, tmp_path, None)
    window.on_home_browse_requested("demo-2025", "kit")
    hits = window.result_list.result_model.hits
    rows = {hit.key: row for row, hit in enumerate(hits)}
    poster, text = rows["demo-2025:kit:affiche"], rows["demo-2025:kit:communique"]
    window.result_list.grab()  # paints the rows: the poster's thumbnail is asked for
    kit_icons = window.result_list.result_delegate.kit_icons
    qtbot.waitUntil(lambda: kit_icons.has_thumbnail("demo-2025:kit:affiche"), timeout=10000)
    # Then the poster's row shows its own picture: its red and yellow, in the icon
    picture = icon_image(window, poster)
    colours = {picture.pixelColor(x, y).name() for x in range(0, picture.width(), 4)
               for y in range(0, picture.height(), 4)}
    assert "#c0392b" in colours and "#f1c40f" in colours
    # and the press text a text icon, not the picture icon every kit file had
    from PySide6.QtGui import QPalette

    palette = QPalette(window.result_list.palette())
    text_icon = icon_image(window, text)
    assert text_icon == icons.type_icon("kit-text", palette).pixmap(64, 64).toImage()
    assert text_icon != icons.type_icon("kit", palette).pixmap(64, 64).toImage()
    # and the thumbnail is drawn in the list itself
    shot = window.result_list.viewport().grab().toImage()
    drawn = {shot.pixelColor(x, y).name() for x in range(0, shot.width(), 2)
             for y in range(0, shot.height(), 2)}
    assert "#c0392b" in drawn


def test_a_summary_opened_at_a_hit_far_down_starts_on_a_whole_line(qtbot, tmp_path):
    from PySide6.QtCore import QPoint

    paragraphs = [f"Paragraphe {i} : la médiation avance pas à pas, avec les habitants, "
                  f"dans les lieux qui les accueillent déjà chaque semaine." for i in range(40)]
    paragraphs[30] += " Ici, la souveraineté."
    view = summary_view(qtbot, tmp_path, "\n\n".join(paragraphs))
    view.show_record(view.summary, ["souverainete"], prefer_interface_language=False)
    qtbot.wait(50)
    browser = view.browser
    # The hit is in view, below the top
    rect = browser.cursorRect(browser.textCursor())  # set on the first hit
    assert 0 < rect.top() and rect.bottom() <= browser.viewport().height()
    assert browser.verticalScrollBar().value() > 0
    # and the first line on screen starts at the top edge or below: it is not cut in half
    from mediation_kit.ui.views.common import line_top

    # (lines sit at fractional positions: within a pixel is whole)
    value = browser.verticalScrollBar().value()
    for x in (20, 60):
        assert line_top(browser, browser.cursorForPosition(QPoint(x, 0))) >= value - 1


def test_the_filter_panel_fits_again_after_the_text_size_grows_while_it_is_hidden(
        qtbot, window, themes):
    from mediation_kit.ui.widgets.facet_panel import MAX_SHARE

    window.resize(1280, 760)
    search(qtbot, window, "ouverture")
    panel = window.facet_panel
    # Given a narrow panel, hidden by an open resource while the text grows to 150 %
    window.splitter.setSizes([120, window.splitter.width() - 120])
    window.open_hit(window.result_list.result_model.hits[0])
    assert not panel.isVisible()
    themes.apply("light", 150)
    qtbot.wait(20)
    # When the user goes back to the results
    window.go_back()
    qtbot.waitUntil(panel.isVisible)
    qtbot.wait(50)
    # Then the panel is as wide as its longest label needs (up to its share)
    wanted = min(panel.ideal_width(), int(window.width() * MAX_SHARE))
    assert panel.width() >= wanted - 2


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_a_hit_in_the_selected_row_stands_out_from_the_row(theme):
    from mediation_kit.ui.theme import hit_colours

    colours = THEMES[theme]
    background, text = hit_colours(theme, selected=True)
    assert contrast_ratio(text, background) >= AA
    # the marked word's background is not the selected row's own colour
    assert contrast_ratio(background, colours.highlight) >= 1.5


def test_the_high_contrast_selected_row_draws_its_hit_apart(qtbot, window, themes):
    themes.apply("high-contrast", 100)
    window.result_list.retranslate()
    search(qtbot, window, "ouverture")
    result_list = window.result_list
    result_list.setCurrentIndex(result_list.result_model.index(0))
    rect = result_list.visualRect(result_list.result_model.index(0))
    image = result_list.viewport().grab().toImage().copy(rect)
    black = THEMES["high-contrast"].highlighted_text

    def longest_run(y: int) -> int:
        best = run = 0
        for x in range(image.width()):
            run = run + 1 if image.pixelColor(x, y).name() == black else 0
            best = max(best, run)
        return best

    # the selected row is yellow; its marked word sits on a black box (a run of black
    # pixels longer than any letter's stroke), not on the row's yellow
    assert THEMES["high-contrast"].highlight in {image.pixelColor(4, y).name()
                                                 for y in range(image.height())}
    assert max(longest_run(y) for y in range(image.height())) >= 25


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_the_player_s_buttons_show_their_icons_on_every_theme(qtbot, themes, theme):
    from mediation_kit.ui.views.player import VideoPlayer

    themes.apply(theme, 100)
    player = VideoPlayer()
    qtbot.addWidget(player)
    player.resize(600, 400)
    player.show()
    for button in (player.play_button, player.mute_button):
        image = button.grab().toImage()
        centre = {image.pixelColor(x, y).name()
                  for x in range(image.width() // 4, 3 * image.width() // 4)
                  for y in range(image.height() // 4, 3 * image.height() // 4)}
        background = image.pixelColor(2, image.height() // 2).name()
        # the icon's strokes stand out from the button (WCAG 1.4.11: 3:1)
        assert max(contrast_ratio(c, background) for c in centre) >= 3.0, button
