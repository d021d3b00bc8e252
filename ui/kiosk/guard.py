"""Keeps the kiosk in front: full screen, on top, and the focus taken back whenever it is lost
(Alt+Tab, another program's window, a minimise). Only the kiosk's own dialogs (leaving) may take the focus.

The operating system's own kiosk mode (Windows assigned access, a Linux autostart session: see README)
is what makes the door PC fully locked; this guard makes the window itself hard to leave."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

RECLAIM_MS = 150  # after losing the focus: long enough for the window manager to finish its switch
PATROL_MS = 1000  # a backstop for focus changes that send the kiosk no event


class KioskGuard(QObject):
    def __init__(self, kiosk: QWidget):
        super().__init__(kiosk)
        self.kiosk = kiosk
        self.active = True
        kiosk.setWindowFlag(Qt.WindowStaysOnTopHint, True)
        kiosk.installEventFilter(self)
        self._reclaim = QTimer(self, singleShot=True, interval=RECLAIM_MS, timeout=self.reclaim)
        self._patrol = QTimer(self, interval=PATROL_MS, timeout=self.reclaim)
        self._patrol.start()

    def stop(self) -> None:
        self.active = False
        self._reclaim.stop()
        self._patrol.stop()

    def _own_window_active(self) -> bool:
        """The kiosk itself, or one of its own dialogs (the leave dialog), has the focus."""
        active = QApplication.activeModalWidget() or QApplication.activeWindow()
        while active is not None:
            if active is self.kiosk:
                return True
            active = active.parentWidget()
        return False

    def reclaim(self) -> None:
        kiosk = self.kiosk
        if not self.active or not kiosk.isVisible():
            return
        if not kiosk.isFullScreen() or kiosk.isMinimized():
            kiosk.setWindowState((kiosk.windowState() & ~Qt.WindowMinimized) | Qt.WindowFullScreen)
            kiosk.showFullScreen()
        if self._own_window_active():
            return
        kiosk.raise_()
        kiosk.activateWindow()
        handle = kiosk.windowHandle()
        if handle is not None:
            handle.requestActivate()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if watched is self.kiosk and self.active:
            kind = event.type()
            if kind == QEvent.WindowStateChange and (self.kiosk.isMinimized() or not self.kiosk.isFullScreen()):
                self._reclaim.start()
            elif kind in (QEvent.WindowDeactivate, QEvent.ActivationChange, QEvent.Hide) \
                    and not self.kiosk.isActiveWindow():
                self._reclaim.start()
        return False
