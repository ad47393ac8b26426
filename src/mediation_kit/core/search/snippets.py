"""Snippets: a short passage of a result's text around the words that matched, HTML-escaped,
with the matches in `<b class="hit">…</b>`. Computed only for the rows shown, by scanning the
stored text with the same folding and stemming as the index (memoised: it must stay cheap).
"""

from __future__ import annotations

import html
import re
import unicodedata
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
HIT_MARK = '<b class="hit">'
_STEMMERS = {lang: stemmer_for_language(lang) for lang in TEXT_LANGUAGES}


@lru_cache(maxsize=200_000)
def _stem(lang: str, folded: str) -> str:
    return _STEMMERS[lang](folded)


class Marker:
    """Decides which words of a text to mark, from the words of a query."""

    def __init__(self, words: Iterable[str] = (), prefixes: Iterable[str] = (),
                 exact: Iterable[str] = (), phrases: Iterable[Iterable[str]] = ()) -> None:
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
        # A phrase is marked only where its words follow each other (stop words aside, as
        # in the index): one marker per word that counts.
        self.phrases = [ms for ms in (tuple(Marker(words=[w]) for w in phrase
                                            if is_counted(w)) for phrase in phrases) if ms]
        self.longest = max((len(ms) for ms in self.phrases), default=0)
        self._classes: dict[str, tuple[bool, bool, bool]] = {}
        # What each phrase word starts with once folded, when that is plain ASCII: a text
        # without one of them cannot hold the phrase, and is not scanned for it.
        self._phrase_starts = [[m._stem_starts for m in phrase] for phrase in self.phrases]
        self._quick = all(s.isascii() for starts in self._phrase_starts for group in starts
                          for s in group)

    def may_hold_a_phrase(self, text: str) -> bool:
        if not self.phrases:
            return False
        if not self._quick:
            return True
        plain = unicodedata.normalize("NFKD", text.casefold()).encode("ascii", "ignore").decode()
        return any(all(any(s in plain for s in group) for group in starts)
                   for starts in self._phrase_starts)

    def classify(self, word: str) -> tuple[bool, bool, bool]:
        """(marked alone, counted by a phrase, may end a phrase) for a word as written; one
        lookup once seen."""
        found = self._classes.get(word)
        if found is None:
            # Folded once for the three answers: a text's words are mostly new to a marker.
            f = _fold_cached(word.casefold())
            counted = bool(self.phrases) and len(f) >= 2 and f not in ALL_STOP_WORDS
            ends = counted and any(phrase[-1]._matches_folded(f) for phrase in self.phrases)
            found = self._classes[word] = (self._matches_folded(f), counted, ends)
        return found

    def __bool__(self) -> bool:
        return bool(self.exact or self.prefixes or self.phrases)

    def without_phrases(self) -> Marker:
        """The same marker for a text known not to hold the phrases (found by a theme)."""
        if not self.phrases:
            return self
        other = Marker(exact=self.exact, prefixes=self.prefixes)
        other.stems, other._stem_starts = self.stems, self._stem_starts
        return other

    def phrase_end(self, counted: list[str]) -> int:
        """The length of a phrase that ends with the last of the `counted` words, else 0."""
        last = counted[-1]
        for phrase in self.phrases:
            n = len(phrase)
            if len(counted) >= n and phrase[-1].matches(last) and all(
                    m.matches(w) for m, w in zip(phrase[:-1], counted[-n:-1])):
                return n
        return 0

    def matches(self, word: str) -> bool:
        seen = self._seen.get(word)
        if seen is None:
            seen = self._seen[word] = self._matches(word)
        return seen

    def _matches(self, word: str) -> bool:
        return self._matches_folded(_fold_cached(word.casefold()))

    def _matches_folded(self, f: str) -> bool:
        if f in self.exact or (self.prefixes and f.startswith(self.prefixes)):
            return True
        if len(f) < 2 or not f.startswith(self._stem_starts) or f in ALL_STOP_WORDS:
            return False
        return any(_stem(lang, f) in stems for lang, stems in self.stems.items() if stems)


def is_counted(word: str) -> bool:
    """A word the text fields index (not a stop word, not a single letter)."""
    f = _fold_cached(word.casefold())
    return len(f) >= 2 and f not in ALL_STOP_WORDS


def make_snippet(text: str, marker: Marker | None, window: int = WINDOW_WORDS) -> str:
    """HTML for `text` around its first marked word (or its start when nothing is marked).

    Bounded whatever the text: only its first SCAN_CHARS are scanned, a "word" longer than
    MAX_WORD_CHARS (a pasted blob, a line of one letter) is never marked, and the passage
    shown holds at most MAX_SNIPPET_CHARS of the text.
    """
    if not text:
        return ""
    if marker is None:  # a text shown without a query (browsing an event)
        marker = Marker()
    scanned = text[:SCAN_CHARS]
    tokens = []  # [start, end, marked, inside a phrase after its first word]
    # The words a phrase counts (stop words aside), as (token index, word): only kept when
    # the query has phrases.
    counted: list[int] = []
    counted_words: list[str] = []
    first = None
    complete = len(text) <= SCAN_CHARS  # False when the scan stopped before the end
    classify = marker.classify
    phrases = marker.may_hold_a_phrase(scanned)
    # With nothing to mark, the start of the text is all that is shown.
    give_up = 4000 if (marker.exact or marker.prefixes or phrases) else 0
    for m in _token_re.finditer(scanned):
        word = m.group()
        if m.end() - m.start() > MAX_WORD_CHARS:
            marked = counted_word = ends_phrase = False
        else:
            marked, counted_word, ends_phrase = classify(word)
        if marked and first is None:
            first = len(tokens)
        tokens.append([m.start(), m.end(), marked, False])
        if phrases and counted_word:
            counted.append(len(tokens) - 1)
            counted_words.append(word)
            n = marker.phrase_end(counted_words) if ends_phrase else 0
            if n:
                # The whole phrase is one mark, with the stop words inside it.
                for i in range(counted[-n], len(tokens)):
                    tokens[i][2] = True
                    tokens[i][3] = i > counted[-n]
                first = counted[-n] if first is None else min(first, counted[-n])
        if len(tokens) >= (first if first is not None else give_up) + window:
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
    for s, e, marked, in_phrase in shown:
        if not (marked and s >= start and e <= end):
            continue
        if in_phrase and out and out[-1] == "</b>":
            out.insert(-1, html.escape(text[pos:e]))  # the phrase's mark goes on
            pos = e
        else:
            out.append(html.escape(text[pos:s]))
            out.extend((HIT_MARK, html.escape(text[s:e]), "</b>"))
            pos = e
    out.append(html.escape(text[pos:end]))
    if cut:
        out.append("…")
    return "".join(out).strip()
