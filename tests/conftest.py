"""Test-wide set-up: no display needed, no user folder touched, Qt's noise filtered.

Set before anything imports Qt: without a display, Qt would abort the whole pytest process
instead of failing one test.
"""

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# QtMultimedia looks for optional libraries (pipewire, VA-API) and logs when they are absent.
os.environ["QT_LOGGING_RULES"] = ";".join(
    filter(None, [os.environ.get("QT_LOGGING_RULES"),
                  "qt.multimedia.symbolsresolver=false", "qt.multimedia.ffmpeg*=false"]))
# Every user folder (settings, caches, logs, rebuilt index) goes to a throwaway place.
os.environ["MEDIATION_KIT_PORTABLE_DIR"] = tempfile.mkdtemp(prefix="mediation-kit-tests-")

import pytest  # noqa: E402

from mediation_kit.core import i18n  # noqa: E402


@pytest.fixture(autouse=True)
def _english_interface():
    """Each test starts in the source language, whatever the last one switched to."""
    i18n.set_language(i18n.SOURCE_LANGUAGE)
    yield
    i18n.set_language(i18n.SOURCE_LANGUAGE)
