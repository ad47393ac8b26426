"""The problems found at start-up, each with its file, and where the log is.

Non-modal and shown without taking the focus: the kit is usable while it is open (what still
works is available), and the person typing in the search field is not interrupted. A problem is
anything with a `file` and a `message` (and maybe a `line`): a pack's problem, a settings
problem, the index that could not be used. Messages that depend on the language are read again
on a language switch.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget,
)

from mediation_kit.core.i18n import _, ngettext


def problem_place(problem: Any) -> str:
    """The file (and line) a problem is about, as the list shows it."""
    file = str(getattr(problem, "file", "") or "")
    line = getattr(problem, "line", None)
    if not file:
        return "—"
    return _("{file}, line {line}").format(file=file, line=line) if line else file


class StartupProblemsDialog(QDialog):
    def __init__(self, problems: Sequence[Any], log_file: Path | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startupProblemsDialog")
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.problems = list(problems)
        self.log_file = log_file
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        # Text, not a table: a long message wraps instead of being cut, and the whole list
        # can be selected and copied into a message to whoever maintains the packs.
        self.list = QTextBrowser(self)
        self.list.setObjectName("startupProblemsList")
        self.list.setOpenLinks(False)
        self.log_label = QLabel(self)
        self.log_label.setWordWrap(True)
        self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                               | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        self.open_log_folder = QPushButton(self)
        self.open_log_folder.clicked.connect(self.on_open_log_folder_clicked)
        self.open_log_folder.setVisible(log_file is not None)
        self.buttons.addButton(self.open_log_folder, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.log_label)
        layout.addWidget(self.buttons)
        self.resize(760, 420)
        self.retranslate()

    def set_problems(self, problems: Sequence[Any]) -> None:
        self.problems = list(problems)
        self.retranslate()

    def rows(self) -> list[tuple[str, str]]:
        """(place, message) of every problem, as shown."""
        return [(problem_place(p), str(getattr(p, "message", p))) for p in self.problems]

    def retranslate(self) -> None:
        count = len(self.problems)
        self.setWindowTitle(_("Problems found at start-up"))
        self.intro.setText(ngettext(
            "The kit started, but found {count} problem. Everything else works as usual.",
            "The kit started, but found {count} problems. Everything else works as usual.",
            count).format(count=count))
        self.list.setAccessibleName(_("Problems found at start-up"))
        self.list.setAccessibleDescription(self.intro.text())
        self.list.setHtml("".join(
            f"<p><b>{html.escape(place)}</b><br>{html.escape(message)}</p>"
            for place, message in self.rows()))
        if self.log_file is not None:
            self.log_label.setText(_("The details are also in the log: {file}").format(
                file=self.log_file))
        else:
            self.log_label.setText(_("No log file could be written (the log folder cannot be "
                                     "written to)."))
        self.log_label.setAccessibleName(_("Log file"))
        self.open_log_folder.setText(_("Open the log folder"))
        self.open_log_folder.setAccessibleName(_("Open the log folder"))

    def on_open_log_folder_clicked(self) -> None:
        if self.log_file is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_file.parent)))
