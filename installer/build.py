"""The release command: from a clean checkout to tested installers in dist/.

    python installer/build.py            (run with the project's venv: .venv/bin/python)

Steps, each printed as it runs; any failure stops the build with a message:
  0. check that the venv has the versions of requirements/lock.txt (what the tests ran on)
  1. compile the translations (.po -> .mo, Babel) into the staging folder
  2. validate the content packs (`mediation-kit pack validate`)
  3. build the search index from the staged packs and verify it
  4. write build-info.json (version, commit, commit date, packs and their versions)
  5. PyInstaller, one folder (installer/mediation-kit.spec), then slim ICU's data (Linux)
  6. run the frozen app's `--self-test` (inside `unshare -n`, without network, where possible)
     then LICENSE.txt and the third-party notices (installer/notices.py) beside the
     executable, checked complete; no lock file or build leftover in the bundle
  7. package: Linux .tar.gz + .deb (with its DEP-5 copyright, changelog.gz and lintian
     overrides), Windows setup .exe (Inno Setup) + portable .zip, macOS .dmg; then SHA256SUMS,
     signed (SHA256SUMS.sig) with the maintainers' key (--signing-key or
     MEDIATION_KIT_SIGNING_KEY; --unsigned for a test build)
  8. print the sizes and check the bounds (Linux: .tar.gz <= 60 MiB, unpacked <= 160 MB)
  9. release checks (Linux; --skip-release-checks skips them, as the tests do): the .deb's
     copyright file parses (python3-debian), lintian shows no error beyond the overrides

Dates inside the archives are the commit's (SOURCE_DATE_EPOCH), so two builds of one commit
give the same file lists. `--reuse-bundle` skips steps 1-5 and repackages the last bundle.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

INSTALLER = Path(__file__).resolve().parent
ROOT = INSTALLER.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(INSTALLER))

import archive  # noqa: E402
import changelog  # noqa: E402
import locked  # noqa: E402
import mediation_kit  # noqa: E402
from mediation_kit.core.build_info import BuildInfo, iso_date, pack_versions  # noqa: E402

MIB = 1024 * 1024
MAX_TAR_GZ = 60 * MIB  # bytes of the Linux .tar.gz
# Bytes of the files of the unpacked Linux folder: 150 MB until `cryptography` (pack and
# release signatures, 11.7 MB of it) came in; measured 152.6 MB with it.
MAX_UNPACKED = 160_000_000
WINDOW_ICON_SIZES = (16, 32, 48, 256)  # window title bars and task bars (core/paths.py)
EXE_NAME = "mediation-kit"
IS_LINUX = sys.platform.startswith("linux")
IS_WINDOWS = sys.platform == "win32"
IS_MACOS = sys.platform == "darwin"


class BuildError(Exception):
    """A step failed; the message says which and why."""


def step(title: str) -> None:
    print(f"\n==> {title}", flush=True)


def run(cmd: list, label: str | None = None, **kwargs) -> subprocess.CompletedProcess:
    """Runs `cmd`, printing it (or `label`); a non-zero exit status stops the build."""
    shown = label or " ".join(str(c) for c in cmd)
    print(f"    $ {shown}", flush=True)
    result = subprocess.run([str(c) for c in cmd], **kwargs)
    if result.returncode != 0:
        raise BuildError(f"`{shown}` failed with exit status {result.returncode}")
    return result


# --- what is being built -----------------------------------------------------------------


def git(*args: str) -> str | None:
    try:
        out = subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True)
    except OSError:
        return None
    return out.stdout.strip() if out.returncode == 0 else None


def source_date_epoch() -> int:
    """SOURCE_DATE_EPOCH if set, else the commit's date, else now (not reproducible)."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return int(os.environ["SOURCE_DATE_EPOCH"])
    stamp = git("log", "-1", "--format=%ct", "HEAD")
    if stamp:
        return int(stamp)
    print("    warning: no git commit; archives are dated now and not reproducible")
    return int(time.time())


def platform_tag() -> str:
    machine = platform.machine().lower()
    arch = {"amd64": "x86_64", "x86_64": "x86_64", "arm64": "arm64", "aarch64": "arm64"}.get(
        machine, machine)
    if IS_WINDOWS:
        return "windows-x64" if arch == "x86_64" else f"windows-{arch}"
    if IS_MACOS:
        return f"macos-{arch}"
    return f"linux-{arch}"


# --- 1-4: staging the data ---------------------------------------------------------------


def compile_translations(stage: Path) -> list[Path]:
    """Every translations/<lang>/LC_MESSAGES/*.po compiled to the staged .mo (fuzzy left out,
    as `pybabel compile` does); a catalog with errors stops the build. The wheel build
    (setup.py) compiles with the same function."""
    from mediation_kit.core.i18n_tools import compile_catalogs

    try:
        compiled = compile_catalogs(ROOT / "translations", stage / "translations")
    except ValueError as error:
        raise BuildError(str(error)) from None
    for language, mo, translated in compiled:
        print(f"    {language}: {translated} messages -> {mo.relative_to(stage)}")
    if not compiled:
        print("    warning: no .po catalog under translations/: the kit ships in English only")
    return [mo for _, mo, _ in compiled]


def cli(*args: str, seed: int | None = None, **kwargs) -> subprocess.CompletedProcess:
    """The kit's own command line, from this checkout. With `seed`, Python's `random` is
    seeded first: Whoosh names its segment files at random, and the same names on every
    build keep the archives' file lists identical."""
    prelude = (f"import random; random.seed({seed}); " if seed is not None else "")
    code = (prelude + "import sys; from mediation_kit.__main__ import main; "
            "sys.exit(main(sys.argv[1:]))")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return run([sys.executable, "-c", code, *args], label="mediation-kit " + " ".join(args),
               env=env, **kwargs)


def validate_packs() -> None:
    packs = sorted(p for p in (ROOT / "resources" / "packs").iterdir()
                   if (p / "pack.toml").is_file())
    if not packs:
        raise BuildError("no content pack under resources/packs")
    cli("pack", "validate", *map(str, packs))


def stage_packs(stage: Path) -> Path:
    target = stage / "resources" / "packs"
    shutil.copytree(ROOT / "resources" / "packs", target,
                    ignore=shutil.ignore_patterns(".*", "__pycache__", "*~", "Thumbs.db"))
    return target


def stage_plan_resources(stage: Path) -> list[Path]:
    """The fonts the run sheets and handouts are printed with (and their licence), the
    example workshop plan the README and the presentation start from, and the maintainers'
    public keys that pack archives are checked against."""
    targets = []
    for name in ("fonts", "plans", "keys"):
        target = stage / "resources" / name
        shutil.copytree(ROOT / "resources" / name, target,
                        ignore=shutil.ignore_patterns(".*", "__pycache__", "*~"))
        targets.append(target)
    return targets


def stage_sample_video(stage: Path) -> Path:
    """The self-test plays this 15 KB clip: proof that FFmpeg decodes in the frozen app."""
    source = ROOT / "tests" / "fixtures" / "media" / "tiny-talk.mp4"
    if not source.is_file():
        raise BuildError(f"{source.relative_to(ROOT)} is missing: the self-test needs it")
    target = stage / "resources" / "selftest" / "sample.mp4"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return target


def stage_window_icons(stage: Path) -> Path:
    """The icons the app's windows carry, where core/paths.py looks for them in a bundle."""
    target = stage / "icons"
    target.mkdir(parents=True, exist_ok=True)
    for size in WINDOW_ICON_SIZES:
        shutil.copyfile(ROOT / "installer" / "icons" / f"mediation-kit-{size}.png",
                        target / f"mediation-kit-{size}.png")
    return target


def build_index(stage: Path, epoch: int) -> Path:
    packs = stage / "resources" / "packs"
    index = stage / "resources" / "index"
    cli("index", "build", "--packs", str(packs), "--output", str(index), seed=epoch)
    from mediation_kit.core.search.index import check_index

    with tempfile.TemporaryDirectory(prefix="mk-cache-") as cache:
        status = check_index(packs, index, Path(cache) / "index")
    if not status.usable or str(status.source) != "shipped":
        raise BuildError(f"the index built in {index} is not usable: {status.message}")
    # Whoosh leaves its writer's lock file behind; the shipped index is only ever read.
    for lock in index.glob("*WRITELOCK"):
        lock.unlink()
    print(f"    index: {status.doc_count or '?'} documents, {str(status.state)}")
    return index


def check_release_notes() -> list:
    """CHANGELOG.md must describe this version, and the AppStream data (software centres
    show it) must say what CHANGELOG.md says: installer/changelog.py generates it."""
    try:
        releases = changelog.parse()
    except (changelog.ChangelogError, OSError) as error:
        raise BuildError(str(error)) from None
    versions = [release.version for release in releases]
    if mediation_kit.__version__ not in versions:
        raise BuildError(f"CHANGELOG.md: no '## {mediation_kit.__version__} - <date>' entry; "
                         f"add one above {versions[:1]}")
    metainfo = INSTALLER / "linux" / f"{mediation_kit.APP_ID}.metainfo.xml"
    if changelog.appstream_releases(releases) not in metainfo.read_text(encoding="utf-8"):
        raise BuildError(f"{metainfo.relative_to(ROOT)}: its <releases> differ from "
                         "CHANGELOG.md; run python installer/changelog.py")
    print(f"    CHANGELOG.md: {mediation_kit.__version__} of {releases[versions.index(mediation_kit.__version__)].date}")
    return releases


def write_build_info(stage: Path, epoch: int) -> BuildInfo:
    commit = git("rev-parse", "HEAD")
    dirty = bool(git("status", "--porcelain", "--untracked-files=no")) if commit else False
    info = BuildInfo(version=mediation_kit.__version__, commit=commit, dirty=dirty,
                     date=iso_date(epoch), packs=pack_versions(stage / "resources" / "packs"),
                     source="release")
    (stage / "build-info.json").write_text(info.to_json(), encoding="utf-8")
    print(f"    {info.version} {info.short_commit or 'no commit'} {info.date}; packs: "
          + ", ".join(f"{p.id} {p.version}" for p in info.packs))
    return info


# --- 5: PyInstaller ----------------------------------------------------------------------


def pyinstaller(stage: Path, work: Path, epoch: int) -> Path:
    env = {**os.environ, "MEDIATION_KIT_STAGE": str(stage), "SOURCE_DATE_EPOCH": str(epoch)}
    if IS_MACOS:
        env["MEDIATION_KIT_ICNS"] = str(make_icns(work))
    run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", work / "dist", "--workpath", work / "pyinstaller",
         INSTALLER / "mediation-kit.spec"], env=env)
    bundle = work / "dist" / "mediation-kit"
    if IS_LINUX:
        strip_debug_symbols(bundle)
        clear_build_runpaths(bundle)
        slim_icu_data(bundle)
    return bundle


# Already stripped upstream, and `strip` breaks their layout (see the spec).
NEVER_STRIP = ("libavcodec", "libavformat", "libavutil", "libswresample", "libswscale")


def strip_debug_symbols(bundle: Path) -> None:
    """Strips every ELF file but the FFmpeg libraries; prints what it saved."""
    if not shutil.which("strip"):
        print("    warning: strip not found (Debian: binutils): debug symbols stay")
        return
    saved = 0
    for path in archive.walk_sorted(bundle):
        if path.is_symlink() or not path.is_file() or path.name.startswith(NEVER_STRIP):
            continue
        with path.open("rb") as fp:
            if fp.read(4) != b"\x7fELF":
                continue
        before = path.stat().st_size
        subprocess.run(["strip", str(path)], check=True)
        saved += before - path.stat().st_size
    print(f"    debug symbols stripped: {saved / 1e6:.1f} MB saved")


def clear_build_runpaths(bundle: Path) -> None:
    """Removes the RUNPATHs that name a folder of the build machine (a Python built with
    pyenv links its modules with `RUNPATH <prefix>/lib`): on a user's PC they point nowhere,
    or somewhere they should not. `$ORIGIN` paths, which Qt needs, stay."""
    patchelf = shutil.which("patchelf")
    cleared = 0
    for path in archive.walk_sorted(bundle):
        if path.is_symlink() or not path.is_file() or path.name.startswith(NEVER_STRIP):
            continue
        with path.open("rb") as fp:
            if fp.read(4) != b"\x7fELF":
                continue
        result = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True)
        paths = [p for line in result.stdout.splitlines() if "(RUNPATH)" in line or "(RPATH)"
                 in line for p in line.split("[", 1)[1].rstrip("]").split(":")]
        if not any(p and not p.startswith("$ORIGIN") for p in paths):
            continue
        if not patchelf:
            # A test build may go on; a release's lintian check then fails on it.
            print(f"    warning: {path.relative_to(bundle)} keeps RUNPATH {':'.join(paths)} "
                  "from the build machine: patchelf is missing (Debian: patchelf)")
            continue
        kept = [p for p in paths if p.startswith("$ORIGIN")]
        args = ["--set-rpath", ":".join(kept)] if kept else ["--remove-rpath"]
        subprocess.run([patchelf, *args, str(path)], check=True)
        cleared += 1
    print(f"    build-machine RUNPATHs removed from {cleared} files")


# Files a bundle must never carry: locks, half-written files, editor and OS droppings.
LEFTOVER_NAMES = ("*WRITELOCK", "*.lock", "*.part", "*.tmp", "*~", ".DS_Store", "Thumbs.db",
                  "__pycache__", ".git", ".gitignore")


def check_leftovers(bundle: Path) -> None:
    import fnmatch

    found = [p.relative_to(bundle).as_posix() for p in archive.walk_sorted(bundle)
             if any(fnmatch.fnmatch(p.name, pattern) for pattern in LEFTOVER_NAMES)]
    if found:
        raise BuildError("build leftovers in the bundle: " + ", ".join(found[:10]))
    print("    no lock file or build leftover")


def write_licences(bundle: Path) -> list:
    """LICENSE.txt and the third-party notices beside the executable; fails when a component
    found in the bundle has no licence text."""
    import notices

    shutil.copyfile(ROOT / "LICENSE", bundle / "LICENSE.txt")
    try:
        components = notices.collect(bundle)
    except RuntimeError as error:
        raise BuildError(f"third-party notices: {error}") from None
    problems = notices.problems(bundle, components)
    if problems:
        raise BuildError("third-party notices incomplete: " + "; ".join(problems))
    written = notices.write(bundle, components, mediation_kit.APP_NAME, mediation_kit.__version__)
    distributions = sum(1 for c in components if c.distribution)
    print(f"    {len(components)} components ({distributions} Python distributions), each with "
          f"its licence text -> {', '.join(p.name for p in written)} "
          f"({sum(p.stat().st_size for p in written) / 1e3:.0f} kB)")
    return components


def slim_icu_data(bundle: Path) -> None:
    import slim_icu

    libraries = sorted(bundle.rglob("libicudata.so.*"))
    libraries = [lib for lib in libraries if not lib.is_symlink()]
    if not libraries:
        return
    if not slim_icu.tools_available():
        print("    warning: icupkg or binutils missing (Debian: icu-devtools, binutils): "
              "ICU's data is shipped whole (+23 MB)")
        return
    for library in libraries:
        before, after = slim_icu.slim(library)
        print(f"    ICU data {library.name}: {before / 1e6:.1f} MB -> {after / 1e6:.1f} MB")


def make_icns(work: Path) -> Path:
    import icons

    iconset = icons.write_iconset(work / "mediation-kit.iconset")
    target = work / "mediation-kit.icns"
    run(["iconutil", "-c", "icns", "-o", target, iconset])
    return target


# --- 6: self-test ------------------------------------------------------------------------


def executable(bundle: Path) -> Path:
    if IS_MACOS:
        app = bundle.parent / f"{mediation_kit.APP_NAME}.app" / "Contents" / "MacOS" / EXE_NAME
        if app.exists():
            return app
    return bundle / (EXE_NAME + (".exe" if IS_WINDOWS else ""))


def no_network_prefix() -> list[str]:
    """`unshare -n` (root) or `unshare -rn` (user namespaces) when it works here, else []."""
    if not IS_LINUX or not shutil.which("unshare"):
        return []
    for prefix in (["unshare", "-n"], ["unshare", "-rn"]):
        try:
            if subprocess.run([*prefix, "true"], capture_output=True).returncode == 0:
                return prefix
        except OSError:
            pass
    return []


def self_test(bundle: Path) -> dict:
    """Runs the frozen `--self-test` with a throwaway home and no network; returns the report."""
    exe = executable(bundle)
    prefix = no_network_prefix()
    print(f"    network: {'cut (' + ' '.join(prefix) + ')' if prefix else 'NOT cut (no unshare)'}")
    with tempfile.TemporaryDirectory(prefix="mk-selftest-") as home:
        env = {k: v for k, v in os.environ.items()
               if k not in ("DISPLAY", "WAYLAND_DISPLAY", "MEDIATION_KIT_RESOURCES")}
        env.update(HOME=home, USERPROFILE=home, APPDATA=home, LOCALAPPDATA=home,
                   XDG_CONFIG_HOME=home, XDG_DATA_HOME=home, XDG_CACHE_HOME=home,
                   XDG_STATE_HOME=home, MEDIATION_KIT_PORTABLE_DIR=str(Path(home) / "data"),
                   QT_QPA_PLATFORM="offscreen")
        started = time.monotonic()
        result = subprocess.run([*prefix, str(exe), "--self-test"], capture_output=True,
                                text=True, env=env, timeout=300)
        elapsed = time.monotonic() - started
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        raise BuildError(f"the frozen self-test printed no JSON report (exit "
                         f"{result.returncode}):\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    report["network_cut"] = bool(prefix)
    for check in report.get("checks", []):
        mark = "ok " if check.get("ok") else "FAIL"
        print(f"    {mark} {check['name']:<16} {check.get('error', '')}")
    print(f"    {elapsed:.1f} s")
    if result.returncode != 0 or not report.get("ok"):
        raise BuildError("the frozen self-test failed: " + ", ".join(report.get("failed", [])))
    return report


# --- 7: packages -------------------------------------------------------------------------


def debian_documents(components: list, releases: list) -> tuple[str, str]:
    """The .deb's copyright file (from the notices) and changelog (from CHANGELOG.md)."""
    import debian
    import notices
    from mediation_kit.core.packs import load_packs

    try:
        maintainer = debian.maintainer()
    except ValueError as error:
        raise BuildError(str(error)) from None
    if maintainer == debian.PLACEHOLDER_MAINTAINER:
        print(f"    warning: MEDIATION_KIT_MAINTAINER is not set: the package names "
              f"{maintainer} (a release sets the real address)")
    generic = {spdx: (notices.LICENCE_TEXTS / name).resolve().read_text(encoding="utf-8")
               for spdx, (_title, name) in notices.GENERIC_TEXTS.items()}
    packs = [(pack.id, pack.licence) for pack in load_packs(ROOT / "resources" / "packs")]
    copyright_text = debian.copyright_file(components, mediation_kit.APP_NAME, maintainer,
                                           generic, packs)
    changes = changelog.debian_changelog(releases, debian.PACKAGE, maintainer)
    return copyright_text, changes


def package_linux(bundle: Path, dist: Path, work: Path, epoch: int, components: list,
                  releases: list) -> list[Path]:
    import debian

    version = mediation_kit.__version__
    tar = archive.write_tar_gz(bundle, dist / f"mediation-kit-{version}-linux-x86_64.tar.gz",
                               f"mediation-kit-{version}", epoch)
    outputs = [tar]
    if shutil.which("dpkg-deb"):
        copyright_text, changes = debian_documents(components, releases)
        root = debian.layout(work / "deb-root", bundle, INSTALLER, mediation_kit.APP_ID, version,
                             copyright_text, changes)
        deb = debian.build(root, dist / f"mediation-kit_{version}_amd64.deb", epoch)
        shutil.rmtree(root)  # a second copy of the bundle, no longer needed
        outputs.append(deb)
        check_deb(deb, work)
    else:
        print("    warning: dpkg-deb not found: no .deb")
    return outputs


def check_deb(deb: Path, work: Path) -> None:
    """Unpacks the .deb into a scratch root and validates what a desktop reads from it."""
    import debian

    scratch = work / "deb-check"
    shutil.rmtree(scratch, ignore_errors=True)
    run(["dpkg-deb", "-x", deb, scratch])
    problems = debian.missing_files(scratch, mediation_kit.APP_ID)
    problems += [path for path in debian.doc_files() if not (scratch / path).is_file()]
    if problems:
        raise BuildError(f"{deb.name}: missing " + ", ".join(problems))
    app_id = mediation_kit.APP_ID
    for tool, args in (("desktop-file-validate",
                        [scratch / f"usr/share/applications/{app_id}.desktop"]),
                       ("appstreamcli", ["validate", "--no-net",
                                         scratch / f"usr/share/metainfo/{app_id}.metainfo.xml"])):
        if shutil.which(tool):
            run([tool, *args], stdout=subprocess.DEVNULL)
        else:
            print(f"    warning: {tool} not found: not validated")
    shutil.rmtree(scratch)


def package_windows(bundle: Path, dist: Path, epoch: int) -> list[Path]:
    version = mediation_kit.__version__
    outputs = [archive.write_zip(bundle, dist / f"mediation-kit-{version}-windows-x64-portable.zip",
                                 f"mediation-kit-{version}", epoch,
                                 extra={"portable": b"", "data/.keep": b""})]
    iscc = shutil.which("iscc") or shutil.which("ISCC") or _inno_default()
    if iscc:
        run([iscc, "/Q", f"/DAppVersion={version}", f"/DAppId={mediation_kit.APP_ID}",
             f"/DAppName={mediation_kit.APP_NAME}", f"/DBundleDir={bundle}",
             f"/DOutputDir={dist}", f"/DIconFile={INSTALLER / 'icons' / 'mediation-kit.ico'}",
             INSTALLER / "windows" / "mediation-kit.iss"])
        outputs.append(dist / f"mediation-kit-{version}-windows-x64-setup.exe")
    else:
        print("    warning: Inno Setup (iscc) not found: no setup .exe")
    return outputs


def _inno_default() -> str | None:
    for base in (os.environ.get("ProgramFiles(x86)"), os.environ.get("ProgramFiles")):
        if base and Path(base, "Inno Setup 6", "ISCC.exe").is_file():
            return str(Path(base, "Inno Setup 6", "ISCC.exe"))
    return None


def package_macos(bundle: Path, dist: Path) -> list[Path]:
    app = bundle.parent / f"{mediation_kit.APP_NAME}.app"
    target = dist / f"mediation-kit-{mediation_kit.__version__}-{platform_tag()}.dmg"
    with tempfile.TemporaryDirectory(prefix="mk-dmg-") as tmp:
        shutil.copytree(app, Path(tmp) / app.name, symlinks=True)
        os.symlink("/Applications", Path(tmp) / "Applications")  # drag here to install
        # Beside the .app, not inside it: adding files would break its signature.
        for name in ("LICENSE.txt", "THIRD-PARTY-NOTICES.txt"):
            if (bundle / name).is_file():
                shutil.copyfile(bundle / name, Path(tmp) / name)
        run(["hdiutil", "create", "-volname", mediation_kit.APP_NAME, "-srcfolder", tmp,
             "-ov", "-format", "UDZO", target])
    return [target]


# --- 9: release checks --------------------------------------------------------------------


def check_copyright_parses(deb: Path, work: Path) -> None:
    """Reads the .deb's copyright file with python-debian, strictly (Debian: python3-debian)."""
    code = ("import sys, debian.copyright as c; "
            "parsed = c.Copyright(open(sys.argv[1], encoding='utf-8'), strict=True); "
            "print(len(list(parsed.all_files_paragraphs())), 'Files paragraphs,', "
            "len(list(parsed.all_license_paragraphs())), 'License paragraphs')")
    scratch = work / "deb-copyright"
    shutil.rmtree(scratch, ignore_errors=True)
    run(["dpkg-deb", "-x", deb, scratch], stdout=subprocess.DEVNULL)
    python = shutil.which("python3", path="/usr/bin") or "python3"
    result = subprocess.run([python, "-c", code, str(scratch / "usr/share/doc/mediation-kit/copyright")],
                            capture_output=True, text=True)
    shutil.rmtree(scratch)
    if result.returncode != 0:
        hint = (" (install python3-debian)" if "No module named 'debian'" in result.stderr
                else "")
        raise BuildError(f"{deb.name}: its copyright file does not parse{hint}: "
                         f"{result.stderr.strip().splitlines()[-1] if result.stderr else ''}")
    print(f"    copyright file parses: {result.stdout.strip()}")


def run_lintian(deb: Path) -> dict:
    """lintian on the .deb: any error not in the package's overrides fails the release."""
    if not shutil.which("lintian"):
        raise BuildError("lintian is not installed (Debian: apt-get install lintian)")
    print(f"    $ lintian --fail-on error --show-overrides {deb.name}", flush=True)
    result = subprocess.run(["lintian", "--fail-on", "error", "--show-overrides",
                             "--tag-display-limit", "0", str(deb)], capture_output=True,
                            text=True)
    counts: dict[str, int] = {}
    for line in result.stdout.splitlines():
        match = re.match(r"^([EWIPOX]): \S+: (\S+)", line)
        if match:
            key = f"{match.group(1)} {match.group(2)}"
            counts[key] = counts.get(key, 0) + 1
    for key, count in sorted(counts.items()):
        print(f"      {count:5d}  {key}")
    errors = [line for line in result.stdout.splitlines() if line.startswith("E:")]
    # With --show-overrides lintian exits 2 for overridden errors too: the verdict is the E:
    # lines (errors not overridden); any other status means lintian itself failed.
    if result.returncode not in (0, 2) or errors:
        raise BuildError(f"lintian: {len(errors)} errors beyond the overrides, first: "
                         f"{errors[:3]}")
    print("    lintian: no error (O: lines are the documented overrides)")
    return counts


def sign_checksums(sums: Path, key: Path | None, unsigned: bool) -> Path | None:
    import sign_release

    if key is None:
        if unsigned:
            print("    warning: --unsigned: SHA256SUMS is not signed (never for a release)")
            return None
        raise BuildError("no signing key: pass --signing-key PEM or set "
                         f"{sign_release.KEY_VARIABLE} (--unsigned for a test build)")
    try:
        target, signer = sign_release.sign_sums(sums, key)
    except sign_release.SigningError as error:
        raise BuildError(f"signing SHA256SUMS: {error}") from None
    print(f"    {target.name}: signed with the key {signer}")
    return target


# --- 8: sizes ----------------------------------------------------------------------------


def check_sizes(bundle: Path, outputs: list[Path]) -> dict:
    unpacked = archive.tree_size(bundle)
    sizes = {"unpacked_bytes": unpacked}
    print(f"    unpacked folder: {unpacked / 1e6:.1f} MB ({unpacked / MIB:.1f} MiB)")
    for path in outputs:
        size = path.stat().st_size
        sizes[path.name] = size
        print(f"    {path.name}: {size / MIB:.1f} MiB ({size / 1e6:.1f} MB)")
    problems = []
    if IS_LINUX:
        if unpacked > MAX_UNPACKED:
            problems.append(f"unpacked folder {unpacked / 1e6:.1f} MB > {MAX_UNPACKED / 1e6:.0f} MB")
        for path in outputs:
            if path.name.endswith(".tar.gz") and path.stat().st_size > MAX_TAR_GZ:
                problems.append(f"{path.name} {path.stat().st_size / MIB:.1f} MiB > 60 MiB")
    if problems:
        raise BuildError("size bounds exceeded: " + "; ".join(problems))
    return sizes


# --- the command -------------------------------------------------------------------------


def check_locked_packages() -> None:
    """A release is built with exactly the locked versions: the ones the tests ran on."""
    wrong = locked.mismatches(ROOT / "requirements" / "lock.txt")
    if wrong:
        listed = "; ".join(f"{name}: {what}" for name, what in sorted(wrong.items()))
        raise BuildError(f"this venv differs from requirements/lock.txt ({listed}). Install the "
                         "lock: python -m pip install --require-hashes -r requirements/lock.txt")
    print(f"    {sys.executable}: every package at its locked version")



def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Build and test the release installers.")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist",
                        help="where the installers and SHA256SUMS go (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "release",
                        help="staging and PyInstaller folder (default: build/release/)")
    parser.add_argument("--reuse-bundle", action="store_true",
                        help="skip steps 1-5: repackage the bundle already in --work")
    parser.add_argument("--skip-self-test", action="store_true",
                        help="do not run the frozen app's self-test (never for a release)")
    parser.add_argument("--skip-release-checks", action="store_true",
                        help="do not run lintian and the copyright parser (the tests' builds)")
    parser.add_argument("--signing-key", type=Path, default=None,
                        help="the maintainers' private key (PEM) signing SHA256SUMS "
                             "(default: $MEDIATION_KIT_SIGNING_KEY)")
    parser.add_argument("--unsigned", action="store_true",
                        help="leave SHA256SUMS unsigned when no key is given (test builds)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.signing_key is None and os.environ.get("MEDIATION_KIT_SIGNING_KEY"):
        args.signing_key = Path(os.environ["MEDIATION_KIT_SIGNING_KEY"])
    started = time.monotonic()
    work, dist = args.work.resolve(), args.dist.resolve()
    epoch = source_date_epoch()
    print(f"{mediation_kit.APP_NAME} {mediation_kit.__version__} ({mediation_kit.APP_ID}) "
          f"for {platform_tag()}; SOURCE_DATE_EPOCH={epoch}")
    try:
        step("0. Checking the Python packages against requirements/lock.txt")
        check_locked_packages()
        bundle = work / "dist" / "mediation-kit"
        releases = check_release_notes()
        if args.reuse_bundle:
            if not executable(bundle).exists():
                raise BuildError(f"--reuse-bundle: no bundle in {bundle}")
        else:
            stage = work / "stage"
            shutil.rmtree(stage, ignore_errors=True)
            stage.mkdir(parents=True)
            step("1. Compiling the translations")
            compile_translations(stage)
            step("2. Validating the content packs")
            validate_packs()
            step("3. Building and verifying the search index")
            stage_packs(stage)
            build_index(stage, epoch)
            stage_sample_video(stage)
            stage_plan_resources(stage)
            stage_window_icons(stage)
            step("4. Writing the build information")
            write_build_info(stage, epoch)
            step("5. PyInstaller (one folder)")
            bundle = pyinstaller(stage, work, epoch)
        step("5b. Licence, third-party notices, leftovers")
        components = write_licences(bundle)
        check_leftovers(bundle)
        if not args.skip_self_test:
            step("6. Self-test of the frozen app, without network")
            self_test(bundle)
        step("7. Packaging")
        shutil.rmtree(dist, ignore_errors=True)
        dist.mkdir(parents=True)
        if IS_LINUX:
            outputs = package_linux(bundle, dist, work, epoch, components, releases)
        elif IS_WINDOWS:
            outputs = package_windows(bundle, dist, epoch)
        else:
            outputs = package_macos(bundle, dist)
        sums = archive.write_sha256sums(outputs, dist / "SHA256SUMS")
        signature = sign_checksums(sums, args.signing_key, args.unsigned)
        step("8. Sizes")
        check_sizes(bundle, outputs)
        debs = [p for p in outputs if p.suffix == ".deb"]
        if debs and not args.skip_release_checks:
            step("9. Release checks: copyright file, lintian")
            check_copyright_parses(debs[0], work)
            run_lintian(debs[0])
    except BuildError as error:
        print(f"\nbuild failed: {error}", file=sys.stderr)
        return 1
    print(f"\nDone in {time.monotonic() - started:.0f} s:")
    for path in [*outputs, sums, *([signature] if signature else [])]:
        print(f"    {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
