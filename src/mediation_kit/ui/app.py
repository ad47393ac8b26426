"""QApplication set-up and the app's entry point."""

from __future__ import annotations

import sys


def run_app(argv: list[str]) -> int:
    from PySide6.QtWidgets import QApplication

    from mediation_kit import APP_NAME, __version__
    from mediation_kit.ui.main_window import MainWindow

    app = QApplication([sys.argv[0], *argv])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    window = MainWindow()
    window.show()
    return app.exec()
