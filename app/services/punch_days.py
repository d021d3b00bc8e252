"""The one dialect-specific query of the attendance summary: a span's punches grouped per person and
day, each day's times as minutes from midnight in one comma-separated string.

Both engines run the same grouped scan; only how a stored moment becomes a day and a minute differs
(SQLite keeps DateTime as "YYYY-MM-DD HH:MM:SS.ffffff" text, PostgreSQL as a timestamp). The rules
then judge each day in Python (app.rules.attendance.evaluate_day). ``portable_day_minutes`` is the
plain ORM version of the same answer, row by row, that the test compares each branch with.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date, datetime, time, timedelta
from typing import Iterable, Iterator

from sqlalchemy import select, text
from sqlmodel import Session

from app.models.attendance import Punch

DayMinutes = tuple[int, date, str]  # (employee id, day, "m,m,...")

# one day at a time: each is a small sort of the rows the at index finds, where one grouping over the
# whole span sorts every punch of the year at once (three times slower on SQLite)
_SQLITE = (
    "SELECT employee_id, group_concat(CAST(substr(at, 12, 2) AS INTEGER) * 60 + CAST(substr(at, 15, 2) AS INTEGER)) "
    "FROM punch WHERE at >= ? AND at < ?{people} GROUP BY employee_id")
_SQLITE_PEOPLE = " AND employee_id IN (SELECT value FROM json_each(?))"

_POSTGRESQL = (
    "SELECT employee_id, CAST(at AS date), string_agg(CAST(EXTRACT(HOUR FROM at) * 60 + EXTRACT(MINUTE FROM at) "
    "AS integer)::text, ',' ORDER BY at) FROM punch WHERE at >= :a AND at < :b{people} "
    "GROUP BY employee_id, CAST(at AS date)")
_POSTGRESQL_PEOPLE = " AND employee_id = ANY(:ids)"


def day_minutes(s: Session, start: date, end: date, ids: Iterable[int] | None = None) -> Iterator[DayMinutes]:
    """Every (employee, day) with punches in [start, end) and that day's minutes, in no set order;
    only the people ``ids`` when given (one store of a chain reads its own rows only)."""
    a, b = datetime.combine(start, time()), datetime.combine(end, time())
    people = None if ids is None else sorted(ids)
    dialect = s.get_bind().dialect.name
    if dialect == "sqlite":  # the raw driver: SQLAlchemy's row processing doubles the time here
        con, day = s.connection().connection.driver_connection, start
        sql = _SQLITE.format(people="" if people is None else _SQLITE_PEOPLE)
        extra = () if people is None else (json.dumps(people),)
        while day < end:
            nxt = day + timedelta(days=1)
            for emp, minutes in con.execute(sql, (f"{day} 00:00:00", f"{nxt} 00:00:00", *extra)):
                yield emp, day, str(minutes)
            day = nxt
    elif dialect == "postgresql":
        sql = text(_POSTGRESQL.format(people="" if people is None else _POSTGRESQL_PEOPLE))
        for emp, day, minutes in s.execute(sql, {"a": a, "b": b, **({} if people is None else {"ids": people})}):
            yield emp, day, minutes
    else:
        yield from portable_day_minutes(s, start, end, ids)


def portable_day_minutes(s: Session, start: date, end: date, ids: Iterable[int] | None = None) -> Iterator[DayMinutes]:
    """The same answer from the punch rows themselves (any engine; slower)."""
    grouped: dict[tuple[int, date], list[int]] = defaultdict(list)
    a, b = datetime.combine(start, time()), datetime.combine(end, time())
    q = select(Punch.employee_id, Punch.at).where(Punch.at >= a, Punch.at < b).order_by(Punch.at)
    if ids is not None:
        q = q.where(Punch.employee_id.in_(sorted(ids)))
    for emp, at in s.execute(q):
        grouped[(emp, at.date())].append(at.hour * 60 + at.minute)
    for (emp, day), minutes in grouped.items():
        yield emp, day, ",".join(map(str, minutes))
