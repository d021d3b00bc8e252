"""Reading punch files: the exports of the clocks shops own, detected from the file itself.

Layouts (tried in this order, see ``app/io/clock_layouts.py`` for each):
- ZKTeco / 中控 USB download ``N_attlog.dat``: one punch a line, tab-separated;
- the device's "Att.log report" workbook (a date range, a row of day numbers, two rows a person);
- Deli 得力 考勤月报 (``YYYY年M月`` title, one column a day, 签到/签退 rows);
- ZKTime "original records" (原始记录) and our own ``工号,时间`` table (a header row names the columns).

The reader only reads: it returns every punch with the clock's user number and the row it came
from, every bad row as a RowError, and garbage lines it skipped. Matching numbers to people and
de-duplicating is the service's work. The clock's IN/OUT state is never read: clocks record it
wrongly, so the direction comes from the schedule.
"""

from __future__ import annotations

import csv
import hashlib
import io
from pathlib import Path
from typing import Any, Callable

from app.errors import ValidationError
from app.i18n import N_, _
from app.io import clock_layouts as layouts
from app.io.clock_layouts import LAYOUTS, ClockFile  # noqa: F401  (the public names)
from app.io.tables import check_input_file

CLOCK_FILES = N_("{path} is a folder; choose the file exported from the time clock (.dat, .txt, .csv, .xls or .xlsx).")


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # some clock software saves "Unicode text"
        return data.decode("utf-16", errors="replace")
    for encoding in ("utf-8-sig", "gb18030"):  # gb18030 is a superset of GBK/GB2312
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("gb18030", errors="replace")  # a clock's garbage line must not hide the good ones


def _xlsx_sheets(path: Path) -> list[list[list[Any]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception:
        raise ValidationError("The Excel file {name} cannot be opened; it may be damaged or not an .xlsx file.",
                              name=path.name) from None
    try:
        return [[list(row) for row in sheet.iter_rows(values_only=True)] for sheet in workbook.worksheets]
    finally:
        workbook.close()


def _xls_sheets(path: Path) -> list[list[list[Any]]]:
    import xlrd

    try:
        book = xlrd.open_workbook(str(path))
    except Exception:
        raise ValidationError("The Excel file {name} cannot be opened; it may be damaged or not an .xls file.",
                              name=path.name) from None
    sheets = []
    for sheet in book.sheets():
        rows = []
        for r in range(sheet.nrows):
            row = []
            for cell in sheet.row(r):
                if cell.ctype == xlrd.XL_CELL_DATE:
                    try:
                        row.append(xlrd.xldate_as_datetime(cell.value, book.datemode))
                    except Exception:
                        row.append(cell.value)
                elif cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                    row.append(None)
                else:
                    row.append(cell.value)
            rows.append(row)
        sheets.append(rows)
    return sheets


def _csv_rows(text: str) -> list[list[Any]]:
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        return [row for row in csv.reader(io.StringIO(text), dialect)]
    except csv.Error:
        return []


def read_clock_file(path: str | Path, progress: Callable[[int, int], None] | None = None) -> ClockFile:
    """Detect the layout and read every punch. Raises ValidationError for a file in no known layout
    (naming the layouts tried); row problems come back in ``errors`` for the caller to reject."""
    path = Path(path)
    data = check_input_file(path, CLOCK_FILES).read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    result: ClockFile | None = None
    if data.startswith(b"PK\x03\x04"):
        sheets = _xlsx_sheets(path)
    elif data.startswith(b"\xd0\xcf\x11\xe0"):  # the OLE2 container of a legacy .xls
        sheets = _xls_sheets(path)
    else:
        text = _decode(data)
        result = layouts.read_attlog(text, progress)
        sheets = [] if result else [_csv_rows(text)]
    if result is None:
        for rows in sheets:
            for reader in (layouts.read_report, layouts.read_deli, layouts.read_header_table):
                result = reader(rows)
                if result is not None:
                    break
            if result is not None:
                break
    if result is None:
        raise ValidationError("{name} is in none of the clock layouts ShopTeam knows. Tried: {layouts}.",
                              name=path.name, layouts="; ".join(_(label) for label in LAYOUTS.values()))
    result.sha256, result.name = sha, path.name
    return result
