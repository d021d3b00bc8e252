"""calendar show/import/set/clear: the shop's holiday calendar (节假日)."""

from __future__ import annotations

from app.cli import print_json
from app.cli._common import cli_actor, date_arg
from app.i18n import _
from app.rules.calendar import DAY_KINDS


def register(commands) -> None:
    p = commands.add_parser("calendar", help=_("the holiday calendar: statutory holidays, make-up days, the shop's entries"))
    sub = p.add_subparsers(dest="calendar_command", metavar="ACTION", required=True)
    q = sub.add_parser("show", help=_("the days of a year that differ from the week pattern"))
    q.add_argument("year", type=int, metavar="YEAR")
    q.add_argument("--format", choices=["json", "text"], default="text")
    q.set_defaults(handler=_show)
    q = sub.add_parser("import", help=_("import a year's schedule: date,kind,name rows (all or nothing)"))
    q.add_argument("file")
    q.set_defaults(handler=_import)
    q = sub.add_parser("set", help=_("the shop's entry for one day (it wins over the statutory calendar)"))
    q.add_argument("date", metavar="DATE")
    q.add_argument("kind", metavar="KIND", help=" | ".join(DAY_KINDS))
    q.add_argument("--name", default="", metavar="TEXT")
    q.set_defaults(handler=_set)
    q = sub.add_parser("clear", help=_("remove the shop's entry for one day"))
    q.add_argument("date", metavar="DATE")
    q.set_defaults(handler=_clear)


def _show(args) -> int:
    from app.services.calendar import show_year

    data = show_year(cli_actor(), args.year)
    if args.format == "json":
        print_json(data)
        return 0
    from app.rules.calendar import DAY_KIND_LABELS

    if not data["complete"]:
        print(_("{year} has no statutory holidays yet; enter them with `calendar import` or `calendar set`.",
                year=data["year"]))
    for d in data["days"]:
        source = _("shop") if d["source"] == "shop" else _("statutory")
        print(f"{d['date']}  {_(DAY_KIND_LABELS[d['kind']]):8}  {d['name']}  ({source})")
    return 0


def _import(args) -> int:
    from app.services.calendar import import_year

    result = import_year(cli_actor(), args.file)
    print(_("Calendar imported: {n} days ({years}).", n=result["days"], years=", ".join(map(str, result["years"]))))
    return 0


def _set(args) -> int:
    from app.services.calendar import set_day

    day = date_arg(args.date)
    set_day(cli_actor(), day, args.kind, args.name)
    print(_("{day} is now: {kind}.", day=day.isoformat(), kind=args.kind.strip().lower()))
    return 0


def _clear(args) -> int:
    from app.services.calendar import clear_day

    day = date_arg(args.date)
    if clear_day(cli_actor(), day):
        print(_("The shop's entry for {day} was removed.", day=day.isoformat()))
    else:
        print(_("The shop has no entry for {day}; nothing changed.", day=day.isoformat()))
    return 0
