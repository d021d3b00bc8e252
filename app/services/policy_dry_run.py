"""A dry run before a rule changes: what a setting change would have done to the last closed month.

The new values are written inside a transaction that is always rolled back, and the month is
summed up before and after with the very code that saving would then use — so the figures shown
are the figures that saving produces, and nothing is ever written.
"""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from sqlalchemy import select

from app.db import reading
from app.models._base import now
from app.models.policy import PolicySetting
from app.rules.settings import parse_value
from app.services import month_close, policy
from app.services.context import Actor
from app.services.permissions import require

# the settings whose change a dry run can show, by the figures they move
ATTENDANCE_PREFIXES = ("attendance.", "leave.", "overtime.")
APPRAISAL_PREFIXES = ("appraisal.",)


class _RollBack(Exception):
    """Raised inside the dry run's transaction so that it always rolls back."""

    def __init__(self, result: dict):
        super().__init__("dry run")
        self.result = result


def needs_dry_run(keys) -> bool:
    """Whether saving these settings changes attendance or appraisal figures, so is shown as a dry run first."""
    return any(k.startswith(ATTENDANCE_PREFIXES + APPRAISAL_PREFIXES) for k in keys)


def dry_run(actor: Actor, changes: dict[str, Any], month: str | None = None) -> dict:
    """{"month": "2026-10", "changes": [{"employee_no", "name", "field", "before", "after"}]} for the
    attendance figures of ``month`` (default: the last closed month, else the last month) and, for
    appraisal settings, the grades of that month's appraisal period."""
    require(actor, "policy.edit")
    parsed = {key: parse_value(policy.spec(key), raw) for key, raw in changes.items()}
    try:
        with reading() as s:
            key = month or month_close.last_closed_month(s) or month_close.previous_month(now().date())
            year, mon = month_close.parse_month(key)
            touches_attendance = any(k.startswith(ATTENDANCE_PREFIXES) for k in parsed)
            touches_appraisal = any(k.startswith(APPRAISAL_PREFIXES) for k in parsed)
            from app.services.attendance import load_month_inputs

            stored = load_month_inputs(s, year, mon) if touches_attendance else None  # read once, judged twice
            before = _figures(s, year, mon, stored, touches_appraisal, remember=True)
            for k, value in parsed.items():
                row = s.get(PolicySetting, k) or PolicySetting(key=k)
                row.value = value
                s.add(row)
            s.flush()
            after = _figures(s, year, mon, stored, touches_appraisal, remember=False)
            raise _RollBack({"month": f"{year}-{mon:02d}", "settings": {k: v for k, v in parsed.items()},
                             "changes": month_close.compare_rows(before, after, _FIELDS)})
    except _RollBack as done:
        return done.result
    raise AssertionError("unreachable")


_FIELDS = month_close.COMPARED_FIELDS + ("grade",)


def _figures(s, year: int, month: int, stored, appraisal: bool, remember: bool) -> list[dict]:
    """The month's compared figures with the settings of this transaction: attendance from ``stored``
    (the month as read, or None when the change cannot move it); ``remember`` lets the year's verdicts
    be cached (for the settings in force, never for the ones tried out)."""
    from app.services.attendance import summary_in

    _first, nxt = month_close.bounds(year, month)
    rows: dict[str, dict] = {}
    if stored is not None:
        for r in summary_in(s, year, month, as_of=datetime.combine(nxt, time()), remember=remember,
                            stored=stored).values():
            rows[r["employee_no"]] = {k: r.get(k) for k in ("employee_no", "name", *month_close.COMPARED_FIELDS)}
    if appraisal:
        for no, name, grade in _grades(s, f"{year}-{month:02d}"):
            rows.setdefault(no, {"employee_no": no, "name": name})["grade"] = grade
    return list(rows.values())


def _grades(s, period_key: str) -> list[tuple[str, str, str]]:
    """Each person's grade in the appraisal period of that month, from the final scores and the grade
    bands in force in this transaction."""
    from app.models.appraisal import AppraisalPeriod, AppraisalSubject
    from app.models.people import Employee
    from app.rules import appraisal as rules

    period = s.execute(select(AppraisalPeriod).where(AppraisalPeriod.key == period_key)).scalar()
    if period is None:
        return []
    v = policy.values_in(s)
    bands = rules.grade_bands(v["appraisal.grade_scheme"], v["appraisal.grade_bands_five"],
                              v["appraisal.grade_bands_four"])
    rows = s.execute(select(Employee.employee_no, Employee.name, AppraisalSubject.final_score)
                     .join(Employee, Employee.id == AppraisalSubject.employee_id)
                     .where(AppraisalSubject.period_id == period.id))
    return [(no, name, rules.grade_for(score, bands)) for no, name, score in rows if score is not None]


def summarise(changes: list[dict]) -> list[dict]:
    """Per figure: how many people it changes for and, for numbers, the total change
    ([{"field", "people", "delta"}]; delta is None for a grade)."""
    out: dict[str, dict] = {}
    for ch in changes:
        row = out.setdefault(ch["field"], {"field": ch["field"], "people": set(), "delta": 0.0})
        row["people"].add(ch["employee_no"])
        before, after = ch.get("before"), ch.get("after")
        if isinstance(before, (int, float)) or isinstance(after, (int, float)):
            if row["delta"] is not None:
                row["delta"] = round(row["delta"] + float(after or 0) - float(before or 0), 2)
        else:
            row["delta"] = None
    return [{**r, "people": len(r["people"])} for r in out.values()]
