"""The About box: version, the installed content packs and their versions, credits, and the
licences: the kit's own and those of the components a release bundles (the notices the
release build writes beside the executable, installer/notices.py)."""

from __future__ import annotations

import html
import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget)

from mediation_kit import APP_NAME, __version__
from mediation_kit.core import build_info
from mediation_kit.core.i18n import _, format_event_dates
from mediation_kit.core.model import Pack

# Written by the release build beside the executable (names as in installer/notices.py).
LICENCE_FILES = ("LICENSE.txt", "LICENSE")
NOTICES_TXT = "THIRD-PARTY-NOTICES.txt"
NOTICES_JSON = "THIRD-PARTY-NOTICES.json"


def licence_folder() -> Path:
    """Beside the executable in a bundle; the repository root when run from source."""
    from mediation_kit.core import paths

    return paths.executable_dir() if paths.is_frozen() else paths.bundle_root()


def bundled_components(folder: Path) -> list[dict] | None:
    """The components listed in the notices (name, version, licence); None without them."""
    try:
        listed = json.loads((folder / NOTICES_JSON).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return [item for item in listed if isinstance(item, dict)] if isinstance(listed, list) \
        else None


class AboutDialog(QDialog):
    def __init__(self, packs: tuple[Pack, ...], parent: QWidget | None = None,
                 trusted_keys=None) -> None:
        super().__init__(parent)
        self.packs = packs
        if trusted_keys is None:
            from mediation_kit.core.packs.signing import default_trusted_keys

            trusted_keys = default_trusted_keys()
        self.trusted_keys = trusted_keys
        self.build = build_info.current()  # read once: from source it asks git
        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.details = QTextBrowser(self)
        self.details.setOpenLinks(False)  # never follow a link from here
        self.details.setMinimumSize(520, 320)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        folder = licence_folder()
        self.licence_path = next((folder / name for name in LICENCE_FILES
                                  if (folder / name).is_file()), None)
        self.notices_path = folder / NOTICES_TXT if (folder / NOTICES_TXT).is_file() else None
        self.components = bundled_components(folder)
        self.licence_button = QPushButton(self)
        self.notices_button = QPushButton(self)
        for button, path in ((self.licence_button, self.licence_path),
                             (self.notices_button, self.notices_path)):
            button.setEnabled(path is not None)
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.licence_button.clicked.connect(self.on_licence_button_clicked)
        self.notices_button.clicked.connect(self.on_notices_button_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(_("About {app}").format(app=APP_NAME))
        self.heading.setText("<h2>{name}</h2><p>{version}</p><p>{what}</p>".format(
            name=html.escape(APP_NAME),
            version=html.escape(_("Version {version}").format(version=__version__)),
            what=html.escape(_("Find and show the resources of digital-commons events, "
                               "offline."))))
        parts = ["<h3>{}</h3>".format(html.escape(_("Content packs")))]
        if not self.packs:
            parts.append("<p>{}</p>".format(html.escape(_("No content pack is installed."))))
        else:
            parts.append("<ul>")
            for pack in self.packs:
                parts.append("<li>{}</li>".format(html.escape(
                    _("{event} ({dates}): pack {pack} version {version}, texts under {licence}")
                    .format(event=pack.event.name,
                            dates=format_event_dates(pack.event.start, pack.event.end,
                                                        pack.event.date_precision),
                            pack=pack.id, version=pack.version, licence=pack.licence))))
            parts.append("</ul>")
        parts += self._keys_html()
        parts.append("<h3>{}</h3><p>".format(html.escape(_("This build"))))
        parts.append("<br>".join(
            html.escape(_("{label}: {value}").format(label=label, value=value))
            for label, value in build_info.describe(self.build)))
        parts.append("</p>")
        parts += self._licences_html()
        self.details.setHtml("".join(parts))
        self.details.setAccessibleName(_("About details"))
        self.licence_button.setText(_("&Licence"))
        self.licence_button.setAccessibleName(_("Show the licence of {app}").format(
            app=APP_NAME))
        self.notices_button.setText(_("&Third-party notices"))
        self.notices_button.setAccessibleName(_(
            "Show the licences of the components bundled with {app}").format(app=APP_NAME))

    def _licences_html(self) -> list[str]:
        """The kit's licence, then each bundled component with its version and licence."""
        parts = ["<h3>{}</h3>".format(html.escape(_("Credits and licences"))),
                 "<p>{}</p>".format(html.escape(_(
                     "Mediation Kit is free software under the GNU GPL version 3 or later. "
                     "Each kit file shows its own credit and licence.")))]
        if self.components is None:
            parts.append("<p>{}</p>".format(html.escape(_(
                "The list of bundled components and their licences comes with the installed "
                "kit: the release build writes it."))))
            return parts
        parts.append("<p>{}</p><ul>".format(html.escape(_(
            "It comes with these components, each under its own licence (their full texts: "
            "Third-party notices):"))))
        for item in self.components:
            parts.append("<li>{}</li>".format(html.escape(
                _("{name} {version}: {licence}").format(
                    name=item.get("name", "?"), version=item.get("version", "?"),
                    licence=item.get("licence", "?")))))
        parts.append("</ul>")
        return parts

    def on_licence_button_clicked(self) -> None:
        self._show_text(_("Licence of {app}").format(app=APP_NAME), self.licence_path)

    def on_notices_button_clicked(self) -> None:
        self._show_text(_("Third-party notices"), self.notices_path)

    def _show_text(self, title: str, path: Path | None) -> None:
        from mediation_kit.ui.dialogs.licence_text_dialog import LicenceTextDialog

        if path is None:
            return
        self.text_dialog = LicenceTextDialog(title, path, self)
        self.text_dialog.open()

    def _keys_html(self) -> list[str]:
        """The keys a pack archive may be signed with, for whoever checks an import."""
        from mediation_kit.core import paths
        from mediation_kit.core.packs.signing import KEYS_FOLDER

        parts = ["<h3>{}</h3>".format(html.escape(_("Trusted pack signing keys"))), "<ul>"]
        for key in self.trusted_keys.keys:
            origin = _("shipped with the kit") if key.shipped else _("added on this computer")
            parts.append("<li>{}</li>".format(html.escape(
                _("{name} ({origin}), fingerprint {fingerprint}").format(
                    name=key.name, origin=origin, fingerprint=key.fingerprint))))
        if not self.trusted_keys.keys:
            parts.append("<li>{}</li>".format(html.escape(_("none"))))
        parts.append("</ul>")
        for problem in self.trusted_keys.problems:
            parts.append("<p>{}</p>".format(html.escape(problem)))
        parts.append("<p>{}</p>".format(html.escape(_(
            "An IT team may add its own keys: .pub files in {folder}").format(
                folder=paths.user_dirs().config / KEYS_FOLDER))))
        return parts
