"""Missing punches (缺卡) are corrected, not fined: the month, the 补卡 quota and deadline, the payroll figures."""

from datetime import date, datetime

import pytest

from app.errors import ValidationError
from app.services import attendance as att, policy, punches

from tests.app.test_attendance_services import as_employee, full_day, team  # noqa: F401 (fixture)

NOW = datetime(2026, 11, 25, 12, 0)
AS_OF = datetime(2026, 11, 30, 23, 0)


@pytest.fixture(autouse=True)
def _fixed_now(monkeypatch):
    from app.services import leave

    for module in (leave, punches):
        monkeypatch.setattr(module, "now", lambda: NOW)


def test_a_forgotten_lunch_punch_is_a_missing_punch_not_an_absence(team):
    full_day(team, "A01", date(2026, 11, 2), ("08:25", "17:35"))
    full_day(team, "A01", date(2026, 11, 3), ("08:25", "17:35"))
    row = att.monthly_summary(team, 2026, 11, ["A01"], as_of=datetime(2026, 11, 3, 23, 0))[0]
    assert (row["days_due"], row["missing_punch_count"], row["absence_days"]) == (2, 4, 0)
    assert (row["penalty_rmb"], row["flags"]) == (0, [])  # two such days in a row used to flag a dismissal
    detail = att.day_detail(team, "A01", date(2026, 11, 2), as_of=AS_OF)
    assert detail["status"] == "missing" and detail["remedy"] and detail["status_label"] == "Missing punch"
    policy.set_value(team, "attendance.missing_punch_counts_as", "absence")
    assert att.day_detail(team, "A01", date(2026, 11, 2), as_of=AS_OF)["reasons"][0].endswith("absent")


def test_correction_quota_per_month(team):
    policy.set_value(team, "attendance.correction_quota_per_month", 2)
    staff = as_employee("A01")
    ids = [punches.request_correction(staff, "A01", datetime(2026, 11, 2, hour, 0), "forgot") for hour in (9, 10)]
    with pytest.raises(ValidationError, match="used all 2 corrections"):
        punches.request_correction(staff, "A01", datetime(2026, 11, 3, 12, 0), "forgot")
    punches.decide_correction(team, ids[0], False)  # a rejected request gives its place back
    assert punches.request_correction(staff, "A01", datetime(2026, 11, 3, 12, 0), "forgot") > 0
    # a manager's manual punch is not limited (and audited as the manager's)
    result = punches.record_punch(team, employee_no="A01", at=datetime(2026, 11, 3, 12, 1))
    assert result.punch_id is not None


@pytest.mark.parametrize("today, accepted", [
    (datetime(2026, 11, 3, 18, 0), True),   # the 3rd of the next month: still open (届满 includes the day)
    (datetime(2026, 11, 4, 8, 0), False),   # the 4th: October is closed
])
def test_correction_deadline(team, monkeypatch, today, accepted):
    monkeypatch.setattr(punches, "now", lambda: today)
    staff = as_employee("A01")
    call = lambda: punches.request_correction(staff, "A01", datetime(2026, 10, 30, 12, 0), "forgot")  # noqa: E731
    if accepted:
        assert call() > 0
    else:
        with pytest.raises(ValidationError, match="closed on 2026-11-03"):
            call()


def test_payroll_figures_in_the_summary_and_the_export(team, tmp_path):
    from app.services import leave

    for d in range(2, 6):
        full_day(team, "A01", date(2026, 11, d))
    rid = leave.request_leave(team, "A01", "personal", datetime(2026, 11, 26, 8, 30), datetime(2026, 11, 26, 17, 30), "family")
    leave.decide_leave(team, rid, True)
    row = att.monthly_summary(team, 2026, 11, ["A01"], as_of=AS_OF)[0]
    assert row["leave_hours"]["personal"] == 7.5 and row["unpaid_leave_hours"] == 7.5
    assert row["paid_days"] == row["days_due"] - 1 - row["absence_days"]
    policy.set_value(team, "attendance.unpaid_leave_types", "sick")
    row = att.monthly_summary(team, 2026, 11, ["A01"], as_of=AS_OF)[0]
    assert row["unpaid_leave_hours"] == 0 and row["paid_days"] == row["days_due"] - row["absence_days"]
    header, body = att.summary_table([row])
    assert body[0][header.index("Paid days")] == row["paid_days"]
    assert body[0][header.index("Unpaid leave (h)")] == 0
