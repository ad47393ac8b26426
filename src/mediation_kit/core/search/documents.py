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
    doc[title_field(lang)] = title
    doc[body_field(lang)] = body
    doc["names"] = " ; ".join(names)
    doc["tags"] = " ; ".join(tags)
    # Whole words and prefixes only need each word once per document: less to analyse.
    doc["words"] = doc["prefix"] = distinct_words(" ".join([title, body, *names, *tags]))
    return doc


def summary_document(pack: Pack, s: Summary) -> dict:
    doc = _base(pack, s.key, ResourceType.SUMMARY, s.language, s.date)
    body = plain_text(s.body)
    doc.update(title=s.title, text=body, speaker=_keywords(_names(s.speakers)),
               theme=_keywords(s.themes))
    roles = " ".join(p.role for p in s.speakers if p.role)
    return _searchable(doc, text_language(s.language, pack), s.title, f"{body} {roles}".strip(),
                       _names(s.speakers), list(s.themes))


def replay_document(pack: Pack, r: Replay) -> dict:
    doc = _base(pack, r.key, ResourceType.REPLAY, r.language, r.date)
    chapters = " · ".join(c.title for c in r.chapters)
    shown = " ".join(x for x in (r.description, chapters) if x)
    doc.update(title=r.title, text=shown, speaker=_keywords(_names(r.speakers)),
               theme=_keywords(r.themes))
    return _searchable(doc, text_language(r.language, pack), r.title, shown,
                       _names(r.speakers), list(r.themes))


def cue_documents(pack: Pack, r: Replay) -> Iterator[dict]:
    """A cue is found by its own words only; it inherits its replay's facets and title."""
    lang = text_language(r.language, pack)
    speakers = _keywords(_names(r.speakers))
    themes = _keywords(r.themes)
    for cue in r.cues:
        doc = _base(pack, r.cue_key(cue), ResourceType.CUE, r.language, r.date)
        doc.update(title=r.title, text=cue.text, parent=r.key, time=float(cue.start),
                   speaker=speakers, theme=themes)
        yield _searchable(doc, lang, "", cue.text, [], [])


def kit_document(pack: Pack, a: KitAsset) -> dict:
    doc = _base(pack, a.key, ResourceType.KIT, a.language, a.date)
    text = plain_text(a.text)
    shown = " ".join(x for x in (a.caption, text) if x)
    doc.update(title=a.title, text=shown, theme="")
    names = [a.credit] if a.credit.strip() else []
    doc = _searchable(doc, text_language(a.language, pack), a.title, shown, names,
                      [*a.tags, a.kind.value])
    # Who made the file is found, but weighs less than a speaker's name (schema.CREDIT_BOOST).
    doc["credit"] = doc.pop("names", "")
    return doc


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
