"""Unexpected errors: written to the log and shown in a dialog whose details can be copied.

``install_excepthooks()`` replaces ``sys.excepthook`` and ``threading.excepthook``. An exception in
another thread is handed to the UI thread by a queued signal: widgets are only touched there.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QPushButton,
                               QVBoxLayout, QWidget)

from app.logs import log_folder

log = logging.getLogger("shopteam.ui")


class ErrorDialog(QDialog):
    """"Something went wrong": a plain sentence, the details folded below, a copy button."""

    def __init__(self, summary: str, details: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("errorDialog")
        self.setWindowTitle(self.tr("Unexpected error"))
        self.resize(620, 380)
        layout = QVBoxLayout(self)
        message = QLabel(self.tr("ShopTeam hit an unexpected error. The details below are also in the log file "
                                 "(Help ▸ Open log folder):\n%1")
                         .replace("%1", str(log_folder())), objectName="errorSummary")
        message.setWordWrap(True)
        message.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(message)
        layout.addWidget(QLabel(summary, objectName="errorLine", wordWrap=True))
        self.details = QPlainTextEdit(details, objectName="errorDetails", readOnly=True)
        layout.addWidget(self.details, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        self.copy_button = QPushButton(self.tr("Copy details"), objectName="copyDetailsButton")
        buttons.addButton(self.copy_button, QDialogButtonBox.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())
        self.copy_button.setText(self.tr("Copied"))


def format_exception(exc_type, exc, tb) -> tuple[str, str]:
    summary = f"{exc_type.__name__}: {exc}"
    return summary, "".join(traceback.format_exception(exc_type, exc, tb))


class _Reporter(QObject):
    """Lives on the UI thread; a report from any thread is queued to it."""

    report = Signal(str, str)

    def __init__(self):
        super().__init__()
        self.report.connect(self._show, Qt.QueuedConnection)
        self.shown: list[ErrorDialog] = []

    def _show(self, summary: str, details: str) -> None:
        parent = QApplication.activeWindow()
        dialog = ErrorDialog(summary, details, parent)
        self.shown.append(dialog)
        dialog.finished.connect(lambda _r, d=dialog: self._forget(d))
        dialog.open()  # not exec(): an error inside a nested loop must not stack loops

    def _forget(self, dialog: ErrorDialog) -> None:
        if dialog in self.shown:
            self.shown.remove(dialog)
        dialog.deleteLater()


_reporter: _Reporter | None = None


def reporter() -> _Reporter:
    global _reporter
    if _reporter is None:
        _reporter = _Reporter()
    return _reporter


def report_exception(exc_type, exc, tb, where: str = "") -> None:
    """Log an unexpected exception and show it (from any thread)."""
    log.error("Unexpected error%s", f" in {where}" if where else "", exc_info=(exc_type, exc, tb))
    summary, details = format_exception(exc_type, exc, tb)
    if QApplication.instance() is not None:
        reporter().report.emit(summary, details)


def _sys_hook(exc_type, exc, tb) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    report_exception(exc_type, exc, tb)


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is SystemExit:
        return
    name = args.thread.name if args.thread is not None else "thread"
    report_exception(args.exc_type, args.exc_value, args.exc_traceback, where=name)


def install_excepthooks() -> None:
    reporter()  # created on the UI thread, so queued reports arrive there
    sys.excepthook = _sys_hook
    threading.excepthook = _thread_hook
