"""Growth indicators inside a transaction: base figures from the base period, and the check at opening.

The rule itself is app/rules/appraisal_growth.py. These helpers take a session and never check
permissions; the appraisal services call them when they open a period and when they score.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlmodel import Session

from app.errors import ValidationError
from app.i18n import _
from app.models.appraisal import AppraisalActual, AppraisalPeriod, AppraisalSubject
from app.models.people import Employee
from app.rules import appraisal_growth as growth
from app.rules.appraisal_template import indicators


@dataclass
class BaseFigure:
    """A base figure read from the base period (duck-types the ``value``/``source`` of AppraisalActual)."""

    value: float
    source: str


def growth_indicators(template: dict) -> list[dict]:
    return [ind for ind in indicators(template) if growth.is_growth(ind)]


def require_base_periods(s: Session, period: AppraisalPeriod) -> None:
    """Refuse to open ``period`` while a growth indicator of someone's template has no base period.

    Called inside the opening transaction, so a refusal leaves nothing behind."""
    subjects = s.execute(select(AppraisalSubject).where(AppraisalSubject.period_id == period.id)).scalars().all()
    needed: dict[str, set[str]] = {}  # base period key -> indicator names that need it
    bad_rules: list[str] = []
    for subject in subjects:
        for ind in growth_indicators(subject.template):
            base = (ind.get("rule") or {}).get("base")
            if base not in growth.BASES:
                bad_rules.append(ind.get("name") or ind["key"])
                continue
            key = growth.base_period_key(period.key, base)
            if key is not None:
                needed.setdefault(key, set()).add(ind.get("name") or ind["key"])
    if bad_rules:
        raise ValidationError("Period {key} was not opened: the growth indicator {indicators} has no base period; "
                              "choose one in the template.", key=period.key, indicators="、".join(sorted(set(bad_rules))))
    if not needed:
        return
    existing = set(s.execute(select(AppraisalPeriod.key).where(AppraisalPeriod.key.in_(list(needed)))).scalars())
    missing = sorted(k for k in needed if k not in existing)
    if missing:
        names = "、".join(sorted({n for k in missing for n in needed[k]}))
        raise ValidationError("Period {key} was not opened: the growth indicator {indicators} is measured against "
                              "period {base}, which has not been opened. Open {base} and enter its figures first, or "
                              "set the indicator to typed base figures.", key=period.key, indicators=names,
                              base=", ".join(missing))


def add_base_figures(s: Session, subjects: list[AppraisalSubject], actuals: dict[int, dict]) -> None:
    """Put each growth indicator's base figure into ``actuals[subject_id]["<key>@base"]``.

    A figure typed in for the person is already there and stays; otherwise the same indicator's newest
    actual in the base period, for the same person, is used. Nothing is added when neither exists."""
    wanted: dict[tuple[str, int], list[tuple[int, str]]] = {}  # (base period key, employee) -> [(subject, key)]
    periods = {}
    for subject in subjects:
        inds = growth_indicators(subject.template)
        if not inds:
            continue
        if subject.period_id not in periods:
            periods[subject.period_id] = s.get(AppraisalPeriod, subject.period_id).key
        for ind in inds:
            if growth.base_key(ind["key"]) in actuals.get(subject.id, {}):
                continue
            base = growth.base_period_key(periods[subject.period_id], (ind.get("rule") or {}).get("base"))
            if base is not None:
                wanted.setdefault((base, subject.employee_id), []).append((subject.id, ind["key"]))
    if not wanted:
        return
    keys = {k for k, _e in wanted}
    rows = s.execute(
        select(AppraisalPeriod.key, AppraisalSubject.employee_id, AppraisalActual.indicator, AppraisalActual.value)
        .join(AppraisalSubject, AppraisalSubject.period_id == AppraisalPeriod.id)
        .join(AppraisalActual, AppraisalActual.subject_id == AppraisalSubject.id)
        .where(AppraisalPeriod.key.in_(list(keys)),
               AppraisalSubject.employee_id.in_(list({e for _k, e in wanted})))
        .order_by(AppraisalActual.id)).all()
    newest = {(key, emp, ind): value for key, emp, ind, value in rows}  # later rows win
    for (key, emp), targets in wanted.items():
        for subject_id, ind_key in targets:
            value = newest.get((key, emp, ind_key))
            if value is not None:
                actuals.setdefault(subject_id, {})[growth.base_key(ind_key)] = BaseFigure(value, f"period:{key}")


def base_text(ind: dict, actuals: dict) -> tuple[str, str]:
    """(base shown in the target column, a note) for a growth indicator of one person."""
    base = actuals.get(growth.base_key(ind["key"]))
    if base is None:
        return "", _(growth.NO_BASE)
    source = base.source[len("period:"):] if base.source.startswith("period:") else _("typed")
    note = "" if base.value > 0 else growth.missing_base_reason(base.value)
    return _("base {value} ({source})", value=f"{base.value:g}", source=source), note


def employee_base_figures(s: Session, period: AppraisalPeriod, employee: Employee) -> dict[str, float]:
    """The base figures in force for one person in one period (typed or from the base period)."""
    subject = s.execute(select(AppraisalSubject).where(AppraisalSubject.period_id == period.id,
                                                       AppraisalSubject.employee_id == employee.id)).scalar()
    if subject is None:
        return {}
    actuals: dict[int, dict] = {subject.id: {}}
    for row in s.execute(select(AppraisalActual).where(AppraisalActual.subject_id == subject.id)
                         .order_by(AppraisalActual.id)).scalars():
        actuals[subject.id][row.indicator] = row
    add_base_figures(s, [subject], actuals)
    return {ind["key"]: actuals[subject.id][growth.base_key(ind["key"])].value
            for ind in growth_indicators(subject.template) if growth.base_key(ind["key"]) in actuals[subject.id]}
