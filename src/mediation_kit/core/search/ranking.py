"""Posting lists as Python sets and BM25F scores, read from Whoosh's index files.

Whoosh's own matchers score one posting at a time through a tree of Python objects: fine for
a single term, 20–600 ms for a word searched in eight fields or a two-letter prefix over 20,000
documents. Here each (field, term) posting list is read once, block by block, into the set of
its documents and a dict of their BM25 contributions (Whoosh's formula, B=0.75, K1=1.2, the
field's weight applied at query time), and kept in an LRU cache. A query's matches are then set
operations, its ranking a sum of dicts over the matched documents, its top rows a heap.
"""

from __future__ import annotations

import heapq
import math
from itertools import accumulate
from pickle import loads
from collections import OrderedDict
from collections.abc import Iterable

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.formats import Positions
from whoosh.util.numeric import byte_to_length
from whoosh.system import _INT_SIZE

B = 0.75
K1 = 1.2
# The cache holds at most this many postings in all (about 150 bytes each in sets and dicts).
_CACHE_POSTINGS = 120_000


class Postings:
    """One term of one field: its documents and their weighted BM25 scores."""

    __slots__ = ("docs", "scores")

    def __init__(self, docs: frozenset[int], scores: dict[int, float]) -> None:
        self.docs = docs
        self.scores = scores


EMPTY = Postings(frozenset(), {})


class Ranker:
    def __init__(self, reader, boosts: dict[str, float] | None = None) -> None:
        self.reader = reader
        self.boosts = boosts or {}
        self.doc_count = reader.doc_count_all()
        self._norms: dict[str, list[float]] = {}
        self._cache: OrderedDict[tuple[str, str], Postings] = OrderedDict()
        self._cached_postings = 0

    # --- reading --------------------------------------------------------------------

    def postings(self, field: str, text: str) -> Postings:
        key = (field, text)
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            return cached
        entry = self._read(field, text)
        self._cache[key] = entry
        self._cached_postings += len(entry.docs)
        while self._cached_postings > _CACHE_POSTINGS and len(self._cache) > 1:
            _key, old = self._cache.popitem(last=False)
            self._cached_postings -= len(old.docs)
        return entry

    def docs(self, field: str, text: str) -> frozenset[int]:
        return self.postings(field, text).docs

    def _read(self, field: str, text: str) -> Postings:
        if (field, text) not in self.reader:
            return EMPTY
        ids, weights = read_postings(self.reader.postings(field, text))
        if not ids:
            return EMPTY
        norms = self._field_norms(field)
        idf = math.log(self.doc_count / (len(ids) + 1)) + 1
        c = idf * (K1 + 1) * self.boosts.get(field, 1.0)
        scores = {d: c * w / (w + norms[d]) for d, w in zip(ids, weights)}
        return Postings(frozenset(ids), scores)

    def _field_norms(self, field: str) -> list[float]:
        """K1 * (1 - B + B * length / average length), per document, for one field.

        The average is over the documents that have the field (Whoosh divides by all of
        them): four cues in five have no title, and an average title of two words made every
        real title look long, so that one word in a short body outweighed it."""
        norms = self._norms.get(field)
        if norms is None:
            lengths = self._lengths(field)
            having = sum(1 for n in lengths if n)
            avg = (sum(lengths) / having) if having else 1.0
            norms = [K1 * (1 - B + B * n / avg) for n in lengths]
            self._norms[field] = norms
        return norms

    def _lengths(self, field: str) -> list[int]:
        """Each document's length in `field`: Whoosh's length column read in one go (asking
        document by document costs a file-system check each for a field no document has)."""
        n = self.doc_count
        if not self.reader.field_length(field):
            return [0] * n
        column = None
        perdoc = getattr(self.reader, "_perdoc", None)
        if perdoc is not None and hasattr(perdoc, "_cached_reader"):
            column = perdoc._cached_reader(_lenfield(field), LENGTHS_COLUMN)
        if column is not None and len(column) == n:
            table = [byte_to_length(b) for b in range(256)]
            return [table[b] for b in column]
        length = self.reader.doc_field_length
        return [length(d, field) or 0 for d in range(n)]

    def phrase_docs(self, field: str, terms: list[str], candidates: frozenset[int]) -> set[int]:
        """Those of `candidates` where `terms` follow each other in `field`."""
        fmt = self.reader.schema[field].format
        candidates = frozenset.intersection(candidates, *(self.docs(field, t) for t in terms))
        if not candidates or not isinstance(fmt, Positions):
            return set(candidates)
        values = [read_values(self.reader.postings(field, t), candidates) for t in terms]
        first, others = values[0], list(enumerate(values[1:], 1))
        found = set()
        for d in candidates:
            starts = set(_positions(first[d]))
            for offset, term_values in others:
                starts.intersection_update(p - offset for p in _positions(term_values[d]))
                if not starts:
                    break
            if starts:
                found.add(d)
        return found

    # --- ranking --------------------------------------------------------------------

    def top(self, docs: frozenset[int] | set[int], scorers: Iterable[tuple[str, str]],
            limit: int) -> list[tuple[int, float]]:
        """The `limit` best of `docs` by the summed scores of the (field, term) `scorers`,
        as (docnum, score), best first."""
        if limit <= 0 or not docs:
            return []
        lists = [self.postings(f, t).scores for f, t in dict.fromkeys(scorers)]
        lists = [s for s in lists if s]
        if not lists:
            return [(d, 0.0) for d in sorted(docs)[:limit]]
        acc = dict.fromkeys(docs, 0.0)
        for scores in lists:
            if len(scores) <= len(acc):
                for d, v in scores.items():
                    if d in acc:
                        acc[d] += v
            else:
                get = scores.get
                for d in acc:
                    v = get(d)
                    if v is not None:
                        acc[d] += v
        # Ties: the earlier document first, so that results are stable.
        return heapq.nlargest(limit, acc.items(), key=lambda item: (item[1], -item[0]))


def read_postings(matcher) -> tuple[list[int], list[float]]:
    """All (ids, weights) of a posting-list matcher, a block at a time when it can."""
    ids: list[int] = []
    weights: list[float] = []
    block_reader = all(hasattr(matcher, name) for name in
                       ("_read_ids", "_read_weights", "_next_block", "_i"))
    if block_reader:
        # Whoosh 2.7's W3LeafMatcher: whole blocks are decoded arrays.
        while matcher.is_active():
            matcher._read_ids()
            matcher._read_weights()
            start = matcher._i
            ids.extend(matcher._ids[start:])
            weights.extend(matcher._weights[start:])
            matcher._next_block()
        return ids, weights
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    return ids, weights


def _positions(value: bytes):
    """Positions from a value of Whoosh's Positions format (a count, then the pickled list
    of gaps without its final STOP opcode); `Positions.decode_positions` in one C call."""
    return accumulate(loads(value[_INT_SIZE:] + b"."))


def read_values(matcher, wanted: frozenset[int]) -> dict[int, bytes]:
    """The encoded posting values (positions) of the documents in `wanted`."""
    out: dict[int, bytes] = {}
    if all(hasattr(matcher, name) for name in ("_read_ids", "_read_values", "_next_block", "_i")):
        while matcher.is_active():
            matcher._read_ids()
            ids = matcher._ids
            start = matcher._i
            if not wanted.isdisjoint(ids[start:]):
                matcher._read_values()
                values = matcher._values
                for i in range(start, len(ids)):
                    if ids[i] in wanted:
                        out[ids[i]] = values[i]
            matcher._next_block()
        return out
    while matcher.is_active():
        if matcher.id() in wanted:
            out[matcher.id()] = matcher.value()
        matcher.next()
    return out
