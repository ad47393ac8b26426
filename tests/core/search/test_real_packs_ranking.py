"""Searching the shipped packs: resources about a subject come first, not the kit's own files.

A kit file's credit ("Mediation Kit contributors") is metadata, not searchable text: a search
for "médiation" once listed 7 of the kit's own files in its first 12 results.
"""

from __future__ import annotations

import pytest

from mediation_kit.core.model import KitAsset
from mediation_kit.core.packs import Library
from mediation_kit.core.paths import packs_dir
from mediation_kit.core.search.api import SearchQuery
from mediation_kit.core.text import fold


@pytest.fixture(scope="module")
def shipped(tmp_path_factory):
    from mediation_kit.core.search.engine import SearchEngine
    from mediation_kit.core.search.index import build_index

    library, problems = Library.load(packs_dir())
    assert problems == []
    out = tmp_path_factory.mktemp("shipped") / "index"
    build_index(list(library.packs), out, fingerprint="test")
    engine = SearchEngine(out)
    yield library, engine
    engine.close()


def searchable_words(record) -> str:
    """What a person reads of a record, its credit aside."""
    if isinstance(record, KitAsset):
        parts = [record.title, record.caption, record.text, *record.tags]
    else:
        parts = [record.title, getattr(record, "body", ""), getattr(record, "description", ""),
                 *record.themes]
    return fold(" ".join(parts))


def test_mediation_finds_resources_about_mediation_first(shipped):
    library, engine = shipped
    # When a mediator searches for "médiation"
    hits = engine.search(SearchQuery("médiation", as_you_type=False, page_size=12)).hits
    records = [library.get(hit.key) for hit in hits]
    # Then the first results are filed under the theme "médiation numérique" (or its English
    # label, "digital mediation", for an English text)
    assert all({"médiation numérique", "digital mediation"} & set(record.themes)
               for record in records[:3]), [hit.key for hit in hits[:3]]
    # and none of the first 12 is there only because of a credit line (an English text may
    # say "mediators": the same stem)
    for hit, record in zip(hits, records):
        assert "mediat" in searchable_words(record), hit.key


def test_a_credit_line_is_not_searchable(shipped):
    library, engine = shipped
    # Every kit file is credited to "Mediation Kit contributors"...
    assert all("contributors" in asset.credit for pack in library.packs for asset in pack.kit)
    # ...yet only a file whose own text says "contributors" is found by the word
    results = engine.search(SearchQuery("contributors", as_you_type=False, page_size=50))
    assert results.hits
    for hit in results.hits:
        assert "contributor" in searchable_words(library.get(hit.key)), hit.key
