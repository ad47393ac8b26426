"""From the replay view: "this moment" where the video is, and a clip from a start to an end,
with the real loader and a real (4-second) video."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QApplication

from disk_pack import write_pack
from mediation_kit.core.plans import MomentItem
from mediation_kit.core.settings import Settings
from mediation_kit.ui.content import load_content
from mediation_kit.ui.main_window import MainWindow
from plan_steps import focus_keys, in_modal

MEDIA = Path(__file__).resolve().parents[2] / "fixtures" / "media"
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_this_moment_of_the_video_and_a_clip_of_it(qtbot, tmp_path, user_folder):
    packs = tmp_path / "packs"
    write_pack(packs)
    settings = Settings(tmp_path / "settings.toml")
    settings["media_folder"] = str(MEDIA)
    window = MainWindow(settings, loader=partial(load_content, packs, tmp_path / "none",
                                                 tmp_path / "cache"))
    window.show()
    qtbot.waitExposed(window)
    try:
        with qtbot.waitSignal(window.content_loaded, timeout=30000):
            window.start_loading()
        plans = window.plans
        # Given the replay open, its video played to about 2 s, then paused
        window.open_key("demo-2025:replay:pleniere")
        view = window.resource_views().replay_view
        assert view.showing_video
        view.player.seek(2.0)
        qtbot.waitUntil(lambda: view.player.position_seconds() >= 2.0, timeout=15000)
        view.player.toggle_playback()
        where = view.player.position_seconds()
        # and the actions are offered on the transcript's context menu
        assert plans.actions.add_moment_action in view.cues.actions()
        # When the leader presses Ctrl+Shift+D
        window.activateWindow()
        view.cues.setFocus()
        focus_keys(qtbot, Qt.Key.Key_D, CTRL_SHIFT)
        # Then the plan holds a moment of this replay where the video is
        moment = plans.model.item_at(0)
        assert isinstance(moment, MomentItem) and moment.end_s is None
        assert moment.key == "demo-2025:replay:pleniere"
        assert abs(moment.start_s - where) < 0.5

        # When Ctrl+Shift+C asks for a clip: it proposes from there to the end of the video
        def clip(dialog):
            start, end = dialog.span()
            assert int(start) == int(where) and end == 4.0
            dialog.start.setTime(QTime(0, 0, 1))
            qtbot.keyClick(dialog.start, Qt.Key.Key_Return)

        in_modal(lambda: focus_keys(qtbot, Qt.Key.Key_C, CTRL_SHIFT), clip)
        item = plans.model.item_at(1)
        assert isinstance(item, MomentItem) and (item.start_s, item.end_s) == (1.0, 4.0)
        # and the clip counts for its length in the plan's total
        assert plans.model.total_s == 3.0
    finally:
        window.plans.document.undo_stack.setClean()
        window.close()
        QApplication.processEvents()
