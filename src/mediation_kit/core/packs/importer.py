"""Importing a pack archive, and removing or hiding a pack: each one new state of the store.

    info = inspect_archive(path, context)           # nothing written in the data folder
    result = import_archive(path, context, allow_unsigned=..., progress=..., cancel=...)
    remove_pack(pack_id, context, hide=False)

An import checks the archive (archive.py), its signer against the trusted keys and the
installed packs (the rules below), then prepares the new state in a staging folder: the
pack's files, checked while copied; the other imported packs, linked; the index in use,
linked and updated for this pack only. `PackStore.commit` then makes it current in one
rename. Any refusal, error or cancel removes the staging folder: nothing is left behind.
"""

from __future__ import annotations

import datetime
import enum
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from mediation_kit.core.i18n import _
from mediation_kit.core.model import Pack
from mediation_kit.core.packs.archive import CheckedArchive, extract_files, open_archive
from mediation_kit.core.packs.diff import PackDiff, diff_packs, plans_citing
from mediation_kit.core.packs.installed import (
    InstalledPack, InstalledPacks, Origin, installed_packs, newer)
from mediation_kit.core.packs.loader import load_pack
from mediation_kit.core.packs.refusal import PackRefused, Refusal
from mediation_kit.core.packs.signing import TrustedKeys, fingerprint
from mediation_kit.core.packs.store import INDEX, PACKS, ImportedPack, PackStore, StoreState
from mediation_kit.core.tasks import CancelToken, ProgressCallback, report

# Room for the index's growth and the file system's blocks, beyond the pack's own size.
_SPACE_MARGIN = 16 << 20


@dataclass(frozen=True)
class PackContext:
    """Where everything is: tests and the bench pass their own folders."""

    bundled_dir: Path
    store: PackStore
    shipped_index_dir: Path
    cache_index_dir: Path
    trusted: TrustedKeys
    plans_dir: Path | None = None

    @classmethod
    def default(cls) -> PackContext:
        from mediation_kit.core import paths
        from mediation_kit.core.packs.installed import default_store
        from mediation_kit.core.packs.signing import default_trusted_keys

        dirs = paths.user_dirs()
        return cls(paths.packs_dir(), default_store(), paths.shipped_index_dir(),
                   dirs.index_cache, default_trusted_keys(), dirs.plans)

    def installed(self) -> InstalledPacks:
        return installed_packs(self.bundled_dir, self.store)


class SignerStatus(enum.StrEnum):
    TRUSTED = "trusted"
    UNKNOWN_KEY = "unknown-key"
    UNSIGNED = "unsigned"


@dataclass
class ArchiveInfo:
    """What a pack archive is, and what importing it would change (shown before any write)."""

    path: Path
    pack_id: str
    title: str
    version: str
    size: int  # bytes of the .mkpack file
    signer_status: SignerStatus
    signer_fingerprint: str  # "" when unsigned
    signer_name: str  # the trusted key's name; "" otherwise
    installed: InstalledPack | None  # the version it replaces
    diff: PackDiff = field(default_factory=PackDiff)

    @property
    def is_update(self) -> bool:
        return self.installed is not None

    @property
    def needs_consent(self) -> bool:
        return self.signer_status is not SignerStatus.TRUSTED


@dataclass(frozen=True)
class ImportResult:
    info: ArchiveInfo
    generation: str
    doc_count: int
    incremental: bool  # False when the whole index had to be built


# --- checks shared by inspect and import ---------------------------------------------------


def _signer(checked: CheckedArchive, trusted: TrustedKeys) -> tuple[SignerStatus, str, str]:
    if checked.signer is None:
        return SignerStatus.UNSIGNED, "", ""
    key = trusted.find(checked.signer)
    if key is None:
        return SignerStatus.UNKNOWN_KEY, fingerprint(checked.signer), ""
    return SignerStatus.TRUSTED, key.fingerprint, key.name


def _check_against_installed(checked: CheckedArchive, installed: InstalledPacks,
                             trusted: TrustedKeys, allow_downgrade: bool) -> InstalledPack | None:
    manifest = checked.manifest
    current = installed.get(manifest.pack_id)
    if current is None:
        return None
    if not allow_downgrade:
        if newer(current.version, manifest.version):
            raise PackRefused(checked.path, Refusal.OLDER_VERSION, _(
                "version {new} is older than the installed version {installed} (an older "
                "version is installed only when asked explicitly)").format(
                    new=manifest.version, installed=current.version))
        if not newer(manifest.version, current.version):
            raise PackRefused(checked.path, Refusal.SAME_VERSION, _(
                "version {version} is already installed").format(version=manifest.version))
    new_signer = fingerprint(checked.signer) if checked.signer is not None else None
    if current.origin is Origin.BUNDLED:
        # A bundled pack came with the kit: only the maintainers' keys may update it.
        if new_signer not in trusted.shipped_fingerprints:
            raise PackRefused(checked.path, Refusal.OTHER_SIGNER, _(
                'pack "{id}" came with the kit: only a pack signed by the kit\'s maintainers '
                'may replace it').format(id=manifest.pack_id))
    elif current.imported is not None and current.imported.signer != new_signer:
        raise PackRefused(checked.path, Refusal.OTHER_SIGNER, _(
            'pack "{id}" is installed under another signer\'s key ({installed}); this archive '
            'is {new}').format(id=manifest.pack_id,
                               installed=current.imported.signer or _("unsigned"),
                               new=new_signer or _("unsigned")))
    return current


def _check_space(checked: CheckedArchive, store: PackStore) -> None:
    folder = store.root
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return
    needed = checked.manifest.total_size * 2 + _SPACE_MARGIN
    if free < needed:
        raise PackRefused(checked.path, Refusal.NO_SPACE, _(
            "not enough free disk space in {folder}: {needed} MB needed, {free} MB free").format(
                folder=store.root, needed=needed >> 20, free=free >> 20))


def _load_extracted(checked: CheckedArchive, folder: Path) -> Pack:
    result = load_pack(folder)
    if result.pack is None or result.problems or result.pack.id != checked.manifest.pack_id \
            or result.pack.version != checked.manifest.version:
        first = result.problems[0] if result.problems else _(
            "its pack.toml does not match the manifest")
        raise PackRefused(checked.path, Refusal.INVALID_PACK, _(
            "the pack inside is not valid: {problem}").format(problem=first))
    return result.pack


def _installed_pack(current: InstalledPack | None) -> Pack | None:
    if current is None:
        return None
    return load_pack(current.folder).pack


def _info(checked: CheckedArchive, context: PackContext, current: InstalledPack | None,
          new_pack: Pack) -> ArchiveInfo:
    status, key_fingerprint, name = _signer(checked, context.trusted)
    manifest = checked.manifest
    diff = diff_packs(_installed_pack(current), new_pack) if current is not None else PackDiff()
    if current is not None:
        diff.plans = plans_citing(diff, context.plans_dir)
    return ArchiveInfo(checked.path, manifest.pack_id, manifest.title, manifest.version,
                       checked.size, status, key_fingerprint, name, current, diff)


# --- inspect -------------------------------------------------------------------------------


def inspect_archive(path: Path, context: PackContext, *, allow_downgrade: bool = False,
                    cancel: CancelToken | None = None) -> ArchiveInfo:
    """What the archive is and what importing it changes; raises PackRefused. The pack is
    read in a temporary folder of the system, never in the data folder."""
    checked = open_archive(path)
    current = _check_against_installed(checked, context.installed(), context.trusted,
                                       allow_downgrade)
    with tempfile.TemporaryDirectory(prefix="mediation-kit-inspect-") as tmp:
        folder = extract_files(checked, Path(tmp), cancel=cancel)
        return _info(checked, context, current, _load_extracted(checked, folder))


# --- import --------------------------------------------------------------------------------


def import_archive(path: Path, context: PackContext, *, allow_unsigned: bool = False,
                   allow_downgrade: bool = False, progress: ProgressCallback | None = None,
                   cancel: CancelToken | None = None) -> ImportResult:
    """Imports the archive at `path` (see the module's doc); raises PackRefused, Cancelled."""
    path = Path(path)
    report(progress, 0, 0, _("Checking the signature and the manifest…"))
    checked = open_archive(path)
    status, key_fingerprint, key_name = _signer(checked, context.trusted)
    if status is not SignerStatus.TRUSTED and not allow_unsigned:
        if status is SignerStatus.UNSIGNED:
            reason = _("the pack is not signed (import it only if you trust where it comes "
                       "from, with --allow-unsigned)")
        else:
            reason = _("the pack is signed by a key the kit does not know, fingerprint "
                       "{fingerprint} (import it only if you trust that key, with "
                       "--allow-unsigned)").format(fingerprint=key_fingerprint)
        raise PackRefused(path, Refusal.UNSIGNED, reason)
    store = context.store
    with store.lock(path):
        installed = context.installed()
        current = _check_against_installed(checked, installed, context.trusted, allow_downgrade)
        _check_space(checked, store)
        staging = store.new_staging()
        try:
            new_pack = _load_extracted(checked, extract_files(
                checked, staging / PACKS, progress, cancel).resolve())
            info = _info(checked, context, current, new_pack)
            imported = ImportedPack(
                checked.manifest.pack_id, checked.manifest.version,
                fingerprint(checked.signer) if checked.signer is not None else None,
                key_name, path.name,
                datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"))
            state = StoreState(None, {**installed.state.imported, new_pack.id: imported},
                               installed.state.hidden - {new_pack.id})
            generation, count, incremental = _prepare_and_commit(
                context, installed, staging, state, [new_pack.id], [new_pack], progress, cancel)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    return ImportResult(info, generation, count, incremental)


def remove_pack(pack_id: str, context: PackContext, *, hide: bool = False,
                unhide: bool = False, progress: ProgressCallback | None = None,
                cancel: CancelToken | None = None) -> tuple[InstalledPack, PackDiff]:
    """Removes an imported pack (the bundled version, if any, comes back), hides a bundled
    one (`hide`) or shows it again (`unhide`). Raises KeyError with a message when not
    possible."""
    store = context.store
    with store.lock(pack_id):
        installed = context.installed()
        target = installed.get(pack_id)
        bundled = installed.bundled(pack_id)
        state = installed.state
        if unhide:
            if bundled is None or pack_id not in state.hidden:
                raise KeyError(_('"{id}" is not a hidden pack').format(id=pack_id))
            new_state = StoreState(None, dict(state.imported), state.hidden - {pack_id})
        elif target is None:
            raise KeyError(_('no installed pack has the id "{id}"').format(id=pack_id))
        elif target.origin is Origin.BUNDLED:
            if not hide:
                raise KeyError(_('"{id}" came with the kit: it cannot be deleted, only hidden '
                                 '(--hide)').format(id=pack_id))
            new_state = StoreState(None, dict(state.imported), state.hidden | {pack_id})
        else:
            imported = dict(state.imported)
            imported.pop(pack_id)
            new_state = StoreState(None, imported, state.hidden)
        old_pack = _installed_pack(target) if target is not None and not unhide else None
        staging = store.new_staging()
        try:
            after = installed_after(context, installed, new_state, staging)
            added = [p for p in (load_pack(f).pack for f in after if f.name == pack_id)
                     if p is not None]
            _prepare_and_commit(context, installed, staging, new_state, [pack_id], added,
                                progress, cancel)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    new_pack = added[0] if added else None
    return (target or bundled), diff_packs(old_pack, new_pack)


# --- the new state ---------------------------------------------------------------------------


def installed_after(context: PackContext, installed: InstalledPacks, state: StoreState,
                    staging: Path) -> list[Path]:
    """The pack folders in use once `state` is current, its imported packs in `staging`."""
    folders = []
    for pack in installed.packs:
        if pack.origin is Origin.BUNDLED:
            entry = state.imported.get(pack.id)
            if pack.id in state.hidden or (entry is not None and newer(entry.version,
                                                                       pack.version)):
                continue
            folders.append(pack.folder)
    bundled = {p.id: p.version for p in installed.packs if p.origin is Origin.BUNDLED}
    for pack_id, entry in state.imported.items():
        if pack_id in bundled and not newer(entry.version, bundled[pack_id]):
            continue
        folders.append(staging / PACKS / pack_id)
    return sorted(folders, key=lambda f: f.name)


def _base_index(context: PackContext, installed: InstalledPacks) -> Path | None:
    """The index in use now, if it is whole and up to date: the one to start from."""
    from mediation_kit.core.search.index import IndexState, index_fingerprint, inspect_index

    current = index_fingerprint(installed.folders)
    for candidate in (installed.index_dir, context.shipped_index_dir, context.cache_index_dir):
        if candidate is not None and inspect_index(candidate, current)[0] is IndexState.OK:
            return candidate
    return None


def _prepare_and_commit(context: PackContext, installed: InstalledPacks, staging: Path,
                        state: StoreState, changed_ids: list[str], added: list[Pack],
                        progress: ProgressCallback | None,
                        cancel: CancelToken | None) -> tuple[str, int, bool]:
    from mediation_kit.core.search.incremental import (
        IndexUpdateError, copy_index, link_or_copy, update_index)
    from mediation_kit.core.search.index import (
        build_index, index_fingerprint, load_packs_for_index)

    # The other imported packs: linked from the current state (their files never change).
    for pack_id in state.imported:
        if pack_id in changed_ids:
            continue
        source = context.store.pack_folder(installed.state, pack_id)
        for file in sorted(source.rglob("*")):
            target = staging / PACKS / pack_id / file.relative_to(source)
            if file.is_dir():
                target.mkdir(parents=True, exist_ok=True)
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                link_or_copy(file, target)
    folders = installed_after(context, installed, state, staging)
    new_fingerprint = index_fingerprint(folders)
    index_dir = staging / INDEX
    base = _base_index(context, installed)
    incremental = base is not None
    count = 0
    if base is not None:
        try:
            copy_index(base, index_dir)
            count = update_index(index_dir, changed_ids, added, new_fingerprint, progress, cancel)
        except IndexUpdateError:
            shutil.rmtree(index_dir, ignore_errors=True)
            incremental = False
    if not incremental:  # no usable index to start from: the whole library is indexed
        count = build_index(load_packs_for_index(folders), index_dir, progress, cancel,
                            fingerprint=new_fingerprint)
    if cancel is not None:
        cancel.raise_if_cancelled()
    report(progress, 1, 1, _("Switching to the new packs…"))
    previous = installed.state.generation
    generation = context.store.commit(staging, state)
    # A state whose index does not check is not kept current: back to the previous one.
    # (Pack folders keep their names in the generation: the fingerprint is the same.)
    from mediation_kit.core.search.index import IndexState, inspect_index

    final_index = context.store.generation_dir(generation) / INDEX
    if inspect_index(final_index, new_fingerprint)[0] is not IndexState.OK:
        context.store.switch_to(previous)
        raise OSError(_("the new state of the packs could not be checked: the previous one "
                        "is kept"))
    return generation, count, incremental
