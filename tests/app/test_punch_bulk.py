"""The bulk writes of a punch import (app/services/punch_bulk.py) on the driver itself: sqlite3
executemany or psycopg COPY for the staging, one INSERT … SELECT for the move, and one digest per
chunk (coverage form 2) that `check` verifies.

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
from app.models.attendance import Punch
from app.models.audit import AuditEntry
from app.models.clocks import PunchImportRow, PunchImportRun
from app.services import audit, coverage, policy, punch_bulk, punch_import, punches
from app.services.employees import EmployeeInput, create_employee

NOW = datetime(2026, 11, 25, 12, 0)
WINDOW = timedelta(seconds=60)


@pytest.fixture(autouse=True)
def _fixed_now(monkeypatch):
    for module in (punches, punch_import):
        monkeypatch.setattr(module, "now", lambda: NOW)


@pytest.fixture
def shop(db, admin):
    create_employee(admin, EmployeeInput("E001", "张三", hire_date=date(2020, 1, 1), clock_no="583", badge_code="B583"))
    create_employee(admin, EmployeeInput("E002", "李四", hire_date=date(2020, 1, 1), clock_no="17"))
    policy.set_value(admin, "attendance.tracking_start", "2024-01-01")
    with reading() as s:
        ids = dict(s.execute(text("SELECT employee_no, id FROM employee")).all())
    return admin, ids["E001"], ids["E002"]


def _run() -> int:
    with transaction() as s:
        run = PunchImportRun(file="1_attlog.dat", sha256="0" * 64, actor="admin", staged=0)
        s.add(run)
        s.flush()
        return run.id


# a leap day's last minute, a year's last second, a fraction of a second, an ordinary morning
TIMES = [datetime(2024, 2, 29, 23, 59, 30), datetime(2025, 12, 31, 23, 59, 59), datetime(2026, 11, 3, 8, 41, 5, 250000),
         datetime(2026, 11, 3, 17, 40)]


def test_staged_rows_carry_their_window_exactly(shop):
    _admin, e1, e2 = shop
    run_id = _run()
    rows = [(e1, at) for at in TIMES] + [(e2, TIMES[-1])]
    with transaction() as s:
        punch_bulk.stage(s, run_id, 0, rows[:2], WINDOW)
        punch_bulk.stage(s, run_id, 2, rows[2:], WINDOW)  # a second step goes on numbering
    with reading() as s:
        staged = s.execute(select(PunchImportRow.seq, PunchImportRow.employee_id, PunchImportRow.at, PunchImportRow.lo,
                                  PunchImportRow.hi).where(PunchImportRow.run_id == run_id).order_by(PunchImportRow.seq)).all()
    assert [tuple(r) for r in staged] == [(i, eid, at, at - WINDOW, at + WINDOW) for i, (eid, at) in enumerate(rows)]


def _expected_cover(rows: list[tuple]) -> dict:
    """Form 2 spelled out: json of ["punch", 2, [[id, employee, 'YYYY-MM-DD HH:MM:SS.ffffff', source,
    recorded_by, note], …]] with no spaces, and its sha256."""
    payload = json.dumps(["punch", 2, [[i, e, at.isoformat(" ", "microseconds"), src, by, note]
                                       for i, e, at, src, by, note in rows]], ensure_ascii=False, separators=(",", ":"))
    return {"form": 2, "rows": len(rows), "sha256": hashlib.sha256(payload.encode("utf-8")).hexdigest()}


def test_the_move_skips_what_is_stored_and_its_digest_is_the_same_on_every_engine(shop):
    _admin, e1, e2 = shop
    kiosk = punches.kiosk_badge("B583", datetime(2026, 11, 3, 8, 41, 30))  # inside the window of one staged punch
    assert not kiosk.duplicate
    run_id = _run()
    rows = [(e1, at) for at in TIMES] + [(e2, TIMES[2]), (e2, TIMES[3])]
    with transaction() as s:
        punch_bulk.stage(s, run_id, 0, rows, WINDOW)
    with transaction() as s:
        entry = audit.record(s, "admin", "attendance.import_part", "punch_file", "1_attlog.dat", None, {"run": run_id})
        s.flush()
        added = punch_bulk.move(s, run_id, 0, len(rows) - 1, entry.id, NOW, "admin", "1_attlog.dat")
        read_back = punch_bulk.stored_rows(s, entry.id)
        entry.covers = {"chunks": {"punch": coverage.chunk_cover("punch", read_back)}}
        entry.hash = audit.row_hash(entry.prev_hash, entry)
        punch_bulk.unstage(s, run_id, 0, len(rows) - 1)
        entry_id = entry.id
    assert added == len(rows) - 1  # E001's 08:41:05.25 is the kiosk's 08:41:30 already
    with reading() as s:
        stored = s.execute(select(Punch.id, Punch.employee_id, Punch.at, Punch.source, Punch.recorded_by, Punch.note,
                                  Punch.recorded_at).where(Punch.audit_id == entry_id).order_by(Punch.id)).all()
        assert s.execute(select(func.count()).select_from(PunchImportRow)).scalar() == 0
        cover = s.get(AuditEntry, entry_id).covers["chunks"]["punch"]
        assert coverage.first_mismatch(s) is None and audit.first_broken(s) is None
    assert [(e, at) for _i, e, at, *_rest in stored] == [r for r in rows if r != (e1, TIMES[2])]
    assert {(src, by, note, at) for *_head, src, by, note, at in stored} == {("import", "admin", "1_attlog.dat", NOW)}
    assert cover == _expected_cover([tuple(r[:6]) for r in stored])


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
    """Another PC stores the same punches between the staging and the move: the move adds none, and
    leaves no audit row for the chunk (nothing was written)."""
    admin, e1, _e2 = shop
    run_id = _run()
    rows = [(e1, datetime(2026, 11, 3, 8, 20)), (e1, datetime(2026, 11, 3, 17, 40))]
    with transaction() as s:
        punch_bulk.stage(s, run_id, 0, rows, WINDOW)
        run = s.get(PunchImportRun, run_id)
        run.state, run.staged, run.summary = "applying", len(rows), json.dumps({"found": len(rows)})
    for _eid, at in rows:
        punches.kiosk_badge("B583", at)
    assert punch_import._apply(admin, run_id, None) == 0
    with reading() as s:
        actions = s.execute(select(AuditEntry.action).where(AuditEntry.action.like("attendance.import%"))).scalars().all()
        assert actions == [] and s.execute(select(func.count()).select_from(PunchImportRow)).scalar() == 0
        assert s.get(PunchImportRun, run_id).state == "done"
