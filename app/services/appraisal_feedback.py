"""Feedback on an appraisal result: the written comment (描述性评语), the performance interview
record (绩效面谈记录: four stages, an improvement plan, the employee's confirmation), the appeal (申诉) the
employee files within the appeal window with its first talk with the 分管领导, and the annual 述职报告."""

from __future__ import annotations

from datetime import date
from typing import Optional

from sqlalchemy import select

from app.db import transaction
from app.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from app.models._base import now
from app.i18n import N_
from app.i18n import _
from app.models.appraisal import AppraisalAppeal, AppraisalPeriod, AppraisalSubject
from app.models.appraisal_feedback import AppraisalAnnualReport, AppraisalAppealTalk, AppraisalInterview
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


# -- the interview record (绩效面谈记录): four stages, an improvement plan, the employee's confirmation -------

STAGES = ("goals", "process", "feedback", "improvement")
STAGE_NAMES = {"goals": N_("Setting goals"), "process": N_("Carrying out"), "feedback": N_("Performance feedback"),
               "improvement": N_("Performance improvement")}
MAX_PLAN = 20


def _date(value, what: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value or "").strip())
    except ValueError:
        raise ValidationError("{what}: {value!r} is not a date; write it as YYYY-MM-DD.", what=what, value=value) from None


def _plan_rows(s, plan, held_on: date) -> list[dict]:
    """The improvement plan as stored: [{action, owner_id, follow_up}]; every row needs an action, an owner who
    exists and a follow-up date on or after the talk."""
    from app.i18n import _

    rows = []
    for n, item in enumerate(plan or [], 1):
        action = (item.get("action") or "").strip()
        owner_no = str(item.get("owner") or "").strip()
        if not action and not owner_no and not item.get("follow_up"):
            continue  # an empty line of the form
        if not action:
            raise ValidationError("Plan line {n}: write what will be done.", n=n)
        if len(action) > 500:
            raise ValidationError("Plan line {n}: the action is longer than {max} characters.", n=n, max=500)
        if not owner_no:
            raise ValidationError("Plan line {n}: name who is responsible (an employee no.).", n=n)
        owner = s.execute(select(core.Employee).where(core.Employee.employee_no == owner_no)).scalar()
        if owner is None:
            raise ValidationError("Plan line {n}: there is no employee with no. {no}.", n=n, no=owner_no)
        follow_up = _date(item.get("follow_up"), _("Plan line {n}", n=n))
        if follow_up < held_on:
            raise ValidationError("Plan line {n}: the follow-up date {day} is before the interview ({held}).", n=n,
                                  day=follow_up.isoformat(), held=held_on.isoformat())
        rows.append({"action": action, "owner_id": owner.id, "follow_up": follow_up.isoformat()})
    if not rows:
        raise ValidationError("Write the improvement plan: at least one action with its owner and follow-up date.")
    if len(rows) > MAX_PLAN:
        raise ValidationError("The plan has more than {max} lines.", max=MAX_PLAN)
    return rows


def _check_version(record, base: Optional[str], what: str) -> None:
    """Two PCs editing one record: the save names the version it was based on ("" for a new record); a record
    changed since is refused instead of being overwritten (nothing is lost)."""
    if base is None:
        return
    current = version_of(record)
    if current != base:
        raise ConflictError("{what} was changed by {by} at {at} since you opened it; nothing was saved. Reopen it "
                            "and try again.", what=what, by=record.updated_by if record else "—",
                            at=record.updated_at.strftime("%H:%M:%S") if record else "—")


def version_of(record) -> str:
    return "" if record is None else f"{record.id}@{record.updated_at.isoformat()}"


def save_interview(actor: Actor, period_key: str, employee_no: str, stages: dict, plan: list,
                   held_on=None, base: Optional[str] = None) -> dict:
    """A rater of the person (or HR) writes the interview record: each of the four stages of the talk and the
    improvement plan. Changing a record the employee already confirmed clears the confirmation. ``base`` is
    the version the writer saw (feedback_of's interview "version"): a record changed since is refused."""
    require(actor, "appraisal.rate")
    texts = {}
    for key in STAGES:
        value = (stages or {}).get(key) or ""
        if not value.strip():
            raise ValidationError("Write the stage “{stage}” of the interview.", stage=_(STAGE_NAMES[key]))
        texts[key] = _text(value, _(STAGE_NAMES[key]))
    day = _date(held_on, _("Interview date")) if held_on else core.today()
    with transaction() as s:
        period, subject = _load(s, period_key, employee_no)
        _rater_or_hr(actor, subject)
        rows = _plan_rows(s, plan, day)
        record = s.execute(select(AppraisalInterview).where(AppraisalInterview.subject_id == subject.id)).scalar()
        _check_version(record, base, _("The interview record"))
        before = _interview_audit(record)
        if record is None:
            record = AppraisalInterview(subject_id=subject.id, held_on=day, plan=[])
            s.add(record)
        record.held_on, record.plan = day, rows
        record.goals, record.process, record.feedback, record.improvement = (texts[k] for k in STAGES)
        record.interviewer_id = actor.employee_id
        record.updated_at, record.updated_by = now(), actor.username
        if record.confirmed_on is not None and before != _interview_audit(record, confirmed=record.confirmed_on):
            record.confirmed_on, record.employee_remark = None, ""  # the employee confirms what is written now
        s.flush()
        audit.record(s, actor, "appraisal.interview", "appraisal_interview", record.id, before,
                     _interview_audit(record) | {"period": period.key, "employee": employee_no})
        return {"id": record.id, "held_on": day, "confirmed_on": record.confirmed_on}


def _interview_audit(record, confirmed="same") -> Optional[dict]:
    if record is None:
        return None
    out = {k: getattr(record, k) for k in STAGES}
    out.update(held_on=record.held_on, plan=record.plan,
               confirmed_on=record.confirmed_on if confirmed == "same" else confirmed)
    return out


def confirm_interview(actor: Actor, period_key: str, remark: str = "", on=None) -> dict:
    """The employee confirms their own interview record (with an optional remark)."""
    require(actor, "appraisal.rate")
    day = _date(on, _("Date")) if on else core.today()
    remark = (remark or "").strip()
    if len(remark) > MAX_TEXT:
        raise ValidationError("The text is longer than {n} characters.", n=MAX_TEXT)
    with transaction() as s:
        if actor.employee_id is None:
            raise PermissionDenied("Only the employee confirms their own interview record.")
        period = core.period_in(s, period_key)
        subject = core.subject_in(s, period, s.get(core.Employee, actor.employee_id))
        record = s.execute(select(AppraisalInterview).where(AppraisalInterview.subject_id == subject.id)).scalar()
        if record is None:
            raise NotFound("There is no interview record for {key} yet.", key=period.key)
        if record.confirmed_on is not None:
            raise ConflictError("You confirmed this interview record on {day}.", day=record.confirmed_on.isoformat())
        if day < record.held_on:
            raise ValidationError("The confirmation cannot be dated before the interview ({day}).",
                                  day=record.held_on.isoformat())
        record.confirmed_on, record.employee_remark = day, remark
        audit.record(s, actor, "appraisal.interview_confirm", "appraisal_interview", record.id, {"confirmed_on": None},
                     {"confirmed_on": day, "remark": remark, "period": period.key})
        return {"id": record.id, "confirmed_on": day}


def _names_of(s, ids) -> dict:
    ids = [i for i in ids if i is not None]
    if not ids:
        return {}
    return {i: (no, name) for i, no, name in s.execute(select(core.Employee.id, core.Employee.employee_no,
                                                              core.Employee.name).where(core.Employee.id.in_(ids))).all()}


def _interview_dict(s, record) -> Optional[dict]:
    if record is None:
        return None
    names = _names_of(s, [record.interviewer_id] + [p["owner_id"] for p in record.plan])
    return {"version": version_of(record), "held_on": record.held_on, "interviewer": names.get(record.interviewer_id, ("", record.updated_by))[1],
            "stages": {k: getattr(record, k) for k in STAGES},
            "plan": [{"action": p["action"], "owner": names.get(p["owner_id"], ("", ""))[0],
                      "owner_name": names.get(p["owner_id"], ("", ""))[1], "follow_up": date.fromisoformat(p["follow_up"])}
                     for p in record.plan],
            "confirmed_on": record.confirmed_on, "employee_remark": record.employee_remark}


# -- the appeal's first talk with the 分管领导 ----------------------------------------------------------

def _leader_of(subject) -> Optional[int]:
    return next((r["employee_id"] for r in subject.raters if "leader" in r.get("roles", ())), None)


def record_appeal_talk(actor: Actor, appeal_id: int, notes: str, on=None) -> dict:
    """The first talk about an appeal with the 分管领导 (the person's supervising leader), recorded by that
    leader or by HR while the appeal is open; HR decides after it."""
    require(actor, "appraisal.rate")
    body = _text(notes, _("notes of the talk"))
    day = _date(on, _("Date")) if on else core.today()
    with transaction() as s:
        appeal = s.get(AppraisalAppeal, appeal_id)
        if appeal is None:
            raise NotFound("There is no appeal {id}.", id=appeal_id)
        subject = s.get(AppraisalSubject, appeal.subject_id)
        leader = _leader_of(subject)
        if not can(actor, "appraisal.appeal_decide") and (actor.employee_id is None or actor.employee_id != leader):
            raise PermissionDenied("Only the supervising leader of this person, or HR, records the talk about an appeal.")
        if appeal.status != "open":
            raise ConflictError("This appeal was already decided.")
        if s.execute(select(AppraisalAppealTalk.id).where(AppraisalAppealTalk.appeal_id == appeal.id)).scalar():
            raise ConflictError("The talk about this appeal is already recorded.")
        if day < appeal.filed_on:
            raise ValidationError("The talk cannot be dated before the appeal was filed ({day}).",
                                  day=appeal.filed_on.isoformat())
        talk = AppraisalAppealTalk(appeal_id=appeal.id, leader_id=leader, held_on=day, notes=body,
                                   recorded_by=actor.username)
        s.add(talk)
        s.flush()
        audit.record(s, actor, "appraisal.appeal_talk", "appraisal_appeal", appeal.id, None,
                     {"held_on": day, "notes": body, "leader_id": leader})
        return {"appeal": appeal.id, "held_on": day}


def _appeal_dicts(s, subject, actor: Actor) -> list[dict]:
    appeals = list(s.execute(select(AppraisalAppeal).where(AppraisalAppeal.subject_id == subject.id)
                             .order_by(AppraisalAppeal.id)).scalars())
    talks = {t.appeal_id: t for t in s.execute(select(AppraisalAppealTalk).where(
        AppraisalAppealTalk.appeal_id.in_([a.id for a in appeals]))).scalars()} if appeals else {}
    leader = _leader_of(subject)
    names = _names_of(s, [leader] + [t.leader_id for t in talks.values()])
    decider = can(actor, "appraisal.appeal_decide")
    out = []
    for a in appeals:
        t = talks.get(a.id)
        out.append({"id": a.id, "filed_on": a.filed_on, "reason": a.reason, "status": a.status,
                    "decision": a.decision, "decided_by": a.decided_by, "decided_at": a.decided_at,
                    "talk": None if t is None else {"held_on": t.held_on, "notes": t.notes,
                                                    "leader": names.get(t.leader_id, ("", ""))[1]},
                    "leader": names.get(leader, ("", ""))[1],
                    "may_record_talk": t is None and a.status == "open"
                    and (decider or (actor.employee_id is not None and actor.employee_id == leader))})
    return out


# -- the annual 述职报告 -----------------------------------------------------------------------------

def save_annual_report(actor: Actor, period_key: str, text: str, employee_no: Optional[str] = None,
                       base: Optional[str] = None) -> dict:
    """The employee writes their own 述职报告 for a year period (HR may type in a paper one by naming the
    employee) until the period is approved; the raters read it beside the scores."""
    require(actor, "appraisal.rate")
    body = _text(text, _("annual report"))
    with transaction() as s:
        person = _self_or_hr(s, actor, employee_no, "Only the employee writes their own annual report.")
        period = core.period_in(s, period_key)
        if period.kind != "year":
            raise ValidationError("An annual report belongs to a year period (e.g. 2026), not to {key}.", key=period.key)
        subject = core.subject_in(s, period, person)
        if period.state in ("approved", "locked"):
            raise ConflictError("{key} is already approved: the annual report can no longer change.", key=period.key)
        report = s.execute(select(AppraisalAnnualReport).where(AppraisalAnnualReport.subject_id == subject.id)).scalar()
        _check_version(report, base, _("The annual report"))
        before = None if report is None else {"body": report.body}
        if report is None:
            report = AppraisalAnnualReport(subject_id=subject.id, body=body)
            s.add(report)
        report.body, report.updated_at, report.updated_by = body, now(), actor.username
        s.flush()
        audit.record(s, actor, "appraisal.annual_report", "appraisal_annual_report", report.id, before,
                     {"body": body, "period": period.key, "employee": person.employee_no})
        return {"id": report.id, "period": period.key}


def _self_or_hr(s, actor: Actor, employee_no: Optional[str], refusal: str):
    if employee_no and can(actor, "appraisal.enter_for"):
        return core.employee_in(s, employee_no)
    if actor.employee_id is not None:
        own = s.get(core.Employee, actor.employee_id)
        if not employee_no or own.employee_no == str(employee_no).strip():
            return own
    raise PermissionDenied(refusal)


def annual_report_in(s, subject) -> Optional[dict]:
    r = s.execute(select(AppraisalAnnualReport).where(AppraisalAnnualReport.subject_id == subject.id)).scalar()
    return None if r is None else {"version": version_of(r), "body": r.body, "updated_at": r.updated_at,
                                   "updated_by": r.updated_by}


# -- everything the feedback panel shows, with what the actor may do -----------------------------------

def feedback_of(actor: Actor, period_key: str, employee_no: str) -> dict:
    """The interview record, the appeals with their talks and the annual report of one result, for those who
    may see it (the raters, the employee, HR and the GM), with the may_* flags the window follows."""
    require(actor, "appraisal.rate")
    from app.db import reading

    with reading() as s:
        period, subject = _load(s, period_key, employee_no)
        core.require_view(actor, subject)
        record = s.execute(select(AppraisalInterview).where(AppraisalInterview.subject_id == subject.id)).scalar()
        rater_or_hr = can(actor, "appraisal.enter_for") or (actor.employee_id in core.rater_ids(subject))
        own = actor.employee_id == subject.employee_id
        year = period.kind == "year"
        report = annual_report_in(s, subject) if year else None
        return {
            "period": period.key, "kind": period.kind, "employee_no": employee_no, "today": core.today(),
            "interview": _interview_dict(s, record), "appeals": _appeal_dicts(s, subject, actor),
            "annual_report": report,
            "may_edit_interview": rater_or_hr,
            "may_confirm_interview": own and record is not None and record.confirmed_on is None,
            "may_print_interview": record is not None,
            "may_write_report": year and period.state not in ("approved", "locked")
            and (own or can(actor, "appraisal.enter_for")),
            "may_read_report": year,
        }
