"""What a search asks and what it answers: the contract between the search engine, the CLI
and the UI. Plain data, no Whoosh types, so that callers never depend on the engine.
"""

from __future__ import annotations

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

    @property
    def pages(self) -> int:
        size = max(1, self.query.page_size)
        return max(1, -(-self.total // size))
