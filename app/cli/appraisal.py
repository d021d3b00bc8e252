"""appraisal periods / open / advance / calibrate / reopen / pull / month / scores import."""

from __future__ import annotations

from app.cli import print_json
from app.cli._common import cli_actor, month_arg
from app.i18n import _


def register(commands) -> None:
    p = commands.add_parser("appraisal", help=_("performance appraisal: periods, scores, results"))
    sub = p.add_subparsers(dest="appraisal_command", metavar="ACTION", required=True)
    q = sub.add_parser("periods", help=_("list the appraisal periods"))
    q.add_argument("--format", choices=["json", "text"], default="text")
    q.set_defaults(handler=_periods)
    q = sub.add_parser("open", help=_("open a period: 2026-11, 2026-Q4, 2026-H2 or 2026"))
    q.add_argument("period")
    q.add_argument("--scope", default="all", help=_("who the period covers: all, managers, staff or positions:NAME,NAME"))
    q.add_argument("--delegate-gm", action="store_true",
                   help=_("the general manager delegates his part to the supervising leader"))
    q.set_defaults(handler=_open)
    q = sub.add_parser("year", help=_("a year's results rolled up from its months (or halves), with the annual scores"))
    q.add_argument("year", help="YYYY")
    q.add_argument("--format", choices=["json", "text"], default="text")
    q.set_defaults(handler=_year)
    q = sub.add_parser("advance", help=_("take a period's next step: start scoring, submit for review, consolidate (HR), "
                                         "approve (general manager), lock (HR or admin)"))
    q.add_argument("period")
    q.add_argument("--yes", action="store_true", help=_("take the step without asking"))
    q.add_argument("--reason", help=_("the general manager's reason for approving although the grades break the "
                                      "forced distribution (recorded)"))
    q.set_defaults(handler=_advance)
    q = sub.add_parser("calibrate", help=_("move a person to another grade of the four-grade scheme in review, with a reason"))
    q.add_argument("period")
    q.add_argument("employee_no")
    q.add_argument("grade", help="A, B, C or D")
    q.add_argument("--reason", required=True, help=_("why the grade is calibrated (recorded and printed)"))
    q.set_defaults(handler=_calibrate)
    q = sub.add_parser("reopen", help=_("reopen a locked period (administrator, with a reason)"))
    q.add_argument("period")
    q.add_argument("--reason", required=True)
    q.set_defaults(handler=_reopen)
    q = sub.add_parser("pull", help=_("pull actuals from the attendance summary and task statistics"))
    q.add_argument("period")
    q.set_defaults(handler=_pull)
    q = sub.add_parser("month", help=_("a month's results: scores, grades, labels, flags and the grade distribution"))
    q.add_argument("month", help="YYYY-MM")
    q.add_argument("--format", choices=["json", "text"], default="text")
    q.set_defaults(handler=_month)
    from app.cli.appraisal_schemes import add_scheme_commands

    add_scheme_commands(sub)
    from app.cli.appraisal_feedback import add_history_commands

    add_history_commands(sub)  # history, decide: the use of results
    q = sub.add_parser("replace-rater", help=_("replace the gm, leader or head rater of one person in one period"))
    q.add_argument("period")
    q.add_argument("employee_no")
    q.add_argument("role", choices=["gm", "leader", "head"])
    q.add_argument("rater_no")
    q.add_argument("--note", required=True, help=_("why, e.g. the new head consulted the former one"))
    q.set_defaults(handler=_replace_rater)
    q = sub.add_parser("add-rater", help=_("add a rater beside the leader, head, peer or subordinate rater of one person "
                                           "in one period (they share the role's weight)"))
    q.add_argument("period")
    q.add_argument("employee_no")
    q.add_argument("role", choices=["leader", "head", "peer", "subordinate"])
    q.add_argument("rater_no")
    q.add_argument("--note", required=True, help=_("why, e.g. the former head rates beside the new one"))
    q.set_defaults(handler=_add_rater)
    q = sub.add_parser("mutual", help=_("the anonymous mutual rating: a reference for choosing advanced workers, never counted"))
    msub = q.add_subparsers(dest="mutual_command", metavar="ACTION", required=True)
    m = msub.add_parser("vote", help=_("cast your one ballot: EMPLOYEE_NO=SCORE for each colleague you rate"))
    m.add_argument("period")
    m.add_argument("ratings", nargs="+", metavar="EMPLOYEE_NO=SCORE")
    m.set_defaults(handler=_mutual_vote)
    m = msub.add_parser("results", help=_("the mean rating per person and the number of ballots (HR, managers)"))
    m.add_argument("period")
    m.add_argument("--format", choices=["json", "text"], default="text")
    m.set_defaults(handler=_mutual_results)
    q = sub.add_parser("delegate", help=_("the general manager delegates his part of a period to the supervising leaders"))
    q.add_argument("period")
    q.add_argument("--off", action="store_true", help=_("take the delegation back"))
    q.set_defaults(handler=_delegate)
    scores = sub.add_parser("scores", help=_("rater scores"))
    ssub = scores.add_subparsers(dest="scores_command", metavar="ACTION", required=True)
    q = ssub.add_parser("import", help=_("import rater scores from CSV or XLSX (all or nothing)"))
    q.add_argument("file")
    q.set_defaults(handler=_import)


def _periods(args) -> int:
    from app.services.appraisal import list_periods

    rows = list_periods(cli_actor())
    if args.format == "json":
        print_json(rows)
    else:
        for r in rows:
            print(f"{r['key']:10} {r['kind']:8} {r['state']:9} {r['scored']:>3}/{r['people']:<3}")
    return 0


def _open(args) -> int:
    from app.services.appraisal import open_period

    r = open_period(cli_actor(), args.period, args.scope, args.delegate_gm)
    print(_("Period {key} opened for {people} people.", key=r["key"], people=r["people"]))
    return 0


def _advance(args) -> int:
    import sys

    from app.errors import ConflictError
    from app.services.appraisal import advance_period, period_step
    from app.services.appraisal_core import STATE_LABELS

    actor = cli_actor()
    step = period_step(actor, args.period)
    for v in step["violations"]:  # the same warning the window shows before approval
        print(_("Grade {grade}: {count} people, the quota allows {allowed}.", **v), file=sys.stderr)
    if step["violations"] and step["may"] and not (args.reason or "").strip():
        raise ConflictError("The grades break the forced distribution (above); calibrate them with `appraisal "
                            "calibrate`, or approve {key} anyway with --reason TEXT.", key=step["key"])
    r = advance_period(actor, args.period, reason=args.reason)
    print(_("Period {key} is now in {state}.", key=r["key"], state=_(STATE_LABELS[r["state"]])))
    return 0


def _calibrate(args) -> int:
    import sys

    from app.services.appraisal_calibration import calibrate

    r = calibrate(cli_actor(), args.period, args.employee_no, args.grade, args.reason)
    print(_("{no}: grade {grade} (computed {computed}, score {score}).", no=r["employee_no"], grade=r["grade"],
            computed=r["computed_grade"], score=f"{r['score']:.2f}"))
    for v in r["violations"]:
        print(_("Grade {grade}: {count} people, the quota allows {allowed}.", **v), file=sys.stderr)
    return 0


def _replace_rater(args) -> int:
    from app.services.appraisal_raters import replace_rater

    replace_rater(cli_actor(), args.period, args.employee_no, args.role, args.rater_no, args.note)
    print(_("{rater} is now the {role} rater of {no} in {key}.", rater=args.rater_no, role=args.role,
            no=args.employee_no, key=args.period))
    return 0


def _add_rater(args) -> int:
    from app.services.appraisal_raters import add_rater

    add_rater(cli_actor(), args.period, args.employee_no, args.role, args.rater_no, args.note)
    print(_("{rater} now rates {no} in {key} beside the other {role} rater(s).", rater=args.rater_no, role=args.role,
            no=args.employee_no, key=args.period))
    return 0


def _mutual_vote(args) -> int:
    from app.errors import ValidationError
    from app.services.appraisal_mutual import cast_mutual_ratings

    ratings = {}
    for item in args.ratings:
        no, sep, score = item.partition("=")
        if not sep or not no.strip():
            raise ValidationError("{item!r} is not EMPLOYEE_NO=SCORE, e.g. E004=90.", item=item)
        ratings[no.strip()] = score.strip()
    r = cast_mutual_ratings(cli_actor(), args.period, ratings)
    print(_("Your ballot for {key} is cast: {n} colleagues rated, anonymously.", key=r["period"], n=r["ratings"]))
    return 0


def _mutual_results(args) -> int:
    from app.services.appraisal_mutual import mutual_results

    r = mutual_results(cli_actor(), args.period)
    if args.format == "json":
        print_json(r)
        return 0
    print(_("Mutual rating {key}: {n} ballots; a reference for choosing advanced workers, not counted in any score.",
            key=r["period"], n=r["ballots"]))
    for p in r["people"]:
        mean = "" if p["mean"] is None else f"{p['mean']:.2f}"
        rank = "" if p["rank"] is None else str(p["rank"])
        print(f"{rank:>3} {p['employee_no']:8} {p['name']:8} {mean:>7} ({p['ratings']})")
    return 0


def _delegate(args) -> int:
    from app.services.appraisal_raters import set_delegation

    r = set_delegation(cli_actor(), args.period, not args.off)
    print(_("Delegation in {key}: {state}; raters changed for {people} people.", key=r["key"],
            state=_("on") if r["gm_delegated"] else _("off"), people=r["people"]))
    return 0


def _year(args) -> int:
    from app.services.appraisal_year import year_results

    report = year_results(cli_actor(), args.year)
    if args.format == "json":
        print_json(report)
        return 0
    for e in report["employees"]:
        print(f"{e['employee_no']:8} {e['name']:8} {e['score']:>7.2f} {e['grade']} {e['grade_name']:8} "
              f"{', '.join(e['from'])}")
    return 0


def _reopen(args) -> int:
    from app.services.appraisal import reopen_period

    r = reopen_period(cli_actor(), args.period, args.reason)
    print(_("Period {key} reopened for scoring.", key=r["key"]))
    return 0


def _pull(args) -> int:
    from app.services.appraisal import pull_actuals

    r = pull_actuals(cli_actor(), args.period)
    print(_("{n} actual values filled (attendance: {attendance}, tasks: {tasks}).", n=r["filled"],
            attendance=_("available") if r["attendance"] else _("not installed"),
            tasks=_("available") if r["tasks"] else _("not installed")))
    return 0


def _month(args) -> int:
    from app.rules.appraisal import month_key
    from app.services.appraisal import month_report
    from app.services.appraisal_core import FLAG_NAMES

    year, month = month_arg(args.month)
    report = month_report(cli_actor(), month_key(year, month))
    if args.format == "json":
        print_json({k: report[k] for k in ("period", "employees", "distribution", "violations")})
        return 0
    for e in report["employees"]:
        score = "" if e["score"] is None else f"{e['score']:.2f}"
        grade = f"{e['grade']} {e['grade_name']}".strip()
        flags = ", ".join(_(FLAG_NAMES[f]) for f in e["flags"])
        print(f"{e['employee_no']:8} {e['name']:8} {score:>7} {grade:10} {e['label_name']:10} {flags}")
    print(" ".join(f"{g}:{n}" for g, n in report["distribution"].items()))
    for v in report["violations"]:
        print(_("Grade {grade}: {count} people, the quota allows {allowed}.", **v))
    return 0


def _import(args) -> int:
    from app.services.appraisal_import import import_scores

    r = import_scores(cli_actor(), args.file)
    print(_("Imported {scores} scores for {people} people.", scores=r["scores"], people=r["people"]))
    return 0
