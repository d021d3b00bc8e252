"""punch, punches import/list, leave request/approve/reject, overtime request, attendance month/roster."""

from __future__ import annotations

import csv
import sys

from app.cli import print_json
from app.cli._common import by_actor, cli_actor, datetime_arg, month_arg, record_id
from app.i18n import _


def register(commands) -> None:
    p = commands.add_parser("punch", help=_("record a punch by employee no. or badge (a manager's entry)"))
    p.add_argument("employee_no", nargs="?", metavar="EMPLOYEE_NO")
    p.add_argument("--badge", metavar="CODE")
    p.add_argument("--at", metavar='"YYYY-MM-DD HH:MM[:SS]"')
    p.set_defaults(handler=_punch)

    p = commands.add_parser("punches", help=_("punch records"))
    sub = p.add_subparsers(dest="punches_command", metavar="ACTION", required=True)
    from app.cli._clocks import add_import_commands

    add_import_commands(sub)  # import [--dry-run], map
    q = sub.add_parser("list", help=_("list a month's punches"))
    q.add_argument("--employee", metavar="NO")
    q.add_argument("--month", required=True, metavar="YYYY-MM")
    q.add_argument("--format", choices=["json", "text"], default="text")
    q.set_defaults(handler=_list)

    q = sub.add_parser("correct", help=_("file a correction (补卡) for a missing punch; prints its id"))
    q.add_argument("employee_no", metavar="EMPLOYEE_NO")
    q.add_argument("--at", required=True, metavar='"YYYY-MM-DD HH:MM"')
    q.add_argument("--reason", required=True)
    q.set_defaults(handler=_correct)
    q = sub.add_parser("decide-correction", help=_("approve or reject a correction"))
    q.add_argument("id", type=record_id)
    q.add_argument("--reject", action="store_true")
    q.set_defaults(handler=_decide_correction)

    p = commands.add_parser("leave", help=_("leave requests"))
    sub = p.add_subparsers(dest="leave_command", metavar="ACTION", required=True)
    q = sub.add_parser("request", help=_("file a leave request; prints its id"))
    q.add_argument("employee_no", metavar="EMPLOYEE_NO")
    q.add_argument("--type", required=True, dest="kind",
                   choices=["personal", "sick", "marriage", "bereavement", "annual", "comp", "offsite"])
    q.add_argument("--start", required=True, metavar='"YYYY-MM-DD HH:MM"')
    q.add_argument("--end", required=True, metavar='"YYYY-MM-DD HH:MM"')
    q.add_argument("--reason", default="")
    q.add_argument("--certificate", action="store_true", help=_("a hospital certificate was handed in"))
    q.set_defaults(handler=_leave_request)
    for name, approve in (("approve", True), ("reject", False)):
        q = sub.add_parser(name, help=_("approve a leave request") if approve else _("reject a leave request"))
        q.add_argument("id", type=record_id)
        q.add_argument("--by", required=True, metavar="EMPLOYEE_NO", help=_("the employee no. of the person deciding"))
        q.set_defaults(handler=_leave_decide, approve=approve)

    q = sub.add_parser("extend", help=_("file an extension of a leave before it ends; prints the new request's id"))
    q.add_argument("id", type=record_id)
    q.add_argument("--end", required=True, metavar='"YYYY-MM-DD HH:MM"')
    q.add_argument("--reason", default="")
    q.set_defaults(handler=_leave_extend)

    p = commands.add_parser("handover", help=_("handover records (临时工作交接表): approved time off the post"))
    sub = p.add_subparsers(dest="handover_command", metavar="ACTION", required=True)
    q = sub.add_parser("record", help=_("record a handover; prints its id"))
    q.add_argument("employee_no", metavar="EMPLOYEE_NO", help=_("who leaves the post"))
    q.add_argument("--to", required=True, metavar="EMPLOYEE_NO", help=_("who takes the work over"))
    q.add_argument("--start", required=True, metavar='"YYYY-MM-DD HH:MM"')
    q.add_argument("--back", required=True, metavar='"YYYY-MM-DD HH:MM"')
    q.add_argument("--place", default="")
    q.add_argument("--items", required=True, help=_("what was handed over"))
    q.set_defaults(handler=_handover_record)
    q = sub.add_parser("list", help=_("a month's handover records (JSON)"))
    q.add_argument("month", metavar="YYYY-MM")
    q.set_defaults(handler=_handover_list)

    p = commands.add_parser("overtime", help=_("overtime requests"))
    sub = p.add_subparsers(dest="overtime_command", metavar="ACTION", required=True)
    q = sub.add_parser("request", help=_("file an overtime request; prints its id"))
    q.add_argument("employee_no", metavar="EMPLOYEE_NO")
    q.add_argument("--start", required=True)
    q.add_argument("--end", required=True)
    q.add_argument("--reason", default="")
    q.set_defaults(handler=_overtime_request)
    q = sub.add_parser("approve", help=_("approve an overtime request"))
    q.add_argument("id", type=record_id)
    q.add_argument("--by", required=True, metavar="EMPLOYEE_NO")
    q.set_defaults(handler=_overtime_decide)

    p = commands.add_parser("attendance", help=_("the monthly attendance summary and the duty roster"))
    sub = p.add_subparsers(dest="attendance_command", metavar="ACTION", required=True)
    q = sub.add_parser("month", help=_("the monthly summary (JSON, CSV or XLSX)"))
    q.add_argument("month", metavar="YYYY-MM")
    q.add_argument("--format", choices=["json", "csv", "xlsx"], default="json")
    q.add_argument("--out", metavar="FILE")
    q.set_defaults(handler=_month)
    q = sub.add_parser("roster-fill", help=_("fill a month's empty roster days in turn"))
    q.add_argument("month", metavar="YYYY-MM")
    q.set_defaults(handler=_roster_fill)
    from app.cli._month_close import add_commands as add_close_commands

    add_close_commands(sub)  # close, reopen, close-status, confirm, confirmations


def _punch(args) -> int:
    from app.errors import ValidationError
    from app.services.punches import record_punch

    if bool(args.employee_no) == bool(args.badge):
        raise ValidationError("Give an employee no. or a badge code.")
    at = datetime_arg(args.at) if args.at else None
    r = record_punch(cli_actor(), employee_no=args.employee_no, badge=args.badge, at=at)
    if r.duplicate:
        print(_("Already recorded: {name} ({no}) at {at}.", name=r.name, no=r.employee_no, at=r.at.strftime("%Y-%m-%d %H:%M:%S")))
    else:
        print(_("Punch recorded: {name} ({no}) at {at}.", name=r.name, no=r.employee_no, at=r.at.strftime("%Y-%m-%d %H:%M:%S")))
    return 0


def _list(args) -> int:
    from app.services.punches import list_punches

    year, month = month_arg(args.month)
    rows = list_punches(cli_actor(), year, month, args.employee)
    if args.format == "json":
        print_json([{**r, "at": r["at"].strftime("%Y-%m-%d %H:%M:%S")} for r in rows])
    else:
        for r in rows:
            print(f"{r['at']:%Y-%m-%d %H:%M:%S}  {r['employee_no']:8} {r['name']:8} {r['source']}")
    return 0


def _correct(args) -> int:
    from app.services.punches import request_correction

    print(request_correction(cli_actor(), args.employee_no, datetime_arg(args.at), args.reason))
    return 0


def _decide_correction(args) -> int:
    from app.services.punches import decide_correction

    decide_correction(cli_actor(), args.id, not args.reject)
    print(_("Request {id} rejected.", id=args.id) if args.reject else _("Request {id} approved.", id=args.id))
    return 0


def _leave_request(args) -> int:
    from app.services.leave import request_leave

    new_id = request_leave(cli_actor(), args.employee_no, args.kind, datetime_arg(args.start), datetime_arg(args.end),
                           args.reason, args.certificate)
    print(new_id)
    return 0


def _leave_extend(args) -> int:
    from app.services.leave import extend_leave

    print(extend_leave(cli_actor(), args.id, datetime_arg(args.end), args.reason))
    return 0


def _handover_record(args) -> int:
    from app.services.handover import record_handover

    print(record_handover(cli_actor(), args.employee_no, args.to, datetime_arg(args.start), datetime_arg(args.back),
                          args.place, args.items))
    return 0


def _handover_list(args) -> int:
    from dataclasses import asdict

    from app.services.handover import list_handovers

    year, month = month_arg(args.month)
    print_json([{**asdict(h), "start": f"{h.start:%Y-%m-%d %H:%M}", "back_at": f"{h.back_at:%Y-%m-%d %H:%M}"}
                for h in list_handovers(cli_actor(), year, month)])
    return 0


def _leave_decide(args) -> int:
    from app.services.leave import decide_leave

    decide_leave(by_actor(args.by), args.id, args.approve)
    print(_("Request {id} approved.", id=args.id) if args.approve else _("Request {id} rejected.", id=args.id))
    return 0


def _overtime_request(args) -> int:
    from app.services.leave import request_overtime

    print(request_overtime(cli_actor(), args.employee_no, datetime_arg(args.start), datetime_arg(args.end), args.reason))
    return 0


def _overtime_decide(args) -> int:
    from app.services.leave import decide_overtime

    decide_overtime(by_actor(args.by), args.id, True)
    print(_("Request {id} approved.", id=args.id))
    return 0


def _month(args) -> int:
    from app.errors import ValidationError
    from app.services.attendance import export_month, monthly_summary, summary_table

    year, month = month_arg(args.month)
    if args.format == "xlsx" and not args.out:
        raise ValidationError("XLSX needs --out FILE.")
    if args.out:
        if not args.out.lower().endswith("." + args.format) and args.format != "json":
            raise ValidationError("Choose a file name ending in .csv or .xlsx (got {name}).", name=args.out)
        if args.format == "json":
            import json

            rows = monthly_summary(cli_actor(), year, month)
            from app.io.atomic import write_text
            from app.services.month_close import closed_flag

            write_text(args.out, json.dumps({"month": f"{year}-{month:02d}", **closed_flag(cli_actor(), year, month),
                                             "employees": rows}, ensure_ascii=False, indent=2))
            return 0
        n = export_month(cli_actor(), year, month, args.out)
        print(_("Exported {n} employees to {file}.", n=n, file=args.out))
        return 0
    rows = monthly_summary(cli_actor(), year, month)
    if args.format == "json":
        from app.services.month_close import closed_flag

        print_json({"month": f"{year}-{month:02d}", **closed_flag(cli_actor(), year, month), "employees": rows})
    else:
        header, body = summary_table(rows)
        from app.io.tables import safe_cell

        writer = csv.writer(sys.stdout)  # neutralised like a file: the output is often redirected into one
        writer.writerow([safe_cell(h) for h in header])
        writer.writerows([[safe_cell(v) for v in row] for row in body])
    return 0


def _roster_fill(args) -> int:
    from app.services.roster import fill_roster

    year, month = month_arg(args.month)
    n = fill_roster(cli_actor(), year, month)
    print(_("{n} duty entries added.", n=n))
    return 0
