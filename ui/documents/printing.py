"""Printing a written PDF through the system print dialog.

Pages are rendered in-process by PDFium (app/documents/render.py) and painted onto the printer
one at a time on the background executor (QPainter may paint on a QPrinter outside the UI thread);
no page image is written to disk, so confidential sheets leave nothing behind in a temp folder.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter

from app.documents.render import page_count, render_pages


def page_qimage(page) -> QImage:
    """A QImage over a rendered page (copied, so it owns its pixels)."""
    return QImage(page.rgb, page.width, page.height, page.stride, QImage.Format_RGB888).copy()


def paint_pages(printer: QPrinter, pdf: str, dpi: int, progress=None) -> int:
    """Paint every page of ``pdf`` onto the printer, each scaled to the printable area; returns pages painted."""
    total = page_count(pdf)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    painted = 0
    try:
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        for page in render_pages(pdf, dpi):
            if progress is not None:
                progress(painted, total)
            if painted:
                printer.newPage()
            image = page_qimage(page)
            size = image.size().scaled(area.size(), Qt.KeepAspectRatio)
            painter.drawImage(QRectF(0, 0, size.width(), size.height()), image)
            painted += 1
        return painted
    finally:
        painter.end()


def print_pdf(parent, pdf: str) -> None:
    printer = QPrinter(QPrinter.HighResolution)
    printer.setDocName(pdf)
    dialog = QPrintDialog(printer, parent)
    dialog.setObjectName("printDialog")
    if dialog.exec() != QPrintDialog.Accepted:
        return
    dpi = min(printer.resolution(), 200)

    def done(count: int) -> None:
        parent.ctx.show_status(QCoreApplication.translate("DocumentsPrinting", "Sent %1 page(s) to the printer.")
                               .replace("%1", str(count)))

    title = QCoreApplication.translate("DocumentsPrinting", "Preparing pages for the printer…")
    parent.ctx.query(parent, lambda progress: paint_pages(printer, pdf, dpi, progress), done, failed=parent._failed,
                     progress=title)
