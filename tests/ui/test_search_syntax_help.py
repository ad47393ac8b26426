"""How to search, from the search field: a tooltip with the rules in brief, F1 for a short
help with an example of each (quotes, -word, OR, a star, speaker:, theme:, type:, event:),
in the interface's language; every example shown is one the search understands."""

from __future__ import annotations

import html

import pytest
from PySide6.QtCore import Qt

from mediation_kit.core import i18n
from mediation_kit.core.search.querylang import AnyOf, Phrase, parse
from mediation_kit.ui.widgets.search_help import SYNTAX, TOOLTIP_LINES

SYNTAX_SHOWN = ('"inclusion numérique"', "-plénière", "atelier OR table", "souver*",
                "speaker:", "theme:", "type:", "event:")


def open_help(window, qtbot):
    window.search_field.setFocus()
    qtbot.waitUntil(window.search_field.hasFocus)
    qtbot.keyClick(window.search_field, Qt.Key.Key_F1)
    help_window = window.search_field.syntax_help
    assert help_window is not None
    qtbot.waitUntil(help_window.isVisible)
    return help_window


def test_f1_in_the_search_field_shows_how_to_search(window, qtbot):
    # Given the search field with the focus; when the person presses F1
    help_window = open_help(window, qtbot)
    # Then a window titled "How to search" shows an example of each rule
    assert help_window.windowTitle() == "How to search"
    shown = html.unescape(help_window.body.text())
    for syntax in SYNTAX_SHOWN:
        assert syntax in shown, syntax
    assert help_window.body.accessibleName() == "How to search"
    assert "souver*: Words starting with" in help_window.body.accessibleDescription()
    # And Esc closes it and gives the field back, so typing goes on
    qtbot.keyClick(help_window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not help_window.isVisible())
    qtbot.waitUntil(window.search_field.hasFocus)
    qtbot.keyClicks(window.search_field, "souv")
    assert window.search_field.text() == "souv"


def test_f1_again_brings_back_the_same_help(window, qtbot):
    first = open_help(window, qtbot)
    first.close()
    assert open_help(window, qtbot) is first


def test_the_tooltip_gives_the_rules_in_brief_and_names_f1(window):
    tip = window.search_field.toolTip()
    for syntax in ('"inclusion numérique"', "-word", " OR ", "souver*", "speaker:", "theme:",
                   "type:", "event:", "F1"):
        assert syntax in tip, syntax
    assert "F1" in window.search_field.accessibleDescription()


@pytest.mark.parametrize("language, title, example, tip", [
    ("fr", "Comment chercher", "intervenant:Cattan", "F1 : comment chercher"),
    ("de", "So wird gesucht", "speaker:Cattan", "F1: So wird gesucht"),
])
def test_the_help_and_the_tooltip_follow_the_language(window, qtbot, language, title,
                                                      example, tip):
    help_window = open_help(window, qtbot)
    try:
        i18n.set_language(language)
        assert help_window.windowTitle() == title
        assert example in html.unescape(help_window.body.text())
        assert tip in window.search_field.toolTip()
    finally:
        i18n.set_language("en")
    assert help_window.windowTitle() == "How to search"


@pytest.mark.parametrize("language", ["en", "fr", "de"])
def test_every_example_shown_is_understood_by_the_search(language):
    # The examples are translated (a language may show its own filter names): each one must
    # still parse into what its line says, not into plain words.
    translations = i18n.load_catalog(language)
    examples = [translations.gettext(example) for example, _meaning in SYNTAX]
    parsed = [parse(example + " ") for example in examples]
    plain, phrase, minus, either, star, speaker, theme, kind, event, year_lang = parsed
    assert len(plain.required) == 2
    assert isinstance(phrase.required[0], Phrase)
    assert minus.excluded
    assert isinstance(either.required[0], AnyOf)
    assert star.required[0].prefix
    assert "speaker" in speaker.filters and "theme" in theme.filters
    assert kind.filters == {"type": {"replay"}}
    assert "event" in event.filters
    assert set(year_lang.filters) == {"year", "lang"}
    # the tooltip's brief says the same: a star and the filter names the search knows
    brief = " ".join(translations.gettext(line) for line in TOOLTIP_LINES)
    assert "souver*" in brief
    filters = parse(brief.split(":", 1)[-1] + " x ").filters
    assert filters == {} or all(values for values in filters.values())
