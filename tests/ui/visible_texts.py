"""Every text a person can read in a window, gathered from its widget tree, menus and actions.

Used by the pseudo-locale and language-switch tests. A widget whose Qt property `content` is
true shows content (event names, summaries, transcripts), not interface text: its own texts
are flagged `content` (only a raw interface string there is a fault), its children are read as
usual.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QDialogButtonBox,
    QDockWidget, QGroupBox, QHeaderView, QLabel, QLineEdit, QListWidget, QMenu, QMessageBox, QPlainTextEdit,
    QTabBar, QTableView, QTableWidget, QTextEdit, QToolBar, QTreeView, QTreeWidget,
    QTreeWidgetItem, QWidget,
)

from mediation_kit.ui.widgets.facet_panel import ContentRole


@dataclass(frozen=True)
class ShownText:
    where: str  # the widget, named by the attribute that holds it where possible
    what: str  # which of its texts: "text", "toolTip", "item 3", …
    text: str
    content: bool = False  # shown by a widget marked as showing content

    def __str__(self) -> str:
        return f"{self.where} {self.what}: {self.text!r}"


def is_content(obj: QObject) -> bool:
    return bool(obj.property("content"))


def plain(text: str) -> str:
    """Rich text as it reads on screen (tags and entities gone)."""
    if "<" in text and ">" in text or "&" in text and ";" in text:
        return QTextDocumentFragment.fromHtml(text).toPlainText()
    return text


def describe(widget: QObject) -> str:
    """"SummaryView.speakers (QLabel)": the attribute holding the widget in an ancestor."""
    parent = widget.parent()
    chain = []
    while parent is not None:
        for name, value in vars(parent).items() if hasattr(parent, "__dict__") else ():
            if value is widget:
                return f"{type(parent).__name__}.{name} ({type(widget).__name__})"
        chain.append(type(parent).__name__)
        parent = parent.parent()
    name = widget.objectName()
    label = type(widget).__name__ + (f"#{name}" if name else "")
    return " < ".join([label, *chain[:3]])


def window_texts(window: QWidget) -> list[ShownText]:
    """The texts of `window` and of its visible descendants, with their menus' actions."""
    found: list[ShownText] = []
    # Only this window's own widgets: a dialog parented to it is read as a window of its own.
    widgets = [window] + [w for w in window.findChildren(QWidget)
                          if w.window() is window and w.isVisibleTo(window)]
    for widget in widgets:
        texts = _widget_texts(widget)
        if is_content(widget):
            texts = (ShownText(t.where, t.what, t.text, content=True) for t in texts)
        found.extend(texts)
        for action in widget.actions():
            found.extend(_action_texts(action, describe(widget)))
    return [t for t in found if t.text.strip()]


def _widget_texts(widget: QWidget) -> Iterator[ShownText]:
    where = describe(widget)

    def shown(what: str, text: str) -> ShownText:
        return ShownText(where, what, text)

    if widget.isWindow() or isinstance(widget, (QDockWidget, QToolBar)):
        yield shown("windowTitle", widget.windowTitle())
    for what in ("toolTip", "statusTip", "whatsThis", "accessibleName", "accessibleDescription"):
        yield shown(what, plain(getattr(widget, what)()))
    if isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit)):
        yield shown("placeholderText", widget.placeholderText())
    if isinstance(widget, QLabel) and widget.pixmap().isNull():
        yield shown("text", plain(widget.text()))
    if isinstance(widget, QAbstractButton) and not _is_standard_button(widget):
        yield shown("text", widget.text())
    if isinstance(widget, QGroupBox):
        yield shown("title", widget.title())
    if isinstance(widget, QTabBar):
        for i in range(widget.count()):
            yield shown(f"tab {i}", widget.tabText(i))
            yield shown(f"tab {i} toolTip", widget.tabToolTip(i))
    if isinstance(widget, QComboBox):
        for i in range(widget.count()):
            yield shown(f"item {i}", widget.itemText(i))
    if isinstance(widget, QAbstractSpinBox):
        yield shown("specialValueText", widget.specialValueText())
        for what in ("prefix", "suffix"):
            if hasattr(widget, what):
                yield shown(what, getattr(widget, what)())
    if isinstance(widget, QTextEdit) and widget.isReadOnly():
        for number, line in enumerate(widget.toPlainText().splitlines()):
            yield shown(f"line {number + 1}", line)
    if isinstance(widget, QTreeWidget):
        yield from _tree_items(widget, where)
    elif isinstance(widget, (QListWidget, QTableWidget)):
        for i in range(widget.count() if isinstance(widget, QListWidget) else 0):
            item = widget.item(i)
            yield shown(f"item {i}", item.text())
            yield shown(f"item {i} toolTip", item.toolTip())
    if isinstance(widget, QAbstractItemView):
        yield from _header_texts(widget, where)


def _is_standard_button(button: QAbstractButton) -> bool:
    """OK, Cancel, Close…: Qt's own strings, translated by Qt's qtbase catalog."""
    box = button.parentWidget()
    while box is not None and not isinstance(box, QDialogButtonBox):
        box = box.parentWidget()
    if box is None:
        return False
    if box.standardButton(button) != QDialogButtonBox.StandardButton.NoButton:
        return True
    # A message box's "Show Details..." button is Qt's too, from Qt's own catalog.
    qt_texts = {QCoreApplication.translate("QMessageBox", text)
                for text in ("Show Details...", "Hide Details...")}
    return isinstance(box.parentWidget(), QMessageBox) and button.text() in qt_texts


def _tree_items(tree: QTreeWidget, where: str) -> Iterator[ShownText]:
    def walk(item: QTreeWidgetItem, path: str) -> Iterator[ShownText]:
        for column in range(tree.columnCount()):
            content = item.data(column, ContentRole) is True  # an event's name, a speaker's
            yield ShownText(where, f"item {path}", item.text(column), content=content)
            yield ShownText(where, f"item {path} toolTip", item.toolTip(column))
            accessible = item.data(column, Qt.ItemDataRole.AccessibleTextRole)
            if isinstance(accessible, str):
                yield ShownText(where, f"item {path} accessible text", accessible)
        for i in range(item.childCount()):
            yield from walk(item.child(i), f"{path}.{i}")

    for i in range(tree.topLevelItemCount()):
        yield from walk(tree.topLevelItem(i), str(i))


def _header_texts(view: QAbstractItemView, where: str) -> Iterator[ShownText]:
    headers: list[QHeaderView] = []
    if isinstance(view, QTreeView):
        headers.append(view.header())
    elif isinstance(view, QTableView):
        headers.append(view.horizontalHeader())
    model = view.model()
    for header in headers:
        if model is None or header.isHidden():
            continue
        for section in range(model.columnCount()):
            text = model.headerData(section, Qt.Orientation.Horizontal,
                                    Qt.ItemDataRole.DisplayRole)
            if isinstance(text, str):
                yield ShownText(where, f"header {section}", text)


def _action_texts(action: QAction, where: str) -> Iterator[ShownText]:
    if action.isSeparator() or not action.isVisible():
        return
    label = f"{where} action {action.text() or action.objectName()!r}"
    for what in ("text", "iconText", "toolTip", "statusTip", "whatsThis"):
        value = getattr(action, what)()
        if value.strip():
            yield ShownText(label, what, value, content=is_content(action))
    menu = action.menu()
    if isinstance(menu, QMenu):
        yield ShownText(label, "menu title", menu.title())
        for sub in menu.actions():
            yield from _action_texts(sub, f"{label} >")


# --- a tour of the main window ------------------------------------------------------------

SEARCH_WORD = "souveraineté"  # found in the fake content's summary and transcript
MISSPELT_WORD = "strasbourgh"  # the fake engine suggests "strasbourg" and close matches


def tour(window, qtbot) -> Iterator[tuple[str, list[QWidget]]]:
    """Brings `window` (over the fake content of ui_fakes) into each of its states and yields
    (what is shown, the top-level widgets to read): home, results with facets and a filter,
    no results, an event's summaries, each resource view, the settings and about dialogs."""
    pack = window.content.packs[0]
    yield "home page", [window]

    with qtbot.waitSignal(window.results_shown, timeout=5000):
        window.search_field.setText(SEARCH_WORD)
    yield "results with facets", [window]
    window.on_facet_filter_toggled("type", "summary", True)
    qtbot.waitUntil(lambda: window.chips.isVisible(), timeout=5000)
    yield "results with a filter chip", [window]
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        window.on_facet_filter_toggled("type", "summary", False)
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        window.on_facet_filter_toggled("type", "kit", True)  # the word is in no kit file
    assert window.stack.currentWidget() is window.no_result_page
    yield "no results with these filters", [window]
    window.on_chips_clear_requested()

    with qtbot.waitSignal(window.results_shown, timeout=5000):
        window.search_field.setText(MISSPELT_WORD)
    yield "no results, with a suggestion", [window]

    window.go_home()
    window.on_home_browse_requested(pack.id, "summary")
    yield "an event's summaries", [window]

    for record in (pack.summaries[0], pack.replays[0], pack.kit[0]):
        with qtbot.waitSignal(window.record_opened, timeout=5000):
            window.open_key(record.key)
        yield f"the {type(record).__name__} view", [window]

    window.open_settings()
    qtbot.waitUntil(lambda: window.settings_dialog.isVisible(), timeout=5000)
    window.open_about()
    qtbot.waitUntil(lambda: window.about_dialog.isVisible(), timeout=5000)
    yield "the settings and about dialogs", [window, window.settings_dialog, window.about_dialog]


def pages(window) -> Iterator[tuple[str, QWidget]]:
    """Shows, without re-rendering anything, each page and each resource view already built,
    so what is read is what the language change itself left on screen."""
    for name in ("home_page", "results_page", "no_result_page"):
        window.stack.setCurrentWidget(getattr(window, name))
        yield name, getattr(window, name)
    for view in _stacked_pages(window.view_stack):
        yield type(view).__name__, view


def _stacked_pages(stack) -> Iterator[QWidget]:
    """Each page of a stacked widget made current in turn (nested stacks included)."""
    from PySide6.QtWidgets import QStackedWidget

    for index in range(stack.count()):
        page = stack.widget(index)
        stack.setCurrentWidget(page)
        window = stack.window()
        if stack is window.view_stack:
            window.stack.setCurrentWidget(stack)
        if isinstance(page, QStackedWidget):
            yield from _stacked_pages(page)
        else:
            yield page
