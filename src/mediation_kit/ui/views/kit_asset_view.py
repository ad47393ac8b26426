"""A communication-kit file: the image (scaled off the GUI thread) or the press text, with
its caption, credit and licence, and the two things a mediator does with it: copy it to a
folder with its credits, or open it in the system's viewer."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QStandardPaths, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont, QImage, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QTreeView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mediation_kit.core import i18n
from mediation_kit.core.i18n import N_, _
from mediation_kit.core.model import KitAsset, KitKind
from mediation_kit.ui.views.common import (
    date_precision,
    side_panel,
    FocusForwarding,
    Library,
    OfflineTextBrowser,
    add_zoom_shortcuts,
    highlight_in_editor,
    language_in_sentence,
    meta_label,
    notice_label,
    set_value_text,
    title_label,
    zoom_hint,
)
from mediation_kit.core.typography import typeset
from mediation_kit.ui.views.kit_export import CopyError, copy_with_credits
from mediation_kit.ui.views.thumbnails import ThumbnailLoader

KIND_NAMES = {
    KitKind.PHOTO: N_("Photo"),
    KitKind.LOGO: N_("Logo"),
    KitKind.POSTER: N_("Poster"),
    KitKind.VISUAL: N_("Visual"),
    KitKind.PRESS_TEXT: N_("Press text"),
    KitKind.SOCIAL_TEMPLATE: N_("Social media template"),
    KitKind.PROGRAMME: N_("Programme"),
}
# Files shown as text rather than as an image.
TEXT_SUFFIXES = frozenset({".md", ".markdown", ".txt"})

# Pages of the preview stack.
PREVIEW_IMAGE, PREVIEW_TEXT, PREVIEW_NOTICE = range(3)


class ImagePreview(QLabel):
    """Shows a ready-made thumbnail, fitted to its size (cheap: the image is small)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setMinimumSize(200, 150)
        self.image = QImage()

    def set_image(self, image: QImage) -> None:
        self.image = image
        self._fit()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if self.image.isNull():
            self.setPixmap(QPixmap())
            return
        ratio = self.devicePixelRatioF()
        box = self.contentsRect().size() * ratio
        image = self.image
        if image.width() > box.width() or image.height() > box.height():
            image = image.scaled(box, Qt.AspectRatioMode.KeepAspectRatio,
                                 Qt.TransformationMode.SmoothTransformation)
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(ratio)
        self.setPixmap(pixmap)


class KitAssetView(FocusForwarding, QWidget):
    """Shows one `KitAsset`."""

    # The user clicked a link to another resource; carries its resource key.
    open_key_requested = Signal(str)

    def __init__(self, thumbnail_cache_dir: Path, library: Library | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.asset: KitAsset | None = None
        self.highlight_terms: list[str] = []
        self.thumbnails = ThumbnailLoader(thumbnail_cache_dir, self)
        self._thumbnail_token = 0
        self._preview_message = ""
        # The message under the buttons, made again in the current language when it changes.
        self._status: Callable[[], str] = str
        self._build()
        self._connect_signals()
        self.retranslate()

    # --- building -----------------------------------------------------------------------

    def _build(self) -> None:
        self.title = title_label(self)
        self.meta = meta_label(self)

        self.image = ImagePreview(self)
        self.text = OfflineTextBrowser(self)
        self.text.setFrameShape(QFrame.Shape.NoFrame)
        self.text.document().setDocumentMargin(12)
        self.preview_notice = notice_label(self)
        self.preview_notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview = QStackedWidget(self)
        self.preview.insertWidget(PREVIEW_IMAGE, self.image)
        self.preview.insertWidget(PREVIEW_TEXT, self.text)
        self.preview.insertWidget(PREVIEW_NOTICE, self.preview_notice)

        # Heading above value, pairs set apart: easier to scan than a two-column form.
        self.details = QVBoxLayout()
        self.details.setSpacing(10)
        self._detail_labels: dict[str, tuple[QLabel, QLabel]] = {}
        self._detail_rows: dict[str, QWidget] = {}
        for name in ("caption", "credit", "licence", "tags", "language", "file"):
            row = QWidget(self)
            row_layout = QVBoxLayout(row)
            row_layout.setContentsMargins(0, 0, 0, 0)
            row_layout.setSpacing(2)
            heading, value = QLabel(row), QLabel(row)
            font = QFont()  # only the weight: the size follows the text-size setting
            font.setBold(True)
            heading.setFont(font)
            value.setProperty("content", True)  # the asset's caption, credit… (not interface)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            heading.setBuddy(value)
            row_layout.addWidget(heading)
            row_layout.addWidget(value)
            self.details.addWidget(row)
            self._detail_labels[name] = (heading, value)
            self._detail_rows[name] = row

        self.copy_button = QPushButton(self)
        self.open_button = QPushButton(self)
        for button in (self.copy_button, self.open_button):
            button.setAutoDefault(False)
            button.setMinimumHeight(button.sizeHint().height() + 6)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(12, 0, 12, 0)
        side_layout.setSpacing(10)
        side_layout.addLayout(self.details)
        side_layout.addSpacing(6)
        side_layout.addWidget(self.copy_button)
        side_layout.addWidget(self.open_button)
        side_layout.addWidget(self.status)
        side_layout.addStretch(1)
        self.side_panel = side_panel(side, self, min_width=280, max_width=400)

        body = QHBoxLayout()
        body.setSpacing(12)
        body.addWidget(self.preview, 3)
        body.addWidget(self.side_panel, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.meta)
        layout.addSpacing(6)
        layout.addLayout(body, 1)
        QWidget.setTabOrder(self.text, self.copy_button)
        QWidget.setTabOrder(self.copy_button, self.open_button)
        add_zoom_shortcuts(self, self.text)

    def _connect_signals(self) -> None:
        self.copy_button.clicked.connect(self.on_copy_button_clicked)
        self.open_button.clicked.connect(self.on_open_button_clicked)
        self.thumbnails.thumbnail_ready.connect(self.on_thumbnails_thumbnail_ready)
        self.thumbnails.thumbnail_failed.connect(self.on_thumbnails_thumbnail_failed)

    def focus_target(self) -> QWidget:
        """Focus given to the view: the text to read, else the first action."""
        if self.preview.currentIndex() == PREVIEW_TEXT:
            return self.text
        return self.copy_button if self.copy_button.isEnabled() else self.open_button

    # --- the interface the shell uses ------------------------------------------------------

    def set_library(self, library: Library | None) -> None:
        self.library = library

    def set_thumbnail_cache_dir(self, path: Path) -> None:
        self.thumbnails.cache_dir = path

    def show_record(self, record: KitAsset, highlight_terms: Sequence[str] = (),
                    at_time: float | None = None) -> None:
        del at_time  # a kit file has no timeline; accepted so every view is opened alike
        self.asset = record
        self.highlight_terms = list(highlight_terms)
        self._status = str
        self._preview_message = ""
        self.image.set_image(QImage())
        # A thumbnail still on its way for the previous asset is dropped when it lands.
        self._thumbnail_token = 0
        if not record.file.is_file() and not record.text:
            self._preview_message = _("The file {file} is missing from the content "
                                      "pack.").format(file=record.file)
            self.preview.setCurrentIndex(PREVIEW_NOTICE)
        elif self._is_text(record):
            self.text.show_markdown(self._text_of(record), record.file.parent,
                                    record.language or "")
            highlight_in_editor(self.text, self.highlight_terms)
            self.preview.setCurrentIndex(PREVIEW_TEXT)
        elif record.is_image:
            self._thumbnail_token = self.thumbnails.request(record.file)
            self.preview.setCurrentIndex(PREVIEW_NOTICE)
        else:
            self.preview.setCurrentIndex(PREVIEW_NOTICE)
        self.retranslate()

    def retranslate(self) -> None:
        self.copy_button.setText(_("Copy to folder…"))
        self.copy_button.setAccessibleName(_("Copy to folder"))
        self.copy_button.setToolTip(_("Copies the file and a text file with its credits, "
                                      "for example to a USB stick"))
        self.open_button.setText(_("Open with…"))
        self.open_button.setAccessibleName(_("Open with the system's application"))
        self.open_button.setToolTip(_("Opens the file in the application this PC uses for it"))
        self.text.setAccessibleName(_("Text of the document"))
        self.text.setAccessibleDescription(zoom_hint())
        self.text.setStatusTip(zoom_hint())
        self.image.setAccessibleName(_("Image"))
        self.side_panel.setAccessibleName(_("About this file"))
        headings = {"caption": _("Caption"), "credit": _("Credit"), "licence": _("Licence"),
                    "tags": _("Tags"), "language": _("Language"), "file": _("File")}
        for name, (heading, value) in self._detail_labels.items():
            heading.setText(headings[name])
        asset = self.asset
        enabled = asset is not None and asset.file.is_file()
        self.copy_button.setEnabled(enabled)
        self.open_button.setEnabled(enabled)
        self._show_status()
        if asset is None:
            set_value_text(self.title, _("Title"), _("No kit file selected"))
            self.meta.setText("")
            for name, (_heading, value) in self._detail_labels.items():
                set_value_text(value, headings[name], "")
            return
        language = asset.language or ""
        set_value_text(self.title, _("Title"), typeset(asset.title, language))
        self.meta.setText(self._meta_text(asset))
        values = {
            "caption": typeset(asset.caption, language),
            "credit": asset.credit,
            "licence": asset.licence,
            "tags": ", ".join(asset.tags),
            "language": language_in_sentence(asset.language) if asset.language else "",
            "file": asset.file.name,
        }
        for name, (_heading, value) in self._detail_labels.items():
            set_value_text(value, headings[name], values[name])
            self._detail_rows[name].setVisible(bool(values[name]))
        self._show_preview_notice(asset)

    # --- helpers -------------------------------------------------------------------------

    @staticmethod
    def _is_text(asset: KitAsset) -> bool:
        return asset.file.suffix.lower() in TEXT_SUFFIXES or (
            not asset.is_image and bool(asset.text))

    @staticmethod
    def _text_of(asset: KitAsset) -> str:
        if asset.text:
            return asset.text
        try:
            return asset.file.read_text(encoding="utf-8", errors="replace")
        except OSError as error:
            return _("The file {file} cannot be read: {reason}").format(
                file=asset.file, reason=error.strerror or error)

    def _meta_text(self, asset: KitAsset) -> str:
        parts = [_(KIND_NAMES.get(asset.kind, asset.kind.value))]
        pack = self.library.pack(asset.pack_id) if self.library is not None else None
        if pack is not None:
            parts.append(pack.event.name)
        if asset.date is not None:
            parts.append(i18n.format_day(asset.date, date_precision(pack)))
        return " · ".join(parts)

    def _show_preview_notice(self, asset: KitAsset) -> None:
        if self.preview.currentIndex() != PREVIEW_NOTICE:
            return
        if self._preview_message:
            text = self._preview_message
        elif asset.is_image:
            text = _("Loading the image…")
        else:
            text = _("This kind of file has no preview here: use “Open with…”.")
        self.preview_notice.setText(text)
        self.preview_notice.setAccessibleName(text)

    def _event(self):
        if self.asset is None or self.library is None:
            return None
        pack = self.library.pack(self.asset.pack_id)
        return pack.event if pack is not None else None

    def _set_status(self, text: Callable[[], str]) -> None:
        """`text()` gives the message in the current language (called again on a switch)."""
        self._status = text
        self._show_status()

    def _show_status(self) -> None:
        text = self._status()
        self.status.setText(text)
        self.status.setVisible(bool(text))
        self.status.setAccessibleName(text)

    # The folder the last copy went to, for the whole session (all kit views share it).
    last_folder = ""

    def copy_start_folder(self) -> str:
        """Where "Copy to folder…" opens: the last folder used, else the user's Documents
        (never the kit's install folder, which may be read-only)."""
        if KitAssetView.last_folder and Path(KitAssetView.last_folder).is_dir():
            return KitAssetView.last_folder
        for location in (QStandardPaths.StandardLocation.DocumentsLocation,
                         QStandardPaths.StandardLocation.HomeLocation):
            folder = QStandardPaths.writableLocation(location)
            if folder and Path(folder).is_dir():
                return folder
        return str(Path.home())

    def folder_dialog(self) -> QFileDialog:
        """The folder chooser, its columns (name, size, type, date) wide enough to read."""
        assert self.asset is not None
        dialog = QFileDialog(self, _("Copy “{title}” to a folder").format(
            title=self.asset.title), self.copy_start_folder())
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setLabelText(QFileDialog.DialogLabel.Accept, _("Copy here"))
        ColumnFitter(dialog)
        return dialog

    # --- slots ---------------------------------------------------------------------------

    def on_thumbnails_thumbnail_ready(self, token: int, image: QImage) -> None:
        if token != self._thumbnail_token:
            return
        self.image.set_image(image)
        self.preview.setCurrentIndex(PREVIEW_IMAGE)

    def on_thumbnails_thumbnail_failed(self, token: int, message: str) -> None:
        if token != self._thumbnail_token or self.asset is None:
            return
        self._preview_message = message
        self.preview.setCurrentIndex(PREVIEW_NOTICE)
        self._show_preview_notice(self.asset)

    def on_copy_button_clicked(self) -> None:
        if self.asset is None:
            return
        dialog = self.folder_dialog()
        self.copy_dialog = dialog
        dialog.fileSelected.connect(self.copy_to)
        self.show_folder_dialog(dialog)

    @staticmethod
    def show_folder_dialog(dialog: QFileDialog) -> None:
        dialog.open()  # window-modal: the rest of the kit stays readable behind it

    def copy_to(self, folder: str) -> None:
        if self.asset is None or not folder:
            return
        KitAssetView.last_folder = folder
        try:
            target, credits = copy_with_credits(self.asset, Path(folder), self._event())
        except CopyError as error:
            self._set_status(lambda error=error: str(error))
            return
        self._set_status(lambda: _("Copied as {file}, with its credits in {credits}.").format(
            file=target, credits=credits.name))

    def on_open_button_clicked(self) -> None:
        if self.asset is None:
            return
        name = self.asset.file.name
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.asset.file))):
            self._set_status(lambda: _("No application on this PC could open {file}.").format(
                file=name))


class ColumnFitter(QObject):
    """Qt's own file dialog (used where the system has none) cuts its date column. Once the
    dialog is shown, each time a folder's entries are listed, every column is made as wide
    as its contents and the dialog wide enough to show them all."""

    def __init__(self, dialog: QFileDialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self._watched = False
        dialog.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.dialog and event.type() == QEvent.Type.Show and not self._watched:
            self._watched = True
            for view in self.dialog.findChildren(QTreeView):
                model = view.model()
                if hasattr(model, "directoryLoaded"):  # QFileSystemModel lists in a thread
                    model.directoryLoaded.connect(self.fit)
                model.rowsInserted.connect(self.fit)
            QTimer.singleShot(0, self, self.fit)
        return False

    def fit(self, *_args: object) -> None:
        dialog = self.dialog
        for view in dialog.findChildren(QTreeView):
            if not view.isVisible():
                continue
            header = view.header()
            for column in range(header.count()):
                view.resizeColumnToContents(column)
            needed = header.length() + view.frameWidth() * 2 + 24
            if view.width() < needed:
                dialog.resize(dialog.width() + needed - view.width(), dialog.height())
