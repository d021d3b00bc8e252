"""Importing and exporting the roster (CSV/XLSX). An import is all-or-nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional

from sqlalchemy import select

from app.db import transaction
from app.errors import ImportRejected, RowError
from app.i18n import _
from app.io import employees as roster
from app.io.tables import read_table, write_table
from app.models.people import Employee
from app.rules.org import find_cycle
from app.services import audit
from app.services.context import Actor
from app.services.employees import _LIST_QUERY, EmployeeInput, _apply, _row_fast, list_employees
from app.services.permissions import require

Progress = Optional[Callable[[int, int], None]]


def import_employees(actor: Actor, path: str | Path, progress: Progress = None) -> dict:
    """Create or update the employees in the file; any bad row rejects the whole file."""
    require(actor, "employees.edit")
    rows = read_table(path, roster.COLUMNS, roster.REQUIRED)
    with transaction() as s:
        existing = {e.employee_no: e for e in s.execute(select(Employee)).scalars()}
        parsed, errors = roster.parse_rows(rows, _current_inputs(s))
        badges = {e.badge_code: e.employee_no for e in existing.values() if e.badge_code}
        seen_no: dict[str, int] = {}
        seen_badge: dict[str, int] = {}
        clocks = {e.clock_no: e.employee_no for e in existing.values() if e.clock_no}
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
            if data.manager_no and data.manager_no not in file_nos and data.manager_no not in existing:
                errors.append(RowError(number, _("manager no. {no} does not exist", no=data.manager_no)))
        # the reporting lines after the import must form a tree
        manager_of = {no: None for no in existing}
        id_to_no = {e.id: no for no, e in existing.items()}
        for no, e in existing.items():
            manager_of[no] = id_to_no.get(e.manager_id)
        for _row, data in parsed:
            manager_of[data.employee_no] = data.manager_no or None
        loop = find_cycle(manager_of)
        if loop:
            row_of = {data.employee_no: number for number, data in parsed}
            first = min((row_of[n] for n in loop if n in row_of), default=2)
            errors.append(RowError(first, _("reporting loop: {chain}", chain=" → ".join(loop + [loop[0]]))))
        if errors:
            raise ImportRejected(sorted(errors, key=lambda e: e.row))
        created = updated = 0
        total = len(parsed)
        for i, (_row, data) in enumerate(parsed, start=1):
            e = existing.get(data.employee_no)
            before = audit.snapshot(e) if e else None
            if e is None:
                e = Employee(employee_no=data.employee_no, name=data.name)
                s.add(e)
                existing[data.employee_no] = e
                created += 1
            else:
                updated += 1
            _apply(s, e, data)
            s.flush()
            audit.record(s, actor, "employee.import", "employee", e.employee_no, before, audit.snapshot(e))
            if progress:
                progress(i, total * 2)
        for i, (_row, data) in enumerate(parsed, start=1):  # managers once everyone exists
            e = existing[data.employee_no]
            e.manager_id = existing[data.manager_no].id if data.manager_no else None
            if progress:
                progress(total + i, total * 2)
        audit.record(s, actor, "employees.import_file", "file", Path(path).name, None,
                     {"created": created, "updated": updated})
    return {"created": created, "updated": updated}


def _current_inputs(s) -> dict[str, EmployeeInput]:
    """Every employee as the form would show them: what a row's missing or empty cells keep."""
    current = {}
    for r in s.execute(_LIST_QUERY).all():
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
