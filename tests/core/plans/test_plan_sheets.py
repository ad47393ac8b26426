"""The run sheet and the handout as HTML: order, times, notes only where they belong."""

import html
import re

from mediation_kit.core.i18n import set_language
from mediation_kit.core.plans import WorkshopPlan, TitleCardItem
from mediation_kit.core.plans.sheets import NARROW_NBSP_HTML, handout_html, run_sheet_html
from mediation_kit.core.typography import NARROW_NBSP, typeset


def _text(markup: str) -> str:
    """What a reader sees: tags and the style sheet removed, spaces collapsed."""
    body = markup.split("<body>", 1)[1].replace(NARROW_NBSP_HTML, NARROW_NBSP)
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
    assert text.count("La plénière qui ouvre les rencontres.") == 1  # once for 2 clips
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
    # (marked preformatted: Qt's HTML reader would make a breakable space of a bare U+202F)
    assert f"Question{NARROW_NBSP_HTML}: que garder{NARROW_NBSP_HTML}?" in markup
    assert f"Pause{NARROW_NBSP_HTML}!" in markup
    assert "samedi 14 mars 2026" in markup
    assert f"1{NARROW_NBSP_HTML}h\u00a005\u00a0min" in markup  # Babel's duration, unbroken
    assert "Question : que garder ?" not in markup.split("<body>", 1)[1]


def test_typography_touches_french_only():
    assert typeset("« Oui » : non ; si !", "fr") == \
        "«\u202fOui\u202f»\u202f: non\u202f; si\u202f!"
    assert typeset("Notes: oui!", "fr") == "Notes\u202f: oui\u202f!"
    assert typeset("demo-2025:summary:x à 12:30", "fr") == "demo-2025:summary:x à 12:30"
    assert typeset("97 % des gens", "fr") == "97\u202f% des gens"
    assert typeset("Yes: no; if!", "en") == "Yes: no; if!"
    assert typeset("12:30 et https://exemple", "fr") == "12:30 et https://exemple"


def test_text_typed_by_the_leader_is_escaped(library):
    plan = WorkshopPlan(title="<b>Atelier</b> & co",
                        items=[TitleCardItem(heading="<script>x</script>")])
    markup = run_sheet_html(plan, library) + handout_html(plan, library)
    assert "<script>" not in markup and "<b>Atelier" not in markup
    assert "&lt;b&gt;Atelier&lt;/b&gt; &amp; co" in markup


def test_german_run_sheet_headings_and_flags_are_translated(demo_plan):
    from mediation_kit.core.packs.library import Library

    set_language("de")
    text = _text(run_sheet_html(demo_plan, Library()))
    assert "Notizen der Leitung" in text
    assert 'Fehlt: das Paket „demo-2025“ ist nicht installiert' in text
    assert "Samstag, 14. März 2026" in text
