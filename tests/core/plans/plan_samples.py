"""A small pack written on disk in two versions, and a plan over it, for the plan tests."""

from __future__ import annotations

from pathlib import Path

PACK_TOML = """\
format = 1
id = "demo-2025"
version = "{version}"
languages = ["fr"]
licence = "CC-BY-SA-4.0"

[event]
name = "Démo"
edition = "2025"
start = 2025-10-29
end = 2025-10-30
city = "Strasbourg"
venue = "Palais universitaire"
organisers = ["ANCT"]
"""

SUMMARY = """\
+++
id = "{id}"
title = "{title}"
session = "{id}"
date = 2025-10-29
language = "fr"
+++
{body}
"""

REPLAYS_TOML = """\
[[replay]]
id = "ouverture"
title = "Plénière d'ouverture"
date = 2025-10-29
language = "fr"
description = "La plénière qui ouvre les rencontres."
duration = "1:05:00"
"""

KIT_TOML = """\
[[asset]]
id = "affiche"
kind = "poster"
file = "affiche.svg"
title = "Affiche"
credit = "Collectif Démo"
licence = "CC-BY-SA-4.0"
caption = "L'affiche des rencontres."
"""


def write_pack(root: Path, version: str = "1.0.0", *, with_communs: bool = True,
               communs_body: str = "Les communs numériques, en trois idées.") -> Path:
    """Writes (or rewrites) the demo pack in `root/demo-2025`; returns the packs folder."""
    folder = root / "demo-2025"
    if folder.exists():
        import shutil

        shutil.rmtree(folder)
    files = {
        "pack.toml": PACK_TOML.format(version=version),
        "summaries/ouverture.md": SUMMARY.format(
            id="ouverture", title="Ouverture", body="Le mot d'accueil."),
        "replays.toml": REPLAYS_TOML,
        "kit/kit.toml": KIT_TOML,
        "kit/affiche.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>\n',
    }
    if with_communs:
        files["summaries/communs.md"] = SUMMARY.format(
            id="communs", title="Les communs", body=communs_body)
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root
