"""Allocation-heavy work without the cyclic garbage collector's pauses.

Judging a month allocates tens of thousands of small tuples and verdicts. Python's cyclic collector
counts allocations and, every so often, walks every object the process holds: measured in the
monthly summary, that was 150-200 ms of a 400 ms call. What this work allocates has no reference
cycles and is freed by reference counting, so the collector is paused while it runs and resumes as it
was afterwards. Nesting and threads: the first to enter pauses it, the last to leave resumes it.
"""

from __future__ import annotations

import gc
import threading
from contextlib import contextmanager
from typing import Iterator

_lock = threading.Lock()
_depth = 0
_was_enabled = True


@contextmanager
def no_gc_pauses() -> Iterator[None]:
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
