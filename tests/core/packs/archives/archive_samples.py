"""Pack folders written from a few parameters, and archives crafted by hand (a manifest or an
entry that `pack build` would never write), for the import tests."""

from __future__ import annotations

import hashlib
import json
import stat
import zipfile
from pathlib import Path

from mediation_kit.core.packs.signing import load_private_key, sign

FEST = {
    "ouverture": ("Ouverture de la fête", "Les bibliothécaires parlent de zéphyrine.",
                  ["accueil"]),
    "atelier": ("Atelier logiciels libres", "On installe un navigateur libre.", ["libre"]),
    "cloture": ("Clôture", "Merci aux bénévoles de la quinzaine.", ["merci"]),
}

PACK = """\
format = 1
id = "{id}"
version = "{version}"
languages = ["fr"]
licence = "CC-BY-SA-4.0"
themes = [{themes}]

[event]
name = "{name}"
edition = "2025"
start = 2025-06-{day:02d}
end = 2025-06-{day:02d}
city = "Strasbourg"
venue = "Médiathèque Malraux"
organisers = ["Mediation Kit contributors"]
"""

SUMMARY = """\
+++
id = "{id}"
title = "{title}"
session = "{id}"
date = 2025-06-{day:02d}
language = "fr"
themes = [{themes}]
+++

{body}
"""

REPLAY = """\
[[replay]]
id = "{id}"
title = "{title}"
date = 2025-06-{day:02d}
language = "fr"
transcript = "replays/{id}.vtt"
"""


def write_pack(parent: Path, pack_id: str, version: str, summaries: dict[str, tuple],
               *, name: str = "Fête des communs", replays: dict[str, list[str]] | None = None,
               day: int = 10) -> Path:
    """summaries: {id: (title, body, themes)}; replays: {id: [cue text, …]}."""
    root = Path(parent) / pack_id
    (root / "summaries").mkdir(parents=True, exist_ok=True)
    themes = sorted({t for _title, _body, listed in summaries.values() for t in listed})
    (root / "pack.toml").write_text(PACK.format(
        id=pack_id, version=version, name=name, day=day,
        themes=", ".join(f'"{t}"' for t in themes)), encoding="utf-8")
    for old in (root / "summaries").glob("*.md"):
        old.unlink()
    for sid, (title, body, themes) in summaries.items():
        (root / "summaries" / f"{sid}.md").write_text(SUMMARY.format(
            id=sid, title=title, body=body, day=day,
            themes=", ".join(f'"{t}"' for t in themes)),
            encoding="utf-8")
    if replays:
        (root / "replays").mkdir(exist_ok=True)
        blocks = []
        for rid, cues in replays.items():
            blocks.append(REPLAY.format(id=rid, title=f"Captation {rid}", day=day))
            lines = ["WEBVTT", ""]
            for n, text in enumerate(cues):
                stamp = f"00:{n // 60:02d}:{n % 60:02d}"
                lines += [f"{stamp}.000 --> {stamp}.900", text, ""]
            (root / "replays" / f"{rid}.vtt").write_text("\n".join(lines), encoding="utf-8")
        (root / "replays.toml").write_text("\n".join(blocks), encoding="utf-8")
    return root


def craft_archive(out: Path, files: dict[str, bytes], *, key: Path | None, pack_id: str,
                  version: str = "1.0.0", manifest_changes: dict | None = None,
                  listed: dict[str, bytes] | None = None, modes: dict[str, int] | None = None,
                  extra_entries: dict[str, bytes] | None = None) -> Path:
    """A .mkpack written by hand: `files` go in the ZIP; the manifest lists `listed` (default:
    the same files) with their real sizes and hashes, then `manifest_changes` is applied."""
    listed = files if listed is None else listed
    manifest = {
        "archive_format": 1, "pack_id": pack_id, "version": version, "pack_format": 1,
        "min_kit_version": "0.1.0", "title": "Archive faite à la main",
        "files": [{"path": name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
                  for name, data in sorted(listed.items())],
    }
    manifest.update(manifest_changes or {})
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("manifest.json", manifest_bytes)
        if key is not None:
            archive.writestr("manifest.sig", sign(manifest_bytes, load_private_key(key)))
        for name, data in {**files, **(extra_entries or {})}.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.create_system = 3
            info.external_attr = (modes or {}).get(name, stat.S_IFREG | 0o644) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return out


def folder_files(folder: Path) -> dict[str, bytes]:
    """{archive path: bytes} of a pack folder, as `pack build` would list them."""
    folder = Path(folder)
    return {f"{folder.name}/{p.relative_to(folder).as_posix()}": p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def snapshot(root: Path) -> dict[str, str]:
    """Every file and folder below `root`, with each file's SHA-256: "nothing written"."""
    root = Path(root)
    found = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_symlink():
            found[rel] = "link"
        elif path.is_dir():
            found[rel] = "folder"
        else:
            found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found
