"""init, check."""

from __future__ import annotations

from app.cli import fail
from app.cli._common import cli_actor
from app.i18n import _


def register(commands) -> None:
    p = commands.add_parser("init", help=_("create or upgrade the database"))
    p.add_argument("--demo", action="store_true", help=_("load the demo department into an empty database"))
    p.set_defaults(handler=_init, needs_db=False)
    p = commands.add_parser("check", help=_("check the database: integrity, foreign keys, schema revision, audit chain"))
    p.set_defaults(handler=_check)


def _init(args) -> int:
    from app.services.system import init_database

    result = init_database(args.db, demo=args.demo)
    print(_("Database ready: {db}", db=result["database"]))
    if result["demo_employees"]:
        print(_("Demo department loaded: {n} employees.", n=result["demo_employees"]))
    return 0


def _check(args) -> int:
    from app.services.system import check

    report = check(cli_actor())
    for note in report.notes:
        print(note)
    if report.ok:
        print(_("OK: no problems found."))
        return 0
    for problem in report.problems:
        print(problem)
    return fail(_("{n} problem(s) found.", n=len(report.problems)), 1)
