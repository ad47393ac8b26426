"""Splitting a text into pages that fit the audience screen without scrolling.

The Markdown of a summary or press text becomes blocks (headings, paragraphs, list items);
blocks are laid out one after the other and measured with the screen's fonts. A page that
fills up continues on the next one: a paragraph too long for what is left is cut between
words, and a page that starts inside a section repeats that section's heading, so the room
always knows where it is. A heading is never left alone at the bottom of a page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics

from mediation_kit.core.i18n import _
from mediation_kit.ui.presentation.look import AudienceLook

WRAP = int(Qt.TextFlag.TextWordWrap)


@dataclass(frozen=True)
class Block:
    kind: str  # "title", "heading", "paragraph", "item" (a list item), "quote"
    text: str
    marker: str = ""  # a list item's bullet or number


@dataclass
class Page:
    blocks: list[Block] = field(default_factory=list)


_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_ITEM = re.compile(r"^\s*([-*+]|\d+[.)])\s+(.*)$")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}")


def plain(text: str) -> str:
    """Markdown inline marks removed: the room reads words, not asterisks."""
    text = _LINK.sub(r"\1", text)
    for _round in range(2):  # **bold *inside* bold**
        text = _EMPHASIS.sub(r"\2", text)
    return " ".join(text.replace("\\", "").split())


def markdown_blocks(markdown: str) -> list[Block]:
    blocks: list[Block] = []
    paragraph: list[str] = []
    kind = "paragraph"
    marker = ""

    def flush() -> None:
        nonlocal paragraph, kind, marker
        if paragraph:
            text = plain(" ".join(paragraph))
            if text:
                blocks.append(Block(kind, text, marker))
        paragraph, kind, marker = [], "paragraph", ""

    for line in markdown.splitlines():
        stripped = line.strip()
        if not stripped or _TABLE_RULE.match(stripped) or stripped in ("---", "***", "___"):
            flush()
            continue
        heading = _HEADING.match(stripped)
        item = _ITEM.match(line)
        if heading:
            flush()
            blocks.append(Block("heading", plain(heading.group(2))))
        elif item:
            flush()
            bullet = item.group(1)
            marker = "•" if bullet in "-*+" else bullet
            kind, paragraph = "item", [item.group(2)]
        elif stripped.startswith(">"):
            if kind != "quote":
                flush()
                kind = "quote"
            paragraph.append(stripped.lstrip("> "))
        elif stripped.startswith("|"):
            flush()
            cells = [plain(c) for c in stripped.strip("|").split("|")]
            blocks.append(Block("paragraph", " · ".join(c for c in cells if c)))
        else:
            paragraph.append(stripped)
    flush()
    return blocks


class PageLayout:
    """Fonts, sizes and the text area for one screen size and look."""

    def __init__(self, width: int, height: int, look: AudienceLook) -> None:
        self.look = look
        self.margin_x = round(width * 0.06)
        self.margin_y = round(height * 0.07)
        self.area = QRect(self.margin_x, self.margin_y, width - 2 * self.margin_x,
                          height - 2 * self.margin_y - round(height * 0.04))
        self.fonts = {
            "title": look.font(height, 1.35, bold=True),
            "heading": look.font(height, 1.12, bold=True),
            "paragraph": look.font(height),
            "item": look.font(height),
            "quote": look.font(height),
        }
        self.metrics = {kind: QFontMetrics(font) for kind, font in self.fonts.items()}
        self.gap = round(look.body_px(height) * 0.55)
        self.indent = round(look.body_px(height) * 1.6)

    def text_rect(self, block: Block, top: int) -> QRect:
        left = self.area.left() + (self.indent if block.kind in ("item", "quote") else 0)
        return QRect(left, top, self.area.right() - left, 100_000)

    def height(self, block: Block) -> int:
        rect = self.text_rect(block, 0)
        return self.metrics[block.kind].boundingRect(rect, WRAP, block.text).height()


def paginate(blocks: list[Block], layout: PageLayout) -> list[Page]:
    pages: list[Page] = [Page()]
    y = layout.area.top()
    section: Block | None = None  # the heading the current text is under
    bottom = layout.area.bottom()
    queue = list(blocks)

    def new_page() -> None:
        nonlocal y
        pages.append(Page())
        y = layout.area.top()

    fresh = False  # the page holds only a repeated heading so far
    while queue:
        block = queue.pop(0)
        if block.kind in ("heading", "title"):
            section = block if block.kind == "heading" else section
            # Keep a heading with at least one line of what follows it.
            following = queue[0] if queue else None
            need = layout.height(block) + (
                layout.metrics[following.kind].lineSpacing() + layout.gap if following else 0)
            if pages[-1].blocks and y + need > bottom:
                new_page()
            pages[-1].blocks.append(block)
            y += layout.height(block) + layout.gap
            fresh = False
            continue
        height = layout.height(block)
        if y + height <= bottom:
            pages[-1].blocks.append(block)
            y += height + layout.gap
            fresh = False
            continue
        head, rest = _split_to_fit(block, layout, bottom - y)
        if head is not None:
            pages[-1].blocks.append(head)
        if head is None and (fresh or not pages[-1].blocks):
            # Not even one line fits an empty page (huge text scale): show it cut.
            pages[-1].blocks.append(block)
            y = bottom
            fresh = False
            continue
        new_page()
        fresh = False
        if section is not None:
            continued = Block("heading", _("{heading} (continued)").format(
                heading=section.text))
            pages[-1].blocks.append(continued)
            y += layout.height(continued) + layout.gap
            fresh = True
        queue.insert(0, rest if rest is not None else block)
    return [page for page in pages if page.blocks] or [Page()]


def _split_to_fit(block: Block, layout: PageLayout, space: int) -> tuple[Block | None,
                                                                         Block | None]:
    """The longest start of `block` that fits in `space` pixels, and the rest."""
    words = block.text.split(" ")
    low, high = 0, len(words)
    while low < high:  # the largest count of words that fits
        middle = (low + high + 1) // 2
        candidate = Block(block.kind, " ".join(words[:middle]), block.marker)
        if layout.height(candidate) <= space:
            low = middle
        else:
            high = middle - 1
    if low == 0:
        return None, block
    if low == len(words):
        return block, None
    return (Block(block.kind, " ".join(words[:low]), block.marker),
            Block(block.kind, " ".join(words[low:]), ""))
