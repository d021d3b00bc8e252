"""The trail covers the data on both databases (SQLite and a shared PostgreSQL)."""

from datetime import datetime

from sqlalchemy import text

from app.db import current
from app.services import punches
from app.services.system import check


def test_a_punch_edited_behind_shopteams_back_is_named(demo_db, admin):
    result = punches.record_punch(admin, employee_no="E004", at=datetime(2026, 11, 3, 8, 41))
    assert check(admin).ok
    with current().engine.begin() as conn:
        conn.execute(text("UPDATE punch SET at = :t WHERE id = :i"), {"t": datetime(2026, 11, 3, 8, 29), "i": result.punch_id})
    problems = check(admin).problems
    assert any(f"Punch {result.punch_id} does not match" in p for p in problems), problems
