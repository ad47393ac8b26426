"""Drawing what the room sees into images the size of the audience screen.

Every page is drawn whole into a `QImage` before it is shown (the audience window only ever
swaps one finished image for another), so a change never shows a half-drawn or an old frame.
Images are drawn at the screen's device pixels: an SVG poster is rendered at the projector's
resolution, never scaled up from a small bitmap.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QImage, QImageReader, QPainter
from PySide6.QtSvg import QSvgRenderer

from mediation_kit.core import i18n
from mediation_kit.core.i18n import _
from mediation_kit.ui.presentation.deck import Screen
from mediation_kit.ui.presentation.items import ItemKind, PresentationItem, event_visual
from mediation_kit.ui.presentation.look import AudienceLook
from mediation_kit.ui.presentation.pages import (
    WRAP, Block, Page, PageLayout, markdown_blocks, paginate)

CENTER_WRAP = int(Qt.AlignmentFlag.AlignCenter) | WRAP
TOP_CENTER_WRAP = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop) | WRAP


class SlideRenderer:
    """Pages and images of the items, for one screen size and look; caches what it laid out."""

    def __init__(self, size: QSize, look: AudienceLook, pack_lookup=None) -> None:
        self.size = QSize(max(64, size.width()), max(48, size.height()))
        self.look = look
        self.pack_lookup = pack_lookup  # pack id -> Pack, for the logo screen
        self._layout = PageLayout(self.size.width(), self.size.height(), look)
        self._pages: dict[int, list[Page]] = {}

    # --- pages ----------------------------------------------------------------------------

    def pages(self, item: PresentationItem) -> list[Page]:
        key = id(item)
        if key not in self._pages:
            self._pages[key] = self._paginate(item)
        return self._pages[key]

    def page_count(self, item: PresentationItem) -> int:
        if item.kind in (ItemKind.SUMMARY, ItemKind.TEXT):
            return len(self.pages(item))
        return 1

    def _paginate(self, item: PresentationItem) -> list[Page]:
        if item.kind is ItemKind.SUMMARY:
            body = item.record.body
        elif item.kind is ItemKind.TEXT:
            body = getattr(item.record, "text", "") or _read_text(item.record.file)
        else:
            return [Page()]
        blocks = markdown_blocks(body)
        if blocks and blocks[0].kind == "heading" and blocks[0].text == item.title:
            blocks = blocks[1:]
        return paginate([Block("title", item.title), *blocks], self._layout)

    # --- images ---------------------------------------------------------------------------

    def _blank(self, color: QColor) -> QImage:
        image = QImage(self.size, QImage.Format.Format_RGB32)
        image.fill(color)
        return image

    def render(self, item: PresentationItem, page: int = 0) -> QImage:
        """The item's page as the room sees it (a replay: its card, under the video)."""
        image = self._blank(self.look.background)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        try:
            if item.kind in (ItemKind.SUMMARY, ItemKind.TEXT):
                pages = self.pages(item)
                self._paint_page(painter, pages[min(page, len(pages) - 1)])
                if len(pages) > 1:
                    self._corner(painter, _("{page} / {count}").format(
                        page=min(page, len(pages) - 1) + 1, count=len(pages)), right=True)
            elif item.kind is ItemKind.IMAGE:
                self._paint_file(painter, item.record.file, self._image_area())
            elif item.kind is ItemKind.TITLE_CARD:
                self._paint_card(painter, item.title, item.lines)
            elif item.kind is ItemKind.REPLAY:
                if item.video_file is None:
                    name = item.record.video_file
                    hint = (_("Put the file {file} in the media folder chosen in the "
                              "settings.").format(file=name) if name else
                            _("The content pack names no video file for this replay."))
                    self._paint_card(painter, _("This video is not on this PC"),
                                     (item.title, hint), muted_heading=True)
                else:
                    self._paint_card(painter, item.title, (
                        _("Replay from {time}").format(time=i18n.format_timestamp(
                            item.start_s)),))
            else:
                self._paint_card(painter, item.title, (
                    _("This resource is no longer in the content packs."),), muted_heading=True)
            if item.kind in (ItemKind.IMAGE, ItemKind.TEXT):
                self._credit(painter, item.record)
        finally:
            painter.end()
        return image

    def render_screen(self, screen: Screen, pack_id: str = "") -> QImage:
        """Black, white or the event's visual."""
        if screen is Screen.WHITE:
            return self._blank(QColor("white"))
        if screen is Screen.BLACK:
            return self._blank(QColor("black"))
        image = self._blank(QColor("black"))
        pack = self.pack_lookup(pack_id) if self.pack_lookup and pack_id else None
        visual = event_visual(pack)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        try:
            if visual is not None:
                self._paint_file(painter, visual.file, QRect(0, 0, self.size.width(),
                                                             self.size.height()))
            elif pack is not None:
                painter.setPen(QColor("white"))
                painter.setFont(self.look.font(self.size.height(), 1.6, bold=True))
                painter.drawText(QRect(0, 0, self.size.width(), self.size.height()),
                                 CENTER_WRAP, pack.event.name)
        finally:
            painter.end()
        return image

    # --- painting helpers -----------------------------------------------------------------

    def _image_area(self) -> QRect:
        height = self.size.height()
        credit = QFontMetrics(self.look.font(height, 0.45)).lineSpacing()
        margin = round(height * 0.02)
        return QRect(margin, margin, self.size.width() - 2 * margin,
                     height - 2 * margin - credit - margin)

    def _paint_page(self, painter: QPainter, page: Page) -> None:
        layout = self._layout
        y = layout.area.top()
        for block in page.blocks:
            rect = layout.text_rect(block, y)
            height = layout.height(block)
            rect.setHeight(height)
            painter.setFont(layout.fonts[block.kind])
            painter.setPen(self.look.accent if block.kind in ("title", "heading")
                           else self.look.text)
            if block.kind == "item" and block.marker:
                marker = QRect(layout.area.left(), y, layout.indent - 8, height)
                painter.drawText(marker, int(Qt.AlignmentFlag.AlignRight), block.marker)
            if block.kind == "quote":
                painter.fillRect(QRect(layout.area.left(), y, 6, height), self.look.muted)
            painter.drawText(rect, WRAP, block.text)
            y += height + layout.gap

    def _paint_card(self, painter: QPainter, heading: str, lines: tuple[str, ...],
                    muted_heading: bool = False) -> None:
        """A heading and its lines, centred; each line its own paragraph."""
        width, height = self.size.width(), self.size.height()
        margin = round(width * 0.08)
        heading_font = self.look.font(height, 1.7, bold=True)
        body_font = self.look.font(height, 1.05)
        area = QRect(0, 0, width - 2 * margin, height)
        heading_h = QFontMetrics(heading_font).boundingRect(area, CENTER_WRAP, heading).height()
        body = QFontMetrics(body_font)
        lines = tuple(line for line in lines if line.strip())
        line_heights = [body.boundingRect(area, CENTER_WRAP, line).height() for line in lines]
        line_gap = round(body.lineSpacing() * 0.45)
        gap = round(height * 0.05) if lines else 0
        total = heading_h + gap + sum(line_heights) + line_gap * max(0, len(lines) - 1)
        top = max(margin // 2, (height - total) // 2)
        painter.setFont(heading_font)
        painter.setPen(self.look.muted if muted_heading else self.look.accent)
        painter.drawText(QRect(margin, top, area.width(), heading_h), TOP_CENTER_WRAP, heading)
        painter.setFont(body_font)
        painter.setPen(self.look.text)
        y = top + heading_h + gap
        for line, line_h in zip(lines, line_heights, strict=True):
            painter.drawText(QRect(margin, y, area.width(), line_h), TOP_CENTER_WRAP, line)
            y += line_h + line_gap

    def _paint_file(self, painter: QPainter, file: Path, area: QRect) -> None:
        """An image file fitted into `area`, aspect kept, at the target's own pixels."""
        if file.suffix.lower() == ".svg":
            renderer = QSvgRenderer(str(file))
            if renderer.isValid():
                size = renderer.defaultSize()
                if size.isEmpty():
                    size = QSize(area.width(), area.height())
                renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
                renderer.render(painter, QRectF(_fitted(size, area)))
                return
        reader = QImageReader(str(file))
        reader.setAutoTransform(True)
        original = reader.size()
        if original.isValid() and not original.isEmpty():
            target = _fitted(original, area)
            reader.setScaledSize(target.size())  # decoded at the size shown: fast, sharp
            image = reader.read()
            if not image.isNull():
                painter.drawImage(target, image)
                return
        self._paint_card(painter, _("This image cannot be shown"), (str(file.name),),
                         muted_heading=True)

    def _corner(self, painter: QPainter, text: str, right: bool) -> None:
        height = self.size.height()
        font = self.look.font(height, 0.45)
        painter.setFont(font)
        painter.setPen(self.look.muted)
        margin = round(height * 0.02)
        rect = QRect(margin, 0, self.size.width() - 2 * margin, height - margin)
        align = (Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft)
        painter.drawText(rect, int(align | Qt.AlignmentFlag.AlignBottom), text)

    def _credit(self, painter: QPainter, asset) -> None:
        parts = [part for part in (asset.credit, asset.licence) if part]
        if parts:
            self._corner(painter, " · ".join(parts), right=False)


def _fitted(size: QSize, area: QRect) -> QRect:
    scaled = size.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
    return QRect(area.left() + (area.width() - scaled.width()) // 2,
                 area.top() + (area.height() - scaled.height()) // 2,
                 scaled.width(), scaled.height())


def _read_text(file: Path) -> str:
    try:
        return file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""
