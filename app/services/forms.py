"""Printing the department's paper forms: 请假申请单, 值班表, 员工签收表, 岗位说明书, the blank
per-position 考核表 and the 临时工作交接表. Each gathers its values in one read, lays them out with
app/documents/forms.py and writes the PDF atomically; an unwritable folder is a clear message."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from app.db import reading
from app.errors import NotFound, PermissionDenied, ValidationError
from app.i18n import N_, _
from app.models.attendance import LeaveRequest
from app.models.audit import AuditEntry
from app.models.org import Department, Position
from app.models.people import Employee
from app.models.users import User
from app.services import policy
from app.services.context import Actor
from app.services.documents import _company, _write_atomic, check_output_file, parse_period
from app.services.permissions import can, require

ROUTES = {"supervisor": N_("Up to the limit the direct supervisor approves."),
          "leader": N_("Longer than the direct supervisor's limit: the department leader approves.")}
STEP = {"supervisor": N_("Direct supervisor's approval"), "leader": N_("Department leader's approval")}
STATUS = {"pending": N_("Pending"), "approved": N_("Approved"), "rejected": N_("Rejected")}


def _written(path: Path, pages: int, **more) -> dict:
    return {"path": str(path), "pages": pages, **more}


def _place(s, employee: Employee) -> tuple[str, str]:
    pos = s.get(Position, employee.position_id) if employee.position_id else None
    dept = s.get(Department, pos.department_id) if pos else None
    return (dept.name if dept else ""), (pos.name if pos else "")


def _person_name(s, username: str) -> str:
    """A user's name as people know it: the linked employee's name, else the user name."""
    if not username:
        return ""
    emp = s.execute(select(Employee.name).join(User, User.employee_id == Employee.id)
                    .where(User.username == username)).scalar()
    if emp is None:  # an approver acting through the command line is named by 工号
        emp = s.execute(select(Employee.name).where(Employee.employee_no == username)).scalar()
    return emp or username


# -- 请假申请单 ---------------------------------------------------------------------------------

def leave_form(actor: Actor, request_id: int):
    from app.documents.forms import Decision, LeaveForm
    from app.services.attendance import KIND_LABELS, load_schedule
    from app.services.leave import _person, scheduled_hours

    require(actor, "attendance.view_own")
    with reading() as s:
        req = s.get(LeaveRequest, request_id)
        if req is None:
            raise NotFound("There is no leave request {id}.", id=request_id)
        if not can(actor, "attendance.view_all") and actor.employee_id != req.employee_id:
            raise PermissionDenied("You may only print your own leave requests.")
        e = s.get(Employee, req.employee_id)
        department, position = _place(s, e)
        sched = load_schedule(s, req.end.date())
        hours = scheduled_hours(sched, _person(e), req.start, req.end)
        day_hours = sched.rules.day_minutes / 60 or 7.5
        approver = s.get(Employee, req.approver_id) if req.approver_id else None
        decisions = []
        for entry in s.execute(select(AuditEntry).where(AuditEntry.entity == "leave_request",
                                                        AuditEntry.entity_id == str(req.id),
                                                        AuditEntry.action.in_(("leave.decide", "leave.extend_decide")))
                               .order_by(AuditEntry.id)).scalars():
            after = entry.after or {}
            at = after.get("decided_at")  # the time on the request, as the approver's screen showed it
            at = datetime.fromisoformat(at) if isinstance(at, str) and at else entry.at
            decisions.append(Decision(_(STEP.get(req.route, STEP["supervisor"])), _person_name(s, entry.actor),
                                      _(STATUS.get(after.get("status", ""), after.get("status", ""))), at))
        if not decisions and req.status != "pending":
            decisions.append(Decision(_(STEP.get(req.route, STEP["supervisor"])), _person_name(s, req.decided_by),
                                      _(STATUS.get(req.status, req.status)), req.decided_at))
        sick_days = policy.value_in(s, "leave.sick_certificate_days")
        company = _company(s)
        if req.certificate:
            certificate = _("provided")
        elif req.kind == "sick" and hours / day_hours > sick_days:
            certificate = _("missing")
        else:
            certificate = _("not needed")
        form = LeaveForm(
            request_id=req.id, name=e.name, employee_no=e.employee_no, department=department, position=position,
            kind=_(KIND_LABELS.get(req.kind, req.kind)), start=req.start, end=req.end, hours=hours,
            days=hours / day_hours, reason=req.reason, certificate=certificate, filed_late=req.late,
            route=_(ROUTES.get(req.route, ROUTES["supervisor"])),
            approver=f"{approver.name}（{approver.employee_no}）" if approver else "",
            status=_(STATUS.get(req.status, req.status)), requested_at=req.requested_at,
            extends_id=getattr(req, "extends_id", None),
            requested_by=_person_name(s, req.requested_by), decisions=decisions)
    return form, company


def print_leave_form(actor: Actor, request_id: int, out: Path | str) -> dict:
    from app.documents.forms import leave_story, write_form

    path = check_output_file(out)
    form, company = leave_form(actor, request_id)
    pages = _write_atomic(path, lambda tmp: write_form(leave_story(form, company), str(tmp), _("Leave Request Form"), company))
    return _written(path, pages, name=form.name, request_id=request_id)


# -- 值班表 -------------------------------------------------------------------------------------

def print_roster(actor: Actor, period: str, out: Path | str) -> dict:
    from app.documents.forms import RosterDay, roster_story, write_form
    from app.documents.pdf import LANDSCAPE
    from app.services.roster import calendar_month, roster_month

    require(actor, "attendance.view_own")
    year, month = parse_period(period)
    path = check_output_file(out)
    on_duty = roster_month(actor, year, month)
    kinds = calendar_month(actor, year, month)
    with reading() as s:
        names = dict(s.execute(select(Employee.employee_no, Employee.name)).all())
        per_day = int(policy.value_in(s, "attendance.duty_per_day"))
        company = _company(s)
    days = [RosterDay(d, [names.get(no, no) for no in nos], kinds.get(d, "workday")) for d, nos in sorted(on_duty.items())]
    title = _("Duty Roster {year}-{month:02d}", year=year, month=month)
    pages = _write_atomic(path, lambda tmp: write_form(roster_story(year, month, days, company, per_day), str(tmp), title,
                                                       company, LANDSCAPE))
    return _written(path, pages, period=f"{year:04d}-{month:02d}", entries=sum(len(d.names) for d in days))


# -- 员工签收表 ---------------------------------------------------------------------------------

def receipt_lines(s) -> list:
    from app.documents.forms import ReceiptLine

    rows = s.execute(select(Employee.name, Employee.employee_no, Department.name, Position.name)
                     .outerjoin(Position, Position.id == Employee.position_id)
                     .outerjoin(Department, Department.id == Position.department_id)
                     .where(Employee.status != "left").order_by(Employee.employee_no)).all()
    return [ReceiptLine(name, no, dept or "", pos or "") for name, no, dept, pos in rows]


def print_handbook_receipt(actor: Actor, out: Path | str, version: str = "") -> dict:
    from app.documents.forms import receipt_story, write_form

    require(actor, "documents.print")
    path = check_output_file(out)
    with reading() as s:
        people = receipt_lines(s)
        company = _company(s)
    handbook = _("E-commerce Department Operations Handbook")
    title = _("Employee Receipt Form")
    pages = _write_atomic(path, lambda tmp: write_form(receipt_story(people, company, handbook, version), str(tmp), title, company))
    return _written(path, pages, people=len(people))


# -- 岗位说明书 and the blank 考核表 ------------------------------------------------------------

def _find_position(s, text: str) -> Position:
    """A position by name, by "部门/岗位" when the name is in several departments, or by id."""
    text = (text or "").strip()
    if not text:
        raise ValidationError("Name the position, e.g. 运营专员 or 客服组/客服专员.")
    q = select(Position, Department.name).join(Department, Department.id == Position.department_id)
    if "/" in text:
        dept, _sep, name = text.partition("/")
        found = s.execute(q.where(Department.name == dept.strip(), Position.name == name.strip())).all()
    elif text.isdigit():
        found = s.execute(q.where(Position.id == int(text))).all()
    else:
        found = s.execute(q.where(Position.name == text)).all()
    if not found:
        raise NotFound("There is no position {position}.", position=text)
    if len(found) > 1:
        raise ValidationError("{position} exists in several departments ({departments}); write it as department/position.",
                              position=text, departments=", ".join(sorted(d for _p, d in found)))
    return found[0][0]


def job_card(actor: Actor, position: str):
    from app.documents.handbook import JobCard

    require(actor, "documents.print")
    with reading() as s:
        pos = _find_position(s, position)
        dept = s.get(Department, pos.department_id)
        boss = s.get(Position, pos.reports_to_id) if pos.reports_to_id else None
        actual = len(s.execute(select(Employee.id).where(Employee.position_id == pos.id, Employee.status != "left")).all())
        card = JobCard(pos.name, dept.name if dept else "", boss.name if boss else "", pos.supervisor, pos.drawn_up,
                       pos.summary, [str(d) for d in (pos.duties or [])], pos.planned_headcount, actual)
        return card, _company(s)


def print_job_card(actor: Actor, position: str, out: Path | str) -> dict:
    from app.documents.forms import job_card_story, write_form

    path = check_output_file(out)
    card, company = job_card(actor, position)
    title = _("Job Description")
    pages = _write_atomic(path, lambda tmp: write_form(job_card_story(card, company), str(tmp), title, company))
    return _written(path, pages, position=card.position, department=card.department)


def print_appraisal_form(actor: Actor, position: str, out: Path | str) -> dict:
    from app.documents.forms import appraisal_form_story, write_form
    from app.services.appraisal_templates import template_in

    require(actor, "documents.print")
    path = check_output_file(out)
    with reading() as s:
        pos = _find_position(s, position)
        dept = s.get(Department, pos.department_id)
        template = template_in(s, pos, pos.is_manager)
        weights = policy.value_in(s, "appraisal.weights_manager" if pos.is_manager else "appraisal.weights_staff")
        company = _company(s)
    from app.services.appraisal_core import ROLE_NAMES

    pairs = (template["raters"].items() if isinstance(template.get("raters"), dict)  # a scheme's raters (peers …)
             else zip(("gm", "leader", "head"), weights))
    raters = [(_(ROLE_NAMES.get(role, role)), float(w)) for role, w in pairs if w]
    title = _("Appraisal Form")
    pages = _write_atomic(path, lambda tmp: write_form(appraisal_form_story(pos.name, dept.name if dept else "", template,
                                                                            company, raters), str(tmp), title, company))
    return _written(path, pages, position=pos.name, indicators=sum(len(x.get("indicators", [])) for x in template.get("sections", [])))




# -- the window's choices -----------------------------------------------------------------------

FORM_KINDS = ("leave", "roster", "handbook_receipt", "job_card", "appraisal_form", "handover")


def form_subjects(actor: Actor, kind: str) -> list[tuple[str, str]]:
    """What the documents tab offers to print a form for: (label, value) — leave requests newest
    first, or positions as 部门/岗位; empty for the forms that need no subject."""
    from app.services.attendance import KIND_LABELS

    require(actor, "documents.print")
    with reading() as s:
        if kind == "leave":
            rows = s.execute(select(LeaveRequest.id, LeaveRequest.kind, LeaveRequest.start, Employee.name)
                             .join(Employee, Employee.id == LeaveRequest.employee_id)
                             .order_by(LeaveRequest.id.desc()).limit(300)).all()
            return [(f"{i} · {name} · {_(KIND_LABELS.get(k, k))} · {start:%Y-%m-%d}", str(i)) for i, k, start, name in rows]
        if kind == "handover":
            from app.models.attendance import HandoverRecord

            rows = s.execute(select(HandoverRecord.id, HandoverRecord.start, Employee.name)
                             .join(Employee, Employee.id == HandoverRecord.employee_id)
                             .order_by(HandoverRecord.id.desc()).limit(300)).all()
            return [(f"{i} · {name} · {start:%Y-%m-%d %H:%M}", str(i)) for i, start, name in rows]
        if kind in ("job_card", "appraisal_form"):
            rows = s.execute(select(Department.name, Position.name).join(Position, Position.department_id == Department.id)
                             .order_by(Department.sort_order, Department.name, Position.id)).all()
            return [(f"{d} / {p}", f"{d}/{p}") for d, p in rows]
    return []


def write_form(actor: Actor, kind: str, out: Path | str, *, subject: str = "", period: str = "", version: str = "") -> dict:
    """Print one form by kind (the documents tab's single entry point)."""
    if kind == "leave":
        if not str(subject).strip().isdigit():
            raise ValidationError("Choose the leave request to print.")
        return print_leave_form(actor, int(subject), out)
    if kind == "roster":
        return print_roster(actor, period, out)
    if kind == "handbook_receipt":
        return print_handbook_receipt(actor, out, version)
    if kind == "job_card":
        return print_job_card(actor, subject, out)
    if kind == "appraisal_form":
        return print_appraisal_form(actor, subject, out)
    if kind == "handover":
        if not str(subject).strip().isdigit():
            raise ValidationError("Choose the handover record to print.")
        return print_handover_form(actor, int(subject), out)
    raise NotFound("There is no document called {kind}.", kind=kind)


def preview_form(actor: Actor, kind: str, png: Path | str, dpi: int = 60, **params) -> Path:
    """Page 1 of the form as it would be printed, drawn to a PNG; nothing is kept."""
    import tempfile

    from app.documents.render import page_png

    with tempfile.TemporaryDirectory(prefix="shopteam-preview-") as tmp:
        pdf = Path(tmp) / "preview.pdf"
        write_form(actor, kind, pdf, **params)
        return page_png(pdf, png, dpi=dpi)


# -- 临时工作交接表 -----------------------------------------------------------------------------

def handover_form(actor: Actor, handover_id: int):
    """The handover record (kept by the attendance area, app/services/handover.py) as its paper form."""
    from app.documents.forms import HandoverForm
    from app.services.handover import get_handover

    h = get_handover(actor, handover_id)  # checks who may see it
    with reading() as s:
        giver = s.execute(select(Employee).where(Employee.employee_no == h.employee_no)).scalar()
        department, position = _place(s, giver) if giver else ("", "")
        recorded_by = _person_name(s, h.recorded_by)
        company = _company(s)
    form = HandoverForm(
        handover_id=h.id, start=h.start, end=h.back_at, place=h.place,
        from_name=f"{h.name}（{h.employee_no}）", to_name=f"{h.to_name}（{h.to_employee_no}）", items=h.items,
        recorded_by=recorded_by,
        status=_("Recorded by {who}. The time from the handover until back at the post counts as approved time off the post.",
                 who=recorded_by or "—"),
        extra=[(_("Department"), department or "—"), (_("Position"), position or "—")])
    return form, company


def print_handover_form(actor: Actor, handover_id: int, out: Path | str) -> dict:
    from app.documents.forms import handover_story, write_form

    path = check_output_file(out)
    form, company = handover_form(actor, handover_id)
    title = _("Temporary Work Handover Form")
    pages = _write_atomic(path, lambda tmp: write_form(handover_story(form, company), str(tmp), title, company))
    return _written(path, pages, handover_id=handover_id, name=form.from_name.split("（")[0])
