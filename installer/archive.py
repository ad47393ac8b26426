"""Reproducible archives and checksums: the same bundle always gives the same bytes.

Entries are sorted, owned by root (uid/gid 0, no names), dated SOURCE_DATE_EPOCH, with
normalised permissions (0755 for folders and executables, 0644 otherwise); the gzip header
carries the same date and no file name.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import stat
import tarfile
import zipfile
from pathlib import Path


def _normalised(info: tarfile.TarInfo, epoch: int) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    info.mtime = epoch
    if info.isdir() or (info.isfile() and info.mode & stat.S_IXUSR):
        info.mode = 0o755
    elif info.issym():
        info.mode = 0o777
    else:
        info.mode = 0o644
    return info


def walk_sorted(folder: Path) -> list[Path]:
    """Every file, folder and symlink below `folder`, in a stable order (folders first)."""
    found = []
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        dirnames.sort()
        base = Path(dirpath)
        for name in sorted(dirnames + filenames):
            found.append(base / name)
    return sorted(found, key=lambda p: p.relative_to(folder).as_posix())


def write_tar_gz(folder: Path, target: Path, top: str, epoch: int) -> Path:
    """`target` holds `folder` under the name `top/`."""
    tmp = target.with_name(target.name + ".part")
    with open(tmp, "wb") as raw, \
            gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=epoch, compresslevel=9) as gz, \
            tarfile.open(fileobj=gz, mode="w", format=tarfile.PAX_FORMAT) as tar:
        tar.add(folder, arcname=top, recursive=False, filter=lambda i: _normalised(i, epoch))
        for path in walk_sorted(folder):
            arcname = f"{top}/{path.relative_to(folder).as_posix()}"
            tar.add(path, arcname=arcname, recursive=False,
                    filter=lambda i: _normalised(i, epoch))
    tmp.replace(target)
    return target


def write_zip(folder: Path, target: Path, top: str, epoch: int,
              extra: dict[str, bytes] | None = None) -> Path:
    """A zip of `folder` under `top/` (Windows portable build), plus `extra` files."""
    import time

    stamp = time.gmtime(max(epoch, 315532800))[:6]  # zip cannot date before 1980
    tmp = target.with_name(target.name + ".part")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        entries = [(f"{top}/{p.relative_to(folder).as_posix()}", p)
                   for p in walk_sorted(folder) if p.is_file()]
        entries += [(f"{top}/{name}", data) for name, data in (extra or {}).items()]
        for arcname, source in sorted(entries, key=lambda e: e[0]):
            info = zipfile.ZipInfo(arcname, date_time=stamp)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            data = source if isinstance(source, bytes) else source.read_bytes()
            zf.writestr(info, data)
    tmp.replace(target)
    return target


def tar_listing(archive: Path) -> list[str]:
    with tarfile.open(archive, "r:gz") as tar:
        return [member.name for member in tar.getmembers()]


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fp:
        for block in iter(lambda: fp.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_sha256sums(files: list[Path], target: Path) -> Path:
    """`sha256sum -c SHA256SUMS` checks them from the folder holding them."""
    lines = io.StringIO()
    for path in sorted(files, key=lambda p: p.name):
        lines.write(f"{sha256(path)}  {path.name}\n")
    target.write_text(lines.getvalue(), encoding="utf-8")
    return target


def tree_size(folder: Path) -> int:
    """Bytes of every regular file below `folder` (symlinks not followed)."""
    return sum(p.lstat().st_size for p in walk_sorted(folder) if p.is_file() and not p.is_symlink())
