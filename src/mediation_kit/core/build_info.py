"""What this copy of the kit is: version, commit, commit date, content packs and their versions.

A release carries `build-info.json` at the bundle root, written by `installer/build.py` from the
commit it builds (the date is the commit's, not the build's, so that two builds of one commit
are identical). Run from a source checkout, the same facts come from git and from the packs'
`pack.toml`. `mediation-kit --version --verbose` and the About box show them.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import tomllib
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from mediation_kit import __version__
from mediation_kit.core import paths

BUILD_INFO_FILE = "build-info.json"
FORMAT = 1


@dataclass(frozen=True)
class PackVersion:
    id: str
    version: str


@dataclass(frozen=True)
class BuildInfo:
    version: str
    commit: str | None = None  # full hash; None when unknown (no git, not a release)
    dirty: bool = False  # built from a tree with uncommitted changes
    date: str | None = None  # the commit's date, ISO 8601 in UTC
    packs: tuple[PackVersion, ...] = ()
    source: str = "source"  # "release" when read from a bundle's build-info.json
    python: str = field(default_factory=platform.python_version)
    platform: str = field(default_factory=lambda: f"{sys.platform}-{platform.machine()}")

    @property
    def short_commit(self) -> str | None:
        if not self.commit:
            return None
        return self.commit[:10] + ("-dirty" if self.dirty else "")

    def to_json(self) -> str:
        data = asdict(self)
        data["format"] = FORMAT
        data["packs"] = [asdict(p) for p in self.packs]
        return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> BuildInfo:
        data = json.loads(text)
        if not isinstance(data, dict) or not isinstance(data.get("version"), str):
            raise ValueError("not a build-info object (no version)")
        packs = tuple(PackVersion(str(p["id"]), str(p["version"]))
                      for p in data.get("packs", ()))
        return cls(version=data["version"], commit=data.get("commit"),
                   dirty=bool(data.get("dirty", False)), date=data.get("date"),
                   packs=packs, source="release",
                   python=data.get("python") or platform.python_version(),
                   platform=data.get("platform") or sys.platform)


def build_info_file() -> Path:
    return paths.bundle_root() / BUILD_INFO_FILE


def current() -> BuildInfo:
    """The build information of the running kit: the bundle's file, else git and the packs."""
    path = build_info_file()
    if path.is_file():
        try:
            return BuildInfo.from_json(path.read_text(encoding="utf-8"))
        except (OSError, ValueError, KeyError, TypeError):
            pass  # a damaged file must not stop --version: fall back to what can be seen
    return from_source(paths.bundle_root(), paths.packs_dir())


def from_source(repo: Path, packs_dir: Path) -> BuildInfo:
    """Facts read from a checkout: HEAD's hash and date, and each pack's id and version."""
    commit = _git(repo, "rev-parse", "HEAD")
    timestamp = _git(repo, "log", "-1", "--format=%ct", "HEAD")
    dirty = bool(_git(repo, "status", "--porcelain", "--untracked-files=no")) if commit else False
    return BuildInfo(version=__version__, commit=commit, dirty=dirty,
                     date=iso_date(int(timestamp)) if timestamp else None,
                     packs=pack_versions(packs_dir))


def iso_date(epoch: int) -> str:
    return datetime.fromtimestamp(epoch, tz=timezone.utc).isoformat().replace("+00:00", "Z")


def pack_versions(packs_dir: Path) -> tuple[PackVersion, ...]:
    """Id and version of every pack below `packs_dir`, by id; unreadable packs are skipped
    (the validator is the place that names their problems)."""
    found = []
    try:
        folders = sorted(p for p in Path(packs_dir).iterdir() if (p / "pack.toml").is_file())
    except OSError:
        return ()
    for folder in folders:
        try:
            data = tomllib.loads((folder / "pack.toml").read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            continue
        found.append(PackVersion(str(data.get("id", folder.name)), str(data.get("version", "?"))))
    return tuple(sorted(found, key=lambda p: p.id))


def _git(repo: Path, *args: str) -> str | None:
    if not (Path(repo) / ".git").exists():
        return None
    try:
        out = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True,
                             timeout=10, env={**os.environ, "GIT_OPTIONAL_LOCKS": "0"})
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() if out.returncode == 0 else None


def describe(info: BuildInfo) -> list[tuple[str, str]]:
    """(label, value) lines for people: the CLI prints them, the About box shows them."""
    from mediation_kit.core.i18n import _

    unknown = _("unknown")
    lines = [
        (_("Version"), info.version),
        (_("Commit"), info.short_commit or unknown),
        (_("Commit date"), info.date or unknown),
        (_("Build"), _("release") if info.source == "release" else _("source checkout")),
        (_("Python"), info.python),
        (_("Platform"), info.platform),
    ]
    root = paths.portable_root()
    if root is not None:
        lines.append((_("Portable data folder"), str(root)))
    for pack in info.packs:
        lines.append((_("Pack {id}").format(id=pack.id), pack.version))
    if not info.packs:
        lines.append((_("Packs"), _("none")))
    return lines
