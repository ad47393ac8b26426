"""`manifest.json` of a pack archive: what it holds, written by `pack build` and checked
before anything of an archive is extracted.

    {"archive_format": 1, "pack_id": "nec-2025", "version": "1.1.0", "pack_format": 1,
     "min_kit_version": "0.1.0", "title": "Numérique en Commun[s]",
     "files": [{"path": "nec-2025/pack.toml", "size": 812, "sha256": "…"}, …]}

Paths are `/`-separated, below a folder named as the pack. Every check here needs the
manifest alone: unsafe names, names that collide on a case-insensitive file system (FAT and
exFAT sticks, Windows), an unknown format, a kit too old.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from mediation_kit import __version__
from mediation_kit.core.i18n import _
from mediation_kit.core.model import SUPPORTED_FORMAT
from mediation_kit.core.packs.refusal import PackRefused, Refusal

MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.sig"
ARCHIVE_FORMAT = 1
SUFFIX = ".mkpack"

_PACK_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
_VERSION = re.compile(r"\d{1,9}(?:\.\d{1,9}){0,3}")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_DRIVE = re.compile(r"^[A-Za-z]:")
# Names Windows refuses whatever the extension (a FAT stick read there would lose the file).
_RESERVED = re.compile(r"(?i)(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?")


@dataclass(frozen=True)
class ManifestFile:
    path: str  # below the archive's root: "nec-2025/summaries/x.md"
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    pack_id: str
    version: str
    pack_format: int
    min_kit_version: str
    title: str
    files: tuple[ManifestFile, ...]

    @property
    def total_size(self) -> int:
        return sum(f.size for f in self.files)

    def to_bytes(self) -> bytes:
        """Canonical JSON: the same manifest always gives the same bytes (reproducible)."""
        document = {
            "archive_format": ARCHIVE_FORMAT,
            "pack_id": self.pack_id,
            "version": self.version,
            "pack_format": self.pack_format,
            "min_kit_version": self.min_kit_version,
            "title": self.title,
            "files": [{"path": f.path, "size": f.size, "sha256": f.sha256}
                      for f in sorted(self.files, key=lambda f: f.path)],
        }
        return (json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
                ).encode("utf-8")


def version_key(version: str) -> tuple[int, ...]:
    """"1.10.0" > "1.9.2": numbers compared as numbers, missing parts as 0."""
    parts = [int(p) for p in version.split(".")]
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


def is_valid_version(version: str) -> bool:
    return bool(_VERSION.fullmatch(version))


def parse_manifest(data: bytes, archive: Path) -> Manifest:
    """The manifest in `data`; raises PackRefused naming the first problem found."""

    def refuse(refusal: Refusal, reason: str):
        raise PackRefused(archive, refusal, reason)

    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        refuse(Refusal.BAD_MANIFEST, _("{name} is not valid JSON").format(name=MANIFEST_NAME))
    if not isinstance(document, dict):
        refuse(Refusal.BAD_MANIFEST, _("{name} is not a manifest").format(name=MANIFEST_NAME))
    fmt = document.get("archive_format")
    if not _is_int(fmt) or fmt != ARCHIVE_FORMAT:
        refuse(Refusal.UNKNOWN_FORMAT, _("archive format {format} is unknown to this version "
                                         "of the kit").format(format=fmt))
    pack_format = document.get("pack_format")
    if not _is_int(pack_format) or not 1 <= pack_format <= SUPPORTED_FORMAT:
        refuse(Refusal.UNKNOWN_FORMAT, _("pack format {format} is unknown to this version of "
                                         "the kit (it reads format {supported})").format(
                                             format=pack_format, supported=SUPPORTED_FORMAT))
    min_kit = document.get("min_kit_version")
    if not isinstance(min_kit, str) or not is_valid_version(min_kit):
        refuse(Refusal.BAD_MANIFEST, _("the oldest kit version that reads the pack is missing "
                                       "or not a version number"))
    if version_key(min_kit) > version_key(__version__):
        refuse(Refusal.KIT_TOO_OLD, _("the pack needs Mediation Kit {needed} or newer; this "
                                      "is version {current}").format(needed=min_kit,
                                                                     current=__version__))
    pack_id, version = document.get("pack_id"), document.get("version")
    if not isinstance(pack_id, str) or not _PACK_ID.fullmatch(pack_id):
        refuse(Refusal.BAD_MANIFEST, _("the pack id is missing or not valid"))
    if not isinstance(version, str) or not is_valid_version(version):
        refuse(Refusal.BAD_MANIFEST, _("the pack version is missing or not a version number "
                                       "such as 1.2.0"))
    title = document.get("title")
    if not isinstance(title, str):
        title = pack_id
    entries = document.get("files")
    if not isinstance(entries, list) or not entries:
        refuse(Refusal.BAD_MANIFEST, _("the manifest lists no file"))
    files = []
    for entry in entries:
        if not isinstance(entry, dict):
            refuse(Refusal.BAD_MANIFEST, _("a file entry of the manifest is not valid"))
        path, size, digest = entry.get("path"), entry.get("size"), entry.get("sha256")
        if not isinstance(path, str):
            refuse(Refusal.BAD_MANIFEST, _("a file entry of the manifest has no path"))
        problem = path_problem(path, pack_id)
        if problem:
            refuse(Refusal.UNSAFE_PATH, problem)
        if not _is_int(size) or size < 0 or not isinstance(digest, str) \
                or not _SHA256.fullmatch(digest):
            refuse(Refusal.BAD_MANIFEST, _('the size or SHA-256 of "{path}" in the manifest is '
                                           'not valid').format(path=path))
        files.append(ManifestFile(path, size, digest))
    collision = first_collision(f.path for f in files)
    if collision:
        refuse(Refusal.NAME_COLLISION, _('"{first}" and "{second}" would be the same file on a '
                                         'USB stick or on Windows (names that differ only by '
                                         'upper/lower case or accents)').format(
                                             first=collision[0], second=collision[1]))
    if f"{pack_id}/pack.toml" not in {f.path for f in files}:
        refuse(Refusal.BAD_MANIFEST, _("the manifest does not list {path}").format(
            path=f"{pack_id}/pack.toml"))
    return Manifest(pack_id, version, pack_format, min_kit, title, tuple(files))


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def path_problem(path: str, pack_id: str) -> str:
    """Why `path` cannot be extracted safely, or ""."""
    if "\\" in path:
        return _('"{path}" contains a backslash').format(path=path)
    if path.startswith("/") or _DRIVE.match(path):
        return _('"{path}" is an absolute path').format(path=path)
    if any(ord(c) < 32 for c in path):
        return _('"{path}" contains a control character').format(path=path.encode(
            "unicode_escape").decode("ascii"))
    parts = path.split("/")
    if ".." in parts:
        return _('"{path}" goes up with ".."').format(path=path)
    if any(part in ("", ".") for part in parts):
        return _('"{path}" has an empty or "." part').format(path=path)
    if parts[0] != pack_id or len(parts) < 2:
        return _('"{path}" is outside the pack folder "{folder}"').format(path=path,
                                                                          folder=pack_id)
    for part in parts:
        if _RESERVED.fullmatch(part) or part.endswith((" ", ".")) or any(c in part for c in
                                                                         '<>:"|?*'):
            return _('"{path}" is not a valid file name on Windows').format(path=path)
    return ""


def folded(path: str) -> str:
    """The name a case-insensitive file system sees (NFC and NFD are one name on macOS)."""
    return unicodedata.normalize("NFC", path).casefold()


def first_collision(paths) -> tuple[str, str] | None:
    """Two paths that would be one file (or a file and a folder) once case is ignored."""
    seen: dict[str, str] = {}
    folders: dict[str, str] = {}
    for path in paths:
        key = folded(path)
        if key in seen:
            return seen[key], path
        if key in folders:
            return folders[key], path
        seen[key] = path
        for parent in PurePosixPath(key).parents:
            parent_key = parent.as_posix()
            if parent_key == ".":
                break
            if parent_key in seen:
                return seen[parent_key], path
            folders.setdefault(parent_key, path)
    return None


def manifest_archive_name(pack_id: str, version: str) -> str:
    return f"{pack_id}-{version}{SUFFIX}"


__all__ = ["ARCHIVE_FORMAT", "MANIFEST_NAME", "SIGNATURE_NAME", "SUFFIX", "Manifest",
           "ManifestFile", "first_collision", "is_valid_version", "parse_manifest",
           "path_problem", "version_key"]
