"""The growth rule (增长率考核): a quantitative indicator scored by its growth against a base period.

Growth % = (actual − base) ÷ base × 100, rounded half up to two decimals *before* the bands are read,
so 9.995 % counts as 10.00 %. The bands map growth to points, best first, like the plain bands rule:
``{"type": "growth", "base": "last_year", "bands": [[20, 100], [10, 90], [0, 70], [-10, 40]], "else": 0}``
gives 90 points at +10 % to +19.99 %, 70 for 0 % to 9.99 %, 40 for a fall of up to 10 %, else 0.

The base figure is the same indicator's actual in the base period (``previous``: the period before,
e.g. 2026-Q3 for 2026-Q4; ``last_year``: the same period a year earlier, 2025-Q4), or a figure typed in
for the person (``typed``: no base period, every base figure is typed). A typed figure is stored as the
actual of ``<key>@base`` and wins over the base period's figure. Without a base figure the indicator has
no score ("no base figure"), never zero.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Optional

from app.i18n import N_, _
from app.rules.appraisal import HUNDRED, dec, parse_period_key, round2, shift_month

BASES = ("previous", "last_year", "typed")
BASE_NAMES = {"previous": N_("the period before"), "last_year": N_("the same period last year"),
              "typed": N_("a base figure typed in")}
BASE_SUFFIX = "@base"
NO_BASE = N_("no base figure")


def is_growth(ind: dict) -> bool:
    return ind.get("kind") == "quantitative" and (ind.get("rule") or {}).get("type") == "growth"


def base_key(indicator_key: str) -> str:
    """The actual-value key a typed base figure is stored under."""
    return f"{indicator_key}{BASE_SUFFIX}"


def base_period_key(period_key: str, base: str) -> Optional[str]:
    """The key of the period whose actuals are the base: None for typed figures."""
    span = parse_period_key(period_key)
    if base == "last_year":
        return span.key.replace(str(span.year), str(span.year - 1), 1)
    if base != "previous":
        return None
    if span.kind == "month":
        y, m = shift_month(span.year, span.start.month, -1)
        return f"{y}-{m:02d}"
    if span.kind == "quarter":
        q = (span.start.month - 1) // 3 + 1
        return f"{span.year}-Q{q - 1}" if q > 1 else f"{span.year - 1}-Q4"
    if span.kind == "half":
        return f"{span.year}-H1" if span.start.month > 6 else f"{span.year - 1}-H2"
    return str(span.year - 1)


def growth_percent(actual, base) -> Optional[Decimal]:
    """Growth in percent, two decimals; None when the base is missing or not above zero."""
    if actual is None or base is None:
        return None
    b = dec(base)
    if b <= 0:
        return None
    return round2((dec(actual) - b) / b * HUNDRED)


def growth_score(ind: dict, actual, base) -> Optional[Decimal]:
    """Points for the growth of ``actual`` over ``base``; None without a usable base figure."""
    growth = growth_percent(actual, base)
    if growth is None:
        return None
    rule = ind.get("rule") or {}
    for threshold, points in sorted(((dec(t), dec(p)) for t, p in rule.get("bands") or []),
                                    key=lambda band: band[0], reverse=True):
        if growth >= threshold:
            return round2(points)
    return round2(rule.get("else", 0))


def missing_base_reason(base) -> str:
    """Why an indicator has no score: no base figure, or one that is zero or negative."""
    if base is not None and dec(base) <= 0:
        return _("the base figure must be above 0")
    return _(NO_BASE)


def rule_problems(ind: dict) -> list[str]:
    """What is wrong with a growth rule, in a manager's words (empty when it is fine)."""
    name = ind.get("name") or ind.get("key") or "?"
    rule = ind.get("rule") or {}
    out = []
    if rule.get("base") not in BASES:
        out.append(_("Indicator {indicator} needs a base period: the period before, the same period last year, "
                     "or typed base figures.", indicator=name))
    bands = rule.get("bands") or []
    ok = bool(bands)
    for band in bands:
        try:
            ok = ok and len(band) == 2 and Decimal(0) <= dec(band[1]) <= HUNDRED and dec(band[0]) is not None
        except (TypeError, ValueError):
            ok = False
    try:
        ok = ok and Decimal(0) <= dec(rule.get("else", 0)) <= HUNDRED
    except (TypeError, ValueError):
        ok = False
    if not ok:
        out.append(_("The growth bands of {indicator} need [growth %, points] pairs with points from 0 to 100.",
                     indicator=name))
    return out
