"""Importing and exporting the roster (CSV/XLSX). An import is all-or-nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional

from sqlalchemy import select

from app.db import reading, transaction
from app.errors import ImportRejected, RowError
from app.i18n import _
from app.io import employees as roster
from app.io.tables import read_table, write_table
from app.models.people import Employee
from app.rules.org import find_cycle
from app.services import audit
from app.services.context import Actor
from app.services.employees import EmployeeInput, _fill, _list_query, _row_fast, ensure_position, list_employees
from app.services.permissions import require

Progress = Optional[Callable[[int, int], None]]


def import_employees(actor: Actor, path: str | Path, progress: Progress = None) -> dict:
    """Create or update the employees in the file; any bad row rejects the whole file.

    The file is read and checked against the stored roster before the write transaction opens. The
    write transaction reads the roster again, re-checks the already-read rows against it (another PC
    may have changed it meanwhile; a row's empty cells keep what is stored then) and writes set-wise,
    so the write lock is held for the write alone, never for reading the file. Progress runs to
    2 × rows: the check, then the write."""
    require(actor, "employees.edit")
    rows = read_table(path, roster.COLUMNS, roster.REQUIRED)
    with reading() as s:
        parsed, errors = roster.parse_rows(rows, _current_inputs(s))
        errors += _check(parsed, _roster_in(s))
    if errors:
        raise ImportRejected(sorted(errors, key=lambda e: e.row))
    total = len(parsed)
    if progress:
        progress(total, total * 2)
    with transaction() as s:
        existing = {e.employee_no: e for e in s.execute(select(Employee)).scalars()}
        parsed, late = roster.parse_rows(rows, _current_inputs(s))
        late += _check(parsed, _roster_in(s))
        if late:
            raise ImportRejected(sorted(late, key=lambda e: e.row))
        positions = {(d, p): ensure_position(s, d, p) for d, p in {(x.department, x.position) for _n, x in parsed}}
        befores: dict[str, dict | None] = {}
        for _row, data in parsed:
            e = existing.get(data.employee_no)
            befores[data.employee_no] = audit.snapshot(e) if e else None
            if e is None:
                e = existing[data.employee_no] = Employee(employee_no=data.employee_no, name=data.name)
                s.add(e)
            _fill(e, data, positions[(data.department, data.position)])
        s.flush()  # one batched INSERT of the new people, batched UPDATEs of the others
        if progress:
            progress(total + total // 2, total * 2)
        for _row, data in parsed:  # managers once everyone exists
            existing[data.employee_no].manager_id = existing[data.manager_no].id if data.manager_no else None
        s.flush()
        audit.record_many(s, actor, [
            ("employee.import", "employee", data.employee_no, befores[data.employee_no],
             audit.snapshot(existing[data.employee_no])) for _row, data in parsed])
        created = sum(1 for b in befores.values() if b is None)
        result = {"created": created, "updated": len(befores) - created}
        audit.record(s, actor, "employees.import_file", "file", Path(path).name, None, result)
        if progress:
            progress(total * 2, total * 2)
    return result


def _roster_in(s) -> dict[str, tuple]:
    """The stored roster as {employee no.: (id, badge code, manager id, clock no.)}."""
    return {no: (eid, badge, manager, clock) for eid, no, badge, manager, clock in s.execute(
        select(Employee.id, Employee.employee_no, Employee.badge_code, Employee.manager_id, Employee.clock_no))}


def _check(parsed: list, stored: dict[str, tuple]) -> list[RowError]:
    """What the file's rows break against the stored roster: repeated numbers, badges or clock
    numbers, one that belongs to someone else, a manager who does not exist, a reporting loop."""
    errors: list[RowError] = []
    badges = {badge: no for no, (_id, badge, _m, _c) in stored.items() if badge}
    clocks = {clock: no for no, (_id, _b, _m, clock) in stored.items() if clock}
    seen_no: dict[str, int] = {}
    seen_badge: dict[str, int] = {}
    seen_clock: dict[str, int] = {}
    file_nos = {data.employee_no for _row, data in parsed}
    for number, data in parsed:
        no = data.employee_no
        if no in seen_no:
            errors.append(RowError(number, _("employee no. {no} also appears in row {other}", no=no, other=seen_no[no])))
        seen_no.setdefault(no, number)
        badge = data.badge_code
        if badge:
            if badge in seen_badge:
                errors.append(RowError(number, _("badge {badge} also appears in row {other}", badge=badge, other=seen_badge[badge])))
            elif badges.get(badge, no) != no:
                errors.append(RowError(number, _("badge {badge} already belongs to {owner}", badge=badge, owner=badges[badge])))
            seen_badge.setdefault(badge, number)
        clock = (data.clock_no or "").strip()
        if clock:
            if clock in seen_clock:
                errors.append(RowError(number, _("clock no. {clock} also appears in row {other}", clock=clock, other=seen_clock[clock])))
            elif clocks.get(clock, no) != no:
                errors.append(RowError(number, _("clock no. {clock} already belongs to {owner}", clock=clock, owner=clocks[clock])))
            seen_clock.setdefault(clock, number)
        if data.manager_no and data.manager_no not in file_nos and data.manager_no not in stored:
            errors.append(RowError(number, _("manager no. {no} does not exist", no=data.manager_no)))
    # the reporting lines after the import must form a tree
    id_to_no = {eid: no for no, (eid, _b, _m, _c) in stored.items()}
    manager_of = {no: id_to_no.get(manager) for no, (_id, _b, manager, _c) in stored.items()}
    for _row, data in parsed:
        manager_of[data.employee_no] = data.manager_no or None
    loop = find_cycle(manager_of)
    if loop:
        row_of = {data.employee_no: number for number, data in parsed}
        first = min((row_of[n] for n in loop if n in row_of), default=2)
        errors.append(RowError(first, _("reporting loop: {chain}", chain=" → ".join(loop + [loop[0]]))))
    return errors


def _current_inputs(s) -> dict[str, EmployeeInput]:
    """Every employee as the form would show them: what a row's missing or empty cells keep."""
    current = {}
    for r in s.execute(_list_query()).all():
        row = _row_fast(r, True)
        current[row.employee_no] = EmployeeInput(
            employee_no=row.employee_no, name=row.name, department=row.department, position=row.position,
            manager_no=row.manager_no, hire_date=row.hire_date, leave_date=row.leave_date, status=row.status,
            phone=row.phone, badge_code=row.badge_code)
    return current


def export_employees(actor: Actor, path: str | Path) -> int:
    """Write the roster as CSV or XLSX with Chinese headers (the import reads it back)."""
    require(actor, "employees.view_private")
    rows = list_employees(actor)
    write_table(path, roster.EXPORT_HEADER_ZH, [
        [r.employee_no, r.name, r.department, r.position, r.manager_no, r.hire_date, r.leave_date,
         roster.STATUS_ZH.get(r.status, r.status), r.badge_code, r.phone, r.clock_no]
        for r in rows
    ], sheet_title="员工花名册")
    return len(rows)
