"""The year (年终考核): each person's year score rolled up from the year's published results — the
monthly final scores by default (``appraisal.year_from``), the half-year results, or only the annual
period's own — with the annual period's own scores blended in by ``appraisal.year_own_weight``.
The forced distribution is never applied to the year (domain.md §5)."""

from __future__ import annotations

from sqlalchemy import select
from sqlmodel import Session

from app.db import reading
from app.errors import NotFound, ValidationError
from app.models.appraisal import AppraisalPeriod, AppraisalSubject
from app.models.people import Employee
from app.rules import appraisal as rules
from app.services import appraisal_core as core
from app.services.context import Actor
from app.services.permissions import require

PUBLISHED = ("approved", "locked")


def year_in(s: Session, year: int, employee_ids=None) -> dict[int, dict]:
    """{employee id: {"score", "grade", "from", "months": {key: score}, "halves": {...}, "own"}} for everyone
    with a published result in ``year``; one query over the year's subjects."""
    cfg = core.config_in(s)
    q = (select(AppraisalSubject.employee_id, AppraisalPeriod.key, AppraisalPeriod.kind, AppraisalSubject.final_score)
         .join(AppraisalPeriod, AppraisalPeriod.id == AppraisalSubject.period_id)
         .where(AppraisalPeriod.start >= rules.parse_period_key(str(year)).start,
                AppraisalPeriod.end <= rules.parse_period_key(str(year)).end,
                AppraisalPeriod.state.in_(PUBLISHED), AppraisalSubject.final_score.is_not(None)))
    if employee_ids is not None:
        q = q.where(AppraisalSubject.employee_id.in_(list(employee_ids)))
    found: dict[int, dict] = {}
    for emp, key, kind, score in s.execute(q).all():
        row = found.setdefault(emp, {"months": {}, "halves": {}, "own": None})
        if kind == "month":
            row["months"][key] = score
        elif kind == "half":
            row["halves"][key] = score
        elif kind == "year":
            row["own"] = score
    out = {}
    for emp, row in found.items():
        score, keys = rules.year_score(row["months"], row["halves"], row["own"], cfg.year_from, cfg.year_own_weight)
        if score is None:
            continue
        grade = rules.grade_for(score, cfg.bands)
        out[emp] = dict(row, score=float(score), grade=grade, grade_name=cfg.catalogue.name(grade),
                        **{"from": [str(year) if k == "own" else k for k in keys]})
    return out


def year_results(actor: Actor, year) -> dict:
    """`appraisal year YEAR`: {"year", "employees": [{employee_no, name, score, grade, grade_name, from}]}."""
    require(actor, "appraisal.view_all")
    try:
        span = rules.parse_period_key(str(year))  # four digits, in the years a date can hold
        if span.kind != "year":
            raise ValueError(year)
        number = span.year
    except ValueError:
        raise ValidationError("{value!r} is not a year; write it as 2026.", value=year) from None
    with reading() as s:
        rolled = year_in(s, number)
        if not rolled:
            raise NotFound("There are no published appraisal results in {year}.", year=number)
        people = {e.id: e for e in s.execute(select(Employee).where(Employee.id.in_(list(rolled)))).scalars()}
        rows = [{"employee_no": people[i].employee_no, "name": people[i].name, "score": r["score"],
                 "grade": r["grade"], "grade_name": r["grade_name"], "from": r["from"]} for i, r in rolled.items()]
        return {"year": number, "employees": sorted(rows, key=lambda r: r["employee_no"])}


def year_sheet_in(s: Session, actor: Actor, key: str, employee_no: str) -> dict:
    """The annual sheet's data: the annual period's own sheet when the person was appraised in it, with the
    roll-up (each month's or half's score, the own score and its weight, the year's score and grade) in
    ``year``; without an annual period, a sheet of the roll-up alone."""
    from app.errors import PermissionDenied
    from app.services import policy
    from app.services.appraisal import _people
    from app.services.appraisal_sheet import sheet_data_in
    from app.services.permissions import can

    span = core.span_of(key)
    person = core.employee_in(s, employee_no)
    rolled = year_in(s, span.year, [person.id]).get(person.id)
    period = s.execute(select(AppraisalPeriod).where(AppraisalPeriod.key == span.key)).scalar()
    subject = None if period is None else s.execute(select(AppraisalSubject).where(
        AppraisalSubject.period_id == period.id, AppraisalSubject.employee_id == person.id)).scalar()
    if subject is not None:
        data = sheet_data_in(s, actor, key, employee_no, rollup=False)
    else:
        if not (can(actor, "appraisal.view_all") or actor.employee_id == person.id):
            raise PermissionDenied("This appraisal result is confidential: only its raters, the employee, HR and "
                                   "administrators may see it.")
        if rolled is None:
            raise NotFound("{name} ({no}) has no published results in {year}.", name=person.name,
                           no=person.employee_no, year=span.year)
        settings = policy.values_in(s)
        no, name, pos, dept = _people(s)[person.id]
        data = {"header": {"company": settings.get("general.company_name", ""), "name": name, "employee_no": no,
                           "position": pos or "", "department": dept or "", "period": span.key, "kind": "year",
                           "start": span.start, "end": span.end, "template": ""},
                "indicators": [], "raters": [], "self_score": None, "label": "", "label_name": "", "flags": [],
                "comment": "", "interview": "", "interview_on": None, "published_on": None, "appeal_deadline": None,
                "appeals": [], "attendance": None, "labels": {}, "final": True}  # published results only
    cfg = core.config_in(s)
    if rolled is not None:
        lines = [(k, v) for k, v in sorted(rolled["months"].items())] + [(k, v) for k, v in sorted(rolled["halves"].items())]
        data.update(score=rolled["score"], grade=rolled["grade"], grade_name=rolled["grade_name"],
                    trend=[{"period": k, "score": v} for k, v in sorted(rolled["months"].items())],
                    year={"lines": lines, "own": rolled["own"], "own_weight": cfg.year_own_weight,
                          "year_from": cfg.year_from, "from": rolled["from"], "score": rolled["score"]})
    return data
