"""The audience screen's own look: colours and type sizes, apart from the app's theme.

Sizes follow the screen's height so that text reads from the back of a room on any
projector; `scale` (the +/- keys) changes them all at once.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtGui import QColor, QFont

LOOKS = ("dark", "light")
SCALE_STEP = 10
SCALE_MIN, SCALE_MAX = 60, 200


@dataclass(frozen=True)
class AudienceLook:
    name: str = "dark"
    scale: int = 100  # percent

    @property
    def background(self) -> QColor:
        return QColor("#111418") if self.name == "dark" else QColor("#fbfaf7")

    @property
    def text(self) -> QColor:
        return QColor("#f1f1ee") if self.name == "dark" else QColor("#16181c")

    @property
    def muted(self) -> QColor:
        return QColor("#a6adb8") if self.name == "dark" else QColor("#555b66")

    @property
    def accent(self) -> QColor:
        return QColor("#f2c14e") if self.name == "dark" else QColor("#1f5fa8")

    def bigger(self) -> AudienceLook:
        return replace(self, scale=min(SCALE_MAX, self.scale + SCALE_STEP))

    def smaller(self) -> AudienceLook:
        return replace(self, scale=max(SCALE_MIN, self.scale - SCALE_STEP))

    def body_px(self, screen_height: int) -> int:
        """Body text: a 20th of the screen's height at 100 % (38 px on a 768-line beamer)."""
        return max(12, round(screen_height / 20 * self.scale / 100))

    def font(self, screen_height: int, factor: float = 1.0, bold: bool = False) -> QFont:
        font = QFont()
        font.setPixelSize(max(9, round(self.body_px(screen_height) * factor)))
        font.setBold(bold)
        return font
