"""The office and kiosk PostgreSQL roles, checked against a real server (item 6)."""

import os

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ProgrammingError

from app.db import current, open_database, set_current
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
