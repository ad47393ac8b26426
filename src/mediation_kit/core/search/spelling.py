"""Real words close to a misspelt one, fast: a table from each word of the index with one
letter deleted to the words it comes from (the "symmetric delete" method). A typed word and
an index word one substitution, insertion, deletion or swap apart share such a form, so one
lookup per form of the typed word finds them, instead of walking an automaton over the whole
term dictionary (3–10 ms a word in Whoosh). Two-mistake words are left to Whoosh's own
`suggest()` (see engine.py)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


class Vocabulary:
    def __init__(self, words: Iterable[str]) -> None:
        self._words: set[str] = set()
        self._by_delete: dict[str, list[str]] = defaultdict(list)
        for word in words:
            self._words.add(word)
            for form in _deletes(word):
                self._by_delete[form].append(word)

    def __contains__(self, word: str) -> bool:
        return word in self._words

    def near(self, word: str) -> list[tuple[int, str]]:
        """Words within one edit (and some within two), as (distance, word), sharing the
        first letter, closest first; the word itself is left out."""
        found: set[str] = set()
        forms = _deletes(word) | {word}
        for form in forms:
            found.update(self._by_delete.get(form, ()))
            if form in self._words:
                found.add(form)
        found.discard(word)
        return sorted((edit_distance(word, w), w) for w in found if w[:1] == word[:1])


def edit_distance(a: str, b: str) -> int:
    """Damerau-Levenshtein distance (optimal string alignment) between two short words."""
    prev2: list[int] | None = None
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if prev2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]
