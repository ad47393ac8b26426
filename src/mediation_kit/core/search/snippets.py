"""Snippets: a short passage of a result's text around the words that matched, HTML-escaped,
with the matches in `<b class="hit">…</b>`. Computed only for the rows shown, by scanning the
stored text with the same folding and stemming as the index (memoised: it must stay cheap).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from functools import lru_cache

from whoosh.lang import stemmer_for_language

from mediation_kit.core.search.analysis import ALL_STOP_WORDS, _fold_cached
from mediation_kit.core.search.documents import MAX_WORD_CHARS, STORED_CHARS
from mediation_kit.core.search.schema import TEXT_LANGUAGES

WINDOW_WORDS = 28  # words shown around the first match
LEAD_WORDS = 6  # of which before it
# Bounds that hold for any text (a 50 MB press text of one line must not become a snippet).
# A word longer than MAX_WORD_CHARS is never marked, as the index leaves it out too.
SCAN_CHARS = STORED_CHARS - 1  # of the text searched for the first match
MAX_SNIPPET_CHARS = 400  # of the text shown
LEAD_CHARS = 120  # at most, before the first match
_token_re = re.compile(r"\w+")
_STEMMERS = {lang: stemmer_for_language(lang) for lang in TEXT_LANGUAGES}


@lru_cache(maxsize=200_000)
def _stem(lang: str, folded: str) -> str:
    return _STEMMERS[lang](folded)


class Marker:
    """Decides which words of a text to mark, from the words of a query."""

    def __init__(self, words: Iterable[str] = (), prefixes: Iterable[str] = (),
                 exact: Iterable[str] = ()) -> None:
        self.exact = set(exact)
        self.stems = {lang: set() for lang in TEXT_LANGUAGES}
        for w in words:
            f = _fold_cached(w.casefold())
            if f in ALL_STOP_WORDS or len(f) < 2:
                continue
            self.exact.add(f)
            for lang in TEXT_LANGUAGES:
                self.stems[lang].add(_stem(lang, f))
        self.prefixes = tuple(p for p in (_fold_cached(p.casefold()) for p in prefixes) if p)
        self._seen: dict[str, bool] = {}  # word as written -> marked
        # Stemming every word of a text is slow: only words starting like a stem are tried.
        self._stem_starts = tuple({stem[:max(2, len(stem) - 1)]
                                   for stems in self.stems.values() for stem in stems})

    def __bool__(self) -> bool:
        return bool(self.exact or self.prefixes)

    def matches(self, word: str) -> bool:
        seen = self._seen.get(word)
        if seen is None:
            seen = self._seen[word] = self._matches(word)
        return seen

    def _matches(self, word: str) -> bool:
        f = _fold_cached(word.casefold())
        if f in self.exact or (self.prefixes and f.startswith(self.prefixes)):
            return True
        if len(f) < 2 or not f.startswith(self._stem_starts) or f in ALL_STOP_WORDS:
            return False
        return any(_stem(lang, f) in stems for lang, stems in self.stems.items() if stems)


def make_snippet(text: str, marker: Marker, window: int = WINDOW_WORDS) -> str:
    """HTML for `text` around its first marked word (or its start when nothing is marked).

    Bounded whatever the text: only its first SCAN_CHARS are scanned, a "word" longer than
    MAX_WORD_CHARS (a pasted blob, a line of one letter) is never marked, and the passage
    shown holds at most MAX_SNIPPET_CHARS of the text.
    """
    if not text:
        return ""
    scanned = text[:SCAN_CHARS]
    tokens = []  # (start, end, marked)
    first = None
    complete = len(text) <= SCAN_CHARS  # False when the scan stopped before the end
    matches = marker.matches if marker else (lambda word: False)
    for m in _token_re.finditer(scanned):
        marked = m.end() - m.start() <= MAX_WORD_CHARS and matches(m.group())
        if marked and first is None:
            first = len(tokens)
        tokens.append((m.start(), m.end(), marked))
        if len(tokens) >= (first if first is not None else 4000) + window:
            complete = False
            break
    if not tokens:
        return html.escape(text[:200])
    begin = max(0, (first or 0) - LEAD_WORDS)
    shown = tokens[begin:begin + window]
    start = 0 if begin == 0 else shown[0][0]
    cut = not complete or begin + window < len(tokens)
    end = shown[-1][1] if cut else len(text)
    # Long words before the match would push it out of the passage: start closer to it.
    if first is not None and tokens[first][0] - start > LEAD_CHARS:
        start = tokens[first][0] - LEAD_CHARS
    if end - start > MAX_SNIPPET_CHARS:
        end = start + MAX_SNIPPET_CHARS
        cut = True
    out = ["…"] if start > 0 else []
    pos = start
    for s, e, marked in shown:
        if marked and s >= start and e <= end:
            out.append(html.escape(text[pos:s]))
            out.append('<b class="hit">' + html.escape(text[s:e]) + "</b>")
            pos = e
    out.append(html.escape(text[pos:end]))
    if cut:
        out.append("…")
    return "".join(out).strip()
