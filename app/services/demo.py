"""The demo department (data/demo/): about 15 people from a general manager down to staff.

Areas extend the demo by defining ``seed_demo(session, actor, today)`` (and optionally
``DEMO_ORDER``, default 100) in their module under app/services; they run in order after
the people exist, inside the same transaction.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
from datetime import date

from sqlalchemy import func, select

import app.services as services_pkg
from app.db import transaction
from app.errors import ConflictError
from app.models.org import Department, Position
from app.models.people import Employee
from app.models.users import User
from app.paths import DATA_DIR
from app.security import hash_password, hash_pin
from app.services import audit
from app.services.context import Actor
from app.services.permissions import require

DEMO_FILE = DATA_DIR / "demo" / "department.json"


def demo_pin(employee_no: str) -> str:
    """Demo kiosk PINs are the digits of the 工号 padded to four: E004 -> 0004."""
    digits = "".join(ch for ch in employee_no if ch.isdigit())
    return digits.zfill(4)[-8:]


def _area_seeders():
    found = []
    for info in pkgutil.iter_modules(services_pkg.__path__):
        if info.name in ("demo",) or info.name.startswith("_"):
            continue
        module = importlib.import_module(f"app.services.{info.name}")
        seeder = getattr(module, "seed_demo", None)
        if callable(seeder):
            found.append((getattr(module, "DEMO_ORDER", 100), info.name, seeder))
    return [seeder for _, _, seeder in sorted(found)]


def load_demo(actor: Actor, today: date | None = None) -> int:
    """Fill an empty database with the demo department; returns the number of employees."""
    require(actor, "employees.edit")
    today = today or date.today()
    spec = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
    with transaction() as s:
        if s.execute(select(func.count()).select_from(Employee)).scalar_one():
            raise ConflictError("The database already has employees; the demo department is only loaded into an empty database.")
        depts: dict[str, Department] = {}
        for i, d in enumerate(spec["departments"]):
            dept = Department(name=d["name"], parent_id=depts[d["parent"]].id if d.get("parent") else None,
                              sort_order=i, description=d.get("description", ""))
            s.add(dept)
            s.flush()
            depts[dept.name] = dept
        positions: dict[str, Position] = {}
        for p in spec["positions"]:
            pos = Position(
                name=p["name"], department_id=depts[p["department"]].id,
                reports_to_id=positions[p["reports_to"]].id if p.get("reports_to") else None,
                supervisor=p.get("supervisor", ""), drawn_up=date(today.year, 1, 1), summary=p.get("summary", ""),
                duties=list(p.get("duties", [])), planned_headcount=p.get("headcount", 1),
                is_manager=p.get("is_manager", False),
            )
            s.add(pos)
            s.flush()
            positions[pos.name] = pos
        people: dict[str, Employee] = {}
        for e in spec["employees"]:
            person = Employee(
                employee_no=e["employee_no"], name=e["name"], position_id=positions[e["position"]].id,
                manager_id=people[e["manager_no"]].id if e.get("manager_no") else None,
                hire_date=date.fromisoformat(e["hire_date"]), status=e.get("status", "active"),
                phone=e.get("phone", ""), badge_code=e.get("badge"), pin_hash=hash_pin(demo_pin(e["employee_no"])),
            )
            s.add(person)
            s.flush()
            people[person.employee_no] = person
        for d in spec["departments"]:  # a head set by hand (部门负责人), see app/rules/raters.py
            if d.get("head_no"):
                depts[d["name"]].head_id = people[d["head_no"]].id
        for u in spec.get("users", []):
            if s.execute(select(User.id).where(User.username == u["username"])).scalar() is None:
                s.add(User(username=u["username"], password_hash=hash_password(u["password"]), role=u["role"],
                           employee_id=people[u["employee_no"]].id if u.get("employee_no") else None))
        s.flush()
        for seeder in _area_seeders():
            seeder(s, actor, today)
        audit.record(s, actor, "demo.load", "database", "", None, {"employees": len(people)})
        return len(people)
