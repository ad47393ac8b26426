"""The plan as a file: new, open, save, save as (anywhere: a USB stick), Open recent, the
question about unsaved changes, and unsaved work offered back after a crash.

A file that cannot be read or written is reported in a message that names the file and the
problem (the core's PlanFileError); the plan that was open stays as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QMainWindow, QMenu, QMessageBox

from mediation_kit.core import i18n
from mediation_kit.core.i18n import _
from mediation_kit.core.plans.fileformat import SUFFIX, PlanFileError
from mediation_kit.core.plans.storage import AutosavedPlan, PlanStorage
from mediation_kit.ui.plans.document import PlanDocument
from mediation_kit.ui.plans.panel import PlanPanel


def file_filter() -> str:
    return _("Workshop plans (*{suffix});;All files (*)").format(suffix=SUFFIX)


class PlanFiles:
    def __init__(self, window: QMainWindow, document: PlanDocument, panel: PlanPanel,
                 recent_menu: QMenu, show_panel: Callable[[], None],
                 status: Callable[[str], None]) -> None:
        self.window = window
        self.document = document
        self.storage: PlanStorage = document.storage
        self.model = document.model
        self.panel = panel
        self.recent_menu = recent_menu
        self.show_panel = show_panel
        self.status = status
        self.pending: AutosavedPlan | None = None  # unsaved work found at start-up
        self.error_box: QMessageBox | None = None
        self.unsaved_box: QMessageBox | None = None
        self.file_dialog: QFileDialog | None = None

    def may_discard_changes(self) -> bool:
        """Asks about unsaved changes: True when the caller may go on (saved or discarded)."""
        self.panel.editor.commit()
        if not self.document.modified:
            return True
        box = QMessageBox(QMessageBox.Icon.Question, _("Unsaved plan"), _(
            "The plan “{name}” has changes that are not saved. Save them?").format(
            name=self.document.path.name if self.document.path
            else (self.model.plan.title or _("Untitled plan"))), parent=self.window)
        box.setStandardButtons(QMessageBox.StandardButton.Save
                               | QMessageBox.StandardButton.Discard
                               | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        for button, text in ((QMessageBox.StandardButton.Save, _("&Save")),
                             (QMessageBox.StandardButton.Discard, _("&Don't save")),
                             (QMessageBox.StandardButton.Cancel, _("Cancel"))):
            box.button(button).setText(text)
            box.button(button).setAccessibleName(text.replace("&", ""))
        self.unsaved_box = box
        answer = box.exec()
        self.unsaved_box = None
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.document.discard_autosave()
            return True
        return False

    def new_plan(self) -> None:
        if self.may_discard_changes():
            self.document.new()
            self.show_panel()
            self.panel.list_view.setFocus()

    def open_plan(self) -> None:
        if not self.may_discard_changes():
            return
        dialog = self._file_dialog(_("Open a workshop plan"), QFileDialog.AcceptMode.AcceptOpen,
                                   self.storage.plans_folder())
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.selectedFiles():
            self.open_path(Path(dialog.selectedFiles()[0]), ask=False)

    def open_path(self, path: Path, ask: bool = True) -> bool:
        """Opens a plan file (the command line, Open recent, a drop); False when it could not
        be read, which is said in a message naming the file and the problem."""
        if ask and not self.may_discard_changes():
            return False
        try:
            self.document.open(Path(path))
        except PlanFileError as error:
            self.show_error(_("The plan could not be opened"), str(error))
            return False
        self.show_panel()
        self.panel.select_row(0)
        self.status(_("Plan opened: {file}").format(file=path))
        return True

    def show_error(self, title: str, message: str) -> None:
        """A message that does not block: the kit goes on with the plan that was open."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, message,
                          QMessageBox.StandardButton.Ok, self.window)
        box.setAccessibleName(title)
        box.setAccessibleDescription(message)
        self.error_box = box
        box.open()

    def save(self) -> bool:
        self.panel.editor.commit()
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        self.panel.editor.commit()
        suggested = (self.document.path if self.document.path is not None
                     else self.storage.suggested_path(self.model.plan.title or _("plan")))
        dialog = self._file_dialog(_("Save the workshop plan"), QFileDialog.AcceptMode.AcceptSave,
                                   suggested)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return False
        path = Path(dialog.selectedFiles()[0])
        if path.suffix != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        return self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        try:
            self.document.save(path)
        except PlanFileError as error:
            self.show_error(_("The plan could not be saved"), str(error))
            return False
        self.status(_("Plan saved: {file}").format(file=path))
        return True

    def _file_dialog(self, title: str, mode: QFileDialog.AcceptMode,
                     where: Path) -> QFileDialog:
        dialog = QFileDialog(self.window, title)
        dialog.setAcceptMode(mode)
        dialog.setNameFilter(file_filter())
        dialog.setDefaultSuffix(SUFFIX.lstrip("."))
        if mode == QFileDialog.AcceptMode.AcceptOpen:
            dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
            dialog.setDirectory(str(where))
        else:
            dialog.setDirectory(str(where.parent))
            dialog.selectFile(where.name)
        self.file_dialog = dialog
        return dialog

    def fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.storage.recent_files()
        for number, path in enumerate(recent, start=1):
            action = self.recent_menu.addAction(f"&{number % 10} {path.name}")
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.setEnabled(path.is_file())  # a USB stick not plugged in: greyed out
            action.triggered.connect(partial(self.open_path, path))
        if not recent:
            empty = self.recent_menu.addAction(_("No recent plan"))
            empty.setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            clear = self.recent_menu.addAction(_("Clear the list"))
            clear.triggered.connect(self._clear_recent)

    def _clear_recent(self) -> None:
        try:
            self.storage.clear_recent()
        except OSError as error:
            self.status(str(error))

    # --- autosave and recovery -----------------------------------------------------------

    def offer_autosaved_work(self) -> None:
        self.pending = self.storage.pending_autosave()
        if self.pending is not None:
            self.show_banner()
            self.show_panel()

    def show_banner(self) -> None:
        pending = self.pending
        when = ""
        if pending.saved_at is not None:
            when = i18n.format_datetime(pending.saved_at.astimezone().replace(tzinfo=None),
                                        "short")
        name = pending.source.name if pending.source else (
            pending.plan.title or _("Untitled plan"))
        count = len(pending.plan.items)
        text = i18n.ngettext(
            "The kit did not close normally. Unsaved changes to the plan “{name}” "
            "({count} item) were kept{when}. Restore them?",
            "The kit did not close normally. Unsaved changes to the plan “{name}” "
            "({count} items) were kept{when}. Restore them?", count).format(
            name=name, count=count,
            when=_(" on {time}").format(time=when) if when else "")
        self.panel.banner.set_message(text)
        self.panel.banner.show()

    def restore_autosaved(self) -> None:
        pending = self.pending
        if pending is None:
            return
        if not self.may_discard_changes():
            return
        self.pending = None
        self.panel.banner.hide()
        self.document.restore(pending.plan, pending.source)
        self.show_panel()
        self.panel.select_row(0)
        self.panel.list_view.setFocus()
        self.status(_("The unsaved plan was restored: save it to keep it."))

    def discard_autosaved(self) -> None:
        self.pending = None
        self.panel.banner.hide()
        if not self.document.modified:
            self.document.discard_autosave()
        self.panel.list_view.setFocus()
