"""Printing a written PDF through the system print dialog (pages drawn by pdftoppm, painted by Qt)."""

from __future__ import annotations

import tempfile

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter

from app.documents.render import all_pages_png
from ui.workers import run_with_progress


def paint_pages(printer: QPrinter, pages) -> int:
    """Paint page images onto the printer, each scaled to the printable area; returns pages painted."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        for n, path in enumerate(pages):
            if n:
                printer.newPage()
            image = QImage(str(path))
            size = image.size().scaled(area.size(), Qt.KeepAspectRatio)
            target = QRectF(0, 0, size.width(), size.height())
            painter.drawImage(target, image)
        return len(pages)
    finally:
        painter.end()


def print_pdf(parent, pdf: str) -> None:
    printer = QPrinter(QPrinter.HighResolution)
    printer.setDocName(pdf)
    dialog = QPrintDialog(printer, parent)
    dialog.setObjectName("printDialog")
    if dialog.exec() != QPrintDialog.Accepted:
        return
    folder = tempfile.mkdtemp(prefix="shopteam-print-")
    dpi = min(printer.resolution(), 200)

    def job(progress):
        progress(0, 1)
        return all_pages_png(pdf, folder, dpi)

    def done(pages) -> None:
        count = paint_pages(printer, pages)
        parent.ctx.show_status(QCoreApplication.translate("DocumentsPrinting", "Sent %1 page(s) to the printer.")
                               .replace("%1", str(count)))

    title = QCoreApplication.translate("DocumentsPrinting", "Preparing pages for the printer…")
    run_with_progress(parent, title, job, done, parent._failed)
