"""punches import [--dry-run] / punches map: a clock's export and its user numbers.

Hung under the ``punches`` command of app/cli/attendance.py by ``add_import_commands``."""

from __future__ import annotations

from app.cli import print_json
from app.cli._common import cli_actor
from app.i18n import _


def add_import_commands(sub) -> None:
    q = sub.add_parser("import", help=_("import a clock export (attlog.dat, ZKTime, Att.log report, Deli, CSV/XLSX/XLS; all or nothing)"))
    q.add_argument("file")
    q.add_argument("--dry-run", action="store_true", help=_("write nothing; print what the import would do as JSON"))
    q.add_argument("--json", action="store_true", help=_("print the result as JSON"))
    q.set_defaults(handler=_import)
    q = sub.add_parser("map", help=_("remember that a clock's user no. is this employee"))
    q.add_argument("clock_no", metavar="CLOCK_NO")
    q.add_argument("employee_no", metavar="EMPLOYEE_NO")
    q.set_defaults(handler=_map)


def _import(args) -> int:
    from app.services.punch_import import import_punches, preview_punch_import

    if args.dry_run:
        preview = preview_punch_import(cli_actor(), args.file)
        print_json(preview)
        return 2 if preview["errors"] or preview["unknown"] else 0
    result = import_punches(cli_actor(), args.file)
    if args.json:
        print_json(result)
        return 0
    print(_("{layout}: {start} – {end}", layout=result["layout_label"], start=result["from"], end=result["to"]))
    print(_("Imported {added} punches; {duplicates} were already recorded.", added=result["added"],
            duplicates=result["duplicates"]))
    if result["skipped"]:
        print(_("Skipped {n} lines that are not punches:", n=result["skipped_count"]))
        for row in result["skipped"][:20]:
            print(_("Row {row}: {reason}", **row))
    return 0


def _map(args) -> int:
    from app.services.punch_import import map_clock_number

    r = map_clock_number(cli_actor(), args.clock_no, args.employee_no)
    print(_("Clock no. {clock_no} is now {name} ({employee_no}).", **r))
    return 0
