"""Reading and writing spreadsheet tables (CSV in any encoding Excel writes, and XLSX).

Every import reads its file through ``read_table`` and gets rows as dicts keyed by a
canonical column name, with the spreadsheet row number for error messages.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, Iterable, Sequence

from app.errors import ValidationError
from app.i18n import N_
from app.rules.dates import parse_day, parse_moment

MAX_IMPORT_BYTES = 50 * 1024 * 1024
_DANGEROUS_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# A cell holding only one of these asks an import to clear the field; an empty cell leaves it as it is.
CLEAR_MARKERS = ("-", "(清空)", "（清空）", "(clear)")
MAX_LISTED_ERRORS = 200


class _Clear:
    """The value of a cell that asks for its field to be cleared."""

    def __repr__(self) -> str:
        return "CLEAR"


CLEAR = _Clear()


@dataclass
class TableRow:
    number: int  # spreadsheet row number (header is row 1)
    values: dict[str, Any]  # canonical column -> cell value (str for CSV, native for XLSX, or CLEAR)

    def text(self, column: str) -> str:
        """The cell as text ("" when absent, empty or a clear marker)."""
        value = self.values.get(column)
        if value is None or value is CLEAR:
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, datetime):
            return value.strftime("%Y-%m-%d %H:%M:%S")
        if isinstance(value, date):
            return value.isoformat()
        return str(value).strip()

    def given(self, column: str) -> bool:
        """Does the file say something about this field (a value or a clear marker)?"""
        value = self.values.get(column)
        return value is CLEAR or not _blank(value)

    def clears(self, column: str) -> bool:
        return self.values.get(column) is CLEAR


def _normalise_header(name: Any) -> str:
    return str(name or "").strip().lstrip("\ufeff").strip().lower().replace(" ", "").replace("_", "").replace(".", "")


_GB = {"gb18030", "gbk", "gb2312", "hz"}
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _decode(data: bytes) -> str:
    """The text of a CSV: UTF-8 (with or without BOM), UTF-16 (Excel's "Unicode text") or GBK/GB18030.

    charset-normalizer judges what is not UTF-8; a file it does not take for Chinese GB text (Latin-1,
    Big5, …) is refused rather than read as GBK mojibake."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data, "utf-8-sig")
    if data.startswith(_UTF16_BOMS):
        return _table_like(_strict(data, "utf-16"))
    from charset_normalizer import from_bytes

    sample = data[:256 * 1024]
    if b"\x00" in sample[:4096]:  # UTF-16 without its BOM, or not text at all
        for match in from_bytes(sample):
            name = match.encoding.replace("_", "-").lower()
            if name.startswith("utf-16") and match.chaos <= 0.1:
                return _table_like(_strict(data, name.replace("-", "_")))
        raise ValidationError("The file is not a text table (CSV) or an Excel workbook (XLSX).")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    matches = [m for m in from_bytes(sample) if m.chaos <= 0.1]
    names = [m.encoding.replace("_", "-").lower() for m in matches]
    if any(n.replace("-", "") in _GB for n in names):
        return _strict(data, "gb18030")  # gb18030 is a superset of GBK/GB2312
    guess = names[0] if names else "unknown"
    raise ValidationError("The file's text encoding looks like {encoding}, not UTF-8 or GBK; save it again as "
                          "\"CSV UTF-8\" from Excel and import that file.", encoding=guess)


def _table_like(text: str) -> str:
    """A decoded UTF-16 text that has no line break or separator is bytes that merely began like a BOM."""
    if not any(ch in text[:4096] for ch in ",\t;\n"):
        raise ValidationError("The file's text encoding is not UTF-8 or GBK; save it again as CSV UTF-8 from Excel.")
    return text


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise ValidationError("The file's text encoding is not UTF-8 or GBK; save it again as CSV UTF-8 from Excel.") from None


def _read_csv(data: bytes) -> list[list[Any]]:
    text = _decode(data)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        return [row for row in csv.reader(io.StringIO(text), dialect)]
    except csv.Error as exc:
        raise ValidationError("The CSV file cannot be read: {reason}", reason=str(exc)) from None


def _read_xlsx(path: Path) -> list[list[Any]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception:
        raise ValidationError("The Excel file {name} cannot be opened; it may be damaged or not an .xlsx file.", name=path.name) from None
    try:
        sheet = workbook.worksheets[0]
        rows = [list(row) for row in sheet.iter_rows(values_only=True)]
        _fill_merged(rows, _merged_ranges(workbook, sheet))
        return rows
    finally:
        workbook.close()


def _merged_ranges(workbook, sheet) -> list[tuple[int, int, int, int]]:
    """The merged ranges of a read-only sheet, as (min_col, min_row, max_col, max_row), 1-based.

    Read-only mode (needed for big files) does not parse <mergeCells>, so read them from the sheet's XML."""
    import re

    from openpyxl.utils.cell import range_boundaries

    try:
        xml = workbook._archive.read(sheet._worksheet_path).decode("utf-8", "replace")
    except (AttributeError, KeyError, OSError):
        return []
    return [range_boundaries(ref) for ref in re.findall(r'<(?:\w+:)?mergeCell\s+ref="([A-Z]+\d+:[A-Z]+\d+)"', xml)]


def _fill_merged(rows: list[list[Any]], ranges: list[tuple[int, int, int, int]]) -> None:
    """Every cell of a merged range reads as the range's top-left value (as a person sees it)."""
    for min_col, min_row, max_col, max_row in ranges:
        if min_row > len(rows):
            continue
        top_left = rows[min_row - 1][min_col - 1] if min_col - 1 < len(rows[min_row - 1]) else None
        for r in range(min_row - 1, min(max_row, len(rows))):
            row = rows[r]
            if len(row) < max_col:
                row.extend([None] * (max_col - len(row)))
            for c in range(min_col - 1, max_col):
                row[c] = top_left


TABLE_FILES = N_("{path} is a folder; choose a CSV or XLSX file.")


def check_input_file(path: str | Path, folder_message: str = TABLE_FILES) -> Path:
    """An import's file: it exists, is a file (``folder_message`` names what to choose instead of a
    folder, a message id marked with N_), is not empty and not over MAX_IMPORT_BYTES."""
    path = Path(path)
    if not path.exists():
        raise ValidationError("The file {path} does not exist.", path=str(path))
    if path.is_dir():
        raise ValidationError(folder_message, path=str(path))
    size = path.stat().st_size
    if size == 0:
        raise ValidationError("The file {name} is empty.", name=path.name)
    if size > MAX_IMPORT_BYTES:
        raise ValidationError("The file {name} is too large ({mb} MB); the limit is 50 MB.", name=path.name,
                              mb=size // (1024 * 1024))
    return path


def read_table(path: str | Path, columns: dict[str, Sequence[str]], required: Iterable[str]) -> list[TableRow]:
    """Read a CSV/XLSX file whose header names the columns in Chinese or English.

    ``columns`` maps each canonical column to the header spellings it accepts. Raises
    ValidationError for an unreadable file or a missing required column.
    """
    path = check_input_file(path)
    with path.open("rb") as fh:
        head = fh.read(4)
    if head.startswith(b"PK\x03\x04"):
        raw_rows = _read_xlsx(path)
    else:
        raw_rows = _read_csv(path.read_bytes())
    # skip leading blank rows
    while raw_rows and all(_blank(c) for c in raw_rows[0]):
        raw_rows.pop(0)
    if not raw_rows:
        raise ValidationError("The file {name} has no header row.", name=path.name)
    lookup = {_normalise_header(alias): canon for canon, aliases in columns.items() for alias in (canon, *aliases)}
    header = [lookup.get(_normalise_header(h)) for h in raw_rows[0]]
    missing = [c for c in required if c not in header]
    if missing:
        wanted = ", ".join(f"{c} ({'/'.join(columns[c])})" if columns.get(c) else c for c in missing)
        raise ValidationError("The file {name} lacks the column(s): {columns}.", name=path.name, columns=wanted)
    rows: list[TableRow] = []
    for offset, raw in enumerate(raw_rows[1:], start=2):
        if all(_blank(c) for c in raw):
            continue
        values = {canon: _imported_cell(raw[i]) for i, canon in enumerate(header) if canon and i < len(raw)}
        rows.append(TableRow(offset, values))
    if not rows:
        raise ValidationError("The file {name} has no rows below its header.", name=path.name)
    return rows


def _imported_cell(value: Any) -> Any:
    """A clear marker becomes CLEAR; a neutralised text (our own export's '=…) gets its quote back off."""
    if isinstance(value, str):
        stripped = value.strip()
        if stripped in CLEAR_MARKERS:
            return CLEAR
        if value.startswith("'") and value.lstrip("'")[:1] in _DANGEROUS_PREFIXES and value.lstrip("'")[:1]:
            return value[1:]
    return value


def _blank(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def safe_cell(value: Any) -> Any:
    """Neutralise formula injection: a text cell starting with = + - @ gets a leading apostrophe.

    A text that already starts with apostrophes before such a character gets one more, so that an
    import (which takes exactly one off again) reads back the very same text."""
    if isinstance(value, str) and value.lstrip("'")[:1] and value.lstrip("'")[:1] in _DANGEROUS_PREFIXES:
        return "'" + value
    return value


def _cell_text(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, (date, time)):
        return value.isoformat()
    return value


def write_table(path: str | Path, header: Sequence[str], rows: Iterable[Sequence[Any]], sheet_title: str = "Sheet1") -> Path:
    """Write CSV (UTF-8 with BOM, so Excel on Chinese Windows opens it) or XLSX by the suffix."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ValidationError("Choose a file name ending in .csv or .xlsx (got {name}).", name=path.name)
    if not path.parent.exists():
        raise ValidationError("The folder {folder} does not exist.", folder=str(path.parent))
    clean_rows = [[safe_cell(_cell_text(v)) for v in row] for row in rows]
    from app.io import atomic

    if suffix == ".csv":  # built in memory, then written atomically: a failure keeps the previous file
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer)
        writer.writerow([safe_cell(h) for h in header])
        writer.writerows(clean_rows)
        atomic.write_bytes(path, buffer.getvalue().encode("utf-8-sig"))
    else:
        from openpyxl import Workbook
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        def xlsx(value: Any) -> Any:  # control characters cannot be stored in a worksheet
            return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value

        wb = Workbook(write_only=True)
        ws = wb.create_sheet(title=sheet_title[:31] or "Sheet1")
        ws.append([xlsx(safe_cell(h)) for h in header])
        for row in clean_rows:
            ws.append([xlsx(v) for v in row])
        buffer = io.BytesIO()  # the zip is finished in memory, so a full disk never leaves a ZipFile half-open
        wb.save(buffer)
        atomic.write_bytes(path, buffer.getvalue())
    return path


def parse_date(text: str) -> date:
    """A day in an imported file (app.rules.dates: 2026-11-03, 2026/11/3, 2026年11月3日, 20261103);
    a time after it is ignored (a spreadsheet's "2026-11-03 00:00:00"). ValueError when it is none."""
    parts = text.strip().replace("T", " ").split()
    day = parse_day(parts[0]) if parts else None
    if day is None:
        raise ValueError(text)
    return day


def parse_datetime(text: str) -> datetime:
    """A moment in an imported file (app.rules.dates: 2026-11-03 08:41, 2026/11/3 8:41:00,
    2026-11-03T08:41:05, 20261103 0841). ValueError when it is none."""
    moment = parse_moment(text)
    if moment is None:
        raise ValueError(text)
    return moment


def output_path_in(folder: str | Path, name: str) -> Path:
    """The file ``name`` inside the chosen ``folder`` (e.g. one PDF per employee, named after them).

    Anything that would land elsewhere (``..``, separators, drive letters, absolute paths, a symlink
    pointing out) is refused, so data cannot steer where output is written.
    """
    base = Path(folder).expanduser().resolve()
    if not base.is_dir():
        raise ValidationError("The folder {folder} does not exist.", folder=str(folder))
    bad = not name or name.strip() in ("", ".", "..") or any(ch in name for ch in '/\\:\x00') or name != name.strip()
    target = (base / name).resolve() if not bad else None
    if bad or target.parent != base:
        raise ValidationError("{name!r} would be written outside the folder {folder}; choose a plain file name.",
                              name=name, folder=str(base))
    return target
