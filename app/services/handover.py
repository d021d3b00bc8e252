"""The 临时工作交接表 (handover record): someone leaves the post for a while (an errand, the bank, a
supplier) and hands the work to a colleague. The record says when, where to, from whom to whom, what
was handed over and when the person is back; its range counts as approved time off the post."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import aliased
from sqlmodel import Session

from app.db import reading, transaction
from app.errors import NotFound, PermissionDenied, ValidationError
from app.models.attendance import HandoverRecord
from app.models.people import Employee
from app.rules import attendance as rules
from app.services import audit
from app.services.context import Actor
from app.services.filing import may_file_for
from app.services.permissions import require


@dataclass
class Handover:
    id: int
    employee_no: str
    name: str
    to_employee_no: str
    to_name: str
    start: datetime
    back_at: datetime
    place: str
    items: str
    recorded_by: str


def _employee(s: Session, no: str) -> Employee:
    e = s.execute(select(Employee).where(Employee.employee_no == (no or "").strip())).scalar()
    if e is None:
        raise NotFound("There is no employee with no. {no}.", no=no)
    return e


def record_handover(actor: Actor, employee_no: str, to_employee_no: str, start: datetime, back_at: datetime,
                    place: str, items: str) -> int:
    """Record a handover; returns its id. Staff record their own, HR and leaders anyone's."""
    require(actor, "leave.request")
    if back_at <= start:
        raise ValidationError("The time back must be after the time of leaving.")
    if back_at - start > timedelta(hours=16):
        raise ValidationError("A handover covers part of one working day; use a leave or off-site request for longer.")
    if not items.strip():
        raise ValidationError("Say what was handed over.")
    with transaction() as s:
        e, to = _employee(s, employee_no), _employee(s, to_employee_no)
        if not may_file_for(actor, "handover", e.id):
            raise PermissionDenied("You may only file requests for yourself.")
        if e.id == to.id:
            raise ValidationError("The work is handed over to someone else, not to oneself.")
        row = HandoverRecord(employee_id=e.id, to_employee_id=to.id, start=start.replace(microsecond=0),
                             back_at=back_at.replace(microsecond=0), place=place.strip()[:120], items=items.strip(),
                             recorded_by=actor.username)
        s.add(row)
        s.flush()
        audit.record(s, actor, "attendance.handover", "handover_record", row.id, None, audit.snapshot(row))
        return row.id


def _rows(s: Session, q) -> list[Handover]:
    to = aliased(Employee)
    q = q.join(Employee, Employee.id == HandoverRecord.employee_id).join(to, to.id == HandoverRecord.to_employee_id)
    return [Handover(h.id, no, name, to_no, to_name, h.start, h.back_at, h.place, h.items, h.recorded_by)
            for h, no, name, to_no, to_name in s.execute(q.add_columns(Employee.employee_no, Employee.name,
                                                                       to.employee_no, to.name))]


def list_handovers(actor: Actor, year: int, month: int) -> list[Handover]:
    """The month's handover records the actor may see, in time order."""
    from app.services.attendance import _month_bounds, _visible_ids

    first, nxt = _month_bounds(year, month)
    with reading() as s:
        visible = _visible_ids(s, actor)
        q = select(HandoverRecord).where(HandoverRecord.start >= datetime.combine(first, time()),
                                         HandoverRecord.start < datetime.combine(nxt, time())).order_by(HandoverRecord.start)
        if visible is not None:
            q = q.where(HandoverRecord.employee_id.in_(list(visible)) | HandoverRecord.to_employee_id.in_(list(visible)))
        return _rows(s, q)


def get_handover(actor: Actor, handover_id: int) -> Handover:
    """One record (the printed 临时工作交接表 is made from it)."""
    require(actor, "attendance.view_own")
    from app.services.attendance import _visible_ids

    with reading() as s:
        found = _rows(s, select(HandoverRecord).where(HandoverRecord.id == handover_id))
        if not found:
            raise NotFound("There is no handover record {id}.", id=handover_id)
        visible = _visible_ids(s, actor)
        h = found[0]
        if visible is not None:
            mine = s.execute(select(Employee.id).where(Employee.employee_no.in_([h.employee_no, h.to_employee_no]))).scalars()
            if not set(mine) & visible:
                raise PermissionDenied("You may only see your own attendance.")
        return h


def covers_by_day(s: Session, start: date, end: date, ids: set[int] | None) -> dict[tuple[int, date], list[tuple[int, int]]]:
    """Handover ranges in [start, end) cut into days, in minutes from midnight: approved off-post time."""
    found: dict[tuple[int, date], list[tuple[int, int]]] = {}
    a, b = datetime.combine(start, time()), datetime.combine(end, time())
    for emp, h_start, h_back in s.execute(select(HandoverRecord.employee_id, HandoverRecord.start, HandoverRecord.back_at)
                                          .where(HandoverRecord.back_at > a, HandoverRecord.start < b)):
        if ids is not None and emp not in ids:
            continue
        day = max(h_start.date(), start)
        while day < end and datetime.combine(day, time()) < h_back:
            lo = rules.minute_of(h_start) if h_start.date() == day else 0
            hi = rules.minute_of(h_back) if h_back.date() == day else 24 * 60
            if hi > lo:
                found.setdefault((emp, day), []).append((lo, hi))
            day += timedelta(days=1)
    return found
