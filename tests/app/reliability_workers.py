"""Worker processes for the concurrency and fault tests (tests/app/test_reliability_*.py).

  python tests/app/reliability_workers.py punches DB N DONE_FILE     # N kiosk punches, one transaction each
  python tests/app/reliability_workers.py office DB STOP_FILE        # leave/employee/policy edits until STOP_FILE exists
  python tests/app/reliability_workers.py import DB CSV [DIE_AT]     # employees import; SIGKILL itself at progress DIE_AT

Each prints one JSON line with what it did, and exits 1 (printing the error) when any action failed:
an error here is an error a user would have seen. Every action is a real service call.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from datetime import date, datetime, timedelta
from datetime import time as clock
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

RELIABILITY_DAY = date(2026, 10, 14)  # a Wednesday; the punches land in its night, far from any shift
RELIABILITY_SPACING = timedelta(minutes=2)  # apart by more than the 60 s that makes two punches one
_badges: dict[str, list[str]] = {}
_leave_state: dict[str, dict] = {}  # per database: calls so far, requests to approve, next free day per person


def _actor():
    from app.services.context import Actor

    return Actor.system("reliability-worker")


def reliability_punch(i: int) -> int:
    """The i-th of a run of kiosk badge punches: everyone in turn, each person's punches
    RELIABILITY_SPACING apart from midnight of RELIABILITY_DAY. Committed before it returns; returns the
    id. A punch the kiosk would answer "already recorded" is an error here (it would be a lost punch)."""
    from sqlalchemy import select

    from app.db import current, reading
    from app.models.people import Employee
    from app.services.punches import kiosk_badge

    key = str(current().engine.url)
    badges = _badges.get(key)
    if badges is None:
        with reading() as s:
            badges = _badges[key] = list(s.execute(select(Employee.badge_code).where(
                Employee.badge_code.is_not(None), Employee.badge_code != "", Employee.status != "left")
                .order_by(Employee.employee_no)).scalars())
    at = datetime.combine(RELIABILITY_DAY, clock()) + RELIABILITY_SPACING * (i // len(badges))
    result = kiosk_badge(badges[i % len(badges)], at=at)
    if result.duplicate:
        raise RuntimeError(f"punch {i} was taken for a duplicate of punch {result.punch_id}")
    return result.punch_id


def leave_action(i: int) -> str:
    """What the office window does while the kiosk punches: file annual leave for a demo employee
    (odd calls) and approve it (even calls). Each call is one transaction with one audit row; returns
    that row's action."""
    from sqlalchemy import select

    from app.db import current, reading
    from app.models.attendance import LeaveRequest
    from app.models.people import Employee
    from app.rules.calendar import is_plan_day, is_working_day
    from app.services.attendance import load_schedule
    from app.services.leave import decide_leave, request_leave

    actor = _actor()
    state = _leave_state.setdefault(str(current().engine.url), {"n": 0, "pending": [], "next": {}})
    state["n"] += 1
    if state["n"] % 2 == 0 and state["pending"]:
        decide_leave(actor, state["pending"].pop(0), True)
        return "leave.decide"
    first = RELIABILITY_DAY + timedelta(days=30)
    with reading() as s:
        staff = list(s.execute(select(Employee.employee_no).where(Employee.manager_id.is_not(None), Employee.status != "left")
                               .order_by(Employee.employee_no)).scalars())
        sched = load_schedule(s, first + timedelta(days=400))
    no = staff[state["n"] % len(staff)]
    day = state["next"].get(no, first)
    with reading() as s:
        taken = {(r.start.date(), r.end.date()) for r in s.execute(select(LeaveRequest).join(
            Employee, Employee.id == LeaveRequest.employee_id).where(Employee.employee_no == no)).scalars()}
    while not (is_working_day(day, sched.values["attendance.work_days"], sched.calendar) and not is_plan_day(day)) \
            or any(a <= day <= b for a, b in taken):
        day += timedelta(days=1)
    state["next"][no] = day + timedelta(days=1)
    start = datetime.combine(day, clock(8, 30))
    state["pending"].append(request_leave(actor, no, "annual", start, start + timedelta(hours=9), "reliability test"))
    return "leave.request"


def office_actions():
    """What the office window does meanwhile: edit employees and settings, file and approve leave."""
    from app.services import employees, policy

    actor = _actor()

    def edit_employee(i: int) -> str:
        row = employees.get_employee(actor, "E002")
        data = employees.EmployeeInput(employee_no="E002", name=row.name, department=row.department,
                                       position=row.position, manager_no=row.manager_no, hire_date=row.hire_date,
                                       status=row.status, phone=f"1380000{i:04d}", badge_code=row.badge_code)
        employees.update_employee(actor, "E002", data)
        return "employee.update"

    def add_employee(i: int) -> str:
        employees.create_employee(actor, employees.EmployeeInput(employee_no=f"W{i:05d}", name=f"并发员工{i}", manager_no="E002"))
        return "employee.create"

    def set_policy(i: int) -> str:
        policy.set_value(actor, "security.login_lock_minutes", 1 + i % 60)
        return "policy.set"

    return [edit_employee, add_employee, set_policy, leave_action]


def run_punches(db: str, n: int, done_file: str) -> int:
    from app.db import open_database

    open_database(db, migrate=False)
    write = reliability_punch
    errors, written = [], 0
    try:
        for i in range(n):
            try:
                write(i)
                written += 1
                # a door scan takes a person at least a second; 5 ms still gives SQLite's busy handler
                # (which polls) a moment to hand the lock to the office instead of starving it
                time.sleep(0.005)
            except Exception as exc:  # noqa: BLE001 - every failure is what a user would see
                errors.append(f"{exc.__class__.__name__}: {exc}")
    finally:
        Path(done_file).write_text("done")
    print(json.dumps({"written": written, "errors": errors[:5]}))
    return 1 if errors else 0


def run_office(db: str, stop_file: str) -> int:
    from app.db import open_database

    open_database(db, migrate=False)
    actions = office_actions()
    done: dict[str, int] = {}
    errors = []
    i = 0
    while not os.path.exists(stop_file) or i < 30:
        try:
            kind = actions[i % len(actions)](i)
            done[kind] = done.get(kind, 0) + 1
        except Exception as exc:  # noqa: BLE001
            errors.append(f"{exc.__class__.__name__}: {exc}")
        i += 1
        time.sleep(0.002)
    print(json.dumps({"done": done, "errors": errors[:5]}))
    return 1 if errors else 0


def run_import(db: str, csv_file: str, die_at: int | None) -> int:
    from app.db import open_database
    from app.services.employee_files import import_employees

    open_database(db, migrate=False)

    def progress(done: int, total: int) -> None:
        if die_at is not None and done >= die_at:
            os.kill(os.getpid(), signal.SIGKILL)

    print("ready", flush=True)
    result = import_employees(_actor(), csv_file, progress)
    print(json.dumps(result), flush=True)
    return 0


def main(argv: list[str]) -> int:
    kind = argv[0]
    if kind == "punches":
        return run_punches(argv[1], int(argv[2]), argv[3])
    if kind == "office":
        return run_office(argv[1], argv[2])
    if kind == "import":
        return run_import(argv[1], argv[2], int(argv[3]) if len(argv) > 3 else None)
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
