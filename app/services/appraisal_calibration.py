"""Calibration of the forced distribution (绩效校准), four-grade scheme only.

In review (and until the general manager approves), a manager sees the people of a period as cards in
columns by grade, each column with its quota and actual count, and moves a person to another grade
with a reason. The calibrated grade is stored beside the computed one (app/models/appraisal_calibration.py);
the score and computed grade on the subject never change. The forced-distribution check before approval
counts the calibrated grades; a period that still breaks the quota is approved only by the general
manager with a reason (``quota_problem_in`` / ``record_override_in``, called by appraisal.advance_period).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Optional

from sqlalchemy import select
from sqlmodel import Session

from app.db import reading, transaction
from app.errors import ConflictError, PermissionDenied, ValidationError
from app.i18n import _
from app.models.appraisal import AppraisalPeriod, AppraisalSubject
from app.models.appraisal_calibration import AppraisalCalibration, AppraisalQuotaOverride
from app.models.people import Employee
from app.rules import appraisal as rules
from app.services import audit
from app.services import appraisal_core as core
from app.services.context import Actor
from app.services.permissions import can, require

CALIBRATION_STATES = ("review", "consolidated")  # after scores are frozen, before approval


# -- inside a transaction (also used by app/services/appraisal.py) ------------------------------
def applies_in(s: Session, cfg: core.Config, period: AppraisalPeriod) -> bool:
    """The forced distribution (and so calibration) applies to the people graded with four grades (the
    setting's scheme, or their template's own), never at year end."""
    if period.kind == "year":
        return False
    own = AppraisalSubject.template["grades"].as_string()
    schemes = s.execute(select(own).where(AppraisalSubject.period_id == period.id).distinct()).scalars()
    return any(cfg.scheme_of({"grades": x}) == "four" for x in schemes)


def calibrations_in(s: Session, subject_ids) -> dict[int, AppraisalCalibration]:
    """The newest calibration row of each subject that has one."""
    ids = list(subject_ids)
    out: dict[int, AppraisalCalibration] = {}
    if not ids:
        return out
    for row in s.execute(select(AppraisalCalibration).where(AppraisalCalibration.subject_id.in_(ids))
                         .order_by(AppraisalCalibration.id)).scalars():
        out[row.subject_id] = row  # later rows win
    return out


def effective_grade(subject: AppraisalSubject, calibration: Optional[AppraisalCalibration]) -> str:
    return calibration.grade if calibration is not None else subject.grade


def effective_grades_in(s: Session, period: AppraisalPeriod, cfg: Optional[core.Config] = None) -> list[str]:
    """The period's grades, calibrated ones counted; with ``cfg``, only of the people graded with four grades
    (the setting's scheme, or their template's own: appraisal_core.Config.scheme_of)."""
    subjects = list(s.execute(select(AppraisalSubject).where(AppraisalSubject.period_id == period.id)).scalars())
    if cfg is not None:
        subjects = [x for x in subjects if cfg.scheme_of(x.template) == "four"]
    cal = calibrations_in(s, [x.id for x in subjects])
    return [g for g in (effective_grade(x, cal.get(x.id)) for x in subjects) if g]


def quota_violations_in(s: Session, period: AppraisalPeriod, cfg: Optional[core.Config] = None) -> list[dict]:
    """Where the grades of the people graded with four grades, calibrated ones counted, break the forced
    distribution ([] at year end, or when nobody is graded with four grades)."""
    cfg = cfg or core.config_in(s)
    if period.kind == "year":
        return []
    return rules.forced_distribution_violations(effective_grades_in(s, period, cfg), cfg.quota)


def record_override_in(s: Session, actor: Actor, period: AppraisalPeriod, violations: list[dict],
                       reason: Optional[str]) -> Optional[AppraisalQuotaOverride]:
    """Before approval: refuse while the grades break the quota, unless a reason is given (the approver is
    the general manager: appraisal.advance_period checked it). The override is recorded and audited."""
    if not violations:
        return None
    reason = (reason or "").strip()
    if not reason:
        raise ConflictError("The grades of {key} break the forced distribution ({breaches}). Calibrate the grades "
                            "first, or approve anyway with a reason.", key=period.key, breaches=breaches_text(violations))
    row = AppraisalQuotaOverride(period_id=period.id, violations=violations, reason=reason, created_by=actor.username)
    s.add(row)
    s.flush()
    audit.record(s, actor, "appraisal.quota_override", "appraisal_period", period.key, None,
                 {"violations": violations, "reason": reason})
    return row


def breaches_text(violations: list[dict]) -> str:
    return "; ".join(_("Grade {grade}: {count} people, the quota allows {allowed}.", **v) for v in violations)


def _allowed(n: int, share) -> int:
    return int((Decimal(n) * rules.dec(share) / Decimal(100)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


# -- use cases -----------------------------------------------------------------------------------
def board(actor: Actor, period_key: str) -> dict:
    """The calibration grid of a period as ``actor`` sees it: whether it applies and whether they may move
    cards (and why not), and one column per grade with its name, quota (percent and people allowed),
    actual count and cards {employee_no, name, position, score, computed_grade, grade, calibrated, reason}.
    Counts and quotas are over the whole period, as the approval check counts them."""
    require(actor, "appraisal.rate")
    with reading() as s:
        period = core.period_in(s, period_key)
        cfg = core.config_in(s)
        subjects = list(s.execute(select(AppraisalSubject).where(AppraisalSubject.period_id == period.id)
                                  .order_by(AppraisalSubject.id)).scalars())
        cal = calibrations_in(s, [x.id for x in subjects])
        why_not = why_not_calibrate(s, actor, period, cfg)
        graded = [x for x in subjects if x.grade and cfg.scheme_of(x.template) == "four"]  # as the quota counts
        counts = rules.distribution((effective_grade(x, cal.get(x.id)) for x in graded), list(rules.FOUR_GRADES))
        n = len(graded)
        last = rules.FOUR_GRADES[-1]
        columns = {g: {"grade": g, "name": cfg.catalogue.name(g), "quota": cfg.quota.get(g, 0),
                       "allowed": None if g == last else _allowed(n, cfg.quota.get(g, 0)),
                       "count": counts.get(g, 0), "cards": []} for g in rules.FOUR_GRADES}
        for col in columns.values():
            col["over"] = col["allowed"] is not None and col["count"] > col["allowed"]
        visible = [x for x in graded if core.may_view(actor, x)]
        people = {e.id: e for e in s.execute(select(Employee).where(Employee.id.in_([x.employee_id for x in visible]))).scalars()} \
            if visible else {}
        for x in visible:
            c = cal.get(x.id)
            grade = effective_grade(x, c)
            e = people[x.employee_id]
            if grade in columns:
                columns[grade]["cards"].append({
                    "employee_no": e.employee_no, "name": e.name, "score": x.final_score,
                    "computed_grade": x.grade, "grade": grade, "calibrated": c is not None and c.grade != x.grade,
                    "reason": c.reason if c is not None else "", "by": c.created_by if c is not None else "",
                    "mine": actor.employee_id == x.employee_id})
        for col in columns.values():
            col["cards"].sort(key=lambda r: (-(r["score"] or 0), r["employee_no"]))
        applies = applies_in(s, cfg, period)
        return {"key": period.key, "state": period.state, "applies": applies,
                "may": why_not is None, "why_not": why_not or "",
                "columns": list(columns.values()), "people": n,
                "violations": rules.forced_distribution_violations([effective_grade(x, cal.get(x.id)) for x in graded],
                                                                   cfg.quota) if applies else []}


def why_not_calibrate(s: Session, actor: Actor, period: AppraisalPeriod, cfg: core.Config) -> Optional[str]:
    """Why ``actor`` may not calibrate the period's grades now (None when they may)."""
    if not applies_in(s, cfg, period):
        return _("Calibration applies to the four-grade scheme in monthly, quarterly and half-year periods.")
    if not can(actor, "appraisal.calibrate"):
        return _("Grades are calibrated by a manager or the general manager.")
    if period.state not in CALIBRATION_STATES:
        return _("Grades are calibrated in review, before approval; {key} is in {state}.", key=period.key,
                 state=_(core.STATE_LABELS[period.state]))
    return None


def calibrate(actor: Actor, period_key: str, employee_no: str, grade: str, reason: str,
              expected: Optional[str] = None) -> dict:
    """Move one person to another grade of the four-grade scheme, with a reason. The computed score and grade
    stay as they are; the calibrated grade is stored beside them and audited. Moving a person back to the
    computed grade undoes the calibration (also recorded). ``expected`` is the grade the caller saw: when
    someone else moved the person meanwhile, nothing is written and the caller is told to reload."""
    require(actor, "appraisal.rate")
    grade = (grade or "").strip().upper()
    reason = (reason or "").strip()
    with transaction() as s:
        period = core.period_in(s, period_key)
        cfg = core.config_in(s)
        problem = why_not_calibrate(s, actor, period, cfg)
        if not can(actor, "appraisal.calibrate"):
            raise PermissionDenied("Grades are calibrated by a manager or the general manager.")
        if problem is not None:
            raise ConflictError("{problem}", problem=problem)
        if grade not in rules.FOUR_GRADES:
            raise ValidationError("{grade!r} is not a grade of the four-grade scheme; use A, B, C or D.", grade=grade)
        if not reason:
            raise ValidationError("Give a reason for calibrating the grade.")
        person = core.employee_in(s, employee_no)
        subject = core.subject_in(s, period, person)
        core.require_view(actor, subject)
        if cfg.scheme_of(subject.template) != "four":
            raise ConflictError("{name} ({no}) is graded with five grades; calibration moves only people graded "
                                "with four.", name=person.name, no=person.employee_no)
        if actor.employee_id == subject.employee_id:
            raise PermissionDenied("Nobody calibrates their own grade.")
        if not subject.grade or subject.final_score is None:
            raise ConflictError("{name} ({no}) has no computed grade yet.", name=person.name, no=person.employee_no)
        current = calibrations_in(s, [subject.id]).get(subject.id)
        before = effective_grade(subject, current)
        if expected is not None and expected.strip().upper() != before:
            raise ConflictError("{name} ({no}) was moved to {grade} meanwhile; reload and try again.", name=person.name,
                                no=person.employee_no, grade=before)
        if grade == before:
            raise ValidationError("{name} ({no}) already has grade {grade}.", name=person.name, no=person.employee_no,
                                  grade=grade)
        row = AppraisalCalibration(subject_id=subject.id, computed_grade=subject.grade, score=subject.final_score,
                                   grade=grade, reason=reason, created_by=actor.username)
        s.add(row)
        s.flush()
        audit.record(s, actor, "appraisal.calibrate", "appraisal_subject", subject.id,
                     {"grade": before}, {"period": period.key, "employee": person.employee_no, "grade": grade,
                                         "computed_grade": subject.grade, "score": subject.final_score, "reason": reason})
        return {"employee_no": person.employee_no, "computed_grade": subject.grade, "grade": grade,
                "score": subject.final_score, "violations": quota_violations_in(s, period, cfg)}


def calibration_of_in(s: Session, subject: AppraisalSubject) -> Optional[dict]:
    """What a sheet prints beside the computed grade: the calibrated grade, the reason, who, when (None when
    the person was not calibrated, or was moved back to the computed grade)."""
    c = calibrations_in(s, [subject.id]).get(subject.id)
    if c is None or c.grade == subject.grade:
        return None
    return {"grade": c.grade, "reason": c.reason, "by": c.created_by, "at": c.created_at}


def overrides(actor: Actor, period_key: str) -> list[dict]:
    """The general manager's approvals of a period despite the quota: violations, reason, who, when."""
    require(actor, "appraisal.view_all")
    with reading() as s:
        period = core.period_in(s, period_key)
        rows = s.execute(select(AppraisalQuotaOverride).where(AppraisalQuotaOverride.period_id == period.id)
                         .order_by(AppraisalQuotaOverride.id)).scalars()
        return [{"violations": r.violations, "reason": r.reason, "by": r.created_by, "at": r.created_at} for r in rows]
