"""Attendance services: punches, the kiosk, leave routing, corrections and the monthly summary."""

from datetime import date, datetime, timedelta

import pytest

from app.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from app.rules.calendar import is_working_day, month_days
from app.services import attendance as att, leave, policy, punch_import, punches
from app.services.context import Actor
from app.services.employees import EmployeeInput, create_employee

AS_OF = datetime(2026, 12, 31, 23, 0)
NOW = datetime(2026, 11, 25, 12, 0)  # the tests' "now": the dates below stay in the past or future


@pytest.fixture(autouse=True)
def _fixed_now(monkeypatch):
    for module in (leave, punches, punch_import):
        monkeypatch.setattr(module, "now", lambda: NOW)


@pytest.fixture
def team(db, admin):
    """A boss (B01), a supervisor (S01) reporting to the boss, and two staff under the supervisor."""
    create_employee(admin, EmployeeInput("B01", "老板", hire_date=date(2020, 1, 1), pin="1111", badge_code="BB01"))
    create_employee(admin, EmployeeInput("S01", "主管", manager_no="B01", hire_date=date(2020, 1, 1), pin="2222"))
    create_employee(admin, EmployeeInput("A01", "张三", manager_no="S01", hire_date=date(2020, 1, 1), pin="1234",
                                         badge_code="BA01"))
    create_employee(admin, EmployeeInput("A02", "李四", manager_no="S01", hire_date=date(2026, 10, 20), pin="5678"))
    policy.set_value(admin, "attendance.tracking_start", "2026-10-01")
    return admin


def as_employee(no: str, role: str = "staff") -> Actor:
    from sqlalchemy import select

    from app.db import reading
    from app.models.people import Employee

    with reading() as s:
        eid = s.execute(select(Employee.id).where(Employee.employee_no == no)).scalar_one()
    return Actor(username=no.lower(), role=role, employee_id=eid)


def full_day(actor, no: str, d: date, times=("08:25", "12:02", "13:20", "17:35")):
    for t in times:
        punches.record_punch(actor, employee_no=no, at=datetime.fromisoformat(f"{d.isoformat()} {t}"))


def summary(actor, y, mo, nos=None):
    return {r["employee_no"]: r for r in att.monthly_summary(actor, y, mo, nos, as_of=AS_OF)}


def test_punches_closer_than_a_minute_are_one(team):
    first = punches.record_punch(team, employee_no="A01", at=datetime(2026, 11, 3, 8, 41, 0))
    again = punches.record_punch(team, badge="BA01", at=datetime(2026, 11, 3, 8, 41, 59))
    later = punches.record_punch(team, employee_no="A01", at=datetime(2026, 11, 3, 8, 42, 0))
    assert not first.duplicate and again.duplicate and not later.duplicate
    assert len(punches.list_punches(team, 2026, 11, "A01")) == 2
    assert (first.kind, first.late_minutes) == ("in", 11)
    assert later.kind == "out"


def test_a_manual_punch_note_with_control_characters_is_refused_and_nothing_written(team):
    with pytest.raises(ValidationError, match="control characters"):
        punches.record_punch(team, employee_no="A01", at=datetime(2026, 11, 3, 8, 41), note="忘带卡\x1b[2J")
    assert punches.list_punches(team, 2026, 11, "A01") == []
    done = punches.record_punch(team, employee_no="A01", at=datetime(2026, 11, 3, 8, 41), note="忘带卡")
    assert [p["note"] for p in punches.list_punches(team, 2026, 11, "A01")] == ["忘带卡"] and not done.duplicate


def test_manual_punch_needs_permission_and_a_known_person(team):
    with pytest.raises(PermissionDenied):
        punches.record_punch(as_employee("A01"), employee_no="A01", at=datetime(2026, 11, 3, 8, 0))
    with pytest.raises(NotFound):
        punches.record_punch(team, employee_no="X99", at=datetime(2026, 11, 3, 8, 0))
    with pytest.raises(ValidationError):
        punches.record_punch(team, employee_no="A01", at=NOW + timedelta(hours=2))


def test_kiosk_pin_lockout_is_stored_and_expires(team):
    t = datetime(2026, 11, 3, 8, 0)
    for i in range(4):
        with pytest.raises(PermissionDenied, match="Wrong employee no. or PIN"):
            punches.kiosk_pin("A01", "0000", at=t + timedelta(seconds=i))
    with pytest.raises(PermissionDenied, match="A01 is now locked for 5 minutes"):  # the fifth says so
        punches.kiosk_pin("A01", "0000", at=t + timedelta(seconds=4))
    with pytest.raises(PermissionDenied, match="locked"):
        punches.kiosk_pin("A01", "1234", at=t + timedelta(minutes=4, seconds=59))
    assert punches.list_punches(team, 2026, 11, "A01") == []
    ok = punches.kiosk_pin("A01", "1234", at=t + timedelta(minutes=5, seconds=5))
    assert ok.name == "张三" and not ok.duplicate
    with pytest.raises(PermissionDenied):
        punches.kiosk_pin("A01", "", at=t + timedelta(minutes=10))
    with pytest.raises(ValidationError):
        punches.kiosk_pin("", "1234", at=t + timedelta(minutes=10))


def test_kiosk_badge_and_double_punch(team):
    t = datetime(2026, 11, 3, 17, 40)
    assert not punches.kiosk_badge("BA01", at=t).duplicate
    assert punches.kiosk_badge("BA01", at=t + timedelta(seconds=30)).duplicate
    with pytest.raises(NotFound):
        punches.kiosk_badge("NOPE", at=t)


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def counts(result: dict) -> dict:
    return {"added": result["added"], "duplicates": result["duplicates"]}


def test_import_generic_and_clock_exports_twice_changes_nothing(team, tmp_path):
    generic = write(tmp_path, "p.csv", "employee_no,time\nA01,2026-11-03 08:41\nA01,2026-11-03 17:35\n")
    assert counts(punches.import_punches(team, generic)) == {"added": 2, "duplicates": 0}
    assert counts(punches.import_punches(team, generic)) == {"added": 0, "duplicates": 2}
    clock = write(tmp_path, "clock.csv", "AC-No.,姓名,时间,状态\nA02,李四,2026/11/3 8:41:00,上班签到\n"
                                         "A02,李四,2026/11/3 8:41:30,上班签到\nS01,主管,2026/11/3 17:31:00,下班签退\n",
                  encoding="gb18030")
    assert counts(punches.import_punches(team, clock)) == {"added": 2, "duplicates": 1}
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["工号", "Name", "Time"])
    wb.active.append(["B01", "老板", datetime(2026, 11, 4, 8, 30)])
    wb.save(tmp_path / "clock.xlsx")
    assert counts(punches.import_punches(team, tmp_path / "clock.xlsx")) == {"added": 1, "duplicates": 0}


def test_import_with_bad_rows_imports_nothing(team, tmp_path):
    from app.errors import ImportRejected

    bad = write(tmp_path, "bad.csv", "工号,时间\nA01,2026-11-03 08:41\nZ99,2026-11-03 08:42\nA01,昨天\n"
                                     ",2026-11-03 08:41\nA01,2099-01-01 08:00\n")
    with pytest.raises(ImportRejected) as err:
        punches.import_punches(team, bad)
    assert [e.row for e in err.value.rows] == [3, 4, 5, 6]
    assert "Z99" in str(err.value)
    assert punches.list_punches(team, 2026, 11) == []
    with pytest.raises(ValidationError, match="none of the clock layouts"):
        punches.import_punches(team, write(tmp_path, "x.csv", "who,when\nA01,2026-11-03 08:41\n"))


def test_leave_routing_by_type_and_length(team):
    # 2026-12-02 is a Wednesday; 12-02..12-03 two days, 12-02..12-04 three days
    req = lambda kind, end, **kw: leave.request_leave(team, "A01", kind, datetime(2026, 12, 2, 8, 30), end, "家事", **kw)  # noqa: E731
    from app.db import reading
    from app.models.attendance import LeaveRequest

    two = req("personal", datetime(2026, 12, 3, 17, 30))
    with reading() as s:
        assert s.get(LeaveRequest, two).route == "supervisor"
    leave.decide_leave(team, two, False)
    three = req("personal", datetime(2026, 12, 4, 12, 0))  # 2.5 days
    with reading() as s:
        r = s.get(LeaveRequest, three)
        assert (r.route, r.late) == ("leader", False)
    with pytest.raises(PermissionDenied, match="老板"):
        leave.decide_leave(as_employee("S01"), three, True)
    leave.decide_leave(as_employee("B01"), three, True)
    with pytest.raises(ConflictError):
        leave.decide_leave(as_employee("B01"), three, True)


def test_sick_leave_certificate_and_routing(team):
    start = datetime(2026, 12, 7, 8, 30)  # a Monday: sick leave is allowed on plan days
    with pytest.raises(ValidationError, match="certificate"):
        leave.request_leave(team, "A02", "sick", start, datetime(2026, 12, 8, 17, 30), "发烧")
    rid = leave.request_leave(team, "A02", "sick", start, datetime(2026, 12, 9, 17, 30), "发烧", certificate=True)
    leave.decide_leave(as_employee("S01"), rid, True)  # three days: still the direct supervisor
    rid = leave.request_leave(team, "A01", "sick", start, datetime(2026, 12, 10, 17, 30), "住院", certificate=True)
    with pytest.raises(PermissionDenied):
        leave.decide_leave(as_employee("S01"), rid, True)


def test_leave_refusals(team, monkeypatch):
    monday = datetime(2026, 12, 7, 8, 30)
    with pytest.raises(ValidationError, match="weekly-plan Monday"):
        leave.request_leave(team, "A01", "personal", monday, monday.replace(hour=17, minute=30), "家事")
    last_friday = datetime(2026, 12, 25, 13, 30)
    with pytest.raises(ValidationError, match="last Friday"):
        leave.request_leave(team, "A01", "comp", last_friday, last_friday.replace(hour=17, minute=30), "调休")
    policy.set_value(team, "leave.block_plan_days", "false")
    leave.request_leave(team, "A01", "personal", monday, monday.replace(hour=12), "家事")
    monkeypatch.setattr(leave, "now", lambda: datetime(2026, 12, 9, 8, 31))
    soon = datetime(2026, 12, 10, 8, 30)  # 23 h 59 min ahead: late, so it needs a reason
    with pytest.raises(ValidationError, match="less than a day ahead"):
        leave.request_leave(team, "A02", "annual", soon, soon + timedelta(hours=1))
    late_id = leave.request_leave(team, "A02", "annual", soon, soon + timedelta(hours=1), "家里急事")
    monkeypatch.setattr(leave, "now", lambda: datetime(2026, 12, 9, 8, 30))
    on_time = leave.request_leave(team, "A02", "annual", soon.replace(day=11), soon.replace(day=11, hour=9, minute=30))
    from app.db import reading
    from app.models.attendance import LeaveRequest

    with reading() as s:
        assert (s.get(LeaveRequest, late_id).late, s.get(LeaveRequest, on_time).late) == (True, False)
    monkeypatch.setattr(leave, "now", lambda: NOW)
    with pytest.raises(ValidationError):
        leave.request_leave(team, "A01", "holiday", monday, monday.replace(hour=12))
    with pytest.raises(ValidationError, match="after its start"):
        leave.request_leave(team, "A01", "annual", monday, monday)
    with pytest.raises(ConflictError):
        leave.request_leave(team, "A01", "annual", monday.replace(hour=9), monday.replace(hour=11), "x")
    with pytest.raises(PermissionDenied):
        leave.request_leave(as_employee("A02"), "A01", "annual", datetime(2026, 12, 9, 8, 30), datetime(2026, 12, 9, 12), "x")
    own = leave.request_leave(as_employee("A02"), "A02", "annual", datetime(2026, 12, 9, 8, 30), datetime(2026, 12, 9, 12))
    with pytest.raises(PermissionDenied):
        leave.decide_leave(as_employee("A02"), own, True)


def test_a_month_with_a_statutory_holiday_and_a_make_up_day(team):
    october = [d for d in month_days(2026, 10) if is_working_day(d, [1, 2, 3, 4, 5])]
    assert date(2026, 10, 10) in october and date(2026, 10, 1) not in october
    skipped = date(2026, 10, 14)
    for d in october:
        if d != skipped:
            full_day(team, "A01", d)
    full_day(team, "A01", date(2026, 10, 12), ("08:25", "12:02"))  # duplicates: nothing changes
    row = summary(team, 2026, 10, ["A01"])["A01"]
    assert row["days_due"] == len(october) == 18
    assert row["days_present"] == 17
    assert (row["absence_days"], row["penalty_rmb"], row["late_count"]) == (1.0, 100, 0)
    a02 = summary(team, 2026, 10, ["A02"])["A02"]  # hired on 10-20: earlier days are not due
    assert a02["days_due"] == len([d for d in october if d >= date(2026, 10, 20)])


def test_penalties_count_through_the_year_and_flag_dismissal(team):
    october = summary(team, 2026, 10, ["A01"])["A01"]  # tracked since 10-01 without a punch: all absent
    assert october["penalty_rmb"] == 100 + 300 * (october["days_due"] - 1)
    policy.set_value(team, "attendance.tracking_start", "2026-11-01")
    full_day(team, "A01", date(2026, 11, 2), ("08:25", "12:02", "13:20", "17:35"))
    row = summary(team, 2026, 11, ["A01"])["A01"]
    # November: every other working day fully absent (one punched day) -> flagged, second and later cost 300
    assert row["absence_days"] == row["days_due"] - 1
    assert row["penalty_rmb"] == 100 + 300 * (row["days_due"] - 2)
    assert row["flags"] == ["dismissal_review"]


def test_correction_turns_a_missing_punch_into_a_normal_day(team):
    d = date(2026, 11, 4)
    full_day(team, "A01", d, ("08:25", "12:02", "13:20"))
    assert att.day_detail(team, "A01", d, as_of=AS_OF)["status"] == "missing"
    cid = punches.request_correction(as_employee("A01"), "A01", datetime(2026, 11, 4, 17, 35), "忘记打卡")
    with pytest.raises(PermissionDenied):
        punches.decide_correction(as_employee("A01", "hr"), cid, True)
    punches.decide_correction(team, cid, True)
    detail = att.day_detail(team, "A01", d, as_of=AS_OF)
    assert detail["status"] == "normal" and detail["corrections"][0]["status"] == "approved"
    assert [p["source"] for p in punches.list_punches(team, 2026, 11, "A01")][-1] == "correction"


def test_leave_hours_overtime_and_comp_balance(team):
    wed = date(2026, 11, 11)
    full_day(team, "A01", wed, ("08:25", "12:02"))
    from app.db import transaction
    from app.models.attendance import LeaveRequest

    rid = leave.request_leave(team, "A01", "personal", datetime(2026, 12, 16, 13, 30), datetime(2026, 12, 16, 17, 30), "x")
    leave.decide_leave(as_employee("S01"), rid, True)
    with transaction() as s:  # move the approved request back to a past day, as if filed then
        r = s.get(LeaveRequest, rid)
        r.start, r.end = datetime(2026, 11, 11, 13, 30), datetime(2026, 11, 11, 17, 30)
    ot = leave.request_overtime(team, "A01", datetime(2026, 11, 14, 9, 0), datetime(2026, 11, 14, 13, 0), "大促")
    leave.decide_overtime(as_employee("S01"), ot, True)
    weekday_ot = leave.request_overtime(team, "A01", datetime(2026, 11, 12, 18, 0), datetime(2026, 11, 12, 20, 0), "x")
    leave.decide_overtime(as_employee("S01"), weekday_ot, True)
    row = summary(team, 2026, 11, ["A01"])["A01"]
    assert row["leave_hours"]["personal"] == 4.0
    assert (row["overtime_hours"], row["comp_hours_balance"]) == (6.0, 4.0)
    assert att.day_detail(team, "A01", wed, as_of=AS_OF)["status"] == "leave"
    comp = leave.request_leave(team, "A01", "comp", datetime(2026, 12, 17, 8, 30), datetime(2026, 12, 17, 17, 30), "调休")
    with pytest.raises(ValidationError, match="comp hours"):
        leave.decide_leave(as_employee("S01"), comp, True)
    small = leave.request_leave(team, "A01", "comp", datetime(2026, 12, 18, 8, 30), datetime(2026, 12, 18, 12, 0), "调休")
    leave.decide_leave(as_employee("S01"), small, True)
    assert summary(team, 2026, 12, ["A01"])["A01"]["comp_hours_balance"] == 0.5


def test_staff_see_only_their_own_summary(team):
    rows = att.monthly_summary(as_employee("A01"), 2026, 11, as_of=AS_OF)
    assert [r["employee_no"] for r in rows] == ["A01"]
    assert len(att.monthly_summary(team, 2026, 11, as_of=AS_OF)) == 4
    with pytest.raises(PermissionDenied):
        att.day_detail(as_employee("A01"), "A02", date(2026, 11, 3))


def test_roster_adds_scheduled_days_and_fills_in_turn(team):
    from app.services import roster

    sunday = date(2026, 11, 8)
    roster.set_roster_day(team, sunday, ["A01"])
    assert summary(team, 2026, 11, ["A01"])["A01"]["days_due"] == 1 + len(
        [d for d in month_days(2026, 11) if is_working_day(d, [1, 2, 3, 4, 5])])
    assert roster.fill_roster(team, 2026, 12) == 62
    month = roster.roster_month(team, 2026, 12)
    assert all(len(v) == 2 for v in month.values())
    with pytest.raises(NotFound):
        roster.set_roster_day(team, sunday, ["Z99"])
    with pytest.raises(PermissionDenied):
        roster.set_roster_day(as_employee("A01"), sunday, [])


def test_month_grid_and_export(team, tmp_path):
    full_day(team, "A01", date(2026, 11, 3), ("08:45", "12:02", "13:20", "17:35"))
    table = att.month_table(team, 2026, 11, as_of=AS_OF)
    a01 = next(p for p in table["people"] if p["employee_no"] == "A01")
    assert len(table["days"]) == 30 and a01["cells"][2].letter == "L"
    assert a01["cells"][2].status == "late" and a01["cells"][0].status == "rest"  # 11-01 is a Sunday
    assert a01["cells"][3].status == "absent"
    grid = att.month_grid(team, 2026, 11, as_of=AS_OF)
    assert [str(c) for c in grid["A01"][:4]] == ["rest", "absent", "late", "absent"]
    assert att.export_month(team, 2026, 11, tmp_path / "m.xlsx") == 4
    assert (tmp_path / "m.xlsx").stat().st_size > 0


def test_a_late_change_to_an_earlier_month_reprices_this_month(team):
    policy.set_value(team, "attendance.tracking_start", "2026-10-30")  # Fri 10-30 and Mon 11-02 are due
    full_day(team, "A01", date(2026, 11, 3))
    first = summary(team, 2026, 11, None)["A01"]  # 10-30 absent (1st, 100) so 11-02 is the 2nd: 300
    assert first["penalty_rmb"] == 300 + 300 * (first["days_due"] - 2)
    full_day(team, "A01", date(2026, 10, 30))  # punches for October arrive from an import
    again = summary(team, 2026, 11, None)["A01"]
    assert again["penalty_rmb"] == 100 + 300 * (again["days_due"] - 2)
