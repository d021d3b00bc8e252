"""Kiosk punch latency, from Enter to the confirmation on screen, on a database holding a year of
punches for 500 people — beside a bare sqlite3 insert+commit with the same synchronous setting."""

from __future__ import annotations

import os
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from bench.core import Result, StatementClock, forget_log_files, machine_load

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


def _bare_pg_insert_ms(url: str, samples: int) -> float:
    """The same floor on PostgreSQL over loopback: one insert and commit through psycopg."""
    import psycopg

    from bench import engines

    with psycopg.connect(engines._admin_conninfo(url)) as con:
        con.execute("CREATE TEMP TABLE bare_punch (id serial PRIMARY KEY, employee_id integer, at timestamp)")
        con.commit()
        times = []
        for i in range(samples):
            start = time.perf_counter()
            con.execute("INSERT INTO bare_punch (employee_id, at) VALUES (%s, now())", (i,))
            con.commit()
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def kiosk_punches(db, codes: list[str]) -> tuple[list[float], ...]:
    """Each badge of ``codes`` punched at a kiosk window on the open database ``db``, Enter to the
    confirmation on screen. Per punch: wall ms, statements, CPU ms, ms in the driver, ms committing
    (bench chain punches the same way)."""
    from app.services.punches import prepare_kiosk
    from ui import operations
    from ui.app import make_application
    from ui.kiosk.window import KioskWindow

    prepare_kiosk()  # what the kiosk does at its start (ui/kiosk/app.py), before anyone punches
    app = make_application()
    window = KioskWindow()
    window.show()
    app.processEvents()
    clock = StatementClock(db.engine)  # where each punch's time goes: statements, commit, the rest
    times, per_punch, cpu, in_sql, in_commit = [], [], [], [], []
    for code in codes:
        window.input.setText(code)
        window._key_times = [float(k) for k in range(len(code) + 1)]  # a reader's burst: 1 ms a key
        clock.reset()
        start, start_cpu = time.perf_counter(), time.thread_time()
        window.submit()  # what Enter does: the punch is committed, then the answer is shown
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.thread_time() - start_cpu) * 1000)
        per_punch.append(clock.statements)
        in_sql.append(clock.execute_ms)
        in_commit.append(clock.commit_ms)
        assert window.status.text(), "no confirmation shown"
        operations.drain()  # the month panel's look-up after the answer: before the next person, untimed
    clock.close()
    window._may_close = True
    window.close()
    return times, per_punch, cpu, in_sql, in_commit


def run(engine: str = "sqlite") -> list[Result]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from bench import engines
    from bench.attendance_data import PEOPLE, working_copy

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SHOPTEAM_HOME"] = tmp
        path = working_copy(Path(tmp))
        where = engines.location(engine, path)
        from app.db import open_database, set_current

        db = open_database(where)
        times, per_punch, cpu, in_sql, in_commit = kiosk_punches(
            db, [f"BADGE{i:05d}" for i in range(1, min(SAMPLES, PEOPLE) + 1)])
        load = machine_load()
        set_current(None)
        forget_log_files(tmp)
        if engine == "sqlite":
            baseline, floor = _bare_insert_ms(Path(tmp), SAMPLES), "bare sqlite3 insert+commit, WAL, synchronous=FULL"
        else:
            baseline, floor = _bare_pg_insert_ms(where, SAMPLES), "bare psycopg insert+commit over loopback"
            engines.drop(where)
    figure = statistics.median(times)
    p95 = sorted(times)[int(len(times) * 0.95)]
    trips = statistics.median(per_punch)
    commit, sql, busy = statistics.median(in_commit), statistics.median(in_sql), statistics.median(cpu)
    why = (f"of the median {figure:.2f} ms this thread ran {busy:.2f} ms on a core (Python, SQLAlchemy, Qt; on SQLite "
           f"the driver too) and was off it {max(0.0, figure - busy):.2f} ms; in the driver its {trips:.0f} statements "
           f"took {sql:.2f} ms (round trips to the server on PostgreSQL) and the commit {commit:.2f} ms (a whole bare "
           f"insert+commit: {baseline:.2f} ms); {load}")
    target = "median <= 3 ms, p95 <= 6 ms" if engine == "sqlite" else "median <= 10 ms"
    return [Result("kiosk badge punch (Enter -> confirmation)", figure, baseline, "ms", target,
                   f"p95 {p95:.2f} ms; CPU {statistics.median(cpu):.2f} ms of it; {trips:.0f} statements a punch (BEGIN and COMMIT not counted); "
                   f"baseline: {floor}", extra={"p95": p95}, why=why)]
