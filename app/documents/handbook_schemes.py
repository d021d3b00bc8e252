"""The handbook's 绩效评定 chapter: one row per position with the scheme its template in force follows —
sections and weights, raters and weights, and the period."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from app.documents.pdf import data_table, esc
from app.i18n import N_, _, language

PERIODS = {"month": N_("Monthly"), "quarter": N_("Quarterly"), "half": N_("Half-yearly (June and December)"),
           "year": N_("Annual")}
ROLES = {"gm": N_("General manager"), "leader": N_("Supervising leader"), "head": N_("Department head"),
         "peer": N_("Peers"), "subordinate": N_("Subordinates")}


def _num(value) -> str:
    return f"{float(value):g}"


def position_schemes_story(rows: list[dict], width: float, st: dict, heading) -> list:
    """A heading and the table; ``heading`` makes a level-2 title (with its contents entry)."""
    if not rows:
        return []
    cell = st["cell"]
    body = []
    for r in rows:
        scheme = r["scheme_en"] if language() == "en" and r["scheme_en"] else r["scheme"]
        brackets = "（{}）" if language() == "zh_CN" else " ({})"
        name = r["template"] + (brackets.format(scheme) if scheme and scheme != r["template"] else "")
        if r.get("version"):
            name += " " + _("v{n}", n=r["version"])
        period = _(PERIODS[r["period"]]) if r["period"] in PERIODS else _("Any period opened")
        sections = "<br/>".join(esc(f"{n} {_num(w)}%") for n, w in r["sections"])
        raters = "<br/>".join(esc(f"{_(ROLES.get(role, role))} {_num(w)}%") for role, w in r["raters"])
        body.append([Paragraph(esc(r["position"]) + "<br/>" + esc(r["department"]), cell), Paragraph(esc(name), cell),
                     Paragraph(esc(period), cell), Paragraph(sections, cell), Paragraph(raters, cell)])
    note = Paragraph(esc(_("Each position is appraised with the template in force below. The self-assessment is "
                           "recorded and not counted; nobody rates themselves.")), st["body"])
    table = data_table([_("Position"), _("Template (scheme)"), _("Period"), _("Sections and weights"),
                        _("Raters and weights")], body,
                       [28 * mm, 44 * mm, 22 * mm, width - 136 * mm, 42 * mm], font_size=8.5)
    return [Spacer(1, 3 * mm), heading(_("Appraisal scheme of each position")), note, Spacer(1, 2 * mm), table]
