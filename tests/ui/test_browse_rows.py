"""An event's browse list shows each resource as the search results do: the same clean
snippet (no Markdown marks) and the same date, the event's dates when the day is unknown."""

from __future__ import annotations

import dataclasses
from datetime import date

from mediation_kit.core.model import Event, Pack, ResourceType, Summary
from mediation_kit.ui.content import browse_hits

TWO_DAYS = Event("Numérique en Commun[s]", "2025", date(2025, 10, 29), date(2025, 10, 30),
                 "Strasbourg", "Palais universitaire")


def pack_with(tmp_path) -> Pack:
    undated = Summary("demo", "sans-jour", "Une session annoncée sans son jour", "sans-jour",
                      None, "fr", "## Le sujet\n\nLa **médiation** numérique, annoncée.",
                      tmp_path / "s.md")
    dated = dataclasses.replace(undated, id="dated", date=date(2025, 10, 30),
                                body="> Une note\n\n**Gras** et *italique*.")
    return Pack("demo", "1.0.0", 1, ("fr",), "CC-BY-4.0", TWO_DAYS, tmp_path, (undated, dated))


def test_browse_rows_are_the_search_rows(tmp_path):
    rows = {hit.key.rsplit(":", 1)[1]: hit
            for hit in browse_hits(pack_with(tmp_path), ResourceType.SUMMARY)}
    assert (rows["sans-jour"].date, rows["sans-jour"].date_end) == (
        date(2025, 10, 29), date(2025, 10, 30))
    assert rows["sans-jour"].snippet.startswith("Le sujet La médiation numérique")
    assert (rows["dated"].date, rows["dated"].date_end) == (date(2025, 10, 30), None)
    assert rows["dated"].snippet == "Une note Gras et italique."
