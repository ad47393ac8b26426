"""The main window (filled by the desktop-app work)."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QMainWindow

from mediation_kit import APP_NAME
from mediation_kit.core.i18n import _


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(APP_NAME)
        self.search_field = QLineEdit(self)
        self.search_field.setPlaceholderText(_("Search replays, summaries and the kit…"))
        self.setCentralWidget(self.search_field)
        self.resize(1100, 720)
