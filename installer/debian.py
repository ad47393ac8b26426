"""The Debian package: the bundle under /opt/mediation-kit, a menu entry, icons, AppStream data
and /usr/bin/mediation-kit, built with `dpkg-deb` (which dates every entry SOURCE_DATE_EPOCH).

Layout installed:
    /opt/mediation-kit/                      the PyInstaller folder
    /usr/bin/mediation-kit                   -> /opt/mediation-kit/mediation-kit
    /usr/share/applications/<APP_ID>.desktop
    /usr/share/icons/hicolor/<n>x<n>/apps/<APP_ID>.png, scalable/apps/<APP_ID>.svg
    /usr/share/metainfo/<APP_ID>.metainfo.xml
    /usr/share/mime/packages/<APP_ID>.xml    the .mkplan file type (shared-mime-info)
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

INSTALL_DIR = "opt/mediation-kit"
PACKAGE = "mediation-kit"
# The host libraries the bundle leaves out (installer/trim.py) and Qt loads: Debian 12 and
# Ubuntu 22.04+ names. Their own dependencies come along.
DEPENDS = (
    "libc6 (>= 2.34), libstdc++6, libgcc-s1, zlib1g, libgl1, libegl1, libglib2.0-0, "
    "libdbus-1-3, libfontconfig1, libfreetype6, libpng16-16, libx11-6, libx11-xcb1, libxcb1, "
    "libxcb-cursor0, libxcb-icccm4, libxcb-image0, libxcb-keysyms1, libxcb-randr0, "
    "libxcb-render-util0, libxcb-shape0, libxcb-xfixes0, libxcb-xkb1, libxkbcommon0, "
    "libxkbcommon-x11-0, libxext6, libxrandr2, libxrender1, libwayland-client0, "
    "libwayland-cursor0, libwayland-egl1, libdrm2, libpulse0, libzstd1, libbrotli1, "
    "libgssapi-krb5-2, libbz2-1.0, liblzma5, libexpat1, libsystemd0"
)
# libcups2: printing the run sheet and handout (Qt's print plugin loads the host's CUPS).
RECOMMENDS = "fonts-dejavu-core, libcups2"


def control(version: str, installed_kib: int, homepage: str | None = None) -> str:
    fields = [
        f"Package: {PACKAGE}",
        f"Version: {version}",
        "Architecture: amd64",
        "Maintainer: Mediation Kit contributors <mediation-kit@localhost>",
        f"Installed-Size: {installed_kib}",
        f"Depends: {DEPENDS}",
        f"Recommends: {RECOMMENDS}",
        "Section: education",
        "Priority: optional",
    ]
    if homepage:
        fields.append(f"Homepage: {homepage}")
    fields.append(
        "Description: offline search and projection of digital-commons event resources\n"
        " Mediation Kit bundles the replays (with transcripts), session summaries and\n"
        " communication kits of digital-commons events, with a full-text index, so that\n"
        " digital mediators in libraries find anything in a second and show it, with no\n"
        " network.")
    return "\n".join(fields) + "\n"


def layout(root: Path, bundle: Path, installer: Path, app_id: str, version: str) -> Path:
    """Fills `root` (emptied first) with the package's files and DEBIAN/control."""
    if root.exists():
        shutil.rmtree(root)
    opt = root / INSTALL_DIR
    shutil.copytree(bundle, opt, symlinks=True)
    (root / "usr/bin").mkdir(parents=True)
    os.symlink(f"/{INSTALL_DIR}/mediation-kit", root / "usr/bin/mediation-kit")
    linux = installer / "linux"
    icons = installer / "icons"
    _copy(linux / f"{app_id}.desktop", root / f"usr/share/applications/{app_id}.desktop")
    _copy(linux / f"{app_id}.metainfo.xml", root / f"usr/share/metainfo/{app_id}.metainfo.xml")
    # dpkg's triggers (shared-mime-info, desktop-file-utils) update the caches on install.
    _copy(linux / f"{app_id}.mime.xml", root / f"usr/share/mime/packages/{app_id}.xml")
    for png in sorted(icons.glob("mediation-kit-*.png")):
        size = png.stem.rsplit("-", 1)[1]
        _copy(png, root / f"usr/share/icons/hicolor/{size}x{size}/apps/{app_id}.png")
    _copy(icons / "mediation-kit.svg", root / f"usr/share/icons/hicolor/scalable/apps/{app_id}.svg")
    for path in root.rglob("*"):
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            path.chmod(0o755 if path.stat().st_mode & 0o100 else 0o644)
    installed = sum(p.lstat().st_size for p in root.rglob("*") if p.is_file()) // 1024 + 1
    (root / "DEBIAN").mkdir(mode=0o755)
    (root / "DEBIAN/control").write_text(control(version, installed), encoding="utf-8")
    return root


def expected_files(app_id: str) -> list[str]:
    """Paths (relative to /) a correct package installs."""
    return [f"{INSTALL_DIR}/mediation-kit", f"{INSTALL_DIR}/_internal/build-info.json",
            f"{INSTALL_DIR}/_internal/resources/index", f"{INSTALL_DIR}/_internal/resources/packs",
            "usr/bin/mediation-kit", f"usr/share/applications/{app_id}.desktop",
            f"usr/share/metainfo/{app_id}.metainfo.xml",
            f"usr/share/mime/packages/{app_id}.xml",
            f"usr/share/icons/hicolor/48x48/apps/{app_id}.png",
            f"usr/share/icons/hicolor/256x256/apps/{app_id}.png",
            f"usr/share/icons/hicolor/scalable/apps/{app_id}.svg"]


def missing_files(root: Path, app_id: str) -> list[str]:
    return [path for path in expected_files(app_id)
            if not (root / path).exists() and not (root / path).is_symlink()]


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def build(root: Path, target: Path, epoch: int) -> Path:
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch)}
    tmp = target.with_name(target.name + ".part")
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "-z3", "--build", str(root),
                    str(tmp)], check=True, env=env, stdout=subprocess.DEVNULL)
    tmp.replace(target)
    return target
