"""appraisal history / decide, and report interview / appeal / annual-report: the use of results and the
feedback records from the command line.

No ``register`` here: app/cli/appraisal.py and app/cli/report.py hang these under their own commands."""

from __future__ import annotations

from app.cli import print_json
from app.cli._common import by_actor, cli_actor, date_arg
from app.i18n import _


def add_history_commands(sub) -> None:
    q = sub.add_parser("history", help=_("one person's results, flags and decisions over five years"))
    q.add_argument("employee_no", metavar="EMPLOYEE_NO")
    q.add_argument("--until", metavar="YEAR", help=_("the last year shown (default: this year)"))
    q.add_argument("--format", choices=["json", "text"], default="text")
    q.set_defaults(handler=_history)
    q = sub.add_parser("decide", help=_("record the decision taken on a flag (reward, salary step, contract …)"))
    q.add_argument("employee_no", metavar="EMPLOYEE_NO")
    q.add_argument("period", metavar="PERIOD", help=_("the period that raised the flag: 2026-03 or 2026"))
    q.add_argument("flag", metavar="FLAG", help=_("star_employee, warning, no_year_end_bonus, salary_step, "
                                                  "non_renewal_review or open_ended_contract"))
    q.add_argument("--outcome", required=True, choices=["carried_out", "not_carried_out", "deferred"])
    q.add_argument("--note", default="", metavar="TEXT")
    q.add_argument("--by", required=True, metavar="EMPLOYEE_NO", help=_("the employee no. of the person deciding (HR or the general manager)"))
    q.add_argument("--on", metavar="YYYY-MM-DD", help=_("the day of the decision (default: today)"))
    q.set_defaults(handler=_decide)


def add_feedback_reports(sub) -> None:
    def form(name: str, help_text: str, handler, *args: tuple[str, str]):
        q = sub.add_parser(name, help=help_text)
        for dest, metavar in args:
            q.add_argument(dest, metavar=metavar)
        q.add_argument("--out", required=True, metavar="FILE.pdf")
        q.add_argument("--json", action="store_true", help=_("print the result as JSON"))
        q.set_defaults(handler=handler)

    form("interview", _("a performance interview record (绩效面谈记录)"), _interview, ("period", "PERIOD"),
         ("employee_no", "EMPLOYEE_NO"))
    form("appeal", _("an appraisal appeal form (考核申诉表)"), _appeal, ("appeal_id", "ID"))
    form("annual-report", _("an annual work report (述职报告)"), _annual_report, ("period", "YEAR"),
         ("employee_no", "EMPLOYEE_NO"))


def _history(args) -> int:
    from app.services.appraisal_history import person_history

    view = person_history(cli_actor(), args.employee_no, until=args.until)
    if args.format == "json":
        print_json(view)
        return 0
    print(_("{name} ({no}), hired {hired}: {first}–{until}", name=view["name"], no=view["employee_no"],
            hired=view["hire_date"] or "—", first=view["from"], until=view["until"]))
    for y in view["years"]:
        result = f"{y['score']:.2f} {y['grade']} {y['grade_name']}" if y["score"] is not None else "—"
        print(f"{y['year']}  {result}  " + "  ".join(f"{m['period'][5:]}:{m['score']:g}" for m in y["months"]))
        for f in y["flags"]:
            d = f["decision"]
            told = (_("{outcome} by {by} on {day}", outcome=d["outcome_name"], by=d["by_name"], day=d["decided_on"])
                    + (f" · {d['note']}" if d["note"] else "")) if d else _("no decision yet")
            print(f"    {f['period']}  {f['name']}: {told}")
    return 0


def _decide(args) -> int:
    from app.services.appraisal_history import record_decision

    r = record_decision(by_actor(args.by), args.employee_no, args.period, args.flag, args.outcome, args.note,
                        on=date_arg(args.on) if args.on else None)
    print(_("Decision on {flag} ({period}) for {no} recorded.", flag=r["flag"], period=r["period"], no=r["employee_no"]))
    return 0


def _done(args, result: dict, message: str) -> int:
    if args.json:
        print_json(result)
    else:
        print(message)
    return 0


def _interview(args) -> int:
    from app.services.appraisal_feedback_print import print_interview

    r = print_interview(cli_actor(), args.period, args.employee_no, args.out)
    return _done(args, r, _("Interview record of {name} ({period}) written to {path}", **r))


def _appeal(args) -> int:
    from app.cli._forms import _request_id
    from app.services.appraisal_feedback_print import print_appeal

    r = print_appeal(cli_actor(), _request_id(args.appeal_id), args.out)
    return _done(args, r, _("Appeal form {appeal} ({name}) written to {path}", **r))


def _annual_report(args) -> int:
    from app.services.appraisal_feedback_print import print_annual_report

    r = print_annual_report(cli_actor(), args.period, args.employee_no, args.out)
    return _done(args, r, _("Annual work report of {name} ({period}) written to {path}", **r))
