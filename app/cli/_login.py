"""Who the command line acts as.

In order: ``--user NAME`` (the password at a prompt, or the first line of standard input), the token a
``shopteam login`` saved for this database, or, on a local SQLite file, the OS user who owns the file
(unless the setting ``security.cli_owner_without_login`` is off). On PostgreSQL a login is always needed.
A login acts with its own role's permissions, and ``--by`` may then only name its own employee record.
"""

from __future__ import annotations

import getpass
import sys
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from app.errors import PermissionDenied
from app.i18n import _
from app.services.context import Actor

TOKENS = "cli_login.json"  # {database: {"token", "user", "expires"}} in the user's config folder, mode 0600
_state: dict = {}


def begin(args) -> None:
    """A new command: who acts is worked out when a handler first asks."""
    _state.clear()
    _state["args"] = args


def current_actor() -> Actor:
    if "actor" not in _state:
        _state["actor"], _state["owner"] = _resolve(_state.get("args"))
    return _state["actor"]


def by_actor(employee_no: str) -> Actor:
    """The person a ``--by EMPLOYEE_NO`` names. The file's owner acts for anyone, as before; a login only
    for its own employee record."""
    from app.services.leave import approver_actor

    actor = current_actor()
    named = approver_actor(employee_no)
    if _state["owner"]:
        return named
    if actor.employee_id is None or named.employee_id != actor.employee_id:
        raise PermissionDenied("--by {no} is not your own employee record (you are logged in as {user}); "
                               "log in as that person to act for them.", no=employee_no, user=actor.username)
    return actor


def _resolve(args) -> tuple[Actor, bool]:
    from app.db import current, open_database
    from app.errors import DatabaseError
    from app.services import cli_sessions
    from app.services.users import login

    user = getattr(args, "user", None)
    try:
        db = current()
    except DatabaseError:  # restore: the file may be unreadable; its owner may replace it (cp could anyway)
        location = db_location(args)
        if not user and location.startswith("sqlite:///"):
            path = Path(location.split("///", 1)[1])
            if not path.exists() or cli_sessions.owns_file(path):
                return Actor.system("cli"), True
        db = open_database(getattr(args, "db", None))
    if user:
        return login(user, read_password(user)), False
    saved = read_tokens().get(db_key(db.url))
    if saved:
        return cli_sessions.actor_for_token(saved.get("token", "")), False
    if cli_sessions.owner_may_skip_login():
        return Actor.system("cli"), True
    if db.is_sqlite:
        raise PermissionDenied("This command needs a login: add --user NAME (the password is asked for, or read "
                               "from standard input), or run shopteam login first.")
    raise PermissionDenied("The shared database needs a login: add --user NAME (the password is asked for, or "
                           "read from standard input), or run shopteam login first.")


def read_password(user: str) -> str:
    """At a terminal a prompt that does not echo; otherwise the first line of standard input."""
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(_("Password for {user}: ", user=user))
    return (sys.stdin.readline() if sys.stdin is not None else "").rstrip("\r\n")


def db_location(args) -> str:
    from app.db import resolve_url

    return resolve_url(getattr(args, "db", None))


def db_key(url: str) -> str:
    """Which database a token belongs to: the file, or the server URL without its password."""
    if url.startswith("sqlite"):
        raw = url.split("///", 1)[-1]
        return "sqlite:" + str(Path(raw).resolve())
    return make_url(url).set(password=None).render_as_string(hide_password=False)


def _tokens_file() -> Path:
    from app.secrets_store import private_file

    return private_file(TOKENS)


def read_tokens() -> dict:
    from app.secrets_store import read_private_json

    return read_private_json(_tokens_file())


def save_token(url: str, token: str, user: str, expires: datetime) -> Path:
    from app.secrets_store import write_private_json

    tokens = read_tokens()
    tokens[db_key(url)] = {"token": token, "user": user, "expires": expires.isoformat(timespec="minutes")}
    write_private_json(_tokens_file(), tokens)
    return _tokens_file()


def forget_token(url: str) -> str | None:
    """Remove this database's token from the file (the file goes when it holds none); returns the token."""
    from app.secrets_store import write_private_json

    tokens = read_tokens()
    saved = tokens.pop(db_key(url), None)
    if saved is None:
        return None
    if tokens:
        write_private_json(_tokens_file(), tokens)
    else:
        _tokens_file().unlink(missing_ok=True)
    return saved.get("token") or None
