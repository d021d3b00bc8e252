"""Working days and holidays: the work-week pattern, China's statutory calendar and the shop's own
entries. Pure functions over dates.

The shop's calendar lives in the database (app/services/calendar.py): statutory days seeded from the
chinese_calendar package for every year it knows, and the shop's entries, which win. The rules take
that calendar as a mapping ``day -> kind``; without one they ask the package directly (tests, tools).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterable, Mapping

from app.i18n import N_

WORKDAY, REST, HOLIDAY, MAKEUP = "workday", "rest", "holiday", "makeup"
DAY_KINDS = (HOLIDAY, MAKEUP, WORKDAY, REST)
DAY_KIND_LABELS = {WORKDAY: N_("Working day"), REST: N_("Rest day"), HOLIDAY: N_("Statutory holiday"),
                   MAKEUP: N_("Make-up working day")}
# the festival names chinese_calendar gives, translated when shown
FESTIVAL_NAMES = (N_("New Year's Day"), N_("Spring Festival"), N_("Tomb-sweeping Day"), N_("Labour Day"),
                  N_("Dragon Boat Festival"), N_("National Day"), N_("Mid-autumn Festival"),
                  N_("Anti-Fascist 70th Day"))


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


@dataclass(frozen=True)
class StatutoryDay:
    day: date
    kind: str  # HOLIDAY or MAKEUP
    name: str  # the package's English festival name


def package_days() -> list[StatutoryDay]:
    """Every holiday and weekend make-up working day the chinese_calendar package knows, in date order.
    (On a make-up day the package names the festival it makes up for; a weekday in its list is
    already a working day and is left out.)"""
    from chinese_calendar import constants

    days = [StatutoryDay(d, HOLIDAY, str(name)) for d, name in constants.holidays.items()]
    days += [StatutoryDay(d, MAKEUP, str(name)) for d, name in constants.workdays.items() if d.weekday() >= 5]
    return sorted(days, key=lambda x: x.day)


def day_kind(day: date, work_days: Iterable[int], calendar: Mapping[date, str | bool] | None = None) -> str:
    """What kind of day this is for the shop: WORKDAY, REST, HOLIDAY or MAKEUP.

    ``work_days`` are ISO weekdays (Monday=1). ``calendar`` maps days to their kind (the shop's
    calendar, already merged; a bool means working day / day off); a day it does not list follows
    the week pattern. Without a calendar the statutory package decides, then the week pattern.
    """
    if calendar is not None:
        kind = calendar.get(day)
        if kind is not None:
            if isinstance(kind, bool):
                return WORKDAY if kind else REST
            return kind
    else:
        moved = statutory(day)
        if moved is not None:
            return moved
    return WORKDAY if day.isoweekday() in set(work_days) else REST


def is_working_day(day: date, work_days: Iterable[int], calendar: Mapping[date, str | bool] | None = None) -> bool:
    return day_kind(day, work_days, calendar) in (WORKDAY, MAKEUP)


def month_days(year: int, month: int) -> list[date]:
    first = date(year, month, 1)
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return [first + timedelta(days=i) for i in range((nxt - first).days)]


def is_plan_day(day: date) -> bool:
    """The weekly-plan Monday, or the last Friday of the month (月度总结 day)."""
    if day.weekday() == 0:
        return True
    return day.weekday() == 4 and (day + timedelta(days=7)).month != day.month
