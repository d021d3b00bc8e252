"""report leave / roster / handbook-receipt / job-card / appraisal-form / handover: the paper forms.

Hung under the ``report`` command of app/cli/report.py by ``add_form_commands``."""

from __future__ import annotations

from app.cli import print_json
from app.cli._common import cli_actor
from app.i18n import _


def add_form_commands(sub) -> None:
    def form(name: str, help_text: str, handler, arg: str | None = None, metavar: str = "", arg_help: str = ""):
        q = sub.add_parser(name, help=help_text)
        if arg:
            q.add_argument(arg, metavar=metavar, help=arg_help or None)
        q.add_argument("--out", required=True, metavar="FILE.pdf")
        q.add_argument("--json", action="store_true", help=_("print the result as JSON"))
        q.set_defaults(handler=handler)
        return q

    form("leave", _("a leave request form (请假申请单)"), _leave, "request_id", "ID")
    form("roster", _("the duty roster of a month (值班表), one landscape page"), _roster, "period", "YYYY-MM")
    q = form("handbook-receipt", _("the employee receipt form for the handbook (员工签收表)"), _receipt)
    q.add_argument("--version", dest="doc_version", metavar="TEXT", help=_("the handbook version the receipt confirms"))
    form("job-card", _("one position's job description (岗位说明书)"), _job_card, "position", "POSITION",
         _("position name, or department/position"))
    form("appraisal-form", _("a blank appraisal form of a position (考核表), to score on paper"), _appraisal_form,
         "position", "POSITION", _("position name, or department/position"))
    form("handover", _("a temporary work handover form (临时工作交接表)"), _handover, "handover_id", "ID")


def _done(args, result: dict, message: str) -> int:
    if args.json:
        print_json(result)
    else:
        print(message)
    return 0


def _request_id(text: str) -> int:
    from app.errors import ValidationError

    if not str(text).strip().isdigit():
        raise ValidationError("{value!r} is not a record number.", value=text)
    return int(text)


def _leave(args) -> int:
    from app.services.forms import print_leave_form

    r = print_leave_form(cli_actor(), _request_id(args.request_id), args.out)
    return _done(args, r, _("Leave request form {id} ({name}) written to {path}", id=r["request_id"], name=r["name"], path=r["path"]))


def _roster(args) -> int:
    from app.services.forms import print_roster

    r = print_roster(cli_actor(), args.period, args.out)
    return _done(args, r, _("Duty roster {period} written to {path}", period=r["period"], path=r["path"]))


def _receipt(args) -> int:
    from app.services.forms import print_handbook_receipt

    r = print_handbook_receipt(cli_actor(), args.out, args.doc_version or "")
    return _done(args, r, _("Employee receipt form for {people} people ({pages} pages) written to {path}", **r))


def _job_card(args) -> int:
    from app.services.forms import print_job_card

    r = print_job_card(cli_actor(), args.position, args.out)
    return _done(args, r, _("Job description of {position} written to {path}", position=r["position"], path=r["path"]))


def _appraisal_form(args) -> int:
    from app.services.forms import print_appraisal_form

    r = print_appraisal_form(cli_actor(), args.position, args.out)
    return _done(args, r, _("Blank appraisal form of {position} written to {path}", position=r["position"], path=r["path"]))


def _handover(args) -> int:
    from app.services.forms import print_handover_form

    r = print_handover_form(cli_actor(), _request_id(args.handover_id), args.out)
    return _done(args, r, _("Handover form {id} ({name}) written to {path}", id=r["handover_id"], name=r["name"], path=r["path"]))
