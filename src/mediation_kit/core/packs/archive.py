"""The `.mkpack` file: a ZIP of a pack folder, its manifest and the manifest's signature.

`build_archive` writes one (same input, same bytes). `open_archive` checks one in the order
the import needs: the signature first, then the manifest alone, then the ZIP's entries against
the manifest, all before a byte is written. `extract_files` then copies the files, hashing
each one as it is copied (Kolibri's recipe: nothing is trusted that was not checked).
"""

from __future__ import annotations

import hashlib
import os
import stat
import uuid
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from mediation_kit.core.i18n import _
from mediation_kit.core.packs.loader import load_pack
from mediation_kit.core.packs.manifest import (
    MANIFEST_NAME, SIGNATURE_NAME, Manifest, ManifestFile, first_collision, is_valid_version,
    parse_manifest, path_problem)
from mediation_kit.core.packs.refusal import PackRefused, Refusal
from mediation_kit.core.packs.signing import (
    InvalidSignature, SignatureFileError, load_private_key, sign, verify)
from mediation_kit.core.tasks import CancelToken, ProgressCallback, report

# The oldest kit that reads each pack format (raise with the format).
MIN_KIT_VERSION = {1: "0.1.0"}
# A fixed date in every entry: the same pack gives the same bytes.
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_CHUNK = 1 << 20
# Limits against ZIP bombs: what an entry may expand to compared with its compressed size
# (text compresses about 3-10 times), counted above a size where the ratio means something,
# and the whole pack's size once extracted.
MAX_RATIO = 100
RATIO_FROM = 1 << 20
MAX_TOTAL = 4 << 30
MAX_MANIFEST = 32 << 20
MAX_SIGNATURE = 64 << 10


class BuildError(Exception):
    """The pack folder cannot be archived; `problems` lists what the validator found."""

    def __init__(self, message: str, problems: list | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


# --- building ----------------------------------------------------------------------------------


def _is_ignored(relative: Path) -> bool:
    """Not content: hidden files, caches, editor backups (as the index's fingerprint)."""
    return (any(part.startswith(".") or part == "__pycache__" for part in relative.parts)
            or relative.name.endswith("~") or relative.name == "Thumbs.db")


def pack_files(folder: Path) -> list[tuple[str, Path]]:
    """(archive path, file) of every content file of the pack folder, sorted."""
    folder = Path(folder)
    files = []
    for path in folder.rglob("*"):
        relative = path.relative_to(folder)
        if _is_ignored(relative):
            continue
        if path.is_symlink():
            raise BuildError(_("{path} is a symbolic link: a pack holds real files only").format(
                path=path))
        if path.is_file():
            files.append((f"{folder.name}/{relative.as_posix()}", path))
        elif not path.is_dir():
            raise BuildError(_("{path} is not a regular file").format(path=path))
    return sorted(files)


def build_archive(folder: Path, key_file: Path | None, output: Path) -> Manifest:
    """Validates the pack in `folder` and writes its archive at `output` (signed with the
    private key in `key_file`; unsigned when None, for tests of the warning)."""
    folder = Path(folder).resolve()
    result = load_pack(folder)
    if result.pack is None or result.problems:
        raise BuildError(_("{folder} is not a valid pack: nothing was written").format(
            folder=folder), result.problems)
    pack = result.pack
    if pack.id != folder.name:
        raise BuildError(_('{folder}: the folder must be named as the pack id "{id}"').format(
            folder=folder, id=pack.id))
    if not is_valid_version(pack.version):
        raise BuildError(_('{folder}: version "{version}" must be numbers separated by dots, '
                           'such as 1.2.0, so that updates can be ordered').format(
                               folder=folder, version=pack.version))
    key = load_private_key(key_file) if key_file is not None else None
    files = pack_files(folder)
    for name, _path in files:
        problem = path_problem(name, pack.id)
        if problem:
            raise BuildError(problem)
    collision = first_collision(name for name, _path in files)
    if collision:
        raise BuildError(_('"{first}" and "{second}" would be the same file on a USB stick or '
                           'on Windows').format(first=collision[0], second=collision[1]))
    entries = []
    for name, path in files:
        data = path.read_bytes()
        entries.append((name, data, ManifestFile(name, len(data), hashlib.sha256(data)
                                                 .hexdigest())))
    title = pack.event.name
    year = str(pack.event.year)
    if year not in title:
        title = f"{title} {year}"
    manifest = Manifest(pack.id, pack.version, pack.format, MIN_KIT_VERSION[pack.format], title,
                        tuple(entry for _name, _data, entry in entries))
    manifest_bytes = manifest.to_bytes()
    output = Path(output)
    tmp = output.with_name(f".{output.name}.{uuid.uuid4().hex[:8]}.part")
    try:
        with zipfile.ZipFile(tmp, "w") as archive:
            _write_entry(archive, MANIFEST_NAME, manifest_bytes)
            if key is not None:
                _write_entry(archive, SIGNATURE_NAME, sign(manifest_bytes, key))
            for name, data, _entry in entries:
                _write_entry(archive, name, data)
        os.replace(tmp, output)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return manifest


def _write_entry(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
    info.create_system = 3  # Unix, whatever the builder's system: same bytes everywhere
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    archive.writestr(info, data, compresslevel=9)


# --- checking ----------------------------------------------------------------------------------


@dataclass
class CheckedArchive:
    """An archive whose signature, manifest and entries were checked; files not yet read."""

    path: Path
    size: int  # of the .mkpack file
    manifest: Manifest
    signer: bytes | None  # the signer's raw public key; None when unsigned
    infos: dict[str, zipfile.ZipInfo]

    def open_zip(self) -> zipfile.ZipFile:
        return zipfile.ZipFile(self.path)


def open_archive(path: Path) -> CheckedArchive:
    """Checks the archive at `path` (see the module's doc); raises PackRefused."""
    path = Path(path)
    try:
        size = path.stat().st_size
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            manifest_bytes = _read_small(archive, path, MANIFEST_NAME, MAX_MANIFEST)
            signature = _read_small(archive, path, SIGNATURE_NAME, MAX_SIGNATURE, optional=True)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, ValueError,
            NotImplementedError) as error:
        # zipfile's own words are English only: the log keeps them (`from error`).
        raise PackRefused(path, Refusal.NOT_ZIP, _("not a pack archive, or a damaged or "
                                                   "incomplete copy of one")) from error
    except OSError as error:
        raise PackRefused(path, Refusal.NOT_ZIP, _("cannot be read: {error}").format(
            error=error.strerror or error)) from error
    signer = None
    if signature is not None:
        try:
            signer = verify(manifest_bytes, signature)
        except (InvalidSignature, SignatureFileError) as error:
            raise PackRefused(path, Refusal.BAD_SIGNATURE, _(
                "its signature does not match its manifest: the archive was changed after it "
                "was signed")) from error
    manifest = parse_manifest(manifest_bytes, path)
    return CheckedArchive(path, size, manifest, signer, _check_entries(path, manifest, infos))


def _read_small(archive: zipfile.ZipFile, path: Path, name: str, limit: int,
                optional: bool = False) -> bytes | None:
    try:
        info = archive.getinfo(name)
    except KeyError:
        if optional:
            return None
        raise PackRefused(path, Refusal.NOT_ZIP, _("not a pack archive: it has no {name}").format(
            name=name)) from None
    if info.file_size > limit:
        raise PackRefused(path, Refusal.ZIP_BOMB, _("{name} is too big ({size} bytes)").format(
            name=name, size=info.file_size))
    with archive.open(info) as fp:
        data = fp.read(limit + 1)
    if len(data) > limit:
        raise PackRefused(path, Refusal.ZIP_BOMB, _("{name} is too big").format(name=name))
    return data


def _check_entries(path: Path, manifest: Manifest,
                   infos: list[zipfile.ZipInfo]) -> dict[str, zipfile.ZipInfo]:
    listed = {f.path: f for f in manifest.files}
    found: dict[str, zipfile.ZipInfo] = {}

    def refuse(refusal: Refusal, reason: str):
        raise PackRefused(path, refusal, reason)

    for info in infos:
        name = info.filename
        if name in (MANIFEST_NAME, SIGNATURE_NAME):
            continue
        mode = info.external_attr >> 16
        kind = stat.S_IFMT(mode)
        if info.is_dir():
            if kind not in (0, stat.S_IFDIR):
                refuse(Refusal.LINK_OR_DEVICE, _('"{name}" is a link or a device, not a file')
                       .format(name=name))
            problem = path_problem(name.rstrip("/") + "/x", manifest.pack_id)
            if problem:
                refuse(Refusal.UNSAFE_PATH, problem)
            continue
        problem = path_problem(name, manifest.pack_id)
        if problem:
            refuse(Refusal.UNSAFE_PATH, problem)
        if kind not in (0, stat.S_IFREG):
            refuse(Refusal.LINK_OR_DEVICE, _('"{name}" is a link or a device, not a file').format(
                name=name))
        if name in found:
            refuse(Refusal.NAME_COLLISION, _('"{name}" is in the archive twice').format(
                name=name))
        if name not in listed:
            refuse(Refusal.NOT_LISTED, _('"{name}" is in the archive but not in its manifest')
                   .format(name=name))
        found[name] = info
    for name, entry in listed.items():
        info = found.get(name)
        if info is None:
            refuse(Refusal.ABSENT, _('"{name}" is listed in the manifest but absent from the '
                                     'archive').format(name=name))
        if info.file_size != entry.size:
            refuse(Refusal.SIZE_MISMATCH, _('"{name}" is {real} bytes in the archive, {declared} '
                                            'in the manifest').format(
                                                name=name, real=info.file_size,
                                                declared=entry.size))
        if info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size,
                                                                             1):
            refuse(Refusal.ZIP_BOMB, _('"{name}" would expand {ratio} times (at most {max} '
                                       'allowed): a ZIP bomb').format(
                                           name=name, ratio=info.file_size // max(
                                               info.compress_size, 1), max=MAX_RATIO))
    if manifest.total_size > MAX_TOTAL:
        refuse(Refusal.ZIP_BOMB, _("the pack would take {size} MB once extracted (at most {max} "
                                   "MB allowed)").format(size=manifest.total_size >> 20,
                                                         max=MAX_TOTAL >> 20))
    return found


# --- extracting --------------------------------------------------------------------------------


def extract_files(checked: CheckedArchive, destination: Path,
                  progress: ProgressCallback | None = None,
                  cancel: CancelToken | None = None) -> Path:
    """Copies the pack's files below `destination` (which must exist), checking each size and
    SHA-256 while it is read; returns the pack folder. On PackRefused or Cancelled, what was
    written stays for the caller to remove with its staging folder."""
    total = checked.manifest.total_size
    done = 0
    archive_path = checked.path
    try:
        with checked.open_zip() as archive:
            for entry in sorted(checked.manifest.files, key=lambda f: f.path):
                target = destination.joinpath(*entry.path.split("/"))
                target.parent.mkdir(parents=True, exist_ok=True)
                digest = hashlib.sha256()
                written = 0
                with archive.open(checked.infos[entry.path]) as source, \
                        open(target, "xb") as out:
                    while True:
                        if cancel is not None:
                            cancel.raise_if_cancelled()
                        chunk = source.read(_CHUNK)
                        if not chunk:
                            break
                        written += len(chunk)
                        if written > entry.size:
                            raise PackRefused(archive_path, Refusal.ZIP_BOMB, _(
                                '"{name}" expands beyond the {size} bytes it declares').format(
                                    name=entry.path, size=entry.size))
                        digest.update(chunk)
                        out.write(chunk)
                        done += len(chunk)
                        report(progress, done, total, _("Checking and copying files…"))
                if written != entry.size:
                    raise PackRefused(archive_path, Refusal.SIZE_MISMATCH, _(
                        '"{name}" is {real} bytes, {declared} in the manifest').format(
                            name=entry.path, real=written, declared=entry.size))
                if digest.hexdigest() != entry.sha256:
                    raise PackRefused(archive_path, Refusal.CHECKSUM_MISMATCH, _(
                        '"{name}" differs from the file the manifest describes (its SHA-256 '
                        'does not match)').format(name=entry.path))
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError) as error:
        # A damaged deflate stream (zlib.error), a bad CRC, a cut entry, an unknown method.
        raise PackRefused(archive_path, Refusal.NOT_ZIP, _(
            "the archive is damaged: a file does not read back as it was written")) from error
    return destination / checked.manifest.pack_id
