"""Colour themes (light, dark, high contrast) and text size, applied to the whole application.

A theme is a small table of colours turned into a QPalette for the Fusion style, plus a
"themeRole" on the few widgets a palette alone cannot say (secondary text, cards) and CSS for
the search hits inside result snippets. Every pair of
colours a person reads is listed in `readable_pairs()` so a test can check WCAG AA contrast.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget


@dataclass(frozen=True)
class ThemeColours:
    window: str
    window_text: str
    base: str
    alternate_base: str
    text: str
    muted_text: str  # secondary text: event names, dates, counts
    button: str
    button_text: str
    highlight: str
    highlighted_text: str
    link: str
    placeholder: str
    hit_background: str  # query words highlighted in snippets
    hit_text: str
    card: str
    border: str
    disabled_text: str
    scroll_handle: str  # scroll bars' handle (dark themes): must stand out from its groove


THEMES: dict[str, ThemeColours] = {
    "light": ThemeColours(
        window="#f4f5f7", window_text="#1b1e23", base="#ffffff", alternate_base="#f0f2f5",
        text="#1b1e23", muted_text="#545b66", button="#e8eaee", button_text="#1b1e23",
        highlight="#1d5fbf", highlighted_text="#ffffff", link="#1a56ad",
        placeholder="#5f6670", hit_background="#ffe58a", hit_text="#1b1e23", card="#ffffff",
        border="#b9bfc8", disabled_text="#62676f", scroll_handle="#7c838e"),
    "dark": ThemeColours(
        window="#1f2227", window_text="#e8eaed", base="#16181c", alternate_base="#23262c",
        text="#e8eaed", muted_text="#b0b6bf", button="#2e323a", button_text="#e8eaed",
        highlight="#4c8fe8", highlighted_text="#0b0d10", link="#8ab8ff",
        placeholder="#9aa1ab", hit_background="#6b5400", hit_text="#fff6d6", card="#262a31",
        border="#4a505a", disabled_text="#8d949e", scroll_handle="#8a929e"),
    "high-contrast": ThemeColours(
        window="#000000", window_text="#ffffff", base="#000000", alternate_base="#0d0d0d",
        text="#ffffff", muted_text="#f0f0f0", button="#000000", button_text="#ffffff",
        highlight="#ffff00", highlighted_text="#000000", link="#66ccff",
        placeholder="#e0e0e0", hit_background="#ffff00", hit_text="#000000", card="#000000",
        border="#ffffff", disabled_text="#c8c8c8", scroll_handle="#ffffff"),
}


def readable_pairs(colours: ThemeColours) -> dict[str, tuple[str, str]]:
    """Foreground/background pairs that carry text, by name (for the contrast test)."""
    c = colours
    return {
        "window text": (c.window_text, c.window),
        "text": (c.text, c.base),
        "alternate rows": (c.text, c.alternate_base),
        "muted on base": (c.muted_text, c.base),
        "muted on window": (c.muted_text, c.window),
        "muted on card": (c.muted_text, c.card),
        "button": (c.button_text, c.button),
        "selection": (c.highlighted_text, c.highlight),
        "link": (c.link, c.base),
        "link on card": (c.link, c.card),
        "placeholder": (c.placeholder, c.base),
        "search hit": (c.hit_text, c.hit_background),
        "card": (c.text, c.card),
        "disabled": (c.disabled_text, c.window),
    }


def relative_luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of an sRGB colour like "#1d5fbf"."""
    q = QColor(colour)
    channels = []
    for value in (q.redF(), q.greenF(), q.blueF()):
        channels.append(value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4)
    r, g, b = channels
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(foreground: str, background: str) -> float:
    a, b = relative_luminance(foreground), relative_luminance(background)
    lighter, darker = max(a, b), min(a, b)
    return (lighter + 0.05) / (darker + 0.05)


def scroll_bar_palette(name: str) -> QPalette:
    """Fusion draws a scroll bar's handle in the Button colour, outlined with a darker
    Window: on the high-contrast theme both are black, and the handle vanishes."""
    c = THEMES[name]
    palette = palette_for(name)
    if name != "light":  # Fusion's own light scroll bar has a dark outline: it shows
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, QPalette.ColorRole.Button, QColor(c.scroll_handle))
    return palette


def palette_for(name: str) -> QPalette:
    c = THEMES[name]
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, c.window), (roles.WindowText, c.window_text), (roles.Base, c.base),
        (roles.AlternateBase, c.alternate_base), (roles.Text, c.text), (roles.Button, c.button),
        (roles.ButtonText, c.button_text), (roles.Highlight, c.highlight),
        (roles.HighlightedText, c.highlighted_text), (roles.Link, c.link),
        (roles.LinkVisited, c.link), (roles.PlaceholderText, c.placeholder),
        (roles.ToolTipBase, c.card), (roles.ToolTipText, c.text), (roles.BrightText, c.text),
    ):
        palette.setColor(roles(role), QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(disabled, role, QColor(c.disabled_text))
    return palette


# What a widget is for the theme beyond the palette, as a "themeRole" property: secondary
# text, or a card. No application style sheet is used: it would slow every paint (and the
# first one) and stop font changes from reaching widgets on screen.
MUTED = "muted"
CARD = "card"
FIELD = "field"  # an entry that must stand out: Fusion outlines it in a shade of Window


def current_theme() -> str:
    app = QApplication.instance()
    name = app.property("themeName") if app is not None else None
    return name if name in THEMES else "light"


def set_theme_role(widget: QWidget, role: str) -> None:
    """Marks `widget` as secondary text (MUTED) or a card (CARD), in the current theme."""
    widget.setProperty("themeRole", role)
    _restyle(widget, THEMES[current_theme()])


def _restyle(widget: QWidget, colours: ThemeColours) -> None:
    role = widget.property("themeRole")
    if role == MUTED:
        palette = widget.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(colours.muted_text))
        palette.setColor(QPalette.ColorRole.Text, QColor(colours.muted_text))
        widget.setPalette(palette)
    elif role == FIELD:
        palette = widget.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(colours.muted_text))
        widget.setPalette(palette)
    elif role == CARD:
        palette = widget.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(colours.card))
        widget.setPalette(palette)
        widget.setAutoFillBackground(True)


def hit_colours(name: str, selected: bool = False) -> tuple[str, str]:
    """(background, text) of a highlighted word; in a selected row whose colour is the hit's
    own (the high-contrast yellow), the row's colours swapped, so the word still shows."""
    c = THEMES[name]
    if selected and contrast_ratio(c.hit_background, c.highlight) < 1.5:
        return c.highlighted_text, c.highlight
    return c.hit_background, c.hit_text


def hit_css(name: str, selected: bool = False) -> str:
    """CSS for the snippets' highlighted words, used by the result delegate's documents."""
    background, text = hit_colours(name, selected)
    return f"b.hit {{ background-color: {background}; color: {text}; }}"


def muted_colour(name: str) -> str:
    return THEMES[name].muted_text


def check_box_palette(palette: QPalette) -> QPalette:
    """`palette` for an item view with check boxes that must show on every theme.

    Fusion outlines a check box with a darker shade of the Window colour, which vanishes on
    the dark and high-contrast themes; in an item view Window paints nothing else, so taking
    the Text colour there gives the boxes a visible outline without a style of our own.
    """
    adjusted = QPalette(palette)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        adjusted.setColor(group, QPalette.ColorRole.Window,
                          palette.color(group, QPalette.ColorRole.Text))
    return adjusted


class ThemeManager:
    """Applies a theme and a text size to the running application."""

    def __init__(self, app: QApplication, style_is_fusion: bool = False) -> None:
        """`style_is_fusion`: the application was started with `-style Fusion` (asking the
        style here would make it a Python object before the first paint, ~10 ms)."""
        self.app = app
        self.name = "light"
        self.text_size = 100
        self._base_point_size = app.font().pointSizeF() or 10.0
        if not style_is_fusion and app.style().name().lower() != "fusion":
            app.setStyle("Fusion")

    def apply(self, name: str, text_size: int) -> None:
        self.name = name if name in THEMES else "light"
        self.text_size = text_size
        font = QFont(self.app.font())
        font.setPointSizeF(self._base_point_size * text_size / 100.0)
        self.app.setFont(font)
        # Windows already open do not always follow the application's font once a style
        # sheet is set: give it to them too (their children inherit it).
        for window in self.app.topLevelWidgets():
            window.setFont(font)
        self.app.setProperty("themeName", self.name)  # before: palette changes ask for it
        self.app.setPalette(palette_for(self.name))
        self.app.setPalette(scroll_bar_palette(self.name), "QScrollBar")
        colours = THEMES[self.name]
        for widget in self.app.allWidgets():
            if widget.property("themeRole"):
                _restyle(widget, colours)
