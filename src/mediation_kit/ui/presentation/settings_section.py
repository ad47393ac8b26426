"""The presenting part of the settings dialog: which screen is the projector, and the
audience screen's colours. Screens are listed by name, maker and model; "Identify screens"
puts their numbers up so the leader sees which is which."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from mediation_kit.core.i18n import _
from mediation_kit.core.settings import PRESENTATION_LOOK_LABELS, PRESENTATION_LOOKS
from mediation_kit.ui.presentation.screens import ScreenId


class PresentingSettings(QWidget):
    def __init__(self, values: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._saved = values.get("projector_screen", "")
        self.projector = QComboBox(self)
        self.identify = QPushButton(self)
        self.identify.clicked.connect(self.on_identify_clicked)
        self.look = QComboBox(self)
        self.projector_label = QLabel(self)
        self.projector_label.setBuddy(self.projector)
        self.look_label = QLabel(self)
        self.look_label.setBuddy(self.look)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.projector, 1)
        row.addWidget(self.identify)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.projector_label, row)
        form.addRow(self.look_label, self.look)
        self._identifier = None
        self.retranslate()
        self._select(self.look, values.get("presentation_look", "dark"))

    @staticmethod
    def _select(combo: QComboBox, value: Any) -> None:
        combo.setCurrentIndex(max(0, combo.findData(value)))

    def retranslate(self) -> None:
        current = self.projector.currentData() if self.projector.count() else self._saved
        self.projector.clear()
        self.projector.addItem(_("Automatic (not the main screen, not a laptop's)"), "")
        saved = ScreenId.from_setting(self._saved)
        present = False
        for number, screen in enumerate(QGuiApplication.screens(), start=1):
            screen_id = ScreenId.of(screen)
            present = present or screen_id == saved
            self.projector.addItem(_("{number}: {screen}").format(
                number=number, screen=screen_id.describe()), screen_id.to_setting())
        if saved is not None and not present:  # chosen earlier, not plugged in now: kept
            self.projector.addItem(_("{screen} (not connected)").format(
                screen=saved.describe()), self._saved)
        self._select(self.projector, current)
        look = self.look.currentData()
        self.look.clear()
        for name in PRESENTATION_LOOKS:
            self.look.addItem(_(PRESENTATION_LOOK_LABELS[name]), name)
        if look is not None:
            self._select(self.look, look)
        self.projector_label.setText(_("&Projector:"))
        self.look_label.setText(_("A&udience screen:"))
        self.identify.setText(_("Identify screens"))
        self.projector.setAccessibleName(_("Projector screen"))
        self.look.setAccessibleName(_("Colours of the audience screen"))
        self.identify.setAccessibleName(_("Show each screen's number on it"))

    def values(self) -> dict[str, Any]:
        return {"projector_screen": self.projector.currentData() or "",
                "presentation_look": self.look.currentData() or "dark"}

    def on_identify_clicked(self) -> None:
        from mediation_kit.ui.presentation.identify import ScreenIdentifier

        if self._identifier is None:
            self._identifier = ScreenIdentifier()
        self._identifier.show()
