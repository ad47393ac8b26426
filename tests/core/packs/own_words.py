"""Finds prose a pack file shares with a source text: runs of words copied without quotes.

The rule, as the tests apply it:

- The pack's readable text is compared: the string values of its TOML files and of each
  summary's front matter, the Markdown bodies of summaries and press texts, the text of SVG
  images. (TOML's own quotes around a value are syntax, not quotation marks.)
- Text between quotation marks is a quotation and is not compared: « … », “ … ” and " … ".
  A quotation mark splits the text, so a run never reaches across a quotation.
- Words are compared without case, accents or punctuation ("L'Événement," = "l evenement").
- A run of MIN_RUN or more words found in a source, in the same order, is a copied passage,
  unless it is made only of names. A word is part of a name when it is written with a capital
  letter or a digit in the pack text, when it is one of a few linking words (et, de, and,
  of…), or when it belongs to a name or title the pack declares in its metadata: the event's
  name, venue, city, organisers and partners, and the names and roles of its speakers. That
  lets "Jean Cattan, Caroline Zorn, Victoire Tuaillon et Daniel Kaplan" or "Agence nationale
  de la cohésion des territoires (ANCT)" through. A session title, like any other quotation,
  goes between quotation marks.
"""

from __future__ import annotations

import re
import tomllib
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from mediation_kit.core.packs import load_pack
from mediation_kit.core.text import fold

MIN_RUN = 8
TEXT_SUFFIXES = frozenset({".toml", ".md", ".svg", ".vtt"})

# Quotation marks and what they enclose; an unclosed mark quotes to the end of the text.
_QUOTED = re.compile(r"«[^»]*(?:»|$)|“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)", re.DOTALL)
_WORD = re.compile(r"\w+")
# Words that may link names in a list or a name with a particle ("Numérique en Commun[s]").
_LINKING = frozenset(
    "et de du des d la le les l en à a au aux and of the for y".split()
)


@dataclass(frozen=True)
class CopiedPassage:
    file: str
    words: str  # the run as written in the pack file

    def __str__(self) -> str:
        return f"{self.file}: {len(words_of(self.words))} words: {' '.join(self.words.split())}"


def words_of(text: str) -> list[str]:
    return [fold(m.group()) for m in _WORD.finditer(text)]


def source_runs(sources: list[str], length: int = MIN_RUN) -> set[tuple[str, ...]]:
    """Every run of `length` words of the source texts, folded."""
    runs: set[tuple[str, ...]] = set()
    for text in sources:
        words = words_of(text)
        runs.update(tuple(words[i:i + length]) for i in range(len(words) - length + 1))
    return runs


def unquoted_parts(text: str) -> list[str]:
    """The text outside quotation marks, split at each quotation."""
    return _QUOTED.split(text)


def _is_name_word(word: str) -> bool:
    return word[0].isupper() or word[0].isdigit() or fold(word) in _LINKING


def _declared_name_positions(folded: list[str], names: list[tuple[str, ...]]) -> set[int]:
    positions: set[int] = set()
    for name in names:
        for i in range(len(folded) - len(name) + 1):
            if tuple(folded[i:i + len(name)]) == name:
                positions.update(range(i, i + len(name)))
    return positions


def copied_runs(text: str, runs: set[tuple[str, ...]], length: int = MIN_RUN,
                names: list[tuple[str, ...]] = ()) -> list[str]:
    """The passages of `text`, outside quotation marks, that share `length` or more words in a
    row with the sources (`runs`, from `source_runs`), names aside (`names`: declared names,
    folded words). Each passage is returned once, as written, however long it is."""
    found: list[str] = []
    for part in unquoted_parts(text):
        matches = list(_WORD.finditer(part))
        folded = [fold(m.group()) for m in matches]
        in_names = _declared_name_positions(folded, list(names))
        covered = [False] * len(matches)
        for i in range(len(matches) - length + 1):
            if tuple(folded[i:i + length]) in runs:
                covered[i:i + length] = [True] * length
        i = 0
        while i < len(matches):
            if not covered[i]:
                i += 1
                continue
            j = i
            while j < len(matches) and covered[j]:
                j += 1
            if not all(k in in_names or _is_name_word(matches[k].group())
                       for k in range(i, j)):
                found.append(part[matches[i].start():matches[j - 1].end()])
            i = j
    return found


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def readable_texts(path: Path) -> list[str]:
    """The texts of a pack file a person reads, without the file format's syntax."""
    if path.suffix not in TEXT_SUFFIXES:
        return []
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".toml":
        return _strings(tomllib.loads(raw))
    if path.suffix == ".md":
        if raw.startswith("+++"):
            _, front, body = raw.split("+++", 2)
            return _strings(tomllib.loads(front)) + [body]
        return [raw]
    if path.suffix == ".svg":
        return [" ".join(text for text in ET.fromstring(raw).itertext() if text.strip())]
    return [raw]  # a WebVTT transcript


def declared_names(pack_root: Path) -> list[tuple[str, ...]]:
    """The names and titles a pack declares in its metadata, as folded words."""
    result = load_pack(pack_root)
    pack = result.pack
    if pack is None:
        return []
    event = pack.event
    texts = [event.name, event.venue, event.city, *event.organisers, *event.partners]
    for record in (*pack.summaries, *pack.replays):
        texts += [part for person in record.speakers for part in (person.name, person.role)]
    # A name's parts count too: "Locaux du groupe Leboncoin" of a venue given with its street.
    parts = [part for text in texts for part in (text, *re.split(r"[,;()]", text))]
    return sorted({tuple(words_of(part)) for part in parts if words_of(part)}, key=len)


def copied_passages(pack_root: Path, sources: list[str]) -> list[CopiedPassage]:
    runs = source_runs(sources)
    names = declared_names(pack_root)
    found: list[CopiedPassage] = []
    for path in sorted(pack_root.rglob("*")):
        if not path.is_file():
            continue
        name = str(path.relative_to(pack_root.parent))
        for text in readable_texts(path):
            found.extend(CopiedPassage(name, run)
                         for run in copied_runs(text, runs, names=names))
    return found
