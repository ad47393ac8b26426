"""The written summary of a session: its facts, its Markdown text, and links to the same
session's replay, kit files and translation."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from mediation_kit.core import i18n
from mediation_kit.core.i18n import _
from mediation_kit.core.model import KitAsset, Replay, Summary
from mediation_kit.ui.views.common import (
    date_precision,
    side_panel,
    FocusForwarding,
    Library,
    LinkButton,
    OfflineTextBrowser,
    ScaledLabel,
    add_zoom_shortcuts,
    clear_layout,
    event_line,
    person_text,
    highlight_in_editor,
    language_in_sentence,
    meta_label,
    notice_label,
    set_value_text,
    title_label,
    zoom_hint,
)
from mediation_kit.core.typography import typeset


class SummaryView(FocusForwarding, QWidget):
    """Shows one `Summary`; prefers the version in the interface language (content is not UI:
    when there is none, it shows the original and says so)."""

    # The user clicked a link to another resource; carries its resource key.
    open_key_requested = Signal(str)
    # The summary now on screen (a translation may replace the one asked for).
    record_shown = Signal(str)

    def __init__(self, library: Library | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.summary: Summary | None = None
        self.highlight_terms: list[str] = []
        self._translation: Summary | None = None
        self._build()
        self.retranslate()

    # --- building -----------------------------------------------------------------------

    def _build(self) -> None:
        self.title = title_label(self)
        self.meta = meta_label(self)
        self.language_notice = notice_label(self)
        self.translation_link = LinkButton(parent=self)
        self.translation_link.clicked.connect(self.on_translation_link_clicked)

        self.browser = OfflineTextBrowser(self)
        self.browser.setFrameShape(QFrame.Shape.NoFrame)
        self.browser.document().setDocumentMargin(12)

        self.speakers_heading = ScaledLabel(1.1, bold=True, parent=self)
        self.speakers = QLabel(self)
        self.themes_heading = ScaledLabel(1.1, bold=True, parent=self)
        self.themes = QLabel(self)
        self.related_heading = ScaledLabel(1.1, bold=True, parent=self)
        for label in (self.speakers, self.themes):
            label.setProperty("content", True)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.related_links = QVBoxLayout()
        self.related_links.setSpacing(2)

        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(12, 8, 12, 8)
        side_layout.setSpacing(6)
        for heading, body in ((self.speakers_heading, self.speakers),
                              (self.themes_heading, self.themes)):
            side_layout.addWidget(heading)
            side_layout.addWidget(body)
            side_layout.addSpacing(8)
        side_layout.addWidget(self.related_heading)
        side_layout.addLayout(self.related_links)
        side_layout.addStretch(1)
        self.side_panel = side_panel(side, self, min_width=300, max_width=420)

        language_row = QHBoxLayout()
        language_row.addWidget(self.language_notice, 1)
        language_row.addWidget(self.translation_link, 0, Qt.AlignmentFlag.AlignVCenter)

        body = QHBoxLayout()
        body.setSpacing(12)
        body.addWidget(self.browser, 3)
        body.addWidget(self.side_panel, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.meta)
        layout.addLayout(language_row)
        layout.addSpacing(4)
        layout.addLayout(body, 1)
        # Focus given to the view lands in the text, where the arrow keys scroll; Tab then
        # walks the page as it reads: the other language first, the text, the session's links.
        QWidget.setTabOrder(self.translation_link, self.browser)
        add_zoom_shortcuts(self, self.browser)

    def focus_target(self) -> QWidget:
        return self.browser

    # --- the interface the shell uses ------------------------------------------------------

    def set_library(self, library: Library | None) -> None:
        self.library = library

    def show_record(self, record: Summary, highlight_terms: Sequence[str] = (),
                    at_time: float | None = None, *,
                    prefer_interface_language: bool = True) -> None:
        """Shows `record`, or its translation in the interface language when there is one."""
        del at_time  # a summary has no timeline; accepted so every view is opened alike
        summary = record
        if prefer_interface_language and record.language != i18n.current_language():
            other = self._translation_of(record)
            if other is not None and other.language == i18n.current_language():
                summary = other
        self.summary = summary
        self.highlight_terms = list(highlight_terms)
        self._translation = self._translation_of(summary)
        self.browser.show_markdown(summary.body, summary.source.parent, summary.language)
        highlight_in_editor(self.browser, self.highlight_terms)
        self.retranslate()
        self.record_shown.emit(summary.key)

    def retranslate(self) -> None:
        self.translation_link.setAccessibleDescription(_("Shows this summary in another language"))
        self.browser.setAccessibleName(_("Summary text"))
        self.browser.setAccessibleDescription(zoom_hint())
        self.browser.setStatusTip(zoom_hint())
        self.speakers_heading.setText(_("Speakers"))
        self.themes_heading.setText(_("Themes"))
        self.related_heading.setText(_("From the same session"))
        self.side_panel.setAccessibleName(_("About this session"))
        summary = self.summary
        if summary is None:
            set_value_text(self.title, _("Title"), _("No summary selected"))
            for widget in (self.meta, self.language_notice, self.translation_link):
                widget.setVisible(False)
            self.speakers.setText("")
            self.themes.setText("")
            clear_layout(self.related_links)
            return
        set_value_text(self.title, _("Title"), typeset(summary.title, summary.language))
        self.meta.setVisible(True)
        self.meta.setText(self._meta_text(summary))
        # One per line in the side column: easier to scan than a sentence.
        set_value_text(self.speakers, _("Speakers"),
                       "\n".join(map(person_text, summary.speakers)) or _("Not given"))
        set_value_text(self.themes, _("Themes"), "\n".join(summary.themes) or _("Not given"))
        self._show_language_notice(summary)
        self._rebuild_related_links(summary)

    # --- helpers -------------------------------------------------------------------------

    def _translation_of(self, summary: Summary) -> Summary | None:
        if self.library is None or summary.translation is None:
            return None
        return self.library.translation(summary)

    def _meta_text(self, summary: Summary) -> str:
        pack = self.library.pack(summary.pack_id) if self.library is not None else None
        when = self._when(summary, pack)
        if summary.time is not None:
            when = _("{date}, {time}").format(date=when, time=i18n.format_time(summary.time))
        place = event_line(pack.event if pack is not None else None)
        return _("{event} — {when}").format(event=place, when=when) if place else when

    @staticmethod
    def _when(summary: Summary, pack) -> str:
        """The summary's day; when it is not known, its event's dates, saying so."""
        if summary.date is not None:
            return i18n.format_day(summary.date, date_precision(pack))
        if pack is None:
            return _("Date not known")
        event = pack.event
        dates = i18n.format_event_dates(event.start, event.end, event.date_precision)
        if event.date_precision == "day" and event.start != event.end:
            return _("{dates}, day not known").format(dates=dates)
        return dates

    def _show_language_notice(self, summary: Summary) -> None:
        interface = i18n.current_language()
        other = self._translation
        notice = ""
        if summary.language != interface:
            if other is not None and other.language == interface:
                notice = _("You are reading the {language} version of this summary.").format(
                    language=language_in_sentence(summary.language))
            else:
                notice = _("This summary is only available in {language}: "
                           "it is shown in its original language.").format(
                    language=language_in_sentence(summary.language))
        self.language_notice.setText(notice)
        self.language_notice.setVisible(bool(notice))
        self.language_notice.setAccessibleName(notice)
        if other is not None:
            text = _("Read in {language}").format(language=language_in_sentence(other.language))
            self.translation_link.setText(text)
            self.translation_link.setAccessibleName(text)
        self.translation_link.setVisible(other is not None)

    def _rebuild_related_links(self, summary: Summary) -> None:
        clear_layout(self.related_links)
        related = list(self.library.related(summary)) if self.library is not None else []
        # The translation has its own link above; other summaries are not this session's media.
        items = [r for r in related if isinstance(r, Replay)]
        items += [r for r in related if isinstance(r, KitAsset)]
        if not items:
            empty = QLabel(_("Nothing else from this session."), self)
            empty.setWordWrap(True)
            self.related_links.addWidget(empty)
            return
        for record in items:
            if isinstance(record, Replay):
                text = _("Replay: {title}").format(title=record.title)
            else:
                text = _("Kit: {title}").format(title=record.title)
            button = LinkButton(text, self)
            button.setAccessibleName(text)
            button.setToolTip(text)
            button.clicked.connect(
                lambda _checked=False, key=record.key: self.open_key_requested.emit(key))
            self.related_links.addWidget(button)
            button.show()  # at once, not after the next event-loop turn

    def on_translation_link_clicked(self) -> None:
        if self._translation is not None:
            self.show_record(self._translation, self.highlight_terms,
                             prefer_interface_language=False)
