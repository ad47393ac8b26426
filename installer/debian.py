"""The Debian package: the bundle under /opt/mediation-kit, a menu entry, icons, AppStream data
and /usr/bin/mediation-kit, built with `dpkg-deb` (which dates every entry SOURCE_DATE_EPOCH).

Layout installed:
    /opt/mediation-kit/                      the PyInstaller folder
    /usr/bin/mediation-kit                   -> /opt/mediation-kit/mediation-kit
    /usr/share/applications/<APP_ID>.desktop
    /usr/share/icons/hicolor/<n>x<n>/apps/<APP_ID>.png, scalable/apps/<APP_ID>.svg
    /usr/share/metainfo/<APP_ID>.metainfo.xml
    /usr/share/mime/packages/<APP_ID>.xml    the .mkplan file type (shared-mime-info)
    /usr/share/doc/mediation-kit/copyright    machine-readable (DEP-5), from the notices
    /usr/share/doc/mediation-kit/changelog.gz from CHANGELOG.md (installer/changelog.py)
    /usr/share/lintian/overrides/mediation-kit the tags normal for a bundle in /opt, with why

The Maintainer field (and the changelog's signature) is MEDIATION_KIT_MAINTAINER, set at release
time ("Name <address>"); without it the package says PLACEHOLDER_MAINTAINER and the build warns.
"""

from __future__ import annotations

import gzip
import os
import re
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
    "libgssapi-krb5-2, libbz2-1.0, liblzma5, libexpat1, libsystemd0, libcups2"
)
RECOMMENDS = "fonts-dejavu-core"
DOC_DIR = f"usr/share/doc/{PACKAGE}"
# RFC 2606 keeps .invalid for addresses that must never be real: the release sets its own.
PLACEHOLDER_MAINTAINER = "Mediation Kit maintainers <maintainers@mediation-kit.invalid>"
DEP5_FORMAT = "https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
# Standard licence texts a Debian system has in /usr/share/common-licenses.
COMMON_LICENCES = {"GPL-2.0": "GPL-2", "GPL-3.0": "GPL-3", "LGPL-2.1": "LGPL-2.1",
                   "LGPL-3.0": "LGPL-3", "Apache-2.0": "Apache-2.0", "MPL-2.0": "MPL-2.0"}


def maintainer() -> str:
    """The Maintainer field: MEDIATION_KIT_MAINTAINER when set (the release sets it)."""
    value = os.environ.get("MEDIATION_KIT_MAINTAINER", "").strip()
    if value and not re.fullmatch(r"[^<>]+ <[^<>@\s]+@[^<>@\s]+\.[^<>@\s]+>", value):
        raise ValueError(f"MEDIATION_KIT_MAINTAINER={value!r}: expected 'Name <address>'")
    return value or PLACEHOLDER_MAINTAINER


def control(version: str, installed_kib: int, homepage: str | None = None,
            maintained_by: str = PLACEHOLDER_MAINTAINER) -> str:
    fields = [
        f"Package: {PACKAGE}",
        f"Version: {version}",
        "Architecture: amd64",
        f"Maintainer: {maintained_by}",
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


def layout(root: Path, bundle: Path, installer: Path, app_id: str, version: str,
           copyright_text: str = "", changelog_text: str = "") -> Path:
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
    write_docs(root, installer, copyright_text, changelog_text)
    for path in root.rglob("*"):
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        elif SHARED_LIBRARY.search(path.name):
            path.chmod(0o644)  # loaded, never run: Debian policy 8.1
        else:
            path.chmod(0o755 if path.stat().st_mode & 0o100 else 0o644)
    installed = sum(p.lstat().st_size for p in root.rglob("*") if p.is_file()) // 1024 + 1
    (root / "DEBIAN").mkdir(mode=0o755)
    (root / "DEBIAN/control").write_text(control(version, installed,
                                                 maintained_by=maintainer()), encoding="utf-8")
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


SHARED_LIBRARY = re.compile(r"\.so(\.\d+)*$")


def write_docs(root: Path, installer: Path, copyright_text: str, changelog_text: str) -> None:
    """copyright, changelog.gz (gzip -9n: no name, no date) and the lintian overrides."""
    docs = root / DOC_DIR
    docs.mkdir(parents=True, exist_ok=True)
    if copyright_text:
        (docs / "copyright").write_text(copyright_text, encoding="utf-8")
    if changelog_text:
        with open(docs / "changelog.gz", "wb") as raw, \
                gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
            gz.write(changelog_text.encode("utf-8"))
    _copy(installer / "linux" / f"{PACKAGE}.lintian-overrides",
          root / f"usr/share/lintian/overrides/{PACKAGE}")


def doc_files() -> list[str]:
    return [f"{DOC_DIR}/copyright", f"{DOC_DIR}/changelog.gz",
            f"usr/share/lintian/overrides/{PACKAGE}"]


# --- the copyright file (machine-readable, DEP-5) --------------------------------------------


def licence_name(licence: str) -> str:
    """A DEP-5 licence name: SPDX operators in lower case, anything else one token."""
    if re.fullmatch(r"[A-Za-z0-9.+-]+( (AND|OR|WITH) [A-Za-z0-9.+-]+)*", licence):
        return re.sub(r" (AND|OR|WITH) ", lambda m: f" {m.group(1).lower()} ", licence)
    return re.sub(r"[^A-Za-z0-9.+]+", "-", licence).strip("-") or "unknown"


def _text_block(text: str) -> str:
    """A licence text as a DEP-5 continuation: each line indented, blank lines as ' .'."""
    lines = [line.rstrip() for line in text.strip("\n").splitlines()]
    return "\n".join(" " + line if line.strip() else " ." for line in lines)


def _common_licence(text: str, generic_texts: dict[str, str]) -> str | None:
    for spdx, standard in generic_texts.items():
        if text.strip() == standard.strip() and spdx in COMMON_LICENCES:
            return COMMON_LICENCES[spdx]
    return None


# The first lines of licence texts Debian keeps in /usr/share/common-licenses: a copyright
# file refers to them there rather than repeating them (Debian policy 12.5).
COMMON_HEADERS = (
    (re.compile(r"^[ \t]*Apache License\s*\n\s*Version 2\.0", re.M), "Apache-2.0"),
    (re.compile(r"^[ \t]*GNU GENERAL PUBLIC LICENSE\s*\n\s*Version 2", re.M), "GPL-2"),
    (re.compile(r"^[ \t]*GNU GENERAL PUBLIC LICENSE\s*\n\s*Version 3", re.M), "GPL-3"),
    (re.compile(r"^[ \t]*GNU LESSER GENERAL PUBLIC LICENSE\s*\n\s*Version 2\.1", re.M),
     "LGPL-2.1"),
    (re.compile(r"^[ \t]*GNU LESSER GENERAL PUBLIC LICENSE\s*\n\s*Version 3", re.M), "LGPL-3"),
)


def _refer_to_common(text: str) -> str:
    """`text` with the full common licences in it replaced by where Debian keeps them; what
    comes before the first (a copyright line, PyInstaller's bootloader exception) stays."""
    found = [(match.start(), name) for pattern, name in COMMON_HEADERS
             for match in [pattern.search(text)] if match]
    if not found:
        return text
    kept = text[:min(start for start, _name in found)].rstrip()
    names = ", ".join(f"/usr/share/common-licenses/{name}" for _start, name in sorted(found))
    reference = f"On Debian systems, the full text of the licences that follow here is in {names}."
    return f"{kept}\n\n{reference}" if kept else reference


def _patterns(paths: list[str], prefix: str, internal: str) -> list[str]:
    """DEP-5 file patterns for a component's files: a whole top folder under _internal when the
    component has many files there, the files themselves otherwise."""
    by_top: dict[str, list[str]] = {}
    for path in paths:
        parts = path.split("/")
        top = "/".join(parts[:2]) if parts[0] == internal and len(parts) > 2 else path
        by_top.setdefault(top, []).append(path)
    patterns = []
    for top, files in sorted(by_top.items()):
        if len(files) > 10 and top not in files:
            patterns.append(f"{prefix}/{top}/*")
        else:
            patterns += [f"{prefix}/{f}" for f in files]
    return patterns


def copyright_file(components, app_name: str, contact: str, generic_texts: dict[str, str],
                   packs: list[tuple[str, str]], internal: str = "_internal") -> str:
    """The DEP-5 copyright file: the kit under GPL-3+, then every bundled component (later
    paragraphs override earlier ones for the files they name, as DEP-5 says)."""
    prefix = INSTALL_DIR
    paragraphs = [
        f"Format: {DEP5_FORMAT}\nUpstream-Name: {app_name}\nUpstream-Contact: {contact}\n"
        f"Comment: Generated by installer/build.py from the bundle. The third-party notices,\n"
        f" with every licence text and how to replace the Qt libraries, are in\n"
        f" /{prefix}/THIRD-PARTY-NOTICES.txt.",
        f"Files: *\nCopyright: {app_name} contributors\nLicense: GPL-3+",
    ]
    # Everything PyInstaller put in _internal is the Python runtime unless named below.
    runtime = next((c for c in components if c.name == "Python"), None)
    fonts = [c for c in components if c.name.lower().endswith("fonts")]
    ordered = ([runtime] if runtime else []) + [c for c in components
                                                if c is not runtime and c not in fonts]
    for component in ordered:
        patterns = _patterns(component.paths, prefix, internal)
        if component is runtime:
            patterns = [f"{prefix}/{internal}/*"] + patterns
        if not patterns:
            continue
        name = licence_name(component.licence)
        body = []
        for title, text in component.texts:
            common = _common_licence(text, generic_texts)
            body.append(f"On Debian systems, the full text of {title} is in\n"
                        f"/usr/share/common-licenses/{common}." if common
                        else _refer_to_common(text))
        paragraphs.append(
            "Files: " + "\n ".join(patterns) + "\n"
            + "Copyright: " + "\n ".join(component.copyright or [f"the {component.name} authors"])
            + f"\nLicense: {name}\n" + _text_block("\n\n".join(body))
            + f"\nComment: {component.name} {component.version}.")
    own = [f"{prefix}/{internal}/{name}" for name in ("mediation_kit/*", "resources/*",
                                                    "translations/*", "icons/*",
                                                    "build-info.json")]
    own += [f"{prefix}/LICENSE.txt", f"{prefix}/THIRD-PARTY-NOTICES.*"]
    paragraphs.append("Files: " + "\n ".join(own) + f"\nCopyright: {app_name} contributors"
                      "\nLicense: GPL-3+")
    for pack_id, pack_licence in packs:
        paragraphs.append(
            f"Files: {prefix}/{internal}/resources/packs/{pack_id}/*\n"
            f"Copyright: the authors credited in the pack\nLicense: {licence_name(pack_licence)}\n"
            + _text_block("The licence the pack's pack.toml declares for its texts. Each kit "
                          "file shows its own credit and licence in the application."))
    for component in fonts:  # after resources/*, which they are part of
        paragraphs.append("Files: " + "\n ".join(f"{prefix}/{p}" for p in component.paths)
                          + "\nCopyright: " + "\n ".join(component.copyright)
                          + f"\nLicense: {licence_name(component.licence)}\n"
                          + _text_block(component.texts[0][1]))
    paragraphs.append("License: GPL-3+\n" + _text_block(
        "This program is free software: you can redistribute it and/or modify it under the "
        "terms of the GNU General Public License as published by the Free Software "
        "Foundation, either version 3 of the License, or (at your option) any later version."
        "\n\nOn Debian systems, the full text of the GNU General Public License version 3 is "
        "in /usr/share/common-licenses/GPL-3."))
    return "\n\n".join(paragraphs) + "\n"


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
