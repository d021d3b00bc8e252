"""The shop's holiday calendar (节假日): statutory holidays and make-up working days seeded from the
chinese_calendar package, and the shop's own entries, which win. A year the package does not know
follows the week pattern plus whatever the shop enters (from the State Council notice)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable, Optional

from sqlalchemy import delete, select
from sqlmodel import Session

from app.db import reading, transaction
from app.errors import ImportRejected, RowError, ValidationError
from app.i18n import _
from app.models._base import now
from app.models.attendance import CalendarDay
from app.rules.calendar import DAY_KIND_LABELS, DAY_KINDS, HOLIDAY, day_kind, package_days
from app.services import audit, policy
from app.services.context import Actor
from app.services.permissions import require

SHOP, STATUTORY = "shop", "statutory"
MAX_RANGE_DAYS = 31  # no holiday period is longer; a longer range is a typing mistake
BANNER_FROM_MONTH = 11  # from 1 November the next year's holidays should be known


def load_calendar(s: Session, start: date | None = None, end: date | None = None) -> dict[date, str]:
    """day -> kind for every listed day (in [start, end) when given), the shop's entry winning."""
    q = select(CalendarDay.day, CalendarDay.source, CalendarDay.kind)
    if start is not None:
        q = q.where(CalendarDay.day >= start)
    if end is not None:
        q = q.where(CalendarDay.day < end)
    merged: dict[date, str] = {}
    for day, source, kind in s.execute(q):
        if source == SHOP or day not in merged:
            merged[day] = kind
    return merged


def seed_statutory(s: Session) -> int:
    """Add the package's days the database lacks (a newer chinese_calendar brings a new year); returns
    how many. The shop's entries are untouched and still win."""
    have = set(s.execute(select(CalendarDay.day).where(CalendarDay.source == STATUTORY)).scalars())
    new = [x for x in package_days() if x.day not in have]
    for x in new:
        s.add(CalendarDay(day=x.day, source=STATUTORY, kind=x.kind, name=x.name[:64]))
    s.flush()
    return len(new)


def year_complete(s: Session, year: int) -> bool:
    """True when the package or the shop supplied the year's statutory days (any holiday entered)."""
    a, b = date(year, 1, 1), date(year + 1, 1, 1)
    found = s.execute(select(CalendarDay.day).where(
        CalendarDay.day >= a, CalendarDay.day < b,
        (CalendarDay.source == STATUTORY) | (CalendarDay.kind == HOLIDAY)).limit(1)).first()
    return found is not None


@dataclass
class CalendarEntry:
    day: date
    kind: str  # the kind in force (the shop's when it has one)
    name: str  # as stored; the package's English festival names are translated by display_name()
    source: str  # shop | statutory
    statutory_kind: str | None = None  # what the package says, when the shop overrides it

    @property
    def label(self) -> str:
        return _(DAY_KIND_LABELS[self.kind])

    @property
    def display_name(self) -> str:
        return _(self.name) if self.source == STATUTORY and self.name else self.name


def year_days(s: Session, year: int) -> list[CalendarEntry]:
    rows = s.execute(select(CalendarDay).where(CalendarDay.day >= date(year, 1, 1), CalendarDay.day < date(year + 1, 1, 1))
                     .order_by(CalendarDay.day)).scalars().all()
    by_day: dict[date, CalendarEntry] = {}
    for r in rows:
        hit = by_day.get(r.day)
        if hit is None:
            by_day[r.day] = CalendarEntry(r.day, r.kind, r.name, r.source)
        elif r.source == SHOP:  # the shop's entry wins; remember the package's
            by_day[r.day] = CalendarEntry(r.day, r.kind, r.name or hit.name, SHOP, hit.kind)
        else:
            hit.statutory_kind = r.kind
    return [by_day[d] for d in sorted(by_day)]


def show_year(actor: Actor, year: int) -> dict:
    """The year as the CLI prints it: {"year", "complete", "days": [{"date", "kind", "name", "source"}]}
    listing only the days that differ from (or name) the week pattern."""
    require(actor, "attendance.view_own")
    _check_year(year)
    with reading() as s:
        complete = year_complete(s, year)
        days = year_days(s, year)
    return {"year": year, "complete": complete, "days": [
        {"date": d.day.isoformat(), "kind": d.kind, "name": d.display_name, "source": d.source} for d in days]}


@dataclass
class YearView:
    """What the 节假日 page shows for a year."""

    year: int
    complete: bool
    kinds: dict[date, str]  # every day of the year: workday, rest, holiday, makeup
    entries: list[CalendarEntry]
    may_edit: bool


def year_view(actor: Actor, year: int) -> YearView:
    require(actor, "attendance.view_own")
    _check_year(year)
    from app.rules.calendar import month_days
    from app.services.permissions import can

    with reading() as s:
        work_days = policy.value_in(s, "attendance.work_days")
        merged = load_calendar(s, date(year, 1, 1), date(year + 1, 1, 1))
        entries = year_days(s, year)
        complete = year_complete(s, year)
    kinds = {d: day_kind(d, work_days, merged) for m in range(1, 13) for d in month_days(year, m)}
    return YearView(year, complete, kinds, entries, can(actor, "attendance.calendar"))


def _check_year(year: int) -> None:
    if not 2000 <= int(year) <= 2100:
        raise ValidationError("{value} is not a year between 2000 and 2100.", value=year)


def _check_kind(kind: str) -> str:
    kind = (kind or "").strip().lower()
    if kind not in DAY_KINDS:
        raise ValidationError("Unknown kind {kind!r}; use one of: {kinds}.", kind=kind, kinds=", ".join(DAY_KINDS))
    return kind


def set_day(actor: Actor, day: date, kind: str, name: str = "") -> None:
    """The shop's entry for one day (it wins over the package)."""
    require(actor, "attendance.calendar")
    kind = _check_kind(kind)
    with transaction() as s:
        _put(s, actor, {day: (kind, name.strip())})


def _put(s: Session, actor: Actor, wanted: dict[date, tuple[str, str]]) -> None:
    existing = {r.day: r for r in s.execute(select(CalendarDay).where(
        CalendarDay.source == SHOP, CalendarDay.day.in_(list(wanted)))).scalars()}
    for day, (kind, name) in sorted(wanted.items()):
        row = existing.get(day)
        before = None if row is None else {"kind": row.kind, "name": row.name}
        if row is None:
            row = CalendarDay(day=day, source=SHOP, kind=kind, name=name[:64])
            s.add(row)
        row.kind, row.name = kind, name[:64]
        audit.record(s, actor, "attendance.calendar_set", "calendar_day", day.isoformat(), before,
                     {"kind": kind, "name": name[:64]})


def clear_day(actor: Actor, day: date) -> bool:
    """Remove the shop's entry for a day (the package's, if any, applies again); False if there was none."""
    require(actor, "attendance.calendar")
    with transaction() as s:
        row = s.get(CalendarDay, (day, SHOP))
        if row is None:
            return False
        before = {"kind": row.kind, "name": row.name}
        s.execute(delete(CalendarDay).where(CalendarDay.day == day, CalendarDay.source == SHOP))
        audit.record(s, actor, "attendance.calendar_clear", "calendar_day", day.isoformat(), before, None)
    return True


COLUMNS = {"date": ("日期", "day"), "kind": ("类型", "type"), "name": ("名称", "holiday", "节日")}
KIND_WORDS = {"节假日": HOLIDAY, "假日": HOLIDAY, "放假": HOLIDAY, "法定节假日": HOLIDAY, "调休上班": "makeup",
              "补班": "makeup", "上班": "workday", "工作日": "workday", "休息": "rest", "休息日": "rest"}


def _days_of(text: str) -> list[date]:
    """'2027-02-06' or a range '2027-02-06~2027-02-12'; ValueError(reason) otherwise."""
    from app.io.tables import parse_date

    text = text.strip()
    for sep in ("~", "～", "至"):
        if sep in text:
            a, b = text.split(sep, 1)
            break
    else:
        a, b = text, None
    days = []
    for part in (a, b) if b is not None else (a,):
        try:
            days.append(parse_date(part))
        except (ValueError, TypeError):
            raise ValueError(_("{value!r} is not a date (YYYY-MM-DD)", value=part.strip())) from None
    if len(days) == 1:
        return days
    first, last = days
    if last < first:
        raise ValueError(_("the range {value} runs backwards", value=text))
    if (last - first).days >= MAX_RANGE_DAYS:
        raise ValueError(_("the range {value} is longer than {n} days", value=text, n=MAX_RANGE_DAYS))
    from datetime import timedelta

    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def import_year(actor: Actor, path: str | Path, progress: Optional[Callable[[int, int], None]] = None) -> dict:
    """Import a schedule written from the State Council notice: rows `date,kind,name`, a date may be a
    range. All rows valid or nothing changes; returns {"days": n, "years": [...]}. ``progress(done, total)``
    is called per row checked, before the write (it may raise to cancel: nothing is written)."""
    from app.io.tables import read_table

    require(actor, "attendance.calendar")
    rows = read_table(path, COLUMNS, ("date", "kind"))
    errors: list[RowError] = []
    wanted: dict[date, tuple[str, str]] = {}
    seen_at: dict[date, int] = {}
    total = len(rows)
    for number, row in enumerate(rows, start=1):
        if progress:
            progress(number, total)
        raw_kind = row.text("kind")
        kind = KIND_WORDS.get(raw_kind, raw_kind.lower())
        if kind not in DAY_KINDS:
            errors.append(RowError(row.number, _("unknown kind {kind!r}; use one of: {kinds}", kind=raw_kind,
                                                 kinds=", ".join(DAY_KINDS))))
            continue
        try:
            days = _days_of(row.text("date"))
        except ValueError as exc:
            errors.append(RowError(row.number, str(exc)))
            continue
        clash = next((d for d in days if d in seen_at), None)
        if clash is not None:
            errors.append(RowError(row.number, _("{day} is already listed in row {row}", day=clash.isoformat(),
                                                 row=seen_at[clash])))
            continue
        for d in days:
            seen_at[d] = row.number
            wanted[d] = (kind, row.text("name"))
    if errors:
        raise ImportRejected(errors)
    if not wanted:
        raise ValidationError("The file {name} has no days in it.", name=Path(path).name)
    with transaction() as s:
        _put(s, actor, wanted)
        audit.record(s, actor, "attendance.calendar_import", "calendar_day", Path(path).name, None,
                     {"days": len(wanted)})
    return {"days": len(wanted), "years": sorted({d.year for d in wanted})}


def missing_next_year(today: date | None = None) -> int | None:
    """The next year, when it is 1 November or later and that year has no statutory days at all
    (neither the package's nor the shop's); None otherwise. No permission: every user sees the banner."""
    today = today or now().date()
    if today.month < BANNER_FROM_MONTH:
        return None
    with reading() as s:
        return None if year_complete(s, today.year + 1) else today.year + 1


def missing_next_year_message(year: int) -> str:
    return _("The holidays of {year} are not entered yet: every day of {year} follows the week pattern. "
             "Enter them under Attendance ▸ Holidays.", year=year)


def handbook_lines(s: Session, year: int) -> list[str]:
    """The year's holidays and make-up working days as printed lines, for the handbook."""
    lines = []
    days = year_days(s, year)
    i = 0
    while i < len(days):
        d = days[i]
        j = i
        while (j + 1 < len(days) and days[j + 1].kind == d.kind and days[j + 1].display_name == d.display_name
               and (days[j + 1].day - days[j].day).days == 1):
            j += 1
        span = d.day.isoformat() if i == j else f"{d.day.isoformat()} ~ {days[j].day.isoformat()}"
        lines.append(_("{span}: {kind}{name}", span=span, kind=d.label,
                       name=f" · {d.display_name}" if d.display_name else ""))
        i = j + 1
    return lines


