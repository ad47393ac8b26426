"""The query engine: a parsed query -> ranked hits, snippets, facet counts, corrections.

One engine per index folder, with one Whoosh searcher reused across queries and reopened only
when the index on disk was rebuilt. Whoosh stores the index, analyses the text and walks its
term dictionary (prefixes, spelling); matching and ranking are done on posting lists read into
sets and dicts (ranking.py): exact totals, facet counts and filters are set operations, and only
the rows shown get a snippet. Calls are serialised by a lock, so a worker thread may use it.
"""

from __future__ import annotations

import heapq
import html
import logging
import os
import threading
from collections import Counter, OrderedDict
from pathlib import Path

from mediation_kit.core.i18n import _
from mediation_kit.core.model import ResourceType
from mediation_kit.core.search import pairs, querylang
from mediation_kit.core.search.analysis import (
    ALL_STOP_WORDS,
    GRAM,
    MIN_PREFIX,
    VALUE_SEPARATOR,
    _fold_cached,
    fold,
    keyword_value,
    terms_for,
    words,
)
from mediation_kit.core.search.api import (
    FACETS, FacetCount, Hit, SearchQuery, SearchResults, hit_from_stored)
from mediation_kit.core.search.index import META_FILE, read_meta
from mediation_kit.core.search.querylang import AnyOf, ParsedQuery, Phrase, Word
from mediation_kit.core.search.ranking import Ranker, read_postings
from mediation_kit.core.search.schema import (
    FACET_FIELDS,
    TEXT_LANGUAGES,
    body_field,
    field_boosts,
    pair_field,
    title_field,
)
from mediation_kit.core.search.snippets import HIT_MARK, Marker, make_snippet
from mediation_kit.core.search.spelling import Vocabulary, edit_distance
from mediation_kit.core.search.storage import MappedStorage

log = logging.getLogger(__name__)

MAX_EXPANSION = 64  # whole words tried for a misspelt word
MAX_PREFIX_WORDS = 400  # whole words tried for a typed prefix longer than the n-grams
# A prefix that starts at most this many words ranks them as whole words (title, themes...).
FEW_PREFIX_WORDS = 8
SPELLING_SAMPLE_DOCS = 8  # documents read to find how a suggested word is written
# Fields where a phrase is looked for with positions, beside the titles and bodies.
NAME_FIELDS = ("names", "tags")
_QUERY_CACHE_SIZE = 16
MAX_FACET_VALUES = 50
MAX_PAGE = 500  # deeper pages are not useful and cost a full ranking


class SearchEngineError(Exception):
    """The index cannot be opened (the message names the folder)."""


class _LRU(OrderedDict):
    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def get_or(self, key, make):
        if key in self:
            self.move_to_end(key)
            return self[key]
        value = make()
        self[key] = value
        if len(self) > self.size:
            self.popitem(last=False)
        return value


class _Compiled:
    """A clause as the set of documents it matches and the (field, term) pairs that score;
    for a query with phrases, `phrase_in_text` holds the documents where one is in a title
    or a text (the others matched by a theme or a name: no need to look for it in their
    text when making a snippet)."""

    __slots__ = ("docs", "scorers", "phrase_in_text")

    def __init__(self, docs: frozenset[int], scorers: tuple[tuple[str, str], ...],
                 phrase_in_text: frozenset[int] | None = None) -> None:
        self.docs = docs
        self.scorers = scorers
        self.phrase_in_text = phrase_in_text


def _phrase_in_text(parts) -> frozenset[int] | None:
    found = [p.phrase_in_text for p in parts if p.phrase_in_text is not None]
    return frozenset().union(*found) if found else None


class SearchEngine:
    def __init__(self, index_dir: Path) -> None:
        self.index_dir = Path(index_dir)
        self._lock = threading.RLock()
        self._ix = None
        self._searcher = None
        self._stamp = None
        # Set by tests: let errors out instead of answering "no results".
        self.raise_errors = False
        self._open()

    # --- opening, reopening -------------------------------------------------------------

    def _meta_stamp(self):
        try:
            st = os.stat(self.index_dir / META_FILE)
        except OSError:
            return None
        return (st.st_ino, st.st_mtime_ns, st.st_size)

    def _open(self) -> None:
        self._close_searcher()
        try:
            self._ix = MappedStorage(str(self.index_dir)).open_index()
            self._searcher = self._ix.searcher()
        except Exception as exc:  # missing, unreadable or damaged files
            self._close_searcher()
            raise SearchEngineError(_("Cannot open the search index in {folder}: {error}").format(
                folder=self.index_dir, error=exc)) from exc
        meta = read_meta(self.index_dir) or {}
        self._labels: dict[str, dict[str, str]] = meta.get("labels") or {}
        self._frequent = {lang: frozenset(terms) for lang, terms in
                          (meta.get("frequent_terms") or {}).items()}
        self._stamp = self._meta_stamp()
        self._ranker = Ranker(self._searcher.reader(), field_boosts())
        self._query_cache = _LRU(_QUERY_CACHE_SIZE)
        self._near_cache = _LRU(_QUERY_CACHE_SIZE)
        self._facet_cache = _LRU(_QUERY_CACHE_SIZE)
        self._words: Vocabulary | None = None
        self._facet_docs: dict[str, dict[str, frozenset[int]]] | None = None
        self._doc_facets: dict[str, dict[int, tuple[str, ...]]] | None = None
        self._all_docs = frozenset(self._searcher.reader().all_doc_ids())

    def _refresh(self) -> None:
        """Reopens when the index folder now holds another build (it was rebuilt)."""
        if self._meta_stamp() != self._stamp:
            self._open()

    def _close_searcher(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
        if self._ix is not None:
            self._ix.close()
        self._searcher = self._ix = None

    def close(self) -> None:
        with self._lock:
            self._close_searcher()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def doc_count(self) -> int:
        with self._lock:
            return len(self._all_docs)

    # --- the public calls ----------------------------------------------------------------

    def search(self, query: SearchQuery) -> SearchResults:
        """Results for any query text at all; a failure inside is logged, never raised."""
        with self._lock:
            try:
                if self._searcher is None:
                    self._open()
                else:
                    self._refresh()
                return self._search(query)
            except Exception:
                if self.raise_errors:
                    raise
                log.exception("search failed for %r", query.text[:200])
                return SearchResults(query, 0, (), {})

    def suggest(self, word: str, limit: int = 5) -> list[str]:
        """Real words of the index (accent- and case-folded) within two typing mistakes of
        `word`, closest first, then the most frequent."""
        with self._lock:
            f = fold(word.strip())
            if len(f) < 3 or self._searcher is None:
                return []
            try:
                return [term for _dist, term in self._near_words(f)[:limit]]
            except Exception:
                if self.raise_errors:
                    raise
                log.exception("suggest failed for %r", word[:100])
                return []

    # --- the work ------------------------------------------------------------------------

    def _search(self, q: SearchQuery) -> SearchResults:
        parsed = querylang.parse(q.text, as_you_type=q.as_you_type)
        filters = {name: set(values) for name, values in q.filters.items() if values}
        for name, values in parsed.filters.items():
            filters.setdefault(name, set()).update(values)
        allowed = {name: self._filter_docs(name, values) for name, values in filters.items()
                   if name in FACET_FIELDS}

        main = self._compile_query(parsed)
        if main is None and not allowed:
            facets = self._facet_counts(self._all_docs, {}) if q.with_facets else {}
            return SearchResults(q, 0, (), facets)
        base = main.docs if main is not None else self._without(parsed.excluded)
        matched = base
        for docs in allowed.values():
            matched = matched & docs

        facets = {}
        if q.with_facets:
            # Typing, deleting and paging ask for the same counts again: keep the last ones.
            key = (tuple(parsed.required), tuple(parsed.excluded),
                   frozenset((name, frozenset(values)) for name, values in filters.items()))
            facets = self._facet_cache.get_or(key, lambda: self._facet_counts(base, allowed))
        page = min(max(1, q.page), MAX_PAGE)
        size = max(1, min(q.page_size, 200))
        hits: tuple[Hit, ...] = ()
        if matched:
            marker = self._marker(parsed)
            scorers = main.scorers if main is not None else ()
            hits = self._ranked(matched, scorers, page, size, marker,
                                main.phrase_in_text if main is not None else None)
        suggestion = None
        fuzzy: tuple[Hit, ...] = ()
        if main is not None and not main.docs:
            # The words found nothing (not the filters): maybe they are misspelt.
            suggestion = self._suggestion(q.text, parsed)
            fuzzy = self._fuzzy(parsed, allowed, size)
        return SearchResults(q, len(matched), hits, facets, suggestion, fuzzy)

    def _without(self, excluded) -> frozenset[int]:
        """Every document but those of the `excluded` clauses: "type:cue -atelier" lists
        the cues without "atelier". (A "-word" with no word and no filter finds nothing:
        there is nothing to look for.)"""
        docs = self._all_docs
        for clause in excluded:
            compiled = self._clause(clause)
            if compiled is not None:
                docs = docs - compiled.docs
        return docs

    def _ranked(self, docs: frozenset[int], scorers, page: int, size: int, marker: Marker,
                phrase_in_text: frozenset[int] | None = None) -> tuple[Hit, ...]:
        rows = self._ranker.top(docs, scorers, page * size)[(page - 1) * size:]
        if phrase_in_text is None:
            return tuple(self._hit(docnum, score, marker) for docnum, score in rows)
        words_only = marker.without_phrases()
        return tuple(self._hit(docnum, score, marker,
                               None if docnum in phrase_in_text else words_only)
                     for docnum, score in rows)

    def _snippet(self, stored: dict, marker: Marker, text_marker: Marker | None = None) -> str:
        snippet = make_snippet(stored.get("text") or "", text_marker or marker)
        if marker and HIT_MARK not in snippet:
            line = self._field_line(stored, marker)
            if line:
                return f"{line} — {snippet}" if snippet else line
        return snippet

    def _hit(self, docnum: int, score: float, marker: Marker,
             text_marker: Marker | None = None) -> Hit:
        """A hit with its snippet; `text_marker`, if given, marks its text instead."""
        stored = self._searcher.stored_fields(docnum)
        return hit_from_stored(stored, self._snippet(stored, marker, text_marker),
                               float(score or 0.0))

    # --- compiling the parsed query --------------------------------------------------------

    def _compile_query(self, parsed: ParsedQuery) -> _Compiled | None:
        key = (tuple(parsed.required), tuple(parsed.excluded))
        return self._query_cache.get_or(key, lambda: self._compile_uncached(parsed))

    def _compile_uncached(self, parsed: ParsedQuery) -> _Compiled | None:
        required = [c for c in (self._clause(c) for c in parsed.required) if c is not None]
        last = parsed.required[-1] if parsed.required else None
        if not required and isinstance(last, Word) and last.prefix:
            # A stop word typed alone is the start of a longer word ("the" -> "theatre").
            required = [c for c in (self._word(last, prefix_only=True),) if c is not None]
        if not required:
            return None
        docs = frozenset.intersection(*(c.docs for c in required))
        for c in parsed.excluded:
            compiled = self._clause(c)
            if compiled is not None:
                docs = docs - compiled.docs
        return _Compiled(docs, tuple(s for c in required for s in c.scorers),
                         _phrase_in_text(required))

    def _clause(self, clause) -> _Compiled | None:
        if isinstance(clause, Word):
            return self._word(clause)
        if isinstance(clause, Phrase):
            return self._phrase(clause)
        if isinstance(clause, AnyOf):
            parts = [c for c in (self._clause(c) for c in clause.clauses) if c is not None]
            if not parts:
                return None
            return _Compiled(frozenset().union(*(p.docs for p in parts)),
                             tuple(s for p in parts for s in p.scorers), _phrase_in_text(parts))
        return None

    def _any_of(self, pairs: list[tuple[str, str]]) -> _Compiled | None:
        if not pairs:
            return None
        docs = frozenset().union(*(self._ranker.docs(f, t) for f, t in pairs))
        return _Compiled(docs, tuple(pairs))

    def _word(self, word: Word, prefix_only: bool = False) -> _Compiled | None:
        folded = fold(word.text)
        if len(folded) < (MIN_PREFIX if word.prefix else 2):
            return None
        if prefix_only:
            return self._any_of(self._prefix_terms(folded))
        if folded in ALL_STOP_WORDS:
            return None
        pairs: list[tuple[str, str]] = []
        for lang in TEXT_LANGUAGES:
            for stem in terms_for(lang, word.text):
                pairs += [(title_field(lang), stem), (body_field(lang), stem)]
        for name in terms_for("name", word.text):
            pairs += [(field, name) for field in NAME_FIELDS]
        if not word.prefix:
            return self._any_of(pairs)
        expanded = self._prefix_terms(folded)
        pairs.extend(expanded)
        compiled = self._any_of(pairs)
        if compiled is not None and expanded and expanded[0][0] == "words" and (
                len(expanded) <= FEW_PREFIX_WORDS):
            # `souver*`: the few words it starts rank as each would if typed whole (their
            # stems score; they find nothing more: "parlement" must not bring "parler").
            ranked = [p for _field, whole in expanded for p in self._whole_word_pairs(whole)]
            compiled = _Compiled(compiled.docs, compiled.scorers + tuple(ranked))
        return compiled

    @staticmethod
    def _whole_word_pairs(word: str) -> list[tuple[str, str]]:
        pairs: list[tuple[str, str]] = []
        for lang in TEXT_LANGUAGES:
            for stem in terms_for(lang, word):
                pairs += [(title_field(lang), stem), (body_field(lang), stem)]
        for name in terms_for("name", word):
            pairs += [(field, name) for field in NAME_FIELDS]
        return pairs

    def _prefix_terms(self, folded: str) -> list[tuple[str, str]]:
        """The (field, term) pairs that a typed prefix stands for (see analysis.GRAM)."""
        if len(folded) == GRAM:
            return [("prefix", folded)]
        field = "prefix" if len(folded) < GRAM else "words"
        expanded = self._searcher.reader().expand_prefix(field, folded)
        return [(field, t.decode("utf-8") if isinstance(t, bytes) else t)
                for t, _ in zip(expanded, range(MAX_PREFIX_WORDS))]

    def _phrase(self, phrase: Phrase) -> _Compiled | None:
        """Documents holding the words one after the other (stop words aside), in every
        field a word is found in: a title or a body of either language (so a cue's text), a
        speaker's name, a theme or tag."""
        text = " ".join(phrase.words)
        docs: set[int] = set()
        in_text: set[int] = set()
        scorers: list[tuple[str, str]] = []
        for lang in TEXT_LANGUAGES:
            terms = terms_for(lang, text)
            if not terms:
                continue
            fields = (title_field(lang), body_field(lang))
            found = frozenset.intersection(
                *(self._ranker.docs(fields[0], t) | self._ranker.docs(fields[1], t)
                  for t in terms))
            if len(terms) > 1 and found:
                found = self._in_order(lang, terms, found)
            if found:
                docs |= found
                in_text |= found
                scorers += [(f, t) for t in terms for f in fields]
        names = terms_for("name", text)
        for field in NAME_FIELDS if names else ():
            found = frozenset.intersection(*(self._ranker.docs(field, n) for n in names))
            if len(names) > 1 and found:
                found = frozenset(self._ranker.phrase_docs(field, names, found))
            if found:
                docs |= found
                scorers += [(field, n) for n in names]
        if not scorers:
            return None
        return _Compiled(frozenset(docs), tuple(scorers), frozenset(in_text))

    def _in_order(self, lang: str, terms: list[str], candidates: frozenset[int]) -> frozenset[int]:
        """Those of `candidates` (holding every term) where the terms follow each other.
        A pair of frequent terms is looked up as one indexed term (pairs.py): a phrase of two
        frequent words needs no position check, and a longer one checks far fewer documents."""
        frequent = self._frequent.get(lang, frozenset())
        exact = len(terms) == 2
        for a, b in zip(terms, terms[1:]):
            if a in frequent and b in frequent:
                candidates = candidates & self._ranker.docs(pair_field(lang),
                                                            pairs.pair_term(a, b))
            else:
                exact = False
        if exact or not candidates:
            return candidates
        return frozenset(self._ranker.phrase_docs(body_field(lang), terms, candidates)
                         | self._ranker.phrase_docs(title_field(lang), terms, candidates))

    # --- filters and facets -------------------------------------------------------------

    def _facet_value_docs(self) -> dict[str, dict[str, frozenset[int]]]:
        """Facet -> value -> documents, read once per opened index."""
        if self._facet_docs is None:
            reader = self._searcher.reader()
            table: dict[str, dict[str, frozenset[int]]] = {}
            for facet in FACETS:
                field = FACET_FIELDS[facet]
                values = {}
                for raw in reader.lexicon(field):
                    value = raw.decode("utf-8") if isinstance(raw, bytes) else raw
                    if value:
                        values[value] = frozenset(read_postings(reader.postings(field, raw))[0])
                table[facet] = values
            table["speaker"] = self._speakers_per_event(table["speaker"], table["event"])
            self._facet_docs = table
        return self._facet_docs

    def _speakers_per_event(self, speakers: dict[str, frozenset[int]],
                            events: dict[str, frozenset[int]]) -> dict[str, frozenset[int]]:
        """A name found in several events becomes one value per event, labelled with the
        event: two people may share a name, and no source says that the Daniel Kaplan of one
        event is the one of another. `speaker:"Daniel Kaplan"` still finds both by their
        label's words."""
        labels = self._labels.setdefault("speaker", {})
        event_labels = self._labels.get("event", {})
        out: dict[str, frozenset[int]] = {}
        for value, docs in speakers.items():
            per_event = {pack: docs & event_docs for pack, event_docs in events.items()
                         if docs & event_docs}
            if len(per_event) < 2:
                out[value] = docs
                continue
            name = labels.get(value, value)
            for pack, pack_docs in per_event.items():
                key = f"{value} @{pack}"
                out[key] = pack_docs
                labels[key] = f"{name} ({event_labels.get(pack, pack)})"
        return out

    def _label(self, facet: str, value: str) -> str:
        return self._labels.get(facet, {}).get(value, value)

    def _filter_docs(self, facet: str, wanted: set[str]) -> frozenset[int]:
        """Documents having any of the `wanted` values, compared folded, by value or label
        (`event:nec-2025`, `event:"Numérique en Commun[s]"`); for names, events and themes a
        value's words are enough (`speaker:cattan`, `event:numerique`)."""
        values = self._facet_value_docs().get(facet, {})
        by_words = facet in ("event", "speaker", "theme")
        docs: set[int] = set()
        for want in wanted:
            exact = keyword_value(want)
            want_words = set(querylang.split_words(fold(want)))
            for value, value_docs in values.items():
                label = self._label(facet, value)
                if exact in (value, keyword_value(label)) or (
                        by_words and want_words
                        and want_words <= set(querylang.split_words(fold(label)))):
                    docs |= value_docs
        return frozenset(docs)

    def _facet_counts(self, base: frozenset[int], allowed: dict[str, frozenset[int]]
                      ) -> dict[str, tuple[FacetCount, ...]]:
        """Counts per facet value, each facet ignoring its own filter (so its other values
        stay visible for choosing more) but applying the others.

        A facet with more values than matched documents (speakers: one value per name and
        event) is counted document by document; only the values shown get their label."""
        out = {}
        for facet, values in self._facet_value_docs().items():
            docs = base
            for other, other_docs in allowed.items():
                if other != facet:
                    docs = docs & other_docs
            if not docs:
                out[facet] = ()
                continue
            if len(docs) < len(values):
                per_doc = self._facet_values_of_docs()[facet]
                tally: Counter[str] = Counter()
                for docnum in docs:
                    tally.update(per_doc.get(docnum, ()))
                counts = list(tally.items())
            else:
                counts = [(value, n) for value, value_docs in values.items()
                          if (n := len(docs & value_docs))]
            if len(counts) > MAX_FACET_VALUES:
                # Ties at the cut are ordered by label below: keep every value of that count.
                least = heapq.nlargest(MAX_FACET_VALUES, (n for _v, n in counts))[-1]
                counts = [(v, n) for v, n in counts if n >= least]
            shown = [FacetCount(value, self._label(facet, value), n) for value, n in counts]
            shown.sort(key=lambda c: (-c.count, c.label.casefold()))
            out[facet] = tuple(shown[:MAX_FACET_VALUES])
        return out

    def _facet_values_of_docs(self) -> dict[str, dict[int, tuple[str, ...]]]:
        """Facet -> document -> its values: the facet table turned around, made once."""
        if self._doc_facets is None:
            table: dict[str, dict[int, tuple[str, ...]]] = {}
            for facet, values in self._facet_value_docs().items():
                per_doc: dict[int, list[str]] = {}
                for value, docs in values.items():
                    for docnum in docs:
                        per_doc.setdefault(docnum, []).append(value)
                table[facet] = {d: tuple(v) for d, v in per_doc.items()}
            self._doc_facets = table
        return self._doc_facets

    # --- snippets, corrections --------------------------------------------------------------

    @staticmethod
    def _marker(parsed: ParsedQuery) -> Marker:
        """Marks the query's words where they are, and a phrase only where it is whole."""
        words: list[Word] = []
        phrases: list[tuple[str, ...]] = []
        for clause in parsed.required:
            for c in clause.clauses if isinstance(clause, AnyOf) else (clause,):
                if isinstance(c, Phrase):
                    phrases.append(c.words)
                else:
                    words.append(c)
        return Marker(words=[w.text for w in words if not w.prefix],
                      prefixes=[fold(w.text) for w in words
                                if w.prefix and len(fold(w.text)) >= MIN_PREFIX],
                      phrases=phrases)

    @staticmethod
    def _field_line(stored: dict, marker: Marker) -> str:
        """"Theme: <b class="hit">inclusion numérique</b>": the themes, tags or speakers of a
        resource that hold what matched, when its text does not; the snippet then shows why
        the resource was found."""
        for field in ("tags", "names"):
            values = (stored.get(field) or "").split(f" {VALUE_SEPARATOR} ")
            marked = [m for m in (make_snippet(v, marker) for v in values if v) if HIT_MARK in m]
            if not marked:
                continue
            joined = " · ".join(marked)
            if field == "names":
                return html.escape(_("Speaker: {name}")).format(name=joined)
            if stored.get("type") == ResourceType.KIT.value:
                return html.escape(_("Tag: {tag}")).format(tag=joined)
            return html.escape(_("Theme: {theme}")).format(theme=joined)
        return ""

    def _known(self, folded: str, prefix: bool) -> bool:
        reader = self._searcher.reader()
        if prefix:
            return any(t in reader for t in self._prefix_terms(folded)[:1])
        return ("words", folded) in reader

    def _vocabulary(self) -> Vocabulary:
        """The whole words of the index, read on the first misspelt word."""
        if self._words is None:
            reader = self._searcher.reader()
            self._words = Vocabulary(
                t.decode("utf-8") if isinstance(t, bytes) else t for t in reader.lexicon("words"))
        return self._words

    def _near_words(self, folded: str) -> list[tuple[int, str]]:
        """Real words of the index close to `folded` (same first letter), as (distance,
        word), closest then most frequent first: one edit away through the vocabulary's
        table, else up to two edits through Whoosh's spelling suggestions."""

        def find() -> list[tuple[int, str]]:
            reader = self._searcher.reader()
            near = self._vocabulary().near(folded)
            if not near:
                near = [(edit_distance(folded, w), w) for w in self._searcher.suggest(
                    "words", folded, limit=MAX_EXPANSION, maxdist=2, prefix=1) if w != folded]
            ranked = sorted((dist, -reader.doc_frequency("words", w), w) for dist, w in near)
            return [(dist, w) for dist, _freq, w in ranked]

        return self._near_cache.get_or(folded, find)

    def _suggestion(self, text: str, parsed: ParsedQuery) -> str | None:
        """The query with each unknown word replaced by the closest real word, if any."""
        corrected = text
        changed = False
        for word in querylang.positive_words(parsed):
            folded = fold(word.text)
            if len(folded) < 3 or folded in ALL_STOP_WORDS or self._known(folded, word.prefix):
                continue
            near = self._near_words(folded)
            if near:
                written = _with_case_of(word.text, self._written_form(near[0][1]))
                corrected = corrected.replace(word.text, written, 1)
                changed = True
        return corrected if changed else None

    def _written_form(self, folded: str) -> str:
        """How the content writes the index word `folded` ("souverainete" -> "souveraineté"):
        its most frequent form in a few documents that hold it, else in the facet labels."""
        forms: Counter[str] = Counter()

        def written(text: str):
            # Folding keeps a word's length but for a ligature (œ -> oe): a cheap first sieve.
            return (w for w in words(text)
                    if abs(len(w) - len(folded)) <= 1 and _fold_cached(w.lower()) == folded)

        for docnum in sorted(self._ranker.docs("words", folded))[:SPELLING_SAMPLE_DOCS]:
            stored = self._searcher.stored_fields(docnum)
            # A cue's stored title is its replay's: counted with the replay, not per cue.
            title = "" if stored.get("type") == ResourceType.CUE.value else stored.get("title")
            forms.update(written(title or ""))
            forms.update(written(stored.get("text") or ""))
        if not forms:
            for labels in self._labels.values():
                for label in labels.values():
                    forms.update(written(label))
        if not forms:
            return folded
        # The lowercase form of the most frequent spelling ("Souveraineté" at a sentence's
        # start is "souveraineté"), with accents on a tie ("theatre" in English texts); the
        # typed word's case is applied after.
        lowered: Counter[str] = Counter()
        for form, n in forms.items():
            lowered[form.lower()] += n
        return max(lowered, key=lambda form: (lowered[form], form != fold(form), form))

    def _fuzzy(self, parsed: ParsedQuery, allowed: dict[str, frozenset[int]],
               size: int) -> tuple[Hit, ...]:
        """Hits for the query's words within one or two typing mistakes (`strasbourgh`).
        Those holding the suggested words come first, ranked as the corrected query ranks
        them ("souverenete" as "souveraineté"); then those holding other close words."""
        corrected: list[_Compiled] = []
        close: list[frozenset[int]] = []
        close_scorers: list[tuple[str, str]] = []
        expanded: set[str] = set()
        suggested: list[str] = []
        for word in querylang.positive_words(parsed):
            folded = fold(word.text)
            if len(folded) < 3 or folded in ALL_STOP_WORDS:
                continue
            maxdist = 1 if len(folded) < 6 else 2
            near = [term for dist, term in self._near_words(folded) if dist <= maxdist]
            if self._known(folded, False):
                near.insert(0, folded)  # a known word stands for itself first
            near = near[:MAX_EXPANSION]
            best = self._word(Word(near[0])) if near else None
            if best is None:
                return ()
            others = self._any_of([("words", t) for t in near])
            corrected.append(best)
            suggested.append(near[0])
            close.append(best.docs | others.docs)
            close_scorers.extend(others.scorers)
            expanded.update(near)
        if not corrected:
            return ()
        first = frozenset.intersection(*(c.docs for c in corrected))
        rest = frozenset.intersection(*close) - first
        for allowed_docs in allowed.values():
            first, rest = first & allowed_docs, rest & allowed_docs
        top = self._ranker.top(first, tuple(s for c in corrected for s in c.scorers), size)
        if len(top) < size:
            top += self._ranker.top(rest, close_scorers, size - len(top))
        marker = Marker(words=suggested, exact=expanded)
        return tuple(self._hit(docnum, score, marker) for docnum, score in top)


def _with_case_of(typed: str, word: str) -> str:
    """`word` in the case the person typed: "Souverainete" -> "Souveraineté"."""
    if len(typed) > 1 and typed.isupper():
        return word.upper()
    if typed[:1].isupper():
        return word[:1].upper() + word[1:]
    return word

