"""Pairs of following terms indexed as one term (`mediat+numer`), so that a phrase of two
frequent words is one posting list instead of a position check in thousands of documents.

Only pairs of two frequent terms are indexed: with a rarer term, the documents holding both
words are few and checking their positions is cheap; indexing every pair would double the
index and the build time for nothing. Which terms count as frequent is decided at build time
and saved with the index, so that the engine knows which pairs it may look up.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from mediation_kit.core.search.analysis import terms_for
from mediation_kit.core.search.schema import TEXT_LANGUAGES, body_field, title_field

SEPARATOR = "+"  # never inside a term (terms are \w+)
# A term is frequent when this share of the documents, and at least MIN_DOCS, hold it.
FREQUENT_SHARE = 0.005
MIN_DOCS = 20


def pair_term(first: str, second: str) -> str:
    return f"{first}{SEPARATOR}{second}"


def _texts(doc: dict) -> Iterable[tuple[str, str, str]]:
    """(language, title, body) of a document dict from documents.py."""
    for lang in TEXT_LANGUAGES:
        title, body = doc.get(title_field(lang)), doc.get(body_field(lang))
        if title is not None or body is not None:
            yield lang, title or "", body or ""


def frequent_terms(docs: Iterable[dict]) -> dict[str, frozenset[str]]:
    """Per language, the terms held by enough documents (title or body)."""
    counts = {lang: Counter() for lang in TEXT_LANGUAGES}
    n = 0
    for doc in docs:
        n += 1
        for lang, title, body in _texts(doc):
            counts[lang].update(set(terms_for(lang, title)) | set(terms_for(lang, body)))
    threshold = max(MIN_DOCS, FREQUENT_SHARE * n)
    return {lang: frozenset(t for t, c in counts[lang].items() if c >= threshold)
            for lang in TEXT_LANGUAGES}


def pairs_text(doc: dict, lang: str, frequent: frozenset[str]) -> str:
    """The pair terms of a document's title and body, space-separated, for the pairs field."""
    out = []
    for lang_, title, body in _texts(doc):
        if lang_ != lang:
            continue
        for text in (title, body):
            terms = terms_for(lang, text)
            out.extend(pair_term(a, b) for a, b in zip(terms, terms[1:])
                       if a in frequent and b in frequent)
    return " ".join(out)
