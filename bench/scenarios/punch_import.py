"""A year of clock history for 500 people (about 400,000 punches in a ZKTeco attlog.dat) imported
through the service, beside a bare ``executemany`` of the same rows into the same schema on the same
engine (sqlite3, or psycopg over loopback into a database loaded like the import's)."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import tempfile
import time as clock
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta
from pathlib import Path

from bench.core import Result, machine_load, statement_clock

SCENARIO = "punch_import"
PEOPLE = 500
FIRST = date(2025, 1, 6)  # a Monday; 40 weeks of working days: 500 x 200 days x 4 = 400,000 punches
WEEKS = 40


def _punches() -> list[tuple[int, datetime]]:
    rows = []
    for week in range(WEEKS):
        for wd in range(5):
            day = FIRST + timedelta(days=7 * week + wd)
            for person in range(1, PEOPLE + 1):
                rnd = random.Random(person * 100003 + day.toordinal())
                for base, spread in ((495, 14), (720, 8), (795, 14), (1050, 20)):
                    minutes = base + rnd.randint(0, spread)
                    rows.append((person, datetime.combine(day, time(minutes // 60, minutes % 60, rnd.randint(0, 59)))))
    return rows


def _write_attlog(path: Path, rows) -> None:
    with path.open("w", encoding="ascii", newline="\r\n") as fh:
        for person, at in rows:
            fh.write(f"{1000 + person:>9}\t{at:%Y-%m-%d %H:%M:%S}\t1\t{random.randint(0, 1)}\t1\t0\n")


def _empty_db(folder: Path) -> Path:
    from app import schema
    from app.db import Database

    path = folder / "empty.db"
    db = Database("sqlite:///" + str(path))
    schema.upgrade(db.engine)
    db.dispose()
    con = sqlite3.connect(path)
    con.executemany("INSERT INTO employee (id, employee_no, name, hire_date, status, phone, clock_no, created_at) "
                    "VALUES (?, ?, ?, '2024-01-01', 'active', '', ?, '2024-01-01 09:00:00.000000')",
                    [(i, f"P{i:04d}", f"员工{i:04d}", str(1000 + i)) for i in range(1, PEOPLE + 1)])
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return path


def _bare_executemany(db: Path, rows) -> float:
    """The floor: the same rows, already parsed, in one executemany into the same table and indexes."""
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    con.execute("PRAGMA cache_size=-262144")  # the same page cache the import uses
    stamp = "2026-01-01 09:00:00.000000"
    start, cpu = clock.perf_counter(), clock.process_time()
    data = [(person, at.strftime("%Y-%m-%d %H:%M:%S.%f"), "import", stamp, "bench", "attlog.dat") for person, at in rows]
    con.execute("BEGIN IMMEDIATE")
    con.executemany("INSERT INTO punch (employee_id, at, source, recorded_at, recorded_by, note) VALUES (?,?,?,?,?,?)", data)
    con.execute("COMMIT")
    elapsed = clock.perf_counter() - start, clock.process_time() - cpu
    con.close()
    return elapsed


def _bare_pg_executemany(url: str, rows) -> tuple[float, float]:
    """The same floor on PostgreSQL: one psycopg executemany (pipelined) of the same rows, one commit."""
    import psycopg

    from bench import engines

    stamp = datetime(2026, 1, 1, 9)
    with psycopg.connect(engines._admin_conninfo(url)) as con:
        start, cpu = clock.perf_counter(), clock.process_time()
        data = [(person, at, "import", stamp, "bench", "attlog.dat") for person, at in rows]
        with con.cursor() as cur:
            cur.executemany("INSERT INTO punch (employee_id, at, source, recorded_at, recorded_by, note) "
                            "VALUES (%s, %s, %s, %s, %s, %s)", data)
        con.commit()
        return clock.perf_counter() - start, clock.process_time() - cpu


@contextmanager
def _phases():
    """Where an import's time goes, by phase (wall seconds, and calls): the service's own functions
    wrapped for the run, so the driver's bulk calls (which SQLAlchemy's events do not see) count too."""
    from app.services import coverage, punch_bulk, punch_import

    spent: dict[str, list] = {}
    wrapped = [(punch_import, "finish_interrupted", "finish interrupted runs"),
               (punch_import, "_read", "read the file"), (punch_import, "_plan", "match"),
               (punch_import, "_dedupe", "de-duplicate"), (punch_import, "_summary", "count"),
               (punch_bulk, "at_texts", "times as text"), (punch_bulk, "encode", "keep the plan"),
               (punch_import, "_kiosk_in_use_now", "kiosk in use?"),
               (punch_bulk, "insert", "store (driver)"), (punch_bulk, "chunk_rows", "digest rows"),
               (coverage, "chunk_cover", "digest"), (punch_import, "_checkpoint", "checkpoint"),
               (punch_import.time, "sleep", "pauses for a kiosk")]
    saved = []
    for owner, name, label in wrapped:
        original = getattr(owner, name)
        saved.append((owner, name, original))

        def timed(*args, _original=original, _label=label, **kwargs):
            start = clock.perf_counter()
            try:
                return _original(*args, **kwargs)
            finally:
                entry = spent.setdefault(_label, [0.0, 0])
                entry[0] += clock.perf_counter() - start
                entry[1] += 1

        setattr(owner, name, timed)
    try:
        yield spent
    finally:
        for owner, name, original in saved:
            setattr(owner, name, original)


def _spent_text(spent: dict[str, list]) -> str:
    return ", ".join(f"{label} {secs:.1f} s" + (f" ({calls}x)" if calls > 1 else "") for label, (secs, calls) in spent.items())


def run(engine: str = "sqlite") -> list[Result]:
    from bench import engines

    rows = _punches()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["SHOPTEAM_HOME"] = tmp
        attlog = folder / "1_attlog.dat"
        _write_attlog(attlog, rows)
        empty = _empty_db(folder)
        if engine == engines.SQLITE:
            bare_db = folder / "bare.db"
            shutil.copy(empty, bare_db)
            baseline = _bare_executemany(bare_db, rows)
            floor = "bare sqlite3 executemany of the same rows"
        else:
            bare_url = engines.location(engine, empty)
            baseline = _bare_pg_executemany(bare_url, rows)
            engines.drop(bare_url)
            floor = "bare psycopg executemany of the same rows over loopback"

        from app.db import open_database, set_current
        from app.services.context import Actor
        from app.services.punch_import import import_punches

        work = folder / "work.db"
        shutil.copy(empty, work)
        where = engines.location(engine, work)
        db = open_database(where)
        actor = Actor.system("bench")
        with statement_clock(db.engine) as sql, _phases() as spent:  # where the time goes
            start, cpu = clock.perf_counter(), clock.process_time()
            first = import_punches(actor, attlog)
            figure, figure_cpu = clock.perf_counter() - start, clock.process_time() - cpu
        why = (f"the floor itself (a bare executemany of the same rows, one commit) takes {baseline[0]:.1f} s here; "
               f"the import's phases: {_spent_text(spent)}; its other {sql.statements} statements took "
               f"{sql.execute_ms / 1000:.1f} s in the driver and its commits {sql.commit_ms / 1000:.1f} s; this process "
               f"used {figure_cpu:.1f} s of CPU in its {figure:.1f} s; {machine_load()}")
        start = clock.perf_counter()
        again = import_punches(actor, attlog)
        reimport = clock.perf_counter() - start
        set_current(None)
        if engine != engines.SQLITE:
            engines.drop(where)
    assert first["added"] == len(rows) and again["added"] == 0, (first["added"], again["added"])
    note = f"{len(rows):,} punches, {PEOPLE} people; baseline: {floor}"
    # the machine is shared: CPU seconds of this process beside wall-clock seconds tell load from cost
    return [Result("attlog import, 400k punches (wall)", figure, baseline[0], "s", "<= 10 s, ratio <= 10", note,
                   why=why),
            Result("attlog import, 400k punches (CPU)", figure_cpu, baseline[1], "s", "", "process CPU time, same run"),
            Result("re-import of the same file (adds 0)", reimport, baseline[0], "s", "", "the same baseline")]
