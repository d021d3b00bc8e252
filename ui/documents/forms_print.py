"""Printing one paper form from anywhere in the window (the org tab's job description, a blank
appraisal form): choose where to write it, write it in the worker, say where it went."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from app.services import forms as form_svc
from ui.widgets.file_dialogs import save_file
from ui.workers import run_with_progress


def write_form_to(parent, ctx, kind: str, target: str, open_after: bool = False, **params):
    """Write the form to ``target`` in the worker; returns the job."""
    def done(result: dict) -> None:
        ctx.show_status(QCoreApplication.translate("FormPrinting", "PDF written: %1").replace("%1", result["path"]))
        if open_after:
            QDesktopServices.openUrl(QUrl.fromLocalFile(result["path"]))

    def failed(message: str) -> None:
        box = QMessageBox(QMessageBox.Warning, QCoreApplication.translate("FormPrinting", "Print form"), message, parent=parent)
        box.setObjectName("formPrintErrorBox")
        box.exec()

    def job(progress):
        progress(0, 1)
        return form_svc.write_form(ctx.actor, kind, target, **params)

    return run_with_progress(parent, QCoreApplication.translate("FormPrinting", "Writing the PDF…"), job, done, failed)


def print_form(parent, ctx, kind: str, default_name: str, **params):
    target = save_file(parent, f"documents/{kind}", QCoreApplication.translate("FormPrinting", "Write PDF"), default_name,
                       QCoreApplication.translate("FormPrinting", "PDF (*.pdf)"))
    if target:
        return write_form_to(parent, ctx, kind, target, open_after=True, **params)
    return None
