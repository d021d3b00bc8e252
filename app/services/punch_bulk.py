"""The bulk writes of a punch import, on the database driver itself, inside the caller's transaction.

SQLAlchemy's per-row parameter handling cost more than the inserts of a 400,000-punch import, so:
- `stage` appends planned punches to ``punch_import_row``: one sqlite3 ``executemany`` of text the
  way SQLAlchemy stores a datetime in a SQLite file, or one psycopg ``COPY`` on PostgreSQL;
- `move` copies a range of staged rows into ``punch`` with one ``INSERT … SELECT`` (no row passes
  through Python), skipping a staged punch that something else stored meanwhile inside its
  duplicate window;
- `stored_rows` reads back the rows an audit row wrote, for its one digest (coverage form 2).

Both engines' branches store the same punches and the same digests (tests/app/test_punch_bulk.py).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Iterable

from sqlalchemy import bindparam, text
from sqlmodel import Session

from app.models.attendance import Punch
from app.services import coverage

_STAGE_COLUMNS = "run_id, seq, employee_id, at, lo, hi"

_MOVE = text("""
INSERT INTO punch (employee_id, at, source, recorded_at, recorded_by, note, audit_id)
SELECT r.employee_id, r.at, 'import', :stamp, :who, :note, :audit
FROM punch_import_row r
WHERE r.run_id = :run AND r.seq BETWEEN :first AND :last
  AND NOT EXISTS (SELECT 1 FROM punch p WHERE p.employee_id = r.employee_id AND p.at > r.lo AND p.at < r.hi)
  AND NOT EXISTS (SELECT 1 FROM punch p WHERE p.employee_id = r.employee_id AND p.at = r.at)
ORDER BY r.seq""").bindparams(bindparam("stamp", type_=Punch.__table__.c.recorded_at.type))

_UNSTAGE = text("DELETE FROM punch_import_row WHERE run_id = :run AND seq BETWEEN :first AND :last")


def _driver(s: Session):
    """The driver's own connection of the session's transaction (begun, so BEGIN IMMEDIATE or the
    advisory lock is already taken)."""
    return s.connection().connection.driver_connection


def _sqlite_text(at: datetime) -> str:
    # SQLAlchemy's SQLite DateTime storage format ("2026-11-03 08:41:00.000000"): the unique index
    # compares this text, so a staged time must be spelled exactly as a kiosk punch's
    return at.isoformat(" ", "microseconds")


# the window's ends computed by SQLite from the staged text (C, not two more datetimes a row in
# Python): whole seconds shifted by the window, the fraction kept as written
_SQLITE_STAGE = (f"INSERT INTO punch_import_row ({_STAGE_COLUMNS}) VALUES (?1, ?2, ?3, ?4, "
                 "strftime('%Y-%m-%d %H:%M:%S', substr(?4, 1, 19), ?5) || substr(?4, 20), "
                 "strftime('%Y-%m-%d %H:%M:%S', substr(?4, 1, 19), ?6) || substr(?4, 20))")


def stage(s: Session, run_id: int, first_seq: int, rows: Iterable[tuple[int, datetime]], window: timedelta) -> None:
    """Append (person, time) rows to the run's staging, numbered from ``first_seq``, each with its
    duplicate window (lo, hi) = time -/+ ``window`` (whole seconds)."""
    if s.get_bind().dialect.name == "sqlite":
        iso, seconds = _sqlite_text, int(window.total_seconds())
        before, after = f"-{seconds} seconds", f"+{seconds} seconds"
        _driver(s).executemany(_SQLITE_STAGE, ((run_id, seq, eid, iso(at), before, after)
                                               for seq, (eid, at) in enumerate(rows, start=first_seq)))
        return
    with _driver(s).cursor() as cur:
        with cur.copy(f"COPY punch_import_row ({_STAGE_COLUMNS}) FROM STDIN") as copy:
            copy.set_types(["int4", "int4", "int4", "timestamp", "timestamp", "timestamp"])
            for seq, (eid, at) in enumerate(rows, start=first_seq):
                copy.write_row((run_id, seq, eid, at, at - window, at + window))


def move(s: Session, run_id: int, first: int, last: int, audit_id: int, stamp: datetime, who: str, note: str) -> int:
    """Insert the staged rows ``first``..``last`` of the run into ``punch`` (source "import", tied to
    ``audit_id``), but not one within its window of a stored punch. Returns how many were inserted.
    The staged rows stay: `unstage` them in the same transaction."""
    params = {"run": run_id, "first": first, "last": last, "audit": audit_id, "stamp": stamp, "who": who, "note": note}
    return s.execute(_MOVE, params).rowcount


def unstage(s: Session, run_id: int, first: int, last: int) -> None:
    s.execute(_UNSTAGE, {"run": run_id, "first": first, "last": last})


def stored_rows(s: Session, audit_id: int) -> list[tuple]:
    """The punches tied to ``audit_id``, as `coverage.first_mismatch` reads them (id, covered fields)."""
    mark = "?" if s.get_bind().dialect.name == "sqlite" else "%s"
    cur = _driver(s).cursor()
    try:
        cur.execute(coverage.chunk_select("punch").format(p=mark), (audit_id,))
        return cur.fetchall()
    finally:
        cur.close()
