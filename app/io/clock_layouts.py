"""One reader per clock layout. Each takes the file's text or a sheet's rows and returns a
ClockFile, or None when the file is not in its layout (so the next one is tried).

Row numbers are the ones a person sees: the line in a text file, the spreadsheet row in a sheet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any, Callable, Optional

from app.errors import RowError
from app.i18n import N_, _
from app.io.tables import parse_date, parse_datetime

# key -> label; the order is the detection order
LAYOUTS = {
    "attlog": N_("ZKTeco attlog.dat (tab-separated text)"),
    "report": N_("Att.log report workbook (two rows a person)"),
    "deli": N_("Deli 得力 monthly report (考勤月报)"),
    "zktime": N_("ZKTime original records (原始记录, CSV/XLSX/XLS)"),
    "shopteam": N_("ShopTeam table (工号, 时间)"),
}


@dataclass
class ClockFile:
    """What a clock file says. ``punches`` are (row, user number, name in the file, time)."""

    layout: str
    punches: list[tuple[int, str, str, datetime]] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)  # any of these rejects the file
    skipped: list[RowError] = field(default_factory=list)  # garbage lines, reported, not fatal
    missed: int = 0  # 漏刷 cells
    stated_range: Optional[tuple[date, date]] = None
    by_employee_no: bool = False  # the numbers are 工号 (our own table), not a clock's user numbers
    sha256: str = ""
    name: str = ""

    @property
    def label(self) -> str:
        return _(LAYOUTS[self.layout])

    def date_range(self) -> Optional[tuple[date, date]]:
        if not self.punches:
            return self.stated_range
        times = [p[3] for p in self.punches]
        return min(times).date(), max(times).date()


def _text(cell: Any) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def _no_such_time(text: str) -> str:
    return _("the time {value!r} does not exist", value=text)


# -- ZKTeco attlog.dat -----------------------------------------------------------------------------

# user number (right-aligned), a separator, the time, then any further fields (machine, state,
# verify mode, work code ... firmware varies); tabs, commas, semicolons or spaces separate them
_ATTLOG = re.compile(r"^\s*([0-9A-Za-z]{1,32})\s*[\t,;| ]\s*"
                     r"(\d{4}-\d{1,2}-\d{1,2}[ T]\d{1,2}:\d{1,2}(?::\d{1,2})?)\s*(?:[\t,;| ].*)?$")
_STAMP = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2}))?$")


def _stamp(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text)  # the usual zero-padded form, fast
    except ValueError:
        m = _STAMP.match(text)
        if not m:
            raise
        y, mo, d, h, mi, s = (int(g or 0) for g in m.groups())
        return datetime(y, mo, d, h, mi, s)  # ValueError for 2026-02-30 or 25:00


def read_attlog(text: str, progress: Callable[[int, int], None] | None = None) -> Optional[ClockFile]:
    lines = text.splitlines()
    sample = [ln for ln in lines[:200] if ln.strip()][:50]
    # no header line, and most lines are punches (a few garbage lines are skipped and reported)
    if not sample or not _ATTLOG.match(sample[0]) or sum(1 for ln in sample if _ATTLOG.match(ln)) * 2 < len(sample):
        return None
    out = ClockFile("attlog")
    append, match = out.punches.append, _ATTLOG.match
    total = len(lines)
    fromiso = datetime.fromisoformat
    for number, line in enumerate(lines, start=1):
        if progress and number % 50000 == 0:
            progress(number, total)
        parts = line.split("\t", 2)  # the usual firmware: tabs and a zero-padded time, no regex needed
        if len(parts) > 1 and len(parts[1]) == 19:
            no = parts[0].strip()
            if no.isdigit():
                try:
                    append((number, no, "", fromiso(parts[1])))
                    continue
                except ValueError:
                    pass  # a time that does not exist: the regex path below reports it
        m = match(line)
        if m is None:
            if line.strip():
                out.skipped.append(RowError(number, _("not a punch line: {text}", text=line.strip()[:60])))
            continue
        try:
            at = _stamp(m.group(2))
        except ValueError:
            out.errors.append(RowError(number, _no_such_time(m.group(2))))
            continue
        append((number, m.group(1), "", at))
    return out


# -- the device's Att.log report workbook --------------------------------------------------------

_RANGE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*[~～至]\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_NO_LABEL = re.compile(r"^(工号|考勤号码|考勤号|编号|用户号|No|No\.|AC-No\.?|ID)\s*[:：]?\s*(.*)$", re.I)
_NAME_LABEL = re.compile(r"^(姓名|Name)\s*[:：]?\s*(.*)$", re.I)
_DEPT_LABEL = re.compile(r"^(部门|Dept\.?|Department)\s*[:：]?\s*(.*)$", re.I)
_RUN_TOGETHER = re.compile(r"(?:\d{1,2}:\d{2})+")
_HHMM = re.compile(r"(\d{1,2}):(\d{2})")


def _labelled(row: list, pattern: re.Pattern) -> Optional[str]:
    """The value after a label: in the label's own cell ("工号:583") or the next non-empty cell."""
    for i, cell in enumerate(row):
        m = pattern.match(_text(cell))
        if m:
            if m.group(2).strip():
                return m.group(2).strip()
            return next((_text(c) for c in row[i + 1:] if _text(c)), "")
    return None


def _day_columns(row: list) -> dict[int, int]:
    days = {}
    for i, cell in enumerate(row):
        t = _text(cell)
        if t.isdigit() and 1 <= int(t) <= 31:
            days[i] = int(t)
    return days


def _times_in(cell: Any) -> Optional[list[tuple[str, Optional[time]]]]:
    """Each time in a run-together cell ("08:0112:05"), None for a time that does not exist;
    None when the cell holds something that is not a list of times."""
    if isinstance(cell, datetime):
        return [(cell.strftime("%H:%M"), cell.time().replace(microsecond=0))]
    if isinstance(cell, time):
        return [(cell.strftime("%H:%M"), cell.replace(microsecond=0))]
    t = re.sub(r"\s+", "", _text(cell))
    if not t:
        return []
    if not _RUN_TOGETHER.fullmatch(t):
        return None
    out = []
    for h, m in _HHMM.findall(t):
        ok = int(h) < 24 and int(m) < 60
        out.append((f"{h}:{m}", time(int(h), int(m)) if ok else None))
    return out


def read_report(rows: list[list[Any]]) -> Optional[ClockFile]:
    found = None
    for r, row in enumerate(rows[:12]):
        for cell in row:
            m = _RANGE.search(_text(cell))
            if m:
                found = (r, m)
                break
        if found:
            break
    if not found:
        return None
    header_row, m = found
    try:
        start = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        end = date(int(m.group(4)), int(m.group(5)), int(m.group(6)))
    except ValueError:
        return None
    day_row, columns = None, {}
    for r in range(header_row, min(header_row + 6, len(rows))):
        columns = _day_columns(rows[r])
        if len(columns) >= 3 and not any(_NO_LABEL.match(_text(c)) for c in rows[r]):
            day_row = r
            break
    if day_row is None:
        return None
    out = ClockFile("report", stated_range=(start, end))
    # walk the day columns from the start date: a column whose number is not the next day of the
    # stated range lies outside it
    date_of: dict[int, Optional[date]] = {}
    expected = start
    for col in sorted(columns):
        if expected <= end and columns[col] == expected.day:
            date_of[col] = expected
            expected += timedelta(days=1)
        else:
            date_of[col] = None
    person: Optional[tuple[str, str]] = None
    for r in range(day_row + 1, len(rows)):
        row, number = rows[r], r + 1
        no = _labelled(row, _NO_LABEL)
        if no is not None:
            name = _labelled(row, _NAME_LABEL) or ""
            person = (no, name)
            if not no:
                out.errors.append(RowError(number, _("the person's number is missing")))
            continue
        if person is None or not person[0]:
            continue
        for col, day_number in columns.items():
            cell = row[col] if col < len(row) else None
            times = _times_in(cell)
            if times is None:
                out.errors.append(RowError(number, _("day {day}: {value!r} is not a time like 08:01",
                                                     day=day_number, value=_text(cell))))
                continue
            if not times:
                continue
            day = date_of[col]
            if day is None:
                out.errors.append(RowError(number, _("day {day} lies outside the sheet's range {start} ~ {end}",
                                                     day=day_number, start=start.isoformat(), end=end.isoformat())))
                continue
            for text, t in times:
                if t is None:
                    out.errors.append(RowError(number, _no_such_time(f"{day.isoformat()} {text}")))
                else:
                    out.punches.append((number, person[0], person[1], datetime.combine(day, t)))
    return out


# -- Deli 得力 考勤月报 ----------------------------------------------------------------------------

_TITLE_MONTH = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月")
_YMD_SHORT = re.compile(r"^(\d{2})-(\d{1,2})-(\d{1,2})$")
_DAY_WEEKDAY = re.compile(r"^(\d{1,2})\s*[/\n]?\s*[一二三四五六日天]?$")
_MISSED = ("漏刷", "漏打卡", "缺卡")
_NOTHING = ("-", "—", "--", "")


def read_deli(rows: list[list[Any]]) -> Optional[ClockFile]:
    title = None
    for row in rows[:5]:
        for cell in row:
            m = _TITLE_MONTH.search(_text(cell))
            if m:
                title = (int(m.group(1)), int(m.group(2)))
                break
        if title:
            break
    if not title or not 1 <= title[1] <= 12:
        return None
    header_at, heads = None, []
    for r, row in enumerate(rows[:10]):
        heads = [_text(c) for c in row]
        if "姓名" in heads and any(h in heads for h in ("工号", "帐号", "账号")):
            header_at = r
            break
    if header_at is None:
        return None
    col = {h: i for i, h in enumerate(heads) if h}
    name_col = col["姓名"]
    no_cols = [col[h] for h in ("工号", "帐号", "账号") if h in col]
    days: dict[int, tuple[str, Optional[date]]] = {}  # column -> (heading, the day or None if outside)
    year, month = title
    for i, h in enumerate(heads):
        if i in no_cols or i == name_col or not h:
            continue
        m = _YMD_SHORT.match(h)
        if m:
            try:
                d = date(2000 + int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                d = None
            days[i] = (h, d if d and (d.year, d.month) == title else None)
            continue
        m = _DAY_WEEKDAY.match(h)
        if m:
            try:
                days[i] = (h, date(year, month, int(m.group(1))))
            except ValueError:
                days[i] = (h, None)
    if len(days) < 3:
        return None
    first = date(year, month, 1)
    last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    out = ClockFile("deli", stated_range=(first, last))
    person: Optional[tuple[str, str]] = None
    for r in range(header_at + 1, len(rows)):
        row, number = rows[r], r + 1
        cells = [_text(c) for c in row]
        if not any(cells):
            continue
        name = cells[name_col] if name_col < len(cells) else ""
        if name:
            no = next((cells[c] for c in no_cols if c < len(cells) and cells[c]), "")
            person = (no, name)
            if not no:
                out.errors.append(RowError(number, _("{name} has no 工号 or 帐号", name=name)))
        if person is None or not person[0]:
            continue
        for c, (heading, day) in days.items():
            raw = row[c] if c < len(row) else None
            text = cells[c] if c < len(cells) else ""
            if text in _NOTHING:
                continue
            if text in _MISSED:
                out.missed += 1
                continue
            times = _cell_times(raw)
            if times is None:
                out.errors.append(RowError(number, _("{day}: {value!r} is neither a time, 漏刷 nor -",
                                                     day=heading, value=text)))
                continue
            if day is None:
                out.errors.append(RowError(number, _("{day} lies outside the month {year}年{month}月 of the sheet",
                                                     day=heading, year=year, month=month)))
                continue
            for shown, t in times:
                if t is None:
                    out.errors.append(RowError(number, _no_such_time(f"{day.isoformat()} {shown}")))
                else:
                    out.punches.append((number, person[0], person[1], datetime.combine(day, t)))
    return out


def _cell_times(cell: Any) -> Optional[list[tuple[str, Optional[time]]]]:
    """Times in a Deli cell: "08:41", "08:41:05", several separated by spaces or line breaks."""
    if isinstance(cell, (datetime, time)):
        return _times_in(cell)
    parts = _text(cell).replace("，", " ").replace(",", " ").split()
    out = []
    for part in parts:
        m = re.fullmatch(r"(\d{1,2}):(\d{2})(?::(\d{2}))?", part)
        if not m:
            return None
        h, mi, s = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
        out.append((part, time(h, mi, s) if h < 24 and mi < 60 and s < 60 else None))
    return out or None


# -- ZKTime original records, and our own table ----------------------------------------------------

def _norm(h: Any) -> str:
    return _text(h).lstrip("\ufeff").lower().replace(" ", "").replace("_", "").replace(".", "").replace("-", "")


CLOCK_NO_HEADS = {_norm(h) for h in ("考勤号码", "考勤号", "AC-No.", "AC No", "ACNo", "登记号码", "EnNo",
                                     "User ID", "UserID", "用户号")}
EMPLOYEE_NO_HEADS = {_norm(h) for h in ("工号", "employee_no", "employee no", "员工工号", "人员编号", "No.")}
TIME_HEADS = {_norm(h) for h in ("日期时间", "时间", "Time", "打卡时间", "DateTime", "Date Time", "签到时间",
                                 "刷卡时间", "time")}
DATE_HEADS = {_norm(h) for h in ("日期", "Date")}
NAME_HEADS = {_norm(h) for h in ("姓名", "Name", "员工姓名")}
_ENGLISH_FORMATS = ("%m/%d/%Y %I:%M:%S %p", "%m/%d/%Y %I:%M %p", "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M",
                    "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M")


def _header(rows: list[list[Any]]) -> Optional[tuple[int, dict[str, int], bool]]:
    for r, row in enumerate(rows[:15]):
        heads = [_norm(c) for c in row]
        clock = next((i for i, h in enumerate(heads) if h in CLOCK_NO_HEADS), None)
        by_no = clock is None
        number = clock if clock is not None else next((i for i, h in enumerate(heads) if h in EMPLOYEE_NO_HEADS), None)
        when = next((i for i, h in enumerate(heads) if h in TIME_HEADS), None)
        if number is None or when is None:
            continue
        cols = {"no": number, "time": when}
        for key, names in (("date", DATE_HEADS), ("name", NAME_HEADS)):
            found = next((i for i, h in enumerate(heads) if h in names), None)
            if found is not None:
                cols[key] = found
        return r, cols, by_no
    return None


def _when(raw: Any, day_raw: Any) -> datetime:
    if isinstance(raw, datetime):
        return raw.replace(microsecond=0)
    text = _text(raw)
    if isinstance(raw, time) or (day_raw not in (None, "") and " " not in text and "T" not in text):
        day = day_raw.date() if isinstance(day_raw, datetime) else day_raw if isinstance(day_raw, date) else parse_date(_text(day_raw))
        t = raw if isinstance(raw, time) else None
        if t is None:
            return parse_datetime(f"{day.isoformat()} {text}")
        return datetime.combine(day, t.replace(microsecond=0))
    try:
        return parse_datetime(text)
    except (ValueError, TypeError):
        for fmt in _ENGLISH_FORMATS:
            try:
                return datetime.strptime(text, fmt)
            except ValueError:
                continue
        raise ValueError(text) from None


def read_header_table(rows: list[list[Any]]) -> Optional[ClockFile]:
    found = _header(rows)
    if found is None:
        return None
    header_at, cols, by_no = found
    out = ClockFile("shopteam" if by_no else "zktime", by_employee_no=by_no)
    for r in range(header_at + 1, len(rows)):
        row, number = rows[r], r + 1
        if all(_text(c) == "" for c in row):
            continue

        def cell(key: str) -> Any:
            i = cols.get(key)
            return row[i] if i is not None and i < len(row) else None  # noqa: B023 - called in this turn only

        no = _text(cell("no"))
        if not no:
            out.errors.append(RowError(number, _("the clock no. is missing") if not by_no else _("the employee no. is missing")))
            continue
        raw = cell("time")
        try:
            at = _when(raw, cell("date"))
        except (ValueError, TypeError, AttributeError):
            out.errors.append(RowError(number, _("{value!r} is not a time like 2026-11-03 08:41", value=_text(raw))))
            continue
        out.punches.append((number, no, _text(cell("name")), at.replace(microsecond=0)))
    return out
