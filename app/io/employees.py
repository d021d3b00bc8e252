"""The employee roster as a spreadsheet: columns, parsing rows, and the export layout."""

from __future__ import annotations

from app.errors import RowError
from app.i18n import _
from app.io.tables import TableRow, parse_date
from app.services.employees import EmployeeInput, field_problems

COLUMNS = {
    "employee_no": ("工号", "employee no", "employeeno", "no"),
    "name": ("姓名", "name"),
    "department": ("部门", "department", "dept"),
    "position": ("岗位", "职位", "position"),
    "manager_no": ("上级工号", "manager no", "managerno", "manager"),
    "hire_date": ("入职日期", "hire date", "hiredate"),
    "leave_date": ("离职日期", "leave date", "leavedate"),
    "status": ("状态", "status"),
    "badge": ("工卡号", "badge", "badge code", "badgecode"),
    "phone": ("电话", "手机", "phone", "mobile"),
    "clock_no": ("考勤号码", "clock_no", "clock no", "clockno"),
}
REQUIRED = ("employee_no", "name")
EXPORT_HEADER_ZH = ["工号", "姓名", "部门", "岗位", "上级工号", "入职日期", "离职日期", "状态", "工卡号", "电话", "考勤号码"]
STATUS_WORDS = {"在职": "active", "试用": "probation", "离职": "left", "active": "active",
                "probation": "probation", "left": "left", "": "active"}
STATUS_ZH = {"active": "在职", "probation": "试用", "left": "离职"}


def parse_rows(rows: list[TableRow]) -> tuple[list[tuple[int, EmployeeInput]], list[RowError]]:
    """Each row as an EmployeeInput, or a RowError naming the row and every problem in it."""
    parsed: list[tuple[int, EmployeeInput]] = []
    errors: list[RowError] = []
    for row in rows:
        problems: list[str] = []
        dates = {}
        for key in ("hire_date", "leave_date"):
            text = row.text(key)
            try:
                dates[key] = parse_date(text) if text else None
            except ValueError:
                dates[key] = None
                problems.append(_("bad date {value!r} in {column}; use YYYY-MM-DD", value=text,
                                  column=_("hire date") if key == "hire_date" else _("leave date")))
        status = STATUS_WORDS.get(row.text("status").lower())
        if status is None:
            problems.append(_("unknown status {value!r}; use 在职, 试用 or 离职", value=row.text("status")))
            status = "active"
        data = EmployeeInput(
            employee_no=row.text("employee_no"), name=row.text("name"), department=row.text("department"),
            position=row.text("position"), manager_no=row.text("manager_no"), hire_date=dates["hire_date"],
            leave_date=dates["leave_date"], status=status, phone=row.text("phone"), badge_code=row.text("badge"),
            clock_no=row.text("clock_no") if "clock_no" in row.values else None,
        )
        problems.extend(field_problems(data).values())
        if problems:
            errors.append(RowError(row.number, "; ".join(problems)))
        else:
            parsed.append((row.number, data))
    return parsed, errors
