"""Qt's own strings (standard buttons, context menus, file dialogs) in the interface language.

The kit's strings go through Babel/gettext; Qt's come from the `qtbase_<lang>.qm` catalogs
shipped inside PySide6, loaded with one QTranslator that is swapped on each language change.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

log = logging.getLogger(__name__)


class QtTranslations:
    """Keeps at most one Qt translator installed, for the current language."""

    def __init__(self) -> None:
        self._translator: QTranslator | None = None
        self.language: str | None = None

    def switch(self, language: str) -> bool:
        """Installs Qt's catalog for `language`; returns False when PySide6 has none."""
        app = QCoreApplication.instance()
        if app is None:
            return False
        if self._translator is not None:
            app.removeTranslator(self._translator)
            self._translator = None
        self.language = language
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        translator = QTranslator(app)
        if not translator.load(f"qtbase_{language}", folder):
            if language != "en":
                log.info("no Qt catalog qtbase_%s in %s", language, folder)
            return False
        app.installTranslator(translator)
        self._translator = translator
        return True
