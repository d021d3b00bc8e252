"""The feedback the appraisal schemes print, in the appraisal sheet's style (A4, the embedded CJK font,
company header, "第 x 页 / 共 y 页" footer, signature lines):
绩效面谈记录 (the four stages of the talk, the improvement plan, the employee's confirmation),
考核申诉表 (the appeal, the first talk with the 分管领导, HR's decision) and the annual 述职报告.
The services in app/services/appraisal_feedback_print.py fill the dataclasses below.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Optional

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer

from app.documents.fasttable import Heading
from app.documents.forms import _boxed, _title
from app.documents.pdf import content_width, data_table, key_value_table, para, signature_lines
from app.i18n import _


@dataclass
class PersonHeader:
    name: str
    employee_no: str
    department: str
    position: str
    period: str  # 2026-10, 2026


def _day(value: Optional[date]) -> str:
    return value.isoformat() if value else "—"


def _person_table(p: PersonHeader, more: list[tuple[str, object]]):
    return key_value_table([(_("Name"), p.name), (_("Employee no."), p.employee_no),
                            (_("Appraisal period"), p.period), (_("Department"), p.department or "—"),
                            (_("Position"), p.position or "—")] + more, content_width())


# -- 绩效面谈记录 ---------------------------------------------------------------------------------

@dataclass
class PlanLine:
    action: str
    owner: str  # name and employee no.
    follow_up: date


@dataclass
class InterviewRecord:
    person: PersonHeader
    held_on: date
    interviewer: str
    result: str  # "86.25 · B 良好"
    stages: list[tuple[str, str]]  # (stage name, what was said), in the order of the talk
    plan: list[PlanLine] = field(default_factory=list)
    confirmed_on: Optional[date] = None
    employee_remark: str = ""


def interview_story(r: InterviewRecord, company: str) -> list:
    width = content_width()
    story = [_title(company, _("Performance Interview Record")),
             _person_table(r.person, [(_("Interview date"), _day(r.held_on)), (_("Interviewer"), r.interviewer or "—"),
                                      (_("Appraisal result"), r.result or "—")]),
             Heading(_("1. The talk"))]
    rows = [[para(name, "cell"), para(text or "—", "cell")] for name, text in r.stages]
    story.append(data_table([_("Stage"), _("What was discussed and agreed")], rows, [32 * mm, width - 32 * mm]))
    story.append(Heading(_("2. Improvement plan")))
    plan = [[str(n), para(p.action, "cell"), para(p.owner, "cell"), p.follow_up.isoformat()]
            for n, p in enumerate(r.plan, 1)] or [["", _("(no plan)"), "", ""]]
    story.append(data_table([_("#"), _("Action"), _("Owner"), _("Follow-up")], plan,
                            [8 * mm, width - 78 * mm, 42 * mm, 28 * mm], centre=(0, 3)))
    story.append(Heading(_("3. Employee's confirmation")))
    if r.confirmed_on:
        story.append(para(_("{name} confirmed this record on {day}.", name=r.person.name, day=r.confirmed_on.isoformat())))
    else:
        story.append(para(_("Not confirmed by the employee yet."), "muted"))
    if r.employee_remark:
        story += [Spacer(1, 2 * mm), para(_("Employee's remark"), "h2"), _boxed(para(r.employee_remark), width)]
    story.append(KeepTogether([Spacer(1, 10 * mm),
                               signature_lines([_("Interviewer signature"), _("Employee signature")], width)]))
    return story


# -- 考核申诉表 -----------------------------------------------------------------------------------

@dataclass
class AppealForm:
    appeal_id: int
    person: PersonHeader
    result: str
    published_on: Optional[date]
    deadline: Optional[date]
    filed_on: date
    reason: str
    status: str  # translated
    leader: str = ""  # the 分管领导's name
    talk_on: Optional[date] = None
    talk_notes: str = ""
    decision: str = ""
    decided_by: str = ""
    decided_on: Optional[date] = None


def appeal_story(f: AppealForm, company: str) -> list:
    width = content_width()
    within = f.deadline is not None and f.filed_on <= f.deadline
    story = [_title(company, _("Appraisal Appeal Form")),
             _person_table(f.person, [(_("Appraisal result"), f.result or "—"), (_("Appeal no."), str(f.appeal_id))]),
             Spacer(1, 2 * mm),
             key_value_table([(_("Result published"), _day(f.published_on)), (_("Appeal window until"), _day(f.deadline)),
                              (_("Filed on"), _day(f.filed_on) + (" ✓" if within else ""))], width),
             Spacer(1, 2 * mm), para(_("Reason for the appeal"), "h2"), _boxed(para(f.reason), width, 24 * mm),
             Heading(_("1. Talk with the supervising leader"))]
    if f.talk_on:
        story += [para(_("{leader} talked with the employee on {day}.", leader=f.leader or "—", day=f.talk_on.isoformat())),
                  Spacer(1, 1.5 * mm), _boxed(para(f.talk_notes), width, 18 * mm)]
    else:
        story.append(para(_("Not held yet (supervising leader: {leader}).", leader=f.leader or "—"), "muted"))
    story.append(Heading(_("2. HR's decision")))
    story.append(key_value_table([(_("Status"), f.status), (_("Decided by"), f.decided_by or "—"),
                                  (_("Decided on"), _day(f.decided_on))], width))
    story += [Spacer(1, 1.5 * mm), _boxed(para(f.decision or _("(no decision yet)")), width, 18 * mm)]
    story.append(KeepTogether([Spacer(1, 10 * mm), signature_lines(
        [_("Applicant signature"), _("Supervising leader signature"), _("HR signature")], width)]))
    return story


# -- 述职报告 ------------------------------------------------------------------------------------

@dataclass
class AnnualReport:
    person: PersonHeader
    body: str
    updated_on: Optional[date] = None


def annual_report_section(body: str, width: float, heading: str) -> list:
    """The 述职报告 as a section: standalone, and after the annual appraisal sheet."""
    return [Heading(heading), _boxed(para(body), width)]


def annual_report_story(r: AnnualReport, company: str) -> list:
    width = content_width()
    story = [_title(company, _("Annual Work Report")),
             _person_table(r.person, [(_("Written on"), _day(r.updated_on))])]
    story += annual_report_section(r.body, width, _("Report"))
    story.append(KeepTogether([Spacer(1, 10 * mm), signature_lines([_("Employee signature")], width / 2)]))
    return story
