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


def test_parentheses_and_a_lone_minus_give_an_empty_query():
    assert parse("(( - ) ").is_empty


def test_operators_alone_are_read_as_words():
    assert parse("OR AND NOT ").required == [Word("OR"), Word("AND"), Word("NOT")]
    # beside a word they are operators
    assert parse("atelier NOT plénière ").required == [Word("atelier")]


def test_a_trailing_star_is_a_prefix_whether_typing_or_not():
    assert parse("souver*", as_you_type=False).required == [Word("souver", prefix=True)]
    assert parse("souver* numérique ").required == [Word("souver", prefix=True),
                                                    Word("numérique")]


def test_a_wildcard_inside_a_word_makes_the_start_a_prefix():
    assert parse("souv?raineté ").required == [Word("souv", prefix=True)]
    assert parse("numéri*que ").required == [Word("numéri", prefix=True)]
    assert parse("l'inclu* ").required == [Word("l"), Word("inclu", prefix=True)]
    # a leading star has nothing before it: the word is plain
    assert parse("*numérique ").required == [Word("numérique")]


def test_a_phrase_with_a_wildcard_is_searched_as_its_words():
    assert parse('"souver* numérique" ').required == [Word("souver", prefix=True),
                                                      Word("numérique")]
    assert parse('-"souver* numérique" x ').excluded == [Word("souver", prefix=True)]


def test_other_syntax_is_plain_words():
    assert parse("numérique~2 ").required == [Word("numérique"), Word("2")]
    assert parse("numérique^3 title:x ").required == [Word("numérique"), Word("3"),
                                                      Word("title"), Word("x")]
