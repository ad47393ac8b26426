"""The plan panel beside the results: the plan's title and total, buttons, the ordered items,
and an editor for the selected item (note, planned duration, a title card's text).

The panel shows and edits; it does not decide. Its buttons are the controller's actions, and
an edit made in the item editor is handed to the controller (`item_edited`) as a new item,
which it pushes as an undo command. A banner at the top offers back unsaved work found at
start-up (the kit did not close normally).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFormLayout, QFrame, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QSizePolicy, QToolButton, QVBoxLayout, QWidget,
)

from mediation_kit.core.i18n import _, format_duration, ngettext
from mediation_kit.core.plans.model import PlanItem, TitleCardItem
from mediation_kit.ui import theme
from mediation_kit.ui.plans.dialogs import (
    minutes_box, minutes_from_seconds, seconds_from_minutes, text_box,
)
from mediation_kit.ui.plans.plan_model import PlanModel
from mediation_kit.ui.plans.plan_view import PlanListView


class _FocusOut(QObject):
    """Calls `then()` when the watched editor loses the focus: a typed note is kept."""

    def __init__(self, widget: QWidget, then) -> None:
        super().__init__(widget)
        self._then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.FocusOut:
            self._then()
        return False


def _set_text(field: QLineEdit | QPlainTextEdit, text: str) -> None:
    """Sets the text only when it differs: the cursor of a field being typed in stays put."""
    current = field.text() if isinstance(field, QLineEdit) else field.toPlainText()
    if current.strip() != text:
        if isinstance(field, QLineEdit):
            field.setText(text)
        else:
            field.setPlainText(text)


class RecoveryBanner(QFrame):
    """"Unsaved work from … was found": Restore or Discard, without a modal box."""

    restore_requested = Signal()  # the leader wants the autosaved plan back
    discard_requested = Signal()  # the leader does not want it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        theme.set_theme_role(self, theme.CARD)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.restore_button = QPushButton(self)
        self.discard_button = QPushButton(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.restore_button.clicked.connect(self.restore_requested)
        self.discard_button.clicked.connect(self.discard_requested)

    def set_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setAccessibleName(text)
        self.restore_button.setText(_("&Restore it"))
        self.restore_button.setAccessibleName(_("Restore the unsaved plan"))
        self.discard_button.setText(_("&Discard it"))
        self.discard_button.setAccessibleName(_("Discard the unsaved plan"))


class ItemEditor(QGroupBox):
    """Edits the selected item: a card's heading and lines, the note, the planned duration."""

    # A changed copy of the item (same id), and the field that changed.
    item_edited = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item: PlanItem | None = None
        self._filling = False
        self.heading = QLineEdit(self)
        self.lines = text_box(self)
        self.note = text_box(self)
        self.duration = minutes_box(self)
        self.heading_label = QLabel(self)
        self.lines_label = QLabel(self)
        self.note_label = QLabel(self)
        self.duration_label = QLabel(self)
        for label, field in ((self.heading_label, self.heading), (self.lines_label, self.lines),
                             (self.note_label, self.note),
                             (self.duration_label, self.duration)):
            label.setBuddy(field)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.heading_label, self.heading)
        form.addRow(self.lines_label, self.lines)
        form.addRow(self.note_label, self.note)
        form.addRow(self.duration_label, self.duration)
        self.form = form
        for field in (self.heading, self.lines, self.note, self.duration):
            theme.set_theme_role(field, theme.FIELD)  # outlined, in high contrast too
        self.heading.editingFinished.connect(self._commit_heading)
        _FocusOut(self.lines, self._commit_lines)
        _FocusOut(self.note, self._commit_note)
        self.duration.valueChanged.connect(self._commit_duration)
        self.set_item(None)

    def retranslate(self) -> None:
        self.setTitle(_("Selected item"))
        self.heading_label.setText(_("&Heading:"))
        self.lines_label.setText(_("L&ines:"))
        self.note_label.setText(_("&Note (only for you):"))
        self.duration_label.setText(_("Planned d&uration:"))
        self.heading.setAccessibleName(_("Title card heading"))
        self.lines.setAccessibleName(_("Title card lines"))
        self.note.setAccessibleName(_("Note for the leader, never shown to the audience"))
        self.duration.setAccessibleName(_("Planned duration in minutes"))
        self.duration.setSpecialValueText(_("not set"))
        self.duration.setSuffix(_(" min"))

    def set_item(self, item: PlanItem | None) -> None:
        """Shows `item` (None: nothing selected); a pending edit of the previous one is kept."""
        if self.item is not None and (item is None or item.id != self.item.id):
            self.commit()
        self.item = item
        self._filling = True
        try:
            card = isinstance(item, TitleCardItem)
            for widget in (self.heading, self.heading_label, self.lines, self.lines_label):
                widget.setVisible(card)
            _set_text(self.heading, item.heading if card else "")
            _set_text(self.lines, "\n".join(item.lines) if card else "")
            _set_text(self.note, item.note if item is not None else "")
            self.duration.setValue(minutes_from_seconds(
                item.planned_duration_s if item is not None else None))
            self.setEnabled(item is not None)
        finally:
            self._filling = False

    def commit(self) -> None:
        """Hands over what was typed and not yet taken (the note being written)."""
        self._commit_heading()
        self._commit_lines()
        self._commit_note()

    def _emit(self, new: PlanItem, field: str) -> None:
        if self._filling or self.item is None or new == self.item:
            return
        self.item = new
        self.item_edited.emit(new, field)

    def _commit_heading(self) -> None:
        if isinstance(self.item, TitleCardItem):
            self._emit(replace(self.item, heading=self.heading.text().strip()), "heading")

    def _commit_lines(self) -> None:
        if isinstance(self.item, TitleCardItem):
            lines = tuple(line for line in self.lines.toPlainText().splitlines() if line.strip())
            self._emit(replace(self.item, lines=lines), "lines")

    def _commit_note(self) -> None:
        if self.item is not None:
            self._emit(replace(self.item, note=self.note.toPlainText().strip()), "note")

    def _commit_duration(self, value: int) -> None:
        if self.item is not None:
            self._emit(replace(self.item, planned_duration_s=seconds_from_minutes(value)),
                       "duration")


class PlanPanel(QWidget):
    """The panel's widgets; `PlanController` fills in the actions and does the work."""

    def __init__(self, model: PlanModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planPanel")
        self.model = model
        self.banner = RecoveryBanner(self)
        self.banner.hide()
        self.title_label = QLabel(self)
        self.title_label.setWordWrap(True)
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.total_label = QLabel(self)
        theme.set_theme_role(self.total_label, theme.MUTED)
        self.details_button = QToolButton(self)
        self.buttons_row = QHBoxLayout()
        self.buttons_row.setSpacing(2)
        self.list_view = PlanListView(self)
        self.list_view.setModel(model)
        self.empty_label = QLabel(self)
        self.empty_label.setWordWrap(True)
        theme.set_theme_role(self.empty_label, theme.MUTED)
        self.editor = ItemEditor(self)
        self.editor.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        for box in (self.editor.note, self.editor.lines):
            box.setMaximumHeight(3 * box.fontMetrics().lineSpacing() + 12)

        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title_label)
        titles.addWidget(self.total_label)
        header.addLayout(titles, 1)
        header.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.banner)
        layout.addLayout(header)
        layout.addLayout(self.buttons_row)
        layout.addWidget(self.list_view, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.editor)
        self.setFocusProxy(self.list_view)

        model.plan_changed.connect(self.update_summary)
        model.modelReset.connect(self.update_summary)
        self.list_view.selectionModel().currentChanged.connect(self._on_current_changed)
        model.dataChanged.connect(self._on_current_changed)
        model.rowsRemoved.connect(self._on_current_changed)

    def add_buttons(self, actions: list[QAction]) -> None:
        """Tool buttons for the item actions (add, title card, up, down, remove)."""
        self.tool_buttons: list[QToolButton] = []
        for action in actions:
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.buttons_row.addWidget(button)
            self.tool_buttons.append(button)
        self.buttons_row.addStretch(1)

    def retranslate(self) -> None:
        self.list_view.setAccessibleName(_("Plan items"))
        self.list_view.setToolTip(_(
            "Ctrl+Up and Ctrl+Down move the item, Delete removes it, Enter edits its note, "
            "Ctrl+Enter shows it. Drag results here to add them."))
        self.details_button.setText(_("Details…"))
        self.details_button.setAccessibleName(_("Plan details"))
        self.empty_label.setText(_(
            "The plan is empty. Select a result or open a resource, then press Ctrl+D "
            "(or drag it here) to add it."))
        for button in getattr(self, "tool_buttons", []):
            action = button.defaultAction()
            button.setAccessibleName(action.text().replace("&", ""))
        self.editor.retranslate()
        self.update_summary()

    def update_summary(self) -> None:
        plan = self.model.plan
        self.title_label.setText(plan.title or _("Untitled plan"))
        count = self.model.rowCount()
        total = format_duration(self.model.total_s)
        items = ngettext("{count} item", "{count} items", count).format(count=count)
        if count == 0 or self.model.unknown_durations == count:
            text = items
        elif self.model.unknown_durations:
            text = _("{items} · at least {total}").format(items=items, total=total)
        else:
            text = _("{items} · {total}").format(items=items, total=total)
        self.total_label.setText(text)
        self.total_label.setAccessibleName(text)
        self.title_label.setAccessibleName(self.title_label.text())
        self.empty_label.setVisible(count == 0)

    def current_row(self) -> int:
        index = self.list_view.currentIndex()
        return index.row() if index.isValid() else -1

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            index = self.model.index(row)
            self.list_view.setCurrentIndex(index)
            self.list_view.scrollTo(index)
        self._on_current_changed()

    def _on_current_changed(self, *_args) -> None:
        self.editor.set_item(self.model.item_at(self.current_row()))
