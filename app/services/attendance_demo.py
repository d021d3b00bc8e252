"""Demo attendance: about two months of believable punches for the demo department up to ``today``,
a duty roster, a few late arrivals, one early leave, one absence, one missing punch, approved sick
and personal leave, approved weekend overtime and one pending request."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from sqlalchemy import insert, select
from sqlmodel import Session

from app.models.attendance import LeaveRequest, OvertimeRequest, Punch
from app.models.people import Employee
from app.services.attendance import Person, load_schedule
from app.services.context import Actor
from app.services.roster import fill_roster_in

DEMO_ORDER = 40


def _at(day: date, minutes: int, seconds: int = 0) -> datetime:
    return datetime.combine(day, time(minutes // 60, minutes % 60, seconds))


def seed_demo(session: Session, actor: Actor, today: date) -> None:
    s = session
    start = date(today.year - (today.month == 1), (today.month - 2) % 12 + 1, 1)
    months = [(start.year, start.month), (today.year, today.month)]
    for y, m in months:
        fill_roster_in(s, y, m)
    people = {no: Person(i, no, name, hire, leave, mgr) for i, no, name, hire, leave, mgr in s.execute(
        select(Employee.id, Employee.employee_no, Employee.name, Employee.hire_date, Employee.leave_date, Employee.manager_id))}
    sched = load_schedule(s, today + timedelta(days=1))
    sched.tracking_start = start
    days = [start + timedelta(days=i) for i in range((today - start).days)]  # up to yesterday
    workdays = [d for d in days if sched.working_day(d)]
    recent = [d for d in workdays if d.month == today.month] or workdays
    pick = lambda k: recent[k % len(recent)] if recent else start  # noqa: E731
    absent = {("E011", pick(3))}
    early = {("E010", pick(5))}
    missing = {("E013", pick(1))}
    late = {("E005", pick(0)): 12, ("E005", pick(4)): 7, ("E009", pick(2)): 25, ("E012", workdays[3]): 9}
    sick_day, personal_day = pick(6), next((d for d in recent[2:] if d.weekday() in (1, 2, 3)), pick(2))
    rows = []
    for no, person in people.items():
        for day in days:
            if not sched.is_scheduled(person, day) or (no, day) in absent:
                continue
            if (no == "E008" and day == sick_day):
                continue
            rnd = random.Random(f"{no}{day.isoformat()}")
            punches = [_at(day, 495 + rnd.randint(0, 14), rnd.randint(0, 59)),
                       _at(day, 720 + rnd.randint(0, 8), rnd.randint(0, 59)),
                       _at(day, 795 + rnd.randint(0, 14), rnd.randint(0, 59)),
                       _at(day, 1050 + rnd.randint(0, 20), rnd.randint(0, 59))]
            if (no, day) in late:
                punches[0] = _at(day, 510 + late[(no, day)], 10)
            if (no, day) in early:
                punches[3] = _at(day, 1030, 5)
            if (no, day) in missing:
                punches = punches[:3]
            if no == "E006" and day == personal_day:
                punches = punches[:2]
            rows += [{"employee_id": person.id, "at": at, "source": "kiosk", "recorded_at": at, "recorded_by": "kiosk",
                      "note": ""} for at in punches]
    if rows:
        s.execute(insert(Punch), rows)
    requested = datetime.combine(start, time(9))
    leaves = [
        LeaveRequest(employee_id=people["E008"].id, kind="sick", start=_at(sick_day, 510), end=_at(sick_day, 1050),
                     reason="发烧就医", certificate=False, late=True, route="supervisor",
                     approver_id=people["E008"].manager_id, status="approved", requested_by="E008",
                     requested_at=_at(sick_day, 480), decided_by="E007", decided_at=_at(sick_day, 600)),
        LeaveRequest(employee_id=people["E006"].id, kind="personal", start=_at(personal_day, 810),
                     end=_at(personal_day, 1050), reason="办理房产手续", route="supervisor",
                     approver_id=people["E006"].manager_id, status="approved", requested_by="zhaosq",
                     requested_at=_at(personal_day - timedelta(days=2), 600), decided_by="wanghr",
                     decided_at=_at(personal_day - timedelta(days=2), 700)),
        LeaveRequest(employee_id=people["E004"].id, kind="annual", start=_at(today + timedelta(days=3), 510),
                     end=_at(today + timedelta(days=3), 1050), reason="回老家探亲", route="supervisor",
                     approver_id=people["E004"].manager_id, status="pending", requested_by="zhangyt",
                     requested_at=datetime.combine(today, time(9))),
    ]
    weekend = next((d for d in reversed(days) if not sched.working_day(d)), None)
    for leave in leaves:
        s.add(leave)
    if weekend is not None:
        s.add(OvertimeRequest(employee_id=people["E014"].id, start=_at(weekend, 540), end=_at(weekend, 780),
                              reason="双十一大促发货", hours=4.0, comp_hours=4.0, approver_id=people["E014"].manager_id,
                              status="approved", requested_by="E014", requested_at=requested, decided_by="linxw",
                              decided_at=_at(weekend, 800)))
    s.flush()
