"""Kiosk punch latency, from Enter to the confirmation on screen, on a database holding a year of
punches for 500 people — beside a bare sqlite3 insert+commit with the same synchronous setting."""

from __future__ import annotations

import os
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from bench.core import Result

SCENARIO = "punch"
SAMPLES = 200


def _bare_insert_ms(folder: Path, samples: int) -> float:
    con = sqlite3.connect(folder / "bare.db", isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    con.execute("CREATE TABLE punch (id INTEGER PRIMARY KEY, employee_id INTEGER, at TEXT)")
    times = []
    for i in range(samples):
        start = time.perf_counter()
        con.execute("BEGIN IMMEDIATE")
        con.execute("INSERT INTO punch (employee_id, at) VALUES (?, datetime('now'))", (i,))
        con.execute("COMMIT")
        times.append((time.perf_counter() - start) * 1000)
    con.close()
    return statistics.median(times)


def run() -> list[Result]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from bench.attendance_data import PEOPLE, working_copy

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SHOPTEAM_HOME"] = tmp
        path = working_copy(Path(tmp))
        from app.db import open_database, set_current
        from ui.app import make_application
        from ui.kiosk.window import KioskWindow

        open_database(str(path))
        app = make_application()
        window = KioskWindow()
        window.show()
        app.processEvents()
        times = []
        for i in range(1, min(SAMPLES, PEOPLE) + 1):
            window.input.setText(f"BADGE{i:05d}")
            start = time.perf_counter()
            window.submit()  # what Enter does: the punch is committed, then the answer is shown
            times.append((time.perf_counter() - start) * 1000)
            assert window.status.text(), "no confirmation shown"
        window._may_close = True
        window.close()
        set_current(None)
        baseline = _bare_insert_ms(Path(tmp), SAMPLES)
    figure = statistics.median(times)
    return [Result("kiosk badge punch (Enter -> confirmation)", figure, baseline, "ms", "median <= 5 ms",
                   f"p95 {sorted(times)[int(len(times) * 0.95)]:.2f} ms; baseline: bare sqlite3 insert+commit, WAL, synchronous=FULL")]
