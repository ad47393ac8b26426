"""Which packs are in use: the bundled ones and the imported ones together.

An imported pack with a higher version than the bundled pack of the same id takes its place;
a bundled pack the user hid is left out. Reading this never raises: a damaged store gives the
bundled packs alone, with the reason in `problems`.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path

from mediation_kit.core.build_info import pack_versions
from mediation_kit.core.i18n import _
from mediation_kit.core.packs.manifest import is_valid_version, version_key
from mediation_kit.core.packs.store import ImportedPack, PackStore, StoreState


class Origin(enum.StrEnum):
    BUNDLED = "bundled"
    IMPORTED = "imported"


@dataclass(frozen=True)
class InstalledPack:
    id: str
    version: str
    origin: Origin
    folder: Path
    hidden: bool = False  # a bundled pack hidden by the user
    superseded: bool = False  # another version of the same id is in use
    imported: ImportedPack | None = None


@dataclass
class InstalledPacks:
    packs: list[InstalledPack]  # every pack, hidden and replaced ones included
    state: StoreState
    index_dir: Path | None  # the current state's index; None when nothing was imported
    problems: list[str] = field(default_factory=list)

    @property
    def in_use(self) -> list[InstalledPack]:
        return [p for p in self.packs if not p.hidden and not p.superseded]

    @property
    def folders(self) -> list[Path]:
        """The pack folders the library and the index are made of, by pack id."""
        return sorted((p.folder for p in self.in_use), key=lambda f: f.name)

    def get(self, pack_id: str) -> InstalledPack | None:
        """The pack in use with this id (hidden ones count: an update may show them again)."""
        found = [p for p in self.packs if p.id == pack_id and not p.superseded]
        return found[0] if found else None

    def bundled(self, pack_id: str) -> InstalledPack | None:
        return next((p for p in self.packs if p.id == pack_id and p.origin is Origin.BUNDLED),
                    None)


def newer(a: str, b: str) -> bool:
    """True when version `a` is newer than `b` (an unparsable version is the oldest)."""
    key_a = version_key(a) if is_valid_version(a) else (-1,)
    key_b = version_key(b) if is_valid_version(b) else (-1,)
    return key_a > key_b


def installed_packs(bundled_dir: Path, store: PackStore) -> InstalledPacks:
    state, problems = store.current()
    imported = {}
    for pack_id, entry in state.imported.items():
        folder = store.pack_folder(state, pack_id)
        if (folder / "pack.toml").is_file():
            imported[pack_id] = entry
        else:
            problems.append(_("{folder}: the folder of this imported pack is missing: the "
                              "pack is left out").format(folder=folder))
    packs = []
    for bundled in pack_versions(bundled_dir):
        entry = imported.get(bundled.id)
        packs.append(InstalledPack(
            bundled.id, bundled.version, Origin.BUNDLED, Path(bundled_dir) / bundled.id,
            hidden=bundled.id in state.hidden,
            superseded=entry is not None and newer(entry.version, bundled.version)))
    bundled_versions = {p.id: p.version for p in packs}
    for pack_id, entry in sorted(imported.items()):
        # A newer installer may bring a bundled version above the imported one: it wins.
        superseded = pack_id in bundled_versions and not newer(entry.version,
                                                               bundled_versions[pack_id])
        packs.append(InstalledPack(pack_id, entry.version, Origin.IMPORTED,
                                   store.pack_folder(state, pack_id),
                                   superseded=superseded, imported=entry))
    return InstalledPacks(packs, state, store.index_dir(state), problems)


def default_store() -> PackStore:
    from mediation_kit.core.paths import user_dirs

    return PackStore(user_dirs().data / "packs")


@dataclass(frozen=True)
class ContentSources:
    """What the library and `ensure_index` read: the pack folders in use (or the bundled
    folder, when nothing was imported), the shipped index, and where the index lives."""

    packs: Path | list[Path]
    shipped_index_dir: Path
    index_dir: Path
    problems: tuple[str, ...] = ()


def content_sources(bundled_dir: Path, shipped_index_dir: Path, cache_index_dir: Path,
                    store: PackStore | None = None, clean_up: bool = False) -> ContentSources:
    """At start-up (`clean_up`: the leftovers of killed imports and the previous state are
    removed first). A damaged store gives the bundled packs alone: never a failed start."""
    store = store or default_store()
    try:
        if clean_up:
            store.clean_up()
        installed = installed_packs(bundled_dir, store)
    except OSError as error:  # an unreadable data folder: the bundled packs still work
        return ContentSources(bundled_dir, shipped_index_dir, cache_index_dir,
                              (_("{path} cannot be read ({error}): the imported packs are not "
                                 "used").format(path=store.root,
                                                error=getattr(error, "strerror", None) or error),))
    if installed.index_dir is None:
        return ContentSources(bundled_dir, shipped_index_dir, cache_index_dir,
                              tuple(installed.problems))
    return ContentSources(installed.folders, shipped_index_dir, installed.index_dir,
                          tuple(installed.problems))


def default_content_sources(clean_up: bool = False) -> ContentSources:
    from mediation_kit.core import paths

    return content_sources(paths.packs_dir(), paths.shipped_index_dir(),
                           paths.user_dirs().index_cache, clean_up=clean_up)
