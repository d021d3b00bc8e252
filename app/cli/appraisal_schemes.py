"""appraisal scheme list / show / apply: the scheme library from the command line.

No ``register`` here: app/cli/appraisal.py adds these under its own ``appraisal`` command."""

from __future__ import annotations

from app.cli import print_json
from app.cli._common import cli_actor
from app.i18n import N_, _, language


def add_scheme_commands(sub) -> None:
    scheme = sub.add_parser("scheme", help=_("the appraisal scheme library: list, show, apply to positions"))
    ssub = scheme.add_subparsers(dest="scheme_command", metavar="ACTION", required=True)
    q = ssub.add_parser("list", help=_("list the appraisal schemes"))
    q.add_argument("--format", choices=["json", "text"], default="text")
    q.set_defaults(handler=_list)
    q = ssub.add_parser("show", help=_("one scheme: description, sections, indicators, raters"))
    q.add_argument("scheme")
    q.add_argument("--format", choices=["json", "text"], default="text")
    q.set_defaults(handler=_show)
    q = ssub.add_parser("apply", help=_("give positions a scheme: each gets a new template version"))
    q.add_argument("scheme")
    q.add_argument("--positions", required=True, metavar="NAME,…",
                   help=_("position names separated by commas (DEPARTMENT/NAME where a name is in two departments)"))
    q.set_defaults(handler=_apply)


def _names(text: str) -> list[str]:
    return [n.strip() for n in text.replace("，", ",").split(",") if n.strip()]


def _list(args) -> int:
    from app.services.appraisal_schemes import list_schemes, summary

    rows = [summary(s) for s in list_schemes(cli_actor())]
    if args.format == "json":
        print_json(rows)
        return 0
    from app.documents.handbook_schemes import PERIODS, ROLES

    roles = dict(ROLES, self=N_("Self-assessment (not counted)"))
    for r in rows:
        sections = " / ".join(f"{s['name']} {s['weight']}%" for s in r["sections"])
        raters = " / ".join(f"{_(roles.get(x['role'], x['role']))} {x['weight']}%" for x in r["raters"]
                            if x["role"] != "self") + " / " + _(roles["self"])
        r = dict(r, period=_(PERIODS.get(r["period"], r["period"])))
        print(f"{r['key']:28} {r['name']} · {r['period']}\n{'':28} {sections}\n{'':28} {raters}")
    return 0


def _show(args) -> int:
    from app.rules.appraisal_template import indicators
    from app.services.appraisal_schemes import scheme_by_key

    cli_actor()
    scheme = scheme_by_key(args.scheme)
    if args.format == "json":
        print_json(scheme)
        return 0
    lang = language()
    print(scheme["name"].get(lang) or scheme["name"]["zh_CN"])
    print(scheme["description"].get(lang) or scheme["description"]["zh_CN"])
    for ind in indicators(scheme):
        print(f"  {ind['section']} {ind['section_weight']}% · {ind['name']} {ind['weight']}%")
    return 0


def _apply(args) -> int:
    from app.services.appraisal_schemes import apply_scheme

    done = apply_scheme(cli_actor(), args.scheme, _names(args.positions))
    for r in done:
        print(_("{department}/{position}: template {template}, version {version}.", **r))
    if done and done[0]["note"]:
        print(done[0]["note"])
    return 0
