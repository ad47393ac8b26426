"""Qt's own strings follow the interface language through qtbase_<lang>.qm."""

from PySide6.QtCore import QCoreApplication

from mediation_kit.ui.qt_translations import QtTranslations


def qt_cancel() -> str:
    return QCoreApplication.translate("QPlatformTheme", "Cancel")


def test_switching_swaps_qt_catalog(qapp):
    catalogs = QtTranslations()
    try:
        assert catalogs.switch("fr")
        assert qt_cancel() == "Annuler"
        assert catalogs.switch("de")
        assert qt_cancel() == "Abbrechen"
        catalogs.switch("en")
        assert qt_cancel() == "Cancel"
    finally:
        catalogs.switch("en")
