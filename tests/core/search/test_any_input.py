"""Whatever a person types or pastes, the engine answers: results or none, never an error."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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


@settings(max_examples=100, deadline=None)
@given(filters=st.dictionaries(st.sampled_from(["type", "event", "year", "lang", "speaker",
                                                "theme", "nonsense"]),
                               st.frozensets(st.text(max_size=12), max_size=3), max_size=4),
       text=TEXT)
def test_any_filters_get_results_or_none(engine, filters, text):
    results = engine.search(SearchQuery(text, filters=filters))
    assert results.total >= 0


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
