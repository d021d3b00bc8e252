"""The bulk writes of a punch import (app/services/punch_bulk.py) on the driver itself: the planned
punches kept in the run as one value, each chunk stored with sqlite3 executemany or psycopg COPY, and
one digest per chunk (coverage form 2) that `check` verifies.

Run on SQLite and, through tools/pg_test.py, on PostgreSQL: every expectation here is written out
by the test from plain values, so both engines' branches are held to the same rows and the same
digest bytes.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select, text

from app.db import reading, transaction
from app.errors import ConflictError
from app.models.attendance import Punch
from app.models.audit import AuditEntry
from app.models.clocks import PunchImportRun
from app.services import audit, coverage, policy, punch_bulk, punch_import, punches
from app.services.employees import EmployeeInput, create_employee

from tests.app.test_clock_import import NOW, _fixed_now  # noqa: F401 (the clock's "now", a fixture)
WINDOW = timedelta(seconds=60)


@pytest.fixture
def shop(db, admin):
    create_employee(admin, EmployeeInput("E001", "张三", hire_date=date(2020, 1, 1), clock_no="583", badge_code="B583"))
    create_employee(admin, EmployeeInput("E002", "李四", hire_date=date(2020, 1, 1), clock_no="17"))
    policy.set_value(admin, "attendance.tracking_start", "2024-01-01")
    with reading() as s:
        ids = dict(s.execute(text("SELECT employee_no, id FROM employee")).all())
    return admin, ids["E001"], ids["E002"]


# a leap day's last minute, a year's last second, a fraction of a second, an ordinary evening
TIMES = [datetime(2024, 2, 29, 23, 59, 30), datetime(2025, 12, 31, 23, 59, 59), datetime(2026, 11, 3, 8, 41, 5, 250000),
         datetime(2026, 11, 3, 17, 40)]


def test_planned_punches_come_back_as_they_went_in():
    eids = [7, 7, 12, 3]
    texts = [punch_bulk.at_text(at) for at in TIMES]
    assert texts[2] == "2026-11-03 08:41:05.250000" and texts[3] == "2026-11-03 17:40:00.000000"
    assert punch_bulk.decode(punch_bulk.encode(eids, texts)) == (eids, TIMES, texts)
    assert punch_bulk.decode(punch_bulk.encode([], [])) == ([], [], [])
    assert punch_bulk.decode(None) == ([], [], [])  # a run an older version left with nothing staged


def _expected_cover(rows: list[tuple]) -> dict:
    """Form 2 spelled out: json of ["punch", 2, [[id, employee, 'YYYY-MM-DD HH:MM:SS.ffffff', source,
    recorded_by, note], …]] in ASCII with no spaces, and its sha256."""
    payload = json.dumps(["punch", 2, [[i, e, at.isoformat(" ", "microseconds"), src, by, note]
                                       for i, e, at, src, by, note in rows]], separators=(",", ":"))
    return {"form": 2, "rows": len(rows), "sha256": hashlib.sha256(payload.encode("utf-8")).hexdigest()}


def test_a_chunk_stored_by_the_driver_is_what_the_orm_reads_and_its_digest_is_the_same_on_every_engine(shop):
    _admin, e1, e2 = shop
    punches.kiosk_badge("B583", datetime(2026, 11, 3, 8, 20))  # a punch covered the old way (form 1) beside them
    eids, ats = [e1, e1, e1, e2, e2], [TIMES[0], TIMES[1], TIMES[3], TIMES[2], TIMES[3]]
    with transaction() as s:
        entry = audit.record(s, "admin", "attendance.import_part", "punch_file", "1_attlog.dat", None, {"punches": 5})
        s.flush()
        punch_bulk.insert(s, eids, ats, [punch_bulk.at_text(at) for at in ats], entry.id, NOW, "admin", "1_attlog.dat")
        entry.covers = {"chunks": {"punch": coverage.chunk_cover("punch", punch_bulk.stored_rows(s, entry.id))}}
        entry.hash = audit.row_hash(entry.prev_hash, entry)
        entry_id = entry.id
    with reading() as s:
        stored = s.execute(select(Punch.id, Punch.employee_id, Punch.at, Punch.source, Punch.recorded_by, Punch.note,
                                  Punch.recorded_at).where(Punch.audit_id == entry_id).order_by(Punch.id)).all()
        cover = s.get(AuditEntry, entry_id).covers["chunks"]["punch"]
        assert coverage.first_mismatch(s) is None and audit.first_broken(s) is None
        # the unique index compares what the driver stored with what a kiosk punch stores
        assert s.execute(select(func.count()).select_from(Punch).where(Punch.employee_id == e2, Punch.at == TIMES[3])).scalar() == 1
    assert [(e, at) for _i, e, at, *_rest in stored] == list(zip(eids, ats))
    assert {(src, by, note, at) for *_head, src, by, note, at in stored} == {("import", "admin", "1_attlog.dat", NOW)}
    assert cover == _expected_cover([tuple(r[:6]) for r in stored])
    with pytest.raises(ConflictError):  # the same moment twice is refused by the unique index, whatever the engine
        with transaction() as s:
            punch_bulk.insert(s, [e2], [TIMES[3]], [punch_bulk.at_text(TIMES[3])], entry_id, NOW, "admin", "x")


def _import(shop, tmp_path, lines):
    path = tmp_path / "1_attlog.dat"
    path.write_text("\n".join(f"{no:>9}\t{at:%Y-%m-%d %H:%M:%S}\t1\t0\t1\t0" for no, at in lines) + "\n")
    return path


def _lines():
    return [(no, datetime(2026, 11, day, hh, mm)) for day in range(2, 21) for no in (583, 17)
            for hh, mm in ((8, 20), (12, 2), (13, 25), (17, 40))]


def test_an_import_in_chunks_matches_its_preview_and_check_finds_a_punch_changed_or_deleted(shop, tmp_path, monkeypatch):
    admin, _e1, _e2 = shop
    monkeypatch.setattr(punch_import, "APPLY_CHUNK", 50)  # several chunks, one audit row each
    monkeypatch.setattr(punch_import, "APPLY_PAUSE_S", 0.0)
    punches.kiosk_badge("B583", datetime(2026, 10, 30, 8, 0))  # a punch covered the old way (form 1) beside them
    path = _import(shop, tmp_path, _lines())
    preview = punch_import.preview_punch_import(admin, path)
    result = punch_import.import_punches(admin, path)
    assert result["added"] == preview["new"] == len(_lines())
    assert [(p["employee_no"], p["new"]) for p in result["people"]] == [(p["employee_no"], p["new"]) for p in preview["people"]]
    assert punch_import.import_punches(admin, path)["added"] == 0  # a re-import changes nothing
    with reading() as s:
        parts = s.execute(select(AuditEntry.after, AuditEntry.covers).where(
            AuditEntry.action == "attendance.import_part").order_by(AuditEntry.id)).all()
        assert len(parts) > 1 and sum(a["punches"] for a, _c in parts) == len(_lines())
        assert [c["chunks"]["punch"]["rows"] for a, c in parts] == [a["punches"] for a, _c in parts]
        assert coverage.first_mismatch(s) is None
        victim, entry_id = s.execute(select(Punch.id, Punch.audit_id).where(Punch.source == "import")
                                     .order_by(Punch.id).limit(1)).one()
    with transaction() as s:  # someone edits the database directly
        s.execute(text("UPDATE punch SET note = 'x' WHERE id = :i"), {"i": victim})
    with reading() as s:
        assert str(entry_id) in coverage.first_mismatch(s) and "changed" in coverage.first_mismatch(s)
    with transaction() as s:
        s.execute(text("UPDATE punch SET note = '1_attlog.dat' WHERE id = :i"), {"i": victim})
    with reading() as s:
        assert coverage.first_mismatch(s) is None
    with transaction() as s:
        s.execute(text("DELETE FROM punch WHERE id = :i"), {"i": victim})
    with reading() as s:
        assert str(entry_id) in coverage.first_mismatch(s) and "deleted" in coverage.first_mismatch(s)


def test_a_chunk_whose_punches_were_all_stored_meanwhile_records_nothing(shop, tmp_path, monkeypatch):
    """A kiosk stores the same punches after the import checked them (here: between its point of no
    return and its first chunk): the chunk adds none of them, and writes no audit row of its own."""
    admin, _e1, _e2 = shop
    lines = [(583, datetime(2026, 11, 3, 8, 20)), (583, datetime(2026, 11, 3, 17, 40))]
    path = _import(shop, tmp_path, lines)
    apply = punch_import._apply

    def kiosk_first(actor, run_id, progress, planned=None):
        for _no, at in lines:
            punches.kiosk_badge("B583", at + timedelta(seconds=20))
        return apply(actor, run_id, progress, planned)

    monkeypatch.setattr(punch_import, "_apply", kiosk_first)
    result = punch_import.import_punches(admin, path)
    assert (result["added"], result["duplicates"]) == (0, 2)
    with reading() as s:
        actions = s.execute(select(AuditEntry.action).where(AuditEntry.action.like("attendance.import%"))).scalars().all()
        assert actions == []
        assert s.execute(select(PunchImportRun.state, PunchImportRun.moved, PunchImportRun.planned)).one() == ("done", 2, None)
        assert coverage.first_mismatch(s) is None


def test_a_run_a_crash_left_staged_by_the_older_version_is_carried_over_and_finished(tmp_path, sqlite_only):
    """Migration 0320: a run "applying" with rows in punch_import_row (the form before) keeps them as its
    planned punches, and the next import stores them."""
    from sqlalchemy import create_engine

    from app import schema
    from app.db import open_database, set_current

    path = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    schema.upgrade(engine, "0300")
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO employee (id, employee_no, name, hire_date, status, phone, clock_no, created_at) "
                             "VALUES (1, 'E001', '张三', '2020-01-01', 'active', '', '583', '2020-01-01 09:00:00.000000')")
        conn.exec_driver_sql("INSERT INTO punch_import_run (id, file, sha256, actor, started_at, state, staged, added, summary) "
                             "VALUES (1, 'a.dat', '', 'admin', '2026-11-25 11:00:00.000000', 'applying', 3, 1, '{\"found\": 3}')")
        conn.exec_driver_sql("INSERT INTO punch_import_row (run_id, seq, employee_id, at, lo, hi) VALUES "
                             "(1, 1, 1, '2026-11-03 12:02:00.000000', '2026-11-03 12:01:00.000000', '2026-11-03 12:03:00.000000'), "
                             "(1, 2, 1, '2026-11-03 17:40:00.000000', '2026-11-03 17:39:00.000000', '2026-11-03 17:41:00.000000')")
    engine.dispose()
    open_database(str(path))  # upgrades to head
    try:
        with reading() as s:
            planned, moved, staged = s.execute(select(PunchImportRun.planned, PunchImportRun.moved, PunchImportRun.staged)).one()
            assert "punch_import_row" not in s.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'")).scalars().all()
        times = [datetime(2026, 11, 3, 12, 2), datetime(2026, 11, 3, 17, 40)]
        assert punch_bulk.decode(planned)[:2] == ([1, 1], times) and (moved, staged) == (0, 2)
        assert punch_import.finish_interrupted("admin") == 1
        with reading() as s:
            assert s.execute(select(Punch.at).order_by(Punch.at)).scalars().all() == times
            assert s.execute(select(PunchImportRun.state, PunchImportRun.added)).one() == ("done", 3)
            assert coverage.first_mismatch(s) is None
    finally:
        set_current(None)
