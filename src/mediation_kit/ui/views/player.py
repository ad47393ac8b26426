"""A video player for a local file: picture, play/pause, seek bar, time, volume and mute.

Every control is keyboard operable: Tab reaches each one, Space plays or pauses, the arrow
keys move the seek bar by 5 seconds (Page Up/Down by 30).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QRectF, QSizeF, Qt, QUrl, Signal, SignalInstance
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
from PySide6.QtMultimediaWidgets import QGraphicsVideoItem
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mediation_kit.core import i18n
from mediation_kit.core.i18n import _

SEEK_STEP_MS = 5_000
SEEK_PAGE_MS = 30_000


def _ignore(*_args: object) -> None:
    pass


def _settle_notify_overrides(*signals: SignalInstance) -> None:
    """Connects and disconnects once, on the GUI thread, each multimedia object's signal.

    Why: objects made from Python are PySide wrappers whose `connectNotify` and
    `disconnectNotify` first look for a Python override, which takes the GIL. When playback
    stops, the FFmpeg backend destroys its renderers on their own threads, which calls
    `disconnectNotify` on the player and audio output; if the GUI thread is at that moment
    inside `QMediaPlayer.stop()` (holding the GIL, waiting for the renderer), both wait for
    ever. After one call, PySide remembers that there is no override and stops taking the
    GIL. (`QObject.disconnect(connection)`, not `signal.disconnect(slot)`: the latter loses a
    reference to `True` in PySide 6.12 and eventually aborts the interpreter.)
    """
    for signal in signals:
        QObject.disconnect(signal.connect(_ignore))


def _button_icon(kind: str, button: QWidget):
    """Drawn in the button's text colour: the style's own media icons are grey on every
    theme, and vanish on the high-contrast black."""
    from PySide6.QtGui import QPalette

    from mediation_kit.ui import icons

    return icons.type_icon(kind, button.palette(), role=QPalette.ColorRole.ButtonText)


class VideoSurface(QGraphicsView):
    """The picture, kept to its aspect ratio on black.

    A `QGraphicsVideoItem` rather than a `QVideoWidget`: the latter embeds a native window
    in Qt 6, which `grab()` (screenshots) sees as black and which stacked areas cannot raise
    on every platform plugin. Frames are painted like any widget, so neither happens.
    """

    # The picture was clicked (a player toggles playback then).
    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = QGraphicsVideoItem()
        self.item.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        scene = QGraphicsScene(self)
        scene.addItem(self.item)
        self.setScene(scene)
        self.setBackgroundBrush(Qt.GlobalColor.black)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the buttons below are the controls
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 180)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        size = self.viewport().size()
        self.item.setSize(QSizeF(size))
        self.scene().setSceneRect(QRectF(0, 0, size.width(), size.height()))

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class VideoPlayer(QWidget):
    """Plays one local video; `seek(seconds)` works before the file has finished loading."""

    # The playback position moved (seconds from the start).
    position_changed = Signal(float)
    # The file could not be played; carries a message for a person.
    playback_failed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.player = QMediaPlayer(self)
        self.audio = QAudioOutput(self)
        self.player.setAudioOutput(self.audio)
        self.video = VideoSurface(self)
        self.player.setVideoOutput(self.video.item)
        self.file: Path | None = None
        # The file that could not be played and the backend's detail, until another loads.
        self.failure: tuple[Path, str] | None = None
        # A seek asked before the media was loaded, applied once it is.
        self._pending_seek_ms: int | None = None
        self._play_after_seek = False
        self._slider_held = False
        self._build()
        self._connect_signals()
        _settle_notify_overrides(
            self.player.positionChanged, self.audio.volumeChanged,
            self.video.item.nativeSizeChanged)
        self.retranslate()

    def _build(self) -> None:
        self.play_button = QToolButton(self)
        self.play_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.seek_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.seek_slider.setRange(0, 0)
        self.seek_slider.setSingleStep(SEEK_STEP_MS)
        self.seek_slider.setPageStep(SEEK_PAGE_MS)
        self.seek_slider.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.time_label = QLabel(self)
        self.time_label.setMinimumWidth(self.time_label.fontMetrics().horizontalAdvance(
            "0:00:00 / 0:00:00") + 8)
        self.time_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.mute_button = QToolButton(self)
        self.mute_button.setCheckable(True)
        self.mute_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.volume_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.volume_slider.setRange(0, 100)
        self.volume_slider.setValue(80)
        self.volume_slider.setSingleStep(5)
        self.volume_slider.setPageStep(20)
        self.volume_slider.setMaximumWidth(110)
        self.volume_slider.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.audio.setVolume(0.8)

        controls = QHBoxLayout()
        controls.setSpacing(8)
        controls.addWidget(self.play_button)
        controls.addWidget(self.seek_slider, 1)
        controls.addWidget(self.time_label)
        controls.addWidget(self.mute_button)
        controls.addWidget(self.volume_slider)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.video, 1)
        layout.addLayout(controls)

        for first, second in ((self.play_button, self.seek_slider),
                              (self.seek_slider, self.mute_button),
                              (self.mute_button, self.volume_slider)):
            QWidget.setTabOrder(first, second)

    def _connect_signals(self) -> None:
        self.play_button.clicked.connect(self.toggle_playback)
        self.video.clicked.connect(self.toggle_playback)
        self.mute_button.toggled.connect(self.on_mute_button_toggled)
        self.volume_slider.valueChanged.connect(self.on_volume_slider_value_changed)
        self.seek_slider.sliderPressed.connect(self.on_seek_slider_pressed)
        self.seek_slider.sliderReleased.connect(self.on_seek_slider_released)
        self.seek_slider.actionTriggered.connect(self.on_seek_slider_action)
        self.player.durationChanged.connect(self.on_player_duration_changed)
        self.player.positionChanged.connect(self.on_player_position_changed)
        self.player.playbackStateChanged.connect(self.on_player_playback_state_changed)
        self.player.mediaStatusChanged.connect(self.on_player_media_status_changed)
        self.player.errorOccurred.connect(self.on_player_error_occurred)

    # --- what the replay view calls --------------------------------------------------------

    def load(self, file: Path | None) -> None:
        """Loads `file` (or nothing) without playing it."""
        failed = self.player.mediaStatus() == QMediaPlayer.MediaStatus.InvalidMedia
        if file == self.file and not failed:
            return
        self.player.stop()
        self._pending_seek_ms = None
        self._play_after_seek = False
        self.failure = None
        self.file = file
        self.player.setSource(QUrl.fromLocalFile(str(file)) if file is not None else QUrl())
        self._update_time_label()

    def seek(self, seconds: float, play: bool = True) -> None:
        """Moves to `seconds` (and plays); remembered until the media has loaded."""
        target = max(0, int(seconds * 1000))
        if self._media_ready():
            self.player.setPosition(target)
            if play:
                self.player.play()
        else:
            self._pending_seek_ms = target
            self._play_after_seek = play

    def stop(self) -> None:
        self.player.stop()

    def position_seconds(self) -> float:
        return self.player.position() / 1000

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._update_play_button()  # icons in the new theme's colours
            self._update_mute_button()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        # Space plays or pauses from the sliders too; a focused button takes it first (a
        # shortcut would steal it from the mute button).
        if event.key() == Qt.Key.Key_Space and not event.modifiers():
            self.toggle_playback()
            event.accept()
            return
        super().keyPressEvent(event)

    def toggle_playback(self) -> None:
        if self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self.player.pause()
        else:
            self.player.play()

    def retranslate(self) -> None:
        self.video.setAccessibleName(_("Video"))
        self.seek_slider.setAccessibleName(_("Position in the video"))
        self.seek_slider.setToolTip(_("Position (arrow keys: 5 seconds)"))
        self.volume_slider.setAccessibleName(_("Volume"))
        self.volume_slider.setToolTip(_("Volume"))
        self.time_label.setAccessibleName(_("Time"))
        self._update_play_button()
        self._update_mute_button()

    def failure_message(self) -> str:
        """Why the file could not be played, in the current language ("" when it plays)."""
        if self.failure is None:
            return ""
        file, detail = self.failure
        if detail:
            return _("This video file cannot be played: {file} ({detail})").format(
                file=file, detail=detail)
        return _("This video file cannot be played: {file}").format(file=file)

    # --- slots ---------------------------------------------------------------------------

    def _media_ready(self) -> bool:
        return self.player.mediaStatus() in (
            QMediaPlayer.MediaStatus.LoadedMedia, QMediaPlayer.MediaStatus.BufferingMedia,
            QMediaPlayer.MediaStatus.BufferedMedia, QMediaPlayer.MediaStatus.EndOfMedia)

    def on_player_media_status_changed(self, status: QMediaPlayer.MediaStatus) -> None:
        if self._pending_seek_ms is not None and self._media_ready():
            target, self._pending_seek_ms = self._pending_seek_ms, None
            self.player.setPosition(target)
            if self._play_after_seek:
                self.player.play()
        if status == QMediaPlayer.MediaStatus.InvalidMedia and self.file is not None:
            self.failure = (self.file, "")
            self.playback_failed.emit(self.failure_message())

    def on_player_error_occurred(self, error: QMediaPlayer.Error, detail: str) -> None:
        if error != QMediaPlayer.Error.NoError and self.file is not None:
            self.failure = (self.file, detail)
            self.playback_failed.emit(self.failure_message())

    def on_player_duration_changed(self, duration_ms: int) -> None:
        self.seek_slider.setRange(0, max(0, duration_ms))
        self._update_time_label()

    def on_player_position_changed(self, position_ms: int) -> None:
        if not self._slider_held:
            self.seek_slider.blockSignals(True)
            self.seek_slider.setValue(position_ms)
            self.seek_slider.blockSignals(False)
        self._update_time_label()
        self.position_changed.emit(position_ms / 1000)

    def on_player_playback_state_changed(self, _state: QMediaPlayer.PlaybackState) -> None:
        self._update_play_button()

    def on_seek_slider_pressed(self) -> None:
        self._slider_held = True

    def on_seek_slider_released(self) -> None:
        self._slider_held = False
        self.player.setPosition(self.seek_slider.value())

    def on_seek_slider_action(self, action: int) -> None:
        # Keyboard and page clicks: the slider's new value is known only after the action.
        if action != QSlider.SliderAction.SliderMove:
            self.player.setPosition(self.seek_slider.sliderPosition())

    def on_mute_button_toggled(self, muted: bool) -> None:
        self.audio.setMuted(muted)
        self._update_mute_button()

    def on_volume_slider_value_changed(self, value: int) -> None:
        self.audio.setVolume(value / 100)

    # --- helpers -------------------------------------------------------------------------

    def _update_play_button(self) -> None:
        playing = self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState
        self.play_button.setIcon(_button_icon("pause" if playing else "play",
                                              self.play_button))
        text = _("Pause") if playing else _("Play")
        self.play_button.setAccessibleName(text)
        self.play_button.setToolTip(_("{action} (Space)").format(action=text))

    def _update_mute_button(self) -> None:
        muted = self.mute_button.isChecked()
        self.mute_button.setIcon(_button_icon("muted" if muted else "volume",
                                              self.mute_button))
        text = _("Unmute") if muted else _("Mute")
        self.mute_button.setAccessibleName(text)
        self.mute_button.setToolTip(text)

    def _update_time_label(self) -> None:
        position = i18n.format_timestamp(self.player.position() / 1000)
        duration = i18n.format_timestamp(self.player.duration() / 1000)
        self.time_label.setText(_("{position} / {duration}").format(
            position=position, duration=duration))
