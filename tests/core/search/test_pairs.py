"""Phrases through indexed pairs of frequent terms give exactly what position checks give."""

import pytest

from mediation_kit.core.search import pairs
from mediation_kit.core.search.api import SearchQuery
from mediation_kit.core.search.engine import SearchEngine
from mediation_kit.core.search.index import build_index, read_meta

PHRASES = ['"logiciels libres"', '"libres logiciels"', '"raisons d\'espérer"',
           '"souveraineté numérique"', '"numérique souveraineté"', '"médiation numérique"',
           '"la médiation numérique est un événement"', '"inclusion numérique passe"',
           '"theatre companies"', '"running digital workshops"', '"digital running"']


@pytest.fixture(scope="module")
def every_term_frequent(corpus, tmp_path_factory):
    """An index where every term counts as frequent, so every pair is indexed."""
    patch = pytest.MonkeyPatch()
    patch.setattr(pairs, "MIN_DOCS", 1)
    patch.setattr(pairs, "FREQUENT_SHARE", 0.0)
    out = tmp_path_factory.mktemp("pairs") / "index"
    build_index(corpus, out, fingerprint="pairs")
    patch.undo()
    engine = SearchEngine(out)
    engine.raise_errors = True
    yield engine
    engine.close()


def test_the_frequent_terms_are_saved_with_the_index(every_term_frequent, index_dir):
    assert "numer" in read_meta(every_term_frequent.index_dir)["frequent_terms"]["fr"]
    # the small test corpus has no term in 20 documents: no pair indexed there
    assert read_meta(index_dir)["frequent_terms"] == {"fr": [], "en": []}


@pytest.mark.parametrize("text", PHRASES)
def test_pairs_and_positions_agree(every_term_frequent, engine, text):
    with_pairs = every_term_frequent.search(SearchQuery(text, page_size=50))
    with_positions = engine.search(SearchQuery(text, page_size=50))
    assert [h.key for h in with_pairs.hits] == [h.key for h in with_positions.hits]


def test_a_phrase_is_found_through_its_pair(every_term_frequent):
    results = every_term_frequent.search(SearchQuery('"logiciels libres"'))
    assert [h.key for h in results.hits] == ["nec-2025:cue:pleniere-espoir#1"]
    assert every_term_frequent.search(SearchQuery('"libres logiciels"')).total == 0
