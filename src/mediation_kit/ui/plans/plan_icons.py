"""The plan's own icons, self-drawn like ui/icons.py (no icon theme, no file): a title card,
and the "add to plan" sign. Drawn in the palette's text colour so they follow the theme."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPen, QPixmap

SIZE = 64
_cache: dict[tuple[str, str], QIcon] = {}


def plan_icon(kind: str, palette: QPalette, selected: bool = False) -> QIcon:
    """"card" (a heading over lines on a card) or "add" (a plus on a list)."""
    role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.ButtonText
    colour = palette.color(role).name()
    icon = _cache.get((kind, colour))
    if icon is None:
        icon = _cache[(kind, colour)] = QIcon(_draw(kind, QColor(colour)))
    return icon


def _draw(kind: str, colour: QColor) -> QPixmap:
    pixmap = QPixmap(SIZE, SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(colour, 4)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    p.setPen(pen)
    if kind == "card":  # a landscape card: a thick heading, two thin lines
        p.drawRoundedRect(QRectF(4, 12, 56, 40), 5, 5)
        p.fillRect(QRectF(13, 20, 38, 8), colour)
        p.drawLine(14, 36, 50, 36)
        p.drawLine(14, 44, 40, 44)
    else:  # add: three list lines and a plus
        for y in (14, 26, 38):
            p.drawLine(6, y, 34, y)
        pen.setWidth(6)
        p.setPen(pen)
        p.drawLine(48, 34, 48, 58)
        p.drawLine(36, 46, 60, 46)
    p.end()
    return pixmap
