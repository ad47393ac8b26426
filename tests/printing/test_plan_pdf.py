"""Run sheet and handout PDFs, read back with pdftotext and pdffonts."""

import os
import subprocess
import sys

import pytest
from pdf_tools import poppler

from mediation_kit.core.packs.library import load_packs
from mediation_kit.core.paths import packs_dir, resources_dir
from mediation_kit.core.plans import TitleCardItem, WorkshopPlan, load_plan, resolve_plan
from mediation_kit.core.plans.sheets import handout_html, run_sheet_html

EXAMPLE = resources_dir() / "plans" / "atelier-souverainete-numerique.mkplan"


@pytest.fixture(scope="module")
def example():
    plan = load_plan(EXAMPLE)
    library = load_packs(packs_dir()).library
    return plan, library, [entry.title for entry in resolve_plan(plan, library)]


def _without_footers(text: str, title: str) -> str:
    """The text without the page footers ("2 / 3 <title>"), which can fall inside a note
    split between two pages."""
    import re

    return re.sub(r" ?\d+ / \d+ " + re.escape(" ".join(title.split())), "", text)


def _reads_through(text: str, passage: str) -> bool:
    """`passage` is in `text` word after word, allowing a few words in between: a table cell
    cut by a page break has the page's footer and the repeated table header inside it, and Qt
    also writes the cut line again, clipped, in the top margin of the next page."""
    words = text.split()
    for start in (i for i, word in enumerate(words) if word == passage.split()[0]):
        position = start
        for word in passage.split()[1:]:
            window = words[position + 1:position + 25]
            if word not in window:
                break
            position += 1 + window.index(word)
        else:
            return True
    return False


def _in_order(text: str, needles: list[str]) -> bool:
    position = 0
    for needle in needles:
        found = text.find(" ".join(needle.split()), position)
        if found < 0:
            raise AssertionError(f"{needle!r} not found after position {position}")
        position = found + 1
    return True


def test_run_sheet_pdf_has_titles_in_order_notes_and_embedded_fonts(
        qapp, tmp_path, example, pdf_text, pdf_fonts):
    from mediation_kit.printing.pdf import write_pdf

    plan, library, titles = example
    out = tmp_path / "run-sheet.pdf"
    write_pdf(run_sheet_html(plan, library), out, title=plan.title)
    text = _without_footers(pdf_text(out), plan.title)
    assert _in_order(text, titles)
    notes = [item.note for item in plan.items if item.note]
    assert len(notes) >= 10
    for note in notes:
        assert _reads_through(text, note), note
    assert "Matériel : vidéoprojecteur" in text  # the plan's notes
    fonts = pdf_fonts(out)
    assert fonts, "no font at all: the text was drawn as outlines"
    assert all(font["emb"] == "yes" for font in fonts), fonts
    assert {font["name"].split("+")[-1] for font in fonts} >= {"DejaVuSans", "DejaVuSans-Bold"}


def test_handout_pdf_has_titles_in_order_credits_and_no_leader_note(
        qapp, tmp_path, example, pdf_text, pdf_fonts):
    from mediation_kit.printing.pdf import write_pdf

    plan, library, titles = example
    out = tmp_path / "handout.pdf"
    write_pdf(handout_html(plan, library), out, title=plan.title)
    text = _without_footers(pdf_text(out), plan.title)
    assert _in_order(text, titles)
    notes = [item.note for item in plan.items if item.note] + [plan.notes]
    assert len(notes) >= 10
    for note in notes:
        # not even the first words of a note
        assert " ".join(note.split()[:6]) not in text, note
    assert "Credits and licences" in text
    poster = library.get("nec-2025:kit:affiche-nec-2025")
    assert " ".join(f"{poster.title}: {poster.credit}, licence {poster.licence}".split()) \
        in " ".join(text.split())
    assert all(font["emb"] == "yes" for font in pdf_fonts(out))


def test_pdf_text_stays_searchable_without_ligatures(qapp, tmp_path, pdf_text):
    from mediation_kit.printing.pdf import write_pdf

    out = tmp_path / "affiche.pdf"
    write_pdf(run_sheet_html(WorkshopPlan(title="Affiche efficace", items=[
        TitleCardItem(heading="Fluffy office")]), load_packs(packs_dir()).library), out)
    assert "Affiche efficace" in pdf_text(out) and "Fluffy office" in pdf_text(out)


def test_a_long_plan_gives_several_a4_pages(qapp, tmp_path, pdf_text):
    from mediation_kit.printing.pdf import write_pdf

    plan = WorkshopPlan(title="Long", items=[
        TitleCardItem(heading=f"Carte {n}", lines=("Une ligne.",) * 3, note="Note " * 20)
        for n in range(1, 61)])
    out = tmp_path / "long.pdf"
    write_pdf(run_sheet_html(plan, load_packs(packs_dir()).library), out, title="Long plan")
    info = poppler("pdfinfo", str(out))
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages")))
    assert pages >= 3
    assert "595.276 x 841.89 pts (A4)" in info or "595 x 842 pts (A4)" in info
    text = pdf_text(out)
    assert "Carte 60" in text  # nothing cut short
    # every page says which it is, under the plan's title
    for page in range(1, pages + 1):
        assert f"{page} / {pages} Long plan" in text


def test_a_failed_write_leaves_the_old_pdf_untouched(qapp, tmp_path):
    from mediation_kit.printing.pdf import PdfError, write_pdf

    with pytest.raises(PdfError, match="does not exist"):
        write_pdf("<p>x</p>", tmp_path / "gone" / "out.pdf")


def test_plan_print_works_from_a_terminal_without_display(tmp_path, pdf_text):
    # Given no display and no Qt platform chosen (a terminal over SSH)
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = tmp_path / "handout.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "mediation_kit", "plan", "print", str(EXAMPLE), "--pdf", str(out),
         "--handout"], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Souveraineté numérique" in pdf_text(out)
    assert "Tour de table rapide" not in pdf_text(out)


def test_plan_print_to_an_unwritable_place_exits_2(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "mediation_kit", "plan", "print", str(EXAMPLE), "--pdf",
         str(tmp_path / "missing" / "x.pdf")], capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "does not exist" in result.stderr


def test_french_narrow_no_break_spaces_survive_qts_html_reader(qapp):
    from mediation_kit.core.i18n import set_language
    from mediation_kit.printing.pdf import make_document

    set_language("fr")
    plan = WorkshopPlan(title="Question : pourquoi ?", items=[TitleCardItem(heading="Oui !")])
    raw = make_document(run_sheet_html(plan, load_packs(packs_dir()).library)).toRawText()
    assert "Question\u202f: pourquoi\u202f?" in raw
    assert "Oui\u202f!" in raw
