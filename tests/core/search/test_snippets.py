"""Snippets stay a short passage whatever the text: a 50 MB line, a "word" of millions of
letters, a match far into the text."""

from __future__ import annotations

import html
import re

from mediation_kit.core.search.snippets import (
    MAX_SNIPPET_CHARS, SCAN_CHARS, Marker, make_snippet)

MARK = re.compile(r'<b class="hit">(.*?)</b>')
LIMIT = MAX_SNIPPET_CHARS + 2  # the passage and its two "…"


def shown(snippet: str) -> str:
    """The text a person reads in a snippet: marks and escapes removed."""
    return html.unescape(MARK.sub(r"\1", snippet))


def test_a_50_mb_line_of_one_word_gives_a_short_snippet():
    # Given a press text of one line: a word, then a 50 MB run of letters
    text = "Communiqué communs " + "a" * 50_000_000
    # When its snippet is made for the word
    snippet = make_snippet(text, Marker(words=["communs"]))
    # Then it is a short passage, with the word marked and the cut shown
    assert len(shown(snippet)) <= LIMIT
    assert "communs" in MARK.findall(snippet)
    assert shown(snippet).startswith("Communiqué communs aaa") and snippet.endswith("…")


def test_a_match_after_a_huge_word_is_still_shown_and_marked():
    text = "début " + "b" * 100_000 + " communs numériques et médiation"
    snippet = make_snippet(text, Marker(words=["communs"]))
    assert len(shown(snippet)) <= LIMIT
    assert MARK.findall(snippet) == ["communs"]
    assert snippet.startswith("…") and "numériques et médiation" in snippet


def test_words_longer_than_any_query_are_never_marked():
    text = "communs" * 100 + " fin"
    snippet = make_snippet(text, Marker(prefixes=["commun"]))
    assert MARK.findall(snippet) == []
    assert len(shown(snippet)) <= LIMIT


def test_a_match_beyond_the_scanned_part_gives_the_start_of_the_text():
    text = "mot " * (SCAN_CHARS // 4 + 10) + "communs"
    snippet = make_snippet(text, Marker(words=["communs"]))
    assert snippet.startswith("mot mot") and snippet.endswith("…")
    assert len(shown(snippet)) <= LIMIT


def test_many_short_lines_keep_the_word_window():
    text = " ".join(f"mot{n}" for n in range(100)) + " communs " + "fin " * 100
    snippet = make_snippet(text, Marker(words=["communs"]))
    assert snippet.startswith("…mot94") and MARK.findall(snippet) == ["communs"]
    assert snippet.count(" ") < 30


def test_a_short_text_is_shown_whole_and_escaped():
    assert make_snippet("Les <communs> & co", Marker(words=["communs"])) == (
        'Les &lt;<b class="hit">communs</b>&gt; &amp; co')
