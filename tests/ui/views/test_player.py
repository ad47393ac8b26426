"""The player's controls work from the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtMultimedia import QMediaPlayer

import view_samples as samples
from mediation_kit.ui.views.player import VideoPlayer

LOAD_TIMEOUT_MS = 10_000


def loaded_player(qtbot):
    player = VideoPlayer()
    qtbot.addWidget(player)
    player.resize(480, 320)
    player.show()
    player.load(samples.TINY_VIDEO)
    qtbot.waitUntil(lambda: player.player.mediaStatus() == QMediaPlayer.MediaStatus.LoadedMedia,
                    timeout=LOAD_TIMEOUT_MS)
    return player


def test_the_arrow_keys_on_the_seek_bar_move_the_video(qtbot):
    player = loaded_player(qtbot)
    assert player.seek_slider.maximum() == 4000
    player.seek_slider.setFocus()
    qtbot.keyClick(player.seek_slider, Qt.Key.Key_Right)  # 5 s on: the end of this video
    qtbot.waitUntil(lambda: player.player.position() >= 3500, timeout=LOAD_TIMEOUT_MS)
    qtbot.keyClick(player.seek_slider, Qt.Key.Key_Home)
    qtbot.waitUntil(lambda: player.player.position() <= 500, timeout=LOAD_TIMEOUT_MS)


def test_mute_and_volume_reach_the_audio_output(qtbot):
    player = loaded_player(qtbot)
    player.mute_button.setFocus()
    qtbot.keyClick(player.mute_button, Qt.Key.Key_Space)
    assert player.audio.isMuted()
    assert player.mute_button.accessibleName() == "Unmute"
    player.volume_slider.setFocus()
    qtbot.keyClick(player.volume_slider, Qt.Key.Key_Home)
    assert player.audio.volume() == 0.0
    qtbot.keyClick(player.volume_slider, Qt.Key.Key_PageUp)
    assert abs(player.audio.volume() - 0.2) < 0.01


def test_the_time_label_shows_position_and_length(qtbot):
    player = loaded_player(qtbot)
    assert player.time_label.text() == "0:00 / 0:04"
    player.seek(2.0, play=False)
    qtbot.waitUntil(lambda: player.time_label.text() == "0:02 / 0:04",
                    timeout=LOAD_TIMEOUT_MS)


def test_space_on_the_seek_bar_plays(qtbot):
    player = loaded_player(qtbot)
    player.seek_slider.setFocus()
    qtbot.keyClick(player.seek_slider, Qt.Key.Key_Space)
    assert player.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState
    player.player.pause()
