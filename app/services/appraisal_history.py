"""Use of results (考核结果的运用): a person's results over five years, the flags they raised and what
was decided on each.

The flags are the schemes' (domain.md §5), computed from published results only:
- monthly: three excellent months -> star employee (a reward), two months needing improvement -> warning,
  three -> no year-end bonus;
- yearly, from each year's rolled-up grade (app/services/appraisal_year.py) once the year is over or its annual
  period is published: two consecutive years at D or
  better -> salary step, two at the lowest grade -> contract non-renewal review, and the open-ended
  contract (无固定期限合同): three years of service with every annual result A (优秀).
The product flags; people decide. A decision (carried out / not carried out / deferred, with a note) is
recorded by HR or the general manager, appended and audited; the newest per flag counts.
"""

from __future__ import annotations

from datetime import date
from typing import Optional

from sqlalchemy import select
from sqlmodel import Session

from app.db import reading, transaction
from app.errors import ConflictError, PermissionDenied, ValidationError
from app.i18n import N_
from app.i18n import _ as tr
from app.models.appraisal import AppraisalPeriod, AppraisalSubject
from app.models.appraisal_feedback import AppraisalUseDecision
from app.models.people import Employee
from app.models.users import User
from app.rules import appraisal as rules
from app.services import appraisal_core as core
from app.services import audit
from app.services.context import Actor
from app.services.permissions import can, require

YEARS = 5
PUBLISHED = ("approved", "locked")
OUTCOMES = {"carried_out": N_("Carried out"), "not_carried_out": N_("Not carried out"), "deferred": N_("Deferred")}
# what each flag is about, for the five-year view's "use" column
USES = {"star_employee": N_("Reward"), "warning": N_("Warning"), "no_year_end_bonus": N_("Year-end bonus"),
        "salary_step": N_("Salary"), "non_renewal_review": N_("Contract"), "open_ended_contract": N_("Contract")}
MAX_NOTE = 2000


def _published_months(s: Session, employee_id: int) -> list[tuple]:
    return s.execute(select(AppraisalPeriod.key, AppraisalPeriod.start, AppraisalSubject.final_score,
                            AppraisalSubject.grade, AppraisalSubject.label)
                     .join(AppraisalSubject, AppraisalSubject.period_id == AppraisalPeriod.id)
                     .where(AppraisalSubject.employee_id == employee_id, AppraisalPeriod.kind == "month",
                            AppraisalPeriod.state.in_(PUBLISHED), AppraisalSubject.final_score.is_not(None))
                     .order_by(AppraisalPeriod.start)).all()


def _raised(s: Session, person: Employee, until: int, first: int) -> tuple[dict, list, dict]:
    """(years {year: rolled-up result}, months [(key, start, score, grade, label)], flags {period key: [flag]})
    for ``first``..``until``; the streaks and the contract flag look further back where they need to."""
    from app.services.appraisal_year import year_in

    cfg = core.config_in(s)
    months = _published_months(s, person.id)
    labels = {(start.year, start.month): label for _k, start, _sc, _g, label in months}
    flags: dict[str, list[str]] = {}
    for key, start, _score, _grade, _label in months:
        if first <= start.year <= until:
            raised = rules.monthly_flags(labels, start.year, start.month, cfg.star, cfg.warning, cfg.no_bonus)
            if raised:
                flags[key] = raised
    since = min(first - 1, person.hire_date.year if person.hire_date else first)
    years = {}
    for y in range(max(since, until - 40), until + 1):
        row = year_in(s, y, [person.id]).get(person.id)
        if row is not None:
            years[y] = row
    # a year raises yearly flags once it is over, or once its annual period is published: months rolled up
    # in November are not yet the year's result
    today = core.today()
    grades = {y: r["grade"] for y, r in years.items() if date(y, 12, 31) < today or r.get("own") is not None}
    for y in range(first, until + 1):
        if y not in grades:
            continue
        raised = rules.yearly_flags(grades, y, cfg.letters[-1])
        if rules.open_ended_contract(grades, y, person.hire_date):
            raised.append("open_ended_contract")
        if raised:
            flags[str(y)] = raised
    return {y: r for y, r in years.items() if first <= y <= until}, \
        [m for m in months if first <= m[1].year <= until], flags


def _decisions(s: Session, employee_id: int) -> dict[tuple[str, str], list[dict]]:
    """(period key, flag) -> every decision, newest first."""
    rows = s.execute(select(AppraisalUseDecision).where(AppraisalUseDecision.employee_id == employee_id)
                     .order_by(AppraisalUseDecision.id.desc())).scalars()
    names = dict(s.execute(select(User.username, Employee.name).join(Employee, Employee.id == User.employee_id)).all())
    out: dict[tuple[str, str], list[dict]] = {}
    for d in rows:
        out.setdefault((d.period_key, d.flag), []).append(
            {"outcome": d.outcome, "outcome_name": tr(OUTCOMES.get(d.outcome, d.outcome)), "note": d.note,
             "decided_on": d.decided_on, "by": d.created_by, "by_name": names.get(d.created_by, d.created_by)})
    return out


def _may_view(actor: Actor, person: Employee) -> None:
    if not (can(actor, "appraisal.view_all") or actor.employee_id == person.id):
        raise PermissionDenied("Results are confidential: only the employee, HR and the general manager see this history.")


def history_in(s: Session, actor: Actor, person: Employee, until: int, years: int = YEARS) -> dict:
    cfg = core.config_in(s)
    first = until - years + 1
    rolled, months, flags = _raised(s, person, until, first)
    decisions = _decisions(s, person.id)
    by_year = []
    for y in range(until, first - 1, -1):
        r = rolled.get(y)
        entries = []
        for key in [str(y)] + [m[0] for m in months if m[1].year == y]:
            for flag in flags.get(key, []):
                past = decisions.get((key, flag), [])
                entries.append({"period": key, "flag": flag, "name": tr(core.FLAG_NAMES.get(flag, flag)),
                                "use": tr(USES.get(flag, "")), "decision": past[0] if past else None,
                                "history": past})
        by_year.append({
            "year": y, "score": r["score"] if r else None, "grade": r["grade"] if r else "",
            "grade_name": r["grade_name"] if r else "", "from": r["from"] if r else [],
            "months": [{"period": k, "score": sc, "grade": g, "grade_name": cfg.catalogue.name(g), "label": lab,
                        "label_name": cfg.catalogue.label(lab)} for k, start, sc, g, lab in months if start.year == y],
            "flags": entries,
        })
    return {"employee_no": person.employee_no, "name": person.name, "hire_date": person.hire_date,
            "from": first, "until": until, "years": by_year,
            "may_decide": can(actor, "appraisal.decide_use") and actor.employee_id != person.id}


def person_history(actor: Actor, employee_no: str, until: Optional[int] = None, years: int = YEARS) -> dict:
    """The five-year view of one person: each year's rolled-up result, the months' results, every flag raised
    and the decision taken on it. The employee sees their own; HR, the GM and administrators everyone's."""
    require(actor, "appraisal.rate")
    until = _year(until) if until is not None else core.today().year
    with reading() as s:
        person = core.employee_in(s, employee_no)
        _may_view(actor, person)
        return history_in(s, actor, person, until, years)


def _year(value) -> int:
    try:
        year = int(str(value).strip())
    except ValueError:
        raise ValidationError("{value!r} is not a year; write it as 2026.", value=value) from None
    if not 1990 <= year <= 2200:
        raise ValidationError("{value!r} is not a year; write it as 2026.", value=value)
    return year


def record_decision(actor: Actor, employee_no: str, period_key: str, flag: str, outcome: str, note: str = "",
                    on: Optional[date] = None) -> dict:
    """HR or the general manager records what was decided on a flag the person's results raised (reward given,
    salary step applied, contract decision …). Appended; the newest decision per flag counts."""
    require(actor, "appraisal.decide_use")
    if outcome not in OUTCOMES:
        raise ValidationError("The decision is one of: {choices}.", choices=", ".join(OUTCOMES))
    note = (note or "").strip()
    if len(note) > MAX_NOTE:
        raise ValidationError("The text is longer than {n} characters.", n=MAX_NOTE)
    if outcome != "carried_out" and not note:
        raise ValidationError("Say why in the note when a flag is not carried out or deferred.")
    key = core.span_of(period_key).key
    day = on or core.today()
    with transaction() as s:
        person = core.employee_in(s, employee_no)
        if actor.employee_id == person.id:
            raise PermissionDenied("Nobody decides on the use of their own results.")
        year = int(key[:4])
        _rolled, _months, flags = _raised(s, person, year, year)
        if flag not in flags.get(key, []):
            raise ConflictError("{name} ({no}) has no flag “{flag}” in {key}.", name=person.name, no=person.employee_no,
                                flag=tr(core.FLAG_NAMES.get(flag, flag)), key=key)
        row = AppraisalUseDecision(employee_id=person.id, period_key=key, flag=flag, outcome=outcome, note=note,
                                   decided_on=day, created_by=actor.username)
        s.add(row)
        s.flush()
        audit.record(s, actor, "appraisal.use_decision", "appraisal_use_decision", row.id, None,
                     {"employee": person.employee_no, "period": key, "flag": flag, "outcome": outcome, "note": note,
                      "decided_on": day})
        return {"id": row.id, "employee_no": person.employee_no, "period": key, "flag": flag, "outcome": outcome,
                "decided_on": day}
