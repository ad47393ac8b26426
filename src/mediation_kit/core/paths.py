"""Where bundled resources are, and where the user's data goes.

Bundled (read-only, the install folder may not be writable):
  - frozen by PyInstaller: `resources/`, `translations/` (compiled), `icons/` under the bundle
    folder (`sys._MEIPASS`)
  - installed from a wheel (`pip install .`): the same layout in the package, under
    `mediation_kit/bundled/` (setup.py puts it there)
  - from the source tree (a checkout, an editable install): `<repo>/resources`,
    `<repo>/translations`, `<repo>/installer/icons`
  - `MEDIATION_KIT_RESOURCES` overrides the resources folder (tests, maintainers)

User data (writable): the platform's folders from platformdirs, or, in portable mode (a file
named `portable` beside the executable), a `data` folder beside the executable, so that the
kit runs from a USB stick and writes nothing on the host PC.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from mediation_kit import APP_DIRNAME

PORTABLE_MARKER = "portable"


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


# The folder of the package that holds the data in an installed wheel (setup.py: BUNDLED).
INSTALLED_DATA_DIR = "bundled"


def installed_data_root() -> Path:
    """Where a wheel puts the data: mediation_kit/bundled (it may not exist)."""
    return Path(__file__).resolve().parents[1] / INSTALLED_DATA_DIR


def runs_from_source() -> bool:
    """A checkout or an editable install: data in the repository, not beside the code."""
    return not is_frozen() and not installed_data_root().is_dir()


def bundle_root() -> Path:
    """The folder holding `resources/` and `translations/`."""
    if is_frozen():
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    if not runs_from_source():
        return installed_data_root()
    # src/mediation_kit/core/paths.py -> repository root
    return Path(__file__).resolve().parents[3]


def resources_dir() -> Path:
    override = os.environ.get("MEDIATION_KIT_RESOURCES")
    return Path(override) if override else bundle_root() / "resources"


def packs_dir() -> Path:
    return resources_dir() / "packs"


def shipped_index_dir() -> Path:
    """The prebuilt index shipped with a release (may be absent in a source checkout)."""
    return resources_dir() / "index"


def translations_dir() -> Path:
    return bundle_root() / "translations"


def window_icon_files() -> list[Path]:
    """The app icon's PNG sizes for window title bars and task bars (PNG: no plugin needed)."""
    folder = bundle_root() / ("installer/icons" if runs_from_source() else "icons")
    return sorted(folder.glob("mediation-kit-*.png"))


def executable_dir() -> Path:
    return Path(sys.executable).resolve().parent


def portable_root() -> Path | None:
    """The portable data folder when the marker file sits beside the executable."""
    if is_frozen() and (executable_dir() / PORTABLE_MARKER).is_file():
        return executable_dir() / "data"
    override = os.environ.get("MEDIATION_KIT_PORTABLE_DIR")
    return Path(override) if override else None


@dataclass(frozen=True)
class UserDirs:
    config: Path
    data: Path
    cache: Path
    log: Path

    @property
    def index_cache(self) -> Path:
        """Where an index rebuilt on this PC lives."""
        return self.cache / "index"

    @property
    def thumbnails(self) -> Path:
        return self.cache / "thumbnails"

    @property
    def plans(self) -> Path:
        return self.data / "plans"

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.toml"


def user_dirs() -> UserDirs:
    """The folders for this user, created lazily by whoever writes into them."""
    root = portable_root()
    if root is not None:
        return UserDirs(root / "config", root / "data", root / "cache", root / "logs")
    import platformdirs

    dirs = platformdirs.PlatformDirs(APP_DIRNAME, appauthor=False)
    return UserDirs(
        Path(dirs.user_config_dir),
        Path(dirs.user_data_dir),
        Path(dirs.user_cache_dir),
        Path(dirs.user_log_dir),
    )
