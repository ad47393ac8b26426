"""An event whose sources give only the month: its resources are dated by the month alone."""

import dataclasses
from datetime import date

from mediation_kit.core import i18n
from mediation_kit.core.search.api import SearchQuery
from mediation_kit.core.search.engine import SearchEngine
from mediation_kit.core.search.index import build_index


def _dcd_pack(corpus):
    return next(pack for pack in corpus if pack.id == "dcd-2024")


def test_hits_of_a_month_precise_event_carry_that_precision(corpus, tmp_path):
    # Given a pack whose event is known only to the month
    pack = _dcd_pack(corpus)
    month_event = dataclasses.replace(pack.event, start=date(2024, 3, 1), end=date(2024, 3, 31),
                                      date_precision="month")
    pack = dataclasses.replace(pack, event=month_event)
    build_index([pack], tmp_path / "index")
    # When a search finds its keynote
    with SearchEngine(tmp_path / "index") as engine:
        hits = engine.search(SearchQuery("libraries", as_you_type=False)).hits
    # Then the hit says the date is only a month, and it reads as one
    assert hits and all(hit.date_precision == "month" for hit in hits)
    assert hits[0].date.year == 2024
    i18n.set_language("en")
    assert i18n.format_day(hits[0].date, hits[0].date_precision) == "May 2024"


def test_hits_of_a_day_precise_event_keep_their_day(corpus, tmp_path):
    pack = _dcd_pack(corpus)
    build_index([pack], tmp_path / "index")
    with SearchEngine(tmp_path / "index") as engine:
        hit = engine.search(SearchQuery("libraries", as_you_type=False)).hits[0]
    assert (hit.date, hit.date_precision) == (date(2024, 5, 14), "day")
