"""Pieces the three resource views share: query-word matching, a browser that never goes
online, link buttons, scaled headings and the few facts every view formats the same way."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Protocol

from babel import Locale, UnknownLocaleError
from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QFont, QImage, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTextBrowser,
    QTextEdit,
    QWidget,
)

from mediation_kit.core import i18n
from mediation_kit.core.i18n import _
from mediation_kit.core.model import Event, Pack, Person, Summary
from mediation_kit.core.text import fold, fold_with_positions
from mediation_kit.core.typography import typeset

# Schemes a click may hand to the system (browser, mail client); never fetched by the kit.
EXTERNAL_SCHEMES = frozenset({"http", "https", "mailto"})
# Query-word highlight when no theme is applied: dark text on amber (contrast > 10:1).
HIGHLIGHT_BACKGROUND = QColor("#ffd54f")
HIGHLIGHT_FOREGROUND = QColor("#000000")
# Summaries and press texts are set this much larger than the interface's labels.
READING_SCALE = 1.2
# Ctrl++ / Ctrl+- change the reading size by this factor, within these many steps.
ZOOM_FACTOR = 1.15
ZOOM_STEPS = 8


class Library(Protocol):
    """What the views need from the loaded packs (core/packs `Library` provides it)."""

    def get(self, key: str) -> object | None: ...

    def related(self, record: object) -> Sequence[object]: ...

    def translation(self, summary: Summary) -> Summary | None: ...

    def pack(self, pack_id: str) -> Pack | None: ...


# --- accent- and case-insensitive matching -----------------------------------------------

def query_words(terms: Iterable[str]) -> list[str]:
    """The folded words of the query terms, longest first (so a longer word wins)."""
    words = {word for term in terms for word in re.findall(r"\w+", fold(term))}
    return sorted((w for w in words if len(w) > 1 or w.isdigit()), key=len, reverse=True)


def match_spans(text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """Where the query words occur in `text`, as (start, end) indices of whole words.

    A word matches when it starts with a query word, ignoring accents and case, so that
    `numerique` marks "numérique" and `commun` marks "Communs".
    """
    words = query_words(terms)
    if not words or not text:
        return []
    folded, origin = fold_with_positions(text)
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\w*")
    return [(origin[m.start()], origin[m.end() - 1] + 1)
            for m in pattern.finditer(folded) if m.end() > m.start()]


def highlight_colours() -> tuple[QColor, QColor]:
    """(background, text) of a marked query word: the theme's, as in the result snippets."""
    from mediation_kit.ui import theme

    app = QApplication.instance()
    if app is None or app.property("themeName") not in theme.THEMES:
        return HIGHLIGHT_BACKGROUND, HIGHLIGHT_FOREGROUND
    colours = theme.THEMES[theme.current_theme()]
    return QColor(colours.hit_background), QColor(colours.hit_text)


def highlight_format() -> QTextCharFormat:
    background, foreground = highlight_colours()
    fmt = QTextCharFormat()
    fmt.setBackground(background)
    fmt.setForeground(foreground)
    return fmt


def recolour_highlights(editor: QTextEdit) -> None:
    """The marked words in the current theme's colours (after a theme change: the dark
    theme's olive would stay on the high-contrast black otherwise)."""
    selections = editor.extraSelections()
    if not selections:
        return
    fmt = highlight_format()
    for selection in selections:
        selection.format = fmt
    editor.setExtraSelections(selections)


def highlight_in_editor(editor: QTextEdit, terms: Iterable[str]) -> int:
    """Marks the query words in `editor` with extra selections; returns how many.

    Extra selections leave the document untouched, so the next query starts clean.
    """
    document = editor.document()
    spans = match_spans(document.toRawText(), terms)
    selections = []
    for start, end in spans:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(document)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format = highlight_format()
        selections.append(selection)
    editor.setExtraSelections(selections)
    if spans:
        cursor = QTextCursor(document)
        cursor.setPosition(spans[0][0])
        editor.setTextCursor(cursor)
        scroll_to_line_of(editor, spans[0][0])
        # Again once the view around it is laid out (its notice, its title may change the
        # text's width, and so where its lines break).
        QTimer.singleShot(0, editor, lambda: scroll_to_line_of(editor, spans[0][0]))
    return len(spans)


def line_top(editor: QTextEdit, cursor: QTextCursor) -> float:
    """Where the cursor's line starts in the document, in pixels from its top."""
    block = cursor.block()
    top = editor.document().documentLayout().blockBoundingRect(block).top()
    line = block.layout().lineForTextPosition(cursor.positionInBlock())
    return top + (line.y() if line.isValid() else 0)


def scroll_to_line_of(editor: QTextEdit, position: int) -> None:
    """Brings the line of `position` into view with the line before it on top, whole.

    `ensureCursorVisible()` scrolls by just enough pixels, which leaves the top line cut in
    half; here the view starts exactly where a line starts.
    """
    bar = editor.verticalScrollBar()
    cursor = QTextCursor(editor.document())
    cursor.setPosition(min(position, editor.document().characterCount() - 1))
    rect = editor.cursorRect(cursor)
    on_top = line_top(editor, editor.cursorForPosition(QPoint(4, 1)))
    if 0 <= rect.top() and rect.bottom() <= editor.viewport().height() and \
            on_top >= bar.value():
        return  # already in view, the top line whole: nothing moves
    above = QTextCursor(cursor)
    above.movePosition(QTextCursor.MoveOperation.StartOfLine)
    above.movePosition(QTextCursor.MoveOperation.Up)  # one line of what leads to it
    bar.setValue(max(0, int(line_top(editor, above))))


# --- a text browser that never goes online ------------------------------------------------

# A Markdown image whose address is on the web: ![alt](http://… "title")
_REMOTE_IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?(?:https?:)?//[^)]*\)", re.IGNORECASE)


def without_remote_images(markdown: str) -> str:
    """Web images replaced by their description in italics, instead of a broken-image icon.

    This is for looks only: `OfflineTextBrowser.loadResource` refuses remote addresses anyway
    (an HTML <img> inside the Markdown, say).
    """
    def describe(match: re.Match) -> str:
        alt = match.group(1).strip()
        return f"*[{alt}]*" if alt else ""

    return _REMOTE_IMAGE.sub(describe, markdown)



class OfflineTextBrowser(QTextBrowser):
    """Shows Markdown; loads only local files under its folder, never anything remote.

    Links are not followed inside the browser: web and mail links go to the system's
    browser, only when the user clicks them. The text is read, not edited: no text cursor
    blinks in it, and the arrow keys scroll it. Ctrl++, Ctrl+- and Ctrl+0 (and Ctrl+wheel)
    change its size; `add_zoom_shortcuts` gives the keys to a whole view.
    """

    # A link to something other than the web or mail was clicked (e.g. an anchor).
    internal_link_clicked = Signal(QUrl)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self.setProperty("content", True)  # shows a pack's text, not interface text
        # Without TextSelectableByKeyboard: a caret in read-only text only misleads, and the
        # arrow keys then scroll. Tab still walks the links (LinksAccessibleByKeyboard).
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.zoom_steps = 0
        self.local_folder: Path | None = None
        # Every resource the document asked for and was refused, for the curious and tests.
        self.refused_urls: list[QUrl] = []
        self.anchorClicked.connect(self.on_anchor_clicked)

    def show_markdown(self, markdown: str, local_folder: Path | None = None,
                      language: str = "") -> None:
        """Shows `markdown`, set with the typography of its `language` (French spacing)."""
        self.local_folder = local_folder
        self.refused_urls.clear()
        self._apply_reading_font()
        self.document().setMarkdown(
            typeset(without_remote_images(markdown), language),
            self.document().MarkdownFeature.MarkdownDialectGitHub)
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self.verticalScrollBar().setValue(0)  # the first line whole, not half scrolled

    def _apply_reading_font(self) -> None:
        """Body text a little larger than the interface's: this is what people read."""
        font = QFont(self.font())
        scale = READING_SCALE * ZOOM_FACTOR ** self.zoom_steps
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * scale)
        else:
            font.setPixelSize(max(1, round(font.pixelSize() * scale)))
        self.document().setDefaultFont(font)

    def zoom(self, steps: int) -> None:
        """Larger (steps > 0) or smaller text; 0 steps back to the normal reading size."""
        self.zoom_steps = 0 if steps == 0 else max(-ZOOM_STEPS, min(
            ZOOM_STEPS, self.zoom_steps + steps))
        self._apply_reading_font()

    def zoomIn(self, range: int = 1) -> None:  # noqa: N802, A002 (Qt's names; Ctrl+wheel)
        self.zoom(1 if range > 0 else -1)

    def zoomOut(self, range: int = 1) -> None:  # noqa: N802, A002
        self.zoom(-1 if range > 0 else 1)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._apply_reading_font()
        elif event.type() in (QEvent.Type.PaletteChange,
                              QEvent.Type.ApplicationPaletteChange):
            recolour_highlights(self)

    def loadResource(self, type: int, name: QUrl) -> object:  # noqa: A002 (Qt's name)
        local = self._local_file(name)
        if local is None:
            if name not in self.refused_urls:  # asked again at every paint
                self.refused_urls.append(QUrl(name))
            return None
        image = QImage(str(local))
        return None if image.isNull() else image

    def _local_file(self, url: QUrl) -> Path | None:
        """The file a relative or file: URL names, if it lies inside the local folder."""
        if self.local_folder is None or url.scheme() not in ("", "file"):
            return None
        raw = url.toLocalFile() if url.scheme() == "file" else url.path()
        if not raw:
            return None
        try:
            folder = self.local_folder.resolve()
            path = (folder / raw).resolve()
        except OSError:
            return None
        if not path.is_relative_to(folder) or not path.is_file():
            return None
        return path

    def on_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() in EXTERNAL_SCHEMES:
            QDesktopServices.openUrl(url)
        elif url.scheme() == "" and url.hasFragment() and not url.path():
            self.scrollToAnchor(url.fragment())
        else:
            self.internal_link_clicked.emit(url)


class FocusForwarding:
    """A view that passes the focus it is given to the control a reader starts with.

    Not a Qt focus proxy: a widget with a proxy sits in the Tab chain, and Tab into it jumps
    to the proxy and skips every control placed before it (the player, "Read in French"),
    or lands on a hidden one. The view itself takes no Tab stop.
    """

    def focus_target(self) -> QWidget | None:
        raise NotImplementedError

    def focusInEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        target = self.focus_target()
        if target is not None and target.isVisible() and target.isEnabled():
            target.setFocus(event.reason())
        else:
            super().focusInEvent(event)


def zoom_hint() -> str:
    """Says how to zoom the reading text (its status tip and accessible description)."""
    return _("Ctrl++ and Ctrl+- change the size of the text, Ctrl+0 brings it back")


def add_zoom_shortcuts(view: QWidget, browser: OfflineTextBrowser) -> None:
    """Ctrl++ (or Ctrl+=), Ctrl+- and Ctrl+0 zoom `browser` wherever the focus is in `view`."""
    from PySide6.QtGui import QKeySequence, QShortcut

    for keys, steps in ((QKeySequence.StandardKey.ZoomIn, 1), ("Ctrl++", 1), ("Ctrl+=", 1),
                        (QKeySequence.StandardKey.ZoomOut, -1), ("Ctrl+-", -1),
                        ("Ctrl+0", 0)):
        sequence = QKeySequence(keys)
        if any(sequence == QKeySequence(s.key()) for s in view.findChildren(QShortcut)):
            continue
        shortcut = QShortcut(sequence, view)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(lambda steps=steps: browser.zoom(steps))


# --- widgets --------------------------------------------------------------------------------


class LinkButton(QPushButton):
    """A flat button that reads like a link but is a real, focusable, named control.

    A long text is elided to the width available; the full text stays in the tooltip and
    the accessible name.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFlat(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAutoDefault(False)
        font = self.font()
        font.setUnderline(True)
        self.setFont(font)
        self.setStyleSheet("QPushButton { text-align: left; padding: 3px 6px;"
                           " color: palette(link); }")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.full_text = ""
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        self.full_text = text
        self.setToolTip(text)
        self.setAccessibleName(text)
        self._elide()

    def text(self) -> str:
        return self.full_text

    def sizeHint(self) -> QSize:  # noqa: N802
        hint = super().sizeHint()
        width = self.fontMetrics().horizontalAdvance(self.full_text) + 24
        return QSize(width, hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(60, super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        available = max(20, self.width() - 16)
        shown = self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight,
                                              available)
        QPushButton.setText(self, shown)


class ScaledLabel(QLabel):
    """A label whose type is a multiple of its parent's, following text-size changes.

    A label with its own font size no longer inherits size changes, so it watches its
    parent's font (changed by the text-size setting) and scales it again.
    """

    def __init__(self, scale: float = 1.0, bold: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scale = scale
        self._bold = bold
        self._watched: QWidget | None = None
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._watch_parent()

    def _watch_parent(self) -> None:
        parent = self.parentWidget()
        if parent is self._watched:
            return
        if self._watched is not None:
            self._watched.removeEventFilter(self)
        self._watched = parent
        if parent is not None:
            parent.installEventFilter(self)
        self._apply_font()

    def _apply_font(self) -> None:
        parent = self.parentWidget()
        base = QFont(parent.font() if parent is not None else QApplication.font())
        if base.pointSizeF() > 0:
            base.setPointSizeF(base.pointSizeF() * self._scale)
        else:
            base.setPixelSize(max(1, round(base.pixelSize() * self._scale)))
        base.setBold(self._bold)
        self.setFont(base)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # getattr: while a view is torn down, Qt may call the filter of a label whose Python
        # side is already gone, through a bare wrapper that never ran __init__.
        if watched is getattr(self, "_watched", None) and \
                event.type() == QEvent.Type.FontChange:
            self._apply_font()
        return False

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ParentChange:
            self._watch_parent()
        return super().event(event)


def set_value_text(label: QLabel, name: str, value: str) -> None:
    """Shows `value` in `label`; a screen reader announces both what it is and what it says
    ("Credit: Jean Dupont"), not the bare name that would replace the text."""
    label.setText(value)
    label.setAccessibleName(_("{name}: {value}").format(name=name, value=value) if value
                            else name)


def title_label(parent: QWidget | None = None) -> ScaledLabel:
    label = ScaledLabel(1.6, bold=True, parent=parent)
    label.setAccessibleName(_("Title"))  # set again by each view's retranslate()
    label.setProperty("content", True)  # a record's title
    return label


def meta_label(parent: QWidget | None = None) -> ScaledLabel:
    label = ScaledLabel(1.05, parent=parent)
    label.setProperty("content", True)  # event, dates, kind of a record
    return label


def notice_label(parent: QWidget | None = None) -> QLabel:
    """A plain-language message box: missing video, no transcript, other language…"""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setFrameShape(QLabel.Shape.StyledPanel)
    label.setMargin(10)
    label.setObjectName("notice")
    return label


def side_panel(content: QWidget, parent: QWidget, min_width: int,
               max_width: int) -> QScrollArea:
    """The facts column beside a view's main content; it scrolls when the text is large."""
    panel = QScrollArea(parent)
    panel.setWidget(content)
    panel.setWidgetResizable(True)
    panel.setFrameShape(QFrame.Shape.NoFrame)
    panel.setMinimumWidth(min_width)
    panel.setMaximumWidth(max_width)
    panel.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its links and buttons take focus instead
    return panel


# --- formatting --------------------------------------------------------------------------


def person_text(person: Person) -> str:
    return (_("{name} ({role})").format(name=person.name, role=person.role) if person.role
            else person.name)


def format_people(people: Iterable[Person]) -> str:
    """"Jean Cattan (ANCT) et Caroline Zorn" as the interface language writes lists."""
    return i18n.format_list(person_text(p) for p in people)


def language_in_sentence(language: str) -> str:
    """A language's name as written inside a sentence of the interface language
    ("français" in French, "Französisch" in German, "French" in English)."""
    try:
        return Locale.parse(language).get_display_name(i18n.babel_locale()) or language
    except (UnknownLocaleError, ValueError):
        return language


def language_in_itself(language: str) -> str:
    """A language's own name for itself, capitalised: "Français", "English", "Deutsch"."""
    return i18n.language_name(language, in_language=language)


def date_precision(pack: Pack | None) -> str:
    """How precisely the pack's sources date its resources: "day", or "month" only."""
    return pack.event.date_precision if pack is not None else "day"


def event_line(event: Event | None) -> str:
    """"Numérique en Commun[s] · Strasbourg" or nothing when the pack is unknown."""
    if event is None:
        return ""
    return _("{event} · {city}").format(event=event.name, city=event.city)


def clear_layout(layout) -> None:
    """Removes and deletes every widget of a layout (used for rebuilt link lists)."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.setParent(None)
            widget.deleteLater()
