"""Working days and holidays: the work-week pattern, China's statutory calendar (chinese_calendar)
and the shop's manual overrides. Pure functions over dates."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Iterable, Mapping

from app.i18n import N_

WORKDAY, REST, HOLIDAY, MAKEUP = "workday", "rest", "holiday", "makeup"
DAY_KIND_LABELS = {WORKDAY: N_("Working day"), REST: N_("Rest day"), HOLIDAY: N_("Statutory holiday"),
                   MAKEUP: N_("Make-up working day")}


def statutory(day: date) -> str | None:
    """HOLIDAY or MAKEUP when China's calendar moves this day, None otherwise (or when the year is unknown)."""
    import chinese_calendar

    try:
        is_holiday, name = chinese_calendar.get_holiday_detail(day)
    except NotImplementedError:  # a year the package has no data for: the week pattern alone decides
        return None
    if name is None:
        return None
    if is_holiday:
        return HOLIDAY
    return MAKEUP if day.weekday() >= 5 else None


def day_kind(day: date, work_days: Iterable[int], overrides: Mapping[date, bool] | None = None) -> str:
    """What kind of day this is for the shop: WORKDAY, REST, HOLIDAY or MAKEUP.

    ``work_days`` are ISO weekdays (Monday=1). A manual override wins; then the statutory
    calendar (holidays and their make-up working days); then the week pattern.
    """
    if overrides and day in overrides:
        return WORKDAY if overrides[day] else REST
    moved = statutory(day)
    if moved is not None:
        return moved
    return WORKDAY if day.isoweekday() in set(work_days) else REST


def is_working_day(day: date, work_days: Iterable[int], overrides: Mapping[date, bool] | None = None) -> bool:
    return day_kind(day, work_days, overrides) in (WORKDAY, MAKEUP)


def month_days(year: int, month: int) -> list[date]:
    first = date(year, month, 1)
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return [first + timedelta(days=i) for i in range((nxt - first).days)]


def is_plan_day(day: date) -> bool:
    """The weekly-plan Monday, or the last Friday of the month (月度总结 day)."""
    if day.weekday() == 0:
        return True
    return day.weekday() == 4 and (day + timedelta(days=7)).month != day.month
