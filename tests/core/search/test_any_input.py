"""Whatever a person types or pastes, the engine answers: results or none, never an error."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mediation_kit.core.search.analysis import fold, keyword_value, words as split_words
from mediation_kit.core.search.api import SearchQuery
from mediation_kit.core.search.querylang import parse

# Pieces of the query language, to get nasty combinations more often than random text would.
SYNTAX = st.sampled_from(['"', "(", ")", "-", "OR", "AND", "NOT", "type:", "event:", "speaker:",
                          "lang:", "year:", "theme:", "*", ":", "\\", " ", "numérique", "souv",
                          "théâtre", "e", "🙂", "\x00", "\u200b", "\n", "\t", "'", "-\"", "OR OR"])
TEXT = st.one_of(
    st.text(max_size=60),
    st.lists(SYNTAX, max_size=12).map(" ".join),
    st.lists(SYNTAX, max_size=12).map("".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT, as_you_type=st.booleans(), page=st.integers(-3, 5),
       page_size=st.integers(-1, 50))
def test_any_text_gets_results_or_none(engine, text, as_you_type, page, page_size):
    # engine.raise_errors is on: a failure inside would surface here instead of being logged
    results = engine.search(SearchQuery(text, as_you_type=as_you_type, page=page,
                                        page_size=page_size))
    assert results.total >= len(results.hits) >= 0
    assert results.pages >= 1
    for hit in results.hits:
        assert hit.snippet.count('<b class="hit">') == hit.snippet.count("</b>")


# Filter values: real ones (so that hits come back and get checked) among random text.
FILTER_VALUES = {
    "type": ["summary", "replay", "cue", "kit"],
    "event": ["nec-2025", "dcd-2024", "Digital Commons Day", "numerique", "commun"],
    "year": ["2024", "2025"],
    "lang": ["fr", "en"],
    "speaker": ["Jean Cattan", "cattan", "Élodie Müller", "grace", "Ada Lovelace"],
    "theme": ["culture", "inclusion numérique", "numérique", "espoir", "libraries"],
    "nonsense": ["x"],
}
FILTERS = st.dictionaries(
    st.sampled_from(sorted(FILTER_VALUES)),
    st.frozensets(st.one_of(st.sampled_from(sum(FILTER_VALUES.values(), [])),
                            st.text(max_size=12)), max_size=3), max_size=4)
WORDS = st.lists(st.sampled_from(["numérique", "theatre", "strasbourg", "bibliothèques", "-the",
                                  "OR", "communs", '"inclusion numérique"', "souv*", ""]),
                 max_size=3).map(" ".join)


def words_of(text: str) -> set[str]:
    return set(split_words(fold(text)))


def resource_facets(corpus) -> dict[str, dict[str, object]]:
    """Each resource's facet values, from the records (not from the index)."""
    out = {}
    for pack in corpus:
        def add(key, kind, lang, day, people=(), themes=()):
            out[key] = {"type": kind, "event": (pack.id, pack.event.name),
                        "year": str((day or pack.event.start).year), "lang": lang or "",
                        "speaker": [p.name for p in people], "theme": list(themes)}
        for s in pack.summaries:
            add(s.key, "summary", s.language, s.date, s.speakers, s.themes)
        for r in pack.replays:
            add(r.key, "replay", r.language, r.date, r.speakers, r.themes)
            for cue in r.cues:
                add(r.cue_key(cue), "cue", r.language, r.date, r.speakers, r.themes)
        for a in pack.kit:
            add(a.key, "kit", a.language, a.date)
    return out


def satisfies(facets: dict[str, object], name: str, wanted: frozenset[str]) -> bool:
    """The engine's rule, restated: a value matches whole (folded) or, for events, speakers
    and themes, by its words; any wanted value is enough."""
    if name == "nonsense":
        return True
    values = facets[name]
    values = list(values) if isinstance(values, (list, tuple)) else [values]
    for want in wanted:
        for value in values:
            if keyword_value(want) == keyword_value(value):
                return True
            if name in ("event", "speaker", "theme") and words_of(want) and (
                    words_of(want) <= words_of(value)):
                return True
    return False


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(filters=FILTERS, text=st.one_of(TEXT, WORDS))
def test_any_filters_give_only_hits_that_match_them(engine, corpus, filters, text):
    results = engine.search(SearchQuery(text, filters=filters, page_size=50))
    assert results.total >= len(results.hits) >= 0
    facets = resource_facets(corpus)
    for hit in results.hits + results.fuzzy:
        for name, wanted in filters.items():
            if wanted:
                assert satisfies(facets[hit.key], name, wanted), (hit.key, name, wanted)


def test_the_filter_check_sees_a_wrong_hit(corpus):
    # the check above must be able to fail
    facets = resource_facets(corpus)
    assert not satisfies(facets["nec-2025:summary:parlement"], "theme", frozenset({"culture"}))
    assert not satisfies(facets["dcd-2024:cue:panel#1"], "event", frozenset({"nec-2025"}))
    assert satisfies(facets["dcd-2024:cue:panel#1"], "speaker", frozenset({"grace"}))


@pytest.mark.parametrize("text", [
    "", " ", '"', '""', '"""', "(", ")", "((((", "-", "--", "- -", "OR", "AND", "NOT", "OR OR",
    "type:", "event:", "speaker:", 'speaker:"', "lang:", "year:", ":", "::", "*", "?",
    "a" * 10_000, "numérique " * 2_000, "\x00\x01\x02\x1b[31m", "🙂🙃 théâtre 🎭",
    "\u202e\u200b\ufeff", "numérique -", '"numérique', 'numérique"', "-numérique",
    "NOT numérique", "numérique OR", "OR numérique", "type:cue", "year:abcd", "year:99999999",
    "lang:🙂", "\\", "\\\\", "%s%n", "{0}", "<script>alert(1)</script>",
])
def test_nasty_inputs(engine, text):
    results = engine.search(SearchQuery(text))
    assert results.total >= 0
    assert "<script>" not in "".join(h.snippet for h in results.hits)


def test_html_in_a_query_is_never_echoed_unescaped(search):
    results = search("<b>numérique</b>")
    assert results.total > 0
    for hit in results.hits:
        assert "<b>" not in hit.snippet.replace('<b class="hit">', "")


@given(text=st.text(max_size=200))
@settings(max_examples=300, deadline=None)
def test_the_parser_never_fails(text):
    parsed = parse(text)
    assert len(parsed.required) + len(parsed.excluded) <= 24
