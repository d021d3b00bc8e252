"""The office and kiosk PostgreSQL roles, checked against a real server (item 6)."""

import os

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ProgrammingError

from app.db import current, open_database, set_current
from app.errors import PermissionDenied
from app.services import db_roles, kiosk_guard
from app.services.punches import kiosk_badge, kiosk_pin
from app.services.users import verify_leader_password

pytestmark = pytest.mark.skipif(not os.environ.get("SHOPTEAM_TEST_PG_URL"), reason="needs tools/pg_test.py")


def _as(role):
    return make_url(current().url).set(username=role).render_as_string(hide_password=False)


def test_the_kiosk_role_punches_and_can_do_nothing_else(demo_db, admin):
    db_roles.roles(admin, apply=True)
    owner_url = current().url
    kiosk_guard.reset()
    open_database(_as(db_roles.KIOSK))
    try:
        assert kiosk_badge("B01119253").employee_no == "E004"
        assert kiosk_pin("E005", "0005").employee_no == "E005"
        for no in ("7999", "E006"):  # wrong PINs are counted per 工号 and per kiosk, in the database
            with pytest.raises(PermissionDenied, match="Wrong"):
                kiosk_pin(no, "9999")
        assert verify_leader_password("linxw", "demo1234")
        engine = current().engine
        for forbidden in ("SELECT phone FROM employee", "UPDATE punch SET at = at", "DELETE FROM punch",
                          "UPDATE app_user SET role = 'admin'", "SELECT before FROM audit_log", "DELETE FROM audit_log",
                          "INSERT INTO app_user(username, password_hash, role) VALUES ('x', 'x', 'admin')"):
            with pytest.raises(ProgrammingError, match="permission denied"):
                with engine.begin() as conn:
                    conn.execute(text(forbidden))
    finally:
        set_current(None)
        open_database(owner_url)


def test_the_office_role_changes_data_but_not_the_schema(demo_db, admin):
    db_roles.roles(admin, apply=True)
    engine = create_engine(_as(db_roles.OFFICE))
    try:
        with engine.begin() as conn:
            assert conn.execute(text("SELECT phone FROM employee WHERE employee_no = 'E004'")).scalar()
        with pytest.raises(ProgrammingError, match="permission denied|must be owner"):
            with engine.begin() as conn:
                conn.execute(text("DROP TABLE punch"))
    finally:
        engine.dispose()


def _month_team(admin):
    """B01 heads A02; 李四 (A02) forgot the lunch punches on 10-27 (October is closed, to confirm) and on 11-02
    (November is open: a 补卡 to ask for)."""
    from datetime import date, datetime

    from app.services import month_close, policy, punches
    from app.services.employees import EmployeeInput, create_employee

    create_employee(admin, EmployeeInput("B01", "老板", hire_date=date(2020, 1, 1), pin="1111"))
    create_employee(admin, EmployeeInput("A02", "李四", manager_no="B01", hire_date=date(2020, 1, 1), pin="5678",
                                         badge_code="BA02"))
    policy.set_value(admin, "attendance.tracking_start", "2026-10-26")
    for day in range(26, 31):
        times = ("08:25", "17:35") if day == 27 else ("08:25", "12:02", "13:20", "17:35")
        for t in times:
            punches.record_punch(admin, employee_no="A02", at=datetime.fromisoformat(f"2026-10-{day} {t}"))
    month_close.close_month(admin, "2026-10", as_of=datetime(2026, 11, 2, 9, 0))
    for t in ("08:25", "17:40"):  # and on 11-02, in the open month, the lunch punches again
        punches.record_punch(admin, employee_no="A02", at=datetime.fromisoformat(f"2026-11-02 {t}"))


def test_the_kiosk_role_confirms_a_month_files_a_correction_and_delivers_its_journal(db, admin, monkeypatch, tmp_path):
    """Everything the door PC does after issue 18, as shopteam_kiosk: punch, the month's confirmation
    (有异议 included), 补卡 for a missing punch, and the local journal's delivery."""
    from datetime import datetime

    from app.services import kiosk_month, month_close, punch_journal, punches

    moment = datetime(2026, 11, 3, 8, 30)
    for module in (kiosk_month, punches, month_close):
        monkeypatch.setattr(module, "now", lambda: moment)
    _month_team(admin)
    db_roles.roles(admin, apply=True)
    owner_url = current().url
    kiosk_guard.reset()
    open_database(_as(db_roles.KIOSK))
    try:
        r = punches.kiosk_pin("A02", "5678", at=datetime(2026, 11, 3, 8, 25))
        ticket = kiosk_month.ticket_for(r.punch_id, "A02")
        assert kiosk_month.month_to_confirm(ticket)["month"] == "2026-10"
        answer = kiosk_month.confirm(ticket, "2026-10", "A punch is missing")  # 有异议
        assert answer["answer"] == "disagreed"
        days = kiosk_month.missing_punches(ticket)
        assert [d["date"] for d in days] == ["2026-11-02"]
        correction_id = kiosk_month.request_correction(ticket, days[0]["slots"][0]["at"], "Forgot to punch")
        journal = tmp_path / "journal.jsonl"
        punch_journal.record("BA02", datetime(2026, 11, 3, 12, 1), journal)
        assert punch_journal.deliver(journal).delivered == 1
        engine = current().engine
        for forbidden in ("UPDATE punch_correction SET status = 'approved'",  # the kiosk files, a manager decides
                          "DELETE FROM punch_correction", "DELETE FROM month_confirmation",
                          "UPDATE month_close SET snapshot = snapshot", "DELETE FROM month_close",
                          "UPDATE employee SET pin_hash = ''", "SELECT phone FROM employee",
                          "UPDATE leave_request SET status = 'approved'", "SELECT reason FROM leave_request"):
            with pytest.raises(ProgrammingError, match="permission denied"):
                with engine.begin() as conn:
                    conn.execute(text(forbidden))
    finally:
        set_current(None)
        open_database(owner_url)
    from app.db import reading
    from app.models.attendance import PunchCorrection
    from app.services.system import check

    with reading() as s:
        filed = s.get(PunchCorrection, correction_id)
        assert (filed.status, filed.at) == ("pending", datetime(2026, 11, 2, 12, 0))
    assert month_close.confirmations(admin, "2026-10")["counts"]["disagreed"] == 1
    report = check(admin)  # the kiosk's rows are tied to their audit rows
    assert report.ok, report.problems
