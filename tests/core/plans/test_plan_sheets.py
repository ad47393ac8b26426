"""The run sheet and the handout as HTML: order, times, notes only where they belong."""

import html
import re

from mediation_kit.core.i18n import set_language
from mediation_kit.core.plans import WorkshopPlan, TitleCardItem
from mediation_kit.core.plans.sheets import handout_html, run_sheet_html
from mediation_kit.core.plans.typography import NARROW_NBSP, typeset


def _text(markup: str) -> str:
    """What a reader sees: tags and the style sheet removed, spaces collapsed."""
    body = markup.split("<body>", 1)[1]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def _positions(text, needles):
    return [text.index(needle) for needle in needles]


def test_run_sheet_lists_items_in_order_with_starts_durations_sources_and_notes(
        demo_plan, library):
    text = _text(run_sheet_html(demo_plan, library))
    assert text.startswith("Atelier communs")
    titles = ["Bienvenue", "Les communs", "Plénière d'ouverture", "Affiche"]
    assert _positions(text, titles) == sorted(_positions(text, titles))
    assert "Arriver une demi-heure avant." in text  # the plan's notes
    assert "Lire le deuxième paragraphe à voix haute." in text  # an item's note
    assert "Le moment où tout bascule." in text
    # Cumulative starts: card 5 min, summary 10 min, moment unknown, clip 2 min, poster 2 min
    assert re.search(r"2 5:00 10 min Les communs", text), text
    assert re.search(r"4 15:00 2 min Plénière d'ouverture", text), text
    assert "Replay clip 15:00–17:00 — Démo" in text
    assert "Replay moment 12:34" in text
    assert "Total time: at least 19 min (1 item without a duration)" in text


def test_handout_never_carries_a_leaders_note(demo_plan, library):
    text = _text(handout_html(demo_plan, library))
    for item in demo_plan.items:
        if item.note:
            assert item.note not in text
    assert demo_plan.notes not in text
    # ...but it has every title in plan order, a few lines about each, and the credits
    titles = ["Bienvenue", "Les communs", "Plénière d'ouverture", "Affiche"]
    assert _positions(text, titles) == sorted(_positions(text, titles))
    assert "Les communs numériques, en trois idées." in text
    assert "L'affiche des rencontres." in text
    assert "Affiche: Collectif Démo, licence CC-BY-SA-4.0" in text
    assert "Démo 2025: texts under the licence CC-BY-SA-4.0" in text


def test_a_missing_item_keeps_its_saved_title_and_is_flagged_on_the_run_sheet(demo_plan):
    from mediation_kit.core.packs.library import Library

    empty = Library()
    sheet = _text(run_sheet_html(demo_plan, empty))
    assert "Les communs" in sheet
    assert 'Missing: the pack "demo-2025" is not installed' in sheet
    assert "Les communs" in _text(handout_html(demo_plan, empty))


def test_french_sheets_use_babel_dates_durations_and_narrow_spaces(demo_plan, library):
    set_language("fr")
    plan = WorkshopPlan(title="Question : que garder ?", date=demo_plan.date,
                        items=[TitleCardItem(heading="Pause !", planned_duration_s=3900)])
    markup = run_sheet_html(plan, library)
    assert f"Question{NARROW_NBSP}: que garder{NARROW_NBSP}?" in markup
    assert f"Pause{NARROW_NBSP}!" in markup
    assert "samedi 14 mars 2026" in markup
    assert "1\u202fh\u00a005\u00a0min" in markup  # Babel's French duration, unbroken
    assert "Question : que garder ?" not in markup


def test_typography_touches_french_only():
    assert typeset("« Oui » : non ; si !", "fr") == \
        "«\u202fOui\u202f»\u202f: non\u202f; si\u202f!"
    assert typeset("Yes: no; if!", "en") == "Yes: no; if!"
    assert typeset("12:30 et https://exemple", "fr") == "12:30 et https://exemple"


def test_text_typed_by_the_leader_is_escaped(library):
    plan = WorkshopPlan(title="<b>Atelier</b> & co",
                        items=[TitleCardItem(heading="<script>x</script>")])
    markup = run_sheet_html(plan, library) + handout_html(plan, library)
    assert "<script>" not in markup and "<b>Atelier" not in markup
    assert "&lt;b&gt;Atelier&lt;/b&gt; &amp; co" in markup
