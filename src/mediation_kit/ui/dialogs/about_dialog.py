"""The About box: version, the installed content packs and their versions, credits."""

from __future__ import annotations

import html
import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from mediation_kit import APP_NAME, __version__
from mediation_kit.core import build_info
from mediation_kit.core.i18n import _, format_event_dates
from mediation_kit.core.model import Pack


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
        parts.append("<h3>{}</h3>".format(html.escape(_("Credits and licences"))))
        parts.append("<p>{}</p>".format(html.escape(_(
            "Mediation Kit is free software under the GNU GPL version 3 or later. Each kit "
            "file shows its own credit and licence."))))
        parts.append("<p>{}</p>".format(html.escape(_(
            "Built with Qt and PySide6 {pyside} (LGPL), Whoosh (BSD), Babel (BSD) and "
            "platformdirs (MIT), on Python {python}.").format(
                pyside=pyside_version, python=platform.python_version()))))
        self.details.setHtml("".join(parts))
        self.details.setAccessibleName(_("About details"))

    def _keys_html(self) -> list[str]:
        """The keys a pack archive may be signed with, for whoever checks an import."""
        from mediation_kit.core import paths
        from mediation_kit.core.packs.signing import KEYS_FOLDER

        parts = ["<h3>{}</h3>".format(html.escape(_("Trusted pack signing keys"))), "<ul>"]
        for key in self.trusted_keys.keys:
            origin = _("shipped with the kit") if key.shipped else _("added on this computer")
            parts.append("<li>{}<br><code>{}</code></li>".format(
                html.escape(_("{name} ({origin})").format(name=key.name, origin=origin)),
                html.escape(_("fingerprint {fingerprint}").format(fingerprint=key.fingerprint))))
        if not self.trusted_keys.keys:
            parts.append("<li>{}</li>".format(html.escape(_("none"))))
        parts.append("</ul>")
        for problem in self.trusted_keys.problems:
            parts.append("<p>{}</p>".format(html.escape(problem)))
        parts.append("<p>{}</p>".format(html.escape(_(
            "An IT team may add its own keys: .pub files in {folder}").format(
                folder=paths.user_dirs().config / KEYS_FOLDER))))
        return parts
