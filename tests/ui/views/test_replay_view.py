"""The replay view: the video plays from a cue or a chapter; a missing video is explained."""

from __future__ import annotations

import shutil

from PySide6.QtCore import Qt
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtWidgets import QAbstractButton, QAbstractSlider, QListWidget

import view_samples as samples
from mediation_kit.ui.views import ReplayView

LOAD_TIMEOUT_MS = 10_000


def make_view(qtbot, media_folder=None, library=None):
    view = ReplayView(library, media_folder)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    return view


def media_loaded(view):
    return view.player.player.mediaStatus() in (
        QMediaPlayer.MediaStatus.LoadedMedia, QMediaPlayer.MediaStatus.BufferedMedia,
        QMediaPlayer.MediaStatus.BufferingMedia)


def position_ms(view):
    return view.player.player.position()


def test_opening_at_a_time_plays_the_video_from_there(qtbot, media_folder):
    # Given the replay's video in the media folder (its name in another case)
    view = make_view(qtbot, media_folder)
    # When the replay is opened at the third cue, as a transcript hit does
    view.show_record(samples.replay(), ["communs"], at_time=2.0)
    # Then the video is found and played from that moment
    assert view.video_path is not None and view.video_path.name == "Tiny-Talk.MP4"
    assert view.showing_video
    qtbot.waitUntil(lambda: 1800 <= position_ms(view) <= 3500, timeout=LOAD_TIMEOUT_MS)
    # And that cue is the current one in the transcript
    assert view.cues.currentRow() == 2
    view.player.stop()


def test_clicking_a_cue_seeks_the_video(qtbot, media_folder):
    view = make_view(qtbot, media_folder)
    view.show_record(samples.replay())
    qtbot.waitUntil(lambda: media_loaded(view), timeout=LOAD_TIMEOUT_MS)
    assert position_ms(view) < 500
    # When the last cue is clicked
    item = view.cues.item(3)
    qtbot.mouseClick(view.cues.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.cues.visualItemRect(item).center())
    # Then the video moves to its start
    qtbot.waitUntil(lambda: position_ms(view) >= 2900, timeout=LOAD_TIMEOUT_MS)
    assert view.cues.currentRow() == 3
    view.player.stop()


def test_the_current_cue_follows_playback(qtbot, media_folder):
    view = make_view(qtbot, media_folder)
    view.show_record(samples.replay())
    view.player.seek(0.0)  # plays from the start
    qtbot.waitUntil(lambda: view.cues.currentRow() == 1, timeout=LOAD_TIMEOUT_MS)
    qtbot.waitUntil(lambda: view.cues.currentRow() == 2, timeout=LOAD_TIMEOUT_MS)
    assert position_ms(view) >= 2000
    view.player.stop()


def test_activating_a_chapter_from_the_keyboard_seeks_the_video(qtbot, media_folder):
    view = make_view(qtbot, media_folder)
    view.show_record(samples.replay())
    qtbot.waitUntil(lambda: media_loaded(view), timeout=LOAD_TIMEOUT_MS)
    view.chapters.setFocus()
    view.chapters.setCurrentRow(1)
    qtbot.keyClick(view.chapters, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: 1900 <= position_ms(view), timeout=LOAD_TIMEOUT_MS)
    view.player.stop()


def test_a_video_not_on_this_pc_is_explained(qtbot, tmp_path, opened_urls):
    # Given a media folder without the replay's video
    empty = tmp_path / "empty-media"
    empty.mkdir()
    view = make_view(qtbot, empty)
    # When the replay is opened
    view.show_record(samples.replay(video_file="nec-2025-pleniere.mp4"))
    # Then the view says the video is not here, and which file to copy where
    assert not view.showing_video
    message = view.missing_notice.text()
    assert "not on this PC" in message
    assert "nec-2025-pleniere.mp4" in message and str(empty) in message
    # And the online link opens the system browser only when clicked
    assert view.online_link.isVisible()
    assert opened_urls == []
    view.online_link.click()
    assert opened_urls == ["https://example.org/replay"]


def test_without_a_media_folder_the_view_points_to_the_settings(qtbot):
    view = make_view(qtbot, None)
    view.show_record(samples.replay(url=None))
    assert "choose a media folder in the settings" in view.missing_notice.text()
    assert not view.online_link.isVisible()
    with qtbot.waitSignal(view.media_folder_settings_requested):
        view.media_settings_button.click()


def test_choosing_the_media_folder_later_finds_the_video(qtbot, tmp_path, media_folder):
    view = make_view(qtbot, tmp_path / "nowhere")
    view.show_record(samples.replay())
    assert view.video_path is None
    view.set_media_folder(media_folder)
    assert view.showing_video
    view.player.stop()


def test_a_replay_without_transcript_says_so(qtbot):
    view = make_view(qtbot)
    view.show_record(samples.replay(cues=()))
    assert view.transcript_stack.currentIndex() == 1 and view.no_transcript.isVisibleTo(view)
    assert view.no_transcript.text() == "This replay has no transcript."


def test_an_unknown_duration_is_written_as_unknown(qtbot):
    from dataclasses import replace

    view = make_view(qtbot)
    view.show_record(replace(samples.replay(), duration=None))
    assert "Duration unknown" in view.meta.text()
    view.show_record(samples.replay())
    assert "Duration: 4 sec" in view.meta.text()


def test_cues_with_query_words_stand_out(qtbot):
    view = make_view(qtbot)
    view.show_record(samples.replay(), ["numerique"])
    bold = [view.cues.item(i).data(Qt.ItemDataRole.FontRole) is not None
            and view.cues.item(i).font().bold() for i in range(view.cues.count())]
    assert bold == [False, True, False, False]
    assert view.cues.item(1).text() == (
        "0:01   Parlons de médiation numérique dans les bibliothèques.")


def test_every_control_is_named(qtbot, media_folder, library):
    # (that Tab and Shift+Tab reach each one is pressed through in tests/ui/test_tab_walk.py)
    view = make_view(qtbot, media_folder, library)
    view.show_record(samples.replay())
    controls = [w for w in view.findChildren(QAbstractButton) + view.findChildren(
        QAbstractSlider) + view.findChildren(QListWidget) if w.isVisibleTo(view)]
    assert len(controls) >= 7
    for control in controls:
        if isinstance(control, QAbstractSlider) and control.parent() is not view.player:
            continue  # scroll bars of the lists
        assert control.accessibleName(), control
    view.player.stop()


def test_space_plays_and_pauses_from_the_player(qtbot, media_folder):
    view = make_view(qtbot, media_folder)
    view.show_record(samples.replay())
    qtbot.waitUntil(lambda: media_loaded(view), timeout=LOAD_TIMEOUT_MS)
    view.player.play_button.setFocus()
    qtbot.keyClick(view.player.play_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: view.player.player.playbackState()
                    == QMediaPlayer.PlaybackState.PlayingState, timeout=LOAD_TIMEOUT_MS)
    assert view.player.play_button.accessibleName() == "Pause"
    view.player.stop()


def test_a_file_that_is_not_a_video_is_reported(qtbot, tmp_path):
    folder = tmp_path / "media"
    folder.mkdir()
    (folder / "tiny-talk.mp4").write_bytes(b"not a video at all")
    view = make_view(qtbot, folder)
    view.show_record(samples.replay())
    qtbot.waitUntil(lambda: not view.showing_video,
                    timeout=LOAD_TIMEOUT_MS)
    assert "cannot be played" in view.missing_notice.text()
    assert "tiny-talk.mp4" in view.missing_notice.text()
    # When the interface switches to French, the message already shown is said in French
    from mediation_kit.core import i18n

    i18n.set_language("fr")
    view.retranslate()
    assert "cannot be played" not in view.missing_notice.text()
    assert "tiny-talk.mp4" in view.missing_notice.text()


def test_find_video_prefers_the_top_folder_and_ignores_case(tmp_path):
    from mediation_kit.ui.views.media_folder import find_video

    (tmp_path / "2025" / "nec").mkdir(parents=True)
    shutil.copy(samples.TINY_VIDEO, tmp_path / "2025" / "nec" / "TALK.mp4")
    assert find_video(tmp_path, "talk.MP4") == tmp_path / "2025" / "nec" / "TALK.mp4"
    shutil.copy(samples.TINY_VIDEO, tmp_path / "talk.mp4")
    assert find_video(tmp_path, "Talk.mp4") == tmp_path / "talk.mp4"
    assert find_video(tmp_path, "other.mp4") is None
    assert find_video(None, "talk.mp4") is None
    assert find_video(tmp_path / "missing", "talk.mp4") is None
