"""A small in-memory content set and a stand-in search engine for the window's tests.

The real engine is exercised by tests/ui/test_real_content.py; these fakes keep the other
window tests fast and independent of Whoosh.
"""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path

from mediation_kit.core.model import (
    Chapter, Event, KitAsset, KitKind, Pack, Person, Replay, ResourceType, Summary,
    TranscriptCue,
)
from mediation_kit.core.packs import Library
from mediation_kit.core.search.api import FacetCount, Hit, SearchQuery, SearchResults
from mediation_kit.ui.content import Content


def make_pack(root: Path) -> Pack:
    event = Event(name="Numérique en Commun[s]", edition="2025", start=date(2025, 10, 29),
                  end=date(2025, 10, 30), city="Strasbourg", venue="Palais universitaire",
                  organisers=("ANCT",))
    summary = Summary(pack_id="nec-2025", id="ouverture", title="Ouverture des rencontres",
                      session="ouverture", date=date(2025, 10, 29), language="fr",
                      body="## Ce qui s'est dit\n\nLa souveraineté numérique à Strasbourg.",
                      source=root / "ouverture.md", speakers=(Person("Jean Cattan"),),
                      themes=("souveraineté numérique",))
    cues = (TranscriptCue(0, 0.0, 4.0, "Bonjour à toutes et à tous"),
            TranscriptCue(1, 754.0, 760.0, "les communs numériques et la souveraineté"))
    replay = Replay(pack_id="nec-2025", id="pleniere", title="Plénière d'ouverture",
                    date=date(2025, 10, 29), language="fr", session="ouverture",
                    speakers=(Person("Jean Cattan"),), themes=("communs numériques",),
                    description="La plénière d'ouverture.", duration=3600.0,
                    chapters=(Chapter(0.0, "Accueil"),), cues=cues)
    image = root / "affiche.png"
    if not image.exists():
        from PySide6.QtGui import QColor, QImage

        picture = QImage(40, 60, QImage.Format.Format_RGB32)
        picture.fill(QColor("#3366aa"))
        picture.save(str(image))
    kit = KitAsset(pack_id="nec-2025", id="affiche", kind=KitKind.POSTER, file=image,
                   title="Affiche officielle", credit="ANCT", licence="CC-BY-4.0",
                   caption="L'affiche de Strasbourg", date=date(2025, 10, 1))
    return Pack(id="nec-2025", version="1.0.0", format=1, languages=("fr",),
                licence="CC-BY-SA-4.0", event=event, root=root, summaries=(summary,),
                replays=(replay,), kit=(kit,))


class FakeEngine:
    """Matches every query word as a prefix of a word of the title or text."""

    def __init__(self, packs: tuple[Pack, ...]) -> None:
        self.docs: list[tuple[Hit, str, dict[str, str]]] = []
        for pack in packs:
            for s in pack.summaries:
                self._add(pack, s, ResourceType.SUMMARY, s.title + " " + s.body, s.language,
                          s.speakers, s.themes)
            for r in pack.replays:
                self._add(pack, r, ResourceType.REPLAY, r.title + " " + r.description,
                          r.language, r.speakers, r.themes)
                for cue in r.cues:
                    self.docs.append((Hit(key=r.cue_key(cue), type="cue", title=r.title,
                                          pack_id=pack.id, event=pack.event.name, date=r.date,
                                          score=1.0, snippet="", time=cue.start,
                                          parent_key=r.key, language=r.language),
                                      cue.text, {"type": "cue", "event": pack.id,
                                                 "year": str(r.date.year), "lang": r.language}))
            for k in pack.kit:
                self._add(pack, k, ResourceType.KIT, k.title + " " + k.caption, "fr", (), ())
        self.event_names = {p.id: p.event.name for p in packs}

    def _add(self, pack, record, kind, text, lang, speakers, themes) -> None:
        hit = Hit(key=record.key, type=kind.value, title=record.title, pack_id=pack.id,
                  event=pack.event.name, date=record.date, score=1.0, snippet="",
                  language=lang)
        facets = {"type": kind.value, "event": pack.id, "year": str(record.date.year),
                  "lang": lang}
        if speakers:
            facets["speaker"] = speakers[0].name
        if themes:
            facets["theme"] = themes[0]
        self.docs.append((hit, text, facets))

    def search(self, query: SearchQuery) -> SearchResults:
        words = [w.lower() for w in query.text.split()]
        matched = []
        for hit, text, facets in self.docs:
            tokens = re.findall(r"\w+", text.lower())
            if all(any(t.startswith(w) for t in tokens) for w in words):
                matched.append((hit, text, facets))
        facet_counts: dict[str, dict[str, int]] = {}
        for _hit, _text, facets in matched:
            for name, value in facets.items():
                facet_counts.setdefault(name, {}).setdefault(value, 0)
                facet_counts[name][value] += 1
        filtered = [m for m in matched
                    if all(m[2].get(f) in vs for f, vs in query.filters.items())]
        hits = []
        for hit, text, _facets in filtered:
            snippet = html.escape(text[:120])
            for w in words:
                snippet = re.sub(rf"(?i)\b({re.escape(w)}\w*)", r'<b class="hit">\1</b>', snippet)
            hits.append(Hit(**{**hit.__dict__, "snippet": snippet}))
        facets = {name: tuple(FacetCount(v, self.event_names.get(v, v), c)
                              for v, c in sorted(values.items()))
                  for name, values in facet_counts.items()}
        suggestion = None
        fuzzy: tuple[Hit, ...] = ()
        if not hits and "strasbourgh" in words:
            suggestion = "strasbourg"
            fuzzy = tuple(self.search(SearchQuery("strasbourg")).hits)
        return SearchResults(query=query, total=len(hits), hits=tuple(hits), facets=facets,
                             suggestion=suggestion, fuzzy=fuzzy)


def fake_content(root: Path) -> Content:
    pack = make_pack(root)
    return Content(library=Library([pack]), engine=FakeEngine((pack,)))


def fake_loader(root: Path):
    def loader(progress=None, cancel=None) -> Content:
        return fake_content(root)

    return loader
