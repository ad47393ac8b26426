"""Where a presentation is: which item, which page of it, and what the room sees.

Pure state, no Qt: the keys and the console change it, the windows draw it. Pages are known
only once an item is laid out for the audience screen, so the renderer tells the deck how many
pages each item has (`set_page_count`); until then an item counts as one page.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from mediation_kit.ui.presentation.items import PresentationItem


class Screen(enum.StrEnum):
    """What the room sees."""

    CONTENT = "content"
    BLACK = "black"
    WHITE = "white"
    LOGO = "logo"


@dataclass(frozen=True)
class Position:
    item: int
    page: int


class Deck:
    def __init__(self, items: list[PresentationItem] | tuple[PresentationItem, ...],
                 start: int = 0) -> None:
        if not items:
            raise ValueError("a presentation needs at least one item")
        self.items = tuple(items)
        self._page_counts: dict[int, int] = {}
        self.item = min(max(0, start), len(self.items) - 1)
        self.page = 0
        self.screen = Screen.CONTENT

    @property
    def position(self) -> Position:
        return Position(self.item, self.page)

    @property
    def current(self) -> PresentationItem:
        return self.items[self.item]

    def page_count(self, item: int) -> int:
        return self._page_counts.get(item, 1)

    def set_page_count(self, item: int, count: int) -> None:
        self._page_counts[item] = max(1, count)
        if item == self.item:
            self.page = min(self.page, self.page_count(item) - 1)

    def next_position(self) -> Position | None:
        """Where "next" leads: the next page of this item, else the next item's first."""
        if self.page + 1 < self.page_count(self.item):
            return Position(self.item, self.page + 1)
        if self.item + 1 < len(self.items):
            return Position(self.item + 1, 0)
        return None

    def previous_position(self) -> Position | None:
        if self.page > 0:
            return Position(self.item, self.page - 1)
        if self.item > 0:
            # Back to an item shows its last page: the room sees what it saw just before.
            return Position(self.item - 1, self.page_count(self.item - 1) - 1)
        return None

    def go(self, position: Position | None) -> bool:
        """Moves there. Black, white or the visual stay on: the leader may move on while the
        room looks at them, and leaving them then shows the new place, never the old one."""
        if position is None:
            return False
        self.item = min(max(0, position.item), len(self.items) - 1)
        self.page = min(max(0, position.page), self.page_count(self.item) - 1)
        return True

    def next(self) -> bool:
        return self.go(self.next_position())

    def previous(self) -> bool:
        return self.go(self.previous_position())

    def jump(self, number: int) -> bool:
        """Goes to item `number`, counted from 1 as the console lists them."""
        if not 1 <= number <= len(self.items):
            return False
        return self.go(Position(number - 1, 0))

    def first(self) -> bool:
        return self.go(Position(0, 0))

    def last(self) -> bool:
        return self.go(Position(len(self.items) - 1, 0))

    def toggle_screen(self, screen: Screen) -> None:
        """B, W or L: that screen, or back to the content when it is already shown."""
        self.screen = Screen.CONTENT if self.screen is screen else screen

    def escape(self) -> bool:
        """Esc: leaves black, white or logo; returns True when the presentation should end."""
        if self.screen is not Screen.CONTENT:
            self.screen = Screen.CONTENT
            return False
        return True
