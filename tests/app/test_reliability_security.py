"""Security: argon2 hashes, the tamper-evident audit chain, login rate limiting, and a permission
check for every service function that changes data (found by introspection, so new areas are covered)."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import textwrap
from datetime import timedelta

import pytest
from sqlalchemy import select, text

import app.services as services_pkg
from app.cli import main as cli_main
from app.db import current, reading, transaction
from app.errors import PermissionDenied
from app.models.audit import AuditEntry
from app.models.people import Employee
from app.models.users import User
from app.services import audit, permissions, policy, system, users
from app.services.context import Actor

# Permissions staff hold for their own data only; functions guarded by them check ownership further in
# (their areas test that). A new own-data permission must be added here on purpose, after that check.
OWN_DATA_PERMISSIONS = {
    "leave.request": "a person requests their own leave",
    "tasks.edit_own": "a person edits their own tasks and weekly plan",
    "attendance.punch": "a person clocks in and out (the kiosk too)",
    "attendance.approve": "approval routing decides who may approve; nobody approves their own request",
    "appraisal.rate": "only where the actor is a rater of that person; nobody rates themselves",
    "attendance.view_own": "own attendance only",
    "appraisal.mutual_rate": "a person casts their own one ballot, on colleagues in the period, never themselves",
    "tasks.plans_review": "only the plan owner's managers up the tree, HR and administrators read and comment",
}
KIOSK_MAY = {"attendance.punch"}


def _service_functions():
    for info in pkgutil.iter_modules(services_pkg.__path__):
        module = importlib.import_module(f"app.services.{info.name}")
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("_") or fn.__module__ != module.__name__:
                continue
            params = list(inspect.signature(fn).parameters)
            if params[:1] == ["actor"]:
                yield f"{info.name}.{name}", fn


def _first_permission(fn) -> str | None:
    tree = ast.parse(textwrap.dedent(inspect.getsource(fn)))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "require" and len(node.args) == 2:
            if isinstance(node.args[1], ast.Constant):
                return node.args[1].value
    return None


def _changes_data(fn) -> bool:
    return "transaction()" in inspect.getsource(fn)


CHANGING = sorted((name, fn) for name, fn in _service_functions() if _changes_data(fn))


def test_the_sweep_finds_the_services_that_change_data():
    names = {name for name, _ in CHANGING}
    assert {"employees.create_employee", "employees.update_employee", "policy.set_value",
            "employee_files.import_employees", "users.add_user", "backup.restore_backup"} <= names


@pytest.mark.parametrize("name, fn", CHANGING, ids=[n for n, _ in CHANGING])
def test_every_data_changing_service_checks_a_permission_first(name, fn):
    permission = _first_permission(fn)
    assert permission in permissions.PERMISSIONS, f"{name} does not call require(actor, <known permission>)"
    if permissions.STAFF in permissions.PERMISSIONS[permission]:
        assert permission in OWN_DATA_PERMISSIONS, f"{name}: staff hold {permission}; add it to OWN_DATA_PERMISSIONS only after checking ownership"


@pytest.mark.parametrize("name, fn", CHANGING, ids=[n for n, _ in CHANGING])
def test_staff_and_kiosk_are_refused_and_nothing_changes(name, fn, db):
    permission = _first_permission(fn)
    staff = Actor(username="zhangyt", role="staff", user_id=4, employee_id=4)
    actors = [Actor.kiosk()] if permission in KIOSK_MAY else [Actor.kiosk(), staff]
    if permission in OWN_DATA_PERMISSIONS:
        actors = [a for a in actors if a.role == "kiosk" and permission not in KIOSK_MAY]
    version = system.data_version()
    others = [p for p in list(inspect.signature(fn).parameters.values())[1:]
              if p.default is inspect.Parameter.empty and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    for actor in actors:
        with pytest.raises(PermissionDenied):
            fn(actor, *[None] * len(others))
    assert system.data_version() == version


def test_staff_cannot_edit_punches_approve_for_others_or_see_all_appraisals(demo_db, actor_for):
    staff = actor_for("zhangyt")
    for permission in ("attendance.manual_punch", "attendance.correct", "attendance.import",
                       "appraisal.view_all", "appraisal.manage_period", "appraisal.appeal_decide",
                       "employees.edit", "employees.view_private", "audit.view", "system.backup", "users.manage"):
        assert not permissions.can(staff, permission), permission
    for permission in permissions.PERMISSIONS:
        assert permissions.can(Actor.kiosk(), permission) == (permission in KIOSK_MAY), permission


def test_passwords_and_pins_are_argon2_hashes_and_never_audited(demo_db):
    with reading() as s:
        hashes = [u.password_hash for u in s.execute(select(User)).scalars()]
        pins = [e.pin_hash for e in s.execute(select(Employee)).scalars() if e.pin_hash]
        trail = " ".join(str((r.before, r.after)) for r in s.execute(select(AuditEntry)).scalars())
    assert hashes and all(h.startswith("$argon2id$") and "demo1234" not in h for h in hashes)
    assert pins and all(p.startswith("$argon2id$") for p in pins)
    assert "$argon2" not in trail and "demo1234" not in trail


def _tamper(sql: str) -> None:
    with current().engine.begin() as conn:
        conn.execute(text(sql))


@pytest.mark.parametrize("change", [
    "UPDATE audit_log SET after = '{\"value\": \"forged\"}' WHERE id = {id}",
    "UPDATE audit_log SET actor = 'someone-else' WHERE id = {id}",
    "DELETE FROM audit_log WHERE id = {id}",
])
def test_the_audit_chain_names_the_first_altered_row(demo_db, admin, change, capsys):
    for i in range(5):
        policy.set_value(admin, "security.login_lock_minutes", 10 + i)
    with reading() as s:
        ids = list(s.execute(select(AuditEntry.id).order_by(AuditEntry.id)).scalars())
    target = ids[-3]
    _tamper(change.replace("{id}", str(target)))
    expected = target if change.startswith("UPDATE") else ids[-2]
    with reading() as s:
        assert audit.first_broken(s) == expected
    if not current().is_sqlite:
        return
    code = cli_main(["--db", str(current().path), "check"])
    out = capsys.readouterr()
    assert code == 1 and f"row {expected}" in out.out and "Traceback" not in out.err


def test_an_intact_chain_passes_the_check(demo_db, admin):
    policy.set_value(admin, "security.login_lock_minutes", 9)
    assert system.check(admin).ok


def test_login_is_rate_limited(demo_db, admin, monkeypatch):
    policy.set_value(admin, "security.login_max_attempts", 3)
    policy.set_value(admin, "security.login_lock_minutes", 10)
    for _ in range(2):
        with pytest.raises(PermissionDenied, match="Wrong user name or password"):
            users.login("linxw", "wrong")
    assert users.login("linxw", "demo1234").username == "linxw"  # a success resets the count
    for _ in range(3):
        with pytest.raises(PermissionDenied, match="Wrong user name or password"):
            users.login("linxw", "wrong")
    with pytest.raises(PermissionDenied, match="Too many wrong passwords; try again in"):
        users.login("linxw", "demo1234")
    with transaction() as s:
        user = s.execute(select(User).where(User.username == "linxw")).scalar_one()
        locked_until = user.locked_until
    monkeypatch.setattr(users, "now", lambda: locked_until - timedelta(seconds=1))
    with pytest.raises(PermissionDenied, match="Too many"):
        users.login("linxw", "demo1234")
    monkeypatch.setattr(users, "now", lambda: locked_until)
    assert users.login("linxw", "demo1234").role == "manager"
    with reading() as s:
        assert s.execute(select(AuditEntry).where(AuditEntry.action == "user.locked")).scalars().first() is not None


def test_unknown_users_get_the_same_answer_as_wrong_passwords(demo_db):
    with pytest.raises(PermissionDenied, match="Wrong user name or password"):
        users.login("nobody", "demo1234")
