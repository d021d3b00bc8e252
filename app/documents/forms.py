"""The department's paper forms, laid out from plain values in the appraisal sheet's style (A4, the
embedded CJK font, company header, "第 x 页 / 共 y 页" footer, signature lines):
请假申请单, 值班表 (landscape), 员工签收表, 岗位说明书, a blank per-position 考核表 and the
临时工作交接表. The services in app/services/forms.py fill the dataclasses below.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Optional, Sequence

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from app.documents.fasttable import Heading
from app.documents.pdf import (FONT, HEADER_BG, LANDSCAPE, PORTRAIT, RULE, TEXT, GroupStart, canvas_with_header,
                               content_width, data_table, document, esc, fmt_number, key_value_table, para,
                               register_font, signature_lines, styles)
from app.i18n import _


def _when(value: Optional[datetime]) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else "—"


def _boxed(flowable, width: float, height: float = 0) -> Table:
    table = Table([[flowable]], colWidths=[width], rowHeights=[height] if height else None, hAlign="LEFT")
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 10), ("BOX", (0, 0), (-1, -1), 0.6, RULE), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                               ("LEFTPADDING", (0, 0), (-1, -1), 6)]))
    return table


def _title(company: str, title: str) -> Heading:
    register_font()  # before any text of the form is measured
    return Heading(f"{company} {title}".strip(), 16, centre=True, space_before=0, space_after=8)


def write_form(story: list, target, title: str, company: str, pagesize=PORTRAIT) -> int:
    """Build one form into ``target`` (a path or a binary file); returns the page count."""
    register_font()
    doc = document(target, pagesize=pagesize, title=title, author=company)
    doc.build([GroupStart(title, title)] + story, canvasmaker=canvas_with_header(f"{company} · {title}"))
    return doc.page


# -- 请假申请单 ---------------------------------------------------------------------------------

@dataclass
class Decision:
    step: str  # e.g. 直接主管审批
    name: str
    result: str  # 已批准 / 已驳回 / 待审批
    at: Optional[datetime] = None


@dataclass
class LeaveForm:
    request_id: int
    name: str
    employee_no: str
    department: str
    position: str
    kind: str  # translated, e.g. 事假
    start: datetime
    end: datetime
    hours: float
    days: float
    reason: str
    certificate: str  # translated: provided / not provided / not needed
    filed_late: bool
    route: str  # translated routing sentence
    approver: str  # the routed approver's name
    status: str  # translated
    requested_at: Optional[datetime] = None
    requested_by: str = ""
    decisions: list[Decision] = field(default_factory=list)
    extends_id: Optional[int] = None  # an extension (续假) of that request


def leave_story(f: LeaveForm, company: str) -> list:
    width = content_width()
    story = [
        _title(company, _("Leave Request Form")),
        key_value_table([(_("Request no."), str(f.request_id)), (_("Name"), f.name), (_("Employee no."), f.employee_no),
                         (_("Department"), f.department or "—"), (_("Position"), f.position or "—"),
                         (_("Filed at"), _when(f.requested_at))], width),
        Heading(_("1. Leave")),
        key_value_table([(_("Leave type"), f.kind), (_("Leave starts"), _when(f.start)), (_("Leave ends"), _when(f.end)),
                         (_("Leave hours"), _("{hours} h ({days} days)", hours=fmt_number(f.hours), days=fmt_number(f.days, 2))),
                         (_("Certificate"), f.certificate),
                         (_("Filed afterwards"), _("yes") if f.filed_late else _("no"))]
                        + ([(_("Extends request"), str(f.extends_id))] if f.extends_id else []), width),
        Spacer(1, 2 * mm),
        para(_("Reason for leave"), "h2"),
        _boxed(para(f.reason or "—"), width, 22 * mm),
        Heading(_("2. Routing and approvals")),
        para(_("{route} Routed to: {approver}. Status: {status}.", route=f.route, approver=f.approver or "—",
               status=f.status)),
        Spacer(1, 2 * mm),
    ]
    rows = [[d.step, d.name, d.result, _when(d.at)] for d in f.decisions] or [[_("(no decision yet)"), "", "", ""]]
    story.append(data_table([_("Step"), _("By"), _("Result"), _("Decided at")], rows,
                            [50 * mm, 45 * mm, 30 * mm, width - 125 * mm]))
    story += [Spacer(1, 10 * mm),
              signature_lines([_("Applicant signature"), _("Direct supervisor signature"), _("Department leader signature")], width)]
    return story


# -- 值班表 -------------------------------------------------------------------------------------

@dataclass
class RosterDay:
    day: date
    names: list[str]
    kind: str = "work"  # work / rest / holiday / makeup (调休上班)
    note: str = ""  # e.g. the holiday's name


def roster_story(year: int, month: int, days: Sequence[RosterDay], company: str, per_day: int) -> list:
    width = content_width(LANDSCAPE)
    st = styles()
    cell_style = st["cell"]
    weekday = [_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun")]
    by_day = {d.day: d for d in days}
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    rows = [weekday]
    cmds = [("FONT", (0, 0), (-1, -1), FONT, 9), ("TEXTCOLOR", (0, 0), (-1, -1), TEXT),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG), ("ALIGN", (0, 0), (-1, 0), "CENTER"),
            ("BOX", (0, 0), (-1, -1), 0.8, RULE), ("INNERGRID", (0, 0), (-1, -1), 0.4, RULE),
            ("VALIGN", (0, 1), (-1, -1), "TOP")]
    short = 0
    for r, week in enumerate(weeks, start=1):
        row = []
        for c, day in enumerate(week):
            d = by_day.get(day)
            if day.month != month or d is None:
                row.append("")
                cmds.append(("BACKGROUND", (c, r), (c, r), colors.HexColor("#f7f7f7")))
                continue
            mark = {"rest": _("rest day"), "holiday": d.note or _("holiday"), "makeup": _("make-up workday")}.get(d.kind, "")
            head = f"<font size=11><b>{day.day}</b></font>" + (f" <font color='#6b7280' size=7.5>{esc(mark)}</font>" if mark else "")
            names = "<br/>".join(esc(n) for n in d.names) or f"<font color='#dc2626'>{esc(_('nobody on duty'))}</font>"
            if len(d.names) < per_day:
                short += 1
            row.append(Paragraph(f"{head}<br/>{names}", cell_style))
            if d.kind in ("rest", "holiday"):
                cmds.append(("BACKGROUND", (c, r), (c, r), colors.HexColor("#eef1f5")))
        rows.append(row)
    avail = 210 * mm - 2 * 18 * mm - 62 * mm  # landscape height less margins, title, legend and signatures
    row_h = min(28 * mm, avail / len(weeks))
    table = Table(rows, colWidths=[width / 7] * 7, rowHeights=[7 * mm] + [row_h] * len(weeks), repeatRows=1)
    table.setStyle(TableStyle(cmds))
    legend = _("{per_day} people on duty each day; shaded days are rest days or holidays.", per_day=per_day)
    if short:
        legend += " " + _("{n} days have fewer people than planned.", n=short)
    return [_title(company, _("Duty Roster {year}-{month:02d}", year=year, month=month)), table, Spacer(1, 2 * mm),
            para(legend, "small"), Spacer(1, 3 * mm),
            signature_lines([_("Drawn up by"), _("Approved by")], width / 1.6)]


# -- 员工签收表 ---------------------------------------------------------------------------------

@dataclass
class ReceiptLine:
    name: str
    employee_no: str
    department: str
    position: str


def receipt_story(people: Sequence[ReceiptLine], company: str, handbook_title: str, version: str = "") -> list:
    width = content_width()
    text = _("I have received the {handbook}{version}, read it, and will follow it.", handbook=f"《{handbook_title}》",
             version=_(" (version {version})", version=version) if version else "")
    rows = [[str(i), p.name, p.employee_no, p.department, p.position, "", ""] for i, p in enumerate(people, 1)]
    widths = [10 * mm, 24 * mm, 18 * mm, 30 * mm, 34 * mm, 34 * mm, width - 150 * mm]
    table = data_table([_("#"), _("Name"), _("Employee no."), _("Department"), _("Position"), _("Signature"), _("Date signed")],
                       rows, widths, centre=(0,), extra=[("INNERGRID", (0, 0), (-1, -1), 0.4, RULE),
                                                          ("BOX", (0, 0), (-1, -1), 0.8, RULE)])
    for i in range(1, len(rows) + 1):
        table._argH[i] = 10 * mm  # room to sign
    return [_title(company, _("Employee Receipt Form")), para(text), Spacer(1, 4 * mm), table, Spacer(1, 6 * mm),
            para(_("Kept by HR with the handbook version it confirms."), "muted")]


# -- 岗位说明书 ---------------------------------------------------------------------------------

def job_card_story(card, company: str) -> list:
    """``card``: app.documents.handbook.JobCard."""
    width = content_width()
    cell = styles()["cell"]
    duties = "<br/>".join(f"{i}. {esc(d)}" for i, d in enumerate(card.duties, 1)) or "—"
    rows = [[_("Position"), card.position, _("Department"), card.department],
            [_("Reports to"), card.reports_to or "—", _("Direct supervisor"), card.supervisor or "—"],
            [_("Drawn up"), card.drawn_up.isoformat() if card.drawn_up else "—", _("Headcount"),
             _("{actual} of {planned} planned", actual=card.actual, planned=card.planned)],
            [_("Job summary"), Paragraph(esc(card.summary or "—"), cell), "", ""],
            [_("Duties"), Paragraph(duties, cell), "", ""]]
    label = 34 * mm  # "Direct supervisor" in English needs the room
    table = Table(rows, colWidths=[label, width / 2 - label, label, width / 2 - label])
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT, 10), ("TEXTCOLOR", (0, 0), (-1, -1), TEXT),
        ("BOX", (0, 0), (-1, -1), 0.8, RULE), ("INNERGRID", (0, 0), (-1, -1), 0.4, RULE),
        ("BACKGROUND", (0, 0), (0, -1), HEADER_BG), ("BACKGROUND", (2, 0), (2, 2), HEADER_BG),
        ("SPAN", (1, 3), (3, 3)), ("SPAN", (1, 4), (3, 4)), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]))
    return [_title(company, _("Job Description")), table, Spacer(1, 12 * mm),
            signature_lines([_("Employee signature"), _("Department head signature"), _("HR signature")], width)]


# -- blank 考核表 -------------------------------------------------------------------------------

def appraisal_form_story(position: str, department: str, template: dict, company: str,
                         raters: Sequence[tuple[str, float]] = ()) -> list:
    """A blank sheet for one position: each indicator with its weight and the A–D rubric, so a
    manager can score on paper and type the result in later."""
    width = content_width()
    cell = styles()["cell"]
    story = [_title(company, _("Appraisal Form")),
             key_value_table([(_("Position"), position), (_("Department"), department), (_("Template"), template.get("name", "")),
                              (_("Name"), ""), (_("Employee no."), ""), (_("Appraisal period"), "")], width)]
    for n, section in enumerate(template.get("sections", []), 1):
        sw = float(section.get("weight") or 0)
        story.append(Heading(_("{n}. {section} ({weight}%)", n=n, section=section.get("name", ""), weight=fmt_number(sw))))
        rows = []
        for ind in section.get("indicators", []):
            iw = float(ind.get("weight") or 0)
            share = _("{weight}% · {share}% of total", weight=fmt_number(iw), share=fmt_number(sw * iw / 100))
            if ind.get("kind") == "qualitative":
                rubric = "<br/>".join(f"□ <b>{esc(lv.get('level', ''))}</b>（{fmt_number(lv.get('points'))}）{esc(lv.get('description', ''))}"
                                      for lv in ind.get("levels", []))
                rows.append([Paragraph(esc(ind.get("name", "")), cell), Paragraph(share, cell), Paragraph(rubric, cell), "", ""])
            else:
                unit = ind.get("unit", "")
                target = _("target {target}{unit}", target=fmt_number(ind.get("target")), unit=unit)
                if (ind.get("rule") or {}).get("type") == "growth":  # scored by growth over a base figure
                    from app.rules.appraisal_growth import BASE_NAMES

                    rule = ind["rule"]
                    target = _("growth against {base}: {bands}", base=_(BASE_NAMES.get(rule.get("base"), "?")),
                               bands=", ".join(f"≥{fmt_number(g)}% {fmt_number(p)}" for g, p in rule.get("bands", [])))
                elif ind.get("lower_is_better"):
                    target += _(" (lower is better)")
                rows.append([Paragraph(esc(ind.get("name", "")), cell), Paragraph(share, cell), Paragraph(esc(target), cell),
                             "", ""])
        if rows:
            story.append(data_table([_("Indicator"), _("Weight"), _("Scoring standard"), _("Actual"), _("Score")], rows,
                                    [36 * mm, 34 * mm, width - 116 * mm, 23 * mm, 23 * mm],
                                    extra=[("INNERGRID", (0, 0), (-1, -1), 0.4, RULE), ("VALIGN", (0, 1), (-1, -1), "TOP")]))
    story.append(Heading(_("Raters")))
    rater_rows = [[role, fmt_number(weight) + "%", "", ""] for role, weight in raters] or [["", "", "", ""]] * 3
    rater_rows.append([_("Final score"), "100%", "", ""])
    rt = data_table([_("Rater"), _("Weight"), _("Score"), _("Signature")], rater_rows,
                    [50 * mm, 25 * mm, 30 * mm, width - 105 * mm], total_row=True,
                    extra=[("INNERGRID", (0, 0), (-1, -1), 0.4, RULE)])
    for i in range(1, len(rater_rows) + 1):
        rt._argH[i] = 9 * mm
    story += [rt, Spacer(1, 10 * mm),
              KeepTogether([signature_lines([_("Employee signature"), _("Rater signature"), _("HR signature")], width)])]
    return story


# -- 临时工作交接表 -----------------------------------------------------------------------------

@dataclass
class HandoverForm:
    handover_id: int
    start: Optional[datetime]
    end: Optional[datetime]  # back at the post
    place: str
    from_name: str  # who leaves the post
    to_name: str  # who takes it over
    items: str  # what was handed over
    status: str = ""
    recorded_by: str = ""
    extra: list[tuple[str, str]] = field(default_factory=list)


def handover_story(f: HandoverForm, company: str) -> list:
    width = content_width()
    story = [_title(company, _("Temporary Work Handover Form")),
             key_value_table([(_("Form no."), str(f.handover_id)), (_("Place"), f.place or "—"),
                              (_("Handed over at"), _when(f.start)), (_("Back at the post"), _when(f.end)),
                              (_("Handed over by"), f.from_name), (_("Taken over by"), f.to_name)] + list(f.extra), width,
                             columns=2),  # two pairs a row: places and names are long
             Spacer(1, 3 * mm), para(_("What was handed over"), "h2"), _boxed(para(f.items or "—"), width, 60 * mm)]
    if f.status:
        story += [Spacer(1, 2 * mm), para(f.status, "small")]
    story += [Spacer(1, 12 * mm),
              signature_lines([_("Handed over by (signature)"), _("Taken over by (signature)"), _("Supervisor signature")], width)]
    return story
