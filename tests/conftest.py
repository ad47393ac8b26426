"""Test-wide set-up: no display needed, no user folder touched, Qt's noise filtered.

Set before anything imports Qt: without a display, Qt would abort the whole pytest process
instead of failing one test.
"""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# QtMultimedia looks for optional libraries (pipewire, VA-API) and logs when they are absent.
os.environ["QT_LOGGING_RULES"] = ";".join(
    filter(None, [os.environ.get("QT_LOGGING_RULES"),
                  "qt.multimedia.symbolsresolver=false", "qt.multimedia.ffmpeg*=false"]))
# Every user folder (settings, caches, logs, rebuilt index) goes to a throwaway place, and so
# does what libraries write on their own under HOME (PulseAudio's cookie, fontconfig's cache):
# the person running the tests finds their own folders as they left them.
TEST_ROOT = Path(tempfile.mkdtemp(prefix="mediation-kit-tests-"))
os.environ["MEDIATION_KIT_PORTABLE_DIR"] = str(TEST_ROOT / "portable")
for variable, folder in (("HOME", "home"), ("XDG_CONFIG_HOME", "home/.config"),
                         ("XDG_CACHE_HOME", "home/.cache"), ("XDG_DATA_HOME", "home/.local/share"),
                         ("XDG_STATE_HOME", "home/.local/state")):
    (TEST_ROOT / folder).mkdir(parents=True, exist_ok=True)
    os.environ[variable] = str(TEST_ROOT / folder)
# Removed when the run ends (also when it fails); the kit made it, so the kit removes it.
atexit.register(shutil.rmtree, TEST_ROOT, ignore_errors=True)

import pytest  # noqa: E402

from mediation_kit.core import i18n  # noqa: E402


@pytest.fixture(autouse=True)
def _english_interface():
    """Each test starts in the source language, whatever the last one switched to."""
    i18n.set_language(i18n.SOURCE_LANGUAGE)
    yield
    i18n.set_language(i18n.SOURCE_LANGUAGE)
