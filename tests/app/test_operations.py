"""Operations: reads never wait for a writer on SQLite; counters and decisions are atomic in the database."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select, text

from app.db import count_up, reading, transaction, update_if
from app.errors import ConflictError, ShopTeamError
from app.models.attendance import KioskLock, LeaveRequest, Punch
from app.models.people import Employee
from app.services import employees, policy


def test_a_read_runs_while_another_process_holds_the_write_lock(sqlite_only, demo_db, admin):
    other = sqlite3.connect(str(demo_db.path), timeout=0, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # the other PC (or an import) is writing
    try:
        rows = employees.list_employees(admin)  # would wait 15 s and fail if reads took the lock
        assert any(r.employee_no == "E004" for r in rows)
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_a_write_waits_for_another_process_and_goes_in_at_its_commit(sqlite_only, demo_db, admin, monkeypatch):
    """A writer finding the lock taken asks again every few milliseconds (SQLite's own handler sleeps
    up to 100 ms a time and missed an import's pauses): here the other process commits after three."""
    import app.db

    other = sqlite3.connect(str(demo_db.path), timeout=0, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # an import's step
    waits, real_sleep = [], app.db.time.sleep

    def sleep(seconds):
        waits.append(seconds)
        if len(waits) == 3:
            other.execute("COMMIT")
        real_sleep(seconds)

    monkeypatch.setattr(app.db.time, "sleep", sleep)
    try:
        policy.set_value(admin, "attendance.late_grace_minutes", 7)
    finally:
        monkeypatch.undo()
        other.close()
    assert waits == [app.db.WRITE_POLL_S] * 3
    assert policy.get("attendance.late_grace_minutes") == 7
    with reading() as s:  # the connection waits on SQLite's busy timeout again for everything else
        assert s.execute(text("PRAGMA busy_timeout")).scalar() == app.db.BUSY_TIMEOUT_MS


def test_a_write_that_never_gets_the_lock_says_so_and_changes_nothing(sqlite_only, demo_db, admin, monkeypatch):
    import app.db

    monkeypatch.setattr(app.db, "BUSY_TIMEOUT_MS", 100)
    before = policy.get("attendance.late_grace_minutes")
    other = sqlite3.connect(str(demo_db.path), timeout=0, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # and never commits
    try:
        with pytest.raises(ShopTeamError):
            policy.set_value(admin, "attendance.late_grace_minutes", before + 1)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert policy.get("attendance.late_grace_minutes") == before
    with reading() as s:
        assert s.execute(text("PRAGMA busy_timeout")).scalar() == 100


def test_counters_count_in_the_database(db):
    with transaction() as s:
        assert [count_up(s, KioskLock.__table__, {"employee_no": "E004"}, "failures") for _n in range(3)] == [1, 2, 3]
    with reading() as s:
        assert s.get(KioskLock, "E004").failures == 3


def test_a_decision_lands_once(demo_db, admin):
    with transaction() as s:
        e = s.execute(select(Employee).where(Employee.employee_no == "E004")).scalar_one()
        start = datetime(2026, 11, 2, 9)
        first = LeaveRequest(employee_id=e.id, kind="annual", start=start, end=start + timedelta(hours=9))
        s.add(first)
    with transaction() as s:  # a second PC decided meanwhile
        s.get(LeaveRequest, first.id).status = "rejected"
    with transaction() as s:
        stale = s.get(LeaveRequest, first.id)
        assert not update_if(s, stale, {"status": "pending"}, {"status": "approved"})
    with reading() as s:
        assert s.get(LeaveRequest, first.id).status == "rejected"


def test_the_same_punch_twice_is_refused_by_the_database(demo_db):
    at = datetime(2026, 10, 14, 9, 0, 0)
    with transaction() as s:
        e = s.execute(select(Employee.id).where(Employee.employee_no == "E004")).scalar_one()
        s.add(Punch(employee_id=e, at=at, source="kiosk"))
    with pytest.raises(ConflictError):  # what the serialised check would have stopped, held by the index
        with transaction() as s:
            s.add(Punch(employee_id=e, at=at, source="import"))
    with reading() as s:
        assert len(s.execute(select(Punch.id).where(Punch.employee_id == e, Punch.at == at)).all()) == 1


def test_only_one_account_is_ever_the_first_administrator(db):
    from app.models.users import User
    from app.services import users

    first = users.create_first_admin("boss", "long-enough-1")
    with reading() as s:
        assert s.execute(select(User.first_admin).where(User.username == first.username)).scalar_one()
    with pytest.raises(ConflictError):  # the check: an administrator exists
        users.create_first_admin("boss2", "long-enough-1")
    with pytest.raises(ConflictError):  # the index: what a second PC racing past the check would meet
        with transaction() as s:
            s.add(User(username="boss3", password_hash="x", role="admin", first_admin=True))
