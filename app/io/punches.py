"""Reading punch files: the generic ``employee_no,time`` form and the exports of common
fingerprint/face clocks (AC-No./工号, 姓名/Name, 时间/Time or 日期+时间, 状态/State)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from app.errors import ImportRejected, RowError
from app.i18n import _
from app.io.tables import parse_date, parse_datetime, read_table

COLUMNS = {
    "employee_no": ("工号", "AC-No.", "AC No", "ACNo", "No.", "考勤号", "考勤号码", "人员编号", "EnNo", "User ID", "UserID", "员工工号"),
    "name": ("姓名", "Name", "员工姓名"),
    "time": ("时间", "Time", "打卡时间", "签到时间", "DateTime", "Date Time", "日期时间", "刷卡时间"),
    "date": ("日期", "Date"),
    "state": ("状态", "State", "签到/签退", "打卡类型"),
}
REQUIRED = ("employee_no", "time")


def _when(text: str, day_text: str) -> datetime:
    if day_text and " " not in text.strip() and "T" not in text:
        day = parse_date(day_text)
        return parse_datetime(f"{day.isoformat()} {text.strip()}")
    return parse_datetime(text)


def read_punch_file(path: str | Path, employees: dict[str, tuple], moment: datetime) -> list[tuple[int, datetime]]:
    """Every row as (employee id, time); raises ImportRejected naming each bad row, so nothing
    is imported from a file with a mistake. ``employees`` maps 工号 -> (id, status, leave date)."""
    rows = read_table(path, COLUMNS, REQUIRED)
    errors: list[RowError] = []
    result: list[tuple[int, datetime]] = []
    for row in rows:
        no = row.text("employee_no")
        raw = row.values.get("time")
        if not no:
            errors.append(RowError(row.number, _("the employee no. is missing")))
            continue
        if no.isdigit() and no not in employees:  # clocks drop letters and zeros: 4 -> E004
            matches = [k for k in employees if "".join(c for c in k if c.isdigit()).lstrip("0") == no.lstrip("0")]
            if len(matches) == 1:
                no = matches[0]
        person = employees.get(no)
        if person is None:
            errors.append(RowError(row.number, _("employee no. {no} does not exist", no=no)))
            continue
        try:
            if isinstance(raw, datetime):
                at = raw
            else:
                at = _when(row.text("time"), row.text("date"))
        except (ValueError, TypeError):
            errors.append(RowError(row.number, _("{value!r} is not a time like 2026-11-03 08:41", value=row.text("time"))))
            continue
        at = at.replace(microsecond=0)
        if at > moment:
            errors.append(RowError(row.number, _("the time {at} is in the future", at=at.strftime("%Y-%m-%d %H:%M"))))
            continue
        leave_date: date | None = person[2]
        if leave_date and at.date() > leave_date:
            errors.append(RowError(row.number, _("{no} left on {day}", no=no, day=leave_date.isoformat())))
            continue
        result.append((person[0], at))
    if errors:
        raise ImportRejected(errors)
    if not result:
        raise ImportRejected([], "The file has no punches.")
    return result
