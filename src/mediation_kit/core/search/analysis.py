"""How text becomes index terms: accent and case folding, stop words, French and English stems,
edge n-grams for the word being typed.

Folding comes before stemming, so that `numerique` and `numérique` are the same string by the
time the stemmer sees them: an accented query finds exactly what its unaccented form finds.
The query side runs the very same analyzers (see `terms_for`), never the query parser's own.
"""

from __future__ import annotations

import re
from functools import lru_cache

from whoosh.analysis import (
    Filter,
    LowercaseFilter,
    NgramFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
)
from whoosh.lang import stopwords_for_language

from mediation_kit.core.text import fold  # noqa: F401 - also the search package's fold

# Shortest typed word expanded as a prefix; a shorter last word counts as a whole word.
MIN_PREFIX = 2
# The first GRAM letters of each word are indexed as a term of the prefix field. A prefix of
# that length is one posting list; a shorter one is the union of the few grams that start
# with it; a longer one starts few whole words, so it expands over the whole-word field.
# (Indexing every start of every word, 2 to 14 letters, made 70% of all postings and tripled
# the build time; plain prefix expansion is what made two-letter prefixes slow.)
GRAM = 3

WORD_PATTERN = r"\w+"
_word_re = re.compile(WORD_PATTERN)


def words(text: str) -> list[str]:
    """The words of `text`, as written (no folding)."""
    return _word_re.findall(text)


def distinct_words(text: str) -> str:
    """Each word of `text` once (by folded form), for fields where only presence counts."""
    seen: dict[str, str] = {}
    for w in _word_re.findall(text):
        seen.setdefault(_fold_cached(w.lower()), w)
    return " ".join(seen.values())


class FoldFilter(Filter):
    """Accent and case folding with `fold`, memoised: the vocabulary repeats a lot."""

    def __call__(self, tokens):
        for t in tokens:
            t.text = _fold_cached(t.text)
            yield t


@lru_cache(maxsize=100_000)
def _fold_cached(text: str) -> str:
    return fold(text)


# Whoosh's French list lacks a few of the most frequent words.
_EXTRA_STOP_WORDS = {"fr": {"les", "cette", "cet", "leurs"}, "en": set()}
STOP_WORDS = {
    lang: frozenset(fold(w) for w in (*stopwords_for_language(lang), *_EXTRA_STOP_WORDS[lang]))
    for lang in ("fr", "en")
}
ALL_STOP_WORDS = STOP_WORDS["fr"] | STOP_WORDS["en"]


def _base():
    # LowercaseFilter is cheap and lets FoldFilter's cache see fewer distinct strings.
    return RegexTokenizer(WORD_PATTERN) | LowercaseFilter() | FoldFilter()


# Between the values of a names or tags field ("inclusion numérique ; culture").
VALUE_SEPARATOR = ";"


class ValueGapFilter(Filter):
    """Drops the separator tokens between values, leaving their positions unused: a phrase
    then never spans two values ("numérique culture" is not in "inclusion numérique ;
    culture")."""

    def __call__(self, tokens):
        for t in tokens:
            if t.text != VALUE_SEPARATOR:
                yield t


def text_analyzer(lang: str):
    """Body and title text of one language: folded, stop words out, stemmed."""
    return (_base() | StopFilter(stoplist=STOP_WORDS[lang], minsize=2)
            | StemFilter(lang="fr" if lang == "fr" else "en", cachesize=100_000))


def name_analyzer():
    """Names and tags: folded words, never stemmed, no stop words removed; values separated
    by VALUE_SEPARATOR keep a gap between them for phrases."""
    return (RegexTokenizer(WORD_PATTERN + "|" + VALUE_SEPARATOR) | ValueGapFilter()
            | LowercaseFilter() | FoldFilter())


def word_analyzer():
    """Whole folded words without stop words: spelling suggestions and fuzzy matches."""
    return _base() | StopFilter(stoplist=ALL_STOP_WORDS, minsize=2)


def prefix_analyzer():
    """The first GRAM letters of each folded word (shorter words are not kept: a short
    typed prefix also matches them as whole words)."""
    return word_analyzer() | NgramFilter(GRAM, GRAM, at="start")


def keyword_value(value: str) -> str:
    """A facet value as indexed: folded, inner spaces kept ("Jean Cattan" -> "jean cattan")."""
    return " ".join(fold(value).split())


_ANALYZERS: dict[str, object] = {}


def analyzer_for(kind: str):
    """One shared analyzer per kind, for the query side."""
    if kind not in _ANALYZERS:
        _ANALYZERS[kind] = {
            "fr": lambda: text_analyzer("fr"),
            "en": lambda: text_analyzer("en"),
            "name": name_analyzer,
            "word": word_analyzer,
        }[kind]()
    return _ANALYZERS[kind]


def terms_for(kind: str, text: str) -> list[str]:
    """The index terms `text` becomes in a field analysed as `kind`."""
    return [t.text for t in analyzer_for(kind)(text)]
