"""The bundled content (resources/packs) through the real loader, index build and engine."""

import pytest

from mediation_kit.core import paths
from mediation_kit.core.search.api import SearchQuery
from mediation_kit.core.search.engine import SearchEngine
from mediation_kit.core.search.index import build_index, load_packs_for_index


@pytest.fixture(scope="module")
def real_engine(tmp_path_factory):
    packs = load_packs_for_index(paths.packs_dir())
    assert {p.id for p in packs} >= {"nec-2025"}
    index_dir = tmp_path_factory.mktemp("real") / "index"
    build_index(packs, index_dir, fingerprint="real")
    engine = SearchEngine(index_dir)
    engine.raise_errors = True
    yield engine
    engine.close()


def search(engine, text):
    return engine.search(SearchQuery(text, as_you_type=False, page_size=50))


def test_numerique_en_commun_ranks_the_event_material_first(real_engine):
    results = search(real_engine, "numerique en commun")
    assert results.total > 0
    top = results.hits[:5]
    assert all(hit.pack_id == "nec-2025" for hit in top), [h.key for h in top]
    assert "Numérique en Commun" in top[0].title


@pytest.mark.parametrize("accented, plain", [
    ("numérique en commun", "numerique en commun"), ("médiation", "mediation"),
    ("souveraineté", "souverainete"), ("événement", "evenement"),
    ("Strasbourg", "strasbourg"), ("amphithéâtres", "amphitheatres"),
    ("régulation", "regulation"), ("société", "societe"),
])
def test_accented_and_plain_queries_give_the_same_results(real_engine, accented, plain):
    with_accents = search(real_engine, accented)
    without = search(real_engine, plain)
    # Something to compare: two empty lists are equal whatever the folding does.
    assert with_accents.total > 0
    assert [h.key for h in with_accents.hits] == [h.key for h in without.hits]
    assert with_accents.total == without.total


def test_the_content_is_findable(real_engine):
    for word in ("numérique", "médiation", "Strasbourg"):
        assert search(real_engine, word).total > 0, word
