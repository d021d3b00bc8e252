"""Employee records through the services: validation, uniqueness, reporting lines, permissions, audit."""

from datetime import date

import pytest
from sqlalchemy import select

from app.db import reading
from app.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from app.models.audit import AuditEntry
from app.services import employees as svc
from app.services.context import Actor
from app.services.employees import EmployeeInput

STAFF = Actor(username="zhangyt", role="staff")


def audit_rows(action):
    with reading() as s:
        return s.execute(select(AuditEntry).where(AuditEntry.action == action)).scalars().all()


def test_create_employee_creates_department_and_position_and_audits(db, admin):
    row = svc.create_employee(admin, EmployeeInput("E100", "李娜", "客服组", "客服专员", hire_date=date(2026, 3, 1),
                                                   badge_code="B900", pin="1234"))
    assert (row.department, row.position, row.has_pin) == ("客服组", "客服专员", True)
    assert svc.org_choices(admin) == {"客服组": ["客服专员"]}
    [entry] = audit_rows("employee.create")
    assert entry.actor == admin.username and entry.after["name"] == "李娜"
    assert "pin_hash" not in entry.after  # secrets never reach the audit trail


def test_search_matches_name_number_department(demo_db, admin):
    assert [r.employee_no for r in svc.list_employees(admin, "客服")] == ["E007", "E008", "E009"]
    assert [r.name for r in svc.list_employees(admin, "e004")] == ["张雨桐"]


@pytest.mark.parametrize("data, message", [
    (EmployeeInput("", "张三"), "Employee no. is missing"),
    (EmployeeInput("E 1", "张三"), "letters, digits"),
    (EmployeeInput("E1", " "), "Name is missing"),
    (EmployeeInput("E1", "张三", hire_date=date(2026, 5, 1), leave_date=date(2026, 4, 1)), "before the hire date"),
    (EmployeeInput("E1", "张三", status="left"), "needs a leave date"),
    (EmployeeInput("E1", "张三", pin="12a4"), "4 to 8 digits"),
    (EmployeeInput("E1", "张三", department="客服组"), "both a department and a position"),
    (EmployeeInput("E1", "张三", manager_no="E1"), "own manager"),
])
def test_invalid_employee_is_refused_and_nothing_changes(db, admin, data, message):
    with pytest.raises(ValidationError, match=message):
        svc.create_employee(admin, data)
    assert svc.count(admin) == 0
    assert audit_rows("employee.create") == []


def test_duplicate_number_and_badge_are_refused(demo_db, admin):
    with pytest.raises(ConflictError, match="E004"):
        svc.create_employee(admin, EmployeeInput("E004", "重复"))
    with pytest.raises(ConflictError, match="张雨桐"):
        svc.create_employee(admin, EmployeeInput("E200", "新人", badge_code="B01119253"))
    with pytest.raises(ValidationError, match="M009"):
        svc.create_employee(admin, EmployeeInput("E200", "新人", manager_no="M009"))


def test_reporting_loop_is_refused(demo_db, admin):
    boss = svc.get_employee(admin, "E002")
    data = EmployeeInput("E002", boss.name, boss.department, boss.position, manager_no="E004")
    with pytest.raises(ConflictError, match="loop"):
        svc.update_employee(admin, "E002", data)
    assert svc.get_employee(admin, "E002").manager_no == "E001"


def test_update_records_before_and_after(demo_db, admin):
    row = svc.get_employee(admin, "E005")
    data = EmployeeInput(row.employee_no, row.name, "推广组", "推广专员", manager_no="E003", hire_date=row.hire_date,
                         phone="13911112222", badge_code=row.badge_code)
    svc.update_employee(admin, "E005", data)
    assert svc.get_employee(admin, "E005").position == "推广专员"
    [entry] = audit_rows("employee.update")
    assert entry.before["phone"] == "13800000005" and entry.after["phone"] == "13911112222"


def test_deactivate_keeps_the_record(demo_db, admin):
    svc.deactivate_employee(admin, "E012", date(2026, 11, 30))
    row = svc.get_employee(admin, "E012")
    assert (row.status, row.leave_date) == ("left", date(2026, 11, 30))
    assert "E012" not in [r.employee_no for r in svc.list_employees(admin, include_left=False)]


def test_staff_may_look_but_not_change_or_see_private_fields(demo_db):
    rows = svc.list_employees(STAFF)
    assert len(rows) == 15 and all(r.phone == "" and r.badge_code == "" for r in rows)
    with pytest.raises(PermissionDenied):
        svc.create_employee(STAFF, EmployeeInput("E300", "越权"))
    with pytest.raises(PermissionDenied):
        svc.set_pin(STAFF, "E004", "9999")
    with pytest.raises(NotFound):
        svc.get_employee(STAFF, "E999")


def test_pin_is_hashed_with_argon2(demo_db, admin):
    from app.models.people import Employee
    from app.security import verify_pin

    svc.set_pin(admin, "E004", "246810")
    with reading() as s:
        stored = s.execute(select(Employee.pin_hash).where(Employee.employee_no == "E004")).scalar_one()
    assert stored.startswith("$argon2") and verify_pin(stored, "246810") and not verify_pin(stored, "246811")


def test_control_characters_in_a_name_are_refused(db, admin):
    with pytest.raises(ValidationError, match="control characters"):
        svc.create_employee(admin, EmployeeInput("E1", "张\r三"))
