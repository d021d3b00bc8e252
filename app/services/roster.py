"""The duty roster (值班表), and each day's kind for the roster grid."""

from __future__ import annotations

from datetime import date

from sqlalchemy import delete, select

from app.db import reading, transaction
from app.errors import NotFound, ValidationError
from app.models.attendance import RosterEntry
from app.models.people import Employee
from app.rules.calendar import day_kind, month_days
from app.services import audit, policy
from app.services.attendance import _month_bounds
from app.services.context import Actor
from app.services.permissions import require


def roster_month(actor: Actor, year: int, month: int) -> dict[date, list[str]]:
    """Who is on duty each day of the month: day -> sorted 工号 list (every day present)."""
    require(actor, "attendance.view_own")
    first, nxt = _month_bounds(year, month)
    result: dict[date, list[str]] = {d: [] for d in month_days(year, month)}
    with reading() as s:
        for day, no in s.execute(select(RosterEntry.day, Employee.employee_no).join(
                Employee, Employee.id == RosterEntry.employee_id).where(RosterEntry.day >= first, RosterEntry.day < nxt)):
            result[day].append(no)
    for v in result.values():
        v.sort()
    return result


def set_roster_day(actor: Actor, day: date, employee_nos: list[str]) -> list[str]:
    """Replace who is on duty on ``day``."""
    require(actor, "attendance.roster")
    wanted = sorted({n.strip() for n in employee_nos if n.strip()})
    with transaction() as s:
        ids = dict(s.execute(select(Employee.employee_no, Employee.id).where(Employee.employee_no.in_(wanted))).all())
        unknown = [n for n in wanted if n not in ids]
        if unknown:
            raise NotFound("There is no employee with no. {no}.", no=", ".join(unknown))
        before = sorted(s.execute(select(Employee.employee_no).join(RosterEntry, RosterEntry.employee_id == Employee.id)
                                  .where(RosterEntry.day == day)).scalars())
        s.execute(delete(RosterEntry).where(RosterEntry.day == day))
        for no in wanted:
            s.add(RosterEntry(day=day, employee_id=ids[no]))
        audit.record(s, actor, "attendance.roster_set", "roster", day.isoformat(), {"on_duty": before}, {"on_duty": wanted})
    return wanted


def fill_roster(actor: Actor, year: int, month: int) -> int:
    """Fill the month's empty days in turn with active people, the configured number per day
    (two by default, weekends included). Days already planned are kept; returns entries added."""
    require(actor, "attendance.roster")
    first, nxt = _month_bounds(year, month)
    with transaction() as s:
        added = fill_roster_in(s, year, month)
        audit.record(s, actor, "attendance.roster_fill", "roster", f"{year}-{month:02d}", None, {"added": added})
    return added


def fill_roster_in(s, year: int, month: int) -> int:
    """fill_roster inside the caller's transaction (also used by the demo)."""
    first, nxt = _month_bounds(year, month)
    per_day = policy.value_in(s, "attendance.duty_per_day")
    people = [(i, no, hire, leave) for i, no, hire, leave, status in s.execute(
        select(Employee.id, Employee.employee_no, Employee.hire_date, Employee.leave_date, Employee.status)
        .order_by(Employee.employee_no)) if status != "left"]
    if not people:
        raise ValidationError("There is nobody to put on the roster.")
    planned = {d for (d,) in s.execute(select(RosterEntry.day).where(RosterEntry.day >= first, RosterEntry.day < nxt))}
    last = s.execute(select(RosterEntry.employee_id).where(RosterEntry.day < first)
                     .order_by(RosterEntry.day.desc(), RosterEntry.id.desc()).limit(1)).scalar()
    turn = next((k + 1 for k, p in enumerate(people) if p[0] == last), 0)
    added = 0
    for day in month_days(year, month):
        if day in planned:
            continue
        chosen: list[int] = []
        tries = 0
        while len(chosen) < min(per_day, len(people)) and tries < len(people):
            pid, _no, hire, leave = people[turn % len(people)]
            turn += 1
            tries += 1
            if (hire and day < hire) or (leave and day > leave) or pid in chosen:
                continue
            chosen.append(pid)
        for pid in chosen:
            s.add(RosterEntry(day=day, employee_id=pid))
            added += 1
    s.flush()
    return added


def calendar_month(actor: Actor, year: int, month: int) -> dict[date, str]:
    """Each day's kind (workday, rest, holiday, makeup) from the shop's calendar."""
    from app.services.calendar import load_calendar

    require(actor, "attendance.view_own")
    first, nxt = _month_bounds(year, month)
    with reading() as s:
        values = policy.values_in(s)
        calendar = load_calendar(s, first, nxt)
    return {d: day_kind(d, values["attendance.work_days"], calendar) for d in month_days(year, month)}
