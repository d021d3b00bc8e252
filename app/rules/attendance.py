"""Evaluating attendance (考勤): one scheduled day, leave hours, and the year's absence penalties.

Pure functions over plain values. Times inside a day are minutes from midnight; punches are
compared at minute resolution (the clock shows 08:30 until 08:31), so 08:30:59 is on time.
Every verdict carries its reasons as (message id, params) for the person who asks "why?".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Iterable, Sequence

from app.i18n import N_

# status codes of a day (the grid colours in ui/theme.py use the same keys)
NORMAL, LATE, EARLY, ABSENT, MISSING, LEAVE, OFFSITE, REST, NONE = (
    "normal", "late", "early", "absent", "missing", "leave", "offsite", "rest", "none")
# The one vocabulary of a day's status: the rules, the grid, the day detail, the PDF report and the
# exports all show these words and letters. The labels are looked up in the attendance context
# (status_label), so "Normal" as a task priority never replaces "Normal" as a day status.
STATUS_CONTEXT = "attendance"
STATUS_LABELS = {NORMAL: N_("Normal"), LATE: N_("Late"), EARLY: N_("Early leave"), MISSING: N_("Missing punch"),
                 ABSENT: N_("Absent"), LEAVE: N_("Leave"), OFFSITE: N_("Off-site"), REST: N_("Rest"),
                 NONE: N_("Not scheduled")}
SHOWN_STATUSES = (NORMAL, LATE, EARLY, MISSING, ABSENT, LEAVE, OFFSITE, REST)  # legends, in this order
# the letter printed with each colour, per language (single letters are too ambiguous for a shared catalogue)
STATUS_LETTERS = {
    "en": {NORMAL: "√", LATE: "L", EARLY: "E", ABSENT: "A", MISSING: "M", LEAVE: "V", OFFSITE: "O", REST: "R", NONE: ""},
    "zh_CN": {NORMAL: "√", LATE: "迟", EARLY: "早", ABSENT: "旷", MISSING: "缺", LEAVE: "假", OFFSITE: "外", REST: "休",
              NONE: ""},
}


def status_letter(status: str, language: str | None = None) -> str:
    from app.i18n import language as current

    return STATUS_LETTERS.get(language or current(), STATUS_LETTERS["en"]).get(status, "?")


def status_label(status: str) -> str:
    """The day status in the current language, from the attendance vocabulary."""
    from app.i18n import translate_in

    return translate_in(STATUS_CONTEXT, STATUS_LABELS[status])


LEAVE_KINDS = ("personal", "sick", "marriage", "bereavement", "annual", "comp")
EXCUSE_KINDS = LEAVE_KINDS + ("offsite",)


def minute_of(moment: datetime | time) -> int:
    """Minutes from midnight, seconds dropped."""
    return moment.hour * 60 + moment.minute


def hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def parse_hhmm(text: str) -> int:
    hh, mm = text.split(":")
    return int(hh) * 60 + int(mm)


@dataclass(frozen=True)
class DayRules:
    """The policy in force, as the rules need it."""

    sessions: tuple[tuple[int, int], ...] = ((510, 720), (810, 1050))  # 08:30-12:00, 13:30-17:30
    punches_per_day: int = 4
    late_grace: int = 0
    long_absence_minutes: int = 60
    long_late_is_absence: bool = True
    early_leave_is_absence: bool = True
    missing_is_absence: bool = False  # a session with a single punch: 缺卡 to correct, or an absence too
    off_post_minutes: int = 60  # out and back this long or longer, not covered, is an absence (0: off)
    leave_overrun_is_absence: bool = True  # arriving after an approved leave ended

    @property
    def day_minutes(self) -> int:
        return sum(e - s for s, e in self.sessions)


@dataclass(frozen=True)
class Excuse:
    """Approved leave or off-site time on this day, in minutes from midnight."""

    start: int
    end: int
    kind: str  # one of EXCUSE_KINDS
    order: int = 0  # earlier requests claim overlapping time first


@dataclass
class SessionVerdict:
    start: int
    end: int
    weight: float
    punches: list[int] = field(default_factory=list)
    excused_by: str | None = None
    late: int = 0
    early: int = 0
    missing: bool = False
    absent: bool = False
    after_leave: bool = False  # the session starts where an approved leave ends


@dataclass
class DayVerdict:
    status: str
    late_count: int = 0
    late_minutes: int = 0
    early_count: int = 0
    early_minutes: int = 0
    missing_punches: int = 0
    absence: float = 0.0  # 0, 0.5 or 1 (day fractions)
    present: bool = False  # at least one punch
    full_absence: bool = False  # every session that was due is absent
    off_post: list[tuple[int, int, int]] = field(default_factory=list)  # (out, back, uncovered minutes)
    unpaired: list[int] = field(default_factory=list)  # punches between arrival and departure without a pair
    sessions: list[SessionVerdict] = field(default_factory=list)  # empty for a plain normal day
    reasons: list[tuple[str, dict]] = field(default_factory=list)


def _trim(start: int, end: int, excuses: Sequence[Excuse]) -> tuple[int, int, str | None]:
    """Shrink a session by excuses that cover its beginning or end; excused when nothing is left."""
    kind = None
    changed = True
    while changed and start < end:
        changed = False
        for ex in excuses:
            if ex.start <= start < ex.end:
                start, kind, changed = min(ex.end, end), ex.kind, True
            if ex.start < end <= ex.end and start < end:
                end, kind, changed = max(ex.start, start), ex.kind, True
    return start, end, kind


def _nearest(groups: list[SessionVerdict], p: int) -> SessionVerdict:
    best, best_d = groups[0], None
    for g in groups:
        d = 0 if g.start <= p <= g.end else min(abs(p - g.start), abs(p - g.end))
        if best_d is None or d <= best_d:  # a tie (the middle of a break) goes to the later session
            best, best_d = g, d
    return best


def evaluate_day(rules: DayRules, punches: Iterable[int], excuses: Sequence[Excuse] = (),
                 cover: Sequence[tuple[int, int]] = ()) -> DayVerdict:
    """The verdict on one scheduled day for one person.

    ``punches`` are minutes from midnight (corrections included); ``excuses`` approved leave and
    off-site time; ``cover`` other approved off-post time (handover records). Each session's first
    punch is compared with its start (late), its last with its end (early leave), the punches between
    pair up as out and back (off the post); no punch makes the session absent, one punch is a missing
    punch (缺卡: absent too only when the shop says so).
    """
    punches = sorted(punches)
    if not excuses and len(punches) == 4 and rules.punches_per_day == 4 and len(rules.sessions) == 2:
        (s0, e0), (s1, e1) = rules.sessions
        p0, p1, p2, p3 = punches
        # the everyday case, decided without building sessions: in before the start and out after
        # the end of both sessions, the two middle punches on their own side of the break's middle
        if p0 <= s0 and e0 <= p1 and 2 * p1 < e0 + s1 <= 2 * p2 and p2 <= s1 and p3 >= e1:
            return DayVerdict(status=NORMAL, present=True)
    return evaluate_full(rules, punches, excuses, cover)


def _minus(pieces: list[tuple[int, int]], ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of ``pieces`` (minute ranges) outside every one of ``ranges``."""
    for cs, ce in ranges:
        nxt = []
        for ps, pe in pieces:
            if ce <= ps or cs >= pe:
                nxt.append((ps, pe))
                continue
            if ps < cs:
                nxt.append((ps, cs))
            if ce < pe:
                nxt.append((ce, pe))
        pieces = nxt
    return pieces


def uncovered_minutes(rules: DayRules, out: int, back: int, excuses: Sequence[Excuse] = (),
                      cover: Sequence[tuple[int, int]] = ()) -> int:
    """Scheduled minutes in [out, back) that no leave, off-site or handover time covers."""
    pieces = [(max(out, s), min(back, e)) for s, e in rules.sessions if max(out, s) < min(back, e)]
    pieces = _minus(pieces, [(x.start, x.end) for x in excuses])
    pieces = _minus(pieces, cover)
    return sum(e - s for s, e in pieces)


def evaluate_full(rules: DayRules, punches: Sequence[int], excuses: Sequence[Excuse] = (),
                  cover: Sequence[tuple[int, int]] = ()) -> DayVerdict:
    """evaluate_day without its shortcut for a plain normal day (the shortcut is tested against this)."""
    punches = sorted(punches)
    weight = 1.0 / len(rules.sessions)
    base: list[SessionVerdict] = []
    for s, e in rules.sessions:
        ts, te, kind = _trim(s, e, excuses)
        v = SessionVerdict(ts, te, weight, after_leave=s < ts < te and any(ex.end == ts for ex in excuses))
        if ts >= te:
            v.excused_by = kind or "leave"
        base.append(v)
    verdict = DayVerdict(status=NORMAL, present=bool(punches), sessions=base)
    active = [v for v in base if v.excused_by is None]
    for v in base:
        if v.excused_by is not None:
            verdict.reasons.append((N_("{start}-{end} excused: {kind}"),
                                    {"start": hhmm(v.start), "end": hhmm(v.end), "kind": v.excused_by}))
    if not active:
        kinds = [v.excused_by for v in base]
        verdict.status = OFFSITE if kinds.count("offsite") > len(kinds) / 2 else LEAVE
        return verdict
    if rules.punches_per_day == 2:
        groups = [SessionVerdict(active[0].start, active[-1].end, weight * len(active),
                                 after_leave=active[0].after_leave)]
    else:
        groups = active
    for p in punches:
        _nearest(groups, p).punches.append(p)
    day_absent = False
    for g in groups:
        span = {"start": hhmm(g.start), "end": hhmm(g.end)}
        if not g.punches:
            g.absent = True
            verdict.reasons.append((N_("{start}-{end}: no punch, absent"), span))
            continue
        if len(g.punches) == 1:
            g.missing = True
            verdict.missing_punches += 1
            if rules.missing_is_absence:
                g.absent = True
                verdict.reasons.append((N_("{start}-{end}: only one punch ({at}), missing punch, absent"),
                                        {**span, "at": hhmm(g.punches[0])}))
            else:
                verdict.reasons.append((N_("{start}-{end}: only one punch ({at}): a missing punch, to be corrected "
                                           "with a correction request (补卡)"), {**span, "at": hhmm(g.punches[0])}))
            continue
        first, last = g.punches[0], g.punches[-1]
        g.late, g.early = max(0, first - g.start), max(0, g.end - last)
        if _off_post(rules, g, verdict, excuses, cover, span):
            day_absent = True
        if rules.leave_overrun_is_absence and g.after_leave and g.late > rules.late_grace:
            day_absent = True
            verdict.reasons.append((N_("{start}-{end}: in at {at}, after the leave ended at {start}, with no extension: "
                                       "the day is an absence"), {**span, "at": hhmm(first)}))
            continue
        limit = rules.long_absence_minutes
        # "迟到或早退1小时以上": 以上 includes the number itself (Civil Code art. 1259)
        if rules.long_late_is_absence and (g.late >= limit or g.early >= limit):
            day_absent = True
            which = N_("late") if g.late >= limit else N_("early")
            verdict.reasons.append((N_("{start}-{end}: {which} by {minutes} min ({limit} or more), the day is an absence"),
                                    {**span, "which": which, "minutes": max(g.late, g.early), "limit": limit}))
            continue
        if g.late > rules.late_grace:
            verdict.late_count += 1
            verdict.late_minutes += g.late
            verdict.reasons.append((N_("{start}-{end}: in at {at}, late by {minutes} min"),
                                    {**span, "at": hhmm(first), "minutes": g.late}))
        if g.early > 0:
            verdict.early_count += 1
            verdict.early_minutes += g.early
            verdict.reasons.append((N_("{start}-{end}: out at {at}, early leave by {minutes} min"),
                                    {**span, "at": hhmm(last), "minutes": g.early}))
            if rules.early_leave_is_absence:
                day_absent = True
                verdict.reasons.append((N_("An early leave makes the day an absence"), {}))
    due = sum(g.weight for g in groups)
    if day_absent:
        for g in groups:
            g.absent = True
    verdict.absence = round(min(due, sum(g.weight for g in groups if g.absent)), 4)
    verdict.full_absence = verdict.absence > 0 and all(g.absent for g in groups) and len(active) == len(base)
    if verdict.early_count:
        verdict.status = EARLY
    elif any(g.absent and not g.missing for g in groups):
        verdict.status = ABSENT
    elif verdict.missing_punches:
        verdict.status = MISSING
    elif verdict.late_count:
        verdict.status = LATE
    elif len(active) < len(base):
        verdict.status = OFFSITE if any(v.excused_by == "offsite" for v in base) else LEAVE
    return verdict


def _off_post(rules: DayRules, g: SessionVerdict, verdict: DayVerdict, excuses: Sequence[Excuse],
              cover: Sequence[tuple[int, int]], span: dict) -> bool:
    """Pair the punches between arrival and departure as out and back; True when an interval off
    the post, not covered by approved time, reaches the limit (the day is then an absence)."""
    middle = g.punches[1:-1]
    if not middle:
        return False
    if len(middle) % 2:
        verdict.unpaired.append(middle[-1])
        verdict.reasons.append((N_("Punch at {at} has no pair between arrival and departure; it is ignored"),
                                {"at": hhmm(middle[-1])}))
        middle = middle[:-1]
    absent = False
    for out, back in zip(middle[0::2], middle[1::2]):
        away = uncovered_minutes(rules, out, back, excuses, cover)
        verdict.off_post.append((out, back, away))
        if rules.off_post_minutes and away >= rules.off_post_minutes:
            absent = True
            verdict.reasons.append((N_("Off the post {out}-{back}: {minutes} min without approval ({limit} or more), "
                                       "the day is an absence"),
                                    {"out": hhmm(out), "back": hhmm(back), "minutes": away, "limit": rules.off_post_minutes}))
        elif away:
            verdict.reasons.append((N_("Off the post {out}-{back}: {minutes} min"),
                                    {"out": hhmm(out), "back": hhmm(back), "minutes": away}))
    return absent


def excused_minutes(rules: DayRules, excuses: Sequence[Excuse]) -> dict[str, int]:
    """Scheduled minutes of this day each kind of leave covers; overlapping requests are counted
    once, by the earlier request (lower ``order``)."""
    result: dict[str, int] = {}
    for s, e in rules.sessions:
        covered: list[tuple[int, int]] = []
        for ex in sorted(excuses, key=lambda x: (x.order, x.start)):
            a, b = max(s, ex.start), min(e, ex.end)
            if a >= b:
                continue
            pieces = _minus([(a, b)], covered)
            gained = sum(pe - ps for ps, pe in pieces)
            if gained:
                result[ex.kind] = result.get(ex.kind, 0) + gained
                covered.extend(pieces)
    return result


def penalty_amounts(occurrence_numbers: Iterable[int], penalties: Sequence[int]) -> list[int]:
    """The n-th absence occurrence of the year costs the n-th penalty; the last entry repeats."""
    if not penalties:
        return [0 for _ in occurrence_numbers]
    return [penalties[min(n, len(penalties)) - 1] for n in occurrence_numbers]


@dataclass
class YearAbsences:
    """What the year so far says about one person's absences, seen from one month."""

    penalty_rmb: int = 0
    occurrences_in_month: int = 0
    year_absence_days: float = 0.0
    flags: list[str] = field(default_factory=list)
    penalty_amounts: list[int] = field(default_factory=list)


# What a person's scheduled days before a month carry into it: (absence occurrences, absence days, the
# run of fully absent days they end with). The year's penalties and dismissal flag need nothing else.
Carry = tuple[int, float, int]
NO_CARRY: Carry = (0, 0.0, 0)


def carry_through(days: Iterable[tuple[date, float, bool]], carried: Carry = NO_CARRY) -> Carry:
    """``carried`` moved through ``days`` (day, absence fraction, fully absent), in order."""
    n, total, run = carried
    for _day, absence, full in days:
        if absence > 0:
            n += 1
            total += absence
        run = run + 1 if full else 0
    return n, total, run


def year_absences(days: Sequence[tuple[date, float, bool]], year: int, month: int, penalties: Sequence[int],
                  consecutive: int = 2, year_days: float = 3, carried: Carry = NO_CARRY) -> YearAbsences:
    """Penalties and the dismissal-review flag for ``month``.

    ``days`` are the person's scheduled days of the calendar year up to the end of the month, in
    order, as (day, absence fraction, fully absent); or only some of the last ones, with what the days
    before them carry (``carried``, see carry_through). Each day with any absence is one occurrence;
    the month's occurrences are priced by their number in the year. ``dismissal_review`` when
    ``consecutive`` scheduled days in a row are fully absent (the run ending in this month) or
    the year's absence days reach ``year_days`` by the end of this month.
    """
    result = YearAbsences()
    n, result.year_absence_days, run = carried
    numbers: list[int] = []
    for day, absence, full in days:
        if day.year != year or (day.month > month):
            continue
        if absence > 0:
            n += 1
            result.year_absence_days += absence
            if day.month == month:
                numbers.append(n)
        run = run + 1 if full else 0
        if run >= consecutive and day.month == month and "dismissal_review" not in result.flags:
            result.flags.append("dismissal_review")
    result.year_absence_days = round(result.year_absence_days, 4)
    if result.year_absence_days >= year_days and numbers and "dismissal_review" not in result.flags:
        result.flags.append("dismissal_review")
    result.occurrences_in_month = len(numbers)
    result.penalty_amounts = penalty_amounts(numbers, penalties)
    result.penalty_rmb = sum(result.penalty_amounts)
    return result


@dataclass
class MonthFigures:
    """One person's month (月度考勤汇总): the one figures type the summary, its exports, the CLI's JSON and
    the printed report share. Leave hours per type; ``paid_days`` = days due less unpaid leave days less
    absence days (never below zero)."""

    employee_no: str
    name: str
    days_due: int = 0
    days_present: int = 0
    late_count: int = 0
    late_minutes: int = 0
    early_leave_count: int = 0
    missing_punch_count: int = 0
    absence_days: float = 0.0
    leave_hours: dict[str, float] = field(default_factory=lambda: {k: 0.0 for k in LEAVE_KINDS})
    overtime_hours: float = 0.0
    comp_hours_balance: float = 0.0
    penalty_rmb: int = 0
    flags: list[str] = field(default_factory=list)
    unpaid_leave_hours: float = 0.0
    paid_days: float = 0.0

    def as_dict(self) -> dict:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def paid_figures(days_due: float, absence_days: float, leave_hours: dict[str, float], unpaid_kinds: Iterable[str],
                 day_hours: float) -> tuple[float, float]:
    """(unpaid leave hours, paid days): pay counts the month's actual working days due, less unpaid leave
    (personal and sick by default) and absence."""
    unpaid = round(sum(leave_hours.get(k, 0.0) for k in unpaid_kinds), 2)
    paid = days_due - (unpaid / day_hours if day_hours else 0) - absence_days
    return unpaid, round(float(min(days_due, max(0.0, paid))), 2)  # a float even when it is the whole month
