"""The third-party notices of a bundle, collected from what is in it (never written by hand).

    python installer/notices.py BUNDLE [--out DIR]     (build.py calls `collect` and `write`)

Where each part comes from:
- Python distributions: every installed distribution (importlib.metadata) with a file in the
  bundle; its version, its licence (License-Expression, License, classifiers) and the licence
  files it ships (License-File, any LICENSE/COPYING/NOTICE among its files), plus the
  components its SBOM lists (cryptography's Rust crates);
- Qt: the version and build line of the Qt the bundle holds, the copyright line QtCore
  carries, and the "Licensing" section of the PySide6 wheel's metadata. The wheels ship no
  licence file, so the texts of the licences they declare come from installer/licences/
  (copied from Debian's base-files, see its README);
- FFmpeg: what the bundled libraries say of themselves (`av*_version`, `av*_license`,
  `av*_configuration`), read by loading them;
- ICU: the major version in the library names, the ICU licence from installer/licences/;
- the Python runtime: its version and its LICENSE.txt (or its Debian copyright file);
- every other shared library (one the freezer took from the build machine): the Debian
  package owning it (`dpkg -S`), its version and its copyright file;
- the fonts in resources/fonts, with the licence file beside them.

`check` fails the build when a distribution found in the bundle, or a shared library, has no
component with a licence text.
"""

from __future__ import annotations

import argparse
import ctypes
import email.message
import hashlib
import importlib.metadata as metadata
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import sysconfig
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

INSTALLER = Path(__file__).resolve().parent
LICENCE_TEXTS = INSTALLER / "licences"
OWN_DISTRIBUTION = "mediation-kit"
NOTICES_TXT = "THIRD-PARTY-NOTICES.txt"
NOTICES_JSON = "THIRD-PARTY-NOTICES.json"
LICENCE_FILE_NAME = re.compile(r"^(LICEN[CS]E|COPYING|NOTICE|COPYRIGHT)([.-].*)?$", re.I)
COPYRIGHT_LINE = re.compile(r"^\s*(copyright\b|\(c\)|©).*\d{4}", re.I)
# SPDX ids whose standard text is in installer/licences/ (for wheels that ship none).
GENERIC_TEXTS = {
    "LGPL-3.0": ("GNU Lesser General Public License v3", "LGPL-3.0.txt"),
    "LGPL-2.1": ("GNU Lesser General Public License v2.1", "LGPL-2.1.txt"),
    "GPL-2.0": ("GNU General Public License v2", "GPL-2.0.txt"),
    "GPL-3.0": ("GNU General Public License v3", "../../LICENSE"),
}
FFMPEG_LIBRARIES = ("avutil", "avcodec", "avformat", "swresample", "swscale")


@dataclass
class Component:
    name: str
    version: str
    licence: str  # an SPDX expression when the source gives one, else its words
    origin: str  # where this information was read
    paths: list[str] = field(default_factory=list)  # bundle-relative files it owns
    copyright: list[str] = field(default_factory=list)
    texts: list[tuple[str, str]] = field(default_factory=list)  # (title, full text)
    notes: list[str] = field(default_factory=list)
    distribution: str | None = None  # the Python distribution's name, when it is one


# --- helpers -------------------------------------------------------------------------------


def _internal(bundle: Path) -> Path:
    """Where PyInstaller puts everything but the executables (`_internal/`, or the folder)."""
    return bundle / "_internal" if (bundle / "_internal").is_dir() else bundle


def _is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as fp:
            return fp.read(4) == b"\x7fELF"
    except OSError:
        return False


def shared_objects(bundle: Path) -> list[str]:
    """Every native code file of the bundle (ELF, DLL or Mach-O by name), bundle-relative."""
    found = []
    for path in sorted(bundle.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        if _is_elf(path) or path.suffix.lower() in (".dll", ".pyd", ".dylib"):
            found.append(path.relative_to(bundle).as_posix())
    return found


def _generic_text(spdx: str) -> tuple[str, str] | None:
    key = re.sub(r"-(only|or-later)$|\+$", "", spdx)
    if key not in GENERIC_TEXTS:
        return None
    title, name = GENERIC_TEXTS[key]
    return title, (LICENCE_TEXTS / name).resolve().read_text(encoding="utf-8")


def _spdx_ids(expression: str) -> list[str]:
    return [t for t in re.split(r"[\s()]+", expression) if t and t not in ("AND", "OR", "WITH")]


def _copyright_lines(texts: list[tuple[str, str]]) -> list[str]:
    lines: list[str] = []
    for _title, text in texts:
        for line in text.splitlines():
            line = " ".join(line.split())
            if COPYRIGHT_LINE.match(line) and line not in lines and len(line) < 200:
                lines.append(line)
    return lines[:12]


def _declared_licence(meta: email.message.Message) -> str:
    expression = meta.get("License-Expression")
    if expression:
        return expression.strip()
    declared = (meta.get("License") or "").strip()
    if declared and "\n" not in declared and len(declared) < 80:
        return declared
    classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or []
                   if c.startswith("License ::")]
    return " OR ".join(classifiers) if classifiers else "UNKNOWN"


def _licensing_section(meta: email.message.Message) -> str | None:
    """The `Licensing` section of a long description (the PySide6 wheels' own notice)."""
    body = meta.get_payload() or ""
    match = re.search(r"^#+\s*Licensing\s*\n(.*?)(?=^#|\Z)", body, re.M | re.S)
    return " ".join(match.group(1).split()) if match else None


# --- Python distributions ----------------------------------------------------------------


def _bundled_paths(dist: metadata.Distribution, internal: Path, bundle: Path) -> list[str]:
    """The distribution's files that are in the bundle (a module as its .pyc)."""
    found = []
    for file in dist.files or []:
        parts = PurePosixPath(str(file)).parts
        if not parts or parts[0] == ".." or "__pycache__" in parts or parts[0].endswith(
                (".dist-info", ".egg-info", ".pth")):
            continue
        relative = PurePosixPath(*parts)
        for candidate in ((relative.with_suffix(".pyc"), relative) if relative.suffix == ".py"
                          else (relative,)):
            if (internal / candidate).is_file():
                found.append((internal / candidate).relative_to(bundle).as_posix())
                break
    return found


def _distribution_texts(dist: metadata.Distribution) -> list[tuple[str, str]]:
    texts: list[tuple[str, str]] = []
    seen: set[str] = set()
    names = list(dist.metadata.get_all("License-File") or [])
    names += [str(f) for f in dist.files or [] if LICENCE_FILE_NAME.match(PurePosixPath(
        str(f)).name) and not PurePosixPath(str(f)).parts[0].startswith("..")]
    for name in names:
        text = None
        for candidate in (f"licenses/{name}", name):
            text = dist.read_text(candidate)
            if text:
                break
        if not text:
            located = Path(str(dist.locate_file(name)))
            text = located.read_text(encoding="utf-8", errors="replace") if \
                located.is_file() else None
        digest = hashlib.sha256((text or "").encode()).hexdigest()
        if text and text.strip() and digest not in seen:
            seen.add(digest)
            texts.append((f"{PurePosixPath(name).name} ({dist.metadata['Name']})", text))
    return texts


def _sbom_components(dist: metadata.Distribution) -> list[str]:
    """`name version (licence)` of each component a CycloneDX SBOM in the dist-info lists."""
    lines = []
    for file in dist.files or []:
        if "/sboms/" not in f"/{file}" or not str(file).endswith(".json"):
            continue
        try:
            document = json.loads(dist.locate_file(file).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        for item in document.get("components", []):
            licences = []
            for entry in item.get("licenses", []):
                licences.append(entry.get("expression") or entry.get("license", {}).get("id")
                                or entry.get("license", {}).get("name") or "")
            line = f"{item.get('name')} {item.get('version', '')} ({' OR '.join(filter(None, licences)) or 'licence not stated'})"
            if line not in lines:
                lines.append(line)
    return lines


def python_distributions(bundle: Path) -> list[Component]:
    internal = _internal(bundle)
    components = []
    seen: set[str] = set()
    for dist in sorted(metadata.distributions(), key=lambda d: d.metadata["Name"].lower()):
        name = dist.metadata["Name"]
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key == OWN_DISTRIBUTION or key in seen:
            continue
        paths = _bundled_paths(dist, internal, bundle)
        if not paths:
            continue
        seen.add(key)
        meta = dist.metadata
        licence = _declared_licence(meta)
        texts = _distribution_texts(dist)
        notes = []
        if not texts:
            for spdx in _spdx_ids(licence):
                generic = _generic_text(spdx)
                if generic:
                    texts.append(generic)
            if texts:
                notes.append("The wheel ships no licence file: the texts below are the "
                             "standard texts of the licences its metadata declares.")
        section = _licensing_section(meta)
        if section:
            notes.append(f"Licensing, from its metadata: {section}")
        sbom = _sbom_components(dist)
        if sbom:
            notes.append("Includes, as its SBOM lists: " + "; ".join(sbom))
        copyright = _copyright_lines(texts) or [
            meta.get("Author-email") or meta.get("Author") or meta.get("Maintainer-email")
            or f"the {name} authors"]
        components.append(Component(name, dist.version, licence, "Python package metadata",
                                    paths, copyright, texts, notes, distribution=name))
    return components


# --- Qt, FFmpeg, ICU (inside the PySide6 wheels) -------------------------------------------


def qt_component(bundle: Path, components: list[Component]) -> Component | None:
    internal = _internal(bundle)
    cores = sorted(internal.rglob("libQt6Core.so*")) + sorted(internal.rglob("Qt6Core.dll")) + \
        sorted(internal.rglob("QtCore.framework/Versions/A/QtCore"))
    if not cores:
        return None
    pyside = next((c for c in components if c.name.lower().startswith("pyside6")), None)
    try:
        from PySide6.QtCore import QLibraryInfo, qVersion

        version, build = qVersion(), QLibraryInfo.build()
    except ImportError:
        version, build = (pyside.version if pyside else "?"), None
    data = cores[0].read_bytes()
    copyright = [m.decode("ascii", "replace") for m in
                 re.findall(rb"Copyright \(C\) The Qt Company[^\x00\n]*", data)[:1]]
    licence = pyside.licence if pyside else "LGPL-3.0-only"
    paths = [p.relative_to(bundle).as_posix() for p in sorted(internal.rglob("*"))
             if p.is_file() and "Qt" in p.relative_to(internal).parts[:2]
             and not re.search(r"(^|/)(lib)?(av|sw)\w+[.-]|icu", p.name)]
    notes = [f"Qt build: {build}"] if build else []
    notes.append("The Qt libraries are used unmodified, but for their debug symbols (stripped). "
                 "See 'Replacing the Qt libraries' at the top of this file.")
    texts = [t for t in (_generic_text(s) for s in _spdx_ids(licence)) if t]
    return Component("Qt", version, licence, "the bundled QtCore library and the PySide6 "
                     "wheel metadata", paths, copyright or ["The Qt Company Ltd. and other "
                     "contributors"], texts, notes)


def _load_library(path: Path, preload: list[Path]):
    for library in preload:
        try:
            ctypes.CDLL(str(library), mode=ctypes.RTLD_GLOBAL)
        except OSError:
            pass
    return ctypes.CDLL(str(path))


def ffmpeg_component(bundle: Path) -> Component | None:
    internal = _internal(bundle)
    found = {}
    for name in FFMPEG_LIBRARIES:
        matches = [p for p in sorted(internal.rglob(f"*{name}*")) if p.is_file()
                   and not p.is_symlink() and re.match(rf"(lib)?{name}[.-]", p.name)]
        if matches:
            found[name] = matches[0]
    if not found:
        return None
    # FFmpeg's libraries need the crypto/ssl stubs Qt ships beside them.
    stubs = sorted(p for p in internal.rglob("*FFmpegStub*") if p.is_file())
    os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false")  # the stubs' chatter
    versions, licences, configuration, release = [], set(), None, None
    for name, path in found.items():
        try:
            library = _load_library(path, stubs)
            for function in (f"{name}_license", f"{name}_configuration"):
                getattr(library, function).restype = ctypes.c_char_p
            getattr(library, f"{name}_version").restype = ctypes.c_uint
            number = getattr(library, f"{name}_version")()
        except (OSError, AttributeError) as error:
            raise RuntimeError(f"{path}: cannot read FFmpeg's own notice ({error})") from error
        versions.append(f"lib{name} {number >> 16}.{(number >> 8) & 0xFF}.{number & 0xFF}")
        licences.add(getattr(library, f"{name}_license")().decode())
        configuration = configuration or getattr(library, f"{name}_configuration")().decode()
        if name == "avutil":
            library.av_version_info.restype = ctypes.c_char_p
            release = library.av_version_info().decode()
    words = " / ".join(sorted(licences))
    spdx = ("GPL-2.0-or-later" if "GPL" in words and "LGPL" not in words else
            "LGPL-3.0-or-later" if "version 3" in words else "LGPL-2.1-or-later")
    texts = [t for t in (_generic_text(spdx),) if t]
    notes = [f"The libraries say of themselves: licence \"{words}\"; versions "
             + ", ".join(versions) + ".",
             f"Configured with: {configuration.strip() or '(default options)'}",
             "They are the unmodified builds of the PySide6 wheel (not stripped again)."]
    paths = sorted(p.relative_to(bundle).as_posix() for p in internal.rglob("*")
                   if p.is_file() and any(re.match(rf"(lib)?{n}[.-]", p.name)
                                          for n in FFMPEG_LIBRARIES))
    return Component("FFmpeg", release or versions[0].split()[1], spdx,
                     "the bundled FFmpeg libraries", paths,
                     ["the FFmpeg developers"], texts, notes)


def icu_component(bundle: Path) -> Component | None:
    internal = _internal(bundle)
    libraries = sorted(p for p in internal.rglob("*icu*") if p.is_file()
                       and re.match(r"(lib)?icu\w+\.so\.\d+$|icu\w+\d+\.dll$", p.name))
    if not libraries:
        return None
    major = re.search(r"(\d+)", libraries[0].name.split(".so.")[-1])
    text = (LICENCE_TEXTS / "ICU.txt").read_text(encoding="utf-8")
    return Component(
        "ICU", major.group(1) if major else "?", "ICU", "the bundled ICU libraries' names",
        [p.relative_to(bundle).as_posix() for p in libraries], _copyright_lines(
            [("ICU", text)])[:2], [("ICU licence (ICU's LICENSE file)", text)],
        ["Qt's International Components for Unicode. libicudata is rewritten by the build "
         "with the root, fr, en and de locales only (installer/slim_icu.py).",
         "The wheel ships no licence file: the text is ICU's own LICENSE, as shipped with "
         "ICU 72.1 (Debian's libicu-dev)."])


# --- the Python runtime, host libraries, fonts ------------------------------------------------


def _dpkg_owner(path: Path) -> str | None:
    if not shutil.which("dpkg"):
        return None
    result = subprocess.run(["dpkg", "-S", str(path)], capture_output=True, text=True)
    if result.returncode != 0:
        return None
    return result.stdout.split(":", 1)[0].strip()


def _dpkg_component(package: str, name: str, paths: list[str]) -> Component | None:
    copyright_file = Path("/usr/share/doc") / package / "copyright"
    if not copyright_file.is_file():
        return None
    text = copyright_file.read_text(encoding="utf-8", errors="replace")
    version = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", package],
                             capture_output=True, text=True).stdout.strip() or "?"
    # A machine-readable (DEP-5) file names its licences; an older free-form one is quoted
    # whole, and its licence is "what the file says".
    licence = None
    if text.startswith("Format:"):
        paragraphs = re.split(r"\n\s*\n", text)
        main = next((p for p in paragraphs if re.match(r"Files:\s*\*\s*$", p, re.M)), text)
        licence = re.search(r"^License:\s*(\S.*)$", main, re.M)
    return Component(name, version, licence.group(1).strip() if licence else
                     f"see the Debian copyright file of {package}",
                     f"the Debian package {package} of the build machine", paths,
                     _copyright_lines([(package, text)]) or [f"see {copyright_file}"],
                     [(f"{copyright_file} ({package})", text)])


def _host_path(name: str) -> Path | None:
    """Where on the build machine a library the freezer bundled came from."""
    directories = [sysconfig.get_config_var("LIBDIR") or "", "/lib/x86_64-linux-gnu",
                   "/usr/lib/x86_64-linux-gnu", "/lib", "/usr/lib", "/usr/local/lib"]
    for directory in directories:
        candidate = Path(directory) / name
        if directory and candidate.exists():
            return candidate.resolve()
    return None


def python_runtime(bundle: Path) -> Component:
    internal = _internal(bundle)
    version = platform.python_version()
    paths = [p.relative_to(bundle).as_posix() for p in sorted(internal.iterdir())
             if p.is_file() and re.match(r"(lib)?python3", p.name)]
    dynload = [d for d in internal.iterdir() if d.is_dir() and d.name.startswith("python3")]
    for folder in dynload:
        paths += [p.relative_to(bundle).as_posix() for p in sorted(folder.rglob("*"))
                  if p.is_file()]
    stdlib = Path(sysconfig.get_path("stdlib"))
    # Native files of the Python installation itself, wherever the freezer put them (on
    # Windows the .pyd and DLLs land in _internal/ directly).
    own = set()
    for folder in (Path(sys.base_prefix), Path(sys.base_prefix) / "DLLs", stdlib / "lib-dynload"):
        if folder.is_dir():
            own.update(p.name for p in folder.iterdir() if p.is_file())
    # LIBDIR is the system's library folder on Debian: only the interpreter's library is ours.
    libdir = Path(sysconfig.get_config_var("LIBDIR") or sys.base_prefix)
    if libdir.is_dir():
        own.update(p.name for p in libdir.glob("*python3*") if p.is_file())
    paths += [relative for relative in shared_objects(bundle) if relative not in paths
              and PurePosixPath(relative).name in own
              and PurePosixPath(relative).parent.as_posix() in (internal.relative_to(
                  bundle).as_posix(), ".")]
    for candidate in (stdlib / "LICENSE.txt", Path(sys.base_prefix) / "LICENSE.txt"):
        if candidate.is_file():
            text = candidate.read_text(encoding="utf-8")
            return Component("Python", version, "PSF-2.0", f"{candidate}", paths,
                             _copyright_lines([("Python", text)]), [("Python's LICENSE.txt",
                                                                      text)],
                             ["The interpreter, its standard library (compiled) and its "
                              "extension modules."])
    library = sysconfig.get_config_var("LDLIBRARY") or ""
    host = _host_path(library) if library else None
    package = _dpkg_owner(host) if host else None
    component = _dpkg_component(package, "Python", paths) if package else None
    if component is None:
        raise RuntimeError(f"no licence text found for the Python runtime {version} "
                           f"(looked for {stdlib / 'LICENSE.txt'} and a Debian package)")
    component.version = version
    return component


def bootloader_component(bundle: Path, components: list[Component]) -> Component | None:
    """The executables are PyInstaller's bootloader (GPL-2.0 with its bootloader exception)."""
    try:
        dist = metadata.distribution("pyinstaller")
    except metadata.PackageNotFoundError:
        return None
    executables = [p.relative_to(bundle).as_posix() for p in sorted(bundle.iterdir())
                   if p.is_file() and (_is_elf(p) or p.suffix.lower() == ".exe")]
    runtime = [p.relative_to(bundle).as_posix() for p in sorted(_internal(bundle).rglob("*"))
               if p.is_file() and ("_pyi_rth_utils" in p.parts or p.name.startswith("pyi_"))]
    texts = _distribution_texts(dist)
    return Component("PyInstaller bootloader", dist.version, _declared_licence(dist.metadata),
                     "Python package metadata (pyinstaller)", executables + runtime,
                     _copyright_lines(texts), texts,
                     ["The programs that start the kit, and PyInstaller's run-time hooks. Its "
                      "licence's exception lets them ship with a program under any licence."])


def host_libraries(bundle: Path, claimed: set[str]) -> list[Component]:
    components: dict[str, Component] = {}
    for relative in shared_objects(bundle):
        if relative in claimed:
            continue
        host = _host_path(PurePosixPath(relative).name)
        package = _dpkg_owner(host) if host else None
        if not package:
            continue
        if package in components:
            components[package].paths.append(relative)
            continue
        component = _dpkg_component(package, package, [relative])
        if component:
            components[package] = component
    return list(components.values())


def font_components(bundle: Path) -> list[Component]:
    fonts = _internal(bundle) / "resources" / "fonts"
    licence = fonts / "LICENSE"
    if not licence.is_file():
        return []
    text = licence.read_text(encoding="utf-8")
    first = text.splitlines()[0]
    match = re.match(r"(.+?)\s+(\d+(?:\.\d+)+)", first)
    name, version = (match.group(1), match.group(2)) if match else ("Fonts", "?")
    return [Component(name, version, "Bitstream-Vera", f"{licence.name} in resources/fonts",
                      [p.relative_to(bundle).as_posix() for p in sorted(fonts.iterdir())
                       if p.suffix.lower() in (".ttf", ".otf")],
                      _copyright_lines([(name, text)]), [(f"resources/fonts/LICENSE", text)],
                      ["The fonts the run sheets and handouts are printed with."])]


# --- the whole, the check, the files -------------------------------------------------------


def collect(bundle: Path) -> list[Component]:
    bundle = Path(bundle)
    components = python_distributions(bundle)
    extras = [qt_component(bundle, components), ffmpeg_component(bundle), icu_component(bundle),
              python_runtime(bundle), bootloader_component(bundle, components)]
    components += [c for c in extras if c is not None]
    claimed = {p for c in components for p in c.paths}
    components += host_libraries(bundle, claimed)
    components += font_components(bundle)
    return components


def problems(bundle: Path, components: list[Component]) -> list[str]:
    """What makes the notices incomplete: a distribution in the bundle, or a native library,
    with no component holding a licence text."""
    found = []
    for component in components:
        if not component.texts or not all(text.strip() for _t, text in component.texts):
            found.append(f"{component.name} {component.version}: no licence text")
    listed = {re.sub(r"[-_.]+", "-", c.distribution).lower() for c in components
              if c.distribution}
    internal = _internal(bundle)
    for folder in sorted(internal.glob("*.dist-info")):
        name = re.sub(r"[-_.]+", "-", folder.name[:-len(".dist-info")].rsplit("-", 1)[0]).lower()
        if name not in listed and name != OWN_DISTRIBUTION:
            found.append(f"{folder.name} is in the bundle but not in the notices")
    claimed = {p for c in components for p in c.paths}
    for relative in shared_objects(bundle):
        if relative not in claimed:
            found.append(f"{relative}: no component claims this library")
    return found


REPLACING_QT = """\
Replacing the Qt libraries (GNU LGPL)
-------------------------------------
Qt, PySide6 and FFmpeg are used under the GNU Lesser General Public License. The kit
loads them as separate shared libraries from its own folder, so you may replace them
with versions you built or changed yourself:

  1. Build Qt {qt_version} (or a later 6.x release with the same binary interface), or take
     the libraries from the PySide6 {pyside_version} wheels (pip download
     pyside6-essentials=={pyside_version} pyside6-addons=={pyside_version}).
  2. In the kit's folder (the .deb installs it in /opt/mediation-kit; the .tar.gz and the
     Windows portable .zip unpack it where you choose), replace the files of the same name:
       {qt_folder}/lib/      the Qt libraries (libQt6*.so.6) and FFmpeg's (libav*, libsw*)
       {qt_folder}/plugins/  the Qt plug-ins
       {pyside_folder}/      the PySide6 bindings (*.abi3.so), if you rebuild them too
     On Windows the libraries are the Qt6*.dll, avcodec-*.dll... files of the same folders.
  3. Start the kit with `mediation-kit --self-test`: it checks that the window, the search
     and video playback still work with your libraries.

The build strips the debug symbols of the Qt libraries and keeps only the root, fr, en and de
locales of ICU's data (installer/slim_icu.py); nothing else in them is changed. The sources
of Qt, PySide6 and FFmpeg are published by their projects; the versions are listed below.
"""


def render_text(components: list[Component], app_name: str, app_version: str) -> str:
    qt = next((c for c in components if c.name == "Qt"), None)
    pyside = next((c for c in components if c.name.lower().startswith("pyside6")), None)
    qt_paths = qt.paths if qt else []
    qt_folder = next((p.split("/lib/")[0] for p in qt_paths if "/lib/" in p), "_internal/PySide6/Qt")
    import textwrap

    introduction = (f"{app_name} itself is free software under the GNU General Public License, "
                    "version 3 or later (LICENSE.txt). It is distributed with the components "
                    "below, each under its own licence. This file is generated by the release "
                    "build from the files in the bundle and their metadata.")
    out = [f"{app_name} {app_version}: third-party notices", "=" * 60, "",
           *textwrap.wrap(introduction, 88), ""]
    out.append(REPLACING_QT.format(
        qt_version=qt.version if qt else "?", pyside_version=pyside.version if pyside else "?",
        qt_folder=qt_folder, pyside_folder=qt_folder.rsplit("/", 1)[0]))
    out += ["Components", "----------"]
    for c in components:
        out.append(f"  {c.name} {c.version}: {c.licence}")
    out.append("")
    printed: dict[str, str] = {}
    for c in components:
        out += ["", "=" * 60, f"{c.name} {c.version}", "=" * 60,
                f"Licence: {c.licence}", f"Information from: {c.origin}"]
        out += [f"Copyright: {line}" for line in c.copyright]
        out += [f"Note: {note}" for note in c.notes]
        out.append(f"Files in the bundle: {len(c.paths)}")
        for title, text in c.texts:
            digest = hashlib.sha256(text.encode()).hexdigest()
            if digest in printed:
                out.append(f"\n--- {title}: the same text as printed above under "
                           f"\"{printed[digest]}\" ---")
                continue
            printed[digest] = f"{c.name}: {title}"
            out += ["", f"--- {title} ---", text.rstrip(), f"--- end of {title} ---"]
    return "\n".join(out) + "\n"


def render_json(components: list[Component]) -> str:
    return json.dumps([{"name": c.name, "version": c.version, "licence": c.licence,
                        "texts": [t for t, _ in c.texts], "files": len(c.paths)}
                       for c in components], indent=1, ensure_ascii=False) + "\n"


def write(folder: Path, components: list[Component], app_name: str, app_version: str) -> list[Path]:
    """Writes the notices (text, and JSON for the About box) into `folder`."""
    targets = []
    Path(folder).mkdir(parents=True, exist_ok=True)
    for name, content in ((NOTICES_TXT, render_text(components, app_name, app_version)),
                          (NOTICES_JSON, render_json(components))):
        target = Path(folder) / name
        temporary = target.with_name(target.name + ".part")
        temporary.write_text(content, encoding="utf-8")
        temporary.replace(target)
        targets.append(target)
    return targets


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Collect the third-party notices of a bundle.")
    parser.add_argument("bundle", type=Path, help="the one-folder bundle (build/release/dist/…)")
    parser.add_argument("--out", type=Path, help="write the notices here (default: print)")
    args = parser.parse_args(argv)
    components = collect(args.bundle)
    for problem in problems(args.bundle, components):
        print(f"problem: {problem}", file=sys.stderr)
    if args.out:
        for path in write(args.out, components, "Mediation Kit", "?"):
            print(path)
    else:
        for c in components:
            print(f"{c.name} {c.version}: {c.licence} ({len(c.paths)} files, "
                  f"{len(c.texts)} texts)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
