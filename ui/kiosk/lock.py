"""One PC, two faces: when the kiosk starts, the office window on the same PC locks back to the login.

The office app listens on a local socket named after the OS user; a kiosk started in another process
(`python -m app kiosk`) connects and says so. A kiosk opened from the office window's Tools menu locks
that window directly (MainWindow.lock_for_kiosk).
"""

from __future__ import annotations

import getpass
import re

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

MESSAGE = b"kiosk-started\n"


def server_name() -> str:
    try:
        user = getpass.getuser()
    except Exception:  # no user name in the environment: one name for the whole PC
        user = "shared"
    return "shopteam-office-" + re.sub(r"[^A-Za-z0-9_-]", "_", user)


class OfficeLockListener(QObject):
    """Lives in the office app; emits `kiosk_started` when a kiosk on this PC announces itself."""

    kiosk_started = Signal()

    def __init__(self, name: str | None = None, parent=None):
        super().__init__(parent)
        self.name = name or server_name()
        self.server = QLocalServer(self)
        self.server.newConnection.connect(self._on_connection)
        if not self.server.listen(self.name):  # a stale socket file left by a crash
            QLocalServer.removeServer(self.name)
            self.server.listen(self.name)

    def _on_connection(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.setParent(self)
            socket.readyRead.connect(self._read)

    def _read(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket) and MESSAGE.strip() in bytes(socket.readAll()):
            socket.abort()
            self.kiosk_started.emit()

    def close(self) -> None:
        for socket in self.findChildren(QLocalSocket):
            socket.readyRead.disconnect(self._read)
            socket.abort()
        self.server.close()


def announce_kiosk_started(name: str | None = None, timeout_ms: int = 500) -> bool:
    """Tell an office window on this PC to lock. False when none is running (the usual door PC)."""
    socket = QLocalSocket()
    socket.connectToServer(name or server_name())
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(MESSAGE)
    socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return True
