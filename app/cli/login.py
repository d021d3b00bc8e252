"""login / logout: a command-line session for this database (a token in a user-only file)."""

from __future__ import annotations

from app.cli._login import db_key, db_location, forget_token, read_password, save_token
from app.errors import ValidationError
from app.i18n import _


def register(commands) -> None:
    p = commands.add_parser("login", help=_("log in for the following commands (the password is asked for, or read "
                                            "from standard input)"))
    p.add_argument("username", nargs="?", help=_("your user name (or give --user before the command)"))
    p.set_defaults(handler=_login)
    p = commands.add_parser("logout", help=_("end the command-line login for this database"))
    p.set_defaults(handler=_logout, needs_db=False)


def _login(args) -> int:
    from app.db import current
    from app.services import cli_sessions

    username = args.username or args.user
    if not username:
        raise ValidationError("Whose login? Write shopteam login NAME.")
    session = cli_sessions.start(username, read_password(username))
    save_token(current().url, session.token, session.username, session.expires_at)
    print(_("Logged in as {user} until {at}; shopteam logout ends it.", user=session.username,
            at=session.expires_at.strftime("%Y-%m-%d %H:%M")))
    return 0


def _logout(args) -> int:
    from app.db import open_database
    from app.errors import ShopTeamError
    from app.services import cli_sessions

    location = db_location(args)
    token = forget_token(location)  # the file first: the token is gone even when the database cannot be reached
    if token is None:
        print(_("You were not logged in to {db}.", db=db_key(location).removeprefix("sqlite:")))
        return 0
    try:
        open_database(args.db)
        cli_sessions.end(token)
    except ShopTeamError as exc:
        print(_("Logged out here; the database could not be told ({reason}), so the login ends when it expires.",
                reason=str(exc)))
        return 0
    print(_("Logged out."))
    return 0
