"""The monthly attendance report (月度考勤汇总表): A4 landscape, figures per person, then the month grid."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date
from typing import Optional

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

from app.documents.pdf import (FONT, HEADER_BG, LANDSCAPE, RULE, STATUS_COLOURS, GroupStart, canvas_with_header,
                               content_width, data_table, document, esc, fmt_money, fmt_number, para, signature_lines,
                               styles)
from app.i18n import N_, _, language
from app.rules import attendance as rules

LEAVE_TYPES = {"personal": N_("Personal leave"), "sick": N_("Sick leave"), "annual": N_("Annual leave"),
               "comp": N_("Comp leave"), "marriage": N_("Marriage leave"), "bereavement": N_("Bereavement leave"),
               "statutory": N_("Statutory holiday"), "other": N_("Other leave")}
ALWAYS_SHOWN = ("personal", "sick")
_WEEKDAYS = {"zh_CN": "一二三四五六日", "en": "MTWTFSS"}


def status_letter(status: str) -> str:
    return rules.status_letter(status)


@dataclass
class AttendanceRow:
    employee_no: str
    name: str
    department: str = ""
    days_due: float = 0
    days_present: float = 0
    late_count: int = 0
    late_minutes: int = 0
    early_count: int = 0
    missing_punch_count: int = 0
    absent_days: float = 0
    leave_hours: dict[str, float] = field(default_factory=dict)  # type (see LEAVE_TYPES) -> hours
    overtime_hours: float = 0
    comp_balance_hours: float = 0
    penalty: float = 0  # RMB
    unpaid_leave_hours: float = 0
    paid_days: float = 0
    flags: list[str] = field(default_factory=list)
    confirmation: str = ""  # "Confirmed 2026-11-03 08:41" once the person confirmed a closed month

    # the names app.services.attendance.monthly_summary uses for the same figures
    ALIASES = {"early_leave_count": "early_count", "absence_days": "absent_days",
               "comp_hours_balance": "comp_balance_hours", "penalty_rmb": "penalty"}

    @classmethod
    def from_dict(cls, d: dict) -> "AttendanceRow":
        known = cls.__dataclass_fields__
        d = {cls.ALIASES.get(k, k): v for k, v in d.items()}
        return cls(**{k: v for k, v in d.items() if k in known})


@dataclass
class AttendanceReport:
    year: int
    month: int
    rows: list[AttendanceRow] = field(default_factory=list)
    grid: dict[str, list[str]] = field(default_factory=dict)  # employee no -> status per day (index 0 = day 1)
    department: str = ""
    pay_day: int = 18  # wages for the month are paid on this day of the next month
    unpaid_label: str = ""  # the unpaid leave types in words, e.g. "事假、病假"
    closed_note: str = ""  # "已封帐 于 … 由 …": the figures come from the month's snapshot
    changes: list[dict] = field(default_factory=list)  # what this close changed against the one before

    @property
    def period_key(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def leave_types(self) -> list[str]:
        used = {t for r in self.rows for t, h in r.leave_hours.items() if h}
        return [t for t in LEAVE_TYPES if t in ALWAYS_SHOWN or t in used] + sorted(used - set(LEAVE_TYPES))


def _head(text: str) -> Paragraph:
    # English headers wrap between words; Chinese ones anywhere
    style = ParagraphStyle("head", parent=styles()["cell"], fontSize=8, leading=10, alignment=TA_CENTER,
                           wordWrap="CJK" if language() == "zh_CN" else None)
    return Paragraph(esc(text), style)


def summary_table(report: AttendanceReport, width: float) -> Table:
    leave_types = report.leave_types()
    header = [_("Employee no."), _("Name"), _("Department"), _("Days due"), _("Days present"), _("Late (times)"),
              _("Late (min)"), _("Early leave"), _("Missing punches"), _("Absence (days)")]
    header += [_("{leave} (h)", leave=_(LEAVE_TYPES.get(t, t))) for t in leave_types]
    header += [_("Overtime (h)"), _("Comp balance (h)"), _("Unpaid leave (h)"), _("Paid days"), _("Penalty"),
               _("Dismissal review")]
    confirmed = bool(report.closed_note)
    if confirmed:
        header.append(_("Employee confirmation"))
    rows = []
    for r in report.rows:
        rows.append([r.employee_no, r.name, r.department, fmt_number(r.days_due), fmt_number(r.days_present),
                     str(r.late_count), str(r.late_minutes), str(r.early_count), str(r.missing_punch_count),
                     fmt_number(r.absent_days)]
                    + [fmt_number(r.leave_hours.get(t, 0)) for t in leave_types]
                    + [fmt_number(r.overtime_hours), fmt_number(r.comp_balance_hours), fmt_number(r.unpaid_leave_hours),
                       fmt_number(r.paid_days), fmt_money(r.penalty),
                       _("Yes") if "dismissal_review" in r.flags else ""]
                    + ([r.confirmation] if confirmed else []))
    rs = report.rows
    rows.append([_("Total"), _("{n} people", n=len(rs)), "", fmt_number(sum(r.days_due for r in rs)),
                 fmt_number(sum(r.days_present for r in rs)), str(sum(r.late_count for r in rs)),
                 str(sum(r.late_minutes for r in rs)), str(sum(r.early_count for r in rs)),
                 str(sum(r.missing_punch_count for r in rs)), fmt_number(sum(r.absent_days for r in rs))]
                + [fmt_number(sum(r.leave_hours.get(t, 0) for r in rs)) for t in leave_types]
                + [fmt_number(sum(r.overtime_hours for r in rs)), fmt_number(sum(r.comp_balance_hours for r in rs)),
                   fmt_number(sum(r.unpaid_leave_hours for r in rs)), fmt_number(sum(r.paid_days for r in rs)),
                   fmt_money(sum(r.penalty for r in rs)), str(sum("dismissal_review" in r.flags for r in rs))]
                + ([_("{n} confirmed", n=sum(bool(r.confirmation) for r in rs))] if confirmed else []))
    fixed = [15 * mm, 18 * mm, 20 * mm]
    money, review = 20 * mm, 14 * mm
    tail = [money, review] + ([24 * mm] if confirmed else [])
    rest = (width - sum(fixed) - sum(tail)) / (len(header) - 3 - len(tail))
    widths = fixed + [rest] * (len(header) - 3 - len(tail)) + tail
    return data_table([_head(h) for h in header], rows, widths, right=range(3, len(header)), font_size=8,
                      total_row=True)


def grid_table(report: AttendanceReport, width: float) -> Table:
    days = calendar.monthrange(report.year, report.month)[1]
    weekdays = _WEEKDAYS.get(language(), _WEEKDAYS["en"])
    name_w = 24 * mm
    day_w = (width - name_w) / 31
    head = [_("Name")] + [f"{d}\n{weekdays[date(report.year, report.month, d).weekday()]}" for d in range(1, days + 1)]
    data = [head]
    cmds = [("FONT", (0, 0), (-1, -1), FONT, 8), ("FONT", (1, 0), (-1, 0), FONT, 7),
            ("LEADING", (1, 0), (-1, 0), 8.5), ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
            ("ALIGN", (1, 0), (-1, -1), "CENTER"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("GRID", (0, 0), (-1, -1), 0.3, RULE), ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5), ("LEFTPADDING", (1, 0), (-1, -1), 0),
            ("RIGHTPADDING", (1, 0), (-1, -1), 0)]
    for d in range(1, days + 1):
        if date(report.year, report.month, d).weekday() >= 5:
            cmds.append(("BACKGROUND", (d, 0), (d, 0), colors.HexColor("#d5dbe5")))
    for row_no, r in enumerate(report.rows, 1):
        cells = report.grid.get(r.employee_no, [])
        line = [r.name]
        for d in range(days):
            status = cells[d] if d < len(cells) else "none"
            line.append(status_letter(status))
            colour = STATUS_COLOURS.get(status)
            if status == "rest":
                cmds.append(("BACKGROUND", (d + 1, row_no), (d + 1, row_no), colors.HexColor("#f1f2f4")))
            if colour and status not in ("none",):
                cmds.append(("TEXTCOLOR", (d + 1, row_no), (d + 1, row_no), colors.HexColor(colour)))
        data.append(line)
    table = Table(data, colWidths=[name_w] + [day_w] * days, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle(cmds))
    return table


def legend() -> Table:
    cells = []
    cmds = [("FONT", (0, 0), (-1, -1), FONT, 8.5), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2)]
    for i, status in enumerate(rules.SHOWN_STATUSES):
        cells += [status_letter(status), rules.status_label(status)]
        cmds.append(("TEXTCOLOR", (2 * i, 0), (2 * i, 0), colors.HexColor(STATUS_COLOURS[status])))
        cmds.append(("ALIGN", (2 * i, 0), (2 * i, 0), "RIGHT"))
    table = Table([cells], hAlign="LEFT")
    table.setStyle(TableStyle(cmds))
    return table


def write_report(report: AttendanceReport, target, company: str, department: str = "",
                 generated: Optional[date] = None, footer_note: str = "") -> int:
    """Write the report (``target``: a path or a binary file); returns the page count."""
    st = styles()
    width = content_width(LANDSCAPE)
    title = _("Monthly Attendance Report")
    period = _("{year}-{month}", year=report.year, month=f"{report.month:02d}")
    sub = _("Period: {period} · Department: {department} · Printed: {date}", period=period,
            department=department or report.department or "—", date=(generated or date.today()).isoformat())
    story = [GroupStart(report.period_key, f"{title} · {period}"),
             Paragraph(esc(f"{company} {title}"), st["title"]), Paragraph(esc(sub), st["subtitle"]),
             Paragraph(esc(_("1. Summary per person")), st["h2"])]
    if report.closed_note:
        story.insert(3, para(report.closed_note, "body"))
    if report.rows:
        story.append(summary_table(report, width))
    else:
        story.append(para(_("Nobody was scheduled in this month."), "muted"))
    nxt = date(report.year + (report.month == 12), report.month % 12 + 1, 1)
    pay_date = nxt.replace(day=min(report.pay_day, 28))
    story += [Spacer(1, 3 * mm),
              para(_("Paid days = days due less unpaid leave ({kinds}) less absence days; penalties follow the "
                     "attendance rules in force.", kinds=report.unpaid_label or "—"), "muted"),
              para(_("Pay day: {date} (the {day}th of the next month).", date=pay_date.isoformat(), day=report.pay_day),
                   "body"),
              ]
    if report.changes:
        story += [Paragraph(esc(_("Changes against the previous close")), st["h2"]),
                  data_table([_head(h) for h in (_("Employee no."), _("Name"), _("Figure"), _("Before"), _("After"))],
                             [[c["employee_no"], c["name"], c["label"], str(c["before"]), str(c["after"])]
                              for c in report.changes], [25 * mm, 30 * mm, 50 * mm, 30 * mm, 30 * mm], font_size=8)]
    story += [PageBreak(), Paragraph(esc(_("2. Month grid")), st["h2"]), legend(), Spacer(1, 2 * mm)]
    if report.rows:
        story.append(grid_table(report, width))
    # who drew the report up, who checked it, and the employees' confirmation (制表 / 审核 / 员工确认)
    story.append(KeepTogether([Spacer(1, 6 * mm), signature_lines(
        [_("Prepared by"), _("Reviewed by"), _("Employee confirmation")], width)]))
    doc = document(target, pagesize=LANDSCAPE, title=title, author=company)
    doc.build(story, canvasmaker=canvas_with_header(f"{company} · {title}", footer_note))
    return doc.page
