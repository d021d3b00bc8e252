"""The kiosk's fast punch (issue 17): one Core write transaction with prepared statements, nothing
cached between punches. A change made in the office between two punches of the same day is what the
next answer goes by, and the trail stays whole, keyed mode included (both engines)."""

from datetime import date, datetime

import pytest
from sqlalchemy import bindparam, insert, select

from app.db import Prepared, reading, writing
from app.errors import ConflictError
from app.models.attendance import Punch
from app.models.audit import AuditEntry
from app.models.people import Employee
from app.services import audit_key, month_close, policy, punches, roster
from app.services.calendar import set_day
from app.services.system import check

from tests.app.test_month_close import _fixed_now, hr, team  # noqa: F401 (fixtures)


def badge(at: datetime) -> str:
    return punches.kiosk_badge("BA01", at=at).answer.split("\n")[1]


def test_a_calendar_change_between_two_punches_of_a_day_changes_the_next_answer(team):
    assert badge(datetime(2026, 11, 2, 8, 20)) == "08:20 Clock in ✓"  # a Monday
    set_day(team, date(2026, 11, 2), "rest", "停电")
    assert badge(datetime(2026, 11, 2, 11, 40)) == "11:40 Recorded (no shift today)"
    set_day(team, date(2026, 11, 2), "workday", "停电后补班")
    assert badge(datetime(2026, 11, 2, 13, 50)) == "13:50 Clock in · late by 20 min"


def test_a_roster_entry_between_two_punches_of_a_day_changes_the_next_answer(team):
    assert badge(datetime(2026, 11, 8, 8, 45)) == "08:45 Recorded (no shift today)"  # a Sunday
    roster.set_roster_day(team, date(2026, 11, 8), ["A01"])
    assert badge(datetime(2026, 11, 8, 11, 40)) == "11:40 Clock out · early by 20 min"
    roster.set_roster_day(team, date(2026, 11, 8), [])
    assert badge(datetime(2026, 11, 8, 13, 50)) == "13:50 Recorded (no shift today)"


def test_a_setting_changed_between_two_punches_of_a_day_changes_the_next_answer(team):
    assert badge(datetime(2026, 11, 3, 8, 45)) == "08:45 Clock in · late by 15 min"
    policy.set_value(team, "attendance.late_grace_minutes", 20)
    assert badge(datetime(2026, 11, 3, 13, 45)) == "13:45 Clock in ✓"
    assert badge(datetime(2026, 11, 3, 13, 54)) == "13:54 Clock out · early by 216 min"  # 60 s apart is two punches
    policy.set_value(team, "attendance.duplicate_punch_seconds", 600)
    assert badge(datetime(2026, 11, 3, 14, 0)) == "Already recorded at 13:54"  # within the new 10 minutes


def test_a_month_closed_between_two_punches_refuses_the_next(team):
    assert badge(datetime(2026, 10, 31, 9, 0)) == "09:00 Recorded (no shift today)"  # a Saturday
    month_close.close_month(hr(), "2026-10")
    with pytest.raises(ConflictError, match="reopen"):
        punches.kiosk_badge("BA01", at=datetime(2026, 10, 31, 12, 0))
    with reading() as s:
        kept = s.execute(select(Punch.at).join(Employee, Employee.id == Punch.employee_id)
                         .where(Employee.employee_no == "A01", Punch.at >= datetime(2026, 10, 31))).scalars().all()
    assert kept == [datetime(2026, 10, 31, 9, 0)]


def test_keyed_mode_chains_the_kiosks_rows_by_their_ids(team, monkeypatch):
    """A keyed hash covers the row's id, which the kiosk takes before it writes the row (no second write)."""
    monkeypatch.setenv("SHOPTEAM_NO_KEYRING", "1")
    audit_key.forget_cache()
    try:
        audit_key.enable(team)
        first = punches.kiosk_badge("BA01", at=datetime(2026, 11, 2, 8, 20))
        pin = punches.kiosk_pin("A02", "5678", at=datetime(2026, 11, 2, 8, 25))
        manual = punches.record_punch(team, employee_no="A01", at=datetime(2026, 11, 2, 8, 50))
        assert {first.punch_id, pin.punch_id, manual.punch_id} == {first.punch_id, first.punch_id + 1, first.punch_id + 2}
        assert check(team).ok, check(team).problems
    finally:
        audit_key.forget_cache()


def test_a_prepared_statement_reads_and_writes_what_execute_does(team):
    """app.db.Prepared runs the driver's SQL itself: dates, times, JSON (a None too) and the values written
    into the statement come back and go in exactly as through Connection.execute."""
    punches.kiosk_badge("BA01", at=datetime(2026, 11, 2, 8, 20))
    q = (select(Employee.employee_no, Employee.hire_date, Punch.at, AuditEntry.before, AuditEntry.after)
         .join(Punch, Punch.employee_id == Employee.id).join(AuditEntry, AuditEntry.id == Punch.audit_id)
         .where(Employee.badge_code == bindparam("who"), Punch.at >= bindparam("since", type_=Punch.__table__.c.at.type))
         .limit(5))
    values = {"who": "BA01", "since": datetime(2026, 11, 1)}
    with writing() as conn:
        prepared = Prepared(q, conn.dialect)
        assert [tuple(r) for r in prepared.run(conn, values)] == [tuple(r) for r in conn.execute(q, values).all()]
        assert prepared.run(conn, values)[0][1:] == [date(2020, 1, 1), datetime(2026, 11, 2, 8, 20), None,
                                                    {"employee_no": "A01", "at": "2026-11-02T08:20:00", "source": "kiosk"}]
        table = AuditEntry.__table__
        row = {"at": datetime(2026, 11, 2, 9, 0), "actor": "t", "action": "test.prepared", "entity": "x",
               "entity_id": "1", "before": None, "after": {"k": [1, "二"]}, "prev_hash": "", "hash": "", "covers": None}
        Prepared(insert(table), conn.dialect, column_keys=list(row)).run(conn, row)
        conn.execute(insert(table), {**row, "action": "test.execute"})
        stored = conn.execute(select(table.c.action, table.c.at, table.c.before, table.c.after, table.c.covers)
                              .where(table.c.action.like("test.%")).order_by(table.c.id)).all()
        raw = conn.exec_driver_sql("SELECT CAST(before AS TEXT), CAST(covers AS TEXT) FROM audit_log "
                                   "WHERE action IN ('test.prepared', 'test.execute') ORDER BY id").all()
    assert [tuple(r[1:]) for r in stored] == [(row["at"], None, {"k": [1, "二"]}, None)] * 2
    assert raw[0] == raw[1]  # a None is stored the same way by both ('null' JSON unless the type says otherwise)
