"""The small dialogs of the plan: a title card, a clip of a replay, the plan's details.

Each is a form whose fields are reached with Tab and named for screen readers; Enter accepts
(Ctrl+Enter inside a multi-line field), Esc cancels.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QAbstractSpinBox, QCheckBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSpinBox, QTimeEdit, QVBoxLayout, QWidget,
)

from mediation_kit.core.i18n import _, format_timestamp
from mediation_kit.ui import theme


def minutes_box(parent: QWidget) -> QSpinBox:
    """A planned duration in minutes; 0 reads "not set"."""
    box = QSpinBox(parent)
    box.setRange(0, 600)
    box.setSingleStep(1)
    box.setSpecialValueText(_("not set"))
    box.setSuffix(_(" min"))
    return box


def seconds_from_minutes(value: int) -> float | None:
    return float(value * 60) if value > 0 else None


def minutes_from_seconds(value: float | None) -> int:
    return int(round(value / 60)) if value else 0


def text_box(parent: QWidget) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setTabChangesFocus(True)
    box.setMaximumHeight(110)
    return box


def _outline_fields(dialog: QDialog) -> None:
    """Entries stand out from the dialog, in high contrast too."""
    for kind in (QLineEdit, QPlainTextEdit, QAbstractSpinBox):
        for field in dialog.findChildren(kind):
            if field.parent() is dialog:  # not the line edit inside a spin box
                theme.set_theme_role(field, theme.FIELD)


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    for button in buttons.buttons():
        button.setAccessibleName(button.text().replace("&", ""))
    _outline_fields(dialog)
    return buttons


class TitleCardDialog(QDialog):
    """A heading and a few lines written by the leader."""

    def __init__(self, parent: QWidget | None = None, heading: str = "",
                 lines: tuple[str, ...] = (), minutes: int = 0) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Title card"))
        self.heading = QLineEdit(heading, self)
        self.heading.setAccessibleName(_("Heading"))
        self.heading.setPlaceholderText(_("Question to the group: …"))
        self.lines = text_box(self)
        self.lines.setPlainText("\n".join(lines))
        self.lines.setAccessibleName(_("Lines under the heading"))
        self.duration = minutes_box(self)
        self.duration.setValue(minutes)
        self.duration.setAccessibleName(_("Planned duration"))
        form = QFormLayout()
        form.addRow(_("&Heading:"), self.heading)
        form.addRow(_("&Lines:"), self.lines)
        form.addRow(_("Planned &duration:"), self.duration)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.buttons = _buttons(self)
        layout.addWidget(self.buttons)
        self.heading.setFocus()
        self.resize(440, 0)

    def values(self) -> tuple[str, tuple[str, ...], float | None]:
        lines = tuple(line for line in self.lines.toPlainText().splitlines() if line.strip())
        return (self.heading.text().strip(), lines,
                seconds_from_minutes(self.duration.value()))


def _time_edit(parent: QWidget, seconds: float, maximum: float | None) -> QTimeEdit:
    edit = QTimeEdit(parent)
    edit.setDisplayFormat("H:mm:ss")
    edit.setTimeRange(QTime(0, 0, 0), _to_time(maximum) if maximum else QTime(23, 59, 59))
    edit.setTime(_to_time(seconds))
    return edit


def _to_time(seconds: float) -> QTime:
    seconds = int(max(0, min(seconds, 86399)))
    return QTime(seconds // 3600, (seconds // 60) % 60, seconds % 60)


def _to_seconds(value: QTime) -> float:
    return float(value.hour() * 3600 + value.minute() * 60 + value.second())


class ClipDialog(QDialog):
    """The start and end of a clip of one replay."""

    def __init__(self, replay_title: str, start: float, end: float,
                 duration: float | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Add a clip to the plan"))
        intro = QLabel(_("A clip of “{title}”.").format(title=replay_title), self)
        intro.setWordWrap(True)
        self.start = _time_edit(self, start, duration)
        self.start.setAccessibleName(_("Clip start"))
        self.end = _time_edit(self, end, duration)
        self.end.setAccessibleName(_("Clip end"))
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow(_("&Start:"), self.start)
        form.addRow(_("&End:"), self.end)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        self.buttons = _buttons(self)
        layout.addWidget(self.buttons)
        self.start.timeChanged.connect(self._check)
        self.end.timeChanged.connect(self._check)
        self._check()
        self.start.setFocus()

    def span(self) -> tuple[float, float]:
        return _to_seconds(self.start.time()), _to_seconds(self.end.time())

    def _check(self) -> None:
        start, end = self.span()
        ok = end > start
        self.problem.setText("" if ok else _("The end must come after the start ({start}).")
                             .format(start=format_timestamp(start)))
        self.problem.setAccessibleName(self.problem.text())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)


class PlanDetailsDialog(QDialog):
    """The plan's title, date, place and the leader's notes."""

    def __init__(self, title: str, when: date | None, place: str, notes: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Plan details"))
        self.title = QLineEdit(title, self)
        self.title.setAccessibleName(_("Plan title"))
        self.has_date = QCheckBox(_("&Dated"), self)
        self.has_date.setAccessibleName(_("The workshop has a date"))
        self.date = QDateEdit(self)
        self.date.setCalendarPopup(True)
        self.date.setAccessibleName(_("Workshop date"))
        self.date.setDate(QDate(when.year, when.month, when.day) if when
                          else QDate.currentDate())
        self.has_date.setChecked(when is not None)
        self.date.setEnabled(when is not None)
        self.has_date.toggled.connect(self.date.setEnabled)
        self.place = QLineEdit(place, self)
        self.place.setAccessibleName(_("Place"))
        self.notes = text_box(self)
        self.notes.setPlainText(notes)
        self.notes.setAccessibleName(_("Notes for the leader"))
        form = QFormLayout()
        form.addRow(_("&Title:"), self.title)
        form.addRow(self.has_date, self.date)
        form.addRow(_("&Place:"), self.place)
        form.addRow(_("&Notes for the leader:"), self.notes)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.buttons = _buttons(self)
        layout.addWidget(self.buttons)
        self.title.setFocus()
        self.resize(460, 0)

    def values(self) -> tuple[str, date | None, str, str]:
        when = None
        if self.has_date.isChecked():
            value = self.date.date()
            when = date(value.year(), value.month(), value.day())
        return (self.title.text().strip(), when, self.place.text().strip(),
                self.notes.toPlainText().strip())

