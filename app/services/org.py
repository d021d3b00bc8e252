"""Organization (组织架构): departments, positions with their job card, reporting lines, the chart data."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Optional

from sqlalchemy import select
from sqlmodel import Session

from app.db import reading, transaction
from app.errors import ConflictError, NotFound, ValidationError
from app.i18n import _
from app.models.org import Department, Position
from app.models.people import Employee
from app.rules.org import creates_cycle, initials, staffing, subtree, vacancies
from app.services import audit
from app.services.context import Actor
from app.services.employees import by_no
from app.services.permissions import require

NAME_MAX = 100
SUMMARY_MAX = 1000
DUTY_MAX = 200
DUTIES_MAX = 30
HEADCOUNT_MAX = 999
CURRENT = ("active", "probation")  # people who fill a seat; those who left do not


@dataclass
class DepartmentInput:
    name: str
    parent_id: Optional[int] = None
    description: str = ""
    head_no: str = ""  # the head set by hand; "" lets the rules find it (app/rules/raters.py)


@dataclass
class PositionInput:
    """A job description card (岗位说明书) as a form or a file gives it."""

    name: str
    department_id: int
    reports_to_id: Optional[int] = None
    supervisor: str = ""
    drawn_up: Optional[date] = None
    summary: str = ""
    duties: list = field(default_factory=list)
    planned_headcount: int = 1
    is_manager: bool = False


@dataclass
class DepartmentRow:
    id: int
    name: str
    parent_id: Optional[int]
    parent: str
    sort_order: int
    description: str
    people: int  # current people in its own positions
    head_no: str = ""  # the head set by hand (部门负责人), empty when found by the rules
    head: str = ""  # the head in force: "姓名 (工号)", however found (app/rules/raters.py)
    head_source: str = ""  # set | position | lead | parent | "" (none)


@dataclass
class PositionRow:
    id: int
    name: str
    department_id: int
    department: str
    reports_to_id: Optional[int]
    reports_to: str
    supervisor: str
    drawn_up: Optional[date]
    summary: str
    duties: list
    planned_headcount: int
    actual_headcount: int
    is_manager: bool
    holders: list = field(default_factory=list)  # names of the current people

    @property
    def staffing(self) -> str:
        return staffing(self.planned_headcount, self.actual_headcount)


@dataclass
class PersonNode:
    employee_no: str
    name: str
    status: str
    position_id: Optional[int]
    position: str
    department_id: Optional[int]
    department: str
    manager_no: str


@dataclass
class OrgTree:
    departments: list
    positions: list
    people: list

    @property
    def lines(self) -> list[tuple[str, str]]:
        """Reporting lines as (employee no., manager no.)."""
        return [(p.employee_no, p.manager_no) for p in self.people if p.manager_no]


@dataclass
class ChartNode:
    """One box of the chart: a person, or a planned seat nobody fills yet (vacant)."""

    key: str  # the employee no., or "vacant:<position id>:<seat>"
    manager_key: Optional[str]
    name: str  # empty for a vacant seat
    position: str
    department: str
    colour_index: int
    vacant: bool = False
    initials: str = ""


# -- validation ---------------------------------------------------------------------------
def clean_duties(duties) -> list[str]:
    """The numbered duties as a list of non-empty lines (a form gives one per line)."""
    if isinstance(duties, str):
        duties = duties.splitlines()
    return [str(d).strip() for d in duties if str(d).strip()]


def department_problems(data: DepartmentInput) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not data.name.strip():
        problems["name"] = _("Department name is missing")
    elif len(data.name.strip()) > NAME_MAX:
        problems["name"] = _("Department name is longer than {n} characters", n=NAME_MAX)
    return problems


def position_problems(data: PositionInput) -> dict[str, str]:
    """Per-field messages for the job card form (empty when the card is valid)."""
    problems: dict[str, str] = {}
    if not data.name.strip():
        problems["name"] = _("Position name is missing")
    elif len(data.name.strip()) > NAME_MAX:
        problems["name"] = _("Position name is longer than {n} characters", n=NAME_MAX)
    if not data.department_id:
        problems["department"] = _("Choose the department the position belongs to")
    if not isinstance(data.planned_headcount, int) or not 0 <= data.planned_headcount <= HEADCOUNT_MAX:
        problems["planned_headcount"] = _("Planned headcount must be a whole number from 0 to {n}", n=HEADCOUNT_MAX)
    if len(data.summary.strip()) > SUMMARY_MAX:
        problems["summary"] = _("The summary is longer than {n} characters", n=SUMMARY_MAX)
    duties = clean_duties(data.duties)
    if len(duties) > DUTIES_MAX:
        problems["duties"] = _("A card lists at most {n} duties", n=DUTIES_MAX)
    elif any(len(d) > DUTY_MAX for d in duties):
        problems["duties"] = _("A duty is longer than {n} characters", n=DUTY_MAX)
    if len(data.supervisor.strip()) > NAME_MAX:
        problems["supervisor"] = _("Direct supervisor is longer than {n} characters", n=NAME_MAX)
    return problems


def _raise_problems(problems: dict[str, str]) -> None:
    if problems:
        raise ValidationError("{problems}", problems="; ".join(problems.values()))


# -- reading ------------------------------------------------------------------------------
def _department(s: Session, department_id: int) -> Department:
    dept = s.get(Department, department_id) if department_id else None
    if dept is None:
        raise NotFound("There is no department with id {id}.", id=department_id)
    return dept


def _position(s: Session, position_id: int) -> Position:
    pos = s.get(Position, position_id) if position_id else None
    if pos is None:
        raise NotFound("There is no position with id {id}.", id=position_id)
    return pos


def _load(s: Session) -> OrgTree:
    depts = list(s.execute(select(Department).order_by(Department.sort_order, Department.name)).scalars())
    positions = list(s.execute(select(Position).order_by(Position.id)).scalars())
    people = list(s.execute(select(Employee).order_by(Employee.employee_no)).scalars())
    dept_by_id = {d.id: d for d in depts}
    pos_by_id = {p.id: p for p in positions}
    no_by_id = {e.id: e.employee_no for e in people}
    holders: dict[int, list[str]] = {}
    counts: dict[int, int] = {}
    for e in people:
        if e.status in CURRENT and e.position_id:
            holders.setdefault(e.position_id, []).append(e.name)
            dept_id = pos_by_id[e.position_id].department_id
            counts[dept_id] = counts.get(dept_id, 0) + 1
    from app.services.appraisal_core import rater_plan

    why: dict = {}
    heads = rater_plan(s).heads_explained(why)
    by_id = {e.id: e for e in people}
    dept_rows = [DepartmentRow(d.id, d.name, d.parent_id, dept_by_id[d.parent_id].name if d.parent_id in dept_by_id else "",
                               d.sort_order, d.description, counts.get(d.id, 0),
                               by_id[d.head_id].employee_no if d.head_id in by_id else "",
                               f"{by_id[heads[d.id]].name} ({by_id[heads[d.id]].employee_no})" if heads.get(d.id) else "",
                               why.get(d.id, "")) for d in depts]
    dept_order = {d.id: i for i, d in enumerate(depts)}
    positions.sort(key=lambda p: (dept_order.get(p.department_id, 0), p.id))
    pos_rows = [PositionRow(
        p.id, p.name, p.department_id, dept_by_id[p.department_id].name, p.reports_to_id,
        pos_by_id[p.reports_to_id].name if p.reports_to_id in pos_by_id else "", p.supervisor, p.drawn_up,
        p.summary, list(p.duties or []), p.planned_headcount, len(holders.get(p.id, [])), p.is_manager,
        holders.get(p.id, [])) for p in positions]
    people_rows = []
    for e in people:
        if e.status not in CURRENT:
            continue
        pos = pos_by_id.get(e.position_id)
        dept = dept_by_id.get(pos.department_id) if pos else None
        people_rows.append(PersonNode(e.employee_no, e.name, e.status, pos.id if pos else None, pos.name if pos else "",
                                      dept.id if dept else None, dept.name if dept else "", no_by_id.get(e.manager_id, "")))
    return OrgTree(dept_rows, pos_rows, people_rows)


def org_tree(actor: Actor) -> OrgTree:
    """Departments, positions (job cards with planned vs actual headcount), current people and reporting lines."""
    require(actor, "org.view")
    with reading() as s:
        return _load(s)


def get_position(actor: Actor, position_id: int) -> PositionRow:
    require(actor, "org.view")
    with reading() as s:
        _position(s, position_id)
        return next(p for p in _load(s).positions if p.id == position_id)


def org_chart(actor: Actor) -> list[ChartNode]:
    """The boxes of the reporting tree in sibling order: people, then the planned seats still vacant."""
    tree = org_tree(actor)
    return chart_nodes(tree)


def chart_nodes(tree: OrgTree) -> list[ChartNode]:
    colour = {d.id: i for i, d in enumerate(tree.departments)}
    order = {d.id: (d.sort_order, d.name) for d in tree.departments}
    positions = {p.id: p for p in tree.positions}
    people = sorted(tree.people, key=lambda p: (order.get(p.department_id, (1 << 30, "")),
                                                 not (positions[p.position_id].is_manager if p.position_id else False),
                                                 p.position_id or 0, p.employee_no))
    known = {p.employee_no for p in people}
    nodes = [ChartNode(p.employee_no, p.manager_no if p.manager_no in known else None, p.name, p.position, p.department,
                       colour.get(p.department_id, 0), False, initials(p.name)) for p in people]
    holders: dict[int, list[str]] = {}
    for p in people:
        if p.position_id:
            holders.setdefault(p.position_id, []).append(p.employee_no)
    seats = vacancies({p.id: p.planned_headcount for p in tree.positions}, holders,
                      {p.id: p.reports_to_id for p in tree.positions})
    for position_id, seat, manager in seats:
        pos = positions[position_id]
        nodes.append(ChartNode(f"vacant:{position_id}:{seat}", manager, "", pos.name, pos.department,
                               colour.get(pos.department_id, 0), True, ""))
    return nodes


def export_json(actor: Actor) -> dict:
    """The whole structure as plain JSON-ready data (`org export --format json`)."""
    tree = org_tree(actor)

    def jsonable(row) -> dict:
        data = asdict(row)
        for key, value in data.items():
            if isinstance(value, (date, datetime)):
                data[key] = value.isoformat()
        return data

    positions = []
    for p in tree.positions:
        item = jsonable(p)
        item["staffing"] = p.staffing
        positions.append(item)
    return {
        "departments": [jsonable(d) for d in tree.departments],
        "positions": positions,
        "people": [jsonable(p) for p in tree.people],
        "reporting_lines": [{"employee_no": e, "manager_no": m} for e, m in tree.lines],
    }


# -- departments ---------------------------------------------------------------------------
def _check_department_name(s: Session, name: str, self_id: Optional[int]) -> None:
    other = s.execute(select(Department.id).where(Department.name == name)).scalar()
    if other is not None and other != self_id:
        raise ConflictError("A department called {name} already exists.", name=name)


def _check_department_parent(s: Session, dept_id: Optional[int], name: str, parent_id: Optional[int]) -> None:
    if parent_id is None:
        return
    parent = _department(s, parent_id)
    if dept_id is None:
        return
    parent_of = dict(s.execute(select(Department.id, Department.parent_id)).all())
    if creates_cycle(parent_of, dept_id, parent_id):
        raise ConflictError("{parent} is inside {name}; a department cannot be placed inside itself.",
                            parent=parent.name, name=name)


def _head_id(s: Session, employee_no: str) -> Optional[int]:
    if not (employee_no or "").strip():
        return None
    person = by_no(s, employee_no)
    if person.status not in CURRENT:
        raise ConflictError("{name} has left and cannot head a department.", name=person.name)
    return person.id


def create_department(actor: Actor, data: DepartmentInput) -> DepartmentRow:
    require(actor, "org.edit")
    _raise_problems(department_problems(data))
    name = data.name.strip()
    with transaction() as s:
        _check_department_name(s, name, None)
        _check_department_parent(s, None, name, data.parent_id)
        last = s.execute(select(Department.sort_order).order_by(Department.sort_order.desc()).limit(1)).scalar()
        dept = Department(name=name, parent_id=data.parent_id, description=data.description.strip(),
                          sort_order=(last + 1) if last is not None else 0, head_id=_head_id(s, data.head_no))
        s.add(dept)
        s.flush()
        audit.record(s, actor, "org.department.create", "department", dept.id, None, audit.snapshot(dept))
        return next(d for d in _load(s).departments if d.id == dept.id)


def update_department(actor: Actor, department_id: int, data: DepartmentInput) -> DepartmentRow:
    require(actor, "org.edit")
    _raise_problems(department_problems(data))
    name = data.name.strip()
    with transaction() as s:
        dept = _department(s, department_id)
        before = audit.snapshot(dept)
        _check_department_name(s, name, dept.id)
        if data.parent_id == dept.id:
            raise ConflictError("{parent} is inside {name}; a department cannot be placed inside itself.", parent=name, name=name)
        _check_department_parent(s, dept.id, name, data.parent_id)
        dept.name, dept.parent_id, dept.description = name, data.parent_id, data.description.strip()
        dept.head_id = _head_id(s, data.head_no)
        s.flush()
        audit.record(s, actor, "org.department.update", "department", dept.id, before, audit.snapshot(dept))
        return next(d for d in _load(s).departments if d.id == dept.id)


def _people_in(s: Session, position_ids: list[int]) -> list[Employee]:
    if not position_ids:
        return []
    return list(s.execute(select(Employee).where(Employee.position_id.in_(position_ids))
                          .order_by(Employee.employee_no)).scalars())


def _names(people: list[Employee], limit: int = 5) -> str:
    names = "、".join(e.name for e in people[:limit])
    return names + ("…" if len(people) > limit else "")


def delete_department(actor: Actor, department_id: int) -> None:
    """Delete a department and its (empty) positions. Refused while it has sub-departments or people."""
    require(actor, "org.edit")
    with transaction() as s:
        dept = _department(s, department_id)
        subs = list(s.execute(select(Department.name).where(Department.parent_id == dept.id)).scalars())
        if subs:
            raise ConflictError("Department {name} still contains {subs}; move or delete those first.",
                                name=dept.name, subs="、".join(subs))
        positions = list(s.execute(select(Position).where(Position.department_id == dept.id)).scalars())
        people = _people_in(s, [p.id for p in positions])
        if people:
            raise ConflictError("Department {name} still has {n} people ({names}); move them to another position first.",
                                name=dept.name, n=len(people), names=_names(people))
        before = audit.snapshot(dept)
        before["positions"] = [audit.snapshot(p) for p in positions]
        for pos in positions:
            _detach_reports(s, pos.id)
        for pos in positions:
            s.delete(pos)
        s.flush()
        s.delete(dept)
        s.flush()
        audit.record(s, actor, "org.department.delete", "department", department_id, before, None)


def set_department_head(actor: Actor, department: str | int, employee_no: Optional[str]) -> DepartmentRow:
    """Set the head (部门负责人) of a department by hand, or clear it (None) so the rules find it:
    the manager position's holder, else the one lead of the group, else the parent's head."""
    require(actor, "org.edit")
    with transaction() as s:
        if isinstance(department, int):
            dept = _department(s, department)
        else:
            dept = s.execute(select(Department).where(Department.name == str(department).strip())).scalar()
            if dept is None:
                raise NotFound("There is no department called {name}.", name=department)
        before = {"head_id": dept.head_id}
        dept.head_id = _head_id(s, employee_no or "")
        person = s.get(Employee, dept.head_id) if dept.head_id else None
        s.flush()
        audit.record(s, actor, "org.department.set_head", "department", dept.id, before,
                     {"head_id": dept.head_id, "head_no": person.employee_no if person else None})
        return next(d for d in _load(s).departments if d.id == dept.id)


# -- positions -----------------------------------------------------------------------------
def _check_position(s: Session, data: PositionInput, self_id: Optional[int]) -> Department:
    dept = _department(s, data.department_id)
    other = s.execute(select(Position.id).where(Position.department_id == dept.id,
                                                Position.name == data.name.strip())).scalar()
    if other is not None and other != self_id:
        raise ConflictError("Department {department} already has a position called {name}.",
                            department=dept.name, name=data.name.strip())
    if data.reports_to_id is not None:
        boss = _position(s, data.reports_to_id)
        if self_id is not None:
            reports_to = dict(s.execute(select(Position.id, Position.reports_to_id)).all())
            if creates_cycle(reports_to, self_id, boss.id):
                raise ConflictError("Position {boss} reports (directly or indirectly) to {name}; that would make a reporting loop.",
                                    boss=boss.name, name=data.name.strip())
    return dept


def _apply_position(pos: Position, data: PositionInput) -> None:
    pos.name = data.name.strip()
    pos.department_id = data.department_id
    pos.reports_to_id = data.reports_to_id
    pos.supervisor = data.supervisor.strip()
    pos.drawn_up = data.drawn_up
    pos.summary = data.summary.strip()
    pos.duties = clean_duties(data.duties)
    pos.planned_headcount = data.planned_headcount
    pos.is_manager = bool(data.is_manager)


def create_position(actor: Actor, data: PositionInput) -> PositionRow:
    require(actor, "org.edit")
    _raise_problems(position_problems(data))
    with transaction() as s:
        _check_position(s, data, None)
        pos = Position(name=data.name.strip(), department_id=data.department_id)
        _apply_position(pos, data)
        s.add(pos)
        s.flush()
        audit.record(s, actor, "org.position.create", "position", pos.id, None, audit.snapshot(pos))
        return next(p for p in _load(s).positions if p.id == pos.id)


def update_position(actor: Actor, position_id: int, data: PositionInput) -> PositionRow:
    require(actor, "org.edit")
    _raise_problems(position_problems(data))
    with transaction() as s:
        pos = _position(s, position_id)
        before = audit.snapshot(pos)
        if data.reports_to_id == pos.id:
            raise ConflictError("A position cannot report to itself.")
        _check_position(s, data, pos.id)
        _apply_position(pos, data)
        s.flush()
        audit.record(s, actor, "org.position.update", "position", pos.id, before, audit.snapshot(pos))
        return next(p for p in _load(s).positions if p.id == pos.id)


def _detach_reports(s: Session, position_id: int) -> None:
    for other in s.execute(select(Position).where(Position.reports_to_id == position_id)).scalars():
        other.reports_to_id = None


def delete_position(actor: Actor, position_id: int) -> None:
    """Delete a position (its card goes with it). Refused while anyone holds it, including people who left."""
    require(actor, "org.edit")
    with transaction() as s:
        pos = _position(s, position_id)
        people = _people_in(s, [pos.id])
        if people:
            raise ConflictError("Position {name} still has {n} people ({names}); move them to another position first.",
                                name=pos.name, n=len(people), names=_names(people))
        before = audit.snapshot(pos)
        _detach_reports(s, pos.id)
        s.flush()
        s.delete(pos)
        s.flush()
        audit.record(s, actor, "org.position.delete", "position", position_id, before, None)


# -- reporting lines -----------------------------------------------------------------------
def set_manager(actor: Actor, employee_no: str, manager_no: Optional[str]) -> PersonNode:
    """Make ``manager_no`` the manager of ``employee_no`` (None: nobody). Their reports move with them.
    A reporting loop is refused."""
    require(actor, "org.edit")
    with transaction() as s:
        person = by_no(s, employee_no)
        manager = by_no(s, manager_no) if manager_no else None
        if manager is not None and manager.id == person.id:
            raise ConflictError("A person cannot be their own manager")
        if manager is not None and manager.status == "left":
            raise ConflictError("{name} has left and cannot be anyone's manager.", name=manager.name)
        manager_of = dict(s.execute(select(Employee.id, Employee.manager_id)).all())
        if manager is not None and creates_cycle(manager_of, person.id, manager.id):
            raise ConflictError("{manager} reports (directly or indirectly) to {name}; {name} cannot report to them.",
                                manager=manager.name, name=person.name)
        old = s.get(Employee, person.manager_id) if person.manager_id else None
        new_id = manager.id if manager else None
        if person.manager_id != new_id:
            person.manager_id = new_id
            s.flush()
            audit.record(s, actor, "org.set_manager", "employee", person.employee_no,
                         {"manager_no": old.employee_no if old else None},
                         {"manager_no": manager.employee_no if manager else None,
                          "team_moved": len(subtree(manager_of, person.id))})
        return next(p for p in _load(s).people if p.employee_no == person.employee_no)
