"""The index's fields. Raise SCHEMA_VERSION whenever a field or an analyzer changes: an index
built with another version is stale and gets rebuilt."""

from __future__ import annotations

from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema

from mediation_kit.core.search import analysis

SCHEMA_VERSION = 9

# Text languages with their own analysed fields; any other language goes to the fallback.
TEXT_LANGUAGES = ("fr", "en")
FALLBACK_LANGUAGE = "en"

# Weights of BM25F: a word in a title, a name or a tag counts more than one in the body;
# a typed prefix counts less than a whole word.
TITLE_BOOST = 3.0
NAME_BOOST = 2.5
TAG_BOOST = 2.0
PREFIX_BOOST = 0.6
WORD_BOOST = 0.6  # whole words matched by a long prefix or a fuzzy spelling

# Facet fields (see api.FACETS) hold keyword values: folded, comma-separated.
FACET_FIELDS = {"type": "type", "event": "pack", "year": "year", "lang": "lang",
                "speaker": "speaker", "theme": "theme"}


def title_field(lang: str) -> str:
    return f"title_{lang}"


def body_field(lang: str) -> str:
    return f"body_{lang}"


def pair_field(lang: str) -> str:
    return f"pairs_{lang}"


def field_boosts() -> dict[str, float]:
    boosts = {"names": NAME_BOOST, "tags": TAG_BOOST, "prefix": PREFIX_BOOST,
              "words": WORD_BOOST}
    for lang in TEXT_LANGUAGES:
        boosts[title_field(lang)] = TITLE_BOOST
    return boosts


def make_schema() -> Schema:
    fields = dict(
        key=ID(stored=True, unique=True),
        # Facets and filters
        type=ID(stored=True),
        pack=ID(stored=True),
        year=ID(stored=True),
        lang=ID(stored=True),
        speaker=KEYWORD(commas=True, lowercase=False),
        theme=KEYWORD(commas=True, lowercase=False),
        # Shown with a hit
        event_name=STORED(),
        date=STORED(),
        title=STORED(),
        parent=STORED(),
        time=STORED(),
        text=STORED(),
        # Searched
        # With positions: a phrase matches in names, themes and tags as in the text. Stored:
        # a snippet shows the theme or name that matched when the text does not hold it.
        names=TEXT(analyzer=analysis.name_analyzer(), stored=True),
        tags=TEXT(analyzer=analysis.name_analyzer(), stored=True),
        words=TEXT(analyzer=analysis.word_analyzer(), phrase=False, spelling=True),
        prefix=TEXT(analyzer=analysis.prefix_analyzer(), phrase=False),
    )
    for lang in TEXT_LANGUAGES:
        fields[title_field(lang)] = TEXT(analyzer=analysis.text_analyzer(lang))
        fields[body_field(lang)] = TEXT(analyzer=analysis.text_analyzer(lang))
        # Space-separated pair terms, written by pairs.py; only their presence counts.
        fields[pair_field(lang)] = KEYWORD(lowercase=False)
    return Schema(**fields)
