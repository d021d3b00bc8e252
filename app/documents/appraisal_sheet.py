"""The monthly appraisal sheet (月度绩效考核表), one per employee, from plain values.

The appraisal area fills an ``AppraisalSheet`` (see ``AppraisalSheet.from_dict`` for the
dict it accepts); this module only lays it out. ``write_sheets`` puts any number of sheets
into one PDF, each numbered "第 x 页 / 共 y 页" on its own, and reports progress per sheet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Optional, Sequence

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak, Spacer, Table, TableStyle

from app.documents.charts import Threshold, TrendChart
from app.documents.fasttable import Heading, LightTable
from app.documents.pdf import (FONT, HEADER_BG, RULE, GroupStart, canvas_with_header, content_width,
                               document, fmt_number, key_value_table, para, register_font, signature_lines)
from app.i18n import N_, _
from app.rules.grades import GradeCatalogue

GRADE_COLOURS = {"A": "#16a34a", "B": "#2563eb", "C": "#0891b2", "D": "#d97706", "E": "#dc2626"}


@dataclass
class IndicatorLine:
    name: str
    weight: float  # percent of the total
    target: str = ""
    actual: str = ""
    score: Optional[float] = None
    section: str = ""  # e.g. 关键绩效指标 / 一般绩效指标 / 工作态度


@dataclass
class RaterLine:
    role: str  # e.g. 部门负责人
    name: str
    weight: float  # percent
    score: Optional[float] = None


@dataclass
class AttendanceFigures:
    days_due: float = 0
    days_present: float = 0
    late_count: int = 0
    late_minutes: int = 0
    early_count: int = 0
    absent_days: float = 0
    leave_hours: float = 0
    overtime_hours: float = 0


@dataclass
class AppraisalSheet:
    period_key: str  # "2026-10", "2026-Q4", "2026-H2", "2026"
    employee_no: str
    name: str
    position: str = ""
    department: str = ""
    indicators: list[IndicatorLine] = field(default_factory=list)
    raters: list[RaterLine] = field(default_factory=list)
    final_score: Optional[float] = None
    grade: str = ""  # A..E
    grade_label: str = ""  # the grade's name: 优秀 / 良好 … (app/rules/grades.py)
    month_label: str = ""  # the monthly label, a separate word: 月度优秀 / 合格 / 一般 / 需激励
    attendance: Optional[AttendanceFigures] = None
    trend: list[tuple[str, Optional[float]]] = field(default_factory=list)  # oldest first, this month last
    comment: str = ""
    appeal_deadline: Optional[date] = None
    final: bool = True  # False prints "draft" in the title: scores may still change
    kind: str = "month"  # month | quarter | half | year
    year_lines: list = field(default_factory=list)  # the annual sheet's roll-up: (period, score, weight)
    excellent_at: float = 90  # the monthly labels' lines on the trend chart
    pass_at: float = 80
    scheme_line: str = ""  # the template's structure: scheme, period, sections with weights
    calibrated_grade: str = ""  # 校准: set beside the computed grade in review (app/services/appraisal_calibration.py)
    calibrated_label: str = ""
    calibration_note: str = ""  # who calibrated and why
    annual_report: str = ""  # the 述职报告, printed after the annual sheet

    @classmethod
    def from_dict(cls, d: dict) -> "AppraisalSheet":
        """From ``app.services.appraisal.sheet_data`` (plain dicts and lists, dates as date or ISO text)."""
        att = d.get("attendance")
        deadline = d.get("appeal_deadline")
        if isinstance(deadline, str) and deadline:
            deadline = date.fromisoformat(deadline)
        return cls(
            period_key=str(d["period_key"]), employee_no=str(d["employee_no"]), name=str(d["name"]),
            position=d.get("position") or "", department=d.get("department") or "",
            indicators=[IndicatorLine(name=i["name"], weight=float(i.get("weight") or 0),
                                      target=str(i.get("target") if i.get("target") is not None else ""),
                                      actual=str(i.get("actual") if i.get("actual") is not None else ""),
                                      score=i.get("score"), section=i.get("section") or "")
                        for i in d.get("indicators", [])],
            raters=[RaterLine(role=r.get("role", ""), name=r.get("name", ""), weight=float(r.get("weight") or 0),
                              score=r.get("score")) for r in d.get("raters", [])],
            final_score=d.get("final_score"), grade=d.get("grade") or "", grade_label=d.get("grade_label") or "",
            month_label=d.get("month_label") or "",
            attendance=AttendanceFigures(**{k: v for k, v in att.items() if k in AttendanceFigures.__dataclass_fields__})
            if att else None,
            trend=[(str(p[0]), p[1]) for p in d.get("trend", [])],
            comment=d.get("comment") or "", appeal_deadline=deadline or None, final=bool(d.get("final", True)),
            kind=d.get("kind") or "month", year_lines=[tuple(x) for x in d.get("year_lines") or []],
            excellent_at=float(d.get("excellent_at", 90)), pass_at=float(d.get("pass_at", 80)),
            scheme_line=d.get("scheme_line") or "", calibrated_grade=d.get("calibrated_grade") or "",
            calibrated_label=d.get("calibrated_label") or "", calibration_note=d.get("calibration_note") or "",
            annual_report=d.get("annual_report") or "",
        )


TITLES = {"month": N_("Monthly Appraisal Sheet"), "quarter": N_("Quarterly Appraisal Sheet"),
          "half": N_("Semi-annual Appraisal Sheet"), "year": N_("Annual Appraisal Sheet")}


def period_label(period_key: str) -> str:
    year, _sep, month = period_key.partition("-")
    return _("{year}-{month}", year=year, month=month) if month else period_key


def sheet_story(sheet: AppraisalSheet, company: str) -> list:
    register_font()  # before any text is measured
    width = content_width()
    title = _(TITLES.get(sheet.kind, TITLES["month"]))
    if not sheet.final:
        title += " " + _("(draft)")
    story: list = [
        GroupStart(f"{sheet.period_key}/{sheet.employee_no}",
                   f"{sheet.name} {sheet.employee_no} · {_('Appraisal period')} {period_label(sheet.period_key)}"),
        Heading(f"{company} {title}", 16, centre=True, space_before=0, space_after=8),
        key_value_table([(_("Name"), sheet.name), (_("Employee no."), sheet.employee_no),
                         (_("Appraisal period"), period_label(sheet.period_key)), (_("Position"), sheet.position),
                         (_("Department"), sheet.department), (_("Grade"), _grade_text(sheet, True))], width),
    ]
    if sheet.scheme_line:
        story += [Spacer(1, 1.5 * mm), para(sheet.scheme_line, "small")]
    rollup_only = sheet.kind == "year" and not sheet.indicators and not sheet.raters  # no annual period opened
    if not rollup_only:
        story.extend(_indicators_and_raters(sheet, width))
    story.append(Spacer(1, 3 * mm))
    story.append(_result_box(sheet, width))
    if sheet.calibrated_grade:  # both grades print: the computed one above, the calibrated one here
        story.append(Spacer(1, 1.5 * mm))
        story.append(para(_("Calibrated grade: {grade}", grade=f"{sheet.calibrated_grade} {sheet.calibrated_label}")
                          + " · " + sheet.calibration_note, "small"))
    if sheet.kind == "year":
        story.extend(_year_section(sheet, width, _("1. The year rolled up") if rollup_only else _("3. The year rolled up")))
    elif sheet.kind == "month":  # quarters and halves have no month's attendance
        story.extend(_attendance_section(sheet, width))
    story.append(Spacer(1, 3 * mm))
    story.append(TrendChart(sheet.trend, width, 40 * mm,
                            title=_("Monthly scores of the year") if sheet.kind == "year" else _("Scores of the last six months"),
                            thresholds=[Threshold(sheet.excellent_at, GradeCatalogue.label("excellent"), "#16a34a"),
                                        Threshold(sheet.pass_at, GradeCatalogue.label("qualified"), "#d97706")]))
    story.append(Heading(_("2. Comments") if rollup_only else _("4. Comments") if sheet.kind in ("month", "year")
                         else _("3. Comments")))
    story.append(_boxed(sheet.comment or _("(no comment)"), width))
    tail = [Spacer(1, 3 * mm)]
    if sheet.appeal_deadline:
        tail.append(para(_("If you disagree with this result, you may appeal to HR in writing until {date}.",
                           date=sheet.appeal_deadline.isoformat()), "small"))
    tail.append(Spacer(1, 2 * mm))
    tail.append(signature_lines([_("Employee signature"), _("Rater signature"), _("HR signature")], width))
    story.append(KeepTogether(tail))
    if sheet.kind == "year" and sheet.annual_report:  # the 述职报告 the raters read, on its own page(s)
        from app.documents.appraisal_feedback import annual_report_section

        story.append(PageBreak())
        story.extend(annual_report_section(sheet.annual_report, width, _("Annual work report")))
    return story


def _indicators_and_raters(sheet: AppraisalSheet, width: float) -> list:
    story: list = [Heading(_("1. Indicators"))]
    rows, total_weight = [], 0.0
    for n, ind in enumerate(sheet.indicators, 1):
        total_weight += ind.weight
        rows.append([str(n), ind.name, ind.section, fmt_number(ind.weight) + "%",
                     ind.target, ind.actual, fmt_number(ind.score)])
    if rows:
        widths = [8 * mm, 58 * mm, 26 * mm, 16 * mm, 24 * mm, 24 * mm, width - 156 * mm]
        story.append(LightTable([_("#"), _("Indicator"), _("Category"), _("Weight"), _("Target"), _("Actual"),
                                 _("Score")], rows, widths, right=(3, 6), centre=(0,), wrap=(1, 2, 4, 5)))
    else:
        story.append(para(_("No indicators were set for this period."), "muted"))
    story.append(Heading(_("2. Raters")))
    rater_rows = [[r.role, r.name, fmt_number(r.weight) + "%", fmt_number(r.score),
                   fmt_number(None if r.score is None else r.score * r.weight / 100, 2)] for r in sheet.raters]
    rater_rows.append([_("Total"), "", fmt_number(sum(r.weight for r in sheet.raters)) + "%", "",
                       fmt_number(sheet.final_score, 2)])
    story.append(LightTable([_("Rater"), _("Name"), _("Weight"), _("Score"), _("Weighted")], rater_rows,
                            [40 * mm, 40 * mm, 28 * mm, 28 * mm, width - 136 * mm], right=(2, 3, 4),
                            total_row=True))
    return story


def _year_section(sheet: AppraisalSheet, width: float, heading: str) -> list:
    """The roll-up: each month's (or half's) final score, the annual period's own score with its weight,
    and the year's score (月度考核分数纳进年终考核)."""
    out = [Heading(heading)]
    if not sheet.year_lines:
        return out + [para(_("No published results in this year yet."), "muted")]
    rows = [[period_label(str(key)), weight or "", fmt_number(score, 2)] for key, score, weight in sheet.year_lines]
    rows.append([_("Year score"), "", fmt_number(sheet.final_score, 2)])
    out.append(LightTable([_("Period"), _("Weight"), _("Final score")], rows, [60 * mm, 40 * mm, width - 100 * mm],
                          right=(1, 2), total_row=True))
    return out


def _attendance_section(sheet: AppraisalSheet, width: float) -> list:
    story = [Heading(_("3. Attendance this month"))]
    a = sheet.attendance
    if a is not None:
        story.append(LightTable(
            [_("Days due"), _("Days present"), _("Late (times / min)"), _("Early leave"), _("Absence (days)"),
             _("Leave (h)"), _("Overtime (h)")],
            [[fmt_number(a.days_due), fmt_number(a.days_present), f"{a.late_count} / {a.late_minutes}",
              str(a.early_count), fmt_number(a.absent_days), fmt_number(a.leave_hours),
              fmt_number(a.overtime_hours)]], [width / 7] * 7, centre=range(7), wrap=range(7)))
    else:
        story.append(para(_("No attendance figures for this month."), "muted"))
    return story


def _grade_text(sheet: AppraisalSheet, calibrated: bool = False) -> str:
    if not sheet.grade:
        return "—"
    text = f"{sheet.grade} {sheet.grade_label}" if sheet.grade_label else sheet.grade
    if calibrated and sheet.calibrated_grade:
        text += f" → {sheet.calibrated_grade}"  # short: the line under the result box names it in full
    return text


def _result_box(sheet: AppraisalSheet, width: float) -> Table:
    """Final score, grade (letter and name) and, as its own word, the monthly label."""
    colour = colors.HexColor(GRADE_COLOURS.get(sheet.grade[:1], "#111827")) if sheet.grade else colors.black
    cap = 24 * mm
    value = (width - 3 * cap) / 3
    table = Table([[_("Final score"), fmt_number(sheet.final_score, 2), _("Grade"), _grade_text(sheet),
                    _("Monthly label"), sheet.month_label or "—"]],
                  colWidths=[cap, value, cap, value, cap, value], rowHeights=[11 * mm])
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT, 10), ("FONT", (1, 0), (1, 0), FONT, 15), ("FONT", (3, 0), (3, 0), FONT, 15),
        ("FONT", (5, 0), (5, 0), FONT, 12), ("TEXTCOLOR", (3, 0), (3, 0), colour),
        ("BACKGROUND", (0, 0), (0, 0), HEADER_BG), ("BACKGROUND", (2, 0), (2, 0), HEADER_BG),
        ("BACKGROUND", (4, 0), (4, 0), HEADER_BG), ("BOX", (0, 0), (-1, -1), 0.8, RULE),
        ("INNERGRID", (0, 0), (-1, -1), 0.5, RULE), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    return table


def _boxed(text: str, width: float) -> Table:
    table = Table([[para(text)]], colWidths=[width], hAlign="LEFT")
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 10), ("BOX", (0, 0), (-1, -1), 0.6, RULE), ("TOPPADDING", (0, 0), (-1, -1), 5),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 6), ("LEFTPADDING", (0, 0), (-1, -1), 6)]))
    return table


def write_sheets(sheets: Sequence[AppraisalSheet], target, company: str,
                 progress: Callable[[int, int], None] | None = None, footer_note: str = "") -> int:
    """Write the sheets into one PDF (``target``: a path or a binary file); returns the page count."""
    total = len(sheets)
    story: list = []
    for i, sheet in enumerate(sheets):
        if i:
            story.append(PageBreak())
        story.extend(sheet_story(sheet, company))
    title = _(TITLES.get(sheets[0].kind if sheets else "month", TITLES["month"]))
    doc = document(target, title=title, author=company)
    done = [0]

    def after(flowable):
        if isinstance(flowable, GroupStart):
            done[0] += 1
            if progress:
                progress(done[0] - 1, total)

    doc.afterFlowable = after
    doc.build(story, canvasmaker=canvas_with_header(f"{company} · {title}", footer_note))
    if progress:
        progress(total, total)
    return doc.page
