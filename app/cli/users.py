"""user add."""

from __future__ import annotations

import sys

from app.cli._common import cli_actor
from app.errors import ValidationError
from app.i18n import _


def register(commands) -> None:
    p = commands.add_parser("user", help=_("manage login accounts"))
    sub = p.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    q = sub.add_parser("add", help=_("add a login account"))
    q.add_argument("username")
    q.add_argument("--role", required=True, choices=["admin", "manager", "hr", "staff", "gm"])
    q.add_argument("--employee", default="", metavar="NO", help=_("link the account to this employee no."))
    q.add_argument("--password-stdin", action="store_true", required=True, help=_("read the password from standard input"))
    q.set_defaults(handler=_add)


def _add(args) -> int:
    from app.services.users import add_user

    actor = cli_actor()  # a --user login reads its own password first, from the first line
    password = sys.stdin.readline().rstrip("\r\n")
    if not password:
        raise ValidationError("No password on standard input.")
    add_user(actor, args.username, password, args.role, args.employee)
    print(_("User {name} added with role {role}.", name=args.username, role=args.role))
    return 0
