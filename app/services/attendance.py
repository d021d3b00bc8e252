"""The attendance month: who was due when, the verdict on each day, and the monthly summary.

Punches, corrections and kiosk answers live in app/services/punches.py; leave and overtime in
leave.py; the duty roster in roster.py; the holiday calendar in calendar.py. This module reads them all.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Iterable, Iterator, NamedTuple, Sequence

from sqlalchemy import func, or_, select, text
from sqlmodel import Session

from app.db import current, reading
from app.gc_pause import no_gc_pauses
from app.errors import ValidationError
from app.i18n import N_, _, language
from app.models.attendance import HandoverRecord, LeaveRequest, OvertimeRequest, Punch, PunchCorrection, RosterEntry
from app.models.people import Employee
from app.models._base import now
from app.rules import attendance as rules
from app.rules.calendar import is_working_day, month_days
from app.services import attendance_carry, policy, punch_days, summary_cache
from app.services.handover import covers_by_day
from app.services.context import Actor
from app.services.permissions import can, require

SUMMARY_FIELDS = ("days_due", "days_present", "late_count", "late_minutes", "early_leave_count",
                  "missing_punch_count", "absence_days", "leave_hours", "overtime_hours", "comp_hours_balance",
                  "penalty_rmb", "flags", "paid_days", "unpaid_leave_hours")
KIND_LABELS = {"personal": N_("Personal leave"), "sick": N_("Sick leave"), "marriage": N_("Marriage leave"),
               "bereavement": N_("Bereavement leave"), "annual": N_("Annual leave"), "comp": N_("Comp leave"),
               "offsite": N_("Off-site business")}
FLAG_LABELS = {"dismissal_review": N_("Dismissal review")}


def day_rules(values: dict[str, Any]) -> rules.DayRules:
    """The rules of a day from the policy values in force."""
    sessions = ((rules.parse_hhmm(values["attendance.morning_start"]), rules.parse_hhmm(values["attendance.morning_end"])),
                (rules.parse_hhmm(values["attendance.afternoon_start"]), rules.parse_hhmm(values["attendance.afternoon_end"])))
    return rules.DayRules(
        sessions=sessions, punches_per_day=int(values["attendance.punches_per_day"]),
        late_grace=values["attendance.late_grace_minutes"], long_absence_minutes=values["attendance.long_absence_minutes"],
        long_late_is_absence=values["attendance.long_late_is_absence"],
        early_leave_is_absence=values["attendance.early_leave_is_absence"],
        missing_is_absence=values["attendance.missing_punch_counts_as"] == "absence",
        off_post_minutes=values["attendance.off_post_minutes"],
        leave_overrun_is_absence=values["attendance.leave_overrun_is_absence"])


@dataclass
class Person:
    id: int
    employee_no: str
    name: str
    hire_date: date | None
    leave_date: date | None
    manager_id: int | None = None


@dataclass
class Schedule:
    """Everything needed to say whether a person is due on a day, loaded once per request."""

    values: dict[str, Any]
    rules: rules.DayRules
    calendar: dict[date, str]  # the shop's calendar: day -> kind, for the days that differ from the week pattern
    roster: set[tuple[int, date]]
    tracking_start: date | None
    _working: dict[date, bool] = field(default_factory=dict)

    def working_day(self, day: date) -> bool:
        hit = self._working.get(day)
        if hit is None:
            hit = self._working[day] = is_working_day(day, self.values["attendance.work_days"], self.calendar)
        return hit

    def is_scheduled(self, person: Person, day: date) -> bool:
        if self.tracking_start is None or day < self.tracking_start:
            return False
        if person.hire_date and day < person.hire_date:
            return False
        if person.leave_date and day > person.leave_date:
            return False
        return self.working_day(day) or (person.id, day) in self.roster

    def day_end(self, day: date) -> datetime:
        return _day_end(self.rules, day)


def _day_end(day_rules_: rules.DayRules, day: date) -> datetime:
    end = day_rules_.sessions[-1][1]
    return datetime.combine(day, time(end // 60, end % 60))


def _last_day_over(day_rules_: rules.DayRules, as_of: datetime) -> date:
    """The last day counted at ``as_of``: today once its last session has ended, else yesterday."""
    today = as_of.date()
    return today if _day_end(day_rules_, today) <= as_of else today - timedelta(days=1)


def load_schedule(s: Session, until: date) -> Schedule:
    values = policy.values_in(s)
    from app.services.calendar import load_calendar

    calendar = load_calendar(s)
    roster = {(e, d) for e, d in s.execute(select(RosterEntry.employee_id, RosterEntry.day).where(RosterEntry.day <= until))}
    start = values.get("attendance.tracking_start")
    if start:
        tracking = date.fromisoformat(start) if isinstance(start, str) else start
    else:
        first = s.execute(text("SELECT MIN(at) FROM punch")).scalar()
        tracking = _as_datetime(first).date() if first else None
    return Schedule(values, day_rules(values), calendar, roster, tracking)


def _as_datetime(value) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def load_people(s: Session, employee_ids: Iterable[int] | None = None) -> list[Person]:
    q = select(Employee.id, Employee.employee_no, Employee.name, Employee.hire_date, Employee.leave_date,
               Employee.manager_id).order_by(Employee.employee_no)
    if employee_ids is not None:
        q = q.where(Employee.id.in_(list(employee_ids)))
    return [Person(*row) for row in s.execute(q)]


def punches_by_day(s: Session, start: date, end: date, employee_ids: set[int] | None) -> dict[tuple[int, date], tuple[int, ...]]:
    """Punches and approved corrections in [start, end) as sorted minutes per (employee, day): one
    grouped scan on either engine (app.services.punch_days), or the punch rows one by one without
    the shortcut. Equal days share one tuple (most days repeat a handful of shapes)."""
    found: dict[tuple[int, date], tuple[int, ...]] = {}
    parsed: dict[str, tuple[int, ...]] = {}
    a, b = datetime.combine(start, time()), datetime.combine(end, time())
    scan = punch_days.day_minutes if PRIOR_SHORTCUT else punch_days.portable_day_minutes
    for emp, day, minutes in scan(s, start, end, employee_ids):  # only these people's rows are read
        value = parsed.get(minutes)
        if value is None:
            value = parsed[minutes] = tuple(sorted(map(int, minutes.split(","))))
        found[(emp, day)] = value
    for emp, at in s.execute(select(PunchCorrection.employee_id, PunchCorrection.at).where(
            PunchCorrection.status == "approved", PunchCorrection.at >= a, PunchCorrection.at < b)):
        if employee_ids is None or emp in employee_ids:
            key = (emp, at.date())
            found[key] = tuple(sorted((*found.get(key, ()), at.hour * 60 + at.minute)))
    return found


def excuses_by_day(s: Session, start: date, end: date, employee_ids: set[int] | None,
                   kinds: Iterable[str] | None = None) -> dict[tuple[int, date], list[rules.Excuse]]:
    """Approved leave and off-site time cut into days, in minutes from midnight."""
    # the columns only (the kiosk role may not read a leave's reason): the kiosk shows a person their month
    q = select(LeaveRequest.id, LeaveRequest.employee_id, LeaveRequest.kind, LeaveRequest.start, LeaveRequest.end) \
        .where(LeaveRequest.status == "approved", LeaveRequest.end > datetime.combine(start, time()),
               LeaveRequest.start < datetime.combine(end, time()))
    if kinds is not None:
        q = q.where(LeaveRequest.kind.in_(list(kinds)))
    found: dict[tuple[int, date], list[rules.Excuse]] = defaultdict(list)
    for req in s.execute(q):
        if employee_ids is not None and req.employee_id not in employee_ids:
            continue
        day = max(req.start.date(), start)
        while day < end and datetime.combine(day, time()) < req.end:
            a = rules.minute_of(req.start) if req.start.date() == day else 0
            b = rules.minute_of(req.end) if req.end.date() == day else 24 * 60
            if b > a:
                found[(req.employee_id, day)].append(rules.Excuse(a, b, req.kind, req.id))
            day += timedelta(days=1)
    return found


def _month_bounds(year: int, month: int) -> tuple[date, date]:
    if not (1 <= month <= 12 and 2000 <= year <= 2100):
        raise ValidationError("{value!r} is not a month; write it as YYYY-MM, e.g. 2026-11.", value=f"{year}-{month}")
    return date(year, month, 1), date(year + (month == 12), month % 12 + 1, 1)


def _evaluate(sched: Schedule, person: Person, day: date, punches, excuses, as_of: datetime, covers=None):
    """(scheduled, verdict or None) for one person-day; None when the day is not over yet."""
    if not sched.is_scheduled(person, day):
        return False, None
    if sched.day_end(day) > as_of:
        return True, None
    return True, rules.evaluate_day(sched.rules, punches.get((person.id, day), ()), excuses.get((person.id, day), ()),
                                    (covers or {}).get((person.id, day), ()))


def _employed_span(sched: Schedule, person: Person, start: date, end: date) -> tuple[date, date]:
    """The days in [start, end] on which the person can be scheduled (tracking, hire and leave dates)."""
    lo = max(d for d in (start, sched.tracking_start, person.hire_date) if d is not None)
    hi = min(d for d in (end, person.leave_date) if d is not None)
    if sched.tracking_start is None:
        return end, start  # nothing tracked yet: an empty span
    return lo, hi


@dataclass
class PriorInputs:
    """Days as stored (punches, leave, handovers) per (employee id, day), read once; judging them is
    the rules' work, with the settings in force."""

    punches: dict[tuple[int, date], tuple[int, ...]]
    excuses: dict[tuple[int, date], list[rules.Excuse]]
    covers: dict[tuple[int, date], list[tuple[int, int]]]


def load_prior_inputs(s: Session, start: date, end: date, ids: set[int] | None) -> PriorInputs:
    return PriorInputs(punches_by_day(s, start, end, ids), excuses_by_day(s, start, end, ids),
                       covers_by_day(s, start, end, ids))


@dataclass
class MonthInputs:
    """A month as stored, for summary_in: its people, their days and approved overtime."""

    people: list[Person]
    days: PriorInputs
    overtime: dict[int, float]
    # the fingerprint of the year before the month, taken when it is first judged: a caller that judges
    # the same month again in the same transaction without writing attendance rows (a dry run) reuses it
    year_fingerprint: tuple | None = None


def load_month_inputs(s: Session, year: int, month: int, employee_ids: Iterable[int] | None = None) -> MonthInputs:
    first, nxt = _month_bounds(year, month)
    ids = set(employee_ids) if employee_ids is not None else None
    return MonthInputs(load_people(s, ids), load_prior_inputs(s, first, nxt, ids), _overtime(s, first, nxt, ids))


def summary_in(s: Session, year: int, month: int, employee_ids: Iterable[int] | None = None,
               as_of: datetime | None = None, *, remember: bool = True,
               stored: MonthInputs | None = None) -> dict[int, dict]:
    """The monthly figures per employee id, inside the caller's session; no permission check.

    For other services (appraisal reads absence and late figures, documents print the report).
    Each value has employee_no, name and the fields of SUMMARY_FIELDS; days not over at ``as_of``
    (default: now) are not counted yet. ``remember=False`` keeps the year's verdicts out of the
    cache and ``stored`` is the month read already (load_month_inputs with the same people): a policy
    dry run judges the same month twice, the second time with settings that are rolled back.
    """
    with no_gc_pauses():
        return _summary_in(s, year, month, employee_ids, as_of, remember, stored)


def _summary_in(s: Session, year: int, month: int, employee_ids: Iterable[int] | None, as_of: datetime | None,
                remember: bool, stored: MonthInputs | None) -> dict[int, dict]:
    as_of = as_of or now()
    first, nxt = _month_bounds(year, month)
    ids = set(employee_ids) if employee_ids is not None else None
    stored = stored or load_month_inputs(s, year, month, ids)
    people = stored.people
    sched = load_schedule(s, nxt)
    last_done = _last_day_over(sched.rules, as_of)
    prior = _cached_prior(s, sched, people, year, month, min(first - timedelta(days=1), last_done), ids, remember,
                          inputs=stored)
    excuses, covers, punches = stored.days.excuses, stored.days.covers, stored.days.punches
    penalties = sched.values["attendance.penalties_rmb"]
    overtime = stored.overtime
    comp = _comp_balances(s, sched, people, nxt)
    days_of_month = [first + timedelta(days=i) for i in range((nxt - first).days)]
    working = {d: sched.working_day(d) for d in days_of_month}
    roster, day_rules_, evaluate_day = sched.roster, sched.rules, rules.evaluate_day
    seen: dict[tuple[int, ...], rules.DayVerdict] = {}
    unpaid_kinds, day_hours = sched.values["attendance.unpaid_leave_types"], day_rules_.day_minutes / 60
    result: dict[int, dict] = {}
    for person in people:
        row = rules.MonthFigures(person.employee_no, person.name)
        pid = person.id
        history: list[tuple[date, float, bool]] = []  # the month's days; the year before is prior's carry
        leave_minutes: dict[str, int] = defaultdict(int)
        lo, hi = _employed_span(sched, person, first, last_done)
        for day in days_of_month[(lo - first).days:(hi - first).days + 1] if lo <= hi else ():
            if not (working[day] or (pid, day) in roster):
                continue
            day_excuses = excuses.get((pid, day), ())
            day_cover = covers.get((pid, day), ())
            if day_excuses or day_cover:
                v = evaluate_day(day_rules_, punches.get((pid, day), ()), day_excuses, day_cover)
            else:  # without leave a day's verdict depends on its punches alone
                key = punches.get((pid, day), ())  # sorted
                v = seen.get(key)
                if v is None:
                    v = seen[key] = evaluate_day(day_rules_, key)
            history.append((day, v.absence, v.full_absence))
            row.days_due += 1
            row.days_present += 1 if v.present else 0
            row.late_count += v.late_count
            row.late_minutes += v.late_minutes
            row.early_leave_count += v.early_count
            row.missing_punch_count += v.missing_punches
            row.absence_days += v.absence
            if day_excuses:
                for kind, minutes in rules.excused_minutes(day_rules_, day_excuses).items():
                    leave_minutes[kind] += minutes
        for kind in rules.LEAVE_KINDS:
            row.leave_hours[kind] = round(leave_minutes.get(kind, 0) / 60, 2)
        row.absence_days = round(row.absence_days, 2)
        yearly = rules.year_absences(history, year, month, penalties,
                                     sched.values["attendance.dismissal_consecutive_days"],
                                     sched.values["attendance.dismissal_year_days"], prior.get(pid, rules.NO_CARRY))
        row.overtime_hours = round(overtime.get(person.id, 0.0), 2)
        row.comp_hours_balance = round(comp.get(person.id, 0.0), 2)
        row.penalty_rmb = yearly.penalty_rmb
        row.flags = yearly.flags
        row.unpaid_leave_hours, row.paid_days = rules.paid_figures(row.days_due, row.absence_days, row.leave_hours,
                                                                   unpaid_kinds, day_hours)
        result[person.id] = row.as_dict()
    return result


PRIOR_SHORTCUT = True  # tests switch the grouped scan off to compare it with the punch rows one by one


def prior_history(s: Session, sched: Schedule, people: list[Person], start: date, last: date,
                  ids: set[int] | None, inputs: PriorInputs | None = None) -> dict[int, list[tuple[date, float, bool]]]:
    """Each person's scheduled days in [start, last] as (day, absence, fully absent), in order: what
    the year's penalties and dismissal flag need from the months before the one summed up.

    One grouped scan loads the span's punches per person and day (app.services.punch_days), unless
    ``inputs`` (covering at least [start, last]) were read already; days without leave are judged
    once per distinct set of punches."""
    if last < start:
        return {}
    read = inputs is None
    if read:
        inputs = load_prior_inputs(s, start, last + timedelta(days=1), ids)
    return judge_days(sched.rules, days_due(sched, people, start, last, inputs, consume=read))


class DueDays(NamedTuple):
    """One person's scheduled days, as columns. A year of days kept this way is a few objects, not a
    tuple per day: the garbage collector walks every tuple it tracks at least once, with the GIL held,
    so 100,000 of them kept by a load on the executor thread would stop the window for ~70 ms."""

    days: tuple[date, ...]
    counts: array  # how many punches each day has (unsigned 16-bit; arrays are not tracked by the collector)
    minutes: array  # the days' sorted punch minutes, one day after the other
    special: dict[int, tuple[Sequence[rules.Excuse], Sequence[tuple[int, int]]]]  # index -> (leave and off-site, cover)

    def punched(self) -> Iterator[tuple[date, tuple[int, ...], tuple | None]]:
        """(day, sorted punch minutes, (leave and off-site, cover) or None) per day, in order."""
        minutes, special, at = self.minutes, self.special, 0
        for i, (day, n) in enumerate(zip(self.days, self.counts)):
            yield day, tuple(minutes[at:at + n]), special.get(i) if special else None
            at += n


def days_due(sched: Schedule, people: list[Person], start: date, last: date,
             inputs: PriorInputs, consume: bool = False) -> dict[int, DueDays]:
    """Each person's scheduled days in [start, last] with what was stored for them: who was due when
    (working week, calendar, roster, hire and leave dates), apart from the day rules that judge them.

    ``consume`` empties ``inputs.punches`` as it goes: a year's is a dict of 200,000 (person, day) keys,
    and freeing it in one piece holds the GIL (the window's too) for ~40 ms; a key at a time it does not."""
    excuses, covers, punches = inputs.excuses, inputs.covers, inputs.punches
    take = punches.pop if consume else punches.get
    days = [start + timedelta(days=i) for i in range((last - start).days + 1)]
    working = [sched.working_day(d) for d in days]
    roster = sched.roster
    # who has any leave, handover or rostered day at all: everyone else's days are looked up once each
    excused, rostered = {e for e, _d in excuses} | {e for e, _d in covers}, {e for e, _d in roster}
    out: dict[int, DueDays] = {}
    for person in people:
        pid, on_roster = person.id, person.id in rostered
        lo, hi = _employed_span(sched, person, start, last)
        due = [days[i] for i in range((lo - start).days, (hi - start).days + 1) if lo <= hi
               and (working[i] or (on_roster and (pid, days[i]) in roster))]
        counts, minutes = array("H"), array("H")
        for day in due:
            punched = take((pid, day), ())
            counts.append(len(punched))
            minutes.extend(punched)
        special = {}
        if pid in excused:
            for i, day in enumerate(due):
                extra = (excuses.get((pid, day)) or (), covers.get((pid, day)) or ())
                if extra[0] or extra[1]:
                    special[i] = extra
        out[pid] = DueDays(tuple(due), counts, minutes, special)
    return out


def judge_days(day_rules_: rules.DayRules, due: dict[int, DueDays]) -> dict[int, list[tuple[date, float, bool]]]:
    """days_due judged by the day's rules: (day, absence, fully absent) per day, in order."""
    evaluate_day = rules.evaluate_day
    seen: dict[tuple[int, ...], tuple[float, bool]] = {}  # the verdict of a day without leave is its punches'
    # equal rows are one tuple: a year's histories are then freed as lists of references, not 100,000 tuples
    shared: dict[tuple[date, float, bool], tuple[date, float, bool]] = {}
    keep = shared.setdefault
    out: dict[int, list[tuple[date, float, bool]]] = {}
    for pid, person_days in due.items():
        history: list[tuple[date, float, bool]] = []
        append = history.append
        for day, minutes, extra in person_days.punched():
            if extra is not None:
                v = evaluate_day(day_rules_, minutes, *extra)
                append((day, v.absence, v.full_absence))
                continue
            hit = seen.get(minutes)
            if hit is None:
                v = evaluate_day(day_rules_, minutes)
                hit = seen[minutes] = (v.absence, v.full_absence)
            row = (day, *hit)
            append(keep(row, row))
        out[pid] = history
    return out


# The year before a month, kept between calls: (database, year, month) -> _Prior. A policy dry run
# judges the year again with a value tried out; who was due when, with their punches, is then read
# and laid out once. The counts and highest ids of the rows dated before the month (punches are only
# appended) say whether anything it holds changed; the verdicts also depend on the settings, roster,
# calendar and people, which are part of their keys.
_HISTORY_CACHE_SIZE = 4
_VERDICTS_PER_MONTH = 4


@dataclass
class _Prior:
    stored: tuple  # fingerprint of the rows dated in [Jan 1, the month)
    due: dict[tuple, dict[int, DueDays]] = field(default_factory=dict)  # scheduled with … -> days_due (one)
    verdicts: dict[tuple, dict[int, rules.Carry]] = field(default_factory=dict)  # scheduled with …, day rules -> carries


_HISTORY_CACHE: dict[tuple, _Prior] = {}


def forget_kept(database_too: bool = False) -> None:
    """Forget what this process kept (the year's days and verdicts, whole summaries) and, with
    ``database_too``, the carries kept in the database: the next summary judges as a first one does."""
    _HISTORY_CACHE.clear()
    summary_cache.clear()
    if database_too:
        attendance_carry.forget()


def _cached_prior(s: Session, sched: Schedule, people: list[Person], year: int, month: int, last: date,
                  ids: set[int] | None, remember: bool,
                  inputs: MonthInputs | None = None) -> dict[int, rules.Carry]:
    """What each person's scheduled days of [Jan 1, last] carry into the month: kept in the database
    (attendance_carry) when the year before the month is over, else in this process when nothing it
    depends on changed, else judged. ``inputs`` (the month as read by the caller) keeps the year's
    fingerprint for a second judgement."""
    year_start, first = date(year, 1, 1), date(year, month, 1)
    if last < year_start:
        return {}
    kept = last == first - timedelta(days=1) and PRIOR_SHORTCUT  # the whole year before the month
    if kept:
        mark = attendance_carry.punch_mark(s)  # before anything dated in the year is read
        others = _carry_digest(s, sched, year_start, first)
        found = attendance_carry.load(s, f"{year}-{month:02d}", others, year_start, first)
        if found is not None:
            return found
    carries = _carried_on(s, sched, people, first) if kept and ids is None else None
    if carries is None:
        carries = _judged_prior(s, sched, people, year, month, last, ids, remember, inputs)
    if kept and remember and ids is None:
        attendance_carry.remember(s, f"{year}-{month:02d}", others, mark, carries)
    return carries


def _carry_digest(s: Session, sched: Schedule, year_start: date, first: date) -> str:
    """What judging the days of [year_start, first) reads besides the punches, as a digest."""
    shape = (first - timedelta(days=1), *_scheduled_with(s, sched, year_start, first))
    return attendance_carry.digest((shape, _others_fingerprint(s, year_start, first), sched.rules))


def _carried_on(s: Session, sched: Schedule, people: list[Person], first: date) -> dict[int, rules.Carry] | None:
    """The carries of the latest earlier month of the year still kept, moved on through the days between
    it and ``first``: a correction approved for last month re-judges that month, not the year."""
    year_start = date(first.year, 1, 1)
    for earlier in attendance_carry.kept_months(s, year_start, first):
        found = attendance_carry.load(s, f"{earlier:%Y-%m}", _carry_digest(s, sched, year_start, earlier),
                                      year_start, earlier)
        if found is None:
            continue
        days = judge_days(sched.rules, days_due(sched, people, earlier, first - timedelta(days=1),
                                                load_prior_inputs(s, earlier, first, None), consume=True))
        return {p.id: rules.carry_through(days.get(p.id, ()), found.get(p.id, rules.NO_CARRY)) for p in people}
    return None


def _judged_prior(s: Session, sched: Schedule, people: list[Person], year: int, month: int, last: date,
                  ids: set[int] | None, remember: bool, inputs: MonthInputs | None) -> dict[int, rules.Carry]:
    """_cached_prior's carries judged from the days, or from this process's cache of the year's days
    and verdicts (a dry run of a day rule judges again; one of penalties reuses them)."""
    year_start, first = date(year, 1, 1), date(year, month, 1)
    cache_key = (str(s.get_bind().url), current().generation, year, month)
    stored = inputs.year_fingerprint if inputs is not None else None
    if stored is None:
        stored = _stored_fingerprint(s, year_start, first)
        if inputs is not None:
            inputs.year_fingerprint = stored
    entry = _HISTORY_CACHE.pop(cache_key, None)
    if entry is None or entry.stored != stored:
        entry = _Prior(stored)
    _HISTORY_CACHE[cache_key] = entry  # the months looked at last stay
    while len(_HISTORY_CACHE) > _HISTORY_CACHE_SIZE:
        _HISTORY_CACHE.pop(next(iter(_HISTORY_CACHE)))
    shape = (last, *_scheduled_with(s, sched, year_start, first))
    judged_with = (*shape, sched.rules)
    prior = entry.verdicts.get(judged_with)
    if prior is not None:
        return prior
    due = entry.due.get(shape)
    if ids is not None:  # one person's summary: from the year laid out already, else only their year read
        if due is None:
            return _carried(prior_history(s, sched, people, year_start, last, ids))
        return _carried(judge_days(sched.rules, {pid: due[pid] for pid in ids if pid in due}))
    if due is None:  # who was due when, for the settings in force: trying out a day rule then only judges
        due = days_due(sched, people, year_start, last, load_prior_inputs(s, year_start, first, None), consume=True)
        for other in _HISTORY_CACHE.values():  # one year's days at a time
            other.due = {}
        entry.due = {shape: due}
    prior = _carried(judge_days(sched.rules, due))
    if remember:
        entry.verdicts[judged_with] = prior
        while len(entry.verdicts) > _VERDICTS_PER_MONTH:
            entry.verdicts.pop(next(iter(entry.verdicts)))
    return prior


def _carried(history: dict[int, list[tuple[date, float, bool]]]) -> dict[int, rules.Carry]:
    return {pid: rules.carry_through(days) for pid, days in history.items()}


def _stored_fingerprint(s: Session, start: date, end: date) -> tuple:
    """The punches, approved corrections and leave, and handovers dated in [start, end)."""
    a, b = datetime.combine(start, time()), datetime.combine(end, time())
    return (tuple(s.execute(select(func.count(), func.max(Punch.id)).where(Punch.at >= a, Punch.at < b)).one()),
            *_others_fingerprint(s, start, end))


def _others_fingerprint(s: Session, start: date, end: date) -> tuple:
    """The approved corrections and leave, and the handovers, dated in [start, end): their ids and spans
    (small tables; a decision or a cancelled leave changes the answer, a pending request does not)."""
    a, b = datetime.combine(start, time()), datetime.combine(end, time())
    return (
        tuple(s.execute(select(PunchCorrection.id, PunchCorrection.employee_id, PunchCorrection.at).where(
            PunchCorrection.status == "approved", PunchCorrection.at >= a, PunchCorrection.at < b)
            .order_by(PunchCorrection.id)).all()),
        tuple(s.execute(select(LeaveRequest.id, LeaveRequest.employee_id, LeaveRequest.kind, LeaveRequest.start,
                               LeaveRequest.end).where(LeaveRequest.status == "approved", LeaveRequest.start < b,
                                                       LeaveRequest.end > a).order_by(LeaveRequest.id)).all()),
        tuple(s.execute(select(HandoverRecord.id, HandoverRecord.employee_id, HandoverRecord.start,
                               HandoverRecord.back_at).where(HandoverRecord.start < b, HandoverRecord.back_at > a)
                        .order_by(HandoverRecord.id)).all()),
    )


def _scheduled_with(s: Session, sched: Schedule, start: date, end: date) -> tuple:
    """What says who was due on the days of [start, end), besides the stored rows: the roster, people's
    dates, the calendar, the tracking start and the working week. With the day rules (Schedule.rules)
    this is all prior_history reads: settings it never reads (penalties, the dismissal flag, unpaid
    leave types) are left out, so trying one of those out reuses the year's verdicts."""
    return (
        tuple(s.execute(select(func.count(), func.sum(RosterEntry.id)).where(
            RosterEntry.day >= start, RosterEntry.day < end)).one()),
        # people hired on or after ``end`` have no days in it: a new hire leaves the year's verdicts standing
        tuple(s.execute(select(Employee.id, Employee.hire_date, Employee.leave_date).where(
            or_(Employee.hire_date.is_(None), Employee.hire_date < end)).order_by(Employee.id)).all()),
        tuple(sorted(sched.calendar.items())), sched.tracking_start, tuple(sched.values["attendance.work_days"]),
    )


def _overtime(s: Session, first: date, nxt: date, ids: set[int] | None) -> dict[int, float]:
    rows = s.execute(select(OvertimeRequest.employee_id, func.sum(OvertimeRequest.hours)).where(
        OvertimeRequest.status == "approved", OvertimeRequest.start >= datetime.combine(first, time()),
        OvertimeRequest.start < datetime.combine(nxt, time())).group_by(OvertimeRequest.employee_id))
    return {e: float(h or 0) for e, h in rows if ids is None or e in ids}


def _comp_balances(s: Session, sched: Schedule, people: list[Person], nxt: date) -> dict[int, float]:
    """Comp hours earned by approved rest-day overtime minus comp leave taken, up to the month's end."""
    ids = {p.id for p in people}
    earned = dict(s.execute(select(OvertimeRequest.employee_id, func.sum(OvertimeRequest.comp_hours)).where(
        OvertimeRequest.status == "approved", OvertimeRequest.start < datetime.combine(nxt, time()))
        .group_by(OvertimeRequest.employee_id)).all())
    taken: dict[int, float] = defaultdict(float)
    first_comp = s.execute(select(func.min(LeaveRequest.start)).where(
        LeaveRequest.status == "approved", LeaveRequest.kind == "comp")).scalar()
    if first_comp is not None:
        by_person = {p.id: p for p in people}
        for (emp, day), exs in excuses_by_day(s, first_comp.date(), nxt, ids, kinds=("comp",)).items():
            person = by_person.get(emp)
            if person is None or not (sched.working_day(day) or (emp, day) in sched.roster):
                continue
            taken[emp] += rules.excused_minutes(sched.rules, exs).get("comp", 0) / 60
    return {pid: float(earned.get(pid) or 0) - taken.get(pid, 0.0) for pid in ids}


def _visible_ids(s: Session, actor: Actor) -> set[int] | None:
    """Everyone for attendance.view_all; otherwise only the actor's own record."""
    if can(actor, "attendance.view_all"):
        return None
    require(actor, "attendance.view_own")
    return {actor.employee_id} if actor.employee_id else set()


def _ids_for(s: Session, actor: Actor, employee_nos: Iterable[str] | None) -> set[int] | None:
    visible = _visible_ids(s, actor)
    if employee_nos is None:
        return visible
    wanted = set(s.execute(select(Employee.id).where(Employee.employee_no.in_(list(employee_nos)))).scalars())
    return wanted if visible is None else wanted & visible


def monthly_summary(actor: Actor, year: int, month: int, employee_nos: Iterable[str] | None = None,
                    as_of: datetime | None = None) -> list[dict]:
    """The monthly attendance summary (月度考勤汇总), one dict per employee sorted by 工号:
    employee_no, name and the fields of SUMMARY_FIELDS. Staff see only their own row."""
    require(actor, "attendance.view_own")
    from app.services.month_close import snapshot_in

    with reading() as s:
        ids = _ids_for(s, actor, employee_nos)
        frozen = snapshot_in(s, f"{year}-{month:02d}")
        if frozen is not None:  # a closed month: the figures pay was based on, as stored
            wanted = None if ids is None else set(s.execute(
                select(Employee.employee_no).where(Employee.id.in_(list(ids)))).scalars())
            return [r for r in frozen[1] if wanted is None or r["employee_no"] in wanted]
        rows = _kept_summary(s, year, month, ids, as_of or now())
    attendance_carry.flush()  # the year's carries worked out just now, for the next process
    return sorted(rows.values(), key=lambda r: r["employee_no"])


def _kept_summary(s: Session, year: int, month: int, ids: set[int] | None, as_of: datetime) -> dict[int, dict]:
    """summary_in, or what it answered last time when nothing it reads changed (app.services.summary_cache)."""
    if not PRIOR_SHORTCUT:  # tests and the bench compare with the summary judged from the punch rows
        return summary_in(s, year, month, ids, as_of)
    first, nxt = _month_bounds(year, month)
    mark = attendance_carry.punch_mark(s)  # before anything dated is read
    values = policy.values_in(s)
    done = _last_day_over(day_rules(values), as_of)
    key = (str(s.get_bind().url), current().generation, year, month, None if ids is None else frozenset(ids))
    read = summary_cache.inputs(s, first, nxt, values, done)
    rows = summary_cache.get(s, key, read, nxt)
    if rows is None:
        rows = summary_in(s, year, month, ids, as_of)
        summary_cache.put(key, read, mark, rows)
    return rows


@dataclass(frozen=True)
class GridCell:
    """Equal cells are one object (month_table): a month of 500 people is then a handful of cells,
    not 15,000 objects for the garbage collector to walk."""

    status: str  # a code of app.rules.attendance
    letter: str  # the letter printed with the colour, in the current language
    scheduled: bool

    def __str__(self) -> str:
        return self.status


def month_grid(actor: Actor, year: int, month: int, as_of: datetime | None = None) -> dict[str, list[GridCell]]:
    """The month per person per day: {employee_no: [GridCell for day 1, day 2, …]} (str(cell) is
    its status code). Used by the printed attendance report; see month_table for the window."""
    table = month_table(actor, year, month, as_of)
    return {p["employee_no"]: p["cells"] for p in table["people"]}


def month_table(actor: Actor, year: int, month: int, as_of: datetime | None = None) -> dict:
    """The month as a grid: {"days": [date…], "people": [{"employee_no", "name", "cells": [GridCell…]}]}.

    A cell's status is a code of app.rules.attendance (normal, late, early, absent, missing, leave,
    offsite, rest, none) with its translated letter; rest marks an unscheduled day, none a day not
    yet over or outside the person's employment.
    """
    require(actor, "attendance.view_own")
    as_of = as_of or now()
    first, nxt = _month_bounds(year, month)
    with reading() as s:
        ids = _visible_ids(s, actor)
        people = load_people(s, ids)
        sched = load_schedule(s, nxt)
        punches = punches_by_day(s, first, nxt, ids)
        excuses = excuses_by_day(s, first, nxt, ids)
        covers = covers_by_day(s, first, nxt, ids)
    days = month_days(year, month)
    out = []
    lang, cell_of = language(), {}
    for person in people:
        cells = []
        for day in days:
            scheduled, v = _evaluate(sched, person, day, punches, excuses, as_of, covers)
            employed = not ((person.hire_date and day < person.hire_date) or (person.leave_date and day > person.leave_date))
            if v is not None:
                code = v.status
            elif not scheduled and employed and not sched.working_day(day):
                code = rules.REST
            else:
                code = rules.NONE
            cell = cell_of.get((code, scheduled))
            if cell is None:
                cell = cell_of[(code, scheduled)] = GridCell(code, rules.status_letter(code, lang), scheduled)
            cells.append(cell)
        out.append({"employee_no": person.employee_no, "name": person.name, "cells": cells})
    return {"days": days, "people": out}


def day_detail(actor: Actor, employee_no: str, day: date, as_of: datetime | None = None) -> dict:
    """One person-day explained: punches, corrections, leave, the verdict and its reasons (translated)."""
    require(actor, "attendance.view_own")
    as_of = as_of or now()
    with reading() as s:
        emp = s.execute(select(Employee.id, Employee.employee_no, Employee.name, Employee.hire_date, Employee.leave_date)
                        .where(Employee.employee_no == employee_no)).first()  # columns the kiosk role may read
        if emp is None:
            from app.errors import NotFound

            raise NotFound("There is no employee with no. {no}.", no=employee_no)
        visible = _visible_ids(s, actor)
        if visible is not None and emp.id not in visible:
            from app.errors import PermissionDenied

            raise PermissionDenied("You may only see your own attendance.")
        person = Person(emp.id, emp.employee_no, emp.name, emp.hire_date, emp.leave_date)
        sched = load_schedule(s, day + timedelta(days=1))
        raw = s.execute(text("SELECT at, source FROM punch WHERE employee_id = :e AND at >= :a AND at < :b ORDER BY at"),
                        {"e": emp.id, "a": datetime.combine(day, time()), "b": datetime.combine(day + timedelta(days=1), time())}).all()
        punch_list = [(_as_datetime(at), source) for at, source in raw]
        corrections = s.execute(select(PunchCorrection.id, PunchCorrection.at, PunchCorrection.status,
                                       PunchCorrection.reason).where(
            PunchCorrection.employee_id == emp.id, PunchCorrection.at >= datetime.combine(day, time()),
            PunchCorrection.at < datetime.combine(day + timedelta(days=1), time()))).all()
        excuses = excuses_by_day(s, day, day + timedelta(days=1), {emp.id})
        covers = covers_by_day(s, day, day + timedelta(days=1), {emp.id})
        punches = punches_by_day(s, day, day + timedelta(days=1), {emp.id})
    scheduled, v = _evaluate(sched, person, day, punches, excuses, as_of, covers)
    reasons = [_(msg, **{k: _(KIND_LABELS.get(val, val)) if isinstance(val, str) else val for k, val in params.items()})
               for msg, params in (v.reasons if v else [])]
    if not scheduled:
        reasons = [_("Not a scheduled day for this person.")]
    elif v is None:
        reasons = [_("The day is not over yet.")]
    status = v.status if v else (rules.NONE if scheduled or sched.working_day(day) else rules.REST)
    return {
        "employee_no": emp.employee_no, "name": emp.name, "day": day, "scheduled": scheduled,
        "status": status, "status_label": rules.status_label(status),
        "remedy": _("File a correction (补卡)") if status == rules.MISSING else "",
        "off_post": [{"out": rules.hhmm(a), "back": rules.hhmm(b), "minutes": m} for a, b, m in (v.off_post if v else [])],
        "punches": [{"at": at, "source": source} for at, source in punch_list],
        "corrections": [{"id": c.id, "at": c.at, "status": c.status, "reason": c.reason} for c in corrections],
        "leave": [{"kind": ex.kind, "label": _(KIND_LABELS[ex.kind]), "start": rules.hhmm(ex.start),
                   "end": rules.hhmm(min(ex.end, 24 * 60 - 1))} for ex in excuses.get((emp.id, day), [])],
        "handovers": [{"start": rules.hhmm(a), "back": rules.hhmm(b)} for a, b in covers.get((emp.id, day), [])],
        "reasons": reasons,
    }


def summary_table(rows: list[dict]) -> tuple[list[str], list[list]]:
    """The summary as a header and rows for CSV/XLSX (leave hours one column per type)."""
    header = [_("Employee no."), _("Name"), _("Days due"), _("Days present"), _("Late count"), _("Late minutes"),
              _("Early leave count"), _("Missing punches"), _("Absence days"), _("Unpaid leave (h)"), _("Paid days")]
    header += [_(KIND_LABELS[k]) + " " + _("(h)") for k in rules.LEAVE_KINDS]
    header += [_("Overtime (h)"), _("Comp balance (h)"), _("Penalty (RMB)"), _("Flags")]
    body = []
    for r in rows:
        body.append([r["employee_no"], r["name"], r["days_due"], r["days_present"], r["late_count"], r["late_minutes"],
                     r["early_leave_count"], r["missing_punch_count"], r["absence_days"], r["unpaid_leave_hours"],
                     r["paid_days"]]
                    + [r["leave_hours"][k] for k in rules.LEAVE_KINDS]
                    + [r["overtime_hours"], r["comp_hours_balance"], r["penalty_rmb"],
                       ", ".join(_(FLAG_LABELS.get(f, f)) for f in r["flags"])])
    return header, body


def export_month(actor: Actor, year: int, month: int, path: str | Path) -> int:
    """Write the month's summary to CSV or XLSX (by the file's suffix); returns the number of rows."""
    from app.io.tables import write_table

    require(actor, "attendance.view_all")
    rows = monthly_summary(actor, year, month)
    header, body = summary_table(rows)
    write_table(path, header, body, sheet_title=f"{year}-{month:02d}")
    return len(rows)
