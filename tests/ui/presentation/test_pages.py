"""Summaries and press texts split into pages that fit the audience screen."""

from __future__ import annotations

from mediation_kit.ui.presentation.look import AudienceLook
from mediation_kit.ui.presentation.pages import (
    Block, PageLayout, markdown_blocks, paginate, plain)

LONG_SECTION = "## Une longue section\n\n" + "\n\n".join(
    f"Paragraphe {n} : " + "des mots qui prennent de la place sur un écran " * 6
    for n in range(1, 9)) + "\n\n## Suite\n\nFin du texte."


def words(blocks):
    return " ".join(b.text for b in blocks if b.kind != "heading").split()


def test_markdown_marks_are_not_shown_to_the_room():
    assert plain("Un **numérique** *ouvert* et [un lien](https://example.org)") == \
        "Un numérique ouvert et un lien"
    blocks = markdown_blocks("## Titre\n\n- premier\n- second\n\n1. un\n\n> citée")
    assert [(b.kind, b.text, b.marker) for b in blocks] == [
        ("heading", "Titre", ""), ("item", "premier", "•"), ("item", "second", "•"),
        ("item", "un", "1."), ("quote", "citée", "")]


def test_every_page_fits_and_a_long_section_continues_under_its_heading(qapp):
    layout = PageLayout(1024, 768, AudienceLook())
    blocks = markdown_blocks(LONG_SECTION)
    pages = paginate(blocks, layout)
    assert len(pages) >= 3
    for page in pages:
        height = sum(layout.height(b) + layout.gap for b in page.blocks) - layout.gap
        assert height <= layout.area.height()
        assert page.blocks[-1].kind != "heading"  # never a heading alone at the bottom
    for page in pages[1:]:
        first = page.blocks[0]
        assert first.kind == "heading"
        assert first.text in ("Suite",) or first.text.startswith("Une longue section (")
    # Nothing lost, nothing repeated, in order.
    shown = [b for page in pages for b in page.blocks]
    assert words(shown) == words(blocks)


def test_larger_text_gives_more_pages(qapp):
    blocks = markdown_blocks(LONG_SECTION)
    normal = paginate(blocks, PageLayout(1024, 768, AudienceLook()))
    larger = paginate(blocks, PageLayout(1024, 768, AudienceLook(scale=150)))
    assert len(larger) > len(normal)


def test_a_huge_word_does_not_loop_for_ever(qapp):
    layout = PageLayout(200, 150, AudienceLook(scale=200))
    pages = paginate([Block("heading", "H"), Block("paragraph", "x" * 500)], layout)
    assert 1 <= len(pages) <= 3
