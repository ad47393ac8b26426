"""A recorded talk: its facts, chapters and transcript, and the video when it is on this PC.

Clicking a chapter or a transcript cue, or opening the view at a time (a transcript hit),
plays the video from that moment. The cue being spoken is selected as the video plays.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mediation_kit.core import i18n
from mediation_kit.core.i18n import _
from mediation_kit.core.model import KitAsset, Replay, Summary
from mediation_kit.ui.views.common import (
    date_precision,
    EXTERNAL_SCHEMES,
    FocusForwarding,
    Library,
    LinkButton,
    ScaledLabel,
    clear_layout,
    event_line,
    format_people,
    highlight_colours,
    match_spans,
    meta_label,
    notice_label,
    set_value_text,
    title_label,
)
from mediation_kit.ui.views.media_folder import find_video
from mediation_kit.ui.views.player import VideoPlayer
from mediation_kit.ui.views.wrapping_list import WrappingList
from mediation_kit.core.typography import typeset

# Item data role holding a cue's or chapter's start, in seconds.
START_ROLE = Qt.ItemDataRole.UserRole + 1


class ReplayView(FocusForwarding, QWidget):
    """Shows one `Replay` and plays its video from the media folder when it is there."""

    # The user clicked a link to another resource; carries its resource key.
    open_key_requested = Signal(str)
    # The user asked to choose the media folder (the settings hold it).
    media_folder_settings_requested = Signal()

    def __init__(self, library: Library | None = None, media_folder: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.media_folder = media_folder
        self.replay: Replay | None = None
        self.video_path: Path | None = None
        self.highlight_terms: list[str] = []
        self._cue_starts: list[float] = []
        self._playback_error = ""
        self._build()
        self._connect_signals()
        self.retranslate()

    # --- building -----------------------------------------------------------------------

    def _build(self) -> None:
        self.title = title_label(self)
        self.meta = meta_label(self)
        self.speakers = meta_label(self)

        self.player = VideoPlayer(self)
        self.missing_notice = notice_label(self)
        self.online_link = LinkButton(parent=self)
        self.media_settings_button = QPushButton(self)
        self.media_settings_button.setAutoDefault(False)
        missing_page = QWidget(self)
        missing_layout = QVBoxLayout(missing_page)
        missing_layout.setContentsMargins(0, 0, 0, 0)
        missing_layout.addWidget(self.missing_notice)
        buttons = QHBoxLayout()
        buttons.addWidget(self.media_settings_button)
        buttons.addWidget(self.online_link, 1)
        missing_layout.addLayout(buttons)
        missing_layout.addStretch(1)
        self.missing_page = missing_page

        self.description = QLabel(self)
        self.description.setProperty("content", True)
        self.description.setWordWrap(True)
        self.description.setTextFormat(Qt.TextFormat.PlainText)
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.chapters_heading = ScaledLabel(1.1, bold=True, parent=self)
        self.chapters = QListWidget(self)
        self.related_heading = ScaledLabel(1.1, bold=True, parent=self)
        self.related_links = QVBoxLayout()
        self.related_links.setSpacing(2)

        self.transcript_heading = ScaledLabel(1.1, bold=True, parent=self)
        self.cues = WrappingList(self)
        self.cues.setSpacing(3)
        self.no_transcript = notice_label(self)
        self.no_transcript.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.transcript_stack = QStackedWidget(self)
        self.transcript_stack.addWidget(self.cues)
        no_transcript_page = QWidget(self)
        no_transcript_layout = QVBoxLayout(no_transcript_page)
        no_transcript_layout.setContentsMargins(0, 0, 0, 0)
        no_transcript_layout.addWidget(self.no_transcript)
        no_transcript_layout.addStretch(1)
        self.transcript_stack.addWidget(no_transcript_page)

        left = QWidget(self)
        self.left_layout = left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 8, 0)
        left_layout.setSpacing(8)
        left_layout.addWidget(self.player, 3)
        left_layout.addWidget(self.missing_page)
        left_layout.addWidget(self.description)
        left_layout.addWidget(self.chapters_heading)
        left_layout.addWidget(self.chapters)
        left_layout.addWidget(self.related_heading)
        left_layout.addLayout(self.related_links)
        left_layout.addStretch(0)  # takes the room the video would have, when it is absent
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.setSpacing(8)
        right_layout.addWidget(self.transcript_heading)
        right_layout.addWidget(self.transcript_stack, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.meta)
        layout.addWidget(self.speakers)
        layout.addSpacing(6)
        layout.addWidget(self.splitter, 1)

        # Tab walks the page as it reads: player, its links, chapters, transcript.
        QWidget.setTabOrder(self.player.volume_slider, self.media_settings_button)
        QWidget.setTabOrder(self.media_settings_button, self.online_link)
        QWidget.setTabOrder(self.online_link, self.chapters)
        QWidget.setTabOrder(self.chapters, self.cues)

    def _connect_signals(self) -> None:
        self.cues.itemClicked.connect(self.on_timed_item_chosen)
        self.cues.itemActivated.connect(self.on_timed_item_chosen)
        self.chapters.itemClicked.connect(self.on_timed_item_chosen)
        self.chapters.itemActivated.connect(self.on_timed_item_chosen)
        self.player.position_changed.connect(self.on_player_position_changed)
        self.player.playback_failed.connect(self.on_player_playback_failed)
        self.online_link.clicked.connect(self.on_online_link_clicked)
        self.media_settings_button.clicked.connect(self.media_folder_settings_requested)

    # --- the interface the shell uses ------------------------------------------------------

    def set_library(self, library: Library | None) -> None:
        self.library = library

    def set_media_folder(self, path: Path | None) -> None:
        """Where the user keeps the videos; the replay on screen is looked up again."""
        self.media_folder = path
        if self.replay is not None:
            self._load_video(self.replay)
            self.retranslate()

    def show_record(self, record: Replay, highlight_terms: Sequence[str] = (),
                    at_time: float | None = None) -> None:
        """Shows `record`; with `at_time` (seconds), plays from there when the video is here."""
        same_replay = self.replay == record
        self.replay = record
        self.highlight_terms = list(highlight_terms)
        if not same_replay:
            self._load_video(record)
            self._fill_chapters(record)
            self._fill_cues(record)
        else:
            self._mark_matching_cues()
        self.retranslate()
        if at_time is not None:
            self._select_cue_at(at_time)
            if self.video_path is not None:
                self.player.seek(at_time)

    def retranslate(self) -> None:
        self.player.retranslate()
        self.chapters_heading.setText(_("Chapters"))
        self.chapters.setAccessibleName(_("Chapters"))
        self.transcript_heading.setText(_("Transcript"))
        self.cues.setAccessibleName(_("Transcript: choose a line to play the video from there"))
        self.related_heading.setText(_("From the same session"))
        self.media_settings_button.setText(_("Media folder settings…"))
        self.media_settings_button.setAccessibleName(_("Media folder settings"))
        self.online_link.setText(_("Watch online (opens your web browser)"))
        self.no_transcript.setText(_("This replay has no transcript."))
        self.no_transcript.setAccessibleName(self.no_transcript.text())
        replay = self.replay
        if replay is None:
            set_value_text(self.title, _("Title"), _("No replay selected"))
            for widget in (self.meta, self.speakers, self.description):
                widget.setText("")
            return
        language = replay.language or ""
        set_value_text(self.title, _("Title"), typeset(replay.title, language))
        self.meta.setText(self._meta_text(replay))
        self.speakers.setText(
            _("With {speakers}").format(speakers=format_people(replay.speakers))
            if replay.speakers else _("Speakers not given"))
        set_value_text(self.description, _("Description"),
                       typeset(replay.description, language))
        self.description.setVisible(bool(replay.description))
        self._show_missing_notice(replay)
        self._relabel_timed_items()
        self._rebuild_related_links(replay)

    # --- filling -------------------------------------------------------------------------

    def _load_video(self, replay: Replay) -> None:
        self._playback_error = ""
        self.video_path = find_video(self.media_folder, replay.video_file)
        self.player.load(self.video_path)
        self._show_media_page(self.video_path is not None)

    def _fill_chapters(self, replay: Replay) -> None:
        self.chapters.clear()
        for chapter in replay.chapters:
            item = QListWidgetItem()
            item.setData(START_ROLE, chapter.start)
            item.setData(Qt.ItemDataRole.UserRole, chapter.title)
            self.chapters.addItem(item)
        has_chapters = bool(replay.chapters)
        self.chapters_heading.setVisible(has_chapters)
        self.chapters.setVisible(has_chapters)
        # As tall as its chapters (up to a point): no empty box under two lines.
        rows = min(len(replay.chapters), 6)
        row_height = self.chapters.sizeHintForRow(0) if rows else 0
        self.chapters.setFixedHeight(rows * (row_height + 2) + 2 * self.chapters.frameWidth() + 4)

    def _fill_cues(self, replay: Replay) -> None:
        self.cues.clear()
        self._cue_starts = [cue.start for cue in replay.cues]
        for cue in replay.cues:
            item = QListWidgetItem()
            item.setData(START_ROLE, cue.start)
            item.setData(Qt.ItemDataRole.UserRole, cue.text)
            self.cues.addItem(item)
        self.transcript_stack.setCurrentIndex(0 if replay.cues else 1)
        self._mark_matching_cues()

    def _relabel_timed_items(self) -> None:
        """Item texts: "12:34  what is said"; the accessible text reads the time in words."""
        language = self.replay.language or "" if self.replay is not None else ""
        for widget in (self.chapters, self.cues):
            for row in range(widget.count()):
                item = widget.item(row)
                start = item.data(START_ROLE)
                text = typeset(item.data(Qt.ItemDataRole.UserRole), language)
                item.setText(_("{time}   {text}").format(
                    time=i18n.format_timestamp(start), text=text))
                item.setData(Qt.ItemDataRole.AccessibleTextRole, _("At {time}: {text}").format(
                    time=i18n.format_duration(start), text=text))

    def _mark_matching_cues(self, scroll: bool = True) -> None:
        """Cues holding a query word stand out, and the first one is brought into view."""
        first = None
        background, foreground = highlight_colours()
        for row in range(self.cues.count()):
            item = self.cues.item(row)
            matches = bool(match_spans(item.data(Qt.ItemDataRole.UserRole),
                                       self.highlight_terms))
            if matches:
                # Only the weight: the delegate takes family and size from the list, so
                # the text-size setting still reaches the cue.
                font = QFont()
                font.setBold(True)
                item.setFont(font)
            else:
                item.setData(Qt.ItemDataRole.FontRole, None)
            if matches:
                item.setBackground(background)
                item.setForeground(foreground)
            else:
                item.setData(Qt.ItemDataRole.BackgroundRole, None)
                item.setData(Qt.ItemDataRole.ForegroundRole, None)
            if matches and first is None:
                first = item
        if first is not None and scroll:
            self.cues.scrollToItem(first, QAbstractItemView.ScrollHint.PositionAtTop)

    def _meta_text(self, replay: Replay) -> str:
        parts = []
        pack = self.library.pack(replay.pack_id) if self.library is not None else None
        place = event_line(pack.event if pack is not None else None)
        if place:
            parts.append(place)
        parts.append(i18n.format_day(replay.date, date_precision(pack)))
        parts.append(_("Duration: {duration}").format(duration=i18n.format_duration(
            replay.duration)) if replay.duration is not None else _("Duration unknown"))
        return " · ".join(parts)

    def _show_missing_notice(self, replay: Replay) -> None:
        if self._playback_error:
            # Made again from the player: after a language switch it reads in the new one.
            text = self.player.failure_message() or self._playback_error
        elif not replay.video_file:
            text = _("There is no video file for this talk in the kit.")
        elif self.media_folder is None:
            text = _("The video of this talk is not on this PC.\n"
                     "To watch it here, choose a media folder in the settings, then copy "
                     "the file “{file}” into it.").format(file=replay.video_file)
        else:
            text = _("The video of this talk is not on this PC.\n"
                     "To watch it here, copy the file “{file}” into your media folder "
                     "({folder}). You can choose another media folder in the "
                     "settings.").format(file=replay.video_file, folder=self.media_folder)
        self.missing_notice.setText(text)
        self.missing_notice.setAccessibleName(text)
        self.online_link.setVisible(self._online_url(replay) is not None)
        self.media_settings_button.setVisible(bool(replay.video_file))

    def _rebuild_related_links(self, replay: Replay) -> None:
        clear_layout(self.related_links)
        related = list(self.library.related(replay)) if self.library is not None else []
        summaries = [r for r in related if isinstance(r, Summary)]
        # One summary per session: the one in the interface language when there is one.
        summaries.sort(key=lambda s: s.language != i18n.current_language())
        links: list[tuple[str, str]] = []
        if summaries:
            links.append((_("Summary: {title}").format(title=summaries[0].title),
                          summaries[0].key))
        links += [(_("Kit: {title}").format(title=r.title), r.key)
                  for r in related if isinstance(r, KitAsset)]
        self.related_heading.setVisible(bool(links))
        for text, key in links:
            button = LinkButton(text, self)
            button.clicked.connect(
                lambda _checked=False, key=key: self.open_key_requested.emit(key))
            self.related_links.addWidget(button)
            button.show()  # at once, not after the next event-loop turn

    @staticmethod
    def _online_url(replay: Replay) -> QUrl | None:
        if not replay.url:
            return None
        url = QUrl(replay.url)
        return url if url.isValid() and url.scheme() in EXTERNAL_SCHEMES else None

    def _show_media_page(self, playable: bool) -> None:
        """The player, large; or the explanation, as tall as its text."""
        self.player.setVisible(playable)
        self.missing_page.setVisible(not playable)
        # The room the video would take goes below the links when there is none.
        self.left_layout.setStretch(self.left_layout.count() - 1, 0 if playable else 1)

    @property
    def showing_video(self) -> bool:
        return not self.player.isHidden()

    def focus_target(self) -> QWidget | None:
        """Focus given to the view goes to the transcript, else to the player or its help."""
        candidates = (self.cues, self.player.play_button, self.media_settings_button,
                      self.online_link, self.chapters)
        return next((w for w in candidates if w.isVisibleTo(self) and w.isEnabled()
                     and (w is not self.cues or self.cues.count())), None)

    def _select_cue_at(self, seconds: float) -> None:
        row = bisect.bisect_right(self._cue_starts, seconds + 0.001) - 1
        if 0 <= row < self.cues.count() and row != self.cues.currentRow():
            self.cues.setCurrentRow(row)
            self.cues.scrollToItem(self.cues.item(row),
                                   QAbstractItemView.ScrollHint.EnsureVisible)

    # --- slots ---------------------------------------------------------------------------

    def on_timed_item_chosen(self, item: QListWidgetItem) -> None:
        start = float(item.data(START_ROLE))
        self._select_cue_at(start)
        if self.video_path is not None:
            self.player.seek(start)

    def on_player_position_changed(self, seconds: float) -> None:
        self._select_cue_at(seconds)

    def on_player_playback_failed(self, message: str) -> None:
        self._playback_error = message
        self._show_media_page(False)
        if self.replay is not None:
            self._show_missing_notice(self.replay)

    def on_online_link_clicked(self) -> None:
        url = self._online_url(self.replay) if self.replay is not None else None
        if url is not None:
            QDesktopServices.openUrl(url)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange) \
                and self.replay is not None:
            self._mark_matching_cues(scroll=False)  # the marked cues in the new theme

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        # Leaving the view (another result, another view) must not leave a talk playing.
        if self.player.player.playbackState() == self.player.player.PlaybackState.PlayingState:
            self.player.player.pause()
        super().hideEvent(event)
