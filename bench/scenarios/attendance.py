"""The monthly attendance summary for 500 people (a year of punches in the database), beside a plain
SQL scan of that month's punches."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from datetime import date, datetime
from pathlib import Path

from bench.core import Result, median_ms

SCENARIO = "attendance"


def run(engine: str = "sqlite") -> list[Result]:
    from bench import engines
    from bench.attendance_data import working_copy

    today = date.today()
    year, month = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
    first = date(year, month, 1)
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SHOPTEAM_HOME"] = tmp
        path = working_copy(Path(tmp))
        where = engines.location(engine, path)
        from app.db import open_database, set_current
        from app.services import attendance
        from app.services.attendance import monthly_summary
        from app.services.context import Actor

        open_database(where)
        actor = Actor.system("bench")
        import time

        start = time.perf_counter()
        rows = monthly_summary(actor, year, month)  # cold: the earlier months' odd days judged
        cold = (time.perf_counter() - start) * 1000
        assert len(rows) == 500 and rows[0]["days_due"] > 15
        # the same first call reading the punch rows one by one instead of the grouped scan of
        # app.services.punch_days: measured in this run, on this data, for comparison
        attendance._HISTORY_CACHE.clear()
        attendance.PRIOR_SHORTCUT = False
        start = time.perf_counter()
        full_rows = monthly_summary(actor, year, month)
        before = (time.perf_counter() - start) * 1000
        attendance.PRIOR_SHORTCUT = True
        assert full_rows == rows
        figure = median_ms(lambda: monthly_summary(actor, year, month), repeat=5, warmup=0)
        if engine == "sqlite":
            set_current(None)
            con = sqlite3.connect(path)

            def scan():
                return con.execute("SELECT employee_id, at FROM punch WHERE at >= ? AND at < ?",
                                   (f"{first} 00:00:00", f"{nxt} 00:00:00")).fetchall()
        else:  # the same scan through psycopg, no SQLAlchemy
            import psycopg

            set_current(None)
            con = psycopg.connect(engines._admin_conninfo(where))

            def scan():
                return con.execute("SELECT employee_id, at FROM punch WHERE at >= %s AND at < %s",
                                   (datetime.combine(first, datetime.min.time()),
                                    datetime.combine(nxt, datetime.min.time()))).fetchall()

        baseline = median_ms(scan, repeat=5)
        n = len(scan())
        con.close()
        if engine != "sqlite":
            engines.drop(where)
    note = f"baseline: plain SQL scan of the month's {n} punches ({datetime.now():%Y-%m-%d})"
    return [Result(f"monthly summary {year}-{month:02d}, 500 people", figure, baseline, "ms", "<= 100 ms",
                   "earlier months' absences cached by fingerprint; " + note),
            Result("  same, first call (one grouped scan per person-day)", cold, baseline, "ms",
                   "<= 300 ms" if engine == "sqlite" else "<= 600 ms", note),
            Result("  same, first call reading every punch row", before, baseline, "ms", "", "for comparison; " + note)]
