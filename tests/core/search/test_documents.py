"""Summaries and press texts are Markdown; results show their words, never their marks."""

from mediation_kit.core.search.documents import plain_text


def test_headings_lists_emphasis_and_links_lose_their_marks():
    text = plain_text("## Le constat\n\n- **70 %** du cloud\n- voir [le programme](x.md)\n")
    assert text == "Le constat 70 % du cloud voir le programme"


def test_a_heading_right_after_a_table_loses_its_marks_too():
    # Given a table whose last row ends the paragraph before a heading
    markdown = "| levier | exemples |\n|---|---|\n| les usages | le travail |\n\n## 3. Agir ensemble\n"
    # Then neither the table borders nor the heading's hashes reach the snippet text
    text = plain_text(markdown)
    assert "#" not in text and "|" not in text
    assert text.endswith("le travail 3. Agir ensemble")
