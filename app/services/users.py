"""Login accounts: first-start admin, login with rate limiting, adding users."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, select, update

from app.db import reading, transaction
from app.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from app.i18n import _
from app.models._base import now
from app.models.people import Employee
from app.models.users import ROLES, User
from app.security import hash_password, verify_password
from app.services import audit, policy
from app.services.context import Actor
from app.services.permissions import require

_USERNAME = re.compile(r"^[A-Za-z0-9_.\-]{2,64}$")


def _admins(s) -> int:
    return s.execute(select(func.count()).select_from(User).where(User.role == "admin", User.active)).scalar_one()


def needs_first_admin() -> bool:
    """True while no administrator exists (a fresh database, or the demo department with its demo users):
    the first start asks for the administrator account."""
    with reading() as s:
        return _admins(s) == 0


def _check_password(password: str, min_length: int) -> None:
    problem = PasswordRule(min_length).problem(password)
    if problem:
        raise ValidationError("The password must have at least {n} characters.", n=min_length)


@dataclass(frozen=True)
class PasswordRule:
    """The password rule in force (policy ``security.min_password_length``), for forms to check as one types."""

    min_length: int

    def problem(self, password: str) -> str:
        """A translated sentence saying what is wrong, or "" when the password is acceptable."""
        if len(password) < self.min_length:
            return _("The password must have at least {n} characters.").format(n=self.min_length)
        return ""


def password_rule() -> PasswordRule:
    """Needs no login: the first-start dialog shows it before any account exists."""
    with reading() as s:
        return PasswordRule(int(policy.value_in(s, "security.min_password_length")))


def _check_username(username: str) -> None:
    if not _USERNAME.match(username):
        raise ValidationError("A user name has 2-64 letters, digits, '.', '-' or '_' (got {name!r}).", name=username)


def create_first_admin(username: str, password: str) -> Actor:
    """Create the administrator on a database without one (refused once an administrator exists)."""
    _check_username(username)
    with transaction() as s:
        if _admins(s):
            raise ConflictError("An administrator already exists; log in instead.")
        if s.execute(select(User.id).where(User.username == username)).scalar() is not None:
            raise ConflictError("The user name {name} is taken.", name=username)
        _check_password(password, policy.value_in(s, "security.min_password_length"))
        first = s.execute(select(User.id).where(User.first_admin)).scalar() is None
        user = User(username=username, password_hash=hash_password(password), role="admin", first_admin=first)
        s.add(user)
        s.flush()
        audit.record(s, username, "user.create_first_admin", "user", username, None, {"role": "admin"})
        return Actor(username=username, role="admin", user_id=user.id)


def add_user(actor: Actor, username: str, password: str, role: str, employee_no: str = "") -> Actor:
    require(actor, "users.manage")
    _check_username(username)
    if role not in ROLES:
        raise ValidationError("Role must be one of: {roles}.", roles=", ".join(ROLES))
    with transaction() as s:
        _check_password(password, policy.value_in(s, "security.min_password_length"))
        if s.execute(select(User.id).where(User.username == username)).scalar() is not None:
            raise ConflictError("The user name {name} is taken.", name=username)
        employee_id = None
        if employee_no:
            from app.services.employees import by_no

            employee_id = by_no(s, employee_no).id
        if role == "gm":
            _check_gm(s, employee_id)
        user = User(username=username, password_hash=hash_password(password), role=role, employee_id=employee_id)
        s.add(user)
        s.flush()
        audit.record(s, actor, "user.create", "user", username, None,
                     {"role": role, "employee_no": employee_no or None})
        return Actor(username=username, role=role, user_id=user.id, employee_id=employee_id)


def _check_gm(s, employee_id) -> None:
    """The gm role (总经理) belongs to the top of the reporting tree: it approves appraisal periods."""
    from app.models.people import Employee

    person = s.get(Employee, employee_id) if employee_id else None
    if person is None:
        raise ValidationError("A general manager account must be linked to the employee at the top of the org chart.")
    if person.manager_id is not None:
        raise ValidationError("{name} reports to someone; the general manager account belongs to the top of the org "
                              "chart (the person with no manager).", name=person.name)


def login(username: str, password: str) -> Actor:
    """Check a password; after too many failures the account is locked for a while."""
    with transaction() as s:
        user = s.execute(select(User).where(User.username == username)).scalar()
        if user is None or not user.active:
            from app.services.kiosk_guard import _dummy_hash

            verify_password(_dummy_hash(), password or "")  # as slow as a real check: names stay secret
            raise PermissionDenied("Wrong user name or password.")
        moment = now()
        if user.locked_until and user.locked_until > moment:
            minutes = max(1, -(-int((user.locked_until - moment).total_seconds()) // 60))  # 5:00 left is 5, not 6
            raise PermissionDenied("Too many wrong passwords; try again in {minutes} minutes.", minutes=minutes)
        table = User.__table__
        if not verify_password(user.password_hash, password):
            failures = s.execute(update(table).where(table.c.id == user.id)  # counted in the database
                                 .values(failed_logins=table.c.failed_logins + 1)
                                 .returning(table.c.failed_logins)).scalar_one()
            if failures >= policy.value_in(s, "security.login_max_attempts"):
                until = moment + timedelta(minutes=policy.value_in(s, "security.login_lock_minutes"))
                s.execute(update(table).where(table.c.id == user.id).values(failed_logins=0, locked_until=until))
                audit.record(s, username, "user.locked", "user", username, None, {"until": until})
            failed = True  # the counter is committed even though the login fails
        else:
            failed = False
            if user.failed_logins or user.locked_until:
                s.execute(update(table).where(table.c.id == user.id).values(failed_logins=0, locked_until=None))
    if failed:
        raise PermissionDenied("Wrong user name or password.")
    return Actor(username=user.username, role=user.role, user_id=user.id, employee_id=user.employee_id)


def verify_leader_password(username: str, password: str) -> bool:
    """For leaving the kiosk: an active admin or manager account with this password. The kiosk's exit
    has its own failure limit (app.services.kiosk_guard) and never counts against the office login;
    while that limit pauses the dialog this raises PermissionDenied with the time left."""
    from app.services.kiosk_guard import verify_exit

    return verify_exit(username, password)


def list_users(actor: Actor) -> list[dict]:
    require(actor, "users.manage")
    with reading() as s:
        rows = s.execute(select(User, Employee.employee_no).outerjoin(Employee, Employee.id == User.employee_id)).all()
    return [{"username": u.username, "role": u.role, "employee_no": no, "active": u.active} for u, no in rows]


def set_password(actor: Actor, username: str, password: str) -> None:
    """An administrator sets a new password (forgotten passwords); the lock is lifted."""
    require(actor, "users.manage")
    with transaction() as s:
        user = _user(s, username)
        _check_password(password, policy.value_in(s, "security.min_password_length"))
        user.password_hash = hash_password(password)
        user.failed_logins, user.locked_until = 0, None
        audit.record(s, actor, "user.set_password", "user", username, None, {"password": "changed"})


def set_active(actor: Actor, username: str, active: bool) -> None:
    """Disable or re-enable a login; the last active administrator cannot be disabled."""
    require(actor, "users.manage")
    with transaction() as s:
        user = _user(s, username)
        if not active and user.role == "admin":
            admins = s.execute(select(func.count()).select_from(User).where(User.role == "admin", User.active)).scalar_one()
            if admins <= 1:
                raise ConflictError("{name} is the last administrator and cannot be disabled.", name=username)
        before = {"active": user.active}
        user.active = active
        audit.record(s, actor, "user.set_active", "user", username, before, {"active": active})


def _user(s, username: str) -> User:
    user = s.execute(select(User).where(User.username == username)).scalar()
    if user is None:
        raise NotFound("There is no user called {name}.", name=username)
    return user
