"""The department's rule book applied exactly: each rule at its boundary (Civil Code art. 1259: 以上/以内
include the number, 超过 excludes it), invariants that hold for any day, and one vocabulary."""


import pytest
from hypothesis import given, settings, strategies as st

from app import i18n
from app.rules import attendance as r
from app.services.leave import needs_certificate, route_for

RULES = r.DayRules()


def m(text: str) -> int:
    return r.parse_hhmm(text)


def day(*punches: str, excuses=(), cover=(), rules=RULES) -> r.DayVerdict:
    return r.evaluate_day(rules, [m(p) for p in punches], excuses, cover)


@pytest.mark.parametrize("arrive, status, absence", [
    ("09:29", r.LATE, 0),      # 59 minutes late: late
    ("09:30", r.ABSENT, 1.0),  # 60: "1小时以上" includes 60, an absence
    ("09:31", r.ABSENT, 1.0),  # 61
])
def test_late_boundary(arrive, status, absence):
    v = day(arrive, "12:01", "13:25", "17:35")
    assert (v.status, v.absence) == (status, absence)


@pytest.mark.parametrize("leave, status, early", [
    ("16:31", r.EARLY, 1),   # 59 minutes early: an early leave (and by the rule book an absence)
    ("16:30", r.ABSENT, 0),  # 60 or more: absence outright
    ("16:29", r.ABSENT, 0),
])
def test_early_boundary(leave, status, early):
    v = day("08:20", "12:01", "13:25", leave)
    assert (v.status, v.early_count, v.absence) == (status, early, 1.0)


@pytest.mark.parametrize("back, status, absence", [
    ("10:59", r.NORMAL, 0),    # out 10:00, back after 59 minutes
    ("11:00", r.ABSENT, 1.0),  # 60 minutes off the post without approval: absence
    ("11:01", r.ABSENT, 1.0),
])
def test_off_post_boundary(back, status, absence):
    v = day("08:20", "10:00", back, "12:01", "13:25", "17:35")
    assert (v.status, v.absence) == (status, absence)
    assert v.off_post == [(m("10:00"), m(back), m(back) - m("10:00"))]


def test_off_post_covered_by_leave_offsite_or_a_handover_record_is_not_absence():
    errand = r.Excuse(m("10:00"), m("11:30"), "offsite")
    assert day("08:20", "10:00", "11:30", "12:01", "13:25", "17:35", excuses=[errand]).absence == 0
    handover = [(m("10:00"), m("11:30"))]
    assert day("08:20", "10:00", "11:30", "12:01", "13:25", "17:35", cover=handover).absence == 0
    part = [(m("10:00"), m("10:30"))]  # 60 minutes of the 90 uncovered
    assert day("08:20", "10:00", "11:30", "12:01", "13:25", "17:35", cover=part).absence == 1.0


def test_off_post_setting_zero_turns_the_rule_off_and_an_unpaired_punch_is_ignored():
    rules = r.DayRules(off_post_minutes=0)
    assert day("08:20", "10:00", "11:30", "12:01", "13:25", "17:35", rules=rules).absence == 0
    v = day("08:20", "10:00", "12:01", "13:25", "17:35")
    assert v.status == r.NORMAL and v.unpaired == [m("10:00")]
    assert any("no pair" in msg for msg, _p in v.reasons)


def test_two_punch_days_do_not_count_the_lunch_break_as_off_the_post():
    rules = r.DayRules(punches_per_day=2)
    assert day("08:20", "12:01", "13:29", "17:35", rules=rules).status == r.NORMAL
    assert day("08:20", "12:01", "14:30", "17:35", rules=rules).absence == 1.0  # 60 min of the afternoon


@pytest.mark.parametrize("punches, setting, status, absence, missing", [
    (("08:25", "17:35"), False, r.MISSING, 0, 2),      # the forgotten lunch punches: 缺卡, not 旷工
    (("08:25", "17:35"), True, r.MISSING, 1.0, 2),     # the shop counts them as absence
    (("08:25", "12:01", "13:25"), False, r.MISSING, 0, 1),
])
def test_missing_punch_setting(punches, setting, status, absence, missing):
    v = day(*punches, rules=r.DayRules(missing_is_absence=setting))
    assert (v.status, v.absence, v.missing_punches) == (status, absence, missing)


@pytest.mark.parametrize("arrive, overrun_rule, status", [
    ("10:00", True, r.NORMAL),   # back when the leave ends
    ("10:01", True, r.ABSENT),   # a leave that ran past its end without an extension
    ("10:01", False, r.LATE),
])
def test_leave_overrun(arrive, overrun_rule, status):
    leave = r.Excuse(m("08:30"), m("10:00"), "personal")
    v = day(arrive, "12:01", "13:25", "17:35", excuses=[leave], rules=r.DayRules(leave_overrun_is_absence=overrun_rule))
    assert v.status == status


def test_an_extension_moves_the_end():
    leave, extension = r.Excuse(m("08:30"), m("10:00"), "personal", 1), r.Excuse(m("10:00"), m("11:00"), "personal", 2)
    assert day("10:58", "12:01", "13:25", "17:35", excuses=[leave, extension]).status == r.NORMAL


def test_make_up_leave_over_the_late_minutes_turns_lateness_into_leave():
    assert day("09:40", "12:01", "13:25", "17:35").status == r.ABSENT  # 70 minutes late
    makeup = r.Excuse(m("08:30"), m("09:40"), "personal")
    v = day("09:40", "12:01", "13:25", "17:35", excuses=[makeup])
    assert (v.status, v.absence, v.late_count) == (r.NORMAL, 0, 0)
    assert r.excused_minutes(RULES, [makeup]) == {"personal": 70}


VALUES = {"leave.personal_supervisor_days": 2, "leave.sick_supervisor_days": 3, "leave.sick_certificate_days": 1}


@pytest.mark.parametrize("days, route", [(2, "supervisor"), (2.5, "leader"), (1.5, "supervisor")])
def test_personal_leave_two_days_or_less_goes_to_the_supervisor(days, route):
    assert route_for("personal", days, VALUES) == route  # "两天以内" includes 2


@pytest.mark.parametrize("days, route", [(3, "supervisor"), (3.5, "leader")])
def test_sick_leave_route(days, route):
    assert route_for("sick", days, VALUES) == route


@pytest.mark.parametrize("days, needed", [(1, False), (1.5, True), (0.5, False)])
def test_sick_certificate_above_one_day(days, needed):
    assert needs_certificate("sick", days, VALUES) is needed  # "超过一天" excludes exactly 1


# -- invariants ----------------------------------------------------------------------------------
minutes = st.integers(min_value=6 * 60, max_value=21 * 60)
excuse = st.builds(lambda a, length, kind, order: r.Excuse(a, a + length, kind, order),
                   st.integers(7 * 60, 18 * 60), st.integers(15, 10 * 60), st.sampled_from(r.EXCUSE_KINDS),
                   st.integers(0, 5))
rules_strategy = st.builds(r.DayRules, punches_per_day=st.sampled_from([4, 2]), late_grace=st.integers(0, 10),
                           missing_is_absence=st.booleans(), off_post_minutes=st.sampled_from([0, 30, 60]),
                           leave_overrun_is_absence=st.booleans(), early_leave_is_absence=st.booleans())


@settings(max_examples=300, deadline=None)
@given(rules_strategy, st.lists(minutes, max_size=8), st.lists(excuse, max_size=3),
       st.lists(st.tuples(minutes, st.integers(10, 120)).map(lambda t: (t[0], t[0] + t[1])), max_size=2))
def test_invariants_of_any_day(rules, punches, excuses, cover):
    v = r.evaluate_day(rules, punches, excuses, cover)
    assert v.absence >= 0 and v.late_minutes >= 0 and v.early_minutes >= 0 and v.missing_punches >= 0
    assert v.absence <= 1.0
    for session in v.sessions:
        assert not (session.excused_by and session.absent)  # never both excused and absent
    assert v.status in r.STATUS_LABELS
    assert all(minutes >= 0 for kind, minutes in r.excused_minutes(rules, excuses).items())


@given(st.integers(0, 31), st.floats(0, 31), st.dictionaries(st.sampled_from(r.LEAVE_KINDS), st.floats(0, 300)),
       st.lists(st.sampled_from(r.LEAVE_KINDS)))
def test_paid_days_never_exceed_days_due_nor_go_negative(due, absence, leave, unpaid):
    absence = min(absence, due)
    unpaid_hours, paid = r.paid_figures(due, absence, leave, unpaid, 7.5)
    assert 0 <= paid <= due and unpaid_hours >= 0


# -- one vocabulary ------------------------------------------------------------------------------
VOCABULARY = {
    "zh_CN": {r.NORMAL: ("正常", "√"), r.LATE: ("迟到", "迟"), r.EARLY: ("早退", "早"), r.MISSING: ("缺卡", "缺"),
              r.ABSENT: ("旷工", "旷"), r.LEAVE: ("请假", "假"), r.OFFSITE: ("外出", "外"), r.REST: ("休息", "休")},
    "en": {r.NORMAL: ("Normal", "√"), r.LATE: ("Late", "L"), r.EARLY: ("Early leave", "E"),
           r.MISSING: ("Missing punch", "M"), r.ABSENT: ("Absent", "A"), r.LEAVE: ("Leave", "V"),
           r.OFFSITE: ("Off-site", "O"), r.REST: ("Rest", "R")},
}


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_every_day_status_reads_the_same_everywhere(lang, monkeypatch):
    monkeypatch.setattr(i18n, "_language", lang)
    from app.documents import attendance_report

    rendered = {s: (r.status_label(s), r.status_letter(s)) for s in r.SHOWN_STATUSES}
    assert rendered == VOCABULARY[lang]
    assert {s: attendance_report.status_letter(s) for s in r.SHOWN_STATUSES} == {s: x[1] for s, x in VOCABULARY[lang].items()}
    # "Normal" is also a task priority (中): the day status keeps its own word
    assert i18n.translate_in("tasks", "Normal") == ("中" if lang == "zh_CN" else "Normal")
