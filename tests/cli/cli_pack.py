"""A small pack written to disk for the command-line tests, through the real pack loader.

Its summary's body carries text a hostile or careless pack could hold: an escape sequence that
clears the screen, a bell, a right-to-left override and a carriage return.
"""

from __future__ import annotations

from pathlib import Path

# What the summary body holds, between ordinary words.
CLEAR_SCREEN = "\x1b[2J"
BELL = "\x07"
RIGHT_TO_LEFT = "\u202e"

PACK_FILES = {
    "pack.toml": """\
format = 1
id = "atelier-2024"
version = "1.0.0"
languages = ["fr"]
licence = "CC-BY-SA-4.0"
themes = ["culture", "inclusion numérique"]

[event]
name = "Rencontres de la médiation"
edition = "2024"
start = 2024-06-12
end = 2024-06-12
city = "Strasbourg"
venue = "Médiathèque Malraux"
organisers = ["Réseau des médiathèques"]
""",
    "summaries/theatre.md": f"""\
+++
id = "theatre"
title = "Atelier théâtre et numérique"
session = "theatre"
date = 2024-06-12
language = "fr"
speakers = [{{ name = "Élodie Müller" }}]
themes = ["culture", "inclusion numérique"]
+++

Un atelier de **théâtre** sur la souveraineté numérique, à Strasbourg. Le public a
écrit {CLEAR_SCREEN} effacé {BELL} puis {RIGHT_TO_LEFT}inversé et l'« inclusion numérique »\r
avec des bibliothécaires.
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


def write_pack(packs_dir: Path, files: dict[str, str] | None = None) -> Path:
    """Writes the pack "atelier-2024" under `packs_dir`; returns its folder."""
    root = packs_dir / "atelier-2024"
    for name, text in (files or PACK_FILES).items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    return root
