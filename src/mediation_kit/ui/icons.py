"""Small self-drawn icons for the resource types and the player: no icon theme, no file, no
network.

Drawn in the palette's text colour so they follow the theme (and high contrast).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap

_cache: dict[tuple[str, str], QIcon] = {}
SIZE = 64


def type_icon(kind: str, palette: QPalette, selected: bool = False,
              role: QPalette.ColorRole | None = None) -> QIcon:
    """The icon of `kind` in the palette's text colour (`role` to take another one)."""
    if role is None:
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
    colour = palette.color(role).name()
    key = (kind, colour)
    icon = _cache.get(key)
    if icon is None:
        icon = QIcon(_draw(kind, QColor(colour)))
        _cache[key] = icon
    return icon


def _draw(kind: str, colour: QColor) -> QPixmap:
    pixmap = QPixmap(SIZE, SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(colour, 4)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    if kind == "summary":  # a page with lines
        p.drawRoundedRect(QRectF(12, 6, 40, 52), 4, 4)
        for y in (20, 30, 40):
            p.drawLine(20, y, 44, y)
    elif kind == "replay":  # a screen with a play triangle
        p.drawRoundedRect(QRectF(4, 10, 56, 42), 6, 6)
        path = QPainterPath(QPointF(26, 21))
        path.lineTo(42, 31)
        path.lineTo(26, 41)
        path.closeSubpath()
        p.fillPath(path, colour)
    elif kind == "cue":  # a speech bubble
        path = QPainterPath()
        path.addRoundedRect(QRectF(6, 8, 52, 36), 8, 8)
        p.drawPath(path)
        p.drawLine(18, 44, 14, 56)
        p.drawLine(14, 56, 28, 44)
        for x in (20, 32, 44):
            p.setBrush(colour)
            p.drawEllipse(QPointF(x, 26), 2.5, 2.5)
    elif kind == "kit-text":  # a press text: a page with a folded corner and lines
        path = QPainterPath(QPointF(14, 6))
        path.lineTo(40, 6)
        path.lineTo(52, 18)
        path.lineTo(52, 58)
        path.lineTo(14, 58)
        path.closeSubpath()
        p.drawPath(path)
        p.drawLine(40, 6, 40, 18)
        p.drawLine(40, 18, 52, 18)
        for y, right in ((28, 44), (37, 44), (46, 36)):
            p.drawLine(21, y, right, y)
    elif kind == "kit-file":  # another file: a page with a folded corner only
        path = QPainterPath(QPointF(14, 6))
        path.lineTo(40, 6)
        path.lineTo(52, 18)
        path.lineTo(52, 58)
        path.lineTo(14, 58)
        path.closeSubpath()
        p.drawPath(path)
        p.drawLine(40, 6, 40, 18)
        p.drawLine(40, 18, 52, 18)
    elif kind == "play":  # a triangle
        path = QPainterPath(QPointF(18, 10))
        path.lineTo(52, 32)
        path.lineTo(18, 54)
        path.closeSubpath()
        p.fillPath(path, colour)
    elif kind == "pause":  # two bars
        p.fillRect(QRectF(16, 10, 12, 44), colour)
        p.fillRect(QRectF(36, 10, 12, 44), colour)
    elif kind in ("volume", "muted"):  # a loudspeaker, with waves or crossed out
        path = QPainterPath(QPointF(8, 24))
        path.lineTo(20, 24)
        path.lineTo(34, 12)
        path.lineTo(34, 52)
        path.lineTo(20, 40)
        path.lineTo(8, 40)
        path.closeSubpath()
        p.fillPath(path, colour)
        if kind == "volume":
            p.drawArc(QRectF(30, 20, 14, 24), -60 * 16, 120 * 16)
            p.drawArc(QRectF(30, 12, 24, 40), -60 * 16, 120 * 16)
        else:
            p.drawLine(42, 22, 58, 42)
            p.drawLine(58, 22, 42, 42)
    else:  # kit asset: a picture frame with a mountain and a sun
        p.drawRoundedRect(QRectF(6, 10, 52, 44), 4, 4)
        path = QPainterPath(QPointF(10, 48))
        path.lineTo(26, 30)
        path.lineTo(36, 40)
        path.lineTo(42, 34)
        path.lineTo(54, 48)
        p.drawPath(path)
        p.setBrush(colour)
        p.drawEllipse(QPointF(44, 22), 4, 4)
    p.end()
    return pixmap
