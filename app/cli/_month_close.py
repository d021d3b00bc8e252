"""attendance close / reopen / close-status / confirm / confirmations (the month close, 考勤封帐)."""

from __future__ import annotations

import sys

from app.cli import print_json
from app.cli._common import cli_actor
from app.i18n import _


def add_commands(sub) -> None:
    q = sub.add_parser("close", help=_("close a month (考勤封帐): store its figures and freeze it"))
    q.add_argument("month", metavar="YYYY-MM")
    q.add_argument("--yes", action="store_true", help=_("close although requests of the month are still pending"))
    q.set_defaults(handler=_close)
    q = sub.add_parser("reopen", help=_("reopen a closed month (administrators, with a reason)"))
    q.add_argument("month", metavar="YYYY-MM")
    q.add_argument("--reason", required=True)
    q.set_defaults(handler=_reopen)
    q = sub.add_parser("close-status", help=_("what is still open in a month, and who confirmed it"))
    q.add_argument("month", metavar="YYYY-MM")
    q.set_defaults(handler=_status)
    q = sub.add_parser("confirm", help=_("an employee confirms their closed month, or disagrees"))
    q.add_argument("employee_no", metavar="EMPLOYEE_NO")
    q.add_argument("month", metavar="YYYY-MM")
    q.add_argument("--disagree", metavar="TEXT", help=_("what you disagree with (instead of confirming)"))
    q.add_argument("--pin-stdin", action="store_true", help=_("read the employee's kiosk PIN from standard input"))
    q.set_defaults(handler=_confirm)
    q = sub.add_parser("confirmations", help=_("who confirmed a closed month, who disagreed, who has not looked"))
    q.add_argument("month", metavar="YYYY-MM")
    q.add_argument("--format", choices=["json", "text"], default="text")
    q.set_defaults(handler=_confirmations)


def _close(args) -> int:
    from app.services.month_close import close_month

    r = close_month(cli_actor(), args.month, close_pending=args.yes)
    print(_("Closed {month} (version {version}) for {n} employees.", month=r["month"], version=r["version"],
            n=r["employees"]))
    return 0


def _reopen(args) -> int:
    from app.services.month_close import reopen_month

    r = reopen_month(cli_actor(), args.month, args.reason)
    print(_("Reopened {month}; the next close makes version {version}.", month=r["month"], version=r["version"] + 1))
    return 0


def _status(args) -> int:
    from app.services.month_close import close_status

    print_json(close_status(cli_actor(), args.month))
    return 0


def _confirm(args) -> int:
    from app.services.month_close import confirm_month, person_actor

    actor = cli_actor()
    if actor.employee_id is None:  # the machine's owner is not the employee: the employee's PIN proves it
        if args.pin_stdin:
            pin = sys.stdin.readline().strip()
        else:
            import getpass

            pin = getpass.getpass(_("PIN of {no}: ", no=args.employee_no))
        actor = person_actor(args.employee_no, pin)
    r = confirm_month(actor, args.employee_no, args.month, args.disagree, via="cli")
    print(_("{no}: {month} confirmed.", no=r["employee_no"], month=r["month"]) if r["answer"] == "confirmed"
          else _("{no}: disagreement with {month} recorded for HR.", no=r["employee_no"], month=r["month"]))
    return 0


def _confirmations(args) -> int:
    from app.services.month_close import confirmations

    r = confirmations(cli_actor(), args.month)
    if args.format == "json":
        print_json(r)
    else:
        for p in r["people"]:
            print(f"{p['employee_no']:8} {p['name']:10} {_(p['answer'])} {p['note']}")
    return 0
