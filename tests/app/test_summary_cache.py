"""What a summary keeps between calls (app.services.summary_cache in this process, the year's carries
in the database: app.services.attendance_carry) never answers for data that changed.

Two people punch a plain day every day of January to June 2026, with a few holes. Each change below
moves at least one figure of June; after it, the summary must equal one judged afresh."""

from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import insert, select, update

from app.db import transaction
from app.models.attendance import AttendanceCarry, HandoverRecord, LeaveRequest, OvertimeRequest, Punch, PunchCorrection
from app.models.people import Employee
from app.services import attendance as att, attendance_carry, calendar, policy, roster
from app.services.employees import EmployeeInput, create_employee

AS_OF = datetime(2026, 7, 1, 8, 0)
PLAIN = (time(8, 25), time(12, 1), time(13, 25), time(17, 35))
OFF_POST = (time(8, 25), time(9, 0), time(10, 30), time(12, 1), time(13, 25), time(17, 35))  # 90 min away
HOLES = {("C0", date(2026, 6, 10)): (), ("C1", date(2026, 6, 11)): (), ("C1", date(2026, 6, 17)): OFF_POST}


def _ids() -> dict[str, int]:
    with transaction() as s:
        return dict(s.execute(select(Employee.employee_no, Employee.id).where(Employee.employee_no.like("C%"))).all())


def _punch(s, emp: int, day: date, times) -> None:
    if times:
        s.execute(insert(Punch), [{"employee_id": emp, "at": datetime.combine(day, t), "source": "import",
                                   "recorded_at": AS_OF, "recorded_by": "test", "note": ""} for t in times])


@pytest.fixture
def shop(db, admin):
    for no in ("C0", "C1"):
        create_employee(admin, EmployeeInput(no, f"员工{no}", hire_date=date(2025, 1, 1)))
    policy.set_value(admin, "attendance.tracking_start", "2026-01-01")
    ids = _ids()
    with transaction() as s:
        day = date(2026, 1, 1)
        while day < date(2026, 7, 1):
            for no, emp in ids.items():
                _punch(s, emp, day, HOLES.get((no, day), PLAIN))
            day += timedelta(days=1)
        s.add(PunchCorrection(employee_id=ids["C0"], at=datetime(2026, 6, 10, 8, 25), reason="忘记打卡",
                              requested_by="test", status="pending"))
    att.forget_kept(database_too=True)
    return ids


def _june(admin, as_of=AS_OF):
    return att.monthly_summary(admin, 2026, 6, as_of=as_of)


def _fresh(admin, as_of=AS_OF):
    att.forget_kept(database_too=True)
    return _june(admin, as_of)


def _insert(row):
    def change(admin, ids):
        with transaction() as s:
            s.add(row(ids))
    return change


def _earlier_punches(admin, ids):  # an absence in February: June's is then the year's second (300, not 100)
    with transaction() as s:
        _punch(s, ids["C0"], date(2026, 2, 10), (time(9, 0), time(10, 30)))


def _this_month_punches(admin, ids):
    with transaction() as s:
        _punch(s, ids["C0"], date(2026, 6, 10), PLAIN)


def _approve_correction(admin, ids):
    with transaction() as s:
        s.execute(update(PunchCorrection).values(status="approved"))


def _rename(admin, ids):
    with transaction() as s:
        s.execute(update(Employee).where(Employee.id == ids["C1"]).values(name="新名字"))


def _hired_later(admin, ids):
    with transaction() as s:
        s.execute(update(Employee).where(Employee.id == ids["C1"]).values(hire_date=date(2026, 6, 15)))


CHANGES = {
    "a punch dated in the month": _this_month_punches,
    "a punch dated in an earlier month": _earlier_punches,
    "a correction approved": _approve_correction,
    "a leave approved": _insert(lambda ids: LeaveRequest(
        employee_id=ids["C1"], kind="personal", start=datetime(2026, 6, 11, 8, 30), end=datetime(2026, 6, 11, 17, 30),
        reason="事", status="approved", requested_by="test")),
    "a handover over the time away": _insert(lambda ids: HandoverRecord(
        employee_id=ids["C1"], to_employee_id=ids["C0"], start=datetime(2026, 6, 17, 9, 0),
        back_at=datetime(2026, 6, 17, 10, 30), items="客服", recorded_by="test")),
    "overtime approved": _insert(lambda ids: OvertimeRequest(
        employee_id=ids["C0"], start=datetime(2026, 6, 13, 9, 0), end=datetime(2026, 6, 13, 12, 0), hours=3,
        comp_hours=3, status="approved", requested_by="test")),
    "a roster day": lambda admin, ids: roster.set_roster_day(admin, date(2026, 6, 14), ["C0"]),
    "a shop calendar day": lambda admin, ids: calendar.set_day(admin, date(2026, 6, 12), "rest", "店休"),
    "a setting": lambda admin, ids: policy.set_value(admin, "attendance.penalties_rmb", "50,80"),
    "a rename": _rename,
    "a hire date": _hired_later,
}


@pytest.mark.parametrize("change", CHANGES)
def test_a_kept_summary_follows_every_change(shop, admin, change):
    before = _june(admin)
    assert _june(admin) == before  # kept
    CHANGES[change](admin, shop)
    after = _june(admin)
    assert after == _fresh(admin)
    assert after != before, "the change must move a figure, or this test proves nothing"


def test_a_later_moment_counts_the_days_since(shop, admin):
    early = _june(admin, datetime(2026, 6, 12, 9, 0))
    later = _june(admin, datetime(2026, 6, 12, 18, 0))
    assert [r["days_due"] for r in later] == [r["days_due"] + 1 for r in early]
    assert later == _fresh(admin, datetime(2026, 6, 12, 18, 0))


def test_a_new_process_reads_the_year_from_the_database(shop, admin, monkeypatch):
    first = _june(admin)
    # C0's one absence in June is the year's first (100), C1's two the first and second (100 + 300)
    assert {r["employee_no"]: r["penalty_rmb"] for r in first} == {"C0": 100, "C1": 400}
    judged = []
    monkeypatch.setattr(att, "judge_days", lambda *a, **k: judged.append(1) or {})
    att.forget_kept()  # this process forgets; the database keeps the carries
    assert _june(admin) == first and not judged
    _earlier_punches(admin, shop)  # a punch dated in February: the kept carries no longer hold
    att.forget_kept()
    monkeypatch.undo()
    again = _june(admin)
    assert again == _fresh(admin) and {r["employee_no"]: r["penalty_rmb"] for r in again} == {"C0": 300, "C1": 400}


def test_carries_that_cannot_be_kept_cost_nothing_but_time(shop, admin, monkeypatch):
    """A write that fails (a locked file, a server gone) leaves the summary right and the table empty."""
    def refuse():
        raise RuntimeError("the database is busy")
    monkeypatch.setattr("app.db.transaction", lambda: refuse())
    first = _june(admin)
    monkeypatch.undo()
    with transaction() as s:
        assert s.execute(select(AttendanceCarry)).first() is None
    assert first == _fresh(admin)
    assert attendance_carry._PENDING == {}


def test_a_new_hire_leaves_the_kept_year_standing(shop, admin, monkeypatch):
    first = _june(admin)
    create_employee(admin, EmployeeInput("C2", "新人", hire_date=date(2026, 6, 22)))
    judged = []
    monkeypatch.setattr(att, "judge_days", lambda *a, **k: judged.append(1) or {})
    att.forget_kept()
    after = _june(admin)
    assert not judged, "someone hired in June has no days before June: the year's carries still hold"
    assert [r for r in after if r["employee_no"] != "C2"] == first
    monkeypatch.undo()
    assert after == _fresh(admin) and next(r for r in after if r["employee_no"] == "C2")["days_due"] == 7


def test_a_change_in_last_month_judges_that_month_again_not_the_year(shop, admin, monkeypatch):
    """July's carries come from June's kept ones and June's days: June's punches imported late (or a 补卡
    approved in July, before its deadline) re-judge June only."""
    july = dict(as_of=datetime(2026, 8, 1, 8, 0))
    _june(admin)  # keeps what January to May carry into June
    judged_from = []
    real = att.days_due
    monkeypatch.setattr(att, "days_due", lambda sched, people, start, last, inputs, **kw: judged_from.append(start)
                        or real(sched, people, start, last, inputs, **kw))
    att.forget_kept()
    first = att.monthly_summary(admin, 2026, 7, **july)
    assert judged_from == [date(2026, 6, 1)]
    _this_month_punches(admin, shop)  # C0's 10 June: no longer an absence, so July's are numbered from 1
    judged_from.clear()
    att.forget_kept()
    after = att.monthly_summary(admin, 2026, 7, **july)
    assert judged_from == [date(2026, 6, 1)]
    monkeypatch.undo()
    att.forget_kept(database_too=True)
    assert after == att.monthly_summary(admin, 2026, 7, **july) != first
