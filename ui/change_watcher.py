"""Noticing changes made by other windows, the kiosk or other PCs, off the UI thread.

A thread waits on ``app.services.changes.ChangeWatcher`` (SQLite ``PRAGMA data_version``,
PostgreSQL ``LISTEN``), reads the new audit rows and hands their change set to the UI thread.
A failure is logged and reported once (``failed``), then retried quietly until it works again
(``recovered``): not a message every few seconds.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QThread, Signal

from app.db import current
from app.services.changes import ChangeWatcher

log = logging.getLogger("shopteam.watcher")

WAIT_S = 0.5  # how long one wait blocks; also how quickly stop() is honoured
RETRY_S = 3.0


class ChangeWatcherThread(QThread):
    found = Signal(object)  # ChangeSet
    failed = Signal(str)
    recovered = Signal()

    def __init__(self, after_id: int | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("changeWatcher")
        self.after_id = after_id

    def run(self) -> None:
        watcher: ChangeWatcher | None = None
        failing = False
        while not self.isInterruptionRequested():
            try:
                if watcher is None:
                    watcher = ChangeWatcher(current(), after_id=self.after_id)
                if watcher.wait(WAIT_S):
                    found = watcher.changes()
                    self.after_id = watcher.last_id
                    if found:
                        self.found.emit(found)
                if failing:
                    failing = False
                    log.info("change watcher works again")
                    self.recovered.emit()
            except Exception as exc:  # the database went away: say so once, keep trying
                if watcher is not None:
                    self.after_id = watcher.last_id
                    try:
                        watcher.close()
                    except Exception:
                        pass
                    watcher = None
                if not failing:
                    failing = True
                    log.exception("change watcher failed")
                    self.failed.emit(str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__)
                for _step in range(int(RETRY_S / 0.1)):
                    if self.isInterruptionRequested():
                        break
                    self.msleep(100)
        if watcher is not None:
            watcher.close()

    def stop(self) -> None:
        self.requestInterruption()
        self.wait(5000)
