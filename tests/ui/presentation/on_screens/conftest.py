"""Presenting on a real (virtual) X display with two screens: the operator's desk and an
unpluggable projector. These tests run only inside the child pytest that
`test_on_two_screens.py` starts with `QT_QPA_PLATFORM=xcb` on its own Xvfb; the main suite,
which is offscreen, never collects them directly.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

DISPLAY_ENV = "MEDIATION_KIT_PRESENT_DISPLAY"
HERE = Path(__file__).resolve().parent
XVFB_SCREENS = HERE.parent / "xvfb-screens"

if not os.environ.get(DISPLAY_ENV):
    collect_ignore_glob = ["test_*.py"]

sys.path.insert(0, str(HERE.parents[1] / "views"))  # view_samples: the tiny test video
sys.path.insert(0, str(HERE.parents[1]))  # ui_fakes: the main window's fake content


def xvfb_screens(command: str) -> None:
    subprocess.run(["bash", str(XVFB_SCREENS), command, os.environ[DISPLAY_ENV]], check=True,
                   timeout=20)


@pytest.fixture
def projector_plug():
    """Unplugs and plugs the projector; always plugged back after the test."""
    state = {"plugged": True}

    def plug(command: str) -> None:
        xvfb_screens(command)
        state["plugged"] = command == "plug"

    yield plug
    if not state["plugged"]:
        xvfb_screens("plug")


@pytest.fixture(scope="session")
def library():
    from mediation_kit.core.packs import Library
    from mediation_kit.core.paths import packs_dir

    return Library.load(packs_dir())[0]


@pytest.fixture
def media_folder(tmp_path):
    import view_samples

    folder = tmp_path / "media"
    folder.mkdir()
    shutil.copy(view_samples.TINY_VIDEO, folder / "tiny-talk.mp4")
    return folder


@pytest.fixture
def items(library, media_folder):
    """One item of each kind, from the bundled packs and the tiny test video."""
    import view_samples

    from mediation_kit.core.model import KitKind
    from mediation_kit.ui.presentation.items import item_for_record, title_card

    pack = library.pack("nec-2025")
    summary = next(s for s in pack.summaries if s.id == "sept-principes")
    poster = next(a for a in pack.kit if a.kind is KitKind.POSTER and a.file.suffix == ".svg")
    press = next(a for a in pack.kit if a.kind is KitKind.PRESS_TEXT)
    replay = view_samples.replay()
    return [
        title_card("Souveraineté numérique", ("Atelier au tiers-lieu",),
                   note="Accueillir le groupe", planned_duration_s=120),
        item_for_record(summary, note="Lire les verbes à voix haute", planned_duration_s=300),
        item_for_record(poster),
        item_for_record(press),
        item_for_record(replay, 1.5, media_folder=media_folder, end_s=3.0),
    ]
