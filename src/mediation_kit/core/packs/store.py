"""Where imported packs live, and the one rename that makes a new state current.

    <user data>/packs/
      current.json            {"generation": "gen-000004"}: the state in use
      gen-000004/             a whole state: never changed once named (except its index,
                              rebuilt in place like any index when the bundled packs change)
        .mediation-kit-packs  marker: the kit made this folder
        state.json            imported packs (version, signer, archive) and hidden bundled ids
        packs/<id>/…          the imported packs
        index/                the search index of the bundled and imported packs together
      gen-000003/             the previous state, kept until the next start (rollback)
      .staging-<hex>/         a state being prepared (removed at the next start if left)
      .lock                   held by the one process changing the state

A new state is prepared in a staging folder, renamed to a new generation, and made current by
replacing `current.json` (written to a temporary, flushed, then renamed): a kill at any moment
leaves either the previous state or the new one current, both whole. Only folders named as
the kit names them AND holding its marker are ever removed.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from mediation_kit.core.atomic_files import fsync_folder, write_atomically
from mediation_kit.core.i18n import _
from mediation_kit.core.packs.refusal import PackRefused, Refusal

CURRENT_FILE = "current.json"
STATE_FILE = "state.json"
MARKER = ".mediation-kit-packs"
LOCK_FILE = ".lock"
PACKS = "packs"
INDEX = "index"
_GENERATION = re.compile(r"gen-(\d{6,})")
_STAGING = re.compile(r"\.staging-[0-9a-f]{12}")


@dataclass(frozen=True)
class ImportedPack:
    id: str
    version: str
    signer: str | None  # the signer key's fingerprint; None for an unsigned pack
    signer_name: str  # the trusted key's name at import time; "" when unknown or unsigned
    archive: str  # the file name it was imported from
    imported: str  # ISO date and time

    def to_dict(self) -> dict:
        return dict(version=self.version, signer=self.signer, signer_name=self.signer_name,
                    archive=self.archive, imported=self.imported)


@dataclass(frozen=True)
class StoreState:
    generation: str | None = None  # None: nothing imported or hidden yet
    imported: dict[str, ImportedPack] = field(default_factory=dict)
    hidden: frozenset[str] = frozenset()  # bundled packs the user hid

    def to_bytes(self) -> bytes:
        document = {"packs": {pid: p.to_dict() for pid, p in sorted(self.imported.items())},
                    "hidden": sorted(self.hidden)}
        return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True).encode()


class PackStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    # --- reading the current state ---------------------------------------------------------

    def current(self) -> tuple[StoreState, list[str]]:
        """The state in use and what is wrong with it (translated). Never raises: a damaged
        store gives the bundled packs alone, and says so."""
        try:
            data = json.loads((self.root / CURRENT_FILE).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return StoreState(), []
        except (OSError, ValueError) as error:
            return StoreState(), [_("{path} cannot be read ({error}): the imported packs are "
                                    "not used").format(path=self.root / CURRENT_FILE,
                                                       error=error)]
        generation = data.get("generation") if isinstance(data, dict) else None
        if not isinstance(generation, str) or not _GENERATION.fullmatch(generation):
            return StoreState(), [_("{path} does not name a state of the kit: the imported "
                                    "packs are not used").format(path=self.root / CURRENT_FILE)]
        try:
            return read_state(self.root / generation, generation), []
        except (OSError, ValueError, KeyError, TypeError) as error:
            return StoreState(), [_("{path} cannot be read ({error}): the imported packs are "
                                    "not used").format(path=self.root / generation / STATE_FILE,
                                                       error=error)]

    def generation_dir(self, generation: str) -> Path:
        return self.root / generation

    def pack_folder(self, state: StoreState, pack_id: str) -> Path:
        return self.root / str(state.generation) / PACKS / pack_id

    def index_dir(self, state: StoreState) -> Path | None:
        return None if state.generation is None else self.root / state.generation / INDEX

    # --- changing it -------------------------------------------------------------------

    @contextlib.contextmanager
    def lock(self, archive: Path | str = ""):
        """One writer at a time; a lock left by a killed process is taken over."""
        self.root.mkdir(parents=True, exist_ok=True)
        path = self.root / LOCK_FILE
        for _attempt in range(2):
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
                break
            except FileExistsError:
                if _lock_holder_alive(path):
                    raise PackRefused(archive or self.root, Refusal.BUSY, _(
                        "another import or removal of a pack is running")) from None
                path.unlink(missing_ok=True)
        else:
            raise PackRefused(archive or self.root, Refusal.BUSY, _(
                "another import or removal of a pack is running"))
        with os.fdopen(fd, "w") as fp:
            fp.write(json.dumps({"pid": os.getpid()}))
        try:
            yield
        finally:
            path.unlink(missing_ok=True)

    def new_staging(self) -> Path:
        self.root.mkdir(parents=True, exist_ok=True)
        staging = self.root / f".staging-{uuid.uuid4().hex[:12]}"
        staging.mkdir()
        (staging / MARKER).write_text(json.dumps({"pid": os.getpid()}), encoding="utf-8")
        (staging / PACKS).mkdir()
        return staging

    def commit(self, staging: Path, state: StoreState) -> str:
        """Names the staging folder as the next generation and makes it current; returns the
        generation. The previous one stays until `clean_up` at the next start."""
        _write_synced(staging / STATE_FILE, state.to_bytes())
        (staging / MARKER).write_text("{}", encoding="utf-8")
        _sync_tree(staging)
        generation = self._next_generation()
        os.rename(staging, self.root / generation)
        fsync_folder(self.root)
        self.switch_to(generation)
        return generation

    def switch_to(self, generation: str | None) -> None:
        """The switch itself: `current.json` replaced in one rename (None: back to nothing
        imported)."""
        path = self.root / CURRENT_FILE
        if generation is None:
            path.unlink(missing_ok=True)
        else:
            write_atomically(path, json.dumps({"generation": generation}).encode())
        fsync_folder(self.root)

    def _next_generation(self) -> str:
        numbers = [int(m.group(1)) for p in _entries(self.root)
                   if (m := _GENERATION.fullmatch(p.name))]
        return f"gen-{max(numbers, default=0) + 1:06d}"

    # --- at start-up ---------------------------------------------------------------------------

    def clean_up(self) -> list[Path]:
        """Removes killed imports' staging folders and every state but the current one
        (only the kit's own: named as it names them and holding its marker). Skipped while
        another process holds the lock."""
        if not self.root.is_dir() or _lock_holder_alive(self.root / LOCK_FILE):
            return []
        state, problems = self.current()
        keep = state.generation
        if problems:  # the current state cannot be read: keep everything for a person to see
            return []
        removed = []
        for path in _entries(self.root):
            if path.name == keep or path.is_symlink() or not path.is_dir():
                continue
            if not (_GENERATION.fullmatch(path.name) or _STAGING.fullmatch(path.name)):
                continue
            if not (path / MARKER).is_file() or _marker_holder_alive(path / MARKER):
                continue
            if _remove_marked_folder(path):
                removed.append(path)
        for path in _entries(self.root):  # a switch killed before its rename
            if path.name.startswith(f".{CURRENT_FILE}.") and path.name.endswith(".tmp"):
                path.unlink(missing_ok=True)
        (self.root / LOCK_FILE).unlink(missing_ok=True)  # its holder was killed (see above)
        return removed


def _remove_marked_folder(folder: Path) -> bool:
    """Removes a folder of the kit, its marker last: a removal killed half-way leaves a
    folder still marked as the kit's, which the next start finishes removing."""
    for entry in _entries(folder):
        if entry.name == MARKER:
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            try:
                entry.unlink()
            except OSError:
                pass
    if any(entry.name != MARKER for entry in _entries(folder)):
        return False  # something could not be removed (a file open on Windows): next time
    try:
        (folder / MARKER).unlink()
        folder.rmdir()
    except OSError:
        return False
    return True


def read_state(folder: Path, generation: str) -> StoreState:
    data = json.loads((folder / STATE_FILE).read_text(encoding="utf-8"))
    imported = {}
    for pack_id, entry in data["packs"].items():
        imported[pack_id] = ImportedPack(pack_id, str(entry["version"]), entry.get("signer"),
                                         str(entry.get("signer_name") or ""),
                                         str(entry.get("archive", "")),
                                         str(entry.get("imported", "")))
    return StoreState(generation, imported, frozenset(str(h) for h in data.get("hidden", [])))


def _entries(folder: Path) -> list[Path]:
    try:
        return list(folder.iterdir())
    except OSError:
        return []


def _lock_holder_alive(path: Path) -> bool:
    """The lock's holder runs (this process included: one import at a time here too)."""
    try:
        pid = json.loads(path.read_text(encoding="utf-8")).get("pid")
    except (OSError, ValueError, AttributeError):
        # Created but not yet written by its holder (the pid follows within microseconds),
        # unless it is old: a holder killed right after creating it.
        try:
            return time.time() - path.stat().st_mtime < 10
        except OSError:
            return False
    return pid == os.getpid() or _marker_holder_alive(path)


def _marker_holder_alive(path: Path) -> bool:
    from mediation_kit.core.search.index_folders import _process_exists

    try:
        pid = json.loads(path.read_text(encoding="utf-8")).get("pid")
    except (OSError, ValueError, AttributeError):
        return False
    if not isinstance(pid, int) or pid == os.getpid():
        return False
    return _process_exists(pid)


def _write_synced(path: Path, data: bytes) -> None:
    with open(path, "wb") as fp:
        fp.write(data)
        fp.flush()
        os.fsync(fp.fileno())


def _sync_tree(folder: Path) -> None:
    """Flushes every file of a new state to the disk before it is named current (a power cut
    after the switch must not find empty files)."""
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            try:
                fd = os.open(path, os.O_RDONLY)
            except OSError:
                continue
            try:
                os.fsync(fd)
            except OSError:
                pass
            finally:
                os.close(fd)


