"""The monthly summary, kept in this process while nothing it reads has changed.

The attendance tab, the kiosk's month panel and the reports ask for the same month again and again;
judging it takes a few hundred milliseconds, checking that nothing changed a few. What summary_in
reads is listed once here (``inputs``): the settings, the calendar, the roster, the people, and the
approved corrections, leave, handovers and overtime, read whole (small tables), plus the punches,
which are only appended: a punch dated before the month's end with an id above the mark read first
means the month changed (app.services.attendance_carry explains why the mark is exact).

tests/app/test_summary_cache.py changes each of these between two calls and checks the second call
against a summary judged afresh.
"""

from __future__ import annotations

import threading
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlmodel import Session

from app.models.attendance import HandoverRecord, LeaveRequest, OvertimeRequest, PunchCorrection, RosterEntry
from app.models.people import Employee
from app.services import attendance_carry

_KEPT: dict[tuple, tuple[tuple, int, dict[int, dict]]] = {}  # (db, year, month, people) -> (inputs, mark, rows)
_SIZE = 8
_LOCK = threading.Lock()
_BEGINNING = date(1900, 1, 1)


def inputs(s: Session, first: date, nxt: date, values: dict, last_done: date) -> tuple:
    """Everything the summary of [first, nxt) reads besides the punches (``values``: the settings in
    force), and the days it counts (those up to ``last_done``)."""
    from app.services.calendar import load_calendar

    year_start, end = datetime.combine(date(first.year, 1, 1), time()), datetime.combine(nxt, time())
    counted_to = min(max(last_done, first - timedelta(days=1)), nxt - timedelta(days=1))
    return (
        counted_to,
        tuple(sorted((k, repr(v)) for k, v in values.items())),
        tuple(sorted(load_calendar(s).items())),
        _rows(s, select(RosterEntry.id, RosterEntry.employee_id, RosterEntry.day).where(RosterEntry.day < nxt)),
        _rows(s, select(Employee.id, Employee.employee_no, Employee.name, Employee.hire_date, Employee.leave_date,
                        Employee.manager_id)),
        _rows(s, select(PunchCorrection.id, PunchCorrection.employee_id, PunchCorrection.at, PunchCorrection.status)
              .where(PunchCorrection.at >= year_start, PunchCorrection.at < end)),
        _rows(s, select(LeaveRequest.id, LeaveRequest.employee_id, LeaveRequest.kind, LeaveRequest.start,
                        LeaveRequest.end, LeaveRequest.status).where(LeaveRequest.start < end)),
        _rows(s, select(HandoverRecord.id, HandoverRecord.employee_id, HandoverRecord.start, HandoverRecord.back_at)
              .where(HandoverRecord.start < end)),
        _rows(s, select(OvertimeRequest.id, OvertimeRequest.employee_id, OvertimeRequest.start, OvertimeRequest.end,
                        OvertimeRequest.hours, OvertimeRequest.comp_hours, OvertimeRequest.status)
              .where(OvertimeRequest.start < end)),
    )


def _rows(s: Session, q) -> tuple:
    return tuple(s.execute(q.order_by(q.selected_columns[0])).all())


def get(s: Session, key: tuple, read: tuple, nxt: date) -> dict[int, dict] | None:
    """The rows kept for ``key`` if ``read`` (inputs) is what they were judged from and no punch dated
    before ``nxt`` came since; a copy (callers may change what they get)."""
    kept = _KEPT.get(key)
    if kept is None or kept[0] != read or attendance_carry.punched_since(s, kept[1], _BEGINNING, nxt):
        return None
    with _LOCK:  # the window's workers and the UI thread ask at once
        if _KEPT.get(key) is kept:
            _KEPT[key] = _KEPT.pop(key)  # the months looked at last stay
    return _copy(kept[2])


def put(key: tuple, read: tuple, mark: int, rows: dict[int, dict]) -> None:
    with _LOCK:
        _KEPT.pop(key, None)
        _KEPT[key] = (read, mark, _copy(rows))
        while len(_KEPT) > _SIZE:
            _KEPT.pop(next(iter(_KEPT)))


def _copy(rows: dict[int, dict]) -> dict[int, dict]:
    """A summary's rows with their own lists and dicts (flags, leave hours): deepcopy took 70 ms."""
    return {pid: {k: (v.copy() if isinstance(v, (dict, list)) else v) for k, v in row.items()}
            for pid, row in rows.items()}


def clear() -> None:
    with _LOCK:
        _KEPT.clear()
