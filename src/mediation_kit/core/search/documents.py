"""Pack records -> index documents: one per summary, replay, transcript cue and kit asset.

Plain dicts keyed by schema field name; nothing here knows Whoosh. Text goes into the fields
of its language (`title_fr`, `body_en`...), so each is stemmed by the right stemmer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from mediation_kit.core.model import KitAsset, Pack, Person, Replay, ResourceType, Summary
from mediation_kit.core.search.analysis import distinct_words, keyword_value
from mediation_kit.core.search.schema import (
    FALLBACK_LANGUAGE,
    TEXT_LANGUAGES,
    body_field,
    title_field,
)

# Bounds that hold whatever a record's text (the loader's size limits aside): Whoosh analyses,
# stems and stores every term whole, and a 50 MB "word" made a build of minutes and gigabytes.
MAX_INDEXED_CHARS = 2_000_000  # of one resource's text, searched
MAX_WORD_CHARS = 64  # a longer run of letters (a pasted blob) is no word anyone types
# Snippets scan the stored text up to snippets.SCAN_CHARS; one more character tells them
# the text goes on (they then end with "…").
STORED_CHARS = 200_001
_long_word = re.compile(r"\w{%d,}" % (MAX_WORD_CHARS + 1))

# Line starts (headings, list items, quotes), emphasis marks, table rules and cell borders,
# and links or images.
_markdown_marks = re.compile(
    r"(^|\n)\s{0,3}(#{1,6}|[-*+]|\d+\.|>)\s+"
    r"|[*_`]+"
    r"|[ \t]*\|[ \t|:-]*"  # within a line: a table row's end must not hide the next heading
    r"|!?\[([^\]]*)\]\([^)]*\)")


def plain_text(markdown: str) -> str:
    """Markdown without its marks, for snippets: headings, emphasis, links become text."""

    def repl(m: re.Match) -> str:
        if m.group(3) is not None:
            return m.group(3)
        if m.group(0).lstrip().startswith("|"):
            return " "
        return m.group(1) or ""

    return " ".join(_markdown_marks.sub(repl, markdown).split())


def indexable(text: str) -> str:
    """`text` as it is searched: its first MAX_INDEXED_CHARS, without over-long words."""
    return _long_word.sub(" ", text[:MAX_INDEXED_CHARS])


def stored(text: str) -> str:
    """`text` as it is kept in the index for snippets."""
    return text[:STORED_CHARS]


def text_language(lang: str | None, pack: Pack) -> str:
    lang = (lang or (pack.languages[0] if pack.languages else FALLBACK_LANGUAGE)).lower()
    lang = lang.split("-")[0].split("_")[0]
    return lang if lang in TEXT_LANGUAGES else FALLBACK_LANGUAGE


def _names(people: Iterable[Person]) -> list[str]:
    return [p.name for p in people if p.name.strip()]


def _keywords(values: Iterable[str]) -> str:
    return ",".join(v for v in (keyword_value(x) for x in values) if v)


def _stored_day(day, pack: Pack) -> str | None:
    """ISO date, or only YYYY-MM when the pack's sources give no more than the month."""
    if day is None:
        return None
    return day.strftime("%Y-%m") if pack.event.date_precision == "month" else day.isoformat()


def _stored_event_dates(pack: Pack) -> str:
    """The event's dates, stored for a resource whose own day is not known: one day or month
    when the event holds in one, else "start/end" (api.stored_dates reads them back)."""
    start, end = (_stored_day(day, pack) for day in (pack.event.start, pack.event.end))
    return start if start == end else f"{start}/{end}"


def _base(pack: Pack, key: str, kind: ResourceType, lang: str | None, day) -> dict:
    year = day.year if day is not None else pack.event.year
    return {
        "key": key,
        "type": kind.value,
        "pack": pack.id,
        "year": str(year),
        "lang": (lang or "").lower(),
        "event_name": pack.event.name,
        "date": _stored_day(day, pack),
    }


def _searchable(doc: dict, lang: str, title: str, body: str, names: list[str],
                tags: list[str]) -> dict:
    # Empty fields are left out, not written as "": Whoosh analyses and stores every field
    # given, and a transcript of thousands of cues gives mostly empty titles, names and tags.
    title, body = indexable(title), indexable(body)
    if title:
        doc[title_field(lang)] = title
    doc[body_field(lang)] = body
    if names:
        doc["names"] = " ; ".join(names)
    if tags:
        doc["tags"] = " ; ".join(tags)
    # Whole words and prefixes only need each word once per document: less to analyse.
    doc["words"] = doc["prefix"] = distinct_words(" ".join([title, body, *names, *tags]))
    return doc


def summary_document(pack: Pack, s: Summary) -> dict:
    doc = _base(pack, s.key, ResourceType.SUMMARY, s.language, s.date)
    if s.date is None:
        doc["date"] = _stored_event_dates(pack)
    body = plain_text(s.body[:MAX_INDEXED_CHARS])
    doc.update(title=s.title, text=stored(body), speaker=_keywords(_names(s.speakers)),
               theme=_keywords(s.themes))
    roles = " ".join(p.role for p in s.speakers if p.role)
    return _searchable(doc, text_language(s.language, pack), s.title, f"{body} {roles}".strip(),
                       _names(s.speakers), list(s.themes))


def replay_document(pack: Pack, r: Replay) -> dict:
    doc = _base(pack, r.key, ResourceType.REPLAY, r.language, r.date)
    chapters = " · ".join(c.title for c in r.chapters)
    shown = " ".join(x for x in (r.description, chapters) if x)
    doc.update(title=r.title, text=stored(shown), speaker=_keywords(_names(r.speakers)),
               theme=_keywords(r.themes))
    return _searchable(doc, text_language(r.language, pack), r.title, shown,
                       _names(r.speakers), list(r.themes))


def cue_documents(pack: Pack, r: Replay) -> Iterator[dict]:
    """A cue is found by its own words only; it inherits its replay's facets and title.
    What every cue of a replay shares is made once, not once a cue."""
    lang = text_language(r.language, pack)
    shared = _base(pack, "", ResourceType.CUE, r.language, r.date)
    shared.update(title=r.title, parent=r.key)
    for facet, value in (("speaker", _keywords(_names(r.speakers))),
                         ("theme", _keywords(r.themes))):
        if value:
            shared[facet] = value
    for cue in r.cues:
        doc = dict(shared, key=r.cue_key(cue), text=stored(cue.text), time=float(cue.start))
        doc[body_field(lang)] = body = indexable(cue.text)
        doc["words"] = doc["prefix"] = distinct_words(body)
        yield doc


def kit_document(pack: Pack, a: KitAsset) -> dict:
    doc = _base(pack, a.key, ResourceType.KIT, a.language, a.date)
    text = plain_text(a.text[:MAX_INDEXED_CHARS])
    shown = " ".join(x for x in (a.caption, text) if x)
    doc.update(title=a.title, text=stored(shown), theme="")
    # The credit is metadata shown beside the file, not searchable words: "Mediation Kit
    # contributors" would otherwise put every kit file on top of a search for "médiation".
    return _searchable(doc, text_language(a.language, pack), a.title, shown, [],
                       [*a.tags, a.kind.value])


def pack_documents(pack: Pack) -> Iterator[dict]:
    for s in pack.summaries:
        yield summary_document(pack, s)
    for r in pack.replays:
        yield replay_document(pack, r)
        yield from cue_documents(pack, r)
    for a in pack.kit:
        yield kit_document(pack, a)


def count_documents(pack: Pack) -> int:
    return len(pack.summaries) + len(pack.kit) + sum(1 + len(r.cues) for r in pack.replays)
