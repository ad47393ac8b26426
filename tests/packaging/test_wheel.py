"""`pip install .` gives a kit that works: the wheel carries the packs, the compiled catalogs
and the icons, and the kit installed from it into a fresh virtual environment passes its
self-test with no network.

The wheel is built from a clean clone of HEAD, as a release is. The fresh venv installs it
offline (`--no-index`); its dependencies are the test venv's own, offered through a folder of
links to them (everything but the kit itself, installed editable there), so pip still checks
the wheel's requirements against them and nothing is downloaded.
"""

from __future__ import annotations

import gettext
import io
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import venv
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from mediation_kit.core import i18n, i18n_tools, paths
from release_helpers import isolated_env, no_network_prefix

ROOT = Path(__file__).resolve().parents[2]
DATA = "mediation_kit/bundled"
# What the test venv holds that the fresh one must not borrow: the kit (editable here) and the
# installers' own tools.
NOT_BORROWED = ("mediation_kit", "mediation-kit", "__editable__", "pip", "setuptools",
                "_distutils_hack", "distutils-precedence", "__pycache__")


def offline_pip_env(home: Path) -> dict[str, str]:
    """pip with no configuration file and no PIP_* variables: only what the command says."""
    env = {k: v for k, v in isolated_env(home).items() if not k.startswith("PIP_")}
    env["PIP_CONFIG_FILE"] = os.devnull
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def run(command, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run([str(c) for c in command], capture_output=True, text=True, **kwargs)
    assert result.returncode == 0, (f"{' '.join(map(str, command))} failed "
                                    f"({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result


@dataclass(frozen=True)
class Wheel:
    path: Path
    names: frozenset[str]


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Path:
    """A clean clone of HEAD: what a release or a source distribution is made from."""
    target = tmp_path_factory.mktemp("wheel-source") / "mediation-kit"
    run(["git", "clone", "--quiet", "--local", "--no-hardlinks", ROOT, target])
    head = run(["git", "-C", ROOT, "rev-parse", "HEAD"]).stdout.strip()
    run(["git", "-C", target, "checkout", "--quiet", "--detach", head])
    return target


def build_wheel(source: Path, dist: Path, home: Path) -> Wheel:
    """`pip wheel` of `source` (a folder or an sdist) with the test venv's build backend."""
    home.mkdir(exist_ok=True)
    run([sys.executable, "-m", "pip", "wheel", "--no-index", "--no-deps", "--no-build-isolation",
         "--wheel-dir", dist, source], env=offline_pip_env(home), timeout=300)
    [path] = dist.glob("mediation_kit-*.whl")
    with zipfile.ZipFile(path) as archive:
        names = frozenset(archive.namelist())
    return Wheel(path, names)


@pytest.fixture(scope="module")
def wheel(clone, tmp_path_factory) -> Wheel:
    base = tmp_path_factory.mktemp("wheel")
    built = build_wheel(clone, base / "dist", base / "home")
    print(f"wheel: {built.path.name}, {built.path.stat().st_size / 1024:.0f} KiB, "
          f"{len(built.names)} files")
    return built


def test_the_wheel_carries_the_packs_the_compiled_catalogs_and_the_icons(wheel):
    # Every content pack of the repository, file for file
    packs = ROOT / "resources" / "packs"
    expected = {f"{DATA}/resources/packs/{p.relative_to(packs).as_posix()}"
                for p in packs.rglob("*") if p.is_file() and not p.name.startswith(".")}
    assert expected and expected <= wheel.names, sorted(expected - wheel.names)[:5]
    # A compiled catalog for every translated language (never the .po sources)
    for language in i18n.LANGUAGES:
        assert f"{DATA}/translations/{language}/LC_MESSAGES/{i18n.DOMAIN}.mo" in wheel.names
    assert not [n for n in wheel.names if n.endswith((".po", ".pot"))]
    # The window icons and the self-test's video, where core/paths.py looks for them
    assert {f"{DATA}/icons/mediation-kit-{size}.png" for size in (16, 32, 48, 256)} <= wheel.names
    assert f"{DATA}/resources/selftest/sample.mp4" in wheel.names
    # And no index built on the maintainer's machine: the kit builds its own
    assert not [n for n in wheel.names if n.startswith(f"{DATA}/resources/index")]


def test_the_compiled_french_catalog_in_the_wheel_has_babels_plural_forms(wheel):
    with zipfile.ZipFile(wheel.path) as archive:
        data = archive.read(f"{DATA}/translations/fr/LC_MESSAGES/{i18n.DOMAIN}.mo")
    catalog = gettext.GNUTranslations(io.BytesIO(data))
    count, expression = i18n_tools.babel_plural_forms("fr")
    assert catalog.info()["plural-forms"].replace(" ", "").startswith(f"nplurals={count};")
    rule = gettext.c2py(expression)
    forms = {n: catalog.ngettext("{count} result", "{count} results", n) for n in (1, 2, 1_000_000)}
    assert forms[1] != forms[2]
    if rule(1_000_000) != rule(2):  # a "many" form (French under Babel 2.19): its own text
        assert forms[1_000_000] not in (forms[1], forms[2])


def test_the_source_distribution_builds_the_same_wheel(clone, wheel, tmp_path):
    # Given the source distribution of the same commit (MANIFEST.in says what it holds)
    code = "import sys; from setuptools import build_meta; print(build_meta.build_sdist(sys.argv[1]))"
    name = run([sys.executable, "-c", code, tmp_path / "sdist"], cwd=clone,
               env=offline_pip_env(tmp_path)).stdout.strip().splitlines()[-1]
    # When a wheel is built from it
    from_sdist = build_wheel(tmp_path / "sdist" / name, tmp_path / "dist", tmp_path / "home")
    # Then it holds the same files as the wheel built from the checkout
    assert from_sdist.names == wheel.names, sorted(from_sdist.names ^ wheel.names)[:10]


def borrowed_dependencies(target: Path) -> Path:
    """A folder of links to the test venv's installed packages, the kit and pip aside."""
    target.mkdir()
    site_dirs = {Path(sysconfig.get_paths()[key]) for key in ("purelib", "platlib")}
    for site in site_dirs:
        for entry in site.iterdir():
            if entry.name.startswith(NOT_BORROWED) or entry.suffix == ".pth":
                continue
            if not (target / entry.name).exists():
                (target / entry.name).symlink_to(entry, entry.is_dir())
    return target


def venv_python(folder: Path) -> Path:
    return folder / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


@pytest.mark.slow
def test_the_kit_installed_from_the_wheel_passes_its_self_test_offline(wheel, tmp_path):
    prefix = no_network_prefix()
    assert prefix, "unshare cannot cut the network here: the offline claim is not checked"
    home = tmp_path / "home"
    home.mkdir()
    # Given a fresh venv that sees the test venv's dependencies but not the kit
    fresh = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(fresh)
    python = venv_python(fresh)
    purelib = Path(run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"])
                   .stdout.strip())
    (purelib / "borrowed-dependencies.pth").write_text(
        f"{borrowed_dependencies(tmp_path / 'deps')}\n", encoding="utf-8")
    found = subprocess.run([python, "-c", "import mediation_kit"], capture_output=True)
    assert found.returncode != 0, "the fresh venv already sees a mediation_kit"
    # When the wheel is installed into it with pip, offline, dependencies checked
    install = run([*prefix, python, "-m", "pip", "install", "--no-index",
                   "--find-links", wheel.path.parent, "mediation-kit"],
                  env=offline_pip_env(home), timeout=300)
    assert "Successfully installed mediation-kit" in install.stdout
    # And its command runs the self-test with no network, from a folder far from the checkout
    executable = fresh / ("Scripts/mediation-kit.exe" if os.name == "nt" else "bin/mediation-kit")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run(
        [*prefix, str(executable), "--self-test"], capture_output=True, text=True, timeout=300,
        cwd=elsewhere, env=isolated_env(home, MEDIATION_KIT_PORTABLE_DIR=str(tmp_path / "data")))
    # Then every check passes
    report = json.loads(result.stdout)
    failed = {c["name"]: c.get("error") for c in report["checks"] if not c["ok"]}
    assert result.returncode == 0 and report["ok"], failed
    checks = {c["name"]: c["details"] for c in report["checks"]}
    # And the kit read its data from the installed package, not from this checkout
    installed = Path(checks["paths"]["bundle"])
    assert installed.is_relative_to(fresh) and installed.name == paths.INSTALLED_DATA_DIR
    assert Path(checks["paths"]["translations"]).is_relative_to(installed)
    assert report["frozen"] is False
    # And found every pack of the repository and a catalog for each translated language
    repo_packs = {tomllib.loads((p / "pack.toml").read_text(encoding="utf-8"))["id"]
                  for p in (ROOT / "resources" / "packs").iterdir() if (p / "pack.toml").is_file()}
    assert set(checks["library"]["packs"]) == repo_packs
    assert checks["index"]["documents"] > 0
    catalogs = checks["translations"]["catalogs"]
    assert set(catalogs) == set(i18n.LANGUAGES) and all(catalogs.values())
    shutil.rmtree(tmp_path / "deps")  # links only: the test venv's packages stay


def test_the_source_tree_and_an_editable_install_read_the_repository():
    # The test venv has the kit installed editable (scripts/setup.sh): data from the checkout
    assert paths.runs_from_source()
    assert paths.bundle_root() == ROOT
    assert paths.translations_dir() == ROOT / "translations"
    assert all(p.parent == ROOT / "installer" / "icons" for p in paths.window_icon_files())


def test_an_installed_package_reads_its_bundled_folder(tmp_path, monkeypatch):
    # Given the layout a wheel installs (core/paths.py beside mediation_kit/bundled)
    bundled = tmp_path / "bundled"
    (bundled / "icons").mkdir(parents=True)
    (bundled / "icons" / "mediation-kit-32.png").write_bytes(b"png")
    monkeypatch.setattr(paths, "installed_data_root", lambda: bundled)
    monkeypatch.delenv("MEDIATION_KIT_RESOURCES", raising=False)
    # Then resources, translations and icons come from there
    assert not paths.runs_from_source()
    assert paths.packs_dir() == bundled / "resources" / "packs"
    assert paths.translations_dir() == bundled / "translations"
    assert paths.window_icon_files() == [bundled / "icons" / "mediation-kit-32.png"]


def test_a_frozen_bundle_reads_its_own_folder_first(tmp_path, monkeypatch):
    # Given a PyInstaller bundle (and, to be sure, an installed-package folder as well)
    (tmp_path / "icons").mkdir()
    (tmp_path / "icons" / "mediation-kit-16.png").write_bytes(b"png")
    (tmp_path / "bundled-elsewhere").mkdir()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    monkeypatch.setattr(paths, "installed_data_root", lambda: tmp_path / "bundled-elsewhere")
    # Then the bundle's folder wins
    assert paths.bundle_root() == tmp_path
    assert paths.translations_dir() == tmp_path / "translations"
    assert paths.window_icon_files() == [tmp_path / "icons" / "mediation-kit-16.png"]
