"""Run sheets and handouts as PDF: QTextDocument laid out on A4 and written by QPdfWriter.

Only QtGui is used, so the command line can print without a window (the offscreen platform
is chosen when there is no display). The app reuses `make_document()` and `page_layout()` to
show a preview and to print on a QPrinter with the same pages as the PDF.

The text is set in DejaVu Sans, shipped in resources/fonts/: its licence allows embedding, so
Qt embeds a subset of it and the text stays text (searchable, copyable) on any PC.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor, QFont, QFontDatabase, QFontMetricsF, QGuiApplication, QPageLayout, QPageSize,
    QPagedPaintDevice, QPainter, QPdfWriter, QTextDocument)

from mediation_kit import APP_NAME
from mediation_kit.core.i18n import _, current_language
from mediation_kit.core.paths import resources_dir
from mediation_kit.core.atomic_files import give_file_mode
from mediation_kit.core.typography import typeset

RESOLUTION_DPI = 300  # enough for print; much higher cuts long documents short
MARGIN_MM = 15.0
BASE_POINT_SIZE = 10.5
FOOTER_POINT_SIZE = 8.0
FOOTER_GREY = "#555555"
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf",
              "DejaVuSans-BoldOblique.ttf")
FALLBACK_FAMILY = "DejaVu Sans"

_family: str | None = None


class PdfError(Exception):
    """The PDF could not be written; the message names the file and the reason."""


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def ensure_gui_application() -> QGuiApplication:
    """The running Qt application, or a QGuiApplication made for printing. Without a display
    (a server, a terminal over SSH) the offscreen platform is used instead of aborting."""
    app = QGuiApplication.instance()
    if app is not None:
        return app
    if not os.environ.get("QT_QPA_PLATFORM") and not _has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return QGuiApplication([sys.argv[0] if sys.argv else APP_NAME])


def _has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def print_font_family() -> str:
    """Loads the shipped fonts once and returns their family name."""
    global _family
    if _family is not None:
        return _family
    ensure_gui_application()
    family = None
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(fonts_dir() / name))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        family = family or (families[0] if families else None)
    _family = family or FALLBACK_FAMILY
    return _family


def page_layout() -> QPageLayout:
    """A4 portrait with 15 mm margins, for the PDF and the printer alike."""
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                       QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                       QPageLayout.Unit.Millimeter)


def make_document(html: str) -> QTextDocument:
    """A document holding the sheet's HTML, set in the shipped font."""
    ensure_gui_application()
    document = QTextDocument()
    font = QFont(print_font_family(), BASE_POINT_SIZE)
    # No "ffi"/"fl" ligatures: a PDF reader would find, copy and read aloud "Aﬃche" as one
    # odd character instead of "Affiche".
    for feature in ("liga", "clig"):
        font.setFeature(QFont.Tag(feature), 0)
    document.setDefaultFont(font)
    document.setDocumentMargin(0)
    document.setHtml(html)
    return document


def render_document(document: QTextDocument, device: QPagedPaintDevice,
                    footer: str = "") -> int:
    """Lays the document out on the device's pages and paints them, each with a footer line:
    `footer` (the plan's title) on the left, "page / pages" on the right. Works on a
    QPdfWriter or a QPrinter whose page layout is already set; returns the page count."""
    # Laid out for the device itself: fonts in points become device pixels at its resolution,
    # and the page is the paint rectangle inside the margins, so nothing is scaled afterwards.
    document.documentLayout().setPaintDevice(device)
    rect = device.pageLayout().paintRectPixels(device.resolution())
    footer_font = QFont(document.defaultFont())
    footer_font.setPointSizeF(FOOTER_POINT_SIZE)
    line = QFontMetricsF(footer_font, device).height()
    body_height = float(int(rect.height() - 2 * line))  # a blank line, then the footer
    document.setPageSize(QSizeF(rect.width(), body_height))
    pages = max(1, document.pageCount())
    painter = QPainter(device)
    if not painter.isActive():
        raise PdfError(_("the printer or file cannot be drawn on"))
    try:
        for page in range(pages):
            if page:
                device.newPage()
            painter.save()
            painter.translate(0, -page * body_height)
            # Qt draws a paragraph cut by the page break whole on both pages, clipped to the
            # page: what is outside stays invisible (though a text extractor may see it).
            document.drawContents(painter, QRectF(0, page * body_height, rect.width(),
                                                  body_height))
            painter.restore()
            box = QRectF(0, rect.height() - line, rect.width(), line)
            painter.setFont(footer_font)
            painter.setPen(QColor(FOOTER_GREY))
            number = _("{page} / {pages}").format(page=page + 1, pages=pages)
            painter.drawText(box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             number)
            if footer:
                elided = QFontMetricsF(footer_font, device).elidedText(
                    footer, Qt.TextElideMode.ElideRight, rect.width() * 0.8)
                painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft
                                          | Qt.AlignmentFlag.AlignVCenter), elided)
    finally:
        painter.end()
    return pages


def write_pdf(html: str, path: Path | str, title: str = "") -> None:
    """Writes the HTML as an A4 PDF at `path`, atomically (a temporary file in the same folder,
    then renamed): a failure leaves an older PDF of the same name untouched."""
    path = Path(path)
    document = make_document(html)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise PdfError(_("{path}: the folder {folder} does not exist").format(
            path=path, folder=folder))
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    give_file_mode(fd, path)
    os.close(fd)
    try:
        writer = QPdfWriter(tmp_name)
        writer.setResolution(RESOLUTION_DPI)
        writer.setPageLayout(page_layout())
        writer.setTitle(title)
        writer.setCreator(APP_NAME)
        render_document(document, writer, footer=typeset(title, current_language()))
        del writer  # closes the file
        if Path(tmp_name).stat().st_size == 0:
            raise PdfError(_("{path}: nothing was written").format(path=path))
        os.replace(tmp_name, path)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except OSError:
            pass
        raise
