"""The query language: words, phrases, exclusions, OR, filters, the word being typed."""

from mediation_kit.core.search.querylang import AnyOf, Phrase, Word, parse


def test_words_are_all_required_and_the_last_is_a_prefix_while_typing():
    parsed = parse("numérique souv")
    assert parsed.required == [Word("numérique"), Word("souv", prefix=True)]


def test_a_trailing_space_ends_the_word_being_typed():
    assert parse("numérique souv ").required[-1] == Word("souv")
    assert parse("souv", as_you_type=False).required == [Word("souv")]


def test_quotes_make_a_phrase_and_an_unclosed_quote_closes_at_the_end():
    assert parse('"communs numériques"').required == [Phrase(("communs", "numériques"))]
    assert parse('"communs numériques').required == [Phrase(("communs", "numériques"))]


def test_minus_and_not_exclude():
    parsed = parse("atelier -plénière NOT débat ")
    assert parsed.required == [Word("atelier")]
    assert parsed.excluded == [Word("plénière"), Word("débat")]


def test_or_joins_its_neighbours():
    parsed = parse("atelier OR table ronde ")
    assert parsed.required == [AnyOf((Word("atelier"), Word("table"))), Word("ronde")]


def test_filters_are_read_with_quoted_values_and_french_names():
    parsed = parse('type:cue speaker:"Jean Cattan" année:2025 langue:fr theme:espoir x ')
    assert parsed.filters == {"type": {"cue"}, "speaker": {"Jean Cattan"}, "year": {"2025"},
                              "lang": {"fr"}, "theme": {"espoir"}}
    assert parsed.required == [Word("x")]


def test_a_filter_with_nothing_and_an_unknown_field_are_harmless():
    assert parse("type: ").filters == {}
    assert parse("type:").required == []
    assert parse("foo:bar ").required == [Word("foo"), Word("bar")]


def test_lone_operators_and_parentheses_give_an_empty_query():
    assert parse("(( OR - AND ) NOT").is_empty
