"""Leave by the rule book: extensions filed before the end, 补假 over late minutes (also on plan days),
the plan-day block per type, and handover records as approved time off the post."""

from datetime import date, datetime

import pytest

from app.errors import ValidationError
from app.services import attendance as att, handover, leave, policy, punches

from tests.app.test_attendance_services import as_employee, full_day, team  # noqa: F401 (fixture)

NOW = datetime(2026, 11, 20, 9, 0)
AS_OF = datetime(2026, 11, 30, 23, 0)


@pytest.fixture(autouse=True)
def _fixed_now(monkeypatch):
    monkeypatch.setattr(leave, "now", lambda: NOW)
    monkeypatch.setattr(punches, "now", lambda: AS_OF)  # the punches below are in the past by then


def test_an_extension_filed_before_the_end_is_routed_by_the_total_length(team):
    rid = leave.request_leave(team, "A01", "personal", datetime(2026, 11, 19, 8, 30), datetime(2026, 11, 20, 17, 30),
                              "family")
    leave.decide_leave(team, rid, True)
    ext = leave.extend_leave(team, rid, datetime(2026, 11, 23, 12, 0))  # 2.5 days in all: the leader decides
    pending = {p.id: p for p in leave.pending_requests(team)}
    assert pending[ext].approver.startswith("老板")
    leave.decide_leave(team, ext, True)
    # back at 12:00 on the 23rd as extended: not an absence
    full_day(team, "A01", date(2026, 11, 23), ("12:00", "13:25", "17:35"))
    v = att.day_detail(team, "A01", date(2026, 11, 23), as_of=AS_OF)
    assert v["status"] == "leave" and not any("absence" in r for r in v["reasons"])


def test_an_extension_after_the_leave_ended_is_refused(team, monkeypatch):
    rid = leave.request_leave(team, "A01", "personal", datetime(2026, 11, 19, 8, 30), datetime(2026, 11, 19, 17, 30),
                              "family")
    with pytest.raises(ValidationError, match="must be filed before the leave ends"):
        leave.extend_leave(team, rid, datetime(2026, 11, 20, 17, 30))


def test_back_late_from_a_leave_without_extension_is_an_absence(team):
    rid = leave.request_leave(team, "A01", "personal", datetime(2026, 11, 24, 8, 30), datetime(2026, 11, 24, 10, 0), "x")
    leave.decide_leave(team, rid, True)
    full_day(team, "A01", date(2026, 11, 24), ("10:20", "12:01", "13:25", "17:35"))
    v = att.day_detail(team, "A01", date(2026, 11, 24), as_of=AS_OF)
    assert v["status"] == "absent" and any("no extension" in r for r in v["reasons"])


def test_make_up_leave_for_lateness_is_accepted_on_a_plan_day(team):
    monday = date(2026, 11, 16)  # a weekly-plan Monday, in the past: the 补假 is filed afterwards
    full_day(team, "A01", monday, ("09:40", "12:01", "13:25", "17:35"))
    assert att.day_detail(team, "A01", monday, as_of=AS_OF)["status"] == "absent"  # 70 minutes late
    rid = leave.request_leave(team, "A01", "personal", datetime(2026, 11, 16, 8, 30), datetime(2026, 11, 16, 9, 40),
                              "traffic accident on the way")
    leave.decide_leave(team, rid, True)
    assert att.day_detail(team, "A01", monday, as_of=AS_OF)["status"] == "normal"
    row = att.monthly_summary(team, 2026, 11, ["A01"], as_of=datetime(2026, 11, 16, 23, 0))[0]
    assert row["leave_hours"]["personal"] == round(70 / 60, 2) and row["late_count"] == 0


@pytest.mark.parametrize("kind, refused", [("personal", True), ("annual", True), ("comp", True), ("marriage", True),
                                           ("sick", False), ("bereavement", False)])
def test_plan_days_block_leave_asked_ahead_by_type(team, kind, refused):
    monday = (datetime(2026, 11, 23, 8, 30), datetime(2026, 11, 23, 17, 30))
    call = lambda: leave.request_leave(team, "A01", kind, *monday, "x", certificate=True)  # noqa: E731
    if refused:
        with pytest.raises(ValidationError, match="weekly-plan Monday"):
            call()
    else:
        assert call() > 0


def test_the_blocked_types_are_a_setting(team):
    policy.set_value(team, "leave.plan_day_blocked_types", "annual")
    assert leave.request_leave(team, "A01", "personal", datetime(2026, 11, 23, 8, 30), datetime(2026, 11, 23, 12, 0),
                               "x") > 0


def test_a_handover_record_covers_time_off_the_post(team):
    d = date(2026, 11, 18)
    full_day(team, "A01", d, ("08:20", "09:30", "11:00", "12:01", "13:25", "17:35"))
    assert att.day_detail(team, "A01", d, as_of=AS_OF)["status"] == "absent"  # 90 minutes off the post
    hid = handover.record_handover(as_employee("A01"), "A01", "A02", datetime(2026, 11, 18, 9, 30),
                                   datetime(2026, 11, 18, 11, 0), "银行", "店铺客服账号、当日发货单")
    detail = att.day_detail(team, "A01", d, as_of=AS_OF)
    assert detail["status"] == "normal" and detail["handovers"] == [{"start": "09:30", "back": "11:00"}]
    h = handover.get_handover(team, hid)
    assert (h.name, h.to_name, h.place, h.items) == ("张三", "李四", "银行", "店铺客服账号、当日发货单")
    assert [x.id for x in handover.list_handovers(team, 2026, 11)] == [hid]
    with pytest.raises(ValidationError):
        handover.record_handover(team, "A01", "A01", datetime(2026, 11, 18, 9, 30), datetime(2026, 11, 18, 11, 0), "", "x")
    with pytest.raises(ValidationError):
        handover.record_handover(team, "A01", "A02", datetime(2026, 11, 18, 11, 0), datetime(2026, 11, 18, 9, 0), "", "x")
