"""The year before a month, kept in the database: what each person's earlier days carry into the month
(app.rules.attendance.Carry), so the first summary in a new process reads one small row instead of
judging a year of punches again.

A row is valid while two things hold:
- ``inputs``, the digest of everything else judging those days read (approved corrections, leave and
  handovers, the roster, people's dates, the calendar, the working week, the day rules), is unchanged;
- no punch dated in the year before the month has an id above ``punch_mark``.

Punches are only appended, and every writer holds the one write lock (app.db.transaction), so ids grow
in commit order on both engines: the highest id read before anything dated in the year is read marks
exactly the punches the carries saw. The mark is read first; a punch written after it has a higher id.

Rows are written after the reading transaction, in a short write of their own (pending until then),
and never by a dry run. A row that cannot be written is only time lost: the next summary judges again.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import and_, case, delete, select, text
from sqlmodel import Session

from app.models._base import now
from app.models.attendance import AttendanceCarry, Punch
from app.rules.attendance import NO_CARRY, Carry

log = logging.getLogger(__name__)

# (database url, "YYYY-MM") -> the row to write: (inputs, punch_mark, carries)
_PENDING: dict[tuple[str, str], tuple[str, int, dict[int, Carry]]] = {}
_LOCK = threading.Lock()


def punch_mark(s: Session) -> int:
    """The highest punch id: read before the punches it marks (see the module's note)."""
    return int(s.execute(text("SELECT COALESCE(MAX(id), 0) FROM punch")).scalar())


def digest(parts: Any) -> str:
    """A stable digest of what judging read besides the punches (reprs of tuples, dates and dataclasses)."""
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()


def punched_since(s: Session, mark: int, start: date, end: date) -> bool:
    """Whether a punch dated in [start, end) has an id above ``mark`` (the id index finds the few new ones)."""
    a, b = datetime.combine(start, time()), datetime.combine(end, time())
    # the span is tested in a CASE so that neither engine walks the year on the at index: only the rows
    # above the mark (a day's kiosk punches, typically) are looked at, by their primary key
    in_span = case((and_(Punch.at >= a, Punch.at < b), 1), else_=0) == 1
    return s.execute(select(Punch.id).where(Punch.id > mark, in_span).limit(1)).first() is not None


def load(s: Session, month: str, inputs: str, start: date, end: date) -> dict[int, Carry] | None:
    """The carries kept for ``month`` when still valid for ``inputs`` and the punches dated in [start, end)."""
    row = s.execute(select(AttendanceCarry.inputs, AttendanceCarry.punch_mark, AttendanceCarry.carries)
                    .where(AttendanceCarry.month == month)).first()
    if row is None or row[0] != inputs or punched_since(s, row[1], start, end):
        return None
    return {int(pid): (int(n), float(total), int(run)) for pid, (n, total, run) in json.loads(row[2]).items()}


def kept_months(s: Session, start: date, end: date) -> list[date]:
    """The first days of the months in (start, end) with a row kept, the latest first."""
    names = s.execute(select(AttendanceCarry.month).where(
        AttendanceCarry.month > f"{start:%Y-%m}", AttendanceCarry.month < f"{end:%Y-%m}")
        .order_by(AttendanceCarry.month.desc())).scalars()
    return [date(int(n[:4]), int(n[5:7]), 1) for n in names]


def remember(s: Session, month: str, inputs: str, mark: int, carries: dict[int, Carry]) -> None:
    """Keep ``carries`` to be written after the caller's transaction (flush)."""
    url = str(s.get_bind().url)
    with _LOCK:
        for key in [k for k in _PENDING if k[0] != url]:  # another database's, never flushed: dropped
            del _PENDING[key]
        _PENDING[(url, month)] = (inputs, mark, carries)


def flush() -> None:
    """Write the pending rows of the open database, each replacing the month's row (ON CONFLICT: two PCs
    writing the same month at once both succeed). Called after a reading transaction, never inside one."""
    from app.db import current, transaction

    url = str(current().engine.url)
    with _LOCK:  # two workers may flush at once: each row is written by one of them
        mine = {key: _PENDING.pop(key) for key in [k for k in _PENDING if k[0] == url]}
    if not mine:
        return
    rows = []
    for key, (inputs, mark, carries) in mine.items():
        kept = {pid: c for pid, c in carries.items() if c != NO_CARRY}  # most people carry nothing
        rows.append({"month": key[1], "inputs": inputs, "punch_mark": mark,
                     "carries": json.dumps(kept, separators=(",", ":")), "computed_at": now()})
    try:
        with transaction() as s:
            if s.get_bind().dialect.name == "sqlite":
                from sqlalchemy.dialects.sqlite import insert
            else:
                from sqlalchemy.dialects.postgresql import insert
            stmt = insert(AttendanceCarry.__table__)
            s.execute(stmt.on_conflict_do_update(index_elements=["month"], set_={
                c: stmt.excluded[c] for c in ("inputs", "punch_mark", "carries", "computed_at")}), rows)
    except Exception as exc:  # noqa: BLE001 - derived data: not keeping it only costs time next run
        log.warning("the year's attendance carries were not kept: %s", exc)


def forget() -> None:
    """Drop what is pending and kept (tests and bench: the next summary judges the year again)."""
    from app.db import transaction

    with _LOCK:
        _PENDING.clear()
    with transaction() as s:
        s.execute(delete(AttendanceCarry))
