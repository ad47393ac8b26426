"""The presenter console: the operator's screen while the room watches the projector.

It shows what the room sees now and what comes next, the list of items (click one, or type
its number and Enter), the leader's note, the talk's and the item's time against the plan,
the clock, and a banner when the projector went away. All keys go to the presentation.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QImage, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QFrame, QGridLayout, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton,
    QSizePolicy, QVBoxLayout, QWidget,
)

from mediation_kit.core import i18n
from mediation_kit.core.i18n import _
from mediation_kit.ui.presentation.items import ItemKind, PresentationItem
from mediation_kit.ui.presentation.keys import BINDINGS, JUMP_HELP, JUMP_LABEL


class Preview(QLabel):
    """A scaled copy of a frame, kept to its aspect."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(QSize(160, 90))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setStyleSheet("background: #000;")
        self._image = QImage()

    def set_image(self, image: QImage) -> None:
        self._image = image
        self._rescale()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._rescale()

    def _rescale(self) -> None:
        if self._image.isNull():
            self.clear()
            return
        self.setPixmap(QPixmap.fromImage(self._image.scaled(
            self.size(), Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation)))


class HelpOverlay(QFrame):
    """The keys, over the console (F1 shows and hides it)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("presentationHelp")
        self.setStyleSheet("#presentationHelp { background: rgba(20, 22, 26, 235); }"
                           "QLabel { color: #f1f1ee; }")
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(40, 30, 40, 30)
        self.hide()

    def retranslate(self) -> None:
        while self.grid.count():
            widget = self.grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        title = QLabel(_("Presenting keys"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        self.grid.addWidget(title, 0, 0, 1, 2)
        rows = [(_(b.label), _(b.help)) for b in BINDINGS if b.label]
        rows.insert(5, (_(JUMP_LABEL), _(JUMP_HELP)))
        rows += [(_("T"), _("Pause or restart the timers")), (_("R"), _("Reset the timers"))]
        for row, (keys, meaning) in enumerate(rows, start=1):
            key_label = QLabel(keys, self)
            bold = key_label.font()
            bold.setBold(True)
            key_label.setFont(bold)
            self.grid.addWidget(key_label, row, 0)
            self.grid.addWidget(QLabel(meaning, self), row, 1)
        self.grid.setRowStretch(len(rows) + 1, 1)
        self.setAccessibleName(_("Presenting keys"))

    def cover(self) -> None:
        self.setGeometry(self.parentWidget().rect())
        self.raise_()


class PresenterConsole(QWidget):
    # A key was pressed on the console.
    key_pressed = Signal(QKeyEvent)
    # The operator clicked an item of the list (its index from 0).
    jump_requested = Signal(int)
    # The timer buttons.
    pause_requested = Signal()
    reset_requested = Signal()

    def __init__(self, items: tuple[PresentationItem, ...]) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("presenterConsole")
        self.items = items
        self.banner = QLabel(self)
        self.banner.setObjectName("projectorBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("#projectorBanner { background: #f6d365; color: #222;"
                                  " padding: 8px; font-weight: bold; }")
        self.banner.hide()
        self.current_heading = QLabel(self)
        self.current_preview = Preview(self)
        self.room_label = QLabel(self)
        self.next_heading = QLabel(self)
        self.next_preview = Preview(self)
        self.next_title = QLabel(self)
        self.next_title.setWordWrap(True)
        self.note_heading = QLabel(self)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.item_list = QListWidget(self)
        self.item_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys go to the presentation
        self.elapsed = QLabel(self)
        self.item_time = QLabel(self)
        self.clock = QLabel(self)
        self.elapsed_caption = QLabel(self)
        self.item_time_caption = QLabel(self)
        self.clock_caption = QLabel(self)
        self.jump_entry = QLabel(self)
        self.pause_button = QPushButton(self)
        self.reset_button = QPushButton(self)
        for button in (self.pause_button, self.reset_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # T and R do the same
        # The note is read at a glance, a step away from the laptop: larger than the rest.
        note_font = self.note.font()
        note_font.setPointSizeF(note_font.pointSizeF() * 1.35)
        self.note.setFont(note_font)
        for heading in (self.current_heading, self.next_heading, self.note_heading):
            bold = heading.font()
            bold.setBold(True)
            heading.setFont(bold)
        for caption in (self.elapsed_caption, self.item_time_caption, self.clock_caption):
            caption.setStyleSheet("color: palette(mid);")
        big = self.elapsed.font()
        big.setPointSizeF(big.pointSizeF() * 1.8)
        big.setBold(True)
        for label in (self.elapsed, self.item_time, self.clock):
            label.setFont(big)
        self.help = HelpOverlay(self)
        self._build()
        self.item_list.itemClicked.connect(self.on_item_list_clicked)
        self.pause_button.clicked.connect(self.pause_requested)
        self.reset_button.clicked.connect(self.reset_requested)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.retranslate()

    def _build(self) -> None:
        left = QVBoxLayout()
        left.addWidget(self.current_heading)
        left.addWidget(self.current_preview, 3)
        left.addWidget(self.room_label)
        left.addWidget(self.note_heading)
        left.addWidget(self.note, 1)
        right = QVBoxLayout()
        right.addWidget(self.next_heading)
        right.addWidget(self.next_preview, 2)
        right.addWidget(self.next_title)
        right.addWidget(self.item_list, 3)
        times = QGridLayout()
        times.setHorizontalSpacing(24)
        for column, (caption, value) in enumerate(((self.elapsed_caption, self.elapsed),
                                                   (self.item_time_caption, self.item_time))):
            times.addWidget(caption, 0, column)
            times.addWidget(value, 1, column)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pause_button)
        buttons.addWidget(self.reset_button)
        times.addLayout(buttons, 1, 2)
        times.setColumnStretch(3, 1)
        times.addWidget(self.jump_entry, 1, 4)
        times.addWidget(self.clock_caption, 0, 5, Qt.AlignmentFlag.AlignRight)
        times.addWidget(self.clock, 1, 5, Qt.AlignmentFlag.AlignRight)
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(columns, 1)
        layout.addLayout(times)

    def retranslate(self) -> None:
        self.setWindowTitle(_("Presenter console"))
        self.current_heading.setText(_("The room sees"))
        self.next_heading.setText(_("Next"))
        self.elapsed_caption.setText(_("Since the start"))
        self.item_time_caption.setText(_("On this item"))
        self.clock_caption.setText(_("Clock"))
        self.note_heading.setText(_("Leader's note"))
        self.item_list.setAccessibleName(_("Items of the presentation"))
        self.current_preview.setAccessibleName(_("What the room sees"))
        self.next_preview.setAccessibleName(_("Next item"))
        self.elapsed.setAccessibleName(_("Time since the start"))
        self.item_time.setAccessibleName(_("Time on this item"))
        self.clock.setAccessibleName(_("Clock"))
        self.reset_button.setText(_("Reset (R)"))
        self.reset_button.setAccessibleName(_("Reset the timers"))
        self.help.retranslate()
        self.fill_list()

    def fill_list(self) -> None:
        current = self.item_list.currentRow()
        self.item_list.clear()
        for number, item in enumerate(self.items, start=1):
            text = _("{number}. {title}").format(number=number, title=item.title)
            if item.kind is ItemKind.REPLAY and item.end_s is not None:
                text = _("{item}, clip {start}–{end}").format(
                    item=text, start=i18n.format_timestamp(item.start_s),
                    end=i18n.format_timestamp(item.end_s))
            elif item.kind is ItemKind.REPLAY and item.start_s:
                text = _("{item}, from {start}").format(
                    item=text, start=i18n.format_timestamp(item.start_s))
            elif item.kind is ItemKind.MISSING:
                text = _("{item} (missing)").format(item=text)
            if item.planned_duration_s:
                text = _("{item} ({duration})").format(
                    item=text, duration=i18n.format_duration(item.planned_duration_s))
            QListWidgetItem(text, self.item_list)
        self.item_list.setCurrentRow(max(0, current))

    # --- what the presentation calls ------------------------------------------------------

    def show_position(self, index: int, room_text: str, room_image: QImage,
                      next_image: QImage | None, next_title: str) -> None:
        self.item_list.setCurrentRow(index)
        self.room_label.setText(room_text)
        self.current_preview.set_image(room_image)
        self.next_preview.set_image(next_image if next_image is not None else QImage())
        self.next_title.setText(next_title or _("(end of the presentation)"))
        note = self.items[index].note
        self.note.setText(note or _("(no note)"))

    def show_times(self, elapsed_s: float, item_s: float, planned_s: float | None,
                   paused: bool, clock: str) -> None:
        self.elapsed.setText(i18n.format_timestamp(elapsed_s))
        if planned_s:
            self.item_time.setText(_("{spent} of {planned}").format(
                spent=i18n.format_timestamp(item_s), planned=i18n.format_timestamp(planned_s)))
            late = item_s > planned_s
            self.item_time.setStyleSheet("color: #c0392b;" if late else "")
        else:
            self.item_time.setText(i18n.format_timestamp(item_s))
            self.item_time.setStyleSheet("")
        self.clock.setText(clock)
        self.pause_button.setText(_("Restart (T)") if paused else _("Pause (T)"))
        self.pause_button.setAccessibleName(
            _("Restart the timers") if paused else _("Pause the timers"))

    def show_jump_entry(self, digits: str) -> None:
        self.jump_entry.setText(_("Go to item {number}…").format(number=digits)
                                if digits else "")

    def show_banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    def toggle_help(self) -> None:
        if self.help.isVisible():
            self.help.hide()
        else:
            self.help.cover()
            self.help.show()

    # --- events --------------------------------------------------------------------------

    def on_item_list_clicked(self, item: QListWidgetItem) -> None:
        self.jump_requested.emit(self.item_list.row(item))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        self.key_pressed.emit(event)
        event.accept()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.help.isVisible():
            self.help.cover()
