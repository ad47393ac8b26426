"""The bench's relevance checks (bench/search_relevance.py) over its generated corpus of 2,000
documents: phrases in the themes, titles and themes above a single mention, typos ranked as
the corrected word, did-you-mean with accents, prefixes and unknown syntax. The bench runs the
same checks at 20,000 documents with the timings."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from mediation_kit.core.search.engine import SearchEngine
from mediation_kit.core.search.index import build_index

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "bench"))
import search_bench  # noqa: E402
from search_relevance import relevance_checks  # noqa: E402

DOCS = 2000


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    root = tmp_path_factory.mktemp("generated")
    packs = search_bench.make_corpus(DOCS, root / "packs")
    build_index(packs, root / "index", fingerprint="generated")
    engine = SearchEngine(root / "index")
    engine.raise_errors = True
    yield engine, packs
    engine.close()


def checks(generated):
    engine, packs = generated
    return relevance_checks(engine, packs, search_bench.THEME_PHRASES,
                            search_bench.RANKING_WORDS, search_bench.TYPOS)


def test_every_relevance_check_passes_at_2000_documents(generated):
    results = checks(generated)
    assert len(results) >= 25
    failed = [(name, detail) for name, ok, detail in results if not ok]
    assert not failed


def test_the_checks_look_at_something(generated):
    # each check found resources to compare, not an empty list that passes
    details = {name: detail for name, _ok, detail in checks(generated)}
    assert all(not detail.startswith("0 of") for detail in details.values()), details
    ranking = [d for n, d in details.items() if "single mention" in n]
    assert ranking and all("0 about it" not in d and "; 0 saying" not in d for d in ranking)
