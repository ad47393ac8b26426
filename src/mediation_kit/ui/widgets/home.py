"""The home page shown with no query: one card per event, to browse what each one holds."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget,
)

from mediation_kit.core.i18n import _, format_event_dates, ngettext
from mediation_kit.core.model import Pack, ResourceType
from mediation_kit.ui import theme


def part_label(kind: str) -> str:
    """What a card's button browses: "Summaries", "Replays", "Communication kit"."""
    return {ResourceType.SUMMARY.value: _("Summaries"), ResourceType.REPLAY.value: _("Replays"),
            ResourceType.KIT.value: _("Communication kit")}.get(kind, kind)


class EventCard(QFrame):
    browse_requested = Signal(str, str)  # pack id, resource type: show that part of the event

    def __init__(self, pack: Pack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pack = pack
        self.setObjectName("eventCard")
        theme.set_theme_role(self, theme.CARD)
        self.setProperty("content", True)  # named after its event
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        self.title = QLabel(self)
        self.title.setProperty("content", True)  # the event's name and edition
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setWordWrap(True)
        self.when_where = QLabel(self)
        self.when_where.setWordWrap(True)
        theme.set_theme_role(self.when_where, theme.MUTED)
        self.holds = QLabel(self)
        self.holds.setWordWrap(True)
        for label in (self.title, self.when_where, self.holds):
            layout.addWidget(label)
        buttons = QHBoxLayout()
        self.buttons: dict[ResourceType, QPushButton] = {}
        for kind in (ResourceType.SUMMARY, ResourceType.REPLAY, ResourceType.KIT):
            button = QPushButton(self)
            button.clicked.connect(lambda _c=False, k=kind:
                                   self.browse_requested.emit(self.pack.id, k.value))
            button.setEnabled(bool(self._records(kind)))
            buttons.addWidget(button)
            self.buttons[kind] = button
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.retranslate()

    def _records(self, kind: ResourceType) -> tuple:
        return {ResourceType.SUMMARY: self.pack.summaries, ResourceType.REPLAY: self.pack.replays,
                ResourceType.KIT: self.pack.kit}[kind]

    def retranslate(self) -> None:
        event = self.pack.event
        self.title.setText(f"<big><b>{html.escape(event.name)}</b></big><br>"
                           f"{html.escape(event.edition)}")
        self.when_where.setText(_("{dates} · {venue}, {city}").format(
            dates=format_event_dates(event.start, event.end, event.date_precision),
            venue=event.venue, city=event.city))
        n_summaries, n_replays, n_kit = (len(self.pack.summaries), len(self.pack.replays),
                                         len(self.pack.kit))
        self.holds.setText(" · ".join((
            ngettext("{count} summary", "{count} summaries", n_summaries).format(
                count=n_summaries),
            ngettext("{count} replay", "{count} replays", n_replays).format(count=n_replays),
            ngettext("{count} kit file", "{count} kit files", n_kit).format(count=n_kit),
        )))
        # Whole sentences: a lowered "{part}" would break German nouns and French agreement.
        tips = {ResourceType.SUMMARY: _("Browse the summaries of this event"),
                ResourceType.REPLAY: _("Browse the replays of this event"),
                ResourceType.KIT: _("Browse the communication kit of this event")}
        for kind, button in self.buttons.items():
            part = part_label(kind.value)
            button.setText(part)
            button.setAccessibleName(_("{part} of {event}").format(part=part, event=event.name))
            button.setToolTip(tips[kind])
        self.setAccessibleName(event.name)


class HomePage(QScrollArea):
    browse_requested = Signal(str, str)  # pack id, resource type

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget(self)
        self._layout = QVBoxLayout(inner)
        self.heading = QLabel(inner)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.intro = QLabel(inner)
        self.intro.setWordWrap(True)
        theme.set_theme_role(self.intro, theme.MUTED)
        self._layout.addWidget(self.heading)
        self._layout.addWidget(self.intro)
        self._grid = QGridLayout()
        self._layout.addLayout(self._grid)
        self._layout.addStretch(1)
        self.setWidget(inner)
        self.cards: list[EventCard] = []
        self._loaded = False
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText("<h2>{}</h2>".format(html.escape(_("Events"))))
        if not self._loaded:
            self.intro.setText(_("Loading the events…"))
        elif not self.cards:
            self.intro.setText(_("No content pack is installed. Add packs to the resources "
                                 "folder and start the kit again."))
        else:
            self.intro.setText(_("Type in the search field, or browse an event below."))
        self.setAccessibleName(_("Home"))
        for card in self.cards:
            card.retranslate()

    def focus_first_card(self) -> None:
        """Down from the search field: to the first button of the first event."""
        for card in self.cards:
            for button in card.buttons.values():
                if button.isEnabled():
                    button.setFocus()
                    self.ensureWidgetVisible(button)
                    return

    def set_packs(self, packs: tuple[Pack, ...]) -> None:
        for card in self.cards:
            self._grid.removeWidget(card)
            card.deleteLater()
        self.cards = []
        ordered = sorted(packs, key=lambda p: p.event.start, reverse=True)
        for position, pack in enumerate(ordered):
            card = EventCard(pack, self.widget())
            card.browse_requested.connect(self.browse_requested)
            self._grid.addWidget(card, position // 2, position % 2)
            self.cards.append(card)
        self._loaded = True
        self.retranslate()
