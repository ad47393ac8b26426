"""Every loaded pack, with the lookups the search and the UI need, built once."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from mediation_kit.core.i18n import _
from mediation_kit.core.model import (
    KitAsset, Pack, Replay, ResourceType, Summary, TranscriptCue, resource_key, split_key)
from mediation_kit.core.packs.files import reason
from mediation_kit.core.packs.loader import PACK_FILE, load_pack
from mediation_kit.core.packs.problems import Problem

Record = Summary | Replay | KitAsset


class Library:
    """The packs, newest event first, and their records by resource key."""

    def __init__(self, packs: tuple[Pack, ...] | list[Pack] = ()) -> None:
        self.packs: tuple[Pack, ...] = tuple(
            sorted(packs, key=lambda p: (p.event.start, p.id), reverse=True))
        self._packs = {pack.id: pack for pack in self.packs}
        self._records: dict[str, Record] = {}
        self._by_session: dict[tuple[str, str], list[Record]] = {}
        self._summaries: dict[tuple[str, str], Summary] = {}
        for record in self.all_resources():
            self._records[record.key] = record
            if record.session:
                self._by_session.setdefault((record.pack_id, record.session), []).append(record)
            if isinstance(record, Summary):
                self._summaries[(record.pack_id, record.id)] = record

    @classmethod
    def load(cls, packs_dir: Path) -> tuple[Library, list[Problem]]:
        result = load_packs(packs_dir)
        return result.library, result.problems

    def __len__(self) -> int:
        return len(self.packs)

    def pack(self, pack_id: str) -> Pack | None:
        return self._packs.get(pack_id)

    def all_resources(self) -> Iterator[Record]:
        """Every summary, replay and kit asset, pack by pack."""
        for pack in self.packs:
            yield from pack.summaries
            yield from pack.replays
            yield from pack.kit

    def get(self, key: str) -> Record | tuple[Replay, TranscriptCue] | None:
        """The record for a resource key; for a cue key, (replay, cue). None if unknown."""
        record = self._records.get(key)
        if record is not None:
            return record
        try:
            pack_id, kind, local_id = split_key(key)
        except ValueError:
            return None
        if kind is not ResourceType.CUE:
            return None
        replay_id, _sep, index = local_id.rpartition("#")
        replay = self._records.get(resource_key(pack_id, ResourceType.REPLAY, replay_id))
        if not isinstance(replay, Replay) or not index.isdigit():
            return None
        position = int(index)
        if position >= len(replay.cues) or replay.cues[position].index != position:
            return None
        return replay, replay.cues[position]

    def related(self, record: Record) -> list[Record]:
        """The other records of the same pack and session: summaries, replays, kit assets."""
        if not record.session:
            return []
        same = self._by_session.get((record.pack_id, record.session), [])
        return [other for other in same if other.key != record.key]

    def summaries_for(self, session: str, pack_id: str | None = None) -> list[Summary]:
        """The summaries of a session (in every language), in one pack or in all."""
        if pack_id is not None:
            records = self._by_session.get((pack_id, session), [])
        else:
            records = [r for (_pack, s), rs in self._by_session.items() if s == session
                       for r in rs]
        return [record for record in records if isinstance(record, Summary)]

    def translation(self, summary: Summary) -> Summary | None:
        if summary.translation is None:
            return None
        return self._summaries.get((summary.pack_id, summary.translation))


@dataclass
class LibraryLoadResult:
    """The library of the packs that loaded, and every problem found in the folder.
    Iterating it gives the loaded packs (`for pack in load_packs(folder)`)."""

    library: Library
    problems: list[Problem] = field(default_factory=list)
    # The problems that cost a whole pack (it is not in the library), for commands and
    # windows that must say which packs are missing and why.
    left_out: list[Problem] = field(default_factory=list)

    @property
    def packs(self) -> tuple[Pack, ...]:
        return self.library.packs

    def __iter__(self) -> Iterator[Pack]:
        return iter(self.library.packs)


def pack_folders(packs_dir: Path) -> list[Path]:
    """The folders in `packs_dir`, by name, hidden ones (`.git`) left out: each should be a
    pack, and one that is not (no pack.toml, cannot be read) is named as a problem."""
    folders = []
    with os.scandir(packs_dir) as listing:
        for entry in listing:
            if entry.name.startswith("."):
                continue
            try:
                is_folder = entry.is_dir()
            except OSError:
                is_folder = True  # cannot tell: loading it names the problem
            if is_folder:
                folders.append(Path(packs_dir) / entry.name)
    return sorted(folders)


def load_packs(packs_dir: Path) -> LibraryLoadResult:
    """Loads every pack under `packs_dir`; a pack with problems is still loaded when its
    pack.toml is usable (its wrong records are left out), and its problems are reported."""
    packs_dir = Path(packs_dir)
    if not packs_dir.is_dir():
        problem = Problem(packs_dir.as_posix(), None, _("packs folder not found"))
        return LibraryLoadResult(Library(), [problem])
    try:
        folders = pack_folders(packs_dir)
    except OSError as error:
        problem = Problem(packs_dir.as_posix(), None, _(
            "the packs folder cannot be read ({reason})").format(reason=reason(error)))
        return LibraryLoadResult(Library(), [problem])
    return load_pack_folders(folders)


def load_pack_folders(folders: Iterable[Path]) -> LibraryLoadResult:
    """Loads the given pack folders (bundled and imported packs together), as load_packs."""
    packs: dict[str, Pack] = {}
    problems: list[Problem] = []
    left_out: list[Problem] = []
    for folder in folders:
        result = load_pack(folder)
        problems.extend(result.problems)
        pack = result.pack
        if pack is None:
            left_out.extend(result.problems)
            continue
        if pack.id in packs:
            kept, dropped = packs[pack.id], pack
            # The pack in the folder of its own name is the one its id means: another folder
            # claiming the same id (a copy, a typo) must not push it out.
            if kept.root.name != kept.id and pack.root.name == pack.id:
                kept, dropped = pack, kept
            problem = Problem(f"{dropped.root.name}/{PACK_FILE}", None, _(
                'pack id "{id}" is already used by the pack in "{other}": this one is left '
                'out').format(id=pack.id, other=kept.root.name))
            problems.append(problem)
            left_out.append(problem)
            packs[pack.id] = kept
            continue
        packs[pack.id] = pack
    return LibraryLoadResult(Library(list(packs.values())), problems, left_out)
