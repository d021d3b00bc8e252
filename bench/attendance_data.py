"""A bench database: 500 people with a year of punches (4 a working day), built once and cached
under bench/.data/ (bulk inserts with sqlite3, about 520,000 punches)."""

from __future__ import annotations

import random
import sqlite3
from datetime import date, datetime, time, timedelta
from pathlib import Path

PEOPLE = 500
DATA = Path(__file__).resolve().parent / ".data"
FMT = "%Y-%m-%d %H:%M:%S.%f"  # how SQLAlchemy stores a DateTime in SQLite


def _stamp(day: date, minutes: int, seconds: int) -> str:
    return datetime.combine(day, time(minutes // 60, minutes % 60, seconds)).strftime(FMT)


def build(today: date | None = None) -> Path:
    """The cached database for ``today`` (rebuilt when missing)."""
    today = today or date.today()
    DATA.mkdir(exist_ok=True)
    path = DATA / f"attendance-{PEOPLE}-{today.isoformat()}.db"
    if path.exists():
        return path
    from app.db import Database
    from app import schema

    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    db = Database("sqlite:///" + str(tmp))
    schema.upgrade(db.engine)
    db.dispose()
    con = sqlite3.connect(tmp)
    start = today - timedelta(days=365)
    created = datetime.combine(start, time(9)).strftime(FMT)
    con.executemany(
        "INSERT INTO employee (id, employee_no, name, hire_date, status, phone, badge_code, created_at) "
        "VALUES (?, ?, ?, ?, 'active', '', ?, ?)",
        [(i, f"P{i:04d}", f"员工{i:04d}", start.isoformat(), f"BADGE{i:05d}", created) for i in range(1, PEOPLE + 1)])
    rows = []
    day = start
    while day < today:
        if day.weekday() < 5:
            for i in range(1, PEOPLE + 1):
                rnd = random.Random(i * 100003 + day.toordinal())
                if rnd.random() < 0.01:
                    continue  # an occasional absence
                late = 520 if rnd.random() < 0.03 else 0
                for base, spread in ((495, 14), (720, 8), (795, 14), (1050, 20)):
                    at = _stamp(day, (late or base) + rnd.randint(0, spread), rnd.randint(0, 59))
                    rows.append((i, at, "kiosk", at, "kiosk", ""))
                    late = 0
        day += timedelta(days=1)
    con.executemany("INSERT INTO punch (employee_id, at, source, recorded_at, recorded_by, note) VALUES (?,?,?,?,?,?)", rows)
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    tmp.rename(path)
    return path


def working_copy(tmp_dir: Path, today: date | None = None) -> Path:
    """A copy a scenario may change. Its bulk-loaded punches count as written before the audit trail
    covered punches (the coverage watermark, as the migration sets it for an older shop's rows): a
    real shop's first punch of the day finds nothing to link, so neither does the bench's."""
    import shutil

    target = Path(tmp_dir) / "bench.db"
    shutil.copy(build(today), target)
    con = sqlite3.connect(target)
    con.execute("UPDATE audit_coverage SET legacy_max_id = (SELECT coalesce(max(id), 0) FROM punch) "
                "WHERE table_name = 'punch'")
    con.commit()
    con.close()
    return target
