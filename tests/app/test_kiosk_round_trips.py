"""A kiosk punch reads what it decides on in one statement and writes the punch already tied to its
audit row: few round trips to a shared PostgreSQL, the same answers and the same trail (both engines)."""

from datetime import date, datetime

import pytest
from sqlalchemy import event, select

from app.db import current, reading
from app.errors import ConflictError, PermissionDenied
from app.models.attendance import Punch
from app.services import kiosk_guard, month_close, policy, punches
from app.services.system import check

from tests.app.test_month_close import _fixed_now, hr, team  # noqa: F401 (fixtures)


def _statements(fn):
    seen: list[str] = []

    def note(_conn, _cursor, statement, *_rest):
        if statement not in ("BEGIN", "BEGIN IMMEDIATE"):
            seen.append(statement)

    event.listen(current().engine, "before_cursor_execute", note)
    try:
        return fn(), seen
    finally:
        event.remove(current().engine, "before_cursor_execute", note)


def test_a_badge_punch_is_five_statements_and_covered_by_the_trail(team):
    result, seen = _statements(lambda: punches.kiosk_badge("BA01", at=datetime(2026, 11, 2, 8, 20)))
    assert result.answer == "张三\n08:20 Clock in ✓"
    # (the write lock on PostgreSQL,) what the punch needs, the audit row, the punch, the trail's check
    assert len(seen) <= 5, seen
    with reading() as s:
        audit_id = s.execute(select(Punch.audit_id).where(Punch.id == result.punch_id)).scalar_one()
    assert audit_id is not None
    assert check(team).ok, check(team).problems
    again, seen = _statements(lambda: punches.kiosk_badge("BA01", at=datetime(2026, 11, 2, 8, 20, 30)))
    assert again.duplicate and again.punch_id == result.punch_id and len(seen) <= 3


def test_settings_changed_in_the_database_are_what_the_punch_reads(team):
    policy.set_value(team, "attendance.late_grace_minutes", 20)
    assert punches.kiosk_badge("BA01", at=datetime(2026, 11, 3, 8, 45)).late_minutes == 0
    policy.set_value(team, "attendance.duplicate_punch_seconds", 300)
    assert punches.kiosk_badge("BA01", at=datetime(2026, 11, 3, 8, 49)).duplicate  # within 5 minutes
    policy.set_value(team, "attendance.tracking_start", "2026-11-04")
    with pytest.raises(Exception, match="before attendance tracking starts"):
        punches.kiosk_badge("BA01", at=datetime(2026, 11, 3, 17, 40))


def test_a_closed_month_refuses_the_kiosk_and_a_reopened_one_takes_it(team):
    month_close.close_month(hr(), "2026-10")
    with pytest.raises(ConflictError, match="reopen"):
        punches.kiosk_badge("BA01", at=datetime(2026, 10, 30, 19, 0))
    month_close.reopen_month(team, "2026-10", "a punch was missing")
    late = punches.kiosk_badge("BA01", at=datetime(2026, 10, 31, 9, 0))  # a Saturday: no shift
    assert not late.duplicate and not late.scheduled and check(team).ok


def test_a_pin_punch_reads_the_lock_with_the_person(team):
    kiosk_guard.reset()
    policy.set_value(team, "security.kiosk_pin_failures_per_kiosk", 50)  # the person's lock, not the kiosk's pause
    for _n in range(policy.get("attendance.kiosk_max_pin_failures")):
        with pytest.raises(PermissionDenied):
            punches.kiosk_pin("A01", "0000", at=datetime(2026, 11, 2, 8, 0))
    with pytest.raises(PermissionDenied, match="locked"):
        punches.kiosk_pin("A01", "1234", at=datetime(2026, 11, 2, 8, 1))
    ok = punches.kiosk_pin("A01", "1234", at=datetime(2026, 11, 2, 9, 0))
    assert ok.employee_no == "A01" and ok.late_minutes == 30 and check(team).ok
    assert punches.kiosk_pin("2", "5678", at=datetime(2026, 11, 2, 8, 25)).employee_no == "A02"  # "2" on a number pad
    assert date(2026, 11, 2) == ok.at.date()
    kiosk_guard.reset()


def test_a_prepared_kiosk_reads_no_secret_on_its_first_punch(team, monkeypatch):
    """The keyring is asked at the kiosk's start (punches.prepare_kiosk), never while someone waits."""
    from app import secrets_store
    from app.services import audit_key

    asked = []
    monkeypatch.setattr(audit_key, "_cache", {})
    monkeypatch.setattr(secrets_store, "get_secret", lambda name: asked.append(name))
    punches.prepare_kiosk()
    assert len(asked) == 1
    result = punches.kiosk_badge("BA01", at=datetime(2026, 11, 2, 8, 20))
    assert result.punch_id is not None and len(asked) == 1
