"""Employee records: list, create, edit, deactivate, kiosk PIN."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import cache
from typing import Optional

from sqlalchemy import func, select
from sqlmodel import Session

from app.db import reading, transaction
from app.errors import ConflictError, NotFound, ValidationError
from app.i18n import N_, _
from app.models.org import Department, Position
from app.models.people import EMPLOYEE_STATUSES, Employee
from app.rules.org import creates_cycle
from app.security import hash_pin
from app.services import audit
from app.services.context import Actor
from app.services.permissions import can, require

STATUS_LABELS = {"active": N_("Active"), "probation": N_("Probation"), "left": N_("Left")}
_EMPLOYEE_NO = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-]{0,31}$")
_PIN = re.compile(r"^\d{4,8}$")


@dataclass
class EmployeeInput:
    """What a form or an import row says about one employee."""

    employee_no: str
    name: str
    department: str = ""
    position: str = ""
    manager_no: str = ""
    hire_date: Optional[date] = None
    leave_date: Optional[date] = None
    status: str = "active"
    phone: str = ""
    badge_code: str = ""
    pin: str = ""  # empty: keep the current PIN
    clock_no: Optional[str] = None  # 考勤号码, the user number on the wall clock; None keeps the stored one


@dataclass
class EmployeeRow:
    """One employee as lists and forms show it."""

    id: int
    employee_no: str
    name: str
    department: str
    position: str
    manager_no: str
    manager_name: str
    hire_date: Optional[date]
    leave_date: Optional[date]
    status: str
    phone: str = ""
    badge_code: str = ""
    has_pin: bool = False
    extra: dict = field(default_factory=dict)
    clock_no: str = ""

    def as_dict(self) -> dict:
        data = asdict(self)
        data.pop("extra", None)
        for key in ("hire_date", "leave_date"):
            data[key] = data[key].isoformat() if data[key] else None
        return data


def field_problems(data: EmployeeInput) -> dict[str, str]:
    """Per-field messages for a form or an import row (empty when the record is valid)."""
    problems: dict[str, str] = {}
    if not data.employee_no.strip():
        problems["employee_no"] = _("Employee no. is missing")
    elif not _EMPLOYEE_NO.match(data.employee_no.strip()):
        problems["employee_no"] = _("Employee no. may use letters, digits, - and _ only (at most 32)")
    if any(_has_control(v) for v in (data.employee_no, data.name, data.phone, data.badge_code, data.department, data.position,
                                     data.clock_no or "")):
        problems["text"] = _("Remove the control characters (line breaks, tabs) from the text fields")
    if not data.name.strip():
        problems["name"] = _("Name is missing")
    elif len(data.name.strip()) > 50:
        problems["name"] = _("Name is longer than 50 characters")
    if data.status not in EMPLOYEE_STATUSES:
        problems["status"] = _("Status must be one of: active, probation, left")
    if data.hire_date and data.leave_date and data.leave_date < data.hire_date:
        problems["leave_date"] = _("Leave date is before the hire date")
    if data.status == "left" and not data.leave_date:
        problems["leave_date"] = _("A person who has left needs a leave date")
    if len((data.clock_no or "").strip()) > 32:
        problems["clock_no"] = _("The clock no. is longer than 32 characters")
    if data.pin and not _PIN.match(data.pin):
        problems["pin"] = _("The PIN must be 4 to 8 digits")
    if data.manager_no and data.manager_no.strip() == data.employee_no.strip():
        problems["manager_no"] = _("A person cannot be their own manager")
    if bool(data.position.strip()) != bool(data.department.strip()):
        problems["position"] = _("Give both a department and a position, or neither")
    return problems


def _has_control(text: str) -> bool:
    return any(ord(ch) < 32 or ord(ch) == 127 for ch in text or "")


def _validate(data: EmployeeInput) -> None:
    problems = field_problems(data)
    if problems:
        raise ValidationError("; ".join(problems.values()))


def ensure_position(s: Session, department: str, position: str) -> Optional[Position]:
    """The position named in a form or file, created (with its department) if missing."""
    if not department.strip() or not position.strip():
        return None
    dept = s.execute(select(Department).where(Department.name == department.strip())).scalar()
    if dept is None:
        dept = Department(name=department.strip())
        s.add(dept)
        s.flush()
    pos = s.execute(
        select(Position).where(Position.department_id == dept.id, Position.name == position.strip())
    ).scalar()
    if pos is None:
        pos = Position(name=position.strip(), department_id=dept.id)
        s.add(pos)
        s.flush()
    return pos


def _row(s: Session, e: Employee, private: bool) -> EmployeeRow:
    pos = s.get(Position, e.position_id) if e.position_id else None
    dept = s.get(Department, pos.department_id) if pos else None
    mgr = s.get(Employee, e.manager_id) if e.manager_id else None
    return EmployeeRow(
        id=e.id, employee_no=e.employee_no, name=e.name,
        department=dept.name if dept else "", position=pos.name if pos else "",
        manager_no=mgr.employee_no if mgr else "", manager_name=mgr.name if mgr else "",
        hire_date=e.hire_date, leave_date=e.leave_date, status=e.status,
        phone=e.phone if private else "", badge_code=(e.badge_code or "") if private else "",
        has_pin=bool(e.pin_hash) if private else False, clock_no=e.clock_no or "",
    )


def list_employees(actor: Actor, search: str = "", include_left: bool = True) -> list[EmployeeRow]:
    require(actor, "employees.view")
    private = can(actor, "employees.view_private")
    with reading() as s:
        rows = [_row_fast(r, private) for r in s.execute(_list_query()).all()]
    needle = search.strip().lower()
    if needle:
        rows = [r for r in rows if needle in " ".join(
            (r.employee_no, r.name, r.department, r.position, r.manager_name, r.phone if private else "")).lower()]
    if not include_left:
        rows = [r for r in rows if r.status != "left"]
    return rows


@cache
def _list_query():
    """Built on the first list, not at import: an ORM select configures every mapper, which the
    main window's first paint need not wait for (the list loads on the executor)."""
    manager = Employee.__table__.alias("mgr")
    return (select(Employee, Position.name, Department.name, manager.c.employee_no, manager.c.name)
            .outerjoin(Position, Position.id == Employee.position_id)
            .outerjoin(Department, Department.id == Position.department_id)
            .outerjoin(manager, manager.c.id == Employee.manager_id)
            .order_by(Employee.employee_no))


def _row_fast(r, private: bool) -> EmployeeRow:
    e, pos, dept, mgr_no, mgr_name = r
    return EmployeeRow(
        id=e.id, employee_no=e.employee_no, name=e.name, department=dept or "", position=pos or "",
        manager_no=mgr_no or "", manager_name=mgr_name or "", hire_date=e.hire_date, leave_date=e.leave_date,
        status=e.status, phone=e.phone if private else "", badge_code=(e.badge_code or "") if private else "",
        has_pin=bool(e.pin_hash) if private else False, clock_no=e.clock_no or "",
    )


def by_no(s: Session, employee_no: str) -> Employee:
    e = s.execute(select(Employee).where(Employee.employee_no == employee_no.strip())).scalar()
    if e is None:
        raise NotFound("There is no employee with no. {no}.", no=employee_no)
    return e


def get_employee(actor: Actor, employee_no: str) -> EmployeeRow:
    require(actor, "employees.view")
    with reading() as s:
        return _row(s, by_no(s, employee_no), can(actor, "employees.view_private"))


def _check_unique(s: Session, data: EmployeeInput, self_id: Optional[int]) -> None:
    other = s.execute(select(Employee.id).where(Employee.employee_no == data.employee_no.strip())).scalar()
    if other is not None and other != self_id:
        raise ConflictError("Employee no. {no} is already used by someone else.", no=data.employee_no)
    badge = data.badge_code.strip()
    if badge:
        owner = s.execute(select(Employee).where(Employee.badge_code == badge)).scalar()
        if owner is not None and owner.id != self_id:
            raise ConflictError("Badge {badge} already belongs to {name} ({no}).", badge=badge, name=owner.name, no=owner.employee_no)
    clock = (data.clock_no or "").strip()
    if clock:
        owner = s.execute(select(Employee).where(Employee.clock_no == clock)).scalar()
        if owner is not None and owner.id != self_id:
            raise ConflictError("Clock no. {clock} already belongs to {name} ({no}).", clock=clock, name=owner.name,
                                no=owner.employee_no)


def _manager_id(s: Session, data: EmployeeInput, self_id: Optional[int]) -> Optional[int]:
    if not data.manager_no.strip():
        return None
    mgr = s.execute(select(Employee).where(Employee.employee_no == data.manager_no.strip())).scalar()
    if mgr is None:
        raise ValidationError("Manager no. {no} does not exist.", no=data.manager_no)
    if self_id is not None:
        manager_of = dict(s.execute(select(Employee.id, Employee.manager_id)).all())
        if creates_cycle(manager_of, self_id, mgr.id):
            raise ConflictError("{name} reports (directly or indirectly) to this person; that would make a reporting loop.", name=mgr.name)
    return mgr.id


def _apply(s: Session, e: Employee, data: EmployeeInput) -> None:
    _fill(e, data, ensure_position(s, data.department, data.position))


def _fill(e: Employee, data: EmployeeInput, pos: Optional[Position]) -> None:
    """An employee's fields from a form or a file row, with its position already found."""
    e.employee_no = data.employee_no.strip()
    e.name = data.name.strip()
    e.position_id = pos.id if pos else None
    e.hire_date = data.hire_date
    e.leave_date = data.leave_date
    e.status = data.status
    e.phone = data.phone.strip()
    e.badge_code = data.badge_code.strip() or None
    if data.clock_no is not None:
        e.clock_no = data.clock_no.strip() or None
    if data.pin:
        e.pin_hash = hash_pin(data.pin)


def create_employee(actor: Actor, data: EmployeeInput) -> EmployeeRow:
    require(actor, "employees.edit")
    _validate(data)
    with transaction() as s:
        _check_unique(s, data, None)
        e = Employee(employee_no=data.employee_no.strip(), name=data.name.strip())
        e.manager_id = _manager_id(s, data, None)
        _apply(s, e, data)
        s.add(e)
        s.flush()
        audit.record(s, actor, "employee.create", "employee", e.employee_no, None, audit.snapshot(e))
        return _row(s, e, True)


def update_employee(actor: Actor, employee_no: str, data: EmployeeInput) -> EmployeeRow:
    require(actor, "employees.edit")
    _validate(data)
    with transaction() as s:
        e = by_no(s, employee_no)
        before = audit.snapshot(e)
        _check_unique(s, data, e.id)
        e.manager_id = _manager_id(s, data, e.id)
        _apply(s, e, data)
        s.flush()
        audit.record(s, actor, "employee.update", "employee", e.employee_no, before, audit.snapshot(e))
        return _row(s, e, True)


def deactivate_employee(actor: Actor, employee_no: str, leave_date: date) -> EmployeeRow:
    """Mark a person as left (离职). Their history stays; they drop out of schedules after that day."""
    require(actor, "employees.edit")
    with transaction() as s:
        e = by_no(s, employee_no)
        if e.hire_date and leave_date < e.hire_date:
            raise ValidationError("Leave date is before the hire date")
        before = audit.snapshot(e)
        e.status, e.leave_date = "left", leave_date
        s.flush()
        audit.record(s, actor, "employee.deactivate", "employee", e.employee_no, before, audit.snapshot(e))
        return _row(s, e, True)


def set_pin(actor: Actor, employee_no: str, pin: str) -> None:
    require(actor, "employees.edit")
    if not _PIN.match(pin or ""):
        raise ValidationError("The PIN must be 4 to 8 digits")
    with transaction() as s:
        e = by_no(s, employee_no)
        e.pin_hash = hash_pin(pin)
        audit.record(s, actor, "employee.set_pin", "employee", e.employee_no, None, {"pin": "changed"})


def org_choices(actor: Actor) -> dict[str, list[str]]:
    """Department -> its position names, for the employee form's pickers."""
    require(actor, "employees.view")
    with reading() as s:
        rows = s.execute(
            select(Department.name, Position.name).outerjoin(Position, Position.department_id == Department.id)
            .order_by(Department.sort_order, Department.name, Position.name)
        ).all()
    result: dict[str, list[str]] = {}
    for dept, pos in rows:
        result.setdefault(dept, [])
        if pos:
            result[dept].append(pos)
    return result


def count(actor: Actor) -> int:
    require(actor, "employees.view")
    with reading() as s:
        return s.execute(select(func.count()).select_from(Employee)).scalar_one()


def new_badge_code(actor: Actor) -> str:
    """A random badge code nobody has yet (B + 8 digits). Sequential codes would let anyone guess a
    colleague's badge; the kiosk also reads only a reader's fast burst as a badge."""
    import secrets

    require(actor, "employees.edit")
    with reading() as s:
        taken = set(s.execute(select(Employee.badge_code).where(Employee.badge_code.is_not(None))).scalars())
    while True:
        code = "B" + "".join(str(secrets.randbelow(10)) for _i in range(8))
        if code not in taken:
            return code
