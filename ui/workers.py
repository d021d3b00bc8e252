"""Long work with a progress dialog and Cancel: a thin front to ui/operations.py.

``run_with_progress(parent, title, fn(progress), on_done, on_error)`` is an operation with
progress; its changes go to the dispatcher of the nearest parent that has a ShellContext.
New code calls ``ctx.write(..., progress=title)`` directly.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtWidgets import QWidget

from ui.operations import Cancelled, Operation, executor, run

Job = Operation
pool = executor
__all__ = ["Cancelled", "Job", "pool", "run_with_progress"]


def _bus_of(widget):
    while widget is not None:
        ctx = getattr(widget, "ctx", None)
        if ctx is not None and hasattr(ctx, "bus"):
            return ctx.bus
        widget = widget.parent()
    return None


def run_with_progress(parent: QWidget, title: str, fn, on_done: Callable[[Any], None],
                      on_error: Callable[[str], None] | None = None, separate_process: bool = False) -> Operation:
    """Run ``fn(progress)`` on the executor with a modal progress dialog that can cancel it
    (``separate_process``: in a child process, see ui/operations.py)."""
    return run(parent, fn, on_done, failed=on_error, progress=title, bus=_bus_of(parent),
               separate_process=separate_process)
