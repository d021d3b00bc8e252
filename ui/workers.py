"""Long work off the UI thread: one background worker, progress, cancel, results by signal.

A job is a function taking ``progress(done, total)``; calling progress after cancel raises
``Cancelled`` inside the job, so the service's transaction rolls back and nothing changes.
"""

from __future__ import annotations

import threading
import traceback
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from app.errors import ShopTeamError


class Cancelled(Exception):
    pass


class _Signals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()


class Job(QRunnable):
    def __init__(self, fn: Callable[[Callable[[int, int], None]], Any]):
        super().__init__()
        self.fn = fn
        self.signals = _Signals()
        self._cancel = threading.Event()
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self._cancel.set()

    def _progress(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise Cancelled()
        self.signals.progress.emit(done, total)

    def run(self) -> None:
        try:
            result = self.fn(self._progress)
        except Cancelled:
            self.signals.cancelled.emit()
        except ShopTeamError as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # an unexpected bug: show it, do not crash the window
            traceback.print_exc()
            self.signals.failed.emit(f"{exc.__class__.__name__}: {exc}")
        else:
            self.signals.finished.emit(result)


_pool: QThreadPool | None = None
_running: set[Job] = set()


def pool() -> QThreadPool:
    """One writer at a time, like Anki's collection executor."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)
    return _pool


def run_with_progress(parent: QWidget, title: str, fn, on_done: Callable[[Any], None],
                      on_error: Callable[[str], None] | None = None) -> Job:
    """Run ``fn(progress)`` in the worker with a modal progress dialog that can cancel it."""
    dialog = QProgressDialog(title, QCoreApplication.translate("Worker", "Cancel"), 0, 0, parent)
    dialog.setObjectName("progressDialog")
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    job = Job(fn)
    _running.add(job)

    def progress(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))

    def finish() -> None:
        _running.discard(job)
        dialog.close()
        dialog.deleteLater()

    def done(result) -> None:
        finish()
        on_done(result)

    def failed(message: str) -> None:
        finish()
        if on_error:
            on_error(message)
        else:
            QMessageBox.warning(parent, title, message)

    job.signals.progress.connect(progress)
    job.signals.finished.connect(done)
    job.signals.failed.connect(failed)
    job.signals.cancelled.connect(finish)
    dialog.canceled.connect(job.cancel)
    pool().start(job)
    return job
