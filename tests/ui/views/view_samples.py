"""Records and a small in-memory library for the view tests and the screenshot script.

Built by hand (not read from a pack) so that these tests depend only on core/model.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path

from mediation_kit.core.model import (
    Chapter,
    Event,
    KitAsset,
    KitKind,
    Pack,
    Person,
    Replay,
    Summary,
    TranscriptCue,
)

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
TINY_VIDEO = FIXTURES / "media" / "tiny-talk.mp4"
PACK_ID = "test-2025"

EVENT = Event(
    name="Numérique en Commun[s]",
    edition="2025, 8e édition nationale",
    start=date(2025, 10, 29),
    end=date(2025, 10, 30),
    city="Strasbourg",
    venue="Palais universitaire",
    organisers=("ANCT",),
)

SUMMARY_BODY_FR = """\
## Ce qui s'est dit

La plénière a posé une question simple : comment la **médiation numérique** peut-elle
rester un bien commun ? Les intervenants ont rappelé que l'inclusion numérique passe
par des lieux, des personnes et du temps.

- Des communs numériques pour les bibliothèques
- Une souveraineté numérique choisie, pas subie

![Photo de la salle](https://example.org/salle.jpg)

Plus d'informations sur [le site de l'événement](https://example.org/nec).
"""

SUMMARY_BODY_EN = """\
## What was said

The plenary asked a simple question: how can **digital mediation** remain a commons?
Speakers recalled that digital inclusion needs places, people and time.
"""


def summary_fr(root: Path) -> Summary:
    return Summary(
        pack_id=PACK_ID, id="pleniere-espoir", title="Les raisons d'espérer : plénière",
        session="pleniere-espoir", date=date(2025, 10, 29), language="fr",
        body=SUMMARY_BODY_FR, source=root / "summaries" / "pleniere-espoir.md",
        time=time(17, 0),
        speakers=(Person("Jean Cattan", "Conseil national du numérique"),
                  Person("Caroline Zorn")),
        themes=("espoir", "communs numériques"), translation="pleniere-espoir-en")


def summary_en(root: Path) -> Summary:
    return Summary(
        pack_id=PACK_ID, id="pleniere-espoir-en", title="Reasons for hope: plenary",
        session="pleniere-espoir", date=date(2025, 10, 29), language="en",
        body=SUMMARY_BODY_EN, source=root / "summaries" / "pleniere-espoir-en.md",
        time=time(17, 0), speakers=(Person("Jean Cattan"),), themes=("hope",),
        translation="pleniere-espoir")


CUES = (
    TranscriptCue(0, 0.0, 1.0, "Bonjour à toutes et à tous."),
    TranscriptCue(1, 1.0, 2.0, "Parlons de médiation numérique dans les bibliothèques."),
    TranscriptCue(2, 2.0, 3.0, "Les communs sont une réponse."),
    TranscriptCue(3, 3.0, 4.0, "Merci et bonne soirée."),
)


def replay(video_file: str | None = "tiny-talk.mp4", cues=CUES,
           url: str | None = "https://example.org/replay") -> Replay:
    return Replay(
        pack_id=PACK_ID, id="pleniere-espoir", title="Plénière : les raisons d'espérer",
        date=date(2025, 10, 29), language="fr", session="pleniere-espoir",
        speakers=(Person("Jean Cattan"), Person("Daniel Kaplan", "Université Paris 8")),
        description="La plénière de clôture de la première journée.", duration=4.0,
        url=url, chapters=(Chapter(0.0, "Ouverture"), Chapter(2.0, "Les communs")),
        cues=cues, video_file=video_file)


def kit_image(file: Path, kind: KitKind = KitKind.POSTER) -> KitAsset:
    return KitAsset(
        pack_id=PACK_ID, id=file.stem, kind=kind, file=file,
        title="Affiche de Numérique en Commun[s] 2025", credit="Mediation Kit contributors",
        licence="CC-BY-SA-4.0", language="fr", caption="L'affiche officielle de l'édition.",
        tags=("affiche", "Strasbourg"), session="pleniere-espoir", date=date(2025, 10, 29))


def kit_press_text(file: Path) -> KitAsset:
    return KitAsset(
        pack_id=PACK_ID, id="communique", kind=KitKind.PRESS_TEXT, file=file,
        title="Communiqué de presse", credit="ANCT", licence="CC-BY-4.0", language="fr",
        text="# Communiqué\n\nLa **médiation numérique** se donne rendez-vous à Strasbourg.\n")


SVG_POSTER = """<svg xmlns="http://www.w3.org/2000/svg" width="300" height="400">
<rect width="300" height="400" fill="#1b4d89"/><circle cx="150" cy="160" r="90" fill="#ffd54f"/>
<text x="150" y="340" font-size="32" text-anchor="middle" fill="#ffffff">NEC 2025</text></svg>
"""


def write_svg(folder: Path, name: str = "affiche.svg") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(SVG_POSTER, encoding="utf-8")
    return path


def write_png(folder: Path, name: str = "photo.png", width: int = 1600,
              height: int = 1200) -> Path:
    from PySide6.QtGui import QColor, QImage

    folder.mkdir(parents=True, exist_ok=True)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#3a7d44"))
    path = folder / name
    assert image.save(str(path), "PNG")
    return path


@dataclass
class FakeLibrary:
    """The part of core/packs' `Library` the views use, over a fixed list of records."""

    records: list = field(default_factory=list)
    packs: dict = field(default_factory=dict)

    def get(self, key: str):
        return next((r for r in self.records if r.key == key), None)

    def related(self, record):
        session = getattr(record, "session", None)
        return [r for r in self.records
                if session and r is not record and getattr(r, "session", None) == session
                and r.pack_id == record.pack_id]

    def translation(self, summary: Summary):
        return next((r for r in self.records if isinstance(r, Summary)
                     and r.pack_id == summary.pack_id and r.id == summary.translation), None)

    def pack(self, pack_id: str):
        return self.packs.get(pack_id)


def make_pack(root: Path) -> Pack:
    return Pack(id=PACK_ID, version="1.0.0", format=1, languages=("fr", "en"),
                licence="CC-BY-SA-4.0", event=EVENT, root=root)
