"""Importing a pack archive: what it is and what it changes, then the import with progress.

The dialog first checks the archive in a worker (nothing is written): a refused archive shows
its reason and a Close button only. Otherwise it shows the pack (title, version, size,
signer) and, for an update, what changes and the workshop plans that cite a removed or
changed resource. An unsigned pack, or one signed by an unknown key, needs an explicit tick
under a warning that shows the key's fingerprint. The import runs in a worker with a progress
bar; Cancel stops it and leaves nothing behind.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QLabel, QProgressBar, QPushButton, QTextBrowser,
    QVBoxLayout, QWidget,
)

from mediation_kit.core.i18n import _, ngettext
from mediation_kit.ui.workers import TaskHandle, run_task

# The core calls, replaceable by tests: (path, cancel) -> ArchiveInfo, and
# (path, allow_unsigned, progress, cancel) -> ImportResult.
Inspect = Callable[..., Any]
Import = Callable[..., Any]


class ImportDialog(QDialog):
    pack_imported = Signal(object)  # the core's ImportResult: the content must be reloaded

    def __init__(self, archive: Path, parent: QWidget | None = None, *,
                 inspect: Inspect | None = None, do_import: Import | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.archive = Path(archive)
        self._inspect = inspect or _default_inspect
        self._import = do_import or _default_import
        self.info: Any = None
        self.refusal: str = ""
        self.result: Any = None
        self.error: str = ""
        self.state = "checking"
        self._handle: TaskHandle | None = None  # the task running now
        # Every task's handle lives as long as the dialog: the last reference to a task's
        # signals must never be dropped by the worker thread as it finishes.
        self._handles: list[TaskHandle] = []

        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        self.details = QTextBrowser(self)
        self.details.setObjectName("importDetails")
        self.details.setOpenLinks(False)
        self.details.setMinimumSize(560, 200)
        self.warning = QLabel(self)
        self.warning.setObjectName("importWarning")
        self.warning.setWordWrap(True)
        self.warning.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warning.setTextFormat(Qt.TextFormat.RichText)
        self.consent = QCheckBox(self)
        self.consent.setObjectName("importConsent")
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(False)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.import_button = QPushButton(self)
        self.import_button.setObjectName("importButton")
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.warning)
        layout.addWidget(self.consent)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        self.import_button.clicked.connect(self.on_import_button_clicked)
        self.close_button.clicked.connect(self.on_close_button_clicked)
        self.consent.toggled.connect(self._update_buttons)
        self.retranslate()
        self._start_inspect()

    # --- work ----------------------------------------------------------------------------

    def _start_inspect(self) -> None:
        self._handle = run_task(self._inspect_call, with_progress=True, parent=self)
        self._handles.append(self._handle)
        self._handle.signals.finished.connect(self.on_inspect_finished)
        self._handle.signals.failed.connect(self.on_inspect_failed)

    def _inspect_call(self, progress, cancel):
        from mediation_kit.core.packs.refusal import PackRefused

        try:
            return self._inspect(self.archive, cancel=cancel)
        except PackRefused as refused:
            return refused

    def on_inspect_finished(self, outcome: Any) -> None:
        from mediation_kit.core.packs.refusal import PackRefused

        self._handle = None
        if isinstance(outcome, PackRefused):
            self.refusal, self.state = outcome.message, "refused"
        else:
            self.info, self.state = outcome, "ready"
        self.retranslate()
        # The keyboard lands where the next decision is: the tick, Import, or Close.
        if self.state == "ready":
            (self.consent if self.info.needs_consent else self.import_button).setFocus()
        else:
            self.close_button.setFocus()

    def on_inspect_failed(self, message: str, _details: str) -> None:
        self._handle = None
        self.error, self.state = message, "failed"
        self.retranslate()

    def on_import_button_clicked(self) -> None:
        if self.state != "ready" or not self.import_button.isEnabled():
            return
        self.state = "importing"
        allow = bool(self.info.needs_consent and self.consent.isChecked())
        self._handle = run_task(
            lambda progress, cancel: self._import_call(allow, progress, cancel),
            with_progress=True, parent=self)
        self._handles.append(self._handle)
        self._handle.signals.progress.connect(self.on_import_progress)
        self._handle.signals.finished.connect(self.on_import_finished)
        self._handle.signals.failed.connect(self.on_import_failed)
        self.retranslate()

    def _import_call(self, allow_unsigned: bool, progress, cancel):
        from mediation_kit.core.packs.refusal import PackRefused
        from mediation_kit.core.tasks import Cancelled

        try:
            return self._import(self.archive, allow_unsigned=allow_unsigned, progress=progress,
                                cancel=cancel)
        except (PackRefused, Cancelled) as stopped:
            return stopped

    def on_import_progress(self, progress: Any) -> None:
        if progress.total:
            self.progress.setRange(0, progress.total)
            self.progress.setValue(min(progress.done, progress.total))
        else:
            self.progress.setRange(0, 0)
        if progress.message:
            self.status.setText(progress.message)

    def on_import_finished(self, outcome: Any) -> None:
        from mediation_kit.core.packs.refusal import PackRefused
        from mediation_kit.core.tasks import Cancelled

        self._handle = None
        if isinstance(outcome, Cancelled):
            self.state = "cancelled"
        elif isinstance(outcome, PackRefused):
            self.refusal, self.state = outcome.message, "refused"
        else:
            self.result, self.state = outcome, "done"
            self.pack_imported.emit(outcome)
        self.retranslate()

    def on_import_failed(self, message: str, _details: str) -> None:
        self._handle = None
        self.error, self.state = message, "failed"
        self.retranslate()

    def on_close_button_clicked(self) -> None:
        if self._handle is not None and self.state == "importing":
            self._handle.cancel.cancel()
            self.status.setText(_("Cancelling…"))
            self.close_button.setEnabled(False)
            return
        if self._handle is not None:
            self._handle.cancel.cancel()
        self.reject()

    def reject(self) -> None:
        if self.state == "importing":  # Esc while importing cancels first
            self.on_close_button_clicked()
            return
        super().reject()

    # --- texts ---------------------------------------------------------------------------

    def _update_buttons(self) -> None:
        ready = self.state == "ready"
        self.import_button.setVisible(ready)
        self.import_button.setEnabled(ready and (not self.info.needs_consent
                                                 or self.consent.isChecked()))
        finished = self.state in ("refused", "done", "failed", "cancelled")
        self.close_button.setText(_("Close") if finished else _("Cancel"))
        self.close_button.setEnabled(True)
        self.close_button.setAccessibleName(self.close_button.text())

    def retranslate(self) -> None:
        from mediation_kit.core.packs.describe import describe, warning_text

        self.setWindowTitle(_("Import a content pack"))
        self.import_button.setText(_("Import") if not (self.info and self.info.is_update)
                                   else _("Update"))
        self.import_button.setAccessibleName(self.import_button.text())
        self.details.setAccessibleName(_("About this pack"))
        self.consent.setText(_("I trust where this pack comes from: import it anyway"))
        self.consent.setAccessibleName(self.consent.text())
        self.progress.setAccessibleName(_("Import progress"))
        self.warning.setAccessibleName(_("Warning"))
        name = html.escape(self.archive.name)
        busy = self.state in ("checking", "importing")
        self.progress.setVisible(busy)
        if self.state == "checking":
            self.progress.setRange(0, 0)
        show_warning = self.state == "ready" and self.info.needs_consent
        self.warning.setVisible(show_warning)
        self.consent.setVisible(show_warning)
        if show_warning:
            self.warning.setText("<b>⚠ {}</b>".format(html.escape(warning_text(self.info))))
        if self.state == "checking":
            self.heading.setText("<h3>{}</h3>".format(html.escape(_("Checking {file}…").format(
                file=self.archive.name))))
            self.details.setHtml("")
            self.status.setText(_("Checking the signature and every file. Nothing is written "
                                  "yet."))
        elif self.state == "refused":
            self.heading.setText("<h3>{}</h3>".format(html.escape(
                _("This pack cannot be imported"))))
            self.details.setHtml("<p><b>{}</b></p><p>{}</p>".format(
                html.escape(self.refusal), html.escape(_(
                    "Nothing was written: the packs and the search index are as they were. "
                    "Ask whoever gave you the file for a new copy."))))
            self.status.setText("")
        elif self.state == "failed":
            self.heading.setText("<h3>{}</h3>".format(html.escape(_("The import failed"))))
            self.details.setHtml("<p>{}</p><p>{}</p>".format(html.escape(self.error), html.escape(
                _("The packs and the search index in use are the previous ones."))))
            self.status.setText("")
        elif self.state == "cancelled":
            self.heading.setText("<h3>{}</h3>".format(html.escape(_("Import cancelled"))))
            self.details.setHtml("<p>{}</p>".format(html.escape(
                _("Nothing was changed: the packs and the search index are as they were."))))
            self.status.setText("")
        else:
            info = self.info
            title = _("Update {title}?") if info.is_update else _("Import {title}?")
            if self.state == "done":
                title = _("{title} is imported")
            self.heading.setText("<h3>{}</h3><p>{}</p>".format(
                html.escape(title.format(title=info.title)), name))
            self.details.setHtml(self._details_html(describe(info)))
            if self.state == "done":
                self.status.setText(ngettext(
                    "Ready: {count} resource in the search index.",
                    "Ready: {count} resources in the search index.",
                    self.result.doc_count).format(count=self.result.doc_count))
            elif self.state == "ready":
                self.status.setText(_("Nothing is written before you choose {action}.").format(
                    action=self.import_button.text()))
        self._update_buttons()

    def _details_html(self, lines: list[str]) -> str:
        parts = []
        for line in lines:
            indent = line.startswith("  ")
            text = html.escape(line.strip())
            parts.append(f"<li>{text}</li>" if indent else f"<p>{text}</p>")
        body = []
        in_list = False
        for part in parts:
            if part.startswith("<li>") and not in_list:
                body.append("<ul>")
                in_list = True
            elif not part.startswith("<li>") and in_list:
                body.append("</ul>")
                in_list = False
            body.append(part)
        if in_list:
            body.append("</ul>")
        return "".join(body)

    def on_language_changed(self, _language: str) -> None:
        self.retranslate()


def _default_inspect(path: Path, cancel=None):
    from mediation_kit.core.packs.importer import PackContext, inspect_archive

    return inspect_archive(path, PackContext.default(), cancel=cancel)


def _default_import(path: Path, *, allow_unsigned: bool, progress=None, cancel=None):
    from mediation_kit.core.packs.importer import PackContext, import_archive

    return import_archive(path, PackContext.default(), allow_unsigned=allow_unsigned,
                          progress=progress, cancel=cancel)
