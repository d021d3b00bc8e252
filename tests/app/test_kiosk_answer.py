"""The kiosk's answer from the service: in or out, late or early only when the person has a shift."""

from datetime import date, datetime

import pytest

from app.services import punches, roster
from app.services.calendar import set_day

from tests.app.test_attendance_services import team  # noqa: F401 (fixture)


@pytest.fixture(autouse=True)
def _fixed_now(monkeypatch):
    monkeypatch.setattr(punches, "now", lambda: datetime(2026, 11, 30, 23, 0))


@pytest.mark.parametrize("at, text, tone", [
    (datetime(2026, 11, 2, 8, 20), "08:20 Clock in ✓", "normal"),                     # a Monday
    (datetime(2026, 11, 2, 8, 45), "08:45 Clock in · late by 15 min", "late"),
    (datetime(2026, 11, 1, 19, 0), "19:00 Recorded (no shift today)", "rest"),         # a Sunday, not on duty
    (datetime(2026, 10, 1, 9, 30), "09:30 Recorded (no shift today)", "rest"),         # National Day
])
def test_first_punch_of_the_day(team, at, text, tone):
    r = punches.kiosk_badge("BA01", at=at)
    assert r.answer == f"张三\n{text}" and r.tone == tone


def test_out_before_the_end_is_early_and_after_the_session_is_out(team):
    punches.kiosk_badge("BA01", at=datetime(2026, 11, 3, 8, 20))
    assert punches.kiosk_badge("BA01", at=datetime(2026, 11, 3, 11, 40)).answer.endswith("11:40 Clock out · early by 20 min")
    assert punches.kiosk_badge("BA01", at=datetime(2026, 11, 3, 17, 35)).answer.endswith("17:35 Clock out ✓")


def test_duty_roster_and_the_shops_calendar_make_a_shift(team):
    roster.set_roster_day(team, date(2026, 11, 8), ["A01"])  # a Sunday on duty
    assert punches.kiosk_badge("BA01", at=datetime(2026, 11, 8, 8, 45)).answer.endswith("late by 15 min")
    set_day(team, date(2026, 11, 9), "rest", "盘点休息")
    assert "no shift today" in punches.kiosk_badge("BA01", at=datetime(2026, 11, 9, 8, 45)).answer


def test_the_slots_offered_for_a_correction_are_the_ones_a_punch_is_judged_by():
    """One mapping (punches.punch_slots) serves the kiosk's in/out answer and the 补卡 slots it offers."""
    values = {"attendance.morning_start": "08:30", "attendance.morning_end": "12:00",
              "attendance.afternoon_start": "13:30", "attendance.afternoon_end": "17:30",
              "attendance.punches_per_day": 4, "attendance.late_grace_minutes": 5}
    assert punches.punch_slots(values) == [("morning_in", 510), ("morning_out", 720), ("afternoon_in", 810),
                                           ("afternoon_out", 1050)]
    day = datetime(2026, 11, 25)
    assert punches._kind_of([day.replace(hour=8, minute=20)], day.replace(hour=12, minute=1), values)[0] == "out"
    assert punches._kind_of([day.replace(hour=8, minute=20)], day.replace(hour=13, minute=50), values) == ("in", 20, 0)
    values["attendance.punches_per_day"] = 2  # in at 08:30, out at 17:30: no lunch punches
    assert punches.punch_slots(values) == [("morning_in", 510), ("afternoon_out", 1050)]
    assert punches._kind_of([day.replace(hour=8, minute=20)], day.replace(hour=13, minute=50), values) == ("out", 0, 220)
