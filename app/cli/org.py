"""org export / chart / set-manager: the organization from the command line."""

from __future__ import annotations

from pathlib import Path

from app.cli import print_json
from app.cli._common import cli_actor
from app.errors import ValidationError
from app.i18n import _


def register(commands) -> None:
    p = commands.add_parser("org", help=_("departments, positions and the org chart"))
    sub = p.add_subparsers(dest="org_command", metavar="ACTION", required=True)
    q = sub.add_parser("export", help=_("export departments, positions, people and reporting lines"))
    q.add_argument("--format", choices=["json"], default="json")
    q.add_argument("--out", metavar="FILE", help=_("write to this file instead of the screen"))
    q.set_defaults(handler=_export)
    q = sub.add_parser("chart", help=_("draw the org chart to a PDF or PNG file"))
    q.add_argument("--out", metavar="FILE.pdf|FILE.png", required=True)
    q.add_argument("--paper", choices=["A4", "A3"], default="A4", help=_("paper size of the PDF (landscape)"))
    q.add_argument("--tiled", action="store_true", help=_("spread a large chart over several pages at a readable size"))
    q.set_defaults(handler=_chart)
    q = sub.add_parser("set-manager", help=_("make MANAGER_NO the manager of EMPLOYEE_NO (their team moves with them)"))
    q.add_argument("employee_no")
    q.add_argument("manager_no", nargs="?", default="", help=_("leave out to remove the manager"))
    q.set_defaults(handler=_set_manager)
    dept = sub.add_parser("department", help=_("department settings"))
    dsub = dept.add_subparsers(dest="department_command", metavar="ACTION", required=True)
    q = dsub.add_parser("set-head", help=_("set the head of DEPARTMENT; --clear lets the rules find it"))
    q.add_argument("department")
    q.add_argument("employee_no", nargs="?", default="")
    q.add_argument("--clear", action="store_true", help=_("remove the head set by hand"))
    q.set_defaults(handler=_set_head)


def _export(args) -> int:
    import json

    from app.services.org import export_json

    data = export_json(cli_actor())
    if args.out:
        from app.io.atomic import write_text

        write_text(args.out, json.dumps(data, ensure_ascii=False, indent=2))
        print(_("Exported {n} departments, {m} positions and {p} people to {file}.", n=len(data["departments"]),
                m=len(data["positions"]), p=len(data["people"]), file=args.out))
    else:
        print_json(data)
    return 0


def _chart(args) -> int:
    from app.documents import org_chart
    from app.services.org import org_chart as chart_nodes

    suffix = Path(args.out).suffix.lower()
    if suffix not in (".pdf", ".png"):
        raise ValidationError("The chart is written as .pdf or .png (got {file}).", file=args.out)
    drawing = org_chart.prepare(chart_nodes(cli_actor()))
    if suffix == ".pdf":
        pages = org_chart.write_pdf(drawing, args.out, paper=args.paper, tiled=args.tiled)
        print(_("Wrote the org chart to {file} ({pages} pages).", file=args.out, pages=pages))
    else:
        w, h = org_chart.write_png(drawing, args.out)
        print(_("Wrote the org chart to {file} ({w} x {h} pixels).", file=args.out, w=w, h=h))
    return 0


def _set_manager(args) -> int:
    from app.services.org import set_manager

    person = set_manager(cli_actor(), args.employee_no, args.manager_no or None)
    if person.manager_no:
        print(_("{name} ({no}) now reports to {manager}.", name=person.name, no=person.employee_no, manager=person.manager_no))
    else:
        print(_("{name} ({no}) now has no manager.", name=person.name, no=person.employee_no))
    return 0


def _set_head(args) -> int:
    from app.services.org import set_department_head

    if bool(args.employee_no) == bool(args.clear):
        raise ValidationError("Name the employee no. of the new head, or give --clear (not both).")
    row = set_department_head(cli_actor(), args.department, args.employee_no or None)
    print(_("The head of {department} is now {head}.", department=row.name, head=row.head or _("nobody")))
    return 0
