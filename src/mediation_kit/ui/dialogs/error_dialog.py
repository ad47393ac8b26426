"""A readable message for an unexpected error, with the details for a bug report."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from mediation_kit.core.i18n import _


class ErrorDialog(QMessageBox):
    def __init__(self, summary: str, details: str, log_file: Path | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorDialog")
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(_("Something went wrong"))
        self.setText(_("The kit ran into an unexpected problem: {summary}").format(
            summary=summary))
        if log_file is not None:
            info = _("You can keep working. The details were written to {file}; please send "
                     "them with a description of what you were doing.").format(file=log_file)
        else:
            info = _("You can keep working. If it happens again, please send the details "
                     "below with a description of what you were doing.")
        self.setInformativeText(info)
        self.setDetailedText(details)
        self.setStandardButtons(QMessageBox.StandardButton.Ok)
        self.setAccessibleName(_("Error"))
