"""A summary whose day is not known is shown with its event's dates, never a made-up day."""

from __future__ import annotations

from datetime import date

import pytest

from mediation_kit.core.model import Event, Pack, Summary
from mediation_kit.core.search.api import SearchQuery, hit_from_stored, stored_dates
from mediation_kit.core.search.documents import summary_document

TWO_DAYS = Event("Numérique en Commun[s]", "2025", date(2025, 10, 29), date(2025, 10, 30),
                 "Strasbourg", "Palais universitaire")
A_MONTH = Event("Rencontres Numériques de Strasbourg", "2024", date(2024, 3, 1),
                date(2024, 3, 31), "Strasbourg", "Parlement européen", date_precision="month")


def pack_with(event: Event, tmp_path, day: date | None) -> Pack:
    summary = Summary("demo", "sans-jour", "Une session annoncée sans son jour", "sans-jour",
                      day, "fr", "## Le sujet\n\nLa **médiation** numérique, annoncée.",
                      tmp_path / "s.md")
    return Pack("demo", "1.0.0", 1, ("fr",), "CC-BY-4.0", event, tmp_path, (summary,))


def test_an_undated_summary_stores_its_event_dates(tmp_path):
    pack = pack_with(TWO_DAYS, tmp_path, None)
    stored = summary_document(pack, pack.summaries[0])
    assert stored["date"] == "2025-10-29/2025-10-30"
    assert stored["year"] == "2025"
    hit = hit_from_stored(stored, "")
    assert (hit.date, hit.date_end, hit.date_precision) == (
        date(2025, 10, 29), date(2025, 10, 30), "day")


def test_an_undated_summary_of_an_event_known_to_the_month_is_dated_to_the_month(tmp_path):
    pack = pack_with(A_MONTH, tmp_path, None)
    stored = summary_document(pack, pack.summaries[0])
    assert stored["date"] == "2024-03"
    assert stored_dates(stored["date"]) == (date(2024, 3, 1), None, "month")


def test_a_dated_summary_keeps_its_day(tmp_path):
    pack = pack_with(TWO_DAYS, tmp_path, date(2025, 10, 30))
    stored = summary_document(pack, pack.summaries[0])
    assert stored_dates(stored["date"]) == (date(2025, 10, 30), None, "day")


@pytest.mark.parametrize("value, expected", [
    (None, (None, None, "day")),
    ("2025-10-29", (date(2025, 10, 29), None, "day")),
    ("2024-03/2024-04", (date(2024, 3, 1), date(2024, 4, 1), "month")),
])
def test_stored_dates_are_read_back(value, expected):
    assert stored_dates(value) == expected


def test_the_search_finds_an_undated_summary_with_its_event_dates_and_year(tmp_path):
    from mediation_kit.core.search.engine import SearchEngine
    from mediation_kit.core.search.index import build_index

    # Given an index holding a summary without a day
    pack = pack_with(TWO_DAYS, tmp_path, None)
    build_index([pack], tmp_path / "index", fingerprint="test")
    engine = SearchEngine(tmp_path / "index")
    try:
        # When it is searched for
        results = engine.search(SearchQuery("médiation", as_you_type=False))
    finally:
        engine.close()
    # Then the hit carries the event's dates, and the year facet the event's year
    (hit,) = results.hits
    assert (hit.date, hit.date_end) == (date(2025, 10, 29), date(2025, 10, 30))
    assert [count.value for count in results.facets["year"]] == ["2025"]
    assert "##" not in hit.snippet and "**" not in hit.snippet

