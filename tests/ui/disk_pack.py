"""A small content pack written to disk in the pack format, for tests on the real loader,
the real index build and the real search engine: a French summary and its English
translation, a replay with a transcript (its video is tests/fixtures/media/tiny-talk.mp4),
a press text and an SVG poster."""

from __future__ import annotations

from pathlib import Path

FILES = {
    "pack.toml": """\
format = 1
id = "demo-2025"
version = "1.2.0"
languages = ["fr", "en"]
licence = "CC-BY-SA-4.0"
themes = ["souveraineté numérique", "digital sovereignty"]

[event]
name = "Démo en Commun"
edition = "2025"
start = 2025-10-29
end = 2025-10-30
city = "Strasbourg"
venue = "Palais universitaire"
organisers = ["ANCT"]
""",
    "summaries/ouverture.md": """\
+++
id = "ouverture"
title = "Ouverture des rencontres"
session = "ouverture"
date = 2025-10-29
language = "fr"
speakers = [{ name = "Jean Cattan" }]
themes = ["souveraineté numérique"]
translation = "ouverture-en"
+++

## Ce qui s'est dit

La souveraineté numérique se construit avec les bibliothèques de Strasbourg ; les
médiateurs y prennent part : « ensemble » !
""",
    "summaries/ouverture-en.md": """\
+++
id = "ouverture-en"
title = "Opening of the meeting"
session = "ouverture"
date = 2025-10-29
language = "en"
speakers = [{ name = "Jean Cattan" }]
themes = ["digital sovereignty"]
translation = "ouverture"
+++

## What was said

Digital self-determination is built with the libraries of Strasbourg.
""",
    "replays.toml": """\
[[replay]]
id = "pleniere"
title = "Plénière d'ouverture"
date = 2025-10-29
language = "fr"
session = "ouverture"
speakers = [{ name = "Jean Cattan" }]
duration = "0:04"
transcript = "replays/pleniere.vtt"
video = "tiny-talk.mp4"
""",
    "replays/pleniere.vtt": """\
WEBVTT

00:00:00.000 --> 00:00:01.500
Bonjour à toutes et à tous.

00:00:02.000 --> 00:00:03.500
Parlons de la médiation au quotidien.
""",
    "kit/kit.toml": """\
[[asset]]
id = "communique"
kind = "press-text"
file = "communique.md"
title = "Communiqué de presse"
credit = "ANCT"
licence = "CC-BY-SA-4.0"
language = "fr"

[[asset]]
id = "affiche"
kind = "poster"
file = "affiche.svg"
title = "Affiche des rencontres"
credit = "ANCT"
licence = "CC-BY-SA-4.0"
caption = "L'affiche de l'édition, en rouge."
""",
    "kit/communique.md": "# Communiqué\n\nLes rencontres reviennent à Strasbourg.\n",
    "kit/affiche.svg": """\
<svg xmlns="http://www.w3.org/2000/svg" width="300" height="400" viewBox="0 0 300 400">
<rect width="300" height="400" fill="#c0392b"/>
<circle cx="150" cy="160" r="90" fill="#f1c40f"/>
</svg>
""",
}


def write_pack(packs_dir: Path) -> Path:
    root = packs_dir / "demo-2025"
    for name, text in FILES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root
