"""A small content pack written to disk in the pack format, for tests on the real loader,
the real index build and the real search engine."""

from __future__ import annotations

from pathlib import Path

FILES = {
    "pack.toml": """\
format = 1
id = "demo-2025"
version = "1.2.0"
languages = ["fr", "en"]
licence = "CC-BY-SA-4.0"
themes = ["souveraineté numérique"]

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
+++

## Ce qui s'est dit

La souveraineté numérique se construit avec les bibliothèques de Strasbourg.
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
""",
    "kit/communique.md": "# Communiqué\n\nLes rencontres reviennent à Strasbourg.\n",
}


def write_pack(packs_dir: Path) -> Path:
    root = packs_dir / "demo-2025"
    for name, text in FILES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root
