"""Appraisal schemes (考核方案): ready-made templates from the department's documents, as plain dicts.

A scheme is what a template is (sections with weights, indicators with scoring rules) plus what
the documents say around it: a Chinese and an English name and description, the period kind, the
raters and their weights, the grade scheme and whether the monthly labels apply. Shipped schemes are
in data/appraisal/schemes/*.json; app/services/appraisal_schemes.py loads them and applies one to
positions, which writes the scheme into each position's template (a new version).

Raters use the appraisal roles: ``gm`` 总经理, ``leader`` 分管领导, ``head`` 部门负责人, ``peer``
同级, ``subordinate`` 下属, and ``self`` 自评, which is recorded and never counted (weight 0).
The counted weights add up to 100.
"""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Mapping, Optional

from app.i18n import N_, _
from app.rules.appraisal import HUNDRED, dec, round2, weighted_score
from app.rules.appraisal_template import indicators, level_points, quantitative_score, rater_total, template_problems

RATER_ROLES = ("gm", "leader", "head", "peer", "subordinate", "self")
PERIOD_KINDS = ("month", "quarter", "half", "year")
GRADE_SCHEMES = ("five", "four")
AUDIENCES = ("staff", "managers", "all")
# what a template written from a scheme carries besides its sections
TEMPLATE_KEYS = ("period", "roll_up", "grades", "monthly_labels", "raters", "audience")


def _number(value) -> Optional[Decimal]:
    if value is None or isinstance(value, bool):
        return None
    try:
        return dec(value)
    except ValueError:
        return None


def rater_problems(raters) -> list[str]:
    """What is wrong with a rater set ([{"role", "weight"}]): unknown or repeated roles, a counted
    self-assessment, weights that do not add up to 100."""
    if not isinstance(raters, list) or not raters:
        return [_("The scheme names no raters.")]
    out, seen, total = [], set(), Decimal(0)
    for rater in raters:
        role = rater.get("role") if isinstance(rater, dict) else None
        weight = _number(rater.get("weight")) if isinstance(rater, dict) else None
        if role not in RATER_ROLES:
            out.append(_("Unknown rater role {role}: use gm, leader, head, peer, subordinate or self.", role=role))
            continue
        if role in seen:
            out.append(_("The rater role {role} is named twice.", role=role))
        seen.add(role)
        if weight is None or weight < 0:
            out.append(_("The rater role {role} needs a weight of 0 or more.", role=role))
        elif role == "self" and weight != 0:
            out.append(_("The self-assessment is recorded, not counted: its weight must be 0."))
        else:
            total += weight
    if not out and total != HUNDRED:
        out.append(_("The rater weights add up to {total}, not 100.", total=format(total.normalize(), "f")))
    return out


def scheme_problems(scheme: Mapping) -> list[str]:
    """Everything wrong with a scheme, in words a manager understands (empty when it can be used)."""
    out = []
    if not str(scheme.get("key") or "").strip():
        out.append(_("The scheme has no key."))
    for field, problem in (("name", N_("The scheme needs a name in Chinese and in English.")),
                           ("description", N_("The scheme needs a description in Chinese and in English."))):
        texts = scheme.get(field)
        if not isinstance(texts, dict) or not all(str(texts.get(lang) or "").strip() for lang in ("zh_CN", "en")):
            out.append(_(problem))
    if scheme.get("period") not in PERIOD_KINDS:
        out.append(_("The scheme's period must be month, quarter, half or year."))
    if scheme.get("grades") not in GRADE_SCHEMES:
        out.append(_("The scheme's grade scheme must be five or four."))
    if scheme.get("audience", "all") not in AUDIENCES:
        out.append(_("The scheme's audience must be staff, managers or all."))
    out += rater_problems(scheme.get("raters"))
    out += template_problems(dict(scheme))
    return out


def scheme_name(scheme: Mapping, lang: str) -> str:
    names = scheme.get("name") or {}
    return names.get(lang) or names.get("zh_CN") or scheme.get("key", "")


def scheme_template(scheme: Mapping) -> dict:
    """The template body a position gets from a scheme (its name is the scheme's Chinese name).

    The template's ``raters`` is the role → weight map the appraisal services resolve at opening
    (app/rules/raters.py); the self-assessment is always recorded and never counted, so it is left out."""
    body = {"name": scheme_name(scheme, "zh_CN"), "scheme": scheme["key"],
            "sections": copy.deepcopy(scheme["sections"])}
    for key in TEMPLATE_KEYS:
        if key in scheme:
            body[key] = copy.deepcopy(scheme[key])
    body["raters"] = {r["role"]: r["weight"] for r in scheme["raters"] if r["role"] != "self"}
    return body


def rater_list(raters) -> list[dict]:
    """[{"role", "weight"}] from a scheme's list or a template's role → weight map."""
    if isinstance(raters, Mapping):
        return [{"role": role, "weight": weight} for role, weight in raters.items()]
    return [dict(r) for r in raters or []]


def counted_raters(template: Mapping) -> list[dict]:
    """The raters whose scores count (weight above 0), in the template's order."""
    return [r for r in rater_list(template.get("raters")) if r.get("role") != "self" and dec(r.get("weight", 0)) > 0]


def indicator_scores(template: Mapping, inputs: Mapping[str, object],
                     bases: Mapping[str, object] | None = None) -> dict[str, Optional[Decimal]]:
    """One rater's indicator scores: a rubric level ("A".."D") or points for a qualitative indicator,
    the actual for a quantitative one (with its base figure for a growth rule)."""
    out: dict[str, Optional[Decimal]] = {}
    for ind in indicators(dict(template)):
        value = inputs.get(ind["key"])
        if value is None:
            out[ind["key"]] = None
        elif ind.get("kind") == "qualitative":
            out[ind["key"]] = level_points(ind, value) if isinstance(value, str) else round2(value)
        else:
            out[ind["key"]] = quantitative_score(ind, value, (bases or {}).get(ind["key"]))
    return out


def final_score(template: Mapping, rater_totals: Mapping[str, object]) -> Optional[Decimal]:
    """Σ weight × total over the counted raters (by role); None while one of them has no total."""
    pairs = []
    for rater in counted_raters(template):
        total = rater_totals.get(rater["role"])
        if total is None:
            return None
        pairs.append((rater["weight"], total))
    return weighted_score(pairs)


def sample_total(template: Mapping, inputs: Mapping[str, object], bases=None) -> Optional[Decimal]:
    """A rater's total for one set of inputs (what the scheme preview and the tests score)."""
    return rater_total(dict(template), {k: v for k, v in indicator_scores(template, inputs, bases).items()
                                        if v is not None})
