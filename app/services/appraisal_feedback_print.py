"""Printing the feedback records: 绩效面谈记录, 考核申诉表 and the annual 述职报告. Each gathers its values in
one read (only for those who may see the result: its raters, the employee, HR and the GM), lays them out with
app/documents/appraisal_feedback.py and writes the PDF atomically; the print is in the audit trail."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from app.db import reading, transaction
from app.errors import NotFound
from app.i18n import _
from app.models.appraisal import AppraisalAppeal, AppraisalPeriod, AppraisalSubject
from app.services import appraisal_core as core
from app.services import audit
from app.services import appraisal_feedback as fb
from app.services.context import Actor
from app.services.documents import _company, _write_atomic, check_output_file
from app.services.permissions import require


def _header(s, subject, period):
    from app.documents.appraisal_feedback import PersonHeader
    from app.services.appraisal import _people

    no, name, pos, dept = _people(s)[subject.employee_id]
    return PersonHeader(name=name, employee_no=no, department=dept or "", position=pos or "", period=period.key)


def _result(s, subject, period) -> str:
    if period.state not in ("approved", "locked") or subject.final_score is None:
        return _("not published yet")
    cfg = core.config_in(s)
    return f"{subject.final_score:.2f} · {subject.grade} {cfg.catalogue.name(subject.grade)}".strip()


def _write(actor: Actor, out, story_fn, record, title: str, entity: str, entity_id, what: dict) -> dict:
    from app.documents.forms import write_form

    path = check_output_file(out)
    with reading() as s:
        company = _company(s)
    pages = _write_atomic(path, lambda tmp: write_form(story_fn(record, company), str(tmp), title, company))
    with transaction() as s:
        audit.record(s, actor, "documents.print_feedback", entity, entity_id, None, what | {"pages": pages})
    return {"path": str(path), "pages": pages, **what}


def interview_record(actor: Actor, period_key: str, employee_no: str):
    from app.documents.appraisal_feedback import InterviewRecord, PlanLine

    require(actor, "appraisal.rate")
    data = fb.feedback_of(actor, period_key, employee_no)  # checks who may see it
    if data["interview"] is None:
        raise NotFound("There is no interview record for {no} in {key} yet.", no=employee_no, key=period_key)
    i = data["interview"]
    with reading() as s:
        period = core.period_in(s, period_key)
        subject = core.subject_in(s, period, core.employee_in(s, employee_no))
        header, result = _header(s, subject, period), _result(s, subject, period)
    return InterviewRecord(person=header, held_on=i["held_on"], interviewer=i["interviewer"], result=result,
                           stages=[(_(fb.STAGE_NAMES[k]), i["stages"][k]) for k in fb.STAGES],
                           plan=[PlanLine(p["action"], f"{p['owner_name']} ({p['owner']})", p["follow_up"]) for p in i["plan"]],
                           confirmed_on=i["confirmed_on"], employee_remark=i["employee_remark"])


def print_interview(actor: Actor, period_key: str, employee_no: str, out: Path | str) -> dict:
    from app.documents.appraisal_feedback import interview_story

    record = interview_record(actor, period_key, employee_no)
    return _write(actor, out, interview_story, record, _("Performance Interview Record"), "appraisal_interview",
                  f"{record.person.period}/{employee_no}", {"period": record.person.period, "employee_no": employee_no,
                                                            "name": record.person.name})


def appeal_form(actor: Actor, appeal_id: int):
    from app.documents.appraisal_feedback import AppealForm
    from app.rules import appraisal as rules
    from app.services.appraisal_core import APPEAL_STATUS
    from app.services.forms import _person_name

    require(actor, "appraisal.rate")
    with reading() as s:
        appeal = s.get(AppraisalAppeal, appeal_id)
        if appeal is None:
            raise NotFound("There is no appeal {id}.", id=appeal_id)
        subject = s.get(AppraisalSubject, appeal.subject_id)
        core.require_view(actor, subject)
        period = s.get(AppraisalPeriod, subject.period_id)
        entry = next(a for a in fb._appeal_dicts(s, subject, actor) if a["id"] == appeal.id)
        talk = entry["talk"] or {}
        deadline = (rules.appeal_deadline(period.published_on, core.config_in(s).appeal_days)
                    if period.published_on else None)
        return AppealForm(appeal_id=appeal.id, person=_header(s, subject, period), result=_result(s, subject, period),
                          published_on=period.published_on, deadline=deadline, filed_on=appeal.filed_on,
                          reason=appeal.reason, status=_(APPEAL_STATUS.get(appeal.status, appeal.status)),
                          leader=talk.get("leader") or entry["leader"], talk_on=talk.get("held_on"),
                          talk_notes=talk.get("notes", ""), decision=appeal.decision,
                          decided_by=_person_name(s, appeal.decided_by),
                          decided_on=appeal.decided_at.date() if appeal.decided_at else None)


def print_appeal(actor: Actor, appeal_id: int, out: Path | str) -> dict:
    from app.documents.appraisal_feedback import appeal_story

    form = appeal_form(actor, appeal_id)
    return _write(actor, out, appeal_story, form, _("Appraisal Appeal Form"), "appraisal_appeal", appeal_id,
                  {"appeal": appeal_id, "employee_no": form.person.employee_no, "name": form.person.name})


def annual_report(actor: Actor, period_key: str, employee_no: str):
    from app.documents.appraisal_feedback import AnnualReport

    require(actor, "appraisal.rate")
    with reading() as s:
        period = core.period_in(s, period_key)
        subject = core.subject_in(s, period, core.employee_in(s, employee_no))
        core.require_view(actor, subject)
        report = fb.annual_report_in(s, subject)
        if report is None:
            raise NotFound("{no} has no annual report for {key}.", no=employee_no, key=period.key)
        return AnnualReport(person=_header(s, subject, period), body=report["body"],
                            updated_on=report["updated_at"].date())


def print_annual_report(actor: Actor, period_key: str, employee_no: str, out: Path | str) -> dict:
    from app.documents.appraisal_feedback import annual_report_story

    report = annual_report(actor, period_key, employee_no)
    return _write(actor, out, annual_report_story, report, _("Annual Work Report"), "appraisal_annual_report",
                  f"{report.person.period}/{employee_no}", {"period": report.person.period, "employee_no": employee_no,
                                                            "name": report.person.name})


def annual_report_text(s, period: AppraisalPeriod, employee_id: int) -> str:
    """The 述职报告 printed after the annual sheet ("" when none); the sheet's caller checked who may see it."""
    subject = s.execute(select(AppraisalSubject).where(AppraisalSubject.period_id == period.id,
                                                       AppraisalSubject.employee_id == employee_id)).scalar()
    report = fb.annual_report_in(s, subject) if subject is not None else None
    return report["body"] if report else ""
