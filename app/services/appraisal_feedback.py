"""Feedback on an appraisal result: the written comment (描述性评语), the performance interview
record (绩效面谈记录), and the appeal (申诉) the employee files within the appeal window."""

from __future__ import annotations

from datetime import date
from typing import Optional

from sqlalchemy import select

from app.db import transaction
from app.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from app.models._base import now
from app.models.appraisal import AppraisalAppeal, AppraisalPeriod, AppraisalSubject
from app.rules import appraisal as rules
from app.services import audit
from app.services import appraisal_core as core
from app.services.context import Actor
from app.services.permissions import can, require

MAX_TEXT = 4000


def _text(value: str, what: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError("Write the {what} first.", what=what)
    if len(value) > MAX_TEXT:
        raise ValidationError("The text is longer than {n} characters.", n=MAX_TEXT)
    return value


def _rater_or_hr(actor: Actor, subject) -> None:
    if can(actor, "appraisal.enter_for"):
        return
    if actor.employee_id is None or actor.employee_id not in core.rater_ids(subject):
        raise PermissionDenied("Only a rater of this person, HR or an administrator may do this.")


def _load(s, period_key: str, employee_no: str):
    period = core.period_in(s, period_key)
    subject = core.subject_in(s, period, core.employee_in(s, employee_no))
    return period, subject


def set_comment(actor: Actor, period_key: str, employee_no: str, text: str) -> dict:
    """The written comment: performance, strengths, what to improve, expectations."""
    require(actor, "appraisal.rate")
    from app.i18n import _

    body = _text(text, _("comment"))
    with transaction() as s:
        period, subject = _load(s, period_key, employee_no)
        _rater_or_hr(actor, subject)
        if period.state == "locked":
            core.require_editable(period)
        before = {"comment": subject.comment}
        subject.comment, subject.comment_by = body, actor.username
        audit.record(s, actor, "appraisal.comment", "appraisal_subject", subject.id, before, {"comment": body})
        return {"comment": body}


def record_interview(actor: Actor, period_key: str, employee_no: str, text: str, on: Optional[date] = None) -> dict:
    """The performance interview record (绩效面谈记录) and its date."""
    require(actor, "appraisal.rate")
    from app.i18n import _

    body = _text(text, _("interview record"))
    with transaction() as s:
        period, subject = _load(s, period_key, employee_no)
        _rater_or_hr(actor, subject)
        if period.state == "locked":
            core.require_editable(period)
        before = {"interview": subject.interview, "interview_on": subject.interview_on}
        subject.interview, subject.interview_on, subject.interview_by = body, on or core.today(), actor.username
        audit.record(s, actor, "appraisal.interview", "appraisal_subject", subject.id, before,
                     {"interview": body, "interview_on": subject.interview_on})
        return {"interview": body, "interview_on": subject.interview_on}


def file_appeal(actor: Actor, period_key: str, reason: str, on: Optional[date] = None,
                employee_no: Optional[str] = None) -> dict:
    """The employee appeals their own published result, within the appeal window (7 days by default).
    hr/admin may file on an employee's behalf by naming ``employee_no``."""
    require(actor, "appraisal.rate")
    from app.i18n import _

    body = _text(reason, _("reason for the appeal"))
    day = on or core.today()
    with transaction() as s:
        if employee_no and can(actor, "appraisal.enter_for"):
            person = core.employee_in(s, employee_no)
        elif actor.employee_id is not None and (not employee_no or s.get(core.Employee, actor.employee_id).employee_no == employee_no):
            person = s.get(core.Employee, actor.employee_id)
        else:
            raise PermissionDenied("Only the employee may appeal their own result.")
        period = core.period_in(s, period_key)
        subject = core.subject_in(s, period, person)
        if period.published_on is None or period.state not in ("approved", "locked"):
            raise ConflictError("The result of {key} is not published yet; an appeal is possible after approval.", key=period.key)
        deadline = rules.appeal_deadline(period.published_on, core.config_in(s).appeal_days)
        if day > deadline:
            raise ConflictError("The appeal window closed on {deadline}.", deadline=deadline.isoformat())
        if day < period.published_on:
            raise ValidationError("An appeal cannot be dated before the result was published ({day}).",
                                  day=period.published_on.isoformat())
        open_one = s.execute(select(AppraisalAppeal.id).where(AppraisalAppeal.subject_id == subject.id,
                                                              AppraisalAppeal.status.in_(("open", "upheld")))).scalar()
        if open_one is not None:
            raise ConflictError("An appeal against this result is already open.")
        appeal = AppraisalAppeal(subject_id=subject.id, filed_on=day, reason=body)
        s.add(appeal)
        s.flush()
        audit.record(s, actor, "appraisal.appeal", "appraisal_appeal", appeal.id, None,
                     {"period": period.key, "employee": person.employee_no, "reason": body, "filed_on": day})
        return {"id": appeal.id, "status": appeal.status, "filed_on": day, "deadline": deadline}


def decide_appeal(actor: Actor, appeal_id: int, upheld: bool, decision: str) -> dict:
    """hr records the decision on an appeal (upheld or rejected) with its reasons."""
    require(actor, "appraisal.appeal_decide")
    from app.i18n import _

    body = _text(decision, _("decision"))
    with transaction() as s:
        appeal = s.get(AppraisalAppeal, appeal_id)
        if appeal is None:
            raise NotFound("There is no appeal {id}.", id=appeal_id)
        if appeal.status != "open":
            raise ConflictError("This appeal was already decided.")
        subject = s.get(AppraisalSubject, appeal.subject_id)
        before = {"status": appeal.status}
        appeal.status = "upheld" if upheld else "rejected"
        appeal.decision, appeal.decided_by, appeal.decided_at = body, actor.username, now()
        after = {"status": appeal.status, "decision": body}
        if upheld:  # the person's result reopens for rescoring, whatever the period's state
            after.update(reopened_for_rescoring=True, subject=subject.id, score=subject.final_score, grade=subject.grade)
        audit.record(s, actor, "appraisal.appeal_decide", "appraisal_appeal", appeal.id, before, after)
        return {"id": appeal.id, "status": appeal.status, "reopened": upheld}


def finish_rescoring(actor: Actor, appeal_id: int, note: str = "") -> dict:
    """hr closes the rescoring an upheld appeal opened: the result (recomputed from the scores entered
    since) becomes final again; the audit row names the appeal and the score before and after."""
    require(actor, "appraisal.appeal_decide")
    with transaction() as s:
        appeal = s.get(AppraisalAppeal, appeal_id)
        if appeal is None:
            raise NotFound("There is no appeal {id}.", id=appeal_id)
        if appeal.status != "upheld":
            raise ConflictError("Only an upheld appeal whose result is being rescored can be closed.")
        subject = s.get(AppraisalSubject, appeal.subject_id)
        period = s.get(AppraisalPeriod, subject.period_id)
        before = _decision_score(s, appeal) | {"status": appeal.status}
        core.recompute_subjects(s, [subject], core.config_in(s))
        if subject.final_score is None:
            raise ConflictError("Not every rater has scored this person yet.")
        appeal.status = "rescored"
        note = (note or "").strip()[:MAX_TEXT]
        if note:
            appeal.decision = f"{appeal.decision}\n{note}"
        after = {"status": appeal.status, "period": period.key, "subject": subject.id, "score": subject.final_score,
                 "grade": subject.grade, "label": subject.label, "note": note}
        audit.record(s, actor, "appraisal.rescored", "appraisal_appeal", appeal.id, before, after)
        return {"id": appeal.id, "status": appeal.status, "score": subject.final_score, "grade": subject.grade,
                "label": subject.label}


def _decision_score(s, appeal: AppraisalAppeal) -> dict:
    """The score and grade the result had when the appeal was upheld (from the decision's audit row)."""
    from app.models.audit import AuditEntry

    row = s.execute(select(AuditEntry).where(AuditEntry.action == "appraisal.appeal_decide",
                                             AuditEntry.entity_id == str(appeal.id))
                    .order_by(AuditEntry.id.desc())).scalars().first()
    after = (row.after if row is not None else None) or {}
    return {"score": after.get("score"), "grade": after.get("grade")}


def open_appeals(actor: Actor) -> list[dict]:
    """Appeals waiting for a decision (hr/admin)."""
    require(actor, "appraisal.appeal_decide")
    from sqlalchemy import select as sel

    from app.db import reading
    from app.models.appraisal import AppraisalPeriod, AppraisalSubject

    with reading() as s:
        rows = s.execute(sel(AppraisalAppeal, AppraisalPeriod.key, core.Employee.employee_no, core.Employee.name)
                         .join(AppraisalSubject, AppraisalSubject.id == AppraisalAppeal.subject_id)
                         .join(AppraisalPeriod, AppraisalPeriod.id == AppraisalSubject.period_id)
                         .join(core.Employee, core.Employee.id == AppraisalSubject.employee_id)
                         .where(AppraisalAppeal.status == "open").order_by(AppraisalAppeal.id)).all()
        return [{"id": a.id, "period": key, "employee_no": no, "name": name, "filed_on": a.filed_on,
                 "reason": a.reason} for a, key, no, name in rows]
