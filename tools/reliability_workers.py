"""Worker processes for the concurrency and fault tests (tests/app/test_reliability_*.py).

  python tools/reliability_workers.py punches DB N DONE_FILE     # N punches, one transaction each
  python tools/reliability_workers.py office DB STOP_FILE        # leave/tasks/employee edits until STOP_FILE exists
  python tools/reliability_workers.py import DB CSV [DIE_AT]     # employees import; SIGKILL itself at progress DIE_AT

Each prints one JSON line with what it did, and exits 1 (printing the error) when any action failed:
an error here is an error a user would have seen.

Writers are looked up by area: when app.services.attendance / leave / tasks exist the real punch,
leave approval and task edit are used; until then audited stand-ins of the same shape (one small
audited transaction per action, through the policy and employees services) take their place.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PUNCH_ACTION = "policy.set"  # the audit action of one stand-in punch
PUNCH_KEY = "general.company_name"


def _actor():
    from app.services.context import Actor

    return Actor.system("reliability-worker")


def punch_stand_in(i: int) -> str:
    """One appended, audited record, like a kiosk punch; returns its identifying text."""
    from app.services import policy

    text = f"punch {i}"
    policy.set_value(_actor(), PUNCH_KEY, text)
    return text


def punch_writer():
    """The real kiosk punch once the attendance area provides it, else the stand-in."""
    try:
        from app.services import attendance  # noqa: F401
    except ImportError:
        return punch_stand_in
    record = getattr(attendance, "reliability_punch", None)  # the attendance area's hook: (i) -> id
    return record or punch_stand_in


def office_actions():
    """What the office window does meanwhile: edit employees and settings (leave and tasks when they exist)."""
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

    actions = [edit_employee, add_employee, set_policy]
    for area in ("leave", "tasks"):
        try:
            module = __import__(f"app.services.{area}", fromlist=["reliability_action"])
        except ImportError:
            continue
        if hasattr(module, "reliability_action"):
            actions.append(module.reliability_action)
    return actions


def run_punches(db: str, n: int, done_file: str) -> int:
    from app.db import open_database

    open_database(db, migrate=False)
    write = punch_writer()
    errors, written = [], 0
    try:
        for i in range(n):
            try:
                write(i)
                written += 1
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
