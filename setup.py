"""The wheel carries what the kit needs beside its code (metadata: pyproject.toml).

`pip install .` (not editable) gives a kit that runs from site-packages, so the build copies
into the package, under `mediation_kit/bundled/`:
  resources/packs/         the content packs (not a prebuilt index: the kit builds its own)
  resources/keys/          the maintainers' public keys, to check pack archives
  resources/selftest/      the short video `--self-test` plays
  translations/<lang>/LC_MESSAGES/mediation_kit.mo   compiled here from the .po with Babel
  icons/                   the window icons (PNG)
the same layout as the frozen bundle, found by src/mediation_kit/core/paths.py. An editable
install (scripts/setup.sh) copies nothing: it runs from the source tree.
"""

import shutil
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
BUNDLED = "bundled"  # core/paths.py: INSTALLED_DATA_DIR
# The self-test's sample video, staged as installer/build.py stages it for releases.
SAMPLE_VIDEO = ("tests/fixtures/media/tiny-talk.mp4", "resources/selftest/sample.mp4")
LEFT_OUT = shutil.ignore_patterns(".*", "__pycache__", "*~", "Thumbs.db")


class BuildPyWithData(build_py):
    """build_py, then the kit's data copied and its catalogs compiled into the package."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "mediation_kit" / BUNDLED
        if target.exists():
            shutil.rmtree(target)  # a previous build's files must not linger
        shutil.copytree(ROOT / "resources" / "packs", target / "resources" / "packs",
                        ignore=LEFT_OUT)
        shutil.copytree(ROOT / "resources" / "keys", target / "resources" / "keys",
                        ignore=LEFT_OUT)
        source, staged = SAMPLE_VIDEO
        (target / staged).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / source, target / staged)
        (target / "icons").mkdir()
        for icon in sorted((ROOT / "installer" / "icons").glob("mediation-kit-*.png")):
            shutil.copyfile(icon, target / "icons" / icon.name)
        sys.path.insert(0, str(ROOT / "src"))
        from mediation_kit.core.i18n_tools import compile_catalogs

        for language, mo, translated in compile_catalogs(ROOT / "translations",
                                                         target / "translations"):
            print(f"compiled {language}: {translated} messages -> {mo.relative_to(target)}")


setup(cmdclass={"build_py": BuildPyWithData})
