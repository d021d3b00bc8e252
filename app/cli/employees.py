"""employees import / export / list."""

from __future__ import annotations

from app.cli import print_json
from app.cli._common import cli_actor
from app.i18n import _


def register(commands) -> None:
    p = commands.add_parser("employees", help=_("the employee roster"))
    sub = p.add_subparsers(dest="employees_command", metavar="ACTION", required=True)
    q = sub.add_parser("import", help=_("import employees from CSV or XLSX (all or nothing)"))
    q.add_argument("file")
    q.set_defaults(handler=_import)
    q = sub.add_parser("export", help=_("export the roster to CSV or XLSX"))
    q.add_argument("file")
    q.set_defaults(handler=_export)
    q = sub.add_parser("list", help=_("list employees"))
    q.add_argument("--format", choices=["json", "text"], default="text")
    q.add_argument("--search", default="")
    q.set_defaults(handler=_list)


def _import(args) -> int:
    from app.services.employee_files import import_employees

    result = import_employees(cli_actor(), args.file)
    print(_("Imported: {created} new, {updated} updated.", **result))
    return 0


def _export(args) -> int:
    from app.services.employee_files import export_employees

    n = export_employees(cli_actor(), args.file)
    print(_("Exported {n} employees to {file}.", n=n, file=args.file))
    return 0


def _list(args) -> int:
    from app.services.employees import list_employees

    rows = list_employees(cli_actor(), search=args.search)
    if args.format == "json":
        print_json([r.as_dict() for r in rows])
    else:
        for r in rows:
            print(f"{r.employee_no:8} {r.name:8} {r.department:10} {r.position:10} {r.manager_no:8} {r.status}")
    return 0
