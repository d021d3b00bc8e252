"""Appraisal rules (绩效考核) over plain values: periods, indicator scores, rater weights,
final score, grade, monthly label, flags and the forced-distribution check.

Numbers are Decimal; the final score is kept to two decimals, rounded half up, *before*
the grade is looked up (89.995 -> 90.00 -> A).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Iterable, Mapping, Optional, Sequence

from app.i18n import _
from app.rules.dates import FIRST_YEAR, LAST_YEAR

TWO = Decimal("0.01")
HUNDRED = Decimal(100)
ROLES = ("gm", "leader", "head")  # rating roles; "self" is recorded but never counted
SELF = "self"
FIVE_GRADES = ("A", "B", "C", "D", "E")
FOUR_GRADES = ("A", "B", "C", "D")
LABELS = ("excellent", "qualified", "ordinary", "needs_improvement")
STATES = ("entry", "scoring", "review", "consolidated", "approved", "locked")  # 录入 评分 审核 汇总 批准 归档


def dec(value) -> Decimal:
    """A number as Decimal (floats through their shortest repr, so 89.995 stays 89.995)."""
    if isinstance(value, Decimal):
        return value
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise ValueError(value) from None


def round2(value) -> Decimal:
    return dec(value).quantize(TWO, rounding=ROUND_HALF_UP)


# -- periods -------------------------------------------------------------------------------
@dataclass(frozen=True)
class PeriodSpan:
    key: str  # "2026-11", "2026-Q4", "2026-H2", "2026"
    kind: str  # month | quarter | half | year
    year: int
    start: date
    end: date

    @property
    def month(self) -> Optional[int]:
        return self.start.month if self.kind == "month" else None


_KEY = re.compile(r"^(\d{4})(?:-(?:(\d{1,2})|Q([1-4])|H([12])))?$", re.I | re.ASCII)


def parse_period_key(text: str) -> PeriodSpan:
    """'2026-11' (month), '2026-Q4', '2026-H2' or '2026'; ValueError otherwise."""
    m = _KEY.match(text.strip())
    if not m:
        raise ValueError(text)
    year = int(m.group(1))
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(text)
    if m.group(2):
        month = int(m.group(2))
        if not 1 <= month <= 12:
            raise ValueError(text)
        first, last = month, month
        key, kind = f"{year}-{month:02d}", "month"
    elif m.group(3):
        q = int(m.group(3))
        first, last, key, kind = 3 * q - 2, 3 * q, f"{year}-Q{q}", "quarter"
    elif m.group(4):
        h = int(m.group(4))
        first, last, key, kind = 6 * h - 5, 6 * h, f"{year}-H{h}", "half"
    else:
        first, last, key, kind = 1, 12, str(year), "year"
    end = date(year, last, calendar.monthrange(year, last)[1])
    return PeriodSpan(key, kind, year, date(year, first, 1), end)


def month_key(year: int, month: int) -> str:
    return f"{year}-{month:02d}"


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


# -- raters: app/rules/raters.py ----------------------------------------------------------------
def weights_problem(weights: Sequence) -> Optional[str]:
    if len(weights) != 3 or any(dec(w) < 0 for w in weights):
        return _("Rater weights need three numbers (general manager, leader, head), none negative.")
    if sum(dec(w) for w in weights) != HUNDRED:
        return _("Rater weights add up to {total}, not 100.", total=str(sum(dec(w) for w in weights)))
    return None


def weighted_score(pairs: Iterable[tuple]) -> Decimal:
    """Σ weight% × score, rounded half up to two decimals. ``pairs`` are (weight in %, score)."""
    total = sum((dec(w) * dec(s) for w, s in pairs), Decimal(0)) / HUNDRED
    return round2(total)


# -- grades, labels, flags -------------------------------------------------------------------
def grade_bands(scheme: str, five: Sequence, four: Sequence) -> list[tuple[str, Decimal]]:
    """[(grade, lowest score)] from the best grade down; the last grade takes everything below."""
    letters, mins = (FOUR_GRADES, four) if scheme == "four" else (FIVE_GRADES, five)
    return [(g, dec(m)) for g, m in zip(letters, mins)] + [(letters[-1], Decimal("-1"))]


def grade_for(score, bands: Sequence[tuple[str, Decimal]]) -> str:
    value = round2(score)
    for grade, lowest in bands:
        if value >= lowest:
            return grade
    return bands[-1][0]


def label_for(score, excellent=90, qualified=80, improve_below=60) -> str:
    """Monthly label: excellent ≥ 90, qualified ≥ 80, ordinary 60–79.99, needs_improvement < 60."""
    value = round2(score)
    if value >= dec(excellent):
        return "excellent"
    if value >= dec(qualified):
        return "qualified"
    if value >= dec(improve_below):
        return "ordinary"
    return "needs_improvement"


def _streak(labels: Mapping[tuple[int, int], str], year: int, month: int, wanted: str) -> int:
    n = 0
    while labels.get((year, month)) == wanted:
        n += 1
        year, month = shift_month(year, month, -1)
    return n


def monthly_flags(labels: Mapping[tuple[int, int], str], year: int, month: int,
                  star_after=3, warning_after=2, no_bonus_after=3) -> list[str]:
    """Flags for (year, month) from the monthly labels of consecutive calendar months ending there.

    A month without a result breaks a streak. three excellent -> star_employee; two
    needs_improvement -> warning; three -> no_year_end_bonus (the warning stands too).
    """
    flags = []
    if _streak(labels, year, month, "excellent") >= star_after:
        flags.append("star_employee")
    low = _streak(labels, year, month, "needs_improvement")
    if low >= warning_after:
        flags.append("warning")
    if low >= no_bonus_after:
        flags.append("no_year_end_bonus")
    return flags


def yearly_flags(grades: Mapping[int, str], year: int, lowest_grade: str, years=2) -> list[str]:
    """salary_step after ``years`` consecutive annual grades better than the lowest (D or better
    in the five-grade scheme); non_renewal_review after ``years`` consecutive lowest grades."""
    recent = [grades.get(year - i) for i in range(years)]
    if any(g is None for g in recent):
        return []
    if all(g != lowest_grade for g in recent):
        return ["salary_step"]
    if all(g == lowest_grade for g in recent):
        return ["non_renewal_review"]
    return []


def open_ended_contract(grades: Mapping[int, str], year: int, hired: Optional[date], years=3) -> bool:
    """The scheme's open-ended-contract flag (无固定期限合同): at least ``years`` years of service by the end of
    ``year`` and every annual result since hiring (at least ``years`` of them) A / 优秀. A person decides."""
    if hired is None or date(year, 12, 31) < date(hired.year + years, hired.month, min(hired.day, 28)):
        return False
    results = [g for y, g in grades.items() if y <= year and y >= hired.year]
    return len(results) >= years and all(g == "A" for g in results)


def distribution(grades: Iterable[str], letters: Sequence[str]) -> dict[str, int]:
    counts = {g: 0 for g in letters}
    for g in grades:
        counts[g] = counts.get(g, 0) + 1
    return counts


def forced_distribution_violations(grades: Sequence[str], quota: Mapping[str, float]) -> list[dict]:
    """Where the grades break a forced distribution (A 45 %, B 30 %, C 20 %, D 5 %).

    Every grade but the lowest is capped at its share of the people, rounded half up
    (14 people, A 45 % -> at most 6); nobody is pushed up, so the lowest grade has no cap.
    """
    n = len(grades)
    counts = distribution(grades, list(quota))
    result = []
    for grade in list(quota)[:-1]:
        allowed = int((Decimal(n) * dec(quota[grade]) / HUNDRED).quantize(Decimal(1), rounding=ROUND_HALF_UP))
        if counts.get(grade, 0) > allowed:
            result.append({"grade": grade, "count": counts[grade], "allowed": allowed, "quota": quota[grade]})
    return result


def results_due(end: date, due_day: int = 10) -> date:
    """The day a period's results are due: ``due_day`` of the month after the period ends (results by the 10th)."""
    year, month = shift_month(end.year, end.month, 1)
    return date(year, month, min(due_day, calendar.monthrange(year, month)[1]))


def appeal_deadline(published: date, days: int = 7) -> date:
    """The last day an appeal may be filed: ``days`` after the result was published."""
    from datetime import timedelta

    return published + timedelta(days=days)



# -- the year ------------------------------------------------------------------------------------
def year_score(months: Mapping[str, object], halves: Mapping[str, object], own, year_from: str = "months",
               own_weight=30) -> tuple[Optional[Decimal], list[str]]:
    """The year's score and the period keys it came from (月度考核分数纳进年终考核).

    ``year_from`` months: the mean of the monthly final scores; halves: the mean of the half-year results;
    own: the annual period's own score only. An annual period's own score, when there is one, blends in
    with ``own_weight`` percent (the roll-up takes the rest). Rounded half up to two decimals, once, at the end.
    """
    parts = {"months": months, "halves": halves}.get(year_from, {})
    keys = sorted(k for k, v in parts.items() if v is not None)
    rolled = sum((dec(parts[k]) for k in keys), Decimal(0)) / len(keys) if keys else None
    if own is None or (year_from != "own" and dec(own_weight) == 0 and rolled is not None):
        return (round2(rolled) if rolled is not None else None), keys
    if year_from == "own" or rolled is None:
        return round2(own), ["own"]
    w = dec(own_weight)
    return round2((dec(own) * w + rolled * (HUNDRED - w)) / HUNDRED), keys + ["own"]
