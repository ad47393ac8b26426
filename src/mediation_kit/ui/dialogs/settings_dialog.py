"""The settings dialog: language, text size, theme, media folder and presenting."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from mediation_kit.core.i18n import LANGUAGES, _, language_name
from mediation_kit.core.settings import (
    OPTIONS_BY_NAME, TEXT_SIZES, THEME_LABELS, THEMES, Settings, value_problem,
)
from mediation_kit.ui import theme
from mediation_kit.ui.presentation.settings_section import PresentingSettings


class SettingsDialog(QDialog):
    applied = Signal(dict)  # the chosen values (option name -> value), on OK or Apply

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        form = QFormLayout()
        self.language = QComboBox(self)
        self.text_size = QComboBox(self)
        self.theme = QComboBox(self)
        self.media_folder = QLineEdit(self)
        # Room for a real path and for the longest placeholder ("Aucun dossier choisi").
        self.media_folder.setMinimumWidth(self.fontMetrics().averageCharWidth() * 40)
        self.choose_folder = QPushButton(self)
        self.choose_folder.clicked.connect(self._on_choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.media_folder, 1)
        folder_row.addWidget(self.choose_folder)
        self.labels = [QLabel(self) for _i in range(4)]
        for label, field in zip(self.labels, (self.language, self.text_size, self.theme,
                                              self.media_folder), strict=True):
            label.setBuddy(field)
        form.addRow(self.labels[0], self.language)
        form.addRow(self.labels[1], self.text_size)
        form.addRow(self.labels[2], self.theme)
        form.addRow(self.labels[3], folder_row)
        self.media_help = QLabel(self)
        self.media_help.setWordWrap(True)
        theme.set_theme_role(self.media_help, theme.MUTED)
        form.addRow(self.media_help)
        self.media_error = QLabel(self)  # why the folder typed cannot be saved
        self.media_error.setWordWrap(True)
        self.media_error.setVisible(False)
        form.addRow(self.media_error)
        self.presenting = PresentingSettings(settings.as_dict(), self)
        form.addRow(self.presenting)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Apply, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(
            self._apply)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._initial = settings.as_dict()
        self.retranslate()
        self._select(self.language, self._initial["language"])
        self._select(self.text_size, self._initial["text_size"])
        self._select(self.theme, self._initial["theme"])
        self.media_folder.setText(self._initial["media_folder"])

    @staticmethod
    def _select(combo: QComboBox, value: Any) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(0, index))

    def _refill(self, combo: QComboBox, items: list[tuple[str, Any]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
        if current is not None:
            self._select(combo, current)
        combo.blockSignals(False)

    def retranslate(self) -> None:
        self.setWindowTitle(_("Settings"))
        self._refill(self.language, [(_("System language"), "")] + [
            (language_name(code, code), code) for code in LANGUAGES])
        self._refill(self.text_size, [
            (_("{percent} %").format(percent=size), size) for size in TEXT_SIZES])
        self._refill(self.theme, [(_(THEME_LABELS[name]), name) for name in THEMES])
        for label, text in zip(self.labels, (_("&Language:"), _("&Text size:"), _("T&heme:"),
                                             _("&Media folder:")), strict=True):
            label.setText(text)
        self.language.setAccessibleName(_("Interface language"))
        self.text_size.setAccessibleName(_("Text size"))
        self.theme.setAccessibleName(_("Colour theme"))
        self.media_folder.setAccessibleName(_("Media folder"))
        self.media_folder.setPlaceholderText(_("No folder chosen"))
        self.choose_folder.setText(_("Choose…"))
        self.choose_folder.setAccessibleName(_("Choose the media folder"))
        self.presenting.retranslate()
        self.media_help.setText(_("The folder where the replay videos are on this PC. The kit "
                                  "finds each video by its file name."))

    def values(self) -> dict[str, Any]:
        return {
            "language": self.language.currentData() or "",
            "text_size": int(self.text_size.currentData() or 100),
            "theme": self.theme.currentData() or "light",
            "media_folder": self.media_folder.text().strip(),
            **self.presenting.values(),
        }

    def checked_values(self) -> dict[str, Any] | None:
        """The values, or None (the reason shown, the field focused) when one cannot be
        saved: a folder typed with a control character must not reach the settings file."""
        values = self.values()
        reason = value_problem(OPTIONS_BY_NAME["media_folder"], values["media_folder"])
        self.media_error.setVisible(reason is not None)
        if reason is None:
            return values
        self.media_error.setText(_("This folder cannot be saved: {reason}.").format(
            reason=reason))
        self.media_folder.setAccessibleDescription(self.media_error.text())
        self.media_folder.setFocus()
        # Room for the message below the field (wrapped text: the height for this width).
        layout = self.layout()
        layout.activate()
        needed = layout.heightForWidth(self.width()) if layout.hasHeightForWidth() else 0
        self.resize(self.width(), max(self.height(), needed, self.sizeHint().height()))
        return None

    def _apply(self) -> None:
        values = self.checked_values()
        if values is not None:
            self.applied.emit(values)

    def accept(self) -> None:
        values = self.checked_values()
        if values is None:
            return  # stays open on the field to correct
        self.applied.emit(values)
        super().accept()

    def _on_choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, _("Choose the media folder"), self.media_folder.text())
        if folder:
            self.media_folder.setText(folder)
