"""The window's ways to import a pack: the menu's file dialog, a dropped file, and the offer
made when a removable drive with pack archives appears. Each opens an ImportDialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QLabel, QListWidget, QListWidgetItem, QPushButton,
    QVBoxLayout, QWidget,
)

from mediation_kit.core.i18n import _, ngettext
from mediation_kit.core.packs.manifest import SUFFIX
from mediation_kit.ui.dialogs.import_dialog import ImportDialog
from mediation_kit.ui.packs.drives import DriveWatcher
from mediation_kit.ui.packs.drop import ArchiveDropFilter


class PackImports(QObject):
    pack_imported = Signal(object)  # an import finished: the window reloads its content

    def __init__(self, window: QWidget, *, watch_drives: bool = True) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: ImportDialog | None = None
        self.offer: DriveOffer | None = None
        self.drop_filter = ArchiveDropFilter(window)
        self.drop_filter.archive_dropped.connect(self.open_archive)
        # The search field takes drops itself (text): a pack dropped there is a pack too.
        field = getattr(window, "search_field", None)
        self.field_drop_filter = ArchiveDropFilter(field) if field is not None else None
        if self.field_drop_filter is not None:
            self.field_drop_filter.archive_dropped.connect(self.open_archive)
        self.drives: DriveWatcher | None = None
        if watch_drives:
            self.drives = DriveWatcher(self)
            self.drives.archives_found.connect(self.on_drives_archives_found)
            self.drives.start()

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self.window, _("Import a content pack"), "",
            _("Content packs ({pattern})").format(pattern="*" + SUFFIX))
        if path:
            self.open_archive(Path(path))

    def open_archive(self, path: Path) -> ImportDialog:
        if self.dialog is not None and self.dialog.state == "importing":
            self.dialog.raise_()  # one import at a time
            return self.dialog
        dialog = ImportDialog(Path(path), self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.pack_imported.connect(self.pack_imported)
        dialog.destroyed.connect(lambda *_a: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.show()
        return dialog

    def on_drives_archives_found(self, root: str, archives: list[Path]) -> None:
        if self.offer is not None:
            self.offer.close()
        self.offer = DriveOffer(root, archives, self.window)
        self.offer.import_requested.connect(self.open_archive)
        self.offer.show()


class DriveOffer(QDialog):
    """Non-modal, shown without taking the focus: a person typing is not interrupted."""

    import_requested = Signal(object)  # the Path of the archive chosen

    def __init__(self, root: str, archives: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("driveOffer")
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.root = root
        self.archives = list(archives)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.list = QListWidget(self)
        for archive in self.archives:
            item = QListWidgetItem(archive.name, self.list)
            item.setToolTip(str(archive))
        self.list.setCurrentRow(0)
        self.buttons = QDialogButtonBox(self)
        self.import_button = QPushButton(self)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.later_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.list)
        layout.addWidget(self.buttons)
        self.import_button.clicked.connect(self.on_import_button_clicked)
        self.list.itemActivated.connect(lambda _item: self.on_import_button_clicked())
        self.later_button.clicked.connect(self.close)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Content packs found"))
        self.label.setText(ngettext(
            "The drive {drive} holds a content pack. Import it?",
            "The drive {drive} holds {count} content packs. Import one?",
            len(self.archives)).format(drive=self.root, count=len(self.archives)))
        self.import_button.setText(_("Import…"))
        self.later_button.setText(_("Not now"))
        self.list.setAccessibleName(_("Content packs on the drive"))
        self.import_button.setAccessibleName(self.import_button.text())
        self.later_button.setAccessibleName(self.later_button.text())

    def on_import_button_clicked(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.archives):
            self.import_requested.emit(self.archives[row])
            self.close()

    def on_language_changed(self, _language: str) -> None:
        self.retranslate()
