"""The audience window: what the room sees, and nothing else.

No menu, no toolbar, no dialog, no pointer: a frameless full-screen window holding either a
finished image (`SlideCanvas`) or a video (`ReplaySurface`). Pages arrive already drawn, so a
change swaps one whole frame for another. Keys pressed here go to the presentation, so a
clicker works whichever window has the focus.
"""

from __future__ import annotations

import bisect

from PySide6.QtCore import QRectF, QSizeF, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QFont, QImage, QKeyEvent, QPainter
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
from PySide6.QtMultimediaWidgets import QGraphicsVideoItem
from PySide6.QtWidgets import (
    QFrame, QGraphicsRectItem, QGraphicsScene, QGraphicsTextItem, QGraphicsView, QStackedLayout,
    QWidget,
)

from mediation_kit.core.i18n import _
from mediation_kit.ui.presentation.items import PresentationItem
from mediation_kit.ui.views.player import _settle_notify_overrides


class SlideCanvas(QWidget):
    """Paints one finished image, full size."""

    # A frame was painted; carries the tag of the image it showed (benchmarks and tests).
    frame_painted = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.image = QImage()
        self.tag: object = None

    def show_image(self, image: QImage, tag: object) -> None:
        self.image, self.tag = image, tag
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        if self.image.isNull():
            painter.fillRect(self.rect(), QColor("black"))
        elif self.image.size() == self.size():
            painter.drawImage(0, 0, self.image)
        else:  # the window is being resized: fill it, a new image follows
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.fillRect(self.rect(), QColor("black"))
            painter.drawImage(self.rect(), self.image)
        painter.end()
        self.frame_painted.emit(self.tag)


class ReplaySurface(QGraphicsView):
    """A replay full screen: plays from the item's moment, stops at a clip's end, and shows
    the current transcript cue as large captions."""

    # The clip reached its end and was paused there.
    clip_ended = Signal()
    # The first frame at the moment is ready (the item can be shown without a flash).
    ready = Signal()
    # The surface painted; carries the item shown (benchmarks and tests).
    frame_painted = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setBackgroundBrush(QColor("black"))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.viewport().setCursor(Qt.CursorShape.BlankCursor)
        scene = QGraphicsScene(self)
        self.video = QGraphicsVideoItem()
        self.video.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        scene.addItem(self.video)
        self.caption_box = QGraphicsRectItem()
        self.caption_box.setBrush(QColor(0, 0, 0, 190))
        self.caption_box.setPen(Qt.PenStyle.NoPen)
        self.caption_text = QGraphicsTextItem()
        self.caption_text.setDefaultTextColor(QColor("white"))
        scene.addItem(self.caption_box)
        scene.addItem(self.caption_text)
        self.setScene(scene)
        self.player = QMediaPlayer(self)
        self.audio = QAudioOutput(self)
        self.player.setAudioOutput(self.audio)
        self.player.setVideoOutput(self.video)
        self.item: PresentationItem | None = None
        self.captions_shown = True
        self.caption_px = 32
        self._pending_seek_ms: int | None = None
        self._play_when_ready = False
        self._cue_starts: list[float] = []
        self.player.mediaStatusChanged.connect(self.on_player_media_status_changed)
        self.player.positionChanged.connect(self.on_player_position_changed)
        _settle_notify_overrides(self.player.positionChanged, self.audio.volumeChanged,
                                 self.video.nativeSizeChanged)
        self._show_caption("")

    def prepare(self, item: PresentationItem) -> None:
        """Loads the item's video and seeks to its moment, paused, ready to be shown."""
        if self.item is item:
            return
        self.item = item
        cues = getattr(item.record, "cues", ()) or ()
        self._cue_starts = [cue.start for cue in cues]
        self._play_when_ready = False
        self.player.stop()
        self._pending_seek_ms = round(item.start_s * 1000)
        self.player.setSource(QUrl.fromLocalFile(str(item.video_file)))
        self._update_caption(item.start_s)

    def start(self) -> None:
        """Plays from the moment (once loaded: a seek before that is dropped by Qt)."""
        if self._pending_seek_ms is not None:
            self._play_when_ready = True
        else:
            self.player.play()

    def pause(self) -> None:
        self._play_when_ready = False
        self.player.pause()

    @property
    def playing(self) -> bool:
        return (self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState
                or self._play_when_ready)

    def toggle(self) -> None:
        if self.playing:
            self.pause()
        else:
            if self.item is not None and self.item.end_s is not None and \
                    self.player.position() >= self.item.end_s * 1000 - 50:
                self.player.setPosition(round(self.item.start_s * 1000))  # replay the clip
            self.start()

    def unload(self) -> None:
        self.item = None
        self._pending_seek_ms = None
        self._play_when_ready = False
        self.player.stop()
        self.player.setSource(QUrl())
        self._show_caption("")

    def set_captions_shown(self, shown: bool) -> None:
        self.captions_shown = shown
        self._update_caption(self.player.position() / 1000)

    def set_caption_px(self, pixels: int) -> None:
        self.caption_px = pixels
        self._update_caption(self.player.position() / 1000)

    # --- slots ---------------------------------------------------------------------------

    def on_player_media_status_changed(self, status: QMediaPlayer.MediaStatus) -> None:
        loaded = status in (QMediaPlayer.MediaStatus.LoadedMedia,
                            QMediaPlayer.MediaStatus.BufferedMedia)
        if loaded and self._pending_seek_ms is not None:
            target, self._pending_seek_ms = self._pending_seek_ms, None
            self.player.setPosition(target)
            if self._play_when_ready:
                self._play_when_ready = False
                self.player.play()
            self.ready.emit()

    def on_player_position_changed(self, position_ms: int) -> None:
        item = self.item
        if item is not None and item.end_s is not None and position_ms >= item.end_s * 1000:
            if self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
                self.player.pause()
                self.clip_ended.emit()
        self._update_caption(position_ms / 1000)

    # --- helpers -------------------------------------------------------------------------

    def _update_caption(self, seconds: float) -> None:
        text = ""
        if self.captions_shown and self.item is not None:
            cues = getattr(self.item.record, "cues", ()) or ()
            index = bisect.bisect_right(self._cue_starts, seconds) - 1
            if 0 <= index < len(cues) and cues[index].start <= seconds < cues[index].end:
                text = cues[index].text
        self._show_caption(text)

    def _show_caption(self, text: str) -> None:
        self.caption_text.setVisible(bool(text))
        self.caption_box.setVisible(bool(text))
        if not text:
            return
        font = QFont()
        font.setPixelSize(self.caption_px)
        self.caption_text.setFont(font)
        width = self.viewport().width()
        self.caption_text.setTextWidth(width * 0.84)
        self.caption_text.setHtml(
            "<div align='center'>" + _escape(text) + "</div>")
        height = self.caption_text.boundingRect().height()
        top = self.viewport().height() - height - self.viewport().height() * 0.05
        self.caption_text.setPos(width * 0.08, top)
        self.caption_box.setRect(QRectF(width * 0.06, top - 6, width * 0.88, height + 12))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        size = self.viewport().size()
        self.video.setSize(QSizeF(size))
        self.scene().setSceneRect(QRectF(0, 0, size.width(), size.height()))
        self._update_caption(self.player.position() / 1000)

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        self.frame_painted.emit(self.item)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class AudienceWindow(QWidget):
    """The projector's window. Built once per presentation; hidden, never destroyed, when the
    projector goes away."""

    # A key was pressed while this window had the focus (the one-screen mode).
    key_pressed = Signal(QKeyEvent)

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("audienceWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), QColor("black"))
        self.setPalette(palette)
        self.canvas = SlideCanvas(self)
        self.canvas.setCursor(Qt.CursorShape.BlankCursor)
        # Two video surfaces: one shown, the other preparing the next replay off screen.
        self.replays = (ReplaySurface(self), ReplaySurface(self))
        self.stack = QStackedLayout(self)
        self.stack.setContentsMargins(0, 0, 0, 0)
        self.stack.addWidget(self.canvas)
        for surface in self.replays:
            self.stack.addWidget(surface)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Audience screen"))
        self.setAccessibleName(_("Audience screen"))

    def show_image(self, image: QImage, tag: object) -> None:
        self.canvas.show_image(image, tag)
        if self.stack.currentWidget() is not self.canvas:
            self.stack.setCurrentWidget(self.canvas)

    def surface_for(self, item: PresentationItem) -> ReplaySurface:
        """The surface holding `item`, else the one not on screen (free to prepare it)."""
        for surface in self.replays:
            if surface.item is item:
                return surface
        shown = self.stack.currentWidget()
        return self.replays[1] if shown is self.replays[0] else self.replays[0]

    def show_replay(self, surface: ReplaySurface) -> None:
        self.stack.setCurrentWidget(surface)

    def shown_replay(self) -> ReplaySurface | None:
        current = self.stack.currentWidget()
        return current if isinstance(current, ReplaySurface) else None

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        self.key_pressed.emit(event)
        event.accept()
