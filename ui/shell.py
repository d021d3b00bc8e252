"""What a tab receives from the main window: who is acting, the change bus, and helpers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QObject, Signal

from app.services.context import Actor
from app.services.permissions import can


class ChangeBus(QObject):
    """Broadcasts which areas changed ("employees", "attendance", ..., or "*" for everything).

    Services return what they changed; the window emits it here and every tab refreshes
    only what is affected. Changes made by another PC arrive as "*" from the poller.
    """

    changed = Signal(object)  # a set of area names

    def emit_changed(self, *areas: str) -> None:
        self.changed.emit(set(areas))


@dataclass
class ShellContext:
    actor: Actor
    bus: ChangeBus
    show_status: Callable[[str], None]  # a message in the status bar
    database_name: str = ""

    def can(self, permission: str) -> bool:
        return can(self.actor, permission)
