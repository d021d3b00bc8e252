"""The bulk writes of a punch import, on the database driver itself, inside the caller's transaction.

SQLAlchemy's per-row parameter handling cost more than the inserts of a 400,000-punch import, and a
staged copy of every punch cost as much again, so:
- `encode` / `decode`: the punches a run is to add, kept in the run as one compressed value, from
  which an import a crash interrupted is finished;
- `insert` stores a chunk of them: one sqlite3 ``executemany`` of the text SQLAlchemy stores for a
  datetime in a SQLite file (the unique index compares that text, so it must be spelled the same), or
  one psycopg ``COPY`` on PostgreSQL;
- `chunk_rows` / `stored_rows`: the rows an audit row wrote, for its one digest (coverage form 2).

Both engines' branches store the same punches and the same digests (tests/app/test_punch_bulk.py).
"""

from __future__ import annotations

import sys
import zlib
from array import array
from datetime import datetime
from itertools import repeat
from operator import methodcaller
from typing import Optional, Sequence

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from app.models.attendance import Punch
from app.services import coverage

_COLUMNS = "employee_id, at, source, recorded_at, recorded_by, note, audit_id"


def at_text(at: datetime) -> str:
    """SQLAlchemy's SQLite storage text of a datetime ("2026-11-03 08:41:00.000000")."""
    return at.isoformat(" ", "microseconds")


def at_texts(ats: Sequence[datetime]) -> list[str]:
    """`at_text` of each, by a C call each (no Python frame a punch)."""
    return list(map(methodcaller("isoformat", " ", "microseconds"), ats))


def encode(eids: Sequence[int], texts: Sequence[str]) -> bytes:
    """The count (8 bytes), the employee ids (8 bytes each, little-endian), then the times as text, one
    a line; zlib-compressed. Written and read in C: no Python step a punch."""
    ids = array("q", eids)
    if sys.byteorder == "big":
        ids.byteswap()
    return zlib.compress(len(ids).to_bytes(8, "little") + ids.tobytes() + "\n".join(texts).encode("ascii"), 1)


def decode(value: Optional[bytes]) -> tuple[list[int], list[datetime], list[str]]:
    """(employee ids, times, times as text) of an `encode`d value (None: a run an older version left
    with nothing staged)."""
    if not value:
        return [], [], []
    raw = zlib.decompress(value)
    n = int.from_bytes(raw[:8], "little")
    ids = array("q")
    ids.frombytes(raw[8:8 + 8 * n])
    if sys.byteorder == "big":
        ids.byteswap()
    texts = raw[8 + 8 * n:].decode("ascii").split("\n") if n else []
    return ids.tolist(), list(map(datetime.fromisoformat, texts)), texts


def _driver(s: Session):
    """The driver's own connection of the session's transaction (begun: BEGIN IMMEDIATE or the
    advisory lock already taken)."""
    return s.connection().connection.driver_connection


def insert(s: Session, eids: Sequence[int], ats: Sequence[datetime], texts: Sequence[str], audit_id: int,
           stamp: datetime, who: str, note: str) -> None:
    """Store punches (source "import", tied to ``audit_id``): ``ats`` as datetimes, ``texts`` the same
    times as `at_text` spells them (SQLite stores that text). A driver error is raised as SQLAlchemy's
    (a punch at a moment its person already has: IntegrityError), which ``app.db.transaction`` explains."""
    dialect = s.get_bind().dialect
    # the stamp and the audit row's id written into the statement (text this module spells, and an
    # int): two parameters fewer a row, and the rows' tuples built by zip, not by a Python frame each
    sql = f"INSERT INTO punch ({_COLUMNS}) VALUES (?, ?, 'import', '{at_text(stamp)}', ?, ?, {int(audit_id)})"
    try:
        if dialect.name == "sqlite":
            _driver(s).executemany(sql, zip(eids, texts, repeat(who), repeat(note)))
            return
        sql = f"COPY punch ({_COLUMNS}) FROM STDIN"
        with _driver(s).cursor() as cur:
            with cur.copy(sql) as copy:
                copy.set_types(["int4", "timestamp", "text", "timestamp", "text", "text", "int4"])
                for e, at in zip(eids, ats):
                    copy.write_row((e, at, "import", stamp, who, note, audit_id))
    except dialect.loaded_dbapi.Error as exc:  # as SQLAlchemy's own (IntegrityError, OperationalError …)
        raise DBAPIError.instance(sql, None, exc, dialect.loaded_dbapi.Error, dialect=dialect) from exc


def last_id(s: Session) -> int:
    return s.execute(select(func.max(Punch.id))).scalar() or 0


def chunk_rows(s: Session, before: int, eids: Sequence[int], texts: Sequence[str], audit_id: int, who: str,
               note: str) -> list[tuple]:
    """The rows an `insert` just stored, as `stored_rows` reads them back: on SQLite, when the ids
    run on from ``before`` (the largest id before the insert) without a gap, from what went in (the
    driver stored exactly that text, and under the write lock each id is the largest plus one);
    otherwise read back."""
    if s.get_bind().dialect.name == "sqlite" and last_id(s) == before + len(eids):
        return list(zip(range(before + 1, before + len(eids) + 1), eids, texts, repeat("import"), repeat(who), repeat(note)))
    return stored_rows(s, audit_id)


def stored_rows(s: Session, audit_id: int) -> list[tuple]:
    """The punches tied to ``audit_id``, as `coverage.first_mismatch` reads them (id, covered fields)."""
    dialect = s.get_bind().dialect
    sql = coverage.chunk_select("punch").format(p="?" if dialect.name == "sqlite" else "%s")
    cur = _driver(s).cursor()
    try:
        cur.execute(sql, (audit_id,))
        return cur.fetchall()
    except dialect.loaded_dbapi.Error as exc:
        raise DBAPIError.instance(sql, (audit_id,), exc, dialect.loaded_dbapi.Error, dialect=dialect) from exc
    finally:
        cur.close()
