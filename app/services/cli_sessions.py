"""Command-line logins (``shopteam login``): who the command line acts as.

The password is checked by ``users.login``, the window's own rule (same message, same timing, same lock).
A login gives a random token; the database keeps only its SHA-256 and its expiry, so a copied database
holds no usable token, and ``logout`` (or an administrator disabling the account) ends it at once.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import delete, select

from app.db import current, reading, transaction
from app.errors import PermissionDenied
from app.models._base import now
from app.models.users import CliSession, User
from app.services import policy
from app.services.context import Actor
from app.services.users import login


@dataclass(frozen=True)
class CliLogin:
    token: str
    username: str
    expires_at: datetime


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def start(username: str, password: str) -> CliLogin:
    """Check the password as the window does, then open a session for ``security.cli_session_hours``."""
    actor = login(username, password)
    token = secrets.token_urlsafe(32)
    moment = now()
    with transaction() as s:
        s.execute(delete(CliSession).where(CliSession.expires_at <= moment))  # forget the stale ones
        expires = moment + timedelta(hours=int(policy.value_in(s, "security.cli_session_hours")))
        s.add(CliSession(user_id=actor.user_id, token_hash=_digest(token), created_at=moment, expires_at=expires))
    return CliLogin(token=token, username=actor.username, expires_at=expires)


def actor_for_token(token: str) -> Actor:
    """The login a token stands for, with the account's role as it is now."""
    with reading() as s:
        row = s.execute(select(CliSession.expires_at, User)
                        .join(User, User.id == CliSession.user_id)
                        .where(CliSession.token_hash == _digest(token or ""))).first()
    if row is None:
        raise PermissionDenied("Your command-line login is not valid for this database; run shopteam login again.")
    expires, user = row
    if expires <= now():
        raise PermissionDenied("Your command-line login expired at {at}; run shopteam login again.",
                               at=expires.strftime("%Y-%m-%d %H:%M"))
    if not user.active:
        raise PermissionDenied("The account {name} is disabled.", name=user.username)
    return Actor(username=user.username, role=user.role, user_id=user.id, employee_id=user.employee_id)


def end(token: str) -> bool:
    """Forget a session (``shopteam logout``); False when the database did not know it."""
    with transaction() as s:
        return s.execute(delete(CliSession).where(CliSession.token_hash == _digest(token))).rowcount > 0


def owner_may_skip_login() -> bool:
    """On a SQLite file the OS user who owns the file may use the command line without a login (the file
    is theirs anyway) unless the setting ``security.cli_owner_without_login`` is off. Never on PostgreSQL."""
    db = current()
    if not db.is_sqlite or db.path is None or not owns_file(db.path):
        return False
    with reading() as s:
        return bool(policy.value_in(s, "security.cli_owner_without_login"))


def owns_file(path: Path) -> bool:
    """Whether the OS user running this process owns the database file."""
    try:
        info = path.stat()
    except OSError:
        return False
    if hasattr(os, "getuid"):
        return info.st_uid == os.getuid()
    return os.access(path, os.W_OK)  # Windows: the file lives in the user's own profile folder
