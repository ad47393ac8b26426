"""The run sheet and the handout on paper: a print preview, a printer, or a PDF file.

The pages come from the core (core/plans/sheets.py makes the HTML) and the printing module
(printing/pdf.py lays it out on A4 in the shipped font): the preview, the printer and the
PDF show the same pages. A sheet of a few pages is laid out in well under a second, so it is
done on the GUI thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QFileDialog

from mediation_kit.core.i18n import _
from mediation_kit.core.plans.sheets import handout_html, run_sheet_html

if TYPE_CHECKING:
    from mediation_kit.ui.plans.controller import PlanController

RUN_SHEET = "run-sheet"
HANDOUT = "handout"


def sheet_name(which: str) -> str:
    return _("Run sheet") if which == RUN_SHEET else _("Handout")


def sheet_html(controller: PlanController, which: str) -> str:
    plan = controller.model.plan
    library = controller.sources.library()
    return run_sheet_html(plan, library) if which == RUN_SHEET else handout_html(plan, library)


def document_title(controller: PlanController, which: str) -> str:
    plan_title = controller.model.plan.title or _("Untitled plan")
    return _("{sheet}: {plan}").format(sheet=sheet_name(which), plan=plan_title)


def paint_sheet(controller: PlanController, which: str, printer: QPrinter) -> None:
    """Lays the sheet out on `printer` (the preview's, or the one chosen to print on)."""
    from mediation_kit.printing.pdf import make_document, page_layout, render_document

    printer.setPageLayout(page_layout())
    printer.setDocName(document_title(controller, which))
    render_document(make_document(sheet_html(controller, which)), printer,
                    footer=controller.model.plan.title)


def preview(controller: PlanController, which: str) -> None:
    """The sheet in Qt's print preview, whose Print button sends it to a printer."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintPreviewDialog(printer, controller.window)
    dialog.setWindowTitle(_("Print preview: {title}").format(
        title=document_title(controller, which)))
    dialog.paintRequested.connect(lambda device: paint_sheet(controller, which, device))
    controller.preview_dialog = dialog
    dialog.resize(900, 700)
    dialog.exec()


def suggested_pdf_path(controller: PlanController, which: str) -> Path:
    document = controller.document
    folder = document.path.parent if document.path else controller.storage.plans_folder()
    stem = document.path.stem if document.path else "plan"
    suffix = _("run-sheet") if which == RUN_SHEET else _("handout")
    return folder / f"{stem}-{suffix}.pdf"


def export_pdf(controller: PlanController, which: str) -> Path | None:
    """Asks where, then writes the sheet as a PDF; problems are shown, never raised."""
    target = suggested_pdf_path(controller, which)
    dialog = QFileDialog(controller.window, _("Save the run sheet as a PDF")
                         if which == RUN_SHEET else _("Save the handout as a PDF"))
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setNameFilter(_("PDF documents (*.pdf)"))
    dialog.setDefaultSuffix("pdf")
    dialog.setDirectory(str(target.parent))
    dialog.selectFile(target.name)
    controller.files.file_dialog = dialog
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    path = Path(dialog.selectedFiles()[0])
    return write_sheet_pdf(controller, which, path)


def write_sheet_pdf(controller: PlanController, which: str, path: Path) -> Path | None:
    from mediation_kit.printing.pdf import PdfError, write_pdf

    try:
        write_pdf(sheet_html(controller, which), path, document_title(controller, which))
    except (PdfError, OSError) as error:
        controller.files.show_error(_("The PDF could not be written"), str(error))
        return None
    controller.status(_("PDF saved: {file}").format(file=path))
    return path
