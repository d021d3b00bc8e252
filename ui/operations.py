"""Operations: every user action runs on the one background executor and reports what it changed.

Modelled on Anki's ``CollectionOp`` / ``QueryOp`` (qt/aqt/operations): the action is a plain
function over ``app.services``; it runs on a single worker thread (one writer at a time, in the
order the user asked), its result comes back to the UI thread by signal, and a write's change set
(collected from the audit rows it wrote, see app/services/changes.py) goes to the window's
dispatcher, which tells every tab what changed. A query is the same without a change set.

    ctx.write(self, lambda: svc.move_task(actor, no, "done"), self._moved)
    ctx.query(self, lambda: svc.board(actor), self._show_board)
    ctx.write(self, lambda progress: import_punches(actor, path, progress), done, progress=title)

With ``progress=`` the function takes ``progress(done, total)`` and a modal dialog shows it with a
Cancel button; cancelling raises ``Cancelled`` inside the function, so its transaction rolls back.

``separate_process=True`` (big imports) runs the function in a child process instead (app/offload.py):
the executor thread only waits on a pipe, so minutes of parsing and inserting never take the GIL
from the UI thread. The function must pickle: ``functools.partial(import_punches, actor, path)``.
A user's mistake (``ShopTeamError``) is shown as a warning, or handed to ``failed``; anything else
is a bug: logged and shown with its details (ui/errors.py).
"""

from __future__ import annotations

import gc
import logging
import sys
import threading
from typing import Any, Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from app import offload
from app.errors import ShopTeamError
from app.services import changes
from app.services.changes import ChangeSet

log = logging.getLogger("shopteam.operations")


class Cancelled(Exception):
    """Raised inside an operation's function when the user pressed Cancel."""


class _Signals(QObject):
    progress = Signal(int, int)
    finished = Signal(object, object)  # result, ChangeSet
    failed = Signal(object)  # (exc_type, exc, tb)
    cancelled = Signal()


class Operation(QRunnable):
    """One unit of work on the executor. ``takes_progress``: call ``fn(progress)`` instead of ``fn()``."""

    def __init__(self, fn: Callable[..., Any], takes_progress: bool = False, separate_process: bool = False):
        super().__init__()
        self.fn = fn
        self.takes_progress = takes_progress
        self.separate_process = separate_process
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
            if self.separate_process:
                result, change_set = offload.run(self._call_in_child, self.signals.progress.emit, self._cancel.is_set)
            else:
                with changes.collecting() as collected:
                    result = self.fn(self._progress) if self.takes_progress else self.fn()
                change_set = collected.change_set()
        except (Cancelled, offload.Cancelled):
            self._emit(self.signals.cancelled)
        except Exception:
            self._emit(self.signals.failed, sys.exc_info())
        else:
            self._emit(self.signals.finished, result, change_set)

    @property
    def _call_in_child(self) -> Callable[..., Any]:
        return self.fn if self.takes_progress else _ignore_progress(self.fn)

    def _emit(self, signal, *args) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the receiving side is gone (the app is quitting): nothing to hand back to
            log.warning("an operation finished after its receiver was deleted", exc_info=True)


class _ignore_progress:
    """``fn()`` called as ``fn(progress)`` (a class, not a closure, so that it pickles)."""

    def __init__(self, fn: Callable[[], Any]):
        self.fn = fn

    def __call__(self, _progress) -> Any:
        return self.fn()


_executor: QThreadPool | None = None
_running: set[Operation] = set()  # keeps Python references alive until the result is delivered


def executor() -> QThreadPool:
    """The one background thread every operation runs on (Anki's collection executor has one too)."""
    global _executor
    if _executor is None:
        _executor = QThreadPool()
        _executor.setObjectName("shopteamExecutor")
        _executor.setMaxThreadCount(1)
    return _executor


_heap_kept = False


def keep_startup_heap_out_of_collections() -> None:
    """Once the first window is up: move every object alive then (modules, classes, widgets) out of
    the garbage collector's reach (``gc.freeze``). A full collection walks every tracked object with
    the GIL held; started by an allocation on the executor thread (a month load builds thousands of
    rows) it froze the window for ~180 ms in the middle of an operation. What start-up built lives as
    long as the program; what comes later is still collected. Once per process: a later window's
    cycles must stay collectable."""
    global _heap_kept
    if not _heap_kept:
        _heap_kept = True
        gc.freeze()


def wait_idle(msecs: int = 30000) -> bool:
    """Block until every queued operation has run (quitting, switching databases, tests)."""
    return executor().waitForDone(msecs)


def drain(msecs: int = 30000) -> None:
    """Run every queued operation and deliver its result, including the reloads its changes start.

    For a caller that must see the outcome before going on (tests, a scripted check)."""
    from PySide6.QtCore import QDeadlineTimer

    deadline = QDeadlineTimer(msecs)
    QCoreApplication.sendPostedEvents()  # an operation started from the event loop (e.g. the kiosk's month look-up)
    QCoreApplication.processEvents()
    while _running and not deadline.hasExpired():
        executor().waitForDone(max(1, deadline.remainingTime()))
        QCoreApplication.sendPostedEvents()
        QCoreApplication.processEvents()


def _alive(widget: QWidget | None) -> bool:
    return widget is None or shiboken6.isValid(widget)


def run(parent: QWidget | None, fn: Callable[..., Any], done: Callable[[Any], Any] | None = None, *,
        failed: Callable[[str], Any] | None = None, progress: str | None = None,
        bus=None, separate_process: bool = False) -> Operation:
    """Run ``fn`` on the executor (or, ``separate_process``, in a child process it waits for);
    ``done(result)`` on the UI thread; a write's changes go to ``bus``."""
    op = Operation(fn, takes_progress=progress is not None, separate_process=separate_process)
    _running.add(op)
    dialog = _progress_dialog(parent, progress, op) if progress is not None else None

    def finish() -> None:
        _running.discard(op)
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.close()
            dialog.deleteLater()

    def on_finished(result, change_set: ChangeSet) -> None:
        finish()
        try:
            if done is not None and _alive(parent):
                done(result)
        finally:
            if bus is not None and change_set and shiboken6.isValid(bus):
                bus.broadcast(change_set)

    def on_failed(info) -> None:
        finish()
        exc_type, exc, tb = info
        if isinstance(exc, ShopTeamError):
            if failed is not None:
                failed(str(exc))
            elif _alive(parent):
                title = progress or QCoreApplication.translate("Operations", "ShopTeam")
                QMessageBox.warning(parent, title, str(exc))
            return
        from ui.errors import report_exception

        report_exception(exc_type, exc, tb, where="operation")
        if failed is not None:
            failed(f"{exc_type.__name__}: {exc}")

    op.signals.finished.connect(on_finished, Qt.QueuedConnection)
    op.signals.failed.connect(on_failed, Qt.QueuedConnection)
    op.signals.cancelled.connect(finish, Qt.QueuedConnection)
    executor().start(op)
    return op


def _progress_dialog(parent, title: str, op: Operation) -> QProgressDialog:
    dialog = QProgressDialog(title, QCoreApplication.translate("Operations", "Cancel"), 0, 0, parent)
    dialog.setObjectName("progressDialog")
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def show(done: int, total: int) -> None:
        if shiboken6.isValid(dialog):
            dialog.setMaximum(max(total, 1))
            dialog.setValue(min(done, max(total, 1)))

    op.signals.progress.connect(show, Qt.QueuedConnection)
    dialog.canceled.connect(op.cancel)
    return dialog


class ReloadGate:
    """One load of a view at a time: a reload asked while one is queued or running is run once after
    it, not once per ask. A burst of changes (an import's chunks, a kiosk punching every few seconds,
    all seen by the watcher) then costs one extra load, never a queue of loads on the one executor."""

    def __init__(self, start: Callable[[], None]):
        self._start = start
        self._busy = False
        self._again = False

    def ask(self) -> None:
        if self._busy:
            self._again = True
            return
        self._busy = True
        self._start()

    def landed(self) -> None:
        """The load's result (or failure) arrived on the UI thread."""
        self._busy = False
        if self._again:
            self._again = False
            self.ask()

    @property
    def busy(self) -> bool:
        return self._busy


class ChangeDispatcher(QObject):
    """The one place changes are broadcast from: the window's own operations and the watcher.

    ``changed`` carries a ``ChangeSet`` (``"tasks" in changes`` works like a set of area names).
    A change seen twice (an operation's own rows read back by the watcher) is broadcast once.
    """

    changed = Signal(object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._seen: set[int] = set()

    def broadcast(self, change_set: ChangeSet) -> None:
        if change_set.audit_ids:
            fresh = change_set.audit_ids - self._seen
            if not fresh:
                return
            self._seen |= fresh
            if len(self._seen) > 50_000:  # only recent ids can come back from the watcher
                self._seen = set(sorted(self._seen)[-10_000:])
        if change_set:
            log.debug("changed: %s", sorted(change_set.areas))
            self.changed.emit(change_set)

    def emit_areas(self, *areas: str) -> None:
        """A change that wrote no audit row (the user pressed Refresh, switched database)."""
        self.broadcast(ChangeSet.of_areas(*areas))
