"""policy list / policy set."""

from __future__ import annotations

from app.cli import print_json
from app.cli._common import cli_actor
from app.i18n import _


def register(commands) -> None:
    p = commands.add_parser("policy", help=_("list or change policy settings"))
    sub = p.add_subparsers(dest="policy_command", metavar="ACTION", required=True)
    q = sub.add_parser("list", help=_("list settings with their values"))
    q.add_argument("--format", choices=["json", "text"], default="text")
    q.set_defaults(handler=_list)
    q = sub.add_parser("set", help=_("change a setting"))
    q.add_argument("key")
    q.add_argument("value")
    q.add_argument("--dry-run", action="store_true",
                   help=_("show what the change would have done to the last closed month; change nothing"))
    q.add_argument("--month", metavar="YYYY-MM", help=_("with --dry-run: the month to compare (default: the last closed)"))
    q.set_defaults(handler=_set)


def _list(args) -> int:
    from app.services import policy

    rows = policy.list_settings(cli_actor())
    if args.format == "json":
        print_json([{**{k: r[k] for k in ("key", "group", "type", "value", "default", "allowed")},
                     "group_label": _(r["group_label"]), "label": _(r["label"]) if r["label"] else r["key"],
                     "help": _(r["help"]) if r["help"] else "", "unit": _(r["unit"]) if r["unit"] else ""}
                    for r in rows])
    else:
        for r in rows:
            print(f"{r['key']:40} {r['value']!s:20} {_(r['label'])}")
            if r["help"]:
                print(f"{'':40} {'':20} {_(r['help'])}")
    return 0


def _set(args) -> int:
    from app.services import policy

    if args.dry_run:
        from app.services.policy_dry_run import dry_run

        print_json(dry_run(cli_actor(), {args.key: args.value}, args.month))
        return 0
    value = policy.set_value(cli_actor(), args.key, args.value)
    print(_("{key} = {value}", key=args.key, value=value))
    return 0
