"""What a mediator preparing a workshop on "souveraineté numérique" and "inclusion numérique"
gets from the bundled packs: phrases found in the themes, the resources about a word before
those that mention it once, typos ranked as the corrected word, prefixes that are prefixes."""

from __future__ import annotations

import pytest

import sys
from pathlib import Path

from mediation_kit.core import paths
from mediation_kit.core.search.api import SearchQuery
from mediation_kit.core.search.engine import SearchEngine
from mediation_kit.core.search.index import build_index, load_packs_for_index
from mediation_kit.core.text import fold

# The rules are written once, for the bench and the tests.
sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "bench"))
from search_relevance import in_theme, marks_the_phrase, mentions, resources  # noqa: E402


@pytest.fixture(scope="module")
def packs():
    return load_packs_for_index(paths.packs_dir())


@pytest.fixture(scope="module")
def real_engine(packs, tmp_path_factory):
    index_dir = tmp_path_factory.mktemp("relevance") / "index"
    build_index(packs, index_dir, fingerprint="relevance")
    engine = SearchEngine(index_dir)
    engine.raise_errors = True
    yield engine
    engine.close()


def search(engine, text, **filters):
    return engine.search(SearchQuery(text, filters={k: frozenset(v) for k, v in filters.items()},
                                     as_you_type=False, page_size=200))


def keys(results):
    return [h.key for h in results.hits]


# --- phrases --------------------------------------------------------------------------


@pytest.mark.parametrize("phrase", ["inclusion numérique", "souveraineté numérique"])
def test_a_phrase_finds_every_resource_with_that_theme(real_engine, phrase):
    themed = set(keys(search(real_engine, f'theme:"{phrase}"')))
    found = search(real_engine, f'"{phrase}"')
    assert len(themed) >= 5
    assert themed <= set(keys(found))
    # ... and the theme facet says so
    facet = {c.label: c.count for c in found.facets["theme"]}
    assert facet[phrase] == len(themed)


def test_the_snippet_shows_the_phrase_where_it_occurs(real_engine):
    hits = search(real_engine, '"inclusion numérique"').hits
    assert hits
    for hit in hits:
        # the two words marked together, in the text or in the theme line
        assert marks_the_phrase(hit.snippet, "inclusion numérique"), (hit.key, hit.snippet)


# --- ranking --------------------------------------------------------------------------


@pytest.mark.parametrize("word", ["médiation", "souveraineté", "communs", "gouvernance",
                                  "régulation", "désinformation"])
def test_title_or_theme_ranks_above_a_single_mention_in_a_body(real_engine, packs, word):
    by_key = resources(packs)
    ranked = keys(search(real_engine, word))
    about, once = [], []
    for rank, key in enumerate(ranked):
        title, themes, body = by_key[key]
        if mentions(word, title) or any(in_theme(word, t) for t in themes):
            about.append(rank)
        elif mentions(word, body) == 1:
            once.append(rank)
    assert about and once, (about, once)  # both kinds exist: the order is tested
    assert max(about) < min(once), [ranked[i] for i in sorted(about + once)]


# --- typing mistakes --------------------------------------------------------------------


def test_a_typo_ranks_close_matches_as_the_corrected_word(real_engine):
    typo = search(real_engine, "souverenete")
    corrected = search(real_engine, "souveraineté")
    assert typo.total == 0
    assert typo.suggestion == "souveraineté"  # as the content writes it
    n = len(typo.fuzzy)
    assert n >= 5
    assert [h.key for h in typo.fuzzy] == keys(corrected)[:n]
    # the overview of the edition's themes was 7th before
    assert "Les grandes thématiques de l'édition 2025" in [h.title for h in typo.fuzzy[:3]]


def test_did_you_mean_keeps_the_typed_capital(real_engine):
    assert search(real_engine, "Souverenete").suggestion == "Souveraineté"


# --- prefixes and anything else ----------------------------------------------------------


def test_a_trailing_star_is_a_prefix(real_engine):
    starred = search(real_engine, "souver*")
    assert starred.total >= search(real_engine, "souveraineté").total > 0
    assert starred.suggestion is None
    assert all(fold("souver") in fold(h.snippet) for h in starred.hits)


@pytest.mark.parametrize("text", ["numérique~2", "numérique^3", "(numérique)", "+numérique",
                                  "numérique AND", "numéri*que", "[numérique]", "numérique!"])
def test_syntax_the_kit_does_not_know_is_searched_as_plain_words(real_engine, text):
    assert search(real_engine, text).total >= search(real_engine, "numérique").total > 0
