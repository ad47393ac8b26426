"""A small bilingual corpus built from model records, and an index of it.

Two events in two years (Numérique en Commun[s] 2025 in Strasbourg, an English-language
"Digital Commons Day" 2024), with summaries, replays with transcript cues, and kit assets.
The words the tests look for are placed on purpose; see each record.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

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


def _cues(*texts: str, step: float = 30.0) -> tuple[TranscriptCue, ...]:
    return tuple(TranscriptCue(i, i * step, i * step + step - 1, t) for i, t in enumerate(texts))


def make_nec_pack(root: Path) -> Pack:
    """French pack: Numérique en Commun[s] 2025, Strasbourg."""
    pid = "nec-2025"
    day = date(2025, 10, 29)
    event = Event("Numérique en Commun[s]", "2025, 8e édition nationale", day, date(2025, 10, 30),
                  "Strasbourg", "Palais universitaire", ("ANCT", "Ville de Strasbourg"))
    summaries = (
        Summary(pid, "ouverture", "Ouverture : le numérique en commun à Strasbourg", "ouverture",
                day, "fr",
                "## Ce qui s'est dit\n\nLa médiation numérique est un **événement** collectif. "
                "Les territoires construisent la souveraineté numérique ensemble, avec les "
                "bibliothèques et les tiers-lieux.",
                root / "summaries/ouverture.md",
                speakers=(Person("Jean Cattan"), Person("Caroline Zorn", "adjointe")),
                themes=("souveraineté numérique", "inclusion numérique")),
        Summary(pid, "theatre-forum", "Atelier théâtre-forum", "theatre", day, "fr",
                "Un atelier de théâtre pour parler des usages d'Internet en famille. "
                "Les souverainetés locales et les communs y ont été discutés.",
                root / "summaries/theatre-forum.md",
                speakers=(Person("Élodie Müller"),), themes=("culture",)),
        Summary(pid, "parlement", "Le Parlement et les communs", "parlement", day, "fr",
                "Les élus du Parlement européen ont présenté la régulation des plateformes.",
                root / "summaries/parlement.md", speakers=(Person("Jean Cattan"),),
                themes=("régulation",)),
    )
    replays = (
        Replay(pid, "pleniere-espoir", "Plénière : les raisons d'espérer", day, "fr",
               session="pleniere-espoir",
               speakers=(Person("Jean Cattan"), Person("Daniel Kaplan")),
               themes=("espoir",), description="La plénière de clôture.",
               chapters=(Chapter(0.0, "Ouverture"), Chapter(600.0, "Débat")),
               cues=_cues("Bonjour à toutes et à tous, bienvenue à Strasbourg.",
                          "Parlons des logiciels libres dans les médiathèques.",
                          "L'inclusion numérique passe par les bibliothèques.",
                          "Merci beaucoup, à demain.")),
    )
    kit = (
        KitAsset(pid, "affiche-nec-2025", KitKind.POSTER, root / "kit/affiche.svg",
                 "Affiche de Numérique en Commun[s] 2025", "Mediation Kit contributors",
                 "CC-BY-SA-4.0", language="fr", caption="L'affiche officielle, en couleurs.",
                 tags=("affiche", "Strasbourg"), date=day),
        KitAsset(pid, "photo-palais", KitKind.PHOTO, root / "kit/palais.jpg",
                 "Le Palais universitaire", "Photographe inconnu", "CC-BY-4.0",
                 caption="La façade du palais au matin.", tags=("bâtiment",)),
        KitAsset(pid, "communique", KitKind.PRESS_TEXT, root / "kit/communique.md",
                 "Communiqué de presse", "ANCT", "CC-BY-SA-4.0", language="fr",
                 text="# Communiqué\n\nL'événement national de la médiation numérique "
                      "revient à Strasbourg <b>cette année</b> & accueille 2 000 personnes."),
    )
    return Pack(pid, "1.0.0", 1, ("fr",), "CC-BY-SA-4.0", event, root, summaries, replays, kit,
                themes=("souveraineté numérique",))


def make_dcd_pack(root: Path) -> Pack:
    """English pack: Digital Commons Day 2024, Lyon (with one French summary)."""
    pid = "dcd-2024"
    day = date(2024, 5, 14)
    event = Event("Digital Commons Day", "2024", day, day, "Lyon", "La Sucrière", ("Commons Lab",))
    summaries = (
        Summary(pid, "keynote", "Keynote: libraries as digital commons", "keynote", day, "en",
                "Libraries are building shared infrastructures. Running workshops for "
                "communities, the speakers ran many events about sovereignty.",
                root / "summaries/keynote.md", speakers=(Person("Ada Lovelace"),),
                themes=("libraries",), translation="keynote-fr"),
        Summary(pid, "keynote-fr", "Conférence : les bibliothèques comme communs", "keynote",
                day, "fr",
                "Les bibliothèques construisent des infrastructures partagées.",
                root / "summaries/keynote-fr.md", speakers=(Person("Ada Lovelace"),),
                themes=("bibliothèques",), translation="keynote"),
    )
    replays = (
        Replay(pid, "panel", "Panel: theatre and technology", day, "en",
               speakers=(Person("Grace Hopper"),), themes=("culture",),
               cues=_cues("Welcome everyone to this panel.",
                          "Theatre companies are running digital workshops.",
                          "Thank you very much."), description="A panel discussion."),
    )
    kit = (
        KitAsset(pid, "logo", KitKind.LOGO, root / "kit/logo.svg", "Digital Commons Day logo",
                 "Commons Lab", "CC0-1.0", tags=("logo",)),
    )
    return Pack(pid, "1.0.0", 1, ("en", "fr"), "CC-BY-4.0", event, root, summaries, replays,
                kit)


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> list[Pack]:
    root = tmp_path_factory.mktemp("packs")
    return [make_nec_pack(root / "nec-2025"), make_dcd_pack(root / "dcd-2024")]


@pytest.fixture(scope="session")
def index_dir(corpus, tmp_path_factory) -> Path:
    from mediation_kit.core.search.index import build_index

    out = tmp_path_factory.mktemp("index") / "index"
    build_index(corpus, out, fingerprint="test")
    return out


@pytest.fixture(scope="session")
def engine(index_dir):
    from mediation_kit.core.search.engine import SearchEngine

    eng = SearchEngine(index_dir)
    eng.raise_errors = True
    yield eng
    eng.close()


@pytest.fixture
def search(engine):
    """search("text", type={"cue"}, as_you_type=False) -> SearchResults."""
    from mediation_kit.core.search.api import SearchQuery

    def run(text: str, as_you_type: bool = True, page: int = 1, page_size: int = 20, **filters):
        return engine.search(SearchQuery(
            text, filters={k: frozenset(v) for k, v in filters.items()}, page=page,
            page_size=page_size, as_you_type=as_you_type))

    return run


# --- a pack on disk, for the command line (through the real pack loader) --------------------

DISK_PACK_FILES = {
    "pack.toml": """\
format = 1
id = "atelier-2024"
version = "1.0.0"
languages = ["fr"]
licence = "CC-BY-SA-4.0"

[event]
name = "Rencontres de la médiation"
edition = "2024"
start = 2024-06-12
end = 2024-06-12
city = "Strasbourg"
venue = "Médiathèque Malraux"
organisers = ["Réseau des médiathèques"]
""",
    "summaries/theatre.md": """\
+++
id = "theatre"
title = "Atelier théâtre et numérique"
session = "theatre"
date = 2024-06-12
language = "fr"
speakers = [{ name = "Élodie Müller" }]
themes = ["culture"]
+++

Un atelier de **théâtre** sur la souveraineté numérique, à Strasbourg.
""",
    "replays.toml": """\
[[replay]]
id = "pleniere"
title = "Plénière d'ouverture"
date = 2024-06-12
language = "fr"
speakers = [{ name = "Jean Cattan" }]
transcript = "replays/pleniere.vtt"
""",
    "replays/pleniere.vtt": """\
WEBVTT

00:00:01.000 --> 00:00:05.000
Bonjour et bienvenue à la médiathèque.

00:12:34.000 --> 00:12:40.000
Parlons des logiciels libres dans les bibliothèques.
""",
    "kit/kit.toml": """\
[[asset]]
id = "affiche"
kind = "poster"
file = "affiche.svg"
title = "Affiche des Rencontres"
credit = "Mediation Kit contributors"
licence = "CC-BY-SA-4.0"
language = "fr"
tags = ["affiche", "Strasbourg"]
""",
    "kit/affiche.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>\n',
}


def write_disk_pack(packs_dir: Path) -> Path:
    """Writes the small pack "atelier-2024" under `packs_dir`; returns its folder."""
    root = packs_dir / "atelier-2024"
    for name, text in DISK_PACK_FILES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def disk_pack():
    return write_disk_pack
