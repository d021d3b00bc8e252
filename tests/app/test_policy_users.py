"""Policy settings and login accounts."""

from datetime import timedelta

import pytest

from app.errors import ConflictError, PermissionDenied, ValidationError
from app.rules.settings import SettingSpec, parse_value
from app.services import audit, policy, users
from app.services.context import Actor


@pytest.mark.parametrize("spec, raw, expected", [
    (SettingSpec("k", "int", 0, min=0, max=60), "15", 15),
    (SettingSpec("k", "float", 0, min=0, max=10), "7.5", 7.5),
    (SettingSpec("k", "bool", False), "是", True),
    (SettingSpec("k", "time", "08:30"), "8:05", "08:05"),
    (SettingSpec("k", "int_list", [100], min=0), "100, 300，500", [100, 300, 500]),
    (SettingSpec("k", "weekday_list", [1]), "5,1,2", [1, 2, 5]),
    (SettingSpec("k", "choice", "a", choices=("five", "four")), "four", "four"),
    (SettingSpec("k", "date", None, nullable=True), "none", None),
])
def test_values_are_parsed_to_their_type(spec, raw, expected):
    assert parse_value(spec, raw) == expected


@pytest.mark.parametrize("spec, raw", [
    (SettingSpec("k", "int", 0, min=0, max=60), "61"),
    (SettingSpec("k", "int", 0, min=0, max=60), "1.5"),
    (SettingSpec("k", "float", 0, min=0, max=10), "nan"),
    (SettingSpec("k", "bool", False), "maybe"),
    (SettingSpec("k", "time", "08:30"), "25:00"),
    (SettingSpec("k", "int_list", [100], min=0), "100,-5"),
    (SettingSpec("k", "weekday_list", [1]), "0,8"),
    (SettingSpec("k", "choice", "a", choices=("five", "four")), "three"),
])
def test_bad_values_name_the_allowed_range(spec, raw):
    with pytest.raises(ValidationError, match="allowed"):
        parse_value(spec, raw)


def test_set_policy_is_validated_audited_and_read_back(db, admin):
    assert policy.get("security.login_max_attempts") == 5
    policy.set_value(admin, "security.login_max_attempts", "3")
    assert policy.get("security.login_max_attempts") == 3
    with pytest.raises(ValidationError, match="1..20"):
        policy.set_value(admin, "security.login_max_attempts", "99")
    assert policy.get("security.login_max_attempts") == 3
    row = {r["key"]: r for r in policy.list_settings(admin)}["security.login_max_attempts"]
    assert row["changed"] and row["default"] == 5
    with pytest.raises(PermissionDenied):
        policy.set_value(Actor("x", "staff"), "security.login_max_attempts", "4")


def test_set_values_is_all_or_nothing(db, admin):
    with pytest.raises(ValidationError):
        policy.set_values(admin, {"backup.keep_daily": "10", "backup.keep_weekly": "-1"})
    assert policy.get("backup.keep_daily") == 7


def test_first_admin_then_login(db):
    assert users.needs_first_admin()
    actor = users.create_first_admin("admin", "secret99")
    assert actor.role == "admin" and not users.needs_first_admin()
    with pytest.raises(ConflictError):
        users.create_first_admin("other", "secret99")
    assert users.login("admin", "secret99").username == "admin"
    with pytest.raises(PermissionDenied, match="Wrong user name or password"):
        users.login("admin", "nope")
    with pytest.raises(PermissionDenied, match="Wrong user name or password"):
        users.login("ghost", "secret99")


def test_login_is_rate_limited(db, monkeypatch):
    users.create_first_admin("admin", "secret99")
    for _attempt in range(5):
        with pytest.raises(PermissionDenied, match="Wrong"):
            users.login("admin", "bad")
    with pytest.raises(PermissionDenied, match="try again in"):
        users.login("admin", "secret99")  # even the right password waits out the lock
    from app.services import users as users_module

    later = users_module.now() + timedelta(minutes=6)
    monkeypatch.setattr(users_module, "now", lambda: later)
    assert users.login("admin", "secret99").role == "admin"


def test_add_user_checks_role_password_and_permission(demo_db, admin):
    actor = users.add_user(admin, "mgr2", "longpass", "manager", "E003")
    assert actor.employee_id is not None
    with pytest.raises(ValidationError, match="Role must be"):
        users.add_user(admin, "x1", "longpass", "boss")
    with pytest.raises(ValidationError, match="at least 6"):
        users.add_user(admin, "x2", "short", "staff")
    with pytest.raises(ConflictError):
        users.add_user(admin, "mgr2", "longpass", "staff")
    with pytest.raises(PermissionDenied):
        users.add_user(Actor("linxw", "manager"), "x3", "longpass", "staff")


def test_audit_chain_detects_tampering(demo_db, admin):
    from sqlalchemy import update

    from app.db import reading, transaction
    from app.models.audit import AuditEntry

    policy.set_value(admin, "backup.keep_daily", "9")
    policy.set_value(admin, "backup.keep_daily", "8")
    with reading() as s:
        assert audit.first_broken(s) is None
    with transaction() as s:
        s.execute(update(AuditEntry).where(AuditEntry.id == 2).values(actor="intruder"))
    with reading() as s:
        assert audit.first_broken(s) == 2


def test_the_demo_department_still_asks_for_an_administrator(demo_db):
    assert users.needs_first_admin()  # the demo users are managers, hr and staff
    with pytest.raises(ConflictError, match="taken"):
        users.create_first_admin("linxw", "secret99")
    users.create_first_admin("admin", "secret99")
    assert not users.needs_first_admin()
