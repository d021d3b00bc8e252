"""Printing: the monthly appraisal sheets, the department handbook and the attendance report.

The handbook is built here from live data. Appraisal sheets and the attendance report take
their figures from the appraisal and attendance services.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from datetime import date
from pathlib import Path
from typing import Any, Callable, Optional, Sequence

from sqlalchemy import select

from app.db import reading, transaction
from app.errors import NotFound, ValidationError
from app.models._base import now
from app.models.documents import HandbookPrint, HandbookSection
from app.models.org import Department, Position
from app.models.people import Employee
from app.paths import DATA_DIR
from app.rules.dates import parse_month
from app.services import audit, policy
from app.services.context import Actor
from app.services.permissions import require

Progress = Optional[Callable[[int, int], None]]
SECTIONS_FILE = DATA_DIR / "handbook" / "sections.json"
WORKFLOWS_FILE = DATA_DIR / "handbook" / "workflows.json"
TASK_TEMPLATES_FILE = DATA_DIR / "tasks" / "templates.json"
MAX_TITLE, MAX_BODY, MAX_VERSION = 60, 20000, 32
_PERIOD = re.compile(r"^(\d{4})-(\d{2})$")


# -- checks -----------------------------------------------------------------------------
def parse_period(text: str) -> tuple[int, int]:
    found = parse_month(text) if _PERIOD.match(str(text).strip()) else None
    if found is None:
        raise ValidationError("{value!r} is not a month; write it as YYYY-MM, e.g. 2026-11.", value=text)
    return found


def check_output_file(path: Path | str) -> Path:
    """The PDF can be written there: a .pdf name in an existing, writable folder."""
    path = Path(path).expanduser()
    if path.suffix.lower() != ".pdf":
        raise ValidationError("The output file must end in .pdf: {path}", path=str(path))
    if path.is_dir():
        raise ValidationError("{path} is a folder; give a file name ending in .pdf.", path=str(path))
    check_output_folder(path.parent, create=False)
    return path


def check_output_folder(folder: Path | str, create: bool = True) -> Path:
    folder = Path(folder).expanduser()
    if create and not folder.exists():
        parent = folder.parent
        if parent.is_dir() and os.access(parent, os.W_OK):
            folder.mkdir()
    if not folder.is_dir():
        raise ValidationError("The folder {folder} does not exist; create it or choose another one.",
                              folder=str(folder))
    if not os.access(folder, os.W_OK):
        raise ValidationError("The folder {folder} cannot be written to; choose another folder.", folder=str(folder))
    return folder


def _write_atomic(path: Path, write: Callable[[Path], Any]) -> Any:
    """Write a PDF through a registered temp file (removed at the next start if the run is killed)."""
    from app.io.atomic import atomic_path

    with atomic_path(path) as tmp:
        return write(tmp)


def _chain_note(s) -> str:
    """The audit chain's head for a monthly report's footer: paper that remembers how long the trail was."""
    from app.services.anchor import head_in

    return head_in(s).short()


def _safe_name(text: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "_", text).strip("_") or "_"


def _company(s) -> str:
    return str(policy.value_in(s, "general.company_name"))


# -- handbook sections --------------------------------------------------------------------
def default_sections() -> list[dict]:
    return json.loads(SECTIONS_FILE.read_text(encoding="utf-8"))


def _sections_in(s) -> list[dict]:
    stored = {row.key: row for row in s.execute(select(HandbookSection)).scalars()}
    result = []
    for d in default_sections():
        row = stored.get(d["key"])
        result.append({"key": d["key"], "kind": d.get("kind", "text"), "title": row.title if row else d["title"],
                       "body": row.body if row else d["body"], "default_title": d["title"],
                       "default_body": d["body"], "edited": row is not None,
                       "updated_by": row.updated_by if row else "", "updated_at": row.updated_at if row else None})
    return result


def handbook_sections(actor: Actor) -> list[dict]:
    """The chapters in order, with the text in force and whether the department edited it."""
    require(actor, "documents.print")
    with reading() as s:
        return _sections_in(s)


def save_handbook_section(actor: Actor, key: str, title: str, body: str) -> dict:
    require(actor, "documents.handbook_edit")
    defaults = {d["key"]: d for d in default_sections()}
    if key not in defaults:
        raise NotFound("There is no handbook section {key}.", key=key)
    title, body = (title or "").strip(), (body or "").strip()
    if not title:
        raise ValidationError("The section title is empty; give it a title.")
    if len(title) > MAX_TITLE:
        raise ValidationError("The section title is longer than {max} characters.", max=MAX_TITLE)
    if len(body) > MAX_BODY:
        raise ValidationError("The section text is longer than {max} characters.", max=MAX_BODY)
    with transaction() as s:
        row = s.get(HandbookSection, key)
        before = {"title": row.title, "body": row.body} if row else {"title": defaults[key]["title"],
                                                                      "body": defaults[key]["body"]}
        if row is None:
            row = HandbookSection(key=key, title=title)
            s.add(row)
        row.title, row.body, row.updated_at, row.updated_by = title, body, now(), actor.username
        audit.record(s, actor, "documents.handbook_section", "handbook_section", key, before,
                     {"title": title, "body": body})
        s.flush()
        return next(x for x in _sections_in(s) if x["key"] == key)


def reset_handbook_section(actor: Actor, key: str) -> dict:
    """Back to the shipped text (the edit stays in the audit trail)."""
    require(actor, "documents.handbook_edit")
    defaults = {d["key"]: d for d in default_sections()}
    if key not in defaults:
        raise NotFound("There is no handbook section {key}.", key=key)
    with transaction() as s:
        row = s.get(HandbookSection, key)
        if row is not None:
            audit.record(s, actor, "documents.handbook_section_reset", "handbook_section", key,
                         {"title": row.title, "body": row.body},
                         {"title": defaults[key]["title"], "body": defaults[key]["body"]})
            s.delete(row)
            s.flush()
        return next(x for x in _sections_in(s) if x["key"] == key)


# -- handbook ---------------------------------------------------------------------------
def _workflows(session=None) -> list[tuple[str, list[str]]]:
    """The workflow templates as edited in the tasks area, else the shipped workflows of domain.md."""
    if session is not None:
        from app.services import templates

        live = [(t.name, [str(st.get("text", "")) + ("（审批）" if st.get("approval_role") else "") for st in t.steps])
                for t in templates.templates_in(session)]
        return [w for w in live if w[0] and w[1]]
    source = TASK_TEMPLATES_FILE if TASK_TEMPLATES_FILE.exists() else WORKFLOWS_FILE
    raw = json.loads(source.read_text(encoding="utf-8"))
    if isinstance(raw, dict):
        raw = raw.get("templates", list(raw.values()))
    result = []
    for item in raw:
        steps = [st if isinstance(st, str) else (st.get("title") or st.get("name") or "") for st in item.get("steps", [])]
        result.append((item.get("name") or item.get("title") or "", [x for x in steps if x]))
    return [w for w in result if w[0] and w[1]]


def handbook_data(actor: Actor, version: str, effective_date: date):
    """Everything the handbook prints, read in one go from the database and the policy in force."""
    from app.documents.handbook import HandbookData, JobCard, Section
    from app.documents.handbook_org import OrgNode
    from app.documents import handbook_rules as rules
    from app.documents import handbook_settings as settings_text

    require(actor, "documents.print")
    with reading() as s:
        values = policy.values_in(s)
        specs = policy.specs()
        departments = list(s.execute(select(Department).order_by(Department.sort_order, Department.id)).scalars())
        dept_name = {d.id: d.name for d in departments}
        positions = list(s.execute(select(Position).order_by(Position.id)).scalars())
        people: dict[int, list[str]] = {}
        for e in s.execute(select(Employee).where(Employee.status != "left").order_by(Employee.employee_no)).scalars():
            if e.position_id is not None:
                people.setdefault(e.position_id, []).append(e.name)
        sections = [Section(x["key"], x["title"], x["body"], x["kind"]) for x in _sections_in(s)]
        workflows = _workflows(s)
        from app.services.calendar import handbook_lines
        from app.services.appraisal_schemes import position_schemes_in
        from app.services.forms import receipt_lines

        holidays = handbook_lines(s, effective_date.year)
        receipt = receipt_lines(s)
        appraisal_positions = position_schemes_in(s, values)
    by_id = {p.id: p for p in positions}
    nodes = {p.id: OrgNode(p.name, dept_name.get(p.department_id, ""), people.get(p.id, [])) for p in positions}
    roots = []
    for p in positions:
        parent = nodes.get(p.reports_to_id) if p.reports_to_id in by_id else None
        (parent.children if parent else roots).append(nodes[p.id])
    cards = [JobCard(p.name, dept_name.get(p.department_id, ""), by_id[p.reports_to_id].name if p.reports_to_id in by_id else "",
                     p.supervisor, p.drawn_up, p.summary, [str(d) for d in (p.duties or [])], p.planned_headcount,
                     len(people.get(p.id, []))) for p in positions]
    goal_rows = rules.settings_table(values, specs, ("goals.",))
    return HandbookData(
        company=str(values.get("general.company_name", "")), department=str(values.get("general.department_name", "")),
        version=version, effective_date=effective_date, sections=sections,
        departments=[(d.name, d.description) for d in departments], org=roots, positions=cards,
        attendance_rules=rules.attendance_rules(values), appraisal_rules=rules.appraisal_rules(values, appraisal_positions),
        attendance_settings=settings_text.attendance_settings(values, specs),
        appraisal_settings=settings_text.appraisal_settings(values, specs),
        goals=goal_rows, workflows=workflows, holidays=holidays, receipt=receipt,
        appraisal_positions=appraisal_positions,
    )


def next_handbook_version(actor: Actor, today: date | None = None) -> str:
    """"2026.1", "2026.2", … counting the versions printed this year."""
    require(actor, "documents.print")
    year = (today or now().date()).year
    with reading() as s:
        printed = set(s.execute(select(HandbookPrint.version)).scalars())
    n = 1
    while f"{year}.{n}" in printed:
        n += 1
    return f"{year}.{n}"


def print_handbook(actor: Actor, out: Path | str, version: str | None = None,
                   effective_date: date | None = None) -> dict:
    """Write the handbook PDF and record the printed version (who, when, pages, settings shown)."""
    from app.documents.handbook import write_handbook

    require(actor, "documents.print")
    path = check_output_file(out)
    version = (version or "").strip() or next_handbook_version(actor)
    if len(version) > MAX_VERSION:
        raise ValidationError("The version is longer than {max} characters.", max=MAX_VERSION)
    effective_date = effective_date or now().date()
    data = handbook_data(actor, version, effective_date)
    pages = _write_atomic(path, lambda tmp: write_handbook(data, str(tmp)))
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    with transaction() as s:
        shown = {k: v for k, v in policy.values_in(s).items()
                 if k.startswith(("attendance.", "leave.", "overtime.", "appraisal.", "goals.", "general."))}
        row = HandbookPrint(version=version, effective_date=effective_date, printed_by=actor.username, pages=pages,
                            sha256=digest, policy=shown)
        s.add(row)
        s.flush()
        audit.record(s, actor, "documents.print_handbook", "handbook_print", row.id, None,
                     {"version": version, "effective_date": effective_date, "pages": pages, "file": path.name})
        return {"id": row.id, "path": str(path), "pages": pages, "version": version,
                "effective_date": effective_date.isoformat()}


def handbook_prints(actor: Actor) -> list[dict]:
    require(actor, "documents.print")
    with reading() as s:
        rows = s.execute(select(HandbookPrint).order_by(HandbookPrint.id.desc())).scalars()
        return [{"id": r.id, "version": r.version, "effective_date": r.effective_date, "printed_at": r.printed_at,
                 "printed_by": r.printed_by, "pages": r.pages} for r in rows]


# -- appraisal sheets -------------------------------------------------------------------
def appraisal_periods(actor: Actor) -> list[dict]:
    """The periods the documents tab offers for appraisal sheets: {"key", "kind", "label"}, newest first."""
    require(actor, "documents.print")
    from app.i18n import _ as tr
    from app.services import appraisal as source
    from app.services.appraisal_core import KIND_NAMES

    return [dict(p, label=f"{p['key']} · {tr(KIND_NAMES[p['kind']])}") for p in source.printable_periods(actor)]


def appraisal_employees(actor: Actor, period_key: str) -> list[dict]:
    """The people with a result in the period ({employee_no, name, ...}), for choosing whom to print."""
    require(actor, "documents.print")
    from app.services import appraisal as source

    return [dict(r) for r in source.printable_people(actor, period_key)]


def appraisal_sheets(actor: Actor, period_key: str, employee_nos: Sequence[str] | None = None) -> list:
    from app.documents.appraisal_sheet import AppraisalSheet

    require(actor, "documents.print")
    from app.services import appraisal as source

    if not employee_nos:  # every kind of period: 2026-11, 2026-Q4, 2026-H2, 2026 (the rolled-up year)
        employee_nos = [r["employee_no"] for r in source.printable_people(actor, period_key)]
    if not employee_nos:
        raise NotFound("There are no appraisal results for {period}.", period=period_key)
    return [AppraisalSheet.from_dict(sheet_fields(source.sheet_data(actor, period_key, no))) for no in employee_nos]


def sheet_fields(d: dict) -> dict:
    """What app.services.appraisal.sheet_data returns, in the fields the printed sheet takes."""
    from app.i18n import _ as tr
    from app.services.appraisal_core import ROLE_NAMES

    if "header" not in d:  # already in the sheet's own fields (synthetic data, tests)
        return d
    header = d["header"]
    att = d.get("attendance") or None
    if att:
        leave = att.get("leave_hours") or 0
        att = {"days_due": att.get("days_due", 0), "days_present": att.get("days_present", 0),
               "late_count": att.get("late_count", 0), "late_minutes": att.get("late_minutes", 0),
               "early_count": att.get("early_leave_count", 0), "absent_days": att.get("absence_days", 0),
               "leave_hours": sum(leave.values()) if isinstance(leave, dict) else leave,
               "overtime_hours": att.get("overtime_hours", 0)}

    def unit(value, suffix):
        return "" if value is None else f"{value:g}{suffix}" if isinstance(value, (int, float)) else f"{value}{suffix}"

    return {
        "period_key": header.get("period", ""), "kind": header.get("kind") or "month",
        "year_lines": _year_lines(d.get("year")), "employee_no": header.get("employee_no", ""),
        "name": header.get("name", ""), "position": header.get("position", ""),
        "department": header.get("department", ""),
        "indicators": [{"name": i.get("indicator", ""), "weight": i.get("weight"), "section": i.get("section", ""),
                        "target": i.get("target_text") or unit(i.get("target"), i.get("unit") or ""),
                        "actual": " ".join(x for x in (unit(i.get("actual"), i.get("unit") or ""),
                                                       tr("({note})", note=i["note"]) if i.get("note") else "") if x),
                        "score": i.get("score")}
                       for i in d.get("indicators", [])],
        "raters": [{"role": "、".join(tr(ROLE_NAMES.get(r, r)) for r in x.get("roles", [])), "name": x.get("name", ""),
                    "weight": x.get("weight"), "score": x.get("score")} for x in d.get("raters", [])],
        "final_score": d.get("score"), "grade": d.get("grade") or "",
        "grade_label": d.get("grade_name") or "", "month_label": d.get("label_name") or "",
        "excellent_at": (d.get("labels") or {}).get("excellent", 90), "pass_at": (d.get("labels") or {}).get("qualified", 80),
        "attendance": att, "trend": [(t["period"], t.get("score")) for t in d.get("trend", [])],
        "comment": "\n".join(x for x in (d.get("comment") or "", d.get("interview") or "") if x),
        "appeal_deadline": d.get("appeal_deadline"), "final": d.get("final", d.get("published_on") is not None),
        "scheme_line": _scheme_line(header), **_calibration_fields(d.get("calibration")),
        "annual_report": d.get("annual_report") or "",
    }


def _calibration_fields(c: dict | None) -> dict:
    """The calibrated grade printed beside the computed one (app/services/appraisal_calibration.py)."""
    from app.i18n import _ as tr

    if not c:
        return {}
    return {"calibrated_grade": c["grade"], "calibrated_label": c.get("grade_name") or "",
            "calibration_note": tr("Calibrated by {by}: {reason}", by=c.get("by", ""), reason=c.get("reason", ""))}


def _year_lines(year: dict | None) -> list:
    """The annual sheet's roll-up rows: (period, score) per month or half, the own score with its weight."""
    from app.i18n import _ as tr

    if not year:
        return []
    lines = [(key, score, "") for key, score in year["lines"] if key in year["from"]]
    if year.get("own") is not None and any(len(k) == 4 for k in year["from"]):  # the annual period's own score
        weight = 100 if not lines else year["own_weight"]
        lines.append((tr("Annual appraisal"), year["own"], f"{weight:g}%"))
    return lines


def _scheme_line(header: dict) -> str:
    """'Scheme: … · Half-yearly · 关键绩效指标 50%, 一般绩效指标 50%' from the sheet's template structure."""
    from app.documents.handbook_schemes import PERIODS
    from app.i18n import _ as tr

    structure = header.get("structure") or {}
    if not structure.get("sections"):
        return ""
    parts = [tr("Template: {name}", name=header.get("template", ""))]
    if structure.get("period") in PERIODS:
        parts.append(tr(PERIODS[structure["period"]]))
    from app.i18n import language

    parts.append(("、" if language() == "zh_CN" else ", ").join(
        f"{name} {float(weight):g}%" for name, weight in structure["sections"]))
    return " · ".join(parts)


def write_appraisal_sheets(actor: Actor, period_key: str, out: Path | str, *, per_person: bool | None = None,
                           employee_nos: Sequence[str] | None = None, progress: Progress = None,
                           sheets: Sequence | None = None) -> dict:
    """Print the period's sheets into one PDF, or one file per person into a folder.

    ``per_person`` None follows the setting documents.appraisal_one_file_per_person; an ``out``
    ending in .pdf means one file. Cancelling (progress raising) removes what this run wrote.
    ``sheets`` lets a caller pass ready AppraisalSheet values (previews, tests).
    """
    from app.documents.appraisal_sheet import write_sheets

    require(actor, "documents.print")
    from app.services.appraisal_core import span_of

    period_key = span_of(period_key).key  # any kind: 2026-11, 2026-Q4, 2026-H2, 2026
    out = Path(out).expanduser()
    with reading() as s:
        company = _company(s)
        note = _chain_note(s)
        if per_person is None:
            per_person = bool(policy.value_in(s, "documents.appraisal_one_file_per_person"))
    if out.suffix.lower() == ".pdf":
        per_person = False
    if per_person:
        folder = check_output_folder(out)
    else:
        out = check_output_file(out if out.suffix.lower() == ".pdf" else out / f"appraisal_{period_key}.pdf")
    sheets = list(sheets) if sheets is not None else appraisal_sheets(actor, period_key, employee_nos)
    total = len(sheets)
    written: list[Path] = []
    pages = 0
    try:
        if per_person:
            for i, sheet in enumerate(sheets):
                if progress:
                    progress(i, total)
                target = folder / f"{period_key}_{_safe_name(sheet.employee_no)}_{_safe_name(sheet.name)}.pdf"
                pages += _write_atomic(target, lambda tmp, sh=sheet: write_sheets([sh], str(tmp), company, footer_note=note))
                written.append(target)
            if progress:
                progress(total, total)
        else:
            pages = _write_atomic(out, lambda tmp: write_sheets(sheets, str(tmp), company, progress, footer_note=note))
            written.append(out)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    with transaction() as s:
        audit.record(s, actor, "documents.print_appraisal", "appraisal_period", period_key, None,
                     {"employees": [sh.employee_no for sh in sheets], "files": len(written), "pages": pages})
    return {"files": [str(p) for p in written], "pages": pages, "sheets": total}


# -- attendance report ------------------------------------------------------------------
def attendance_report(actor: Actor, year: int, month: int):
    from app.documents.attendance_report import AttendanceReport, AttendanceRow

    require(actor, "documents.print")
    from app.services import attendance as source

    from app.services.employees import list_employees

    department = {e.employee_no: e.department for e in list_employees(actor)}
    rows = [AttendanceRow.from_dict({"department": department.get(r["employee_no"], ""), **dict(r)})
            for r in source.monthly_summary(actor, year, month)]
    grid_raw = source.month_grid(actor, year, month)
    grid = {str(no): [str(x) for x in cells] for no, cells in dict(grid_raw).items()}
    with reading() as s:
        pay_day = policy.value_in(s, "attendance.pay_day")
        unpaid = policy.value_in(s, "attendance.unpaid_leave_types")
    from app.i18n import _

    unpaid_label = _(", ").join(_(source.KIND_LABELS[k]) for k in unpaid if k in source.KIND_LABELS)
    from app.services import month_close

    closed = month_close.report_close(actor, year, month)
    for r in rows:
        r.confirmation = closed["stamps"].get(r.employee_no, "") if closed else ""
    return AttendanceReport(year=year, month=month, rows=rows, grid=grid, pay_day=pay_day, unpaid_label=unpaid_label,
                            closed_note=closed["note"] if closed else "", changes=closed["changes"] if closed else [])


def write_attendance_report(actor: Actor, year: int, month: int, out: Path | str, report=None) -> dict:
    from app.documents.attendance_report import write_report

    require(actor, "documents.print")
    path = check_output_file(out)
    report = report if report is not None else attendance_report(actor, year, month)
    with reading() as s:
        company, department = _company(s), str(policy.value_in(s, "general.department_name"))
        note = _chain_note(s)
    pages = _write_atomic(path, lambda tmp: write_report(report, str(tmp), company, department, footer_note=note))
    with transaction() as s:
        audit.record(s, actor, "documents.print_attendance", "attendance_month", f"{year:04d}-{month:02d}", None,
                     {"people": len(report.rows), "pages": pages, "file": path.name})
    return {"path": str(path), "pages": pages, "people": len(report.rows)}


# -- preview ----------------------------------------------------------------------------
DOCUMENT_KINDS = ("appraisal", "handbook", "attendance")


def preview_first_page(actor: Actor, kind: str, png: Path | str, *, period_key: str = "",
                       employee_nos: Sequence[str] | None = None, version: str = "",
                       effective_date: date | None = None, dpi: int = 60) -> Path:
    """Draw page 1 of the document as it would be written, without writing or recording it."""
    from app.documents.render import page_png

    require(actor, "documents.print")
    if kind not in DOCUMENT_KINDS:
        raise NotFound("There is no document called {kind}.", kind=kind)
    with tempfile.TemporaryDirectory(prefix="shopteam-preview-") as tmp:
        pdf = Path(tmp) / "preview.pdf"
        with reading() as s:
            company = _company(s)
            department = str(policy.value_in(s, "general.department_name"))
        if kind == "appraisal":
            from app.documents.appraisal_sheet import write_sheets

            first = list(employee_nos or [])[:1] or None
            write_sheets(appraisal_sheets(actor, period_key, first)[:1], str(pdf), company)
        elif kind == "attendance":
            from app.documents.attendance_report import write_report

            year, month = parse_period(period_key)
            write_report(attendance_report(actor, year, month), str(pdf), company, department)
        else:
            from app.documents.handbook import write_handbook

            data = handbook_data(actor, version or next_handbook_version(actor), effective_date or now().date())
            write_handbook(data, str(pdf))
        return page_png(pdf, png, dpi=dpi)
