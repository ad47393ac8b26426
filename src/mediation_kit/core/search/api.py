"""What a search asks and what it answers: the contract between the search engine, the CLI
and the UI. Plain data, no Whoosh types, so that callers never depend on the engine.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from mediation_kit.core.i18n import N_

# Facets, in the order the UI shows them; values are index field names and query filter names.
FACETS = ("type", "event", "year", "lang", "speaker", "theme")
FACET_LABELS = {
    "type": N_("Type"),
    "event": N_("Event"),
    "year": N_("Year"),
    "lang": N_("Language"),
    "speaker": N_("Speaker"),
    "theme": N_("Theme"),
}


@dataclass(frozen=True)
class SearchQuery:
    text: str
    # facet name -> accepted values (OR inside a facet, AND across facets)
    filters: dict[str, frozenset[str]] = field(default_factory=dict)
    page: int = 1  # from 1
    page_size: int = 20
    # While typing, the last word is a prefix (`souv` finds `souveraineté`).
    as_you_type: bool = True
    with_facets: bool = True


@dataclass(frozen=True)
class Hit:
    key: str  # model.resource_key of the resource (a cue key for a transcript hit)
    type: str  # model.ResourceType value
    title: str  # for a cue: the replay's title
    pack_id: str
    event: str  # the event's display name
    date: date | None
    score: float
    snippet: str  # HTML: text escaped, matched words in <b class="hit">...</b>
    time: float | None = None  # a cue's start, seconds; None otherwise
    parent_key: str | None = None  # a cue's replay key
    language: str | None = None
    date_precision: str = "day"  # "month" when the event's sources give only the month
    # Set when the resource's own day is unknown: `date`..`date_end` are then its event's
    # dates, shown as such rather than as a day the kit does not know.
    date_end: date | None = None


def stored_dates(value: str | None) -> tuple[date | None, date | None, str]:
    """The index's stored date as (date, date_end, precision).

    "2025-10-29" is a day; "2024-03" a month; "2025-10-29/2025-10-30" (or "2024-03/2024-04")
    the event's dates, stored for a resource whose own day is not known.
    """
    if not value:
        return None, None, "day"
    first, _, last = value.partition("/")
    precision = "month" if len(first) == 7 else "day"

    def parse(text: str) -> date:
        return date.fromisoformat(text if len(text) == 10 else f"{text}-01")

    return parse(first), parse(last) if last else None, precision


def hit_from_stored(stored: Mapping, snippet: str, score: float = 0.0) -> Hit:
    """A result row from a resource's stored fields: the search results and the browse lists
    of an event build their rows the same way, so they show the same date and snippet."""
    day, day_end, precision = stored_dates(stored.get("date"))
    is_cue = stored.get("type") == "cue"
    return Hit(
        key=stored["key"],
        type=stored.get("type", ""),
        title=stored.get("title", ""),
        pack_id=stored.get("pack", ""),
        event=stored.get("event_name", ""),
        date=day,
        date_end=day_end,
        date_precision=precision,
        score=score,
        snippet=snippet,
        time=stored.get("time") if is_cue else None,
        parent_key=stored.get("parent"),
        language=stored.get("lang") or None,
    )


@dataclass(frozen=True)
class FacetCount:
    value: str  # as filtered on
    label: str  # as shown (an event name rather than a pack id); not translated here
    count: int


@dataclass(frozen=True)
class SearchResults:
    query: SearchQuery
    total: int
    hits: tuple[Hit, ...]
    facets: dict[str, tuple[FacetCount, ...]]
    # "Did you mean": the corrected query text when nothing (or little) matched, else None.
    suggestion: str | None = None
    # Fuzzy matches shown when nothing matched exactly (`strasbourgh` -> Strasbourg).
    fuzzy: tuple[Hit, ...] = ()
    # Per facet, how many values count at least one result (`facets` holds the top ones).
    facet_totals: dict[str, int] = field(default_factory=dict)

    @property
    def pages(self) -> int:
        size = max(1, self.query.page_size)
        return max(1, -(-self.total // size))
