"""A running presentation: the deck, the two windows, the keys, the screens.

The audience window goes on the projector (chosen by what the screen is, see screens.py) and
the console on the operator's screen. When the projector goes away the audience window is
hidden, never destroyed, the console says so and the talk goes on; when the same screen comes
back the window returns to it by itself. Nothing here writes the settings, so a fallback
screen is never saved as the user's choice.
"""

from __future__ import annotations

import logging
from datetime import datetime
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QImage, QKeyEvent, QScreen

from mediation_kit.core import i18n
from mediation_kit.core.i18n import _
from mediation_kit.ui.presentation.audience import AudienceWindow
from mediation_kit.ui.presentation.console import PresenterConsole
from mediation_kit.ui.presentation.deck import Deck, Position, Screen
from mediation_kit.ui.presentation.items import ItemKind, PresentationItem
from mediation_kit.ui.presentation.keys import ACTION_FOR_KEY, DIGIT_KEYS, ENTER_KEYS, Action
from mediation_kit.ui.presentation.look import AudienceLook
from mediation_kit.ui.presentation.screens import (
    ScreenId, console_screen, default_projector, find_screen)
from mediation_kit.ui.presentation.screensaver import ScreenSaverInhibitor
from mediation_kit.ui.presentation.slides import SlideRenderer
from mediation_kit.ui.presentation.talk_clock import TalkClock

log = logging.getLogger(__name__)
REHEARSAL_SIZE = QSize(960, 540)
SETTLE_MS = 350  # a plugged screen's geometry settles before the window moves there


class Presentation(QObject):
    # The presentation ended (Esc twice, or closed).
    ended = Signal()
    # What the room sees changed (tests and benchmarks): the item index and the screen.
    shown = Signal(int, str)

    def __init__(self, items: list[PresentationItem], *, projector: str = "",
                 look: str = "dark", text_scale: int = 100, start: int = 0,
                 rehearsal: bool = False, pack_lookup=None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.deck = Deck(items, start)
        self.clock = TalkClock()
        self.look = AudienceLook(look if look in ("dark", "light") else "dark", text_scale)
        self.rehearsal = rehearsal
        self.pack_lookup = pack_lookup
        self.wanted = ScreenId.from_setting(projector)  # the user's choice; never rewritten
        self.projector: QScreen | None = None  # the screen the audience window is on
        self.projector_id: ScreenId | None = None  # ...and what it is, to find it again
        self.one_screen = False
        self.captions = True
        self.digits = ""
        self.renderer: SlideRenderer | None = None
        self._images: dict[tuple[Any, ...], QImage] = {}
        self._resume_video = False
        self._ended = False
        self.audience = AudienceWindow()
        self.console = PresenterConsole(self.deck.items)
        self.inhibitor = ScreenSaverInhibitor()
        self.tick = QTimer(self)
        self.tick.setInterval(500)
        self._connect_signals()
        i18n.add_language_listener(self.on_language_changed)

    def _connect_signals(self) -> None:
        app = QGuiApplication.instance()
        app.screenAdded.connect(self.on_app_screen_added)
        app.screenRemoved.connect(self.on_app_screen_removed)
        for screen in QGuiApplication.screens():
            self._watch(screen)
        self.audience.key_pressed.connect(self.handle_key)
        self.console.key_pressed.connect(self.handle_key)
        self.console.jump_requested.connect(self.on_console_jump_requested)
        self.console.pause_requested.connect(self.toggle_timers)
        self.console.reset_requested.connect(self.reset_timers)
        for surface in self.audience.replays:
            surface.clip_ended.connect(self._refresh_console)
        self.tick.timeout.connect(self._update_times)

    def _watch(self, screen: QScreen) -> None:
        # partial, not a lambda in a loop: each screen's signal must name its own screen.
        screen.geometryChanged.connect(partial(self.on_screen_geometry_changed, screen))

    # --- starting and ending --------------------------------------------------------------

    def start(self) -> None:
        screens = QGuiApplication.screens()
        primary = QGuiApplication.primaryScreen()
        projector = find_screen(self.wanted, screens) or default_projector(screens, primary)
        if self.rehearsal:
            self._place_rehearsal(primary)
        elif projector is None:
            self._place_one_screen(primary)
        else:
            self._place_audience(projector)
            self._place_console(console_screen(projector, screens, primary))
        self.tick.start()
        self.inhibitor.inhibit(_("Presenting to a room"))
        self.refresh()

    def end(self) -> None:
        if self._ended:
            return
        self._ended = True
        self.tick.stop()
        i18n.remove_language_listener(self.on_language_changed)
        self.inhibitor.release()
        app = QGuiApplication.instance()
        app.screenAdded.disconnect(self.on_app_screen_added)
        app.screenRemoved.disconnect(self.on_app_screen_removed)
        for surface in self.audience.replays:
            surface.unload()
        self.audience.hide()
        self.console.hide()
        self.ended.emit()
        self.audience.deleteLater()
        self.console.deleteLater()

    @property
    def is_ended(self) -> bool:
        return self._ended

    def on_language_changed(self, _language: str) -> None:
        """The interface language changed: the console's words and the drawn pages follow."""
        if self._ended:
            return
        self.audience.retranslate()
        self.console.retranslate()
        self._images.clear()  # page numbers, "(continued)" and cards are drawn with words
        if self.renderer is not None:
            size, self.renderer = self.renderer.size, None
            self._set_renderer_size(size)
        self.refresh()

    # --- placing the windows --------------------------------------------------------------

    def _set_renderer_size(self, size: QSize) -> None:
        if self.renderer is not None and self.renderer.size == size and \
                self.renderer.look == self.look:
            return
        self.renderer = SlideRenderer(size, self.look, self.pack_lookup)
        self._images.clear()
        for index, item in enumerate(self.deck.items):
            if item.kind in (ItemKind.SUMMARY, ItemKind.TEXT):
                self.deck.set_page_count(index, self.renderer.page_count(item))
        for surface in self.audience.replays:
            surface.set_caption_px(round(self.look.body_px(size.height()) * 0.9))

    def _place_audience(self, screen: QScreen) -> None:
        """Full screen on `screen`: the screen first, then full screen (Wayland needs it)."""
        self.projector = screen
        self.projector_id = ScreenId.of(screen)
        geometry = screen.geometry()
        self._set_renderer_size(geometry.size())
        self.audience.setWindowState(Qt.WindowState.WindowNoState)
        self.audience.hide()
        self.audience.setGeometry(geometry)
        self.audience.winId()  # a native window to move before it is shown
        self.audience.windowHandle().setScreen(screen)
        self.refresh()  # the current frame is ready before the window appears
        self.audience.showFullScreen()

    def _place_console(self, screen: QScreen | None) -> None:
        if screen is None:
            return
        self.console.winId()
        self.console.windowHandle().setScreen(screen)
        area = screen.availableGeometry()
        self.console.setGeometry(area.adjusted(20, 20, -20, -20))
        self.console.show()
        self.console.raise_()
        self.console.activateWindow()
        self.console.setFocus()

    def _place_one_screen(self, screen: QScreen) -> None:
        """One screen only: the room's picture takes it, the keys still work there."""
        self.one_screen = True
        self._place_audience(screen)
        self.audience.activateWindow()
        self.audience.setFocus()

    def _place_rehearsal(self, screen: QScreen) -> None:
        """Both windows side by side on one screen, the audience one windowed."""
        area = screen.availableGeometry()
        self.audience.setWindowFlags(Qt.WindowType.Window)
        self._set_renderer_size(REHEARSAL_SIZE)
        self.audience.setFixedSize(REHEARSAL_SIZE)
        self.audience.move(area.topLeft())
        self.refresh()
        self.audience.show()
        self.console.setGeometry(QRect(area.left() + REHEARSAL_SIZE.width() + 10, area.top(),
                                       max(480, area.width() - REHEARSAL_SIZE.width() - 10),
                                       area.height()))
        self.console.show()
        self.console.activateWindow()

    # --- screens coming and going ---------------------------------------------------------

    def on_app_screen_removed(self, screen: QScreen) -> None:
        if screen is not self.projector or self.rehearsal:
            return
        self.projector = None
        self.audience.hide()  # hidden, not destroyed: it comes back as it was
        name = self.projector_id.describe() if self.projector_id else ""
        self.console.show_banner(_(
            "The projector ({screen}) was disconnected. The presentation goes on here; the "
            "room's picture comes back when the same screen is plugged in again.").format(
                screen=name))
        log.info("projector %s removed; audience window hidden", name)

    def on_app_screen_added(self, screen: QScreen) -> None:
        self._watch(screen)
        if self.rehearsal:
            return
        if self.one_screen:
            QTimer.singleShot(SETTLE_MS, self._leave_one_screen)
        elif self.projector is None and self.projector_id is not None:
            QTimer.singleShot(SETTLE_MS, partial(self._come_back, screen))

    def _leave_one_screen(self) -> None:
        """A projector plugged in while presenting on one screen: the room's picture moves
        there and the console takes the operator's screen."""
        if self._ended or not self.one_screen:
            return
        screens = QGuiApplication.screens()
        primary = QGuiApplication.primaryScreen()
        projector = find_screen(self.wanted, screens) or default_projector(screens, primary)
        if projector is None:
            return
        self.one_screen = False
        self._place_audience(projector)
        self._place_console(console_screen(projector, screens, primary))

    def _come_back(self, screen: QScreen) -> None:
        if self._ended or self.projector is not None or self.projector_id is None:
            return
        if screen not in QGuiApplication.screens():
            return
        if self.projector_id.match_score(ScreenId.of(screen)) == 0:
            return
        self.console.show_banner("")
        self._place_audience(screen)
        log.info("projector %s back; audience window shown", screen.name())

    def on_screen_geometry_changed(self, screen: QScreen, _geometry: QRect) -> None:
        if screen is self.projector and not self.rehearsal and not self._ended:
            self._place_audience(screen)

    # --- keys -----------------------------------------------------------------------------

    def handle_key(self, event: QKeyEvent) -> None:
        key = event.key()
        if event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                | Qt.KeyboardModifier.AltModifier):
            return
        if key in DIGIT_KEYS:
            self.digits = (self.digits + str(DIGIT_KEYS[key]))[-4:]
            self.console.show_jump_entry(self.digits)
            return
        if key in ENTER_KEYS:
            if self.digits:
                number, self.digits = int(self.digits), ""
                self.console.show_jump_entry("")
                self.go(lambda: self.deck.jump(number))
            return
        if key == Qt.Key.Key_T:
            self.toggle_timers()
            return
        if key == Qt.Key.Key_R:
            self.reset_timers()
            return
        action = ACTION_FOR_KEY.get(key)
        if action is None and event.text() in ("+", "-", "."):
            action = {"+": Action.BIGGER, "-": Action.SMALLER, ".": Action.BLACK}[event.text()]
        if action is not None:
            if self.digits and action is not Action.ESCAPE:
                self.digits = ""
                self.console.show_jump_entry("")
            self.do(action)

    def do(self, action: Action) -> None:
        deck = self.deck
        if action is Action.NEXT:
            self.go(deck.next)
        elif action is Action.PREVIOUS:
            self.go(deck.previous)
        elif action is Action.FIRST:
            self.go(deck.first)
        elif action is Action.LAST:
            self.go(deck.last)
        elif action in (Action.BLACK, Action.WHITE, Action.LOGO):
            deck.toggle_screen({Action.BLACK: Screen.BLACK, Action.WHITE: Screen.WHITE,
                                Action.LOGO: Screen.LOGO}[action])
            self.refresh()
        elif action is Action.ESCAPE:
            if self.digits:
                self.digits = ""
                self.console.show_jump_entry("")
            elif self.console.help.isVisible():
                self.console.toggle_help()
            elif deck.escape():
                self.end()
            else:
                self.refresh()
        elif action is Action.PLAY_PAUSE:
            surface = self.audience.shown_replay()
            if surface is not None:
                surface.toggle()
        elif action is Action.CAPTIONS:
            self.captions = not self.captions
            for surface in self.audience.replays:
                surface.set_captions_shown(self.captions)
        elif action in (Action.BIGGER, Action.SMALLER):
            self.look = self.look.bigger() if action is Action.BIGGER else self.look.smaller()
            if self.renderer is not None:
                self._set_renderer_size(self.renderer.size)
            self.refresh()
        elif action is Action.HELP:
            self.console.toggle_help()

    def go(self, move) -> None:
        before = self.deck.item
        if move() and self.deck.item != before:
            self.clock.item_changed()
        self.refresh()

    def on_console_jump_requested(self, index: int) -> None:
        self.go(lambda: self.deck.jump(index + 1))

    def toggle_timers(self) -> None:
        self.clock.toggle_pause()
        self._update_times()

    def reset_timers(self) -> None:
        self.clock.reset()
        self._update_times()

    # --- showing --------------------------------------------------------------------------

    def image_for(self, position: Position) -> QImage:
        """The finished frame of a page, drawn once and kept while it is near."""
        key = ("page", position.item, position.page)
        image = self._images.get(key)
        if image is None:
            image = self.renderer.render(self.deck.items[position.item], position.page)
            self._images[key] = image
        return image

    def screen_image(self, screen: Screen) -> QImage:
        key = ("screen", screen.value, self.deck.current.pack_id or self._any_pack_id())
        image = self._images.get(key)
        if image is None:
            image = self.renderer.render_screen(screen, key[2])
            self._images[key] = image
        return image

    def _any_pack_id(self) -> str:
        for item in self.deck.items:
            if item.pack_id:
                return item.pack_id
        return ""

    def refresh(self) -> None:
        """Shows the deck's state on the audience window, then prepares what comes next."""
        if self.renderer is None or self._ended:
            return
        deck = self.deck
        item = deck.current
        shown_replay = self.audience.shown_replay()
        if deck.screen is not Screen.CONTENT:
            if shown_replay is not None and shown_replay.playing:
                self._resume_video = True
                shown_replay.pause()
            self.audience.show_image(self.screen_image(deck.screen), deck.screen)
        elif item.kind is ItemKind.REPLAY and item.video_file is not None:
            surface = self.audience.surface_for(item)
            fresh = surface.item is not item
            surface.prepare(item)
            if shown_replay is not None and shown_replay is not surface:
                shown_replay.pause()
            self.audience.show_replay(surface)
            if fresh or self._resume_video or shown_replay is not surface:
                surface.start()
            self._resume_video = False
        else:
            if shown_replay is not None:
                shown_replay.pause()
            self._resume_video = False
            self.audience.show_image(self.image_for(deck.position), deck.position)
        self.shown.emit(deck.item, deck.screen.value)
        self._refresh_console()
        QTimer.singleShot(0, self._prepare_neighbours)

    def _prepare_neighbours(self) -> None:
        """Draws the next and previous pages and loads the next replay, off screen."""
        if self._ended or self.renderer is None:
            return
        deck = self.deck
        wanted = {("page", deck.item, deck.page)}
        for position in (deck.next_position(), deck.previous_position()):
            if position is None:
                continue
            item = deck.items[position.item]
            if item.kind is ItemKind.REPLAY and item.video_file is not None:
                if deck.current.kind is not ItemKind.REPLAY or position.item > deck.item:
                    surface = self.audience.surface_for(item)
                    if surface is not self.audience.shown_replay():
                        surface.prepare(item)
                continue
            self.image_for(position)
            wanted.add(("page", position.item, position.page))
        for key in [k for k in self._images if k[0] == "page" and k not in wanted]:
            if len(self._images) > 12:
                del self._images[key]

    def room_text(self) -> str:
        screen = self.deck.screen
        if screen is Screen.BLACK:
            return _("The room sees a black screen (B or Esc to go back).")
        if screen is Screen.WHITE:
            return _("The room sees a white screen (W or Esc to go back).")
        if screen is Screen.LOGO:
            return _("The room sees the event's visual (L or Esc to go back).")
        item = self.deck.current
        count = self.deck.page_count(self.deck.item)
        if count > 1:
            return _("Item {number} of {total}, page {page} of {pages}: {title}").format(
                number=self.deck.item + 1, total=len(self.deck.items),
                page=self.deck.page + 1, pages=count, title=item.title)
        return _("Item {number} of {total}: {title}").format(
            number=self.deck.item + 1, total=len(self.deck.items), title=item.title)

    def _refresh_console(self) -> None:
        if self._ended or self.renderer is None:
            return
        deck = self.deck
        room = (self.screen_image(deck.screen) if deck.screen is not Screen.CONTENT
                else self.image_for(deck.position))
        following = deck.next_position()
        next_image = self.image_for(following) if following is not None else None
        next_title = deck.items[following.item].title if following is not None else ""
        if following is not None and following.item == deck.item:
            next_title = _("{title}, page {page}").format(title=next_title,
                                                          page=following.page + 1)
        self.console.show_position(deck.item, self.room_text(), room, next_image, next_title)
        self._update_times()

    def _update_times(self) -> None:
        if self._ended:
            return
        surface = self.audience.shown_replay()
        if surface is not None and self.deck.screen is Screen.CONTENT:
            # The console's picture of the room follows the video, twice a second.
            sink = surface.video.videoSink()
            frame = sink.videoFrame() if sink is not None else None
            if frame is not None and frame.isValid():
                self.console.current_preview.set_image(frame.toImage())
        self.console.show_times(
            self.clock.talk.seconds(), self.clock.item.seconds(),
            self.deck.current.planned_duration_s, self.clock.paused,
            i18n.format_time(datetime.now().time()))
