"""The rules of an attendance day (app/rules/attendance.py), boundary by boundary."""

from datetime import date

import pytest
from hypothesis import given, settings, strategies as st

from app.rules import attendance as r
from app.rules.calendar import HOLIDAY, MAKEUP, REST, WORKDAY, day_kind, is_plan_day, is_working_day

RULES = r.DayRules()  # 08:30-12:00, 13:30-17:30, four punches, grace 0, >60 min is absence, early leave is absence


def m(text: str) -> int:
    return r.parse_hhmm(text)


def day(*punches: str, excuses=(), rules=RULES) -> r.DayVerdict:
    return r.evaluate_day(rules, [m(p) for p in punches], excuses)


NORMAL_DAY = ("08:20", "12:01", "13:25", "17:31")


@pytest.mark.parametrize("first_in, status, late_count, late_minutes, absence", [
    ("08:30", r.NORMAL, 0, 0, 0),        # exactly at the start is on time
    ("08:29", r.NORMAL, 0, 0, 0),
    ("08:31", r.LATE, 1, 1, 0),
    ("09:29", r.LATE, 1, 59, 0),         # 59 minutes late is still late
    ("09:30", r.ABSENT, 0, 0, 1.0),      # "1小时以上" includes 60: the day is an absence instead
])
def test_late_boundaries(first_in, status, late_count, late_minutes, absence):
    v = day(first_in, "12:01", "13:25", "17:31")
    assert (v.status, v.late_count, v.late_minutes, v.absence) == (status, late_count, late_minutes, absence)


def test_seconds_do_not_make_a_punch_late():
    # punches are compared at minute resolution: 08:30:59 reads 08:30 on the clock
    v = r.evaluate_day(RULES, [r.minute_of(__import__("datetime").time(8, 30, 59)), m("12:00"), m("13:30"), m("17:30")])
    assert v.status == r.NORMAL and v.late_count == 0


def test_grace_minutes():
    rules = r.DayRules(late_grace=5)
    assert day("08:35", "12:00", "13:30", "17:30", rules=rules).late_count == 0
    v = day("08:36", "12:00", "13:30", "17:30", rules=rules)
    assert (v.late_count, v.late_minutes) == (1, 6)


@pytest.mark.parametrize("last_out, early_count, absence, status", [
    ("17:30", 0, 0, r.NORMAL),
    ("17:29", 1, 1.0, r.EARLY),          # an early leave is counted and makes the day an absence
    ("16:31", 1, 1.0, r.EARLY),          # 59 minutes early: still an early leave
    ("16:30", 0, 1.0, r.ABSENT),         # 60 or more: absence instead of an early leave
])
def test_early_leave_boundaries(last_out, early_count, absence, status):
    v = day("08:20", "12:01", "13:25", last_out)
    assert (v.early_count, v.absence, v.status) == (early_count, absence, status)


def test_early_leave_without_the_absence_setting_is_only_an_early_leave():
    v = day("08:20", "12:01", "13:25", "17:00", rules=r.DayRules(early_leave_is_absence=False))
    assert (v.status, v.early_count, v.early_minutes, v.absence) == (r.EARLY, 1, 30, 0)


def test_long_late_setting_off_keeps_it_a_late():
    v = day("10:00", "12:01", "13:25", "17:31", rules=r.DayRules(long_late_is_absence=False))
    assert (v.status, v.late_minutes, v.absence) == (r.LATE, 90, 0)


def test_no_punch_in_a_session_is_half_a_day_absent():
    v = day("13:25", "17:31")
    assert (v.status, v.absence, v.present, v.full_absence) == (r.ABSENT, 0.5, True, False)
    v = day()
    assert (v.absence, v.present, v.full_absence) == (1.0, False, True)


def test_single_punch_is_a_missing_punch_not_an_absence():
    v = day("08:20", "13:25", "17:31")
    assert (v.status, v.missing_punches, v.absence) == (r.MISSING, 1, 0)
    v = day("08:20", "13:25", "17:31", rules=r.DayRules(missing_is_absence=True))  # the shop's choice
    assert (v.status, v.missing_punches, v.absence) == (r.MISSING, 1, 0.5)


def test_punch_belongs_to_nearest_session_break_split_in_the_middle():
    # 12:44 is nearer the morning (44 min after its end) than the afternoon (46 min before its start)
    v = day("08:20", "12:44", "13:29", "17:31")
    assert v.status == r.NORMAL
    # 12:45 is the middle of the break: it belongs to the afternoon, so the morning has one punch
    v = day("08:20", "12:45", "13:29", "17:31")
    assert v.missing_punches == 1 and v.sessions[1].punches == [m("12:45"), m("13:29"), m("17:31")]


def test_leave_covering_a_session_excuses_it():
    afternoon = r.Excuse(m("13:30"), m("17:30"), "personal")
    v = day("08:20", "12:01", excuses=[afternoon])
    assert (v.status, v.absence) == (r.LEAVE, 0)
    whole = r.Excuse(0, 24 * 60, "sick")
    assert day(excuses=[whole]).status == r.LEAVE
    assert day(excuses=[r.Excuse(0, 24 * 60, "offsite")]).status == r.OFFSITE


def test_partial_leave_moves_the_start():
    doctor = r.Excuse(m("08:30"), m("10:00"), "sick")
    assert day("09:58", "12:01", "13:25", "17:31", excuses=[doctor]).status == r.NORMAL
    v = day("10:05", "12:01", "13:25", "17:31", excuses=[doctor], rules=r.DayRules(leave_overrun_is_absence=False))
    assert (v.status, v.late_minutes) == (r.LATE, 5)
    v = day("10:05", "12:01", "13:25", "17:31", excuses=[doctor])  # the leave ran past its end: absence
    assert (v.status, v.absence) == (r.ABSENT, 1.0)


def test_two_punch_mode():
    rules = r.DayRules(punches_per_day=2)
    assert day("08:30", "17:30", rules=rules).status == r.NORMAL
    v = day("08:30", rules=rules)
    assert (v.missing_punches, v.absence, v.status) == (1, 0, r.MISSING)
    assert day("08:40", "17:30", rules=rules).late_minutes == 10


def test_excused_minutes_never_double_count():
    a = r.Excuse(m("08:30"), m("17:30"), "sick", order=1)
    b = r.Excuse(m("13:30"), m("17:30"), "personal", order=2)
    assert r.excused_minutes(RULES, [a, b]) == {"sick": 450}
    assert r.excused_minutes(RULES, [r.Excuse(m("12:00"), m("13:30"), "personal")]) == {}


def test_penalties_and_dismissal_flag():
    assert r.penalty_amounts([1, 2, 3, 4], [100, 300]) == [100, 300, 300, 300]
    d = date(2026, 3, 2)
    history = [(date(2026, 1, 5), 0.5, False), (date(2026, 2, 3), 1.0, True), (date(2026, 3, 2), 0.5, False)]
    y = r.year_absences(history, 2026, 3, [100, 300])
    assert (y.penalty_rmb, y.occurrences_in_month, y.year_absence_days, y.flags) == (300, 1, 2.0, [])
    history.append((date(2026, 3, 3), 1.0, True))
    y = r.year_absences(history, 2026, 3, [100, 300])
    assert (y.penalty_rmb, y.year_absence_days, y.flags) == (600, 3.0, ["dismissal_review"])
    consecutive = [(d, 1.0, True), (date(2026, 3, 3), 1.0, True)]
    assert r.year_absences(consecutive, 2026, 3, [100]).flags == ["dismissal_review"]
    # a rest day between two absent scheduled days does not break the run: only scheduled days are listed
    gap = [(date(2026, 3, 6), 1.0, True), (date(2026, 3, 9), 1.0, True)]
    assert r.year_absences(gap, 2026, 3, [100], consecutive=2, year_days=99).flags == ["dismissal_review"]
    # a previous year's absences do not count
    assert r.year_absences([(date(2025, 12, 31), 1.0, True), (date(2026, 1, 2), 1.0, True)], 2026, 1, [100, 300]).penalty_rmb == 100


def test_calendar_holiday_makeup_override_and_plan_days():
    week = [1, 2, 3, 4, 5]
    assert day_kind(date(2026, 10, 1), week) == HOLIDAY      # National Day, a Thursday
    assert day_kind(date(2026, 10, 10), week) == MAKEUP      # a Saturday worked to make up
    assert day_kind(date(2026, 10, 11), week) == REST
    assert day_kind(date(2026, 10, 12), week) == WORKDAY
    assert not is_working_day(date(2026, 10, 12), week, {date(2026, 10, 12): False})
    assert is_working_day(date(2026, 10, 11), week, {date(2026, 10, 11): True})
    assert day_kind(date(2027, 1, 4), week) == WORKDAY       # a year the package does not know: the week pattern
    assert is_plan_day(date(2026, 11, 2)) and is_plan_day(date(2026, 11, 27)) and not is_plan_day(date(2026, 11, 20))


minutes = st.integers(min_value=0, max_value=24 * 60 - 1)
excuse = st.builds(lambda a, length, kind, o: r.Excuse(a, min(24 * 60, a + length), kind, o),
                   minutes, st.integers(1, 600), st.sampled_from(r.EXCUSE_KINDS), st.integers(0, 5))
rule_sets = st.builds(r.DayRules, punches_per_day=st.sampled_from([2, 4]), late_grace=st.integers(0, 30),
                      long_absence_minutes=st.integers(1, 240), long_late_is_absence=st.booleans(),
                      early_leave_is_absence=st.booleans())


@settings(max_examples=300, deadline=None)
@given(rule_sets, st.lists(minutes, max_size=8), st.lists(excuse, max_size=3))
def test_invariants_of_a_day(rules, punches, excuses):
    v = r.evaluate_day(rules, punches, excuses)
    for value in (v.late_count, v.late_minutes, v.early_count, v.early_minutes, v.missing_punches, v.absence):
        assert value >= 0
    assert v.absence <= 1.0
    assert v.present == bool(punches)
    assert v.status in r.STATUS_LABELS
    assert v.late_count <= len(rules.sessions) and v.missing_punches <= len(rules.sessions)
    if v.status == r.NORMAL:
        assert v.absence == 0 and v.late_count == 0 and v.early_count == 0
    leave = r.excused_minutes(rules, excuses)
    assert all(x > 0 for x in leave.values())
    assert sum(leave.values()) <= rules.day_minutes  # never more leave than the scheduled day


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 365), st.sampled_from([0.0, 0.5, 1.0])), max_size=40),
       st.lists(st.integers(0, 1000), min_size=1, max_size=4), st.integers(1, 12))
def test_invariants_of_the_year(entries, penalties, month):
    from datetime import timedelta

    days = sorted({date(2026, 1, 1) + timedelta(days=d - 1): a for d, a in entries}.items())
    history = [(d, a, a == 1.0) for d, a in days]
    y = r.year_absences(history, 2026, month, penalties)
    month_absent = [a for d, a in days if d.month == month and a > 0]
    assert y.occurrences_in_month == len(month_absent)
    assert 0 <= y.penalty_rmb <= len(month_absent) * max(penalties)
    assert y.year_absence_days == round(sum(a for d, a in days if d.month <= month), 4)


@settings(max_examples=400, deadline=None)
@given(rule_sets, st.lists(st.integers(480, 1110), min_size=4, max_size=4))
def test_the_normal_day_shortcut_agrees_with_the_full_evaluation(rules, punches):
    fast, full = r.evaluate_day(rules, punches), r.evaluate_full(rules, punches)
    assert (fast.status, fast.absence, fast.late_count, fast.late_minutes, fast.early_count, fast.missing_punches,
            fast.present, fast.full_absence) == (full.status, full.absence, full.late_count, full.late_minutes,
                                                 full.early_count, full.missing_punches, full.present, full.full_absence)
