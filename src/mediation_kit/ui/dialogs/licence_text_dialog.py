"""A licence or notice file, read-only, in a window of its own (opened from the About box)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout, QWidget

from mediation_kit.core.i18n import _


class LicenceTextDialog(QDialog):
    def __init__(self, title: str, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.path = Path(path)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setAccessibleName(title)
        self.text.setMinimumSize(640, 420)
        try:
            content = self.path.read_text(encoding="utf-8", errors="replace")
        except OSError as error:
            content = _("{path}: cannot be read: {error}").format(
                path=self.path, error=error.strerror or error)
        self.text.setPlainText(content)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.buttons)
        self.text.setFocus()
