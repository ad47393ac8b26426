"""Which screen is the projector, told by what the screen is, never by where it is.

A screen is recorded by its name, maker, model and serial number (`ScreenId`), because the
index and the geometry change when a cable is pulled or a resolution changes. Without a
choice, the projector is a screen that is neither the primary one nor a laptop's built-in
panel (whose connector names start with eDP, LVDS or DSI).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass

from PySide6.QtGui import QScreen

BUILT_IN_PREFIXES = ("edp", "lvds", "dsi")


@dataclass(frozen=True)
class ScreenId:
    name: str
    manufacturer: str = ""
    model: str = ""
    serial: str = ""

    @classmethod
    def of(cls, screen: QScreen) -> ScreenId:
        return cls(screen.name(), screen.manufacturer(), screen.model(), screen.serialNumber())

    def to_setting(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_setting(cls, text: str) -> ScreenId | None:
        """The id saved in the settings; None for an empty or unreadable value."""
        if not text:
            return None
        try:
            data = json.loads(text)
            return cls(**{key: str(data.get(key, "")) for key in ("name", "manufacturer",
                                                                  "model", "serial")})
        except (ValueError, TypeError, AttributeError):
            return None

    def describe(self) -> str:
        """How the settings list the screen: "HDMI-1 — Acme Beamer 3000"."""
        maker = " ".join(part for part in (self.manufacturer, self.model) if part)
        return f"{self.name} — {maker}" if maker else self.name

    def match_score(self, other: ScreenId) -> int:
        """How surely `other` is this screen: 3 all the same, 2 the same device on another
        connector (maker, model and serial), 1 the same connector; 0 not this screen."""
        if self == other:
            return 3
        if self.serial and (self.manufacturer, self.model, self.serial) == (
                other.manufacturer, other.model, other.serial):
            return 2
        if self.name and self.name == other.name and not (
                self.serial and other.serial and self.serial != other.serial):
            return 1
        return 0


def is_built_in_panel(screen: QScreen) -> bool:
    return screen.name().lower().startswith(BUILT_IN_PREFIXES)


def find_screen(wanted: ScreenId | None, screens: Iterable[QScreen]) -> QScreen | None:
    """The connected screen that best matches `wanted`; None when none does."""
    if wanted is None:
        return None
    best, best_score = None, 0
    for screen in screens:
        score = wanted.match_score(ScreenId.of(screen))
        if score > best_score:
            best, best_score = screen, score
    return best


def default_projector(screens: Iterable[QScreen], primary: QScreen | None) -> QScreen | None:
    """A screen that is neither the primary nor a built-in panel; None when there is none."""
    candidates = [s for s in screens if s is not primary and not is_built_in_panel(s)]
    if candidates:
        return candidates[0]
    others = [s for s in screens if s is not primary]
    return others[0] if others else None


def console_screen(projector: QScreen | None, screens: Iterable[QScreen],
                   primary: QScreen | None) -> QScreen | None:
    """Where the presenter console goes: the built-in panel, else the primary, else any
    screen that is not the projector."""
    others = [s for s in screens if s is not projector]
    for screen in others:
        if is_built_in_panel(screen):
            return screen
    if primary is not None and primary is not projector:
        return primary
    return others[0] if others else None
