"""Month close (考勤封帐): snapshot, freeze, reopen with a difference, each person's confirmation,
the kiosk's 补卡 and the dry run of a rule change — on fixed dates in October and November 2026."""

from datetime import date, datetime

import pytest

from app.errors import ConflictError, PermissionDenied, ValidationError
from app.services import kiosk_month, leave, month_close, policy, punch_import, punches
from app.services.attendance import monthly_summary
from app.services.context import Actor
from app.services.employees import EmployeeInput, create_employee
from app.services.policy_dry_run import dry_run

NOW = datetime(2026, 11, 2, 9, 0)  # early November: October is over, its corrections still open
AFTER_OCTOBER = datetime(2026, 11, 2, 9, 0)


@pytest.fixture(autouse=True)
def _fixed_now(monkeypatch):
    for module in (leave, punches, punch_import, month_close, kiosk_month):
        monkeypatch.setattr(module, "now", lambda: NOW)


@pytest.fixture
def team(db, admin):
    create_employee(admin, EmployeeInput("B01", "老板", hire_date=date(2020, 1, 1), pin="1111"))
    create_employee(admin, EmployeeInput("A01", "张三", manager_no="B01", hire_date=date(2020, 1, 1), pin="1234",
                                         badge_code="BA01"))
    create_employee(admin, EmployeeInput("A02", "李四", manager_no="B01", hire_date=date(2020, 1, 1), pin="5678"))
    policy.set_value(admin, "attendance.tracking_start", "2026-10-26")
    # from Monday 10-26 张三 works every day; 李四 forgets the lunch punches on 10-27 (缺卡), is late on 10-28
    for day in range(26, 31):
        d = date(2026, 10, day)
        for no in ("A01", "A02"):
            times = ("08:25", "12:02", "13:20", "17:35")
            if no == "A02" and day == 27:
                times = ("08:25", "17:35")
            if no == "A02" and day == 28:
                times = ("09:10", "12:02", "13:20", "17:35")
            for t in times:
                punches.record_punch(admin, employee_no=no, at=datetime.fromisoformat(f"{d} {t}"))
    return admin


def person(no: str) -> Actor:
    from sqlalchemy import select

    from app.db import reading
    from app.models.people import Employee

    with reading() as s:
        eid = s.execute(select(Employee.id).where(Employee.employee_no == no)).scalar_one()
    return Actor(username=no.lower(), role="staff", employee_id=eid)


def hr() -> Actor:
    return Actor(username="hr", role="hr")


def test_close_stores_the_snapshot_and_freezes_the_month(team):
    live = {r["employee_no"]: r for r in monthly_summary(team, 2026, 10, as_of=AFTER_OCTOBER)}
    result = month_close.close_month(hr(), "2026-10", as_of=AFTER_OCTOBER)
    assert result["version"] == 1 and result["employees"] == 3
    frozen = {r["employee_no"]: r for r in monthly_summary(team, 2026, 10)}
    assert frozen["A02"]["missing_punch_count"] == live["A02"]["missing_punch_count"] >= 1
    assert frozen["A02"]["late_count"] == 1 and frozen == live
    # punches, corrections, leave and overtime touching October are refused, saying who can reopen it
    with pytest.raises(ConflictError, match="reopen"):
        punches.record_punch(team, employee_no="A01", at=datetime(2026, 10, 29, 19, 0))
    with pytest.raises(ConflictError):
        punches.request_correction(person("A02"), "A02", datetime(2026, 10, 27, 12, 0), "Forgot to punch")
    with pytest.raises(ConflictError):
        leave.request_leave(person("A01"), "A01", "personal", datetime(2026, 10, 29, 8, 30), datetime(2026, 10, 29, 17, 30),
                            reason="家事")
    with pytest.raises(ConflictError):
        leave.request_overtime(person("A01"), "A01", datetime(2026, 10, 31, 9, 0), datetime(2026, 10, 31, 12, 0))
    # November stays open
    assert not punches.record_punch(team, employee_no="A01", at=datetime(2026, 11, 2, 8, 20)).duplicate


def test_a_month_that_is_not_over_cannot_be_closed_and_only_hr_or_admin_close(team):
    with pytest.raises(ValidationError):
        month_close.close_month(hr(), "2026-11", as_of=AFTER_OCTOBER)
    with pytest.raises(PermissionDenied):
        month_close.close_month(Actor("boss", "manager"), "2026-10", as_of=AFTER_OCTOBER)
    with pytest.raises(PermissionDenied):
        month_close.close_month(person("A01"), "2026-10", as_of=AFTER_OCTOBER)


def test_pending_requests_refuse_the_close_until_confirmed(team):
    rid = leave.request_leave(person("A01"), "A01", "personal", datetime(2026, 10, 29, 8, 30),
                              datetime(2026, 10, 29, 17, 30), reason="家事")
    status = month_close.close_status(hr(), "2026-10")
    assert [p["id"] for p in status["pending"]] == [rid] and status["may_close"]
    with pytest.raises(ConflictError, match="pending"):
        month_close.close_month(hr(), "2026-10", as_of=AFTER_OCTOBER)
    assert month_close.close_month(hr(), "2026-10", close_pending=True, as_of=AFTER_OCTOBER)["pending"][0]["id"] == rid
    with pytest.raises(ConflictError):  # a request of a closed month can no longer be decided
        leave.decide_leave(team, rid, True)


def test_reopen_is_admin_only_with_a_reason_and_the_next_close_shows_the_difference(team):
    month_close.close_month(hr(), "2026-10", as_of=AFTER_OCTOBER)
    with pytest.raises(PermissionDenied):
        month_close.reopen_month(hr(), "2026-10", "a punch was missed")
    with pytest.raises(ValidationError):
        month_close.reopen_month(team, "2026-10", "  ")
    month_close.reopen_month(team, "2026-10", "李四's lunch punches were on paper")
    for t in ("12:01", "13:29"):
        punches.record_punch(team, employee_no="A02", at=datetime.fromisoformat(f"2026-10-27 {t}"))
    assert month_close.close_month(hr(), "2026-10", as_of=AFTER_OCTOBER)["version"] == 2
    diff = month_close.difference(hr(), "2026-10")
    assert diff["versions"] == [1, 2]
    missing = next(c for c in diff["changes"] if c["field"] == "missing_punch_count")
    assert missing["employee_no"] == "A02" and (missing["before"], missing["after"]) == (2, 0)
    report = month_close.report_close(hr(), 2026, 10)
    assert "version 2" in report["note"]
    assert [{k: c[k] for k in c if k != "label"} for c in report["changes"]] == diff["changes"]


def test_only_the_person_confirms_and_hr_sees_every_answer(team):
    month_close.close_month(hr(), "2026-10", as_of=AFTER_OCTOBER)
    with pytest.raises(PermissionDenied):
        month_close.confirm_month(person("A02"), "A01", "2026-10")
    with pytest.raises(PermissionDenied):
        month_close.confirm_month(team, "A01", "2026-10")  # not even an administrator
    shown = month_close.my_month(person("A02"), "A02")
    assert shown["month"] == "2026-10" and shown["figures"]["missing_punch_count"] >= 1
    assert any(d["status"] == "missing" for d in shown["days"])
    month_close.confirm_month(person("A01"), "A01", "2026-10")
    month_close.confirm_month(person("A02"), "A02", "2026-10", disagree="10-27 我中午打了卡")
    with pytest.raises(ConflictError):
        month_close.confirm_month(person("A01"), "A01", "2026-10")
    answers = {p["employee_no"]: p for p in month_close.confirmations(hr(), "2026-10")["people"]}
    assert answers["A01"]["answer"] == "confirmed" and answers["A02"]["answer"] == "disagreed"
    assert answers["A02"]["note"] == "10-27 我中午打了卡" and answers["B01"]["answer"] == "none"
    assert month_close.my_month(person("A01"), "A01") is None  # nothing left to confirm
    stamps = month_close.report_close(hr(), 2026, 10)["stamps"]
    assert set(stamps) == {"A01", "A02"}


def test_the_kiosk_ticket_shows_only_the_persons_own_month_and_files_a_correction(team, monkeypatch):
    month_close.close_month(hr(), "2026-10", as_of=AFTER_OCTOBER)
    r = punches.kiosk_pin("A02", "5678", at=datetime(2026, 11, 2, 8, 24))
    ticket = kiosk_month.ticket_for(r.punch_id, "A02")
    assert ticket and kiosk_month.ticket_for(r.punch_id, "A01") is None  # a ticket only for who punched
    month = kiosk_month.month_to_confirm(ticket)
    assert month["figures"]["employee_no"] == "A02" and month["month"] == "2026-10"
    kiosk_month.confirm(ticket, "2026-10", "Leave is missing")
    assert month_close.confirmations(hr(), "2026-10")["counts"]["disagreed"] == 1
    with pytest.raises(PermissionDenied):
        kiosk_month.month_to_confirm(ticket[:-1] + ("0" if ticket[-1] != "0" else "1"))
    # November: 李四 forgot the lunch punches on 11-02 (the day is over at the kiosk's "now")
    monkeypatch.setattr(kiosk_month, "now", lambda: datetime(2026, 11, 3, 8, 30))
    monkeypatch.setattr(punches, "now", lambda: datetime(2026, 11, 3, 8, 30))
    monkeypatch.setattr(month_close, "now", lambda: datetime(2026, 11, 3, 8, 30))
    punches.kiosk_pin("A02", "5678", at=datetime(2026, 11, 2, 17, 40))
    r = punches.kiosk_pin("A02", "5678", at=datetime(2026, 11, 3, 8, 25))
    ticket = kiosk_month.ticket_for(r.punch_id, "A02")
    days = kiosk_month.missing_punches(ticket)
    assert [d["date"] for d in days] == ["2026-11-02"]
    slots = [s["at"] for s in days[0]["slots"]]
    assert slots == ["2026-11-02 12:00", "2026-11-02 13:30"]
    with pytest.raises(ValidationError):
        kiosk_month.request_correction(ticket, "2026-11-02 03:00", "Forgot to punch")
    cid = kiosk_month.request_correction(ticket, slots[0], "Forgot to punch")
    assert cid > 0


def test_a_dry_run_writes_nothing_and_shows_what_saving_produces(team):
    month_close.close_month(hr(), "2026-10", as_of=AFTER_OCTOBER)
    before = policy.get("attendance.missing_punch_counts_as")
    preview = dry_run(team, {"attendance.missing_punch_counts_as": "absence"})
    assert preview["month"] == "2026-10" and policy.get("attendance.missing_punch_counts_as") == before
    changed = {(c["employee_no"], c["field"]) for c in preview["changes"]}
    assert ("A02", "absence_days") in changed and not any(no == "A01" for no, _f in changed)
    # saving then produces exactly the figures the dry run showed (the closed snapshot stays as it was)
    policy.set_value(team, "attendance.missing_punch_counts_as", "absence")
    from app.db import reading
    from app.services.attendance import summary_in

    with reading() as s:
        after = {r["employee_no"]: r for r in summary_in(s, 2026, 10, as_of=datetime(2026, 11, 1)).values()}
    for c in preview["changes"]:
        assert after[c["employee_no"]][c["field"]] == c["after"]


def test_waiting_for_offers_my_closed_month_without_recording_a_look(team):
    from app.services.policy_dry_run import summarise

    assert month_close.waiting_for(person("A02")) is None  # nothing closed yet
    month_close.close_month(hr(), "2026-10", as_of=AFTER_OCTOBER)
    assert month_close.waiting_for(person("A02")) == {"employee_no": "A02", "month": "2026-10"}
    assert month_close.confirmations(hr(), "2026-10")["counts"]["viewed"] == 0  # asking is not looking
    month_close.confirm_month(person("A02"), "A02", "2026-10")
    assert month_close.waiting_for(person("A02")) is None
    rows = [{"employee_no": "A01", "field": "penalty_rmb", "before": 100, "after": 0},
            {"employee_no": "A02", "field": "penalty_rmb", "before": 150, "after": 50},
            {"employee_no": "A02", "field": "grade", "before": "C", "after": "B"}]
    assert summarise(rows) == [{"field": "penalty_rmb", "people": 2, "delta": -200.0},
                               {"field": "grade", "people": 1, "delta": None}]


def test_kiosk_corrections_keep_the_months_quota_and_deadline(team, monkeypatch):
    """补卡 at the kiosk is the same request as in the office: within the quota, before the deadline."""
    policy.set_value(team, "attendance.correction_quota_per_month", 1)
    moment = datetime(2026, 11, 3, 8, 30)  # October's corrections close on the 3rd of November
    for module in (kiosk_month, punches, month_close):
        monkeypatch.setattr(module, "now", lambda: moment)
    r = punches.kiosk_pin("A02", "5678", at=datetime(2026, 11, 3, 8, 25))
    ticket = kiosk_month.ticket_for(r.punch_id, "A02")
    october = [d for d in kiosk_month.missing_punches(ticket) if d["date"].startswith("2026-10")]
    assert [d["date"] for d in october] == ["2026-10-27"]
    first, second = (s["at"] for s in october[0]["slots"])
    kiosk_month.request_correction(ticket, first, "Forgot to punch")
    with pytest.raises(ValidationError, match="used all 1"):
        kiosk_month.request_correction(ticket, second, "Forgot to punch")
    moment = datetime(2026, 11, 4, 8, 30)  # past the deadline: October is no longer offered
    r = punches.kiosk_pin("A02", "5678", at=datetime(2026, 11, 4, 8, 25))
    ticket = kiosk_month.ticket_for(r.punch_id, "A02")
    assert not any(d["date"].startswith("2026-10") for d in kiosk_month.missing_punches(ticket))
    with pytest.raises(ValidationError):
        kiosk_month.request_correction(ticket, second, "Forgot to punch")


def test_a_picked_reason_is_stored_as_its_message_id_and_shown_in_the_readers_language(team):
    from sqlalchemy import select

    from app.db import reading
    from app.i18n import set_language
    from app.models.month_close import MonthConfirmation

    month_close.close_month(hr(), "2026-10", as_of=AFTER_OCTOBER)
    month_close.confirm_month(person("A02"), "A02", "2026-10", disagree="Leave is missing")
    with reading() as s:
        assert [a.note for a in s.execute(select(MonthConfirmation)).scalars()] == ["Leave is missing"]
    set_language("zh_CN")
    try:
        answers = {p["employee_no"]: p for p in month_close.confirmations(hr(), "2026-10")["people"]}
        assert answers["A02"]["note"] == "缺少请假记录"
    finally:
        set_language("en")


def test_bad_disagreement_notes_are_refused_and_change_nothing(team):
    month_close.close_month(hr(), "2026-10", as_of=AFTER_OCTOBER)
    for bad, message in (("   ", "Say what"), ("a\x07b", "control characters"), ("长" * 201, "too long")):
        with pytest.raises(ValidationError, match=message):
            month_close.confirm_month(person("A02"), "A02", "2026-10", disagree=bad)
    assert month_close.confirmations(hr(), "2026-10")["counts"]["disagreed"] == 0
    month_close.confirm_month(person("A02"), "A02", "2026-10", disagree="长" * 200)  # free text stays free text
    assert month_close.confirmations(hr(), "2026-10")["counts"]["disagreed"] == 1


def test_the_kiosk_takes_only_a_listed_reason(team):
    month_close.close_month(hr(), "2026-10", as_of=AFTER_OCTOBER)
    r = punches.kiosk_pin("A02", "5678", at=datetime(2026, 11, 2, 8, 24))
    ticket = kiosk_month.ticket_for(r.punch_id, "A02")
    with pytest.raises(ValidationError, match="from the list"):
        kiosk_month.confirm(ticket, "2026-10", "缺少请假记录")  # a translated text is not a reason id
    kiosk_month.confirm(ticket, "2026-10", "Leave is missing")
    assert month_close.confirmations(hr(), "2026-10")["counts"]["disagreed"] == 1
