"""What a tab receives from the main window: who is acting, the change dispatcher, and helpers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from app.services.context import Actor
from app.services.permissions import can
from ui import operations
from ui.operations import ChangeDispatcher

# The name tabs and tests know the dispatcher by. Tabs subscribe to ``bus.changed`` (a ChangeSet)
# through the window's refresh(areas); nobody announces changes by hand: operations do.
ChangeBus = ChangeDispatcher


@dataclass
class ShellContext:
    actor: Actor
    bus: ChangeDispatcher
    show_status: Callable[[str], None]  # a message in the status bar
    database_name: str = ""

    def can(self, permission: str) -> bool:
        return can(self.actor, permission)

    def write(self, parent, fn: Callable[..., Any], done: Callable[[Any], Any] | None = None, *,
              failed: Callable[[str], Any] | None = None, progress: str | None = None,
              separate_process: bool = False) -> operations.Operation:
        """A user action that changes data: runs on the executor (a big import in a process of its
        own, see ui/operations.py); its changes reach every tab."""
        return operations.run(parent, fn, done, failed=failed, progress=progress, bus=self.bus,
                              separate_process=separate_process)

    def query(self, parent, fn: Callable[..., Any], done: Callable[[Any], Any], *,
              failed: Callable[[str], Any] | None = None, progress: str | None = None,
              separate_process: bool = False) -> operations.Operation:
        """A read: runs on the executor, ``done(result)`` swaps the result in on the UI thread."""
        return operations.run(parent, fn, done, failed=failed, progress=progress, separate_process=separate_process)
