"""Dates and times as people write them, typed into the window or in an imported file: one grammar.

A day: 2026-12-03, 2026/12/3, 2026.12.3, 2026年12月3日 or 20261203. Without the year (12-3, 12月3日)
only where a ``today`` gives it (the window: this year); an imported file must say the year.
A time: 9:00, 09:00:05 (fractions of a second dropped) or 0900, after the day and a space or "T";
202612030900 is a day and a time. Anything else (1203, 2026123 …) is ambiguous and not taken.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Optional

_DAY = re.compile(r"^(?:(\d{4})[-/.年])?(\d{1,2})[-/.月](\d{1,2})日?$")
_COMPACT_DAY = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$", re.ASCII)
FIRST_YEAR, LAST_YEAR = 1900, 9998  # so a month's neighbours and its year's end are dates too
_TIME = re.compile(r"^(\d{1,2}):?(\d{2})(?::(\d{2})(?:\.\d*)?)?$")


def parse_day(text: str, today: Optional[date] = None) -> Optional[date]:
    """The day ``text`` names, or None. A day without its year takes ``today``'s, or is None without it."""
    text = (text or "").strip()
    m = _COMPACT_DAY.match(text) or _DAY.match(text)
    if not m:
        return None
    if m.group(1) is None and today is None:
        return None
    year = int(m.group(1)) if m.group(1) else today.year
    try:
        return date(year, int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def parse_month(text: str) -> Optional[tuple[int, int]]:
    """(year, month) for 2026-11 or 2026-1, or None."""
    m = _MONTH.match(str(text or "").strip())
    if not m or not FIRST_YEAR <= int(m.group(1)) <= LAST_YEAR or not 1 <= int(m.group(2)) <= 12:
        return None
    return int(m.group(1)), int(m.group(2))


def parse_moment(text: str, today: Optional[date] = None) -> Optional[datetime]:
    """The day and time ``text`` names, or None (a day alone is not a moment)."""
    parts = (text or "").strip().replace("T", " ").split()
    if len(parts) == 1 and len(parts[0]) == 12 and parts[0].isdigit():  # 202612030900
        parts = [parts[0][:8], parts[0][8:]]
    if len(parts) != 2:
        return None
    day, t = parse_day(parts[0], today), _TIME.match(parts[1])
    if day is None or not t:
        return None
    try:
        return datetime(day.year, day.month, day.day, int(t.group(1)), int(t.group(2)), int(t.group(3) or 0))
    except ValueError:
        return None
