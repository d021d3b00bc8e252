"""db roles: the office and kiosk PostgreSQL roles."""

from __future__ import annotations

from app.cli._common import cli_actor
from app.i18n import _


def register(commands) -> None:
    p = commands.add_parser("db", help=_("shared database administration"))
    sub = p.add_subparsers(dest="db_command", metavar="ACTION")
    r = sub.add_parser("roles", help=_("print (or with --apply create) the office and kiosk PostgreSQL roles"))
    r.add_argument("--apply", action="store_true", help=_("create the roles and their rights now (as the database owner)"))
    r.set_defaults(handler=_roles)


def _roles(args) -> int:
    from app.services.db_roles import KIOSK, OFFICE, roles

    for st in roles(cli_actor(), apply=args.apply):
        print(st + ";")
    if args.apply:
        print(_("-- Created {office} and {kiosk}. Set their passwords with ALTER ROLE … PASSWORD, and give the door PC only {kiosk}.",
                office=OFFICE, kiosk=KIOSK))
    return 0
