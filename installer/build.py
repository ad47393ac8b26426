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
  7. package: Linux .tar.gz + .deb, Windows setup .exe (Inno Setup) + portable .zip,
     macOS .dmg; then SHA256SUMS
  8. print the sizes and check the bounds (Linux: .tar.gz <= 60 MiB, unpacked <= 150 MB)

Dates inside the archives are the commit's (SOURCE_DATE_EPOCH), so two builds of one commit
give the same file lists. `--reuse-bundle` skips steps 1-5 and repackages the last bundle.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
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
import locked  # noqa: E402
import mediation_kit  # noqa: E402
from mediation_kit.core.build_info import BuildInfo, iso_date, pack_versions  # noqa: E402

MIB = 1024 * 1024
MAX_TAR_GZ = 60 * MIB  # bytes of the Linux .tar.gz
MAX_UNPACKED = 150_000_000  # bytes of the files of the unpacked Linux folder (150 MB)
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
    print(f"    index: {status.doc_count or '?'} documents, {str(status.state)}")
    return index


def check_release_notes() -> None:
    """The AppStream data must announce this version: software centres show it."""
    import xml.etree.ElementTree as ET

    metainfo = INSTALLER / "linux" / f"{mediation_kit.APP_ID}.metainfo.xml"
    versions = [r.get("version") for r in ET.parse(metainfo).getroot().iter("release")]
    if mediation_kit.__version__ not in versions:
        raise BuildError(f"{metainfo.relative_to(ROOT)}: no <release version="
                         f"\"{mediation_kit.__version__}\">; add one above {versions[:1]}")


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


def package_linux(bundle: Path, dist: Path, work: Path, epoch: int) -> list[Path]:
    import debian

    version = mediation_kit.__version__
    tar = archive.write_tar_gz(bundle, dist / f"mediation-kit-{version}-linux-x86_64.tar.gz",
                               f"mediation-kit-{version}", epoch)
    outputs = [tar]
    if shutil.which("dpkg-deb"):
        root = debian.layout(work / "deb-root", bundle, INSTALLER, mediation_kit.APP_ID, version)
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
        run(["hdiutil", "create", "-volname", mediation_kit.APP_NAME, "-srcfolder", tmp,
             "-ov", "-format", "UDZO", target])
    return [target]


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
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.monotonic()
    work, dist = args.work.resolve(), args.dist.resolve()
    epoch = source_date_epoch()
    print(f"{mediation_kit.APP_NAME} {mediation_kit.__version__} ({mediation_kit.APP_ID}) "
          f"for {platform_tag()}; SOURCE_DATE_EPOCH={epoch}")
    try:
        step("0. Checking the Python packages against requirements/lock.txt")
        check_locked_packages()
        bundle = work / "dist" / "mediation-kit"
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
            check_release_notes()
            write_build_info(stage, epoch)
            step("5. PyInstaller (one folder)")
            bundle = pyinstaller(stage, work, epoch)
        if not args.skip_self_test:
            step("6. Self-test of the frozen app, without network")
            self_test(bundle)
        step("7. Packaging")
        shutil.rmtree(dist, ignore_errors=True)
        dist.mkdir(parents=True)
        if IS_LINUX:
            outputs = package_linux(bundle, dist, work, epoch)
        elif IS_WINDOWS:
            outputs = package_windows(bundle, dist, epoch)
        else:
            outputs = package_macos(bundle, dist)
        sums = archive.write_sha256sums(outputs, dist / "SHA256SUMS")
        step("8. Sizes")
        check_sizes(bundle, outputs)
    except BuildError as error:
        print(f"\nbuild failed: {error}", file=sys.stderr)
        return 1
    print(f"\nDone in {time.monotonic() - started:.0f} s:")
    for path in [*outputs, sums]:
        print(f"    {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
