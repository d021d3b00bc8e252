"""Work for the separate-process operations of tests/ui/test_operations_process.py: module-level
and Qt-free, so that the spawned child can unpickle and run it."""

from __future__ import annotations

import os
import time

from app.services import punch_import


def import_slowly(actor, path: str, progress) -> dict:
    """The punch import, pausing inside its write transaction (the insert's ticks, 600 of 1000 on)
    long enough for the test to press Cancel."""

    def slow(done: int, total: int) -> None:
        progress(done, total)
        if done >= 600:
            for _ in range(600):
                time.sleep(0.05)
                progress(done, total)

    return punch_import.import_punches(actor, path, slow)


def process_id() -> int:
    return os.getpid()
