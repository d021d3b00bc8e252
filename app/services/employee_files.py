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
from app.services.employees import _fill, ensure_position, list_employees
from app.services.permissions import require

Progress = Optional[Callable[[int, int], None]]


def import_employees(actor: Actor, path: str | Path, progress: Progress = None) -> dict:
    """Create or update the employees in the file; any bad row rejects the whole file.

    The file is read and checked against the stored roster before the write transaction opens; the
    write checks the rows again against the roster as it is then (another PC may have changed it) and
    writes them set-wise, so the write lock is held for the write alone. Progress runs to 2 × rows:
    the check, then the write."""
    require(actor, "employees.edit")
    rows = read_table(path, roster.COLUMNS, roster.REQUIRED)
    parsed, errors = roster.parse_rows(rows)
    total = len(parsed)
    with reading() as s:
        stored = _roster_in(s)
    errors += _check(parsed, stored)
    if errors:
        raise ImportRejected(sorted(errors, key=lambda e: e.row))
    if progress:
        progress(total, total * 2)
    with transaction() as s:
        existing = {e.employee_no: e for e in s.execute(select(Employee)).scalars()}
        late = _check(parsed, {no: (e.id, e.badge_code, e.manager_id) for no, e in existing.items()})
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
    """The stored roster as {employee no.: (id, badge code, manager id)}."""
    return {no: (eid, badge, manager) for eid, no, badge, manager in s.execute(
        select(Employee.id, Employee.employee_no, Employee.badge_code, Employee.manager_id))}


def _check(parsed: list, stored: dict[str, tuple]) -> list[RowError]:
    """What the file's rows break against the stored roster: repeated numbers or badges, a badge of
    someone else, a manager who does not exist, a reporting loop."""
    errors: list[RowError] = []
    badges = {badge: no for no, (_id, badge, _m) in stored.items() if badge}
    seen_no: dict[str, int] = {}
    seen_badge: dict[str, int] = {}
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
        if data.manager_no and data.manager_no not in file_nos and data.manager_no not in stored:
            errors.append(RowError(number, _("manager no. {no} does not exist", no=data.manager_no)))
    # the reporting lines after the import must form a tree
    id_to_no = {eid: no for no, (eid, _b, _m) in stored.items()}
    manager_of = {no: id_to_no.get(manager) for no, (_id, _b, manager) in stored.items()}
    for _row, data in parsed:
        manager_of[data.employee_no] = data.manager_no or None
    loop = find_cycle(manager_of)
    if loop:
        row_of = {data.employee_no: number for number, data in parsed}
        first = min((row_of[n] for n in loop if n in row_of), default=2)
        errors.append(RowError(first, _("reporting loop: {chain}", chain=" → ".join(loop + [loop[0]]))))
    return errors


def export_employees(actor: Actor, path: str | Path) -> int:
    """Write the roster as CSV or XLSX with Chinese headers (the import reads it back)."""
    require(actor, "employees.view_private")
    rows = list_employees(actor)
    write_table(path, roster.EXPORT_HEADER_ZH, [
        [r.employee_no, r.name, r.department, r.position, r.manager_no, r.hire_date, r.leave_date,
         roster.STATUS_ZH.get(r.status, r.status), r.badge_code, r.phone]
        for r in rows
    ], sheet_title="员工花名册")
    return len(rows)
