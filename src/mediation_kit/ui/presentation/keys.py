"""The presenting keys, declared once: the handler reads them and the help overlay lists them.

A presentation clicker sends PageDown/PageUp (some send Right/Left, B or period), so every
action has the keys clickers use as well as the ones a keyboard user expects.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtCore import Qt

from mediation_kit.core.i18n import N_

K = Qt.Key


class Action(enum.StrEnum):
    NEXT = "next"
    PREVIOUS = "previous"
    BLACK = "black"
    WHITE = "white"
    LOGO = "logo"
    FIRST = "first"
    LAST = "last"
    PLAY_PAUSE = "play-pause"
    CAPTIONS = "captions"
    BIGGER = "bigger"
    SMALLER = "smaller"
    ESCAPE = "escape"
    HELP = "help"


@dataclass(frozen=True)
class KeyBinding:
    action: Action
    keys: tuple[Qt.Key, ...]
    label: str  # the keys as the help overlay writes them (N_, translated there); "" unlisted
    help: str  # N_


BINDINGS: tuple[KeyBinding, ...] = (
    KeyBinding(Action.NEXT, (K.Key_PageDown, K.Key_Right, K.Key_Down, K.Key_Space),
               N_("Page Down, Right, Down, Space"),
               N_("Next: the next page, then the next item")),
    KeyBinding(Action.PREVIOUS, (K.Key_PageUp, K.Key_Left, K.Key_Up),
               N_("Page Up, Left, Up"), N_("Back")),
    KeyBinding(Action.BLACK, (K.Key_B, K.Key_Period), N_("B or ."), N_("Black screen")),
    KeyBinding(Action.WHITE, (K.Key_W,), N_("W"), N_("White screen")),
    KeyBinding(Action.LOGO, (K.Key_L,), N_("L"), N_("The event's visual")),
    KeyBinding(Action.FIRST, (K.Key_Home,), N_("Home / End"),
               N_("First item / last item")),
    KeyBinding(Action.LAST, (K.Key_End,), "", ""),  # listed with Home
    KeyBinding(Action.PLAY_PAUSE, (K.Key_P,), N_("P"), N_("Play or pause the video")),
    KeyBinding(Action.CAPTIONS, (K.Key_C,), N_("C"), N_("Show or hide the captions")),
    KeyBinding(Action.BIGGER, (K.Key_Plus, K.Key_Equal), N_("+"), N_("Larger text")),
    KeyBinding(Action.SMALLER, (K.Key_Minus,), N_("-"), N_("Smaller text")),
    KeyBinding(Action.ESCAPE, (K.Key_Escape,), N_("Esc"),
               N_("Leave black, white or the visual; a second Esc ends the presentation")),
    KeyBinding(Action.HELP, (K.Key_F1,), N_("F1"), N_("Show or hide this help")),
)
# Typing a number then Enter jumps to that item; listed in the help after the table.
JUMP_LABEL = N_("Number, then Enter")
JUMP_HELP = N_("Go to that item of the list")

ACTION_FOR_KEY: dict[int, Action] = {
    int(key): binding.action for binding in BINDINGS for key in binding.keys}
DIGIT_KEYS = {int(K.Key_0) + n: n for n in range(10)}
ENTER_KEYS = {int(K.Key_Return), int(K.Key_Enter)}
