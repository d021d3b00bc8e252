"""Appraisal templates (考核表) as plain dicts: validation and scoring of indicators.

A template has sections with weights summing to 100 (e.g. task performance 55 / attitude 10 /
ability 35, or key / general indicators 60/40); each section's indicators have weights summing
to 100 within the section. Every indicator scores 0–100:

- quantitative (定量): ``target`` and the ``actual`` typed in or pulled from another area
  (``source`` like "attendance.absence_days"), with a rule:
  ``{"type": "ratio", "cap": 100}`` -> min(cap, actual / target × 100) (target / actual when
  ``lower_is_better``), or ``{"type": "bands", "bands": [[threshold, score], ...], "else": 0}``
  -> the score of the first band reached (actual ≥ threshold, or ≤ when lower is better);
  or ``{"type": "growth", "base": ..., "bands": ...}``: growth against a base period
  (app/rules/appraisal_growth.py);
- qualitative (定性): a rubric of ``levels`` [{"level": "A", "points": 100, "description": ...}];
  a rater picks a level (or types points).

A rater's total = Σ section weight% × Σ indicator weight% × indicator score.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Mapping, Optional

from app.i18n import _
from app.rules import appraisal_growth as growth
from app.rules.appraisal import HUNDRED, dec, round2

KINDS = ("quantitative", "qualitative")


def indicators(template: dict) -> list[dict]:
    """Every indicator with its section and its effective weight in the total (percent)."""
    result = []
    for section in template.get("sections", []):
        for ind in section.get("indicators", []):
            row = dict(ind)
            row["section"] = section.get("name", "")
            row["section_key"] = section.get("key", "")
            row["section_weight"] = section.get("weight", 0)
            row["effective_weight"] = float(dec(section.get("weight", 0)) * dec(ind.get("weight", 0)) / HUNDRED)
            result.append(row)
    return result


def _num(value) -> Optional[Decimal]:
    try:
        return dec(value) if value is not None and not isinstance(value, bool) else None
    except ValueError:
        return None


def template_problems(template: dict) -> list[str]:
    """Everything wrong with a template, in words a manager understands (empty when valid)."""
    problems: list[str] = []
    sections = template.get("sections") or []
    if not sections:
        return [_("The template has no sections.")]
    total = sum((_num(s.get("weight")) or Decimal(0)) for s in sections)
    if total != HUNDRED:
        problems.append(_("The section weights add up to {total}, not 100.", total=_fmt(total)))
    keys: set[str] = set()
    for section in sections:
        name = section.get("name") or section.get("key") or "?"
        inds = section.get("indicators") or []
        if not inds:
            problems.append(_("Section {section} has no indicators.", section=name))
            continue
        sub = sum((_num(i.get("weight")) or Decimal(0)) for i in inds)
        if sub != HUNDRED:
            problems.append(_("The indicator weights of section {section} add up to {total}, not 100.",
                              section=name, total=_fmt(sub)))
        for ind in inds:
            problems.extend(_indicator_problems(ind, keys))
    return problems


def _fmt(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _indicator_problems(ind: dict, keys: set[str]) -> list[str]:
    name = ind.get("name") or ind.get("key") or "?"
    out = []
    key = ind.get("key")
    if not key:
        out.append(_("Indicator {indicator} has no key.", indicator=name))
    elif key in keys:
        out.append(_("Indicator key {key} is used twice.", key=key))
    else:
        keys.add(key)
    weight = _num(ind.get("weight"))
    if weight is None or weight < 0:
        out.append(_("Indicator {indicator} needs a weight of 0 or more.", indicator=name))
    kind = ind.get("kind")
    if kind not in KINDS:
        out.append(_("Indicator {indicator} must be quantitative or qualitative.", indicator=name))
    elif kind == "qualitative":
        levels = ind.get("levels") or []
        if not levels:
            out.append(_("Indicator {indicator} needs rubric levels (A/B/C/D).", indicator=name))
        for level in levels:
            pts = _num(level.get("points"))
            if pts is None or not 0 <= pts <= 100:
                out.append(_("Level {level} of {indicator} needs points from 0 to 100.",
                             level=level.get("level", "?"), indicator=name))
    else:
        rule = ind.get("rule") or {}
        target = _num(ind.get("target"))
        if rule.get("type") == "ratio":
            if target is None or target <= 0:
                out.append(_("Indicator {indicator} needs a target above 0.", indicator=name))
            cap = _num(rule.get("cap", 100))
            if cap is None or not 0 < cap <= 100:
                out.append(_("The cap of {indicator} must be above 0 and at most 100.", indicator=name))
        elif rule.get("type") == "bands":
            bands = rule.get("bands") or []
            ok = bool(bands) and all(isinstance(b, (list, tuple)) and len(b) == 2 and _num(b[0]) is not None
                                     and _num(b[1]) is not None and 0 <= _num(b[1]) <= 100 for b in bands)
            if not ok:
                out.append(_("The bands of {indicator} need [threshold, score] pairs with scores from 0 to 100.",
                             indicator=name))
        elif rule.get("type") == "growth":
            out.extend(growth.rule_problems(ind))
        else:
            out.append(_("Indicator {indicator} needs a scoring rule: ratio or bands.", indicator=name))
    return out


def quantitative_score(ind: dict, actual, base=None) -> Optional[Decimal]:
    """The 0–100 score of a quantitative indicator for an actual value (a growth rule also needs
    the base figure, and gives None without one: app/rules/appraisal_growth.py)."""
    rule = ind.get("rule") or {}
    if rule.get("type") == "growth":
        return growth.growth_score(ind, actual, base)
    value = dec(actual)
    lower = bool(ind.get("lower_is_better"))
    if rule.get("type") == "bands":
        bands = sorted(((dec(t), dec(s)) for t, s in rule["bands"]), key=lambda b: b[0], reverse=not lower)
        for threshold, score in bands:
            if (value <= threshold) if lower else (value >= threshold):
                return round2(score)
        return round2(rule.get("else", 0))
    cap = dec(rule.get("cap", 100))
    target = dec(ind["target"])
    if lower:
        ratio = Decimal(1) if value <= 0 else target / value
    else:
        ratio = value / target
    return round2(max(Decimal(0), min(cap, ratio * HUNDRED)))


def level_points(ind: dict, level: str) -> Optional[Decimal]:
    for item in ind.get("levels") or []:
        if str(item.get("level", "")).upper() == str(level).strip().upper():
            return dec(item["points"])
    return None


def rater_total(template: dict, scores: Mapping[str, object]) -> Optional[Decimal]:
    """The rater's total from indicator scores (0–100 each), or None while one is missing."""
    total = Decimal(0)
    for ind in indicators(template):
        score = scores.get(ind["key"])
        if score is None:
            return None
        total += dec(ind["section_weight"]) * dec(ind.get("weight", 0)) * dec(score)
    return round2(total / (HUNDRED * HUNDRED))
