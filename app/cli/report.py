"""report appraisal / report handbook / report attendance: the printed documents as PDF files."""

from __future__ import annotations

from app.cli import print_json
from app.cli._common import cli_actor, date_arg, month_arg
from app.i18n import _


def register(commands) -> None:
    p = commands.add_parser("report", help=_("print documents as PDF: appraisal sheets, handbook, attendance report"))
    sub = p.add_subparsers(dest="report_command", metavar="DOCUMENT", required=True)
    q = sub.add_parser("appraisal", help=_("appraisal sheets of a period: 2026-11, 2026-Q4, 2026-H2 or 2026 (the year)"))
    q.add_argument("period", metavar="PERIOD")
    q.add_argument("--out", required=True, metavar="FILE.pdf|DIR",
                   help=_("one PDF for everybody (FILE.pdf) or one file per person (a folder)"))
    q.add_argument("--employee", action="append", metavar="NO", help=_("only this employee no. (repeatable)"))
    q.add_argument("--json", action="store_true", help=_("print the result as JSON"))
    q.set_defaults(handler=_appraisal)
    q = sub.add_parser("handbook", help=_("the department handbook with the settings in force"))
    q.add_argument("--out", required=True, metavar="FILE.pdf")
    q.add_argument("--version", dest="doc_version", metavar="TEXT", help=_("version printed on the cover (default: next free)"))
    q.add_argument("--effective", metavar="YYYY-MM-DD", help=_("effective date (default: today)"))
    q.add_argument("--json", action="store_true", help=_("print the result as JSON"))
    q.set_defaults(handler=_handbook)
    q = sub.add_parser("attendance", help=_("monthly attendance report"))
    q.add_argument("period", metavar="YYYY-MM")
    q.add_argument("--out", required=True, metavar="FILE.pdf")
    q.add_argument("--json", action="store_true", help=_("print the result as JSON"))
    q.set_defaults(handler=_attendance)
    from app.cli._forms import add_form_commands

    add_form_commands(sub)  # leave, roster, handbook-receipt, job-card, appraisal-form
    from app.cli.appraisal_feedback import add_feedback_reports

    add_feedback_reports(sub)  # interview, appeal, annual-report


def _appraisal(args) -> int:
    from pathlib import Path

    from app.services import documents

    from app.services.appraisal_core import span_of

    period = span_of(args.period).key
    out = Path(args.out)
    result = documents.write_appraisal_sheets(cli_actor(), period, out, per_person=out.suffix.lower() != ".pdf",
                                              employee_nos=args.employee)
    if args.json:
        print_json(result)
    else:
        print(_("{sheets} appraisal sheets, {pages} pages, in {files} file(s):", sheets=result["sheets"],
                pages=result["pages"], files=len(result["files"])))
        for path in result["files"]:
            print(path)
    return 0


def _handbook(args) -> int:
    from app.services import documents

    effective = date_arg(args.effective) if args.effective else None
    result = documents.print_handbook(cli_actor(), args.out, version=args.doc_version, effective_date=effective)
    if args.json:
        print_json(result)
    else:
        print(_("Handbook version {version} ({pages} pages) written to {path}", version=result["version"],
                pages=result["pages"], path=result["path"]))
    return 0


def _attendance(args) -> int:
    from app.services import documents

    year, month = month_arg(args.period)
    result = documents.write_attendance_report(cli_actor(), year, month, args.out)
    if args.json:
        print_json(result)
    else:
        print(_("Attendance report for {people} people ({pages} pages) written to {path}", people=result["people"],
                pages=result["pages"], path=result["path"]))
    return 0
