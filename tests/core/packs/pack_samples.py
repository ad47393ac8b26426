"""The files of a minimal valid pack, as strings; tests break one thing at a time."""

PACK_TOML = """\
format = 1
id = "demo-2025"
version = "1.0.0"
languages = ["fr", "en"]
licence = "CC-BY-SA-4.0"
themes = ["communs numériques", "espoir"]

[event]
name = "Démo"
edition = "2025"
start = 2025-10-29
end = 2025-10-30
city = "Strasbourg"
venue = "Palais universitaire"
organisers = ["ANCT"]
"""

SUMMARY_FR = """\
+++
id = "ouverture"
title = "Ouverture"
session = "ouverture"
date = 2025-10-29
time = 09:30:00
language = "fr"
speakers = [
  { name = "Jean Cattan" },
  { name = "Caroline Zorn", role = "Vice-présidente" },
]
themes = ["espoir"]
translation = "ouverture-en"
+++

## Ce qui s'est dit

Texte du résumé.
"""

SUMMARY_EN = """\
+++
id = "ouverture-en"
title = "Opening"
session = "ouverture"
date = 2025-10-29
language = "en"
translation = "ouverture"
+++
Summary text.
"""

REPLAYS_TOML = """\
[[replay]]
id = "ouverture"
title = "Plénière d'ouverture"
date = 2025-10-29
language = "fr"
session = "ouverture"
speakers = [{ name = "Jean Cattan" }]
duration = "1:05:00"
transcript = "replays/ouverture.vtt"
video = "demo-ouverture.mp4"

[[replay.chapters]]
start = "0:00"
title = "Accueil"

[[replay.chapters]]
start = "12:30"
title = "Table ronde"

[[replay]]
id = "atelier"
title = "Atelier"
date = 2025-10-30
language = "en"
"""

TRANSCRIPT = """\
WEBVTT

NOTE written by hand

1
00:00:01.000 --> 00:00:04.500
<v Jean Cattan>Bonjour à toutes
et à tous.

00:01:02.000 --> 00:01:07.500 align:start
Les communs &amp; la médiation.
"""

KIT_TOML = """\
[[asset]]
id = "affiche"
kind = "poster"
file = "affiche.svg"
title = "Affiche"
credit = "Mediation Kit contributors"
licence = "CC-BY-SA-4.0"
language = "fr"
tags = ["affiche"]
session = "ouverture"
date = 2025-10-29

[[asset]]
id = "communique"
kind = "press-text"
file = "communique.md"
title = "Communiqué"
credit = "ANCT"
licence = "CC-BY-SA-4.0"
"""

VALID_FILES = {
    "pack.toml": PACK_TOML,
    "summaries/ouverture.md": SUMMARY_FR,
    "summaries/ouverture-en.md": SUMMARY_EN,
    "replays.toml": REPLAYS_TOML,
    "replays/ouverture.vtt": TRANSCRIPT,
    "kit/kit.toml": KIT_TOML,
    "kit/affiche.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>\n',
    "kit/communique.md": "# Communiqué\n\nLa médiation numérique.\n",
}
