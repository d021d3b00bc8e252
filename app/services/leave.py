"""Leave (请假), off-site business (因公外出) and overtime (加班) requests, routed to the person who
decides them: short personal and sick leave to the direct supervisor, longer to the department leader."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Optional

from sqlalchemy import select
from sqlmodel import Session

from app.db import reading, transaction, update_if
from app.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from app.i18n import _
from app.models._base import now
from app.models.attendance import LEAVE_KINDS, LeaveRequest, OvertimeRequest, PunchCorrection
from app.models.people import Employee
from app.rules import attendance as rules
from app.rules.calendar import is_plan_day
from app.services import audit, month_close
from app.services.attendance import KIND_LABELS, Person, Schedule, load_schedule
from app.services.context import Actor
from app.services.permissions import can, require


def scheduled_hours(sched: Schedule, person: Person, start: datetime, end: datetime) -> float:
    """Scheduled working hours between start and end for this person (a full day: 7.5 by default)."""
    minutes = 0
    day = start.date()
    while datetime.combine(day, time()) < end:
        if sched.working_day(day) or (person.id, day) in sched.roster:
            a = rules.minute_of(start) if start.date() == day else 0
            b = rules.minute_of(end) if end.date() == day else 24 * 60
            minutes += sum(rules.excused_minutes(sched.rules, [rules.Excuse(a, b, "x")]).values())
        day += timedelta(days=1)
    return minutes / 60


def route_for(kind: str, days: float, values: dict) -> str:
    """supervisor or leader: personal leave up to 2 days ("两天以内": 以内 includes 2) and sick leave up to
    3 days go to the direct supervisor, longer ones to the department leader; other kinds to the direct
    supervisor."""
    if kind == "personal" and days > values["leave.personal_supervisor_days"]:
        return "leader"
    if kind == "sick" and days > values["leave.sick_supervisor_days"]:
        return "leader"
    return "supervisor"


def needs_certificate(kind: str, days: float, values: dict) -> bool:
    """病假"超过一天"需病假证明: 超过 excludes the number itself, so exactly one day needs none."""
    return kind == "sick" and days > values["leave.sick_certificate_days"]


def _approver(s: Session, e: Employee, route: str) -> Optional[int]:
    supervisor = s.get(Employee, e.manager_id) if e.manager_id else None
    if supervisor is None:
        return None
    if route == "leader" and supervisor.manager_id:
        return supervisor.manager_id
    return supervisor.id


def _chain_above(s: Session, employee_id: int) -> list[int]:
    """The routed approver and everyone above them in the reporting line."""
    chain, seen = [], set()
    current = employee_id
    while current and current not in seen:
        seen.add(current)
        chain.append(current)
        current = s.execute(select(Employee.manager_id).where(Employee.id == current)).scalar()
    return chain


def _person(e: Employee) -> Person:
    return Person(e.id, e.employee_no, e.name, e.hire_date, e.leave_date, e.manager_id)


def _owner(s: Session, actor: Actor, employee_no: str, kind: str = "leave") -> Employee:
    from app.services.filing import may_file_for

    e = s.execute(select(Employee).where(Employee.employee_no == employee_no.strip())).scalar()
    if e is None:
        raise NotFound("There is no employee with no. {no}.", no=employee_no)
    if not may_file_for(actor, kind, e.id):
        raise PermissionDenied("You may only file requests for yourself.")
    return e


def request_leave(actor: Actor, employee_no: str, kind: str, start: datetime, end: datetime,
                  reason: str = "", certificate: bool = False) -> int:
    """File a leave or off-site request; returns its id. It counts only once approved."""
    require(actor, "leave.request")
    if kind not in LEAVE_KINDS:
        raise ValidationError("Leave type must be one of: {kinds}.", kinds=", ".join(LEAVE_KINDS))
    if end <= start:
        raise ValidationError("The end of the leave must be after its start.")
    with transaction() as s:
        month_close.ensure_span_open(s, start, end)
        e = _owner(s, actor, employee_no)
        sched = load_schedule(s, end.date() + timedelta(days=1))
        values = sched.values
        hours = scheduled_hours(sched, _person(e), start, end)
        if hours <= 0:
            raise ValidationError("The leave covers no working hours; check the dates.")
        day_hours = sched.rules.day_minutes / 60
        days = hours / day_hours
        late = start - now() < timedelta(hours=values["leave.notice_hours"])
        if late and not reason.strip():
            raise ValidationError("This request is less than a day ahead; give a reason.")
        if needs_certificate(kind, days, values) and not certificate:
            raise ValidationError("Sick leave of more than {days} day(s) needs a hospital certificate.",
                                  days=values["leave.sick_certificate_days"])
        # the plan-day block is for leave asked for ahead; a make-up request filed afterwards (补假 over
        # late minutes, an emergency) passes, and sick and bereavement leave are not in the list
        ahead = start > now()
        if ahead and values["leave.block_plan_days"] and kind in values["leave.plan_day_blocked_types"]:
            day = start.date()
            while datetime.combine(day, time()) < end:
                if is_plan_day(day) and scheduled_hours(sched, _person(e), max(start, datetime.combine(day, time())),
                                                        min(end, datetime.combine(day + timedelta(days=1), time()))) > 0:
                    raise ValidationError("No {kind} on {day}: it is a weekly-plan Monday or the month's last Friday.",
                                          kind=_(KIND_LABELS[kind]), day=day.isoformat())
                day += timedelta(days=1)
        clash = s.execute(select(LeaveRequest.id).where(
            LeaveRequest.employee_id == e.id, LeaveRequest.status.in_(("pending", "approved")),
            LeaveRequest.start < end, LeaveRequest.end > start)).scalar()
        if clash is not None:
            raise ConflictError("This overlaps request {id}; change or withdraw that one first.", id=clash)
        route = route_for(kind, days, values)
        req = LeaveRequest(employee_id=e.id, kind=kind, start=start, end=end, reason=reason.strip(),
                           certificate=certificate, late=late, route=route, approver_id=_approver(s, e, route),
                           requested_by=actor.username)
        s.add(req)
        s.flush()
        audit.record(s, actor, "leave.request", "leave_request", req.id, None, audit.snapshot(req))
        return req.id


def extend_leave(actor: Actor, request_id: int, new_end: datetime, reason: str = "") -> int:
    """File an extension of a leave (续假): a request of the same type from its end to ``new_end``, filed
    before that end, routed by the total length. Returns the new request's id."""
    require(actor, "leave.request")
    with transaction() as s:
        orig = s.get(LeaveRequest, request_id)
        if orig is None:
            raise NotFound("There is no leave request {id}.", id=request_id)
        e = s.get(Employee, orig.employee_id)
        _owner(s, actor, e.employee_no)
        if orig.status == "rejected":
            raise ConflictError("Request {id} was rejected; there is nothing to extend.", id=request_id)
        if now() >= orig.end:
            raise ValidationError("Leave {id} ended at {end}; an extension must be filed before the leave ends.",
                                  id=request_id, end=orig.end.strftime("%Y-%m-%d %H:%M"))
        if new_end <= orig.end:
            raise ValidationError("The new end must be after the leave's end ({end}).", end=orig.end.strftime("%Y-%m-%d %H:%M"))
        sched = load_schedule(s, new_end.date() + timedelta(days=1))
        first = orig
        while first.extends_id is not None:  # the whole leave, for routing by its total length
            first = s.get(LeaveRequest, first.extends_id)
        days = scheduled_hours(sched, _person(e), first.start, new_end) / (sched.rules.day_minutes / 60)
        if scheduled_hours(sched, _person(e), orig.end, new_end) <= 0:
            raise ValidationError("The extension covers no working hours; check the end.")
        clash = s.execute(select(LeaveRequest.id).where(
            LeaveRequest.employee_id == e.id, LeaveRequest.status.in_(("pending", "approved")),
            LeaveRequest.start < new_end, LeaveRequest.end > orig.end)).scalar()
        if clash is not None:
            raise ConflictError("This overlaps request {id}; change or withdraw that one first.", id=clash)
        route = route_for(orig.kind, days, sched.values)
        if orig.kind == "sick" and needs_certificate("sick", days, sched.values) and not orig.certificate:
            raise ValidationError("Sick leave of more than {days} day(s) needs a hospital certificate.",
                                  days=sched.values["leave.sick_certificate_days"])
        req = LeaveRequest(employee_id=e.id, kind=orig.kind, start=orig.end, end=new_end,
                           reason=reason.strip() or orig.reason, certificate=orig.certificate, late=False, route=route,
                           approver_id=_approver(s, e, route), requested_by=actor.username, extends_id=orig.id)
        s.add(req)
        s.flush()
        audit.record(s, actor, "leave.extend", "leave_request", req.id, None, audit.snapshot(req))
        return req.id


@dataclass
class OpenLeave:
    id: int
    employee_no: str
    name: str
    what: str
    start: datetime
    end: datetime
    status: str


def extendable_leaves(actor: Actor, at: datetime | None = None) -> list[OpenLeave]:
    """Leave not yet over that the actor may extend (their own; everyone's for HR and leaders)."""
    require(actor, "leave.request")
    at = at or now()
    with reading() as s:
        q = select(LeaveRequest, Employee.employee_no, Employee.name).join(Employee, Employee.id == LeaveRequest.employee_id) \
            .where(LeaveRequest.status.in_(("pending", "approved")), LeaveRequest.end > at).order_by(LeaveRequest.end)
        if not can(actor, "attendance.view_all"):
            q = q.where(LeaveRequest.employee_id == actor.employee_id)
        return [OpenLeave(r.id, no, name, _(KIND_LABELS[r.kind]), r.start, r.end, r.status) for r, no, name in s.execute(q)]


def may_decide(s: Session, actor: Actor, employee_id: int, approver_id: Optional[int]) -> bool:
    """The routed approver or anyone above them; an administrator without an employee record may
    decide anything. Nobody decides their own request."""
    if actor.employee_id == employee_id:
        return False
    if actor.employee_id is None:
        return actor.role == "admin"
    if approver_id is None:
        return can(actor, "attendance.view_all")
    return actor.employee_id in _chain_above(s, approver_id)


def approver_actor(employee_no: str) -> Actor:
    """Acting as a named employee (the CLI's --by): their login's role, or staff."""
    from app.models.users import User

    with reading() as s:
        e = s.execute(select(Employee).where(Employee.employee_no == employee_no.strip())).scalar()
        if e is None:
            raise NotFound("There is no employee with no. {no}.", no=employee_no)
        user = s.execute(select(User).where(User.employee_id == e.id)).scalar()
        role = user.role if user is not None else "staff"
        return Actor(username=user.username if user else e.employee_no, role=role, employee_id=e.id)


def decide_leave(actor: Actor, request_id: int, approve: bool) -> None:
    """Approve or reject a leave request; refused unless the actor may decide it."""
    require(actor, "attendance.approve")
    with transaction() as s:
        req = s.get(LeaveRequest, request_id)
        if req is None:
            raise NotFound("There is no leave request {id}.", id=request_id)
        month_close.ensure_span_open(s, req.start, req.end)
        if req.status != "pending":
            raise ConflictError("Request {id} was already decided.", id=request_id)
        if not may_decide(s, actor, req.employee_id, req.approver_id):
            raise PermissionDenied("{user} may not decide request {id}; it goes to {approver}.", user=actor.username,
                                   id=request_id, approver=_name(s, req.approver_id))
        if approve and req.kind == "comp":
            _check_comp_balance(s, req)
        before = audit.snapshot(req)
        decision = {"status": "approved" if approve else "rejected", "decided_by": actor.username, "decided_at": now()}
        if not update_if(s, req, {"status": "pending"}, decision):  # one decision per request
            raise ConflictError("Request {id} was already decided.", id=request_id)
        audit.record(s, actor, "leave.decide", "leave_request", req.id, before, audit.snapshot(req))


def _check_comp_balance(s: Session, req: LeaveRequest) -> None:
    from app.services.attendance import _comp_balances, load_people

    sched = load_schedule(s, req.end.date() + timedelta(days=1))
    person = load_people(s, [req.employee_id])[0]
    balance = _comp_balances(s, sched, [person], date(9999, 1, 1)).get(person.id, 0.0)
    need = scheduled_hours(sched, person, req.start, req.end)
    if need > balance + 1e-9:
        raise ValidationError("Only {balance} comp hours are left; this request needs {need}.",
                              balance=round(balance, 2), need=round(need, 2))


def _name(s: Session, employee_id: Optional[int]) -> str:
    e = s.get(Employee, employee_id) if employee_id else None
    return f"{e.name} ({e.employee_no})" if e else _("a leader")


def request_overtime(actor: Actor, employee_no: str, start: datetime, end: datetime, reason: str = "") -> int:
    """File overtime; on a rest day or holiday it earns the same hours as comp time once approved."""
    require(actor, "leave.request")
    if end <= start:
        raise ValidationError("The end of the overtime must be after its start.")
    if end - start > timedelta(hours=16):
        raise ValidationError("Overtime longer than 16 hours is not plausible; split it by day.")
    with transaction() as s:
        month_close.ensure_span_open(s, start, end)
        e = _owner(s, actor, employee_no, "overtime")
        sched = load_schedule(s, end.date() + timedelta(days=1))
        hours = round((end - start).total_seconds() / 3600, 2)
        comp = hours if not sched.working_day(start.date()) else 0.0
        req = OvertimeRequest(employee_id=e.id, start=start, end=end, reason=reason.strip(), hours=hours, comp_hours=comp,
                              approver_id=e.manager_id, requested_by=actor.username)
        s.add(req)
        s.flush()
        audit.record(s, actor, "overtime.request", "overtime_request", req.id, None, audit.snapshot(req))
        return req.id


def decide_overtime(actor: Actor, request_id: int, approve: bool) -> None:
    require(actor, "attendance.approve")
    with transaction() as s:
        req = s.get(OvertimeRequest, request_id)
        if req is None:
            raise NotFound("There is no overtime request {id}.", id=request_id)
        month_close.ensure_span_open(s, req.start, req.end)
        if req.status != "pending":
            raise ConflictError("Request {id} was already decided.", id=request_id)
        if not may_decide(s, actor, req.employee_id, req.approver_id):
            raise PermissionDenied("{user} may not decide request {id}; it goes to {approver}.", user=actor.username,
                                   id=request_id, approver=_name(s, req.approver_id))
        before = audit.snapshot(req)
        decision = {"status": "approved" if approve else "rejected", "decided_by": actor.username, "decided_at": now()}
        if not update_if(s, req, {"status": "pending"}, decision):  # one decision per request
            raise ConflictError("Request {id} was already decided.", id=request_id)
        audit.record(s, actor, "overtime.decide", "overtime_request", req.id, before, audit.snapshot(req))


@dataclass
class PendingRequest:
    kind: str  # leave | overtime | correction
    id: int
    employee_no: str
    name: str
    what: str  # translated type
    start: datetime
    end: Optional[datetime]
    reason: str
    late: bool
    approver: str
    can_decide: bool


def pending_requests(actor: Actor) -> list[PendingRequest]:
    """Requests waiting for a decision that the actor may see: everything for HR and leaders,
    one's own and those routed to oneself for staff."""
    require(actor, "attendance.view_own")
    out: list[PendingRequest] = []
    with reading() as s:
        names = {eid: (no, name) for eid, no, name in s.execute(select(Employee.id, Employee.employee_no, Employee.name))}
        see_all = can(actor, "attendance.view_all")
        for r in s.execute(select(LeaveRequest).where(LeaveRequest.status == "pending")).scalars():
            decide = can(actor, "attendance.approve") and may_decide(s, actor, r.employee_id, r.approver_id)
            if see_all or decide or r.employee_id == actor.employee_id:
                out.append(PendingRequest("leave", r.id, *names[r.employee_id], _(KIND_LABELS[r.kind]), r.start, r.end,
                                          r.reason, r.late, _name(s, r.approver_id), decide))
        for r in s.execute(select(OvertimeRequest).where(OvertimeRequest.status == "pending")).scalars():
            decide = can(actor, "attendance.approve") and may_decide(s, actor, r.employee_id, r.approver_id)
            if see_all or decide or r.employee_id == actor.employee_id:
                out.append(PendingRequest("overtime", r.id, *names[r.employee_id], _("Overtime"), r.start, r.end,
                                          r.reason, False, _name(s, r.approver_id), decide))
        for r in s.execute(select(PunchCorrection).where(PunchCorrection.status == "pending")).scalars():
            decide = can(actor, "attendance.correct") and actor.employee_id != r.employee_id
            if see_all or r.employee_id == actor.employee_id:
                out.append(PendingRequest("correction", r.id, *names[r.employee_id], _("Correction"), r.at, None,
                                          r.reason, False, _("HR or a manager"), decide))
    return sorted(out, key=lambda p: p.start)


def decide(actor: Actor, pending: PendingRequest, approve: bool) -> None:
    """Decide any pending request (the UI's approve/reject buttons)."""
    from app.services.punches import decide_correction

    if pending.kind == "leave":
        decide_leave(actor, pending.id, approve)
    elif pending.kind == "overtime":
        decide_overtime(actor, pending.id, approve)
    else:
        decide_correction(actor, pending.id, approve)
