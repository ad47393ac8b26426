"""Two events with a speaker of the same name: the speaker facet does not make them one person
(no source says the Daniel Kaplan of 2019 is the one of 2025)."""

from __future__ import annotations

from datetime import date

import pytest

from mediation_kit.core.model import Event, Pack, Person, Summary
from mediation_kit.core.search.api import SearchQuery


def pack(root, pack_id: str, event_name: str, day: date, speakers: tuple[str, ...]) -> Pack:
    event = Event(event_name, str(day.year), day, day, "Paris", "Salle")
    summary = Summary(pack_id, "table", "Table ronde sur les communs", "table", day, "fr",
                      "Les communs numériques en débat.", root / f"{pack_id}.md",
                      speakers=tuple(Person(name) for name in speakers))
    return Pack(pack_id, "1.0.0", 1, ("fr",), "CC-BY-4.0", event, root / pack_id, (summary,))


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    from mediation_kit.core.search.engine import SearchEngine
    from mediation_kit.core.search.index import build_index

    root = tmp_path_factory.mktemp("same-name")
    packs = [pack(root, "reset-2019", "Conférence #RESET", date(2019, 12, 3),
                  ("Daniel Kaplan", "Salwa Toko")),
             pack(root, "nec-2025", "Numérique en Commun[s]", date(2025, 10, 29),
                  ("Daniel Kaplan", "Jean Cattan"))]
    build_index(packs, root / "index", fingerprint="test")
    eng = SearchEngine(root / "index")
    eng.raise_errors = True
    yield eng
    eng.close()


def speaker_facet(engine, text: str = "communs", **filters):
    results = engine.search(SearchQuery(text, filters={k: frozenset(v) for k, v in
                                                       filters.items()}, as_you_type=False))
    return results, {count.label: count for count in results.facets["speaker"]}


def test_a_name_in_two_events_is_two_facet_values_each_with_its_event(engine):
    _, facet = speaker_facet(engine)
    assert set(facet) == {"Daniel Kaplan (Conférence #RESET)",
                          "Daniel Kaplan (Numérique en Commun[s])", "Salwa Toko", "Jean Cattan"}
    assert all(count.count == 1 for count in facet.values())


def test_choosing_one_of_them_keeps_to_its_event(engine):
    _, facet = speaker_facet(engine)
    value = facet["Daniel Kaplan (Conférence #RESET)"].value
    results, _ = speaker_facet(engine, speaker={value})
    assert [hit.pack_id for hit in results.hits] == ["reset-2019"]


def test_a_typed_name_still_finds_everyone_of_that_name(engine):
    results, _ = speaker_facet(engine, speaker={"Daniel Kaplan"})
    assert sorted(hit.pack_id for hit in results.hits) == ["nec-2025", "reset-2019"]
    results, _ = speaker_facet(engine, speaker={"Cattan"})
    assert [hit.pack_id for hit in results.hits] == ["nec-2025"]
