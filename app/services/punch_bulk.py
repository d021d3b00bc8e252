"""The bulk writes of a punch import, on the database driver itself, inside the caller's transaction.

SQLAlchemy's per-row parameter handling cost more than the inserts of a 400,000-punch import, and a
staged copy of every punch cost as much again, so:
- `encode` / `decode`: the punches a run is to add, kept in the run as one compressed value
  ("employee id<TAB>time" lines), from which an import a crash interrupted is finished;
- `insert` stores a chunk of them: one sqlite3 ``executemany`` of the text SQLAlchemy stores for a
  datetime in a SQLite file (the unique index compares that text, so it must be spelled the same), or
  one psycopg ``COPY`` on PostgreSQL;
- `stored_rows` reads back the rows an audit row wrote, for its one digest (coverage form 2).

Both engines' branches store the same punches and the same digests (tests/app/test_punch_bulk.py).
"""

from __future__ import annotations

import zlib
from datetime import datetime
from typing import Sequence

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from app.models.attendance import Punch
from app.services import coverage

_COLUMNS = "employee_id, at, source, recorded_at, recorded_by, note, audit_id"


def at_text(at: datetime) -> str:
    """SQLAlchemy's SQLite storage text of a datetime ("2026-11-03 08:41:00.000000")."""
    return at.isoformat(" ", "microseconds")


def encode(eids: Sequence[int], texts: Sequence[str]) -> bytes:
    return zlib.compress("\n".join(map("{}\t{}".format, eids, texts)).encode("utf-8"), 1)


def decode(value: bytes) -> tuple[list[int], list[datetime], list[str]]:
    """(employee ids, times, times as text) of an `encode`d value."""
    eids: list[int] = []
    texts: list[str] = []
    text_of_all = zlib.decompress(value).decode("utf-8") if value else ""
    for line in text_of_all.split("\n") if text_of_all else ():
        eid, text = line.split("\t")
        eids.append(int(eid))
        texts.append(text)
    return eids, [datetime.fromisoformat(t) for t in texts], texts


def _driver(s: Session):
    """The driver's own connection of the session's transaction (begun: BEGIN IMMEDIATE or the
    advisory lock already taken)."""
    return s.connection().connection.driver_connection


def insert(s: Session, eids: Sequence[int], ats: Sequence[datetime], texts: Sequence[str], audit_id: int,
           stamp: datetime, who: str, note: str) -> None:
    """Store punches (source "import", tied to ``audit_id``): ``ats`` as datetimes, ``texts`` the same
    times as `at_text` spells them (SQLite stores that text). A punch at a moment its person already
    has raises SQLAlchemy's IntegrityError, as any write does (``app.db.transaction`` explains it)."""
    dialect = s.get_bind().dialect
    sql = f"INSERT INTO punch ({_COLUMNS}) VALUES (?, ?, 'import', ?, ?, ?, ?)"
    try:
        if dialect.name == "sqlite":
            stamp_text = at_text(stamp)
            _driver(s).executemany(sql, ((e, t, stamp_text, who, note, audit_id) for e, t in zip(eids, texts)))
            return
        sql = f"COPY punch ({_COLUMNS}) FROM STDIN"
        with _driver(s).cursor() as cur:
            with cur.copy(sql) as copy:
                copy.set_types(["int4", "timestamp", "text", "timestamp", "text", "text", "int4"])
                for e, at in zip(eids, ats):
                    copy.write_row((e, at, "import", stamp, who, note, audit_id))
    except dialect.loaded_dbapi.IntegrityError as exc:
        raise IntegrityError(sql, None, exc) from exc


def last_id(s: Session) -> int:
    return s.execute(select(func.max(Punch.id))).scalar() or 0


def stored_rows(s: Session, audit_id: int) -> list[tuple]:
    """The punches tied to ``audit_id``, as `coverage.first_mismatch` reads them (id, covered fields)."""
    mark = "?" if s.get_bind().dialect.name == "sqlite" else "%s"
    cur = _driver(s).cursor()
    try:
        cur.execute(coverage.chunk_select("punch").format(p=mark), (audit_id,))
        return cur.fetchall()
    finally:
        cur.close()
