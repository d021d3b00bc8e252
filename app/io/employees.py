"""The employee roster as a spreadsheet: columns, parsing rows, and the export layout.

An import changes only what the file says: a column the file lacks, or an empty cell, leaves the
field as it is; a cell holding ``-`` or ``(清空)`` clears it. Someone who has left comes back only
when the file's status column says so.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Optional

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
REQUIRED = ("employee_no",)
EXPORT_HEADER_ZH = ["工号", "姓名", "部门", "岗位", "上级工号", "入职日期", "离职日期", "状态", "工卡号", "电话", "考勤号码"]
STATUS_WORDS = {"在职": "active", "试用": "probation", "离职": "left", "active": "active",
                "probation": "probation", "left": "left"}
STATUS_ZH = {"active": "在职", "probation": "试用", "left": "离职"}
# file column -> EmployeeInput field, for the text fields
_TEXT_FIELDS = {"name": "name", "department": "department", "position": "position",
                "manager_no": "manager_no", "phone": "phone", "badge": "badge_code",
                "clock_no": "clock_no"}


def parse_rows(rows: list[TableRow], current: Optional[dict[str, EmployeeInput]] = None
               ) -> tuple[list[tuple[int, EmployeeInput]], list[RowError]]:
    """Each row as the EmployeeInput the person will have after the import (their ``current`` record
    with what the row says laid over it), or a RowError naming the row and every problem in it."""
    current = current or {}
    parsed: list[tuple[int, EmployeeInput]] = []
    errors: list[RowError] = []
    for row in rows:
        problems: list[str] = []
        no = row.text("employee_no")
        before = current.get(no)
        data = replace(before) if before else EmployeeInput(employee_no=no, name="")
        for column, attr in _TEXT_FIELDS.items():
            if row.given(column):
                setattr(data, attr, row.text(column))
        for key, label in (("hire_date", _("hire date")), ("leave_date", _("leave date"))):
            if not row.given(key):
                continue
            text = row.text(key)
            try:
                setattr(data, key, parse_date(text) if text else None)
            except ValueError:
                problems.append(_("bad date {value!r} in {column}; use YYYY-MM-DD", value=text, column=label))
        if row.clears("status"):
            problems.append(_("the status cannot be cleared; use 在职, 试用 or 离职"))
        elif row.given("status"):
            status = STATUS_WORDS.get(row.text("status").lower())
            if status is None:
                problems.append(_("unknown status {value!r}; use 在职, 试用 or 离职", value=row.text("status")))
            else:
                if before and before.status == "left" and status != "left" and not row.given("leave_date"):
                    data.leave_date = None  # coming back: the old leave date no longer holds
                data.status = status
        problems.extend(field_problems(data).values())
        if problems:
            errors.append(RowError(row.number, "; ".join(dict.fromkeys(problems))))
        else:
            parsed.append((row.number, data))
    return parsed, errors
