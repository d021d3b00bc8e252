"""A punch import writes in short steps, yet stays all or nothing.

The kiosk punches between two of the import's chunks (the old single transaction held the write lock
from the first insert to the commit, and this punch failed on the busy timeout); an import whose
process dies while applying is finished by the next import; the audit trail still covers every punch.
"""

from __future__ import annotations

import threading
from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from app.db import reading
from app.errors import ImportRejected, ValidationError
from app.models.attendance import Punch
from app.models.audit import AuditEntry
from app.models.clocks import PunchImportRun
from app.services import audit, coverage, policy, punch_import, punches
from app.services.employees import EmployeeInput, create_employee

NOW = datetime(2026, 11, 25, 12, 0)
DAYS = range(2, 21)
SLOTS = ((8, 20), (12, 2), (13, 25), (17, 40))


@pytest.fixture(autouse=True)
def _small_steps(monkeypatch):
    for module in (punches, punch_import):
        monkeypatch.setattr(module, "now", lambda: NOW)
    monkeypatch.setattr(punch_import, "APPLY_CHUNK", 25)  # a few chunks from a small file
    monkeypatch.setattr(punch_import, "APPLY_PAUSE_S", 0.0)


@pytest.fixture
def shop(db, admin):
    create_employee(admin, EmployeeInput("E001", "张三", hire_date=date(2020, 1, 1), clock_no="583", badge_code="B583"))
    create_employee(admin, EmployeeInput("E002", "李四", hire_date=date(2020, 1, 1), clock_no="17", badge_code="B017"))
    policy.set_value(admin, "attendance.tracking_start", "2026-10-01")
    return admin


def clock_file(tmp_path) -> tuple:
    lines = [f"{no:>9}\t2026-11-{day:02d} {hh:02d}:{mm:02d}:00\t1\t0\t1\t0"
             for day in DAYS for no in (583, 17) for hh, mm in SLOTS]
    path = tmp_path / "attlog.dat"
    path.write_text("\n".join(lines) + "\n")
    return path, len(lines)


def count(model=Punch) -> int:
    with reading() as s:
        return s.execute(select(func.count()).select_from(model)).scalar()


def runs() -> list[tuple]:
    with reading() as s:
        return [tuple(r) for r in s.execute(select(PunchImportRun.state, PunchImportRun.added))]


def kept() -> int:
    """Runs still keeping punches to add (a finished run lets its planned punches go)."""
    with reading() as s:
        return s.execute(select(func.count()).select_from(PunchImportRun).where(PunchImportRun.planned.is_not(None))).scalar()


def trail_intact() -> bool:
    with reading() as s:
        return coverage.first_mismatch(s) is None and audit.first_broken(s) is None


def test_a_kiosk_punch_between_two_chunks_is_stored_and_the_import_completes(shop, tmp_path):
    path, rows = clock_file(tmp_path)
    applying, kiosk_done, kiosk = threading.Event(), threading.Event(), {}

    def punch_at_the_kiosk():
        if not applying.wait(120):  # the import failed before applying: reported by its own assertion
            return
        try:  # E001 at 08:20:30 on the 20th: inside the window of a punch the import has not moved yet
            kiosk["result"] = punches.kiosk_badge("B583", datetime(2026, 11, 20, 8, 20, 30))
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            kiosk["error"] = exc
        kiosk_done.set()

    def progress(done, total):
        if done > 0.6 * total and not applying.is_set():  # the first chunk is in: let the kiosk punch now
            applying.set()
            assert kiosk_done.wait(120)  # a bound on a hung test, not a timing

    thread = threading.Thread(target=punch_at_the_kiosk)
    thread.start()
    result = punches.import_punches(shop, path, progress)
    thread.join()
    assert "error" not in kiosk, kiosk.get("error")
    assert not kiosk["result"].duplicate
    stored = punches.list_punches(shop, 2026, 11, "E001")
    assert datetime(2026, 11, 20, 8, 20, 30) in [p["at"] for p in stored]
    # the file's 08:20:00 of that day is the kiosk's punch already: the import skipped it, and only it
    assert result["added"] == rows - 1 and count() == rows
    assert runs() == [("done", rows - 1)] and kept() == 0
    assert trail_intact()


def test_an_import_that_died_while_applying_is_finished_by_the_next_one(shop, tmp_path, monkeypatch):
    path, rows = clock_file(tmp_path)

    class Died(BaseException):  # the process ending between two chunks
        pass

    def die(_seconds):  # the pause after a chunk moved (the pauses while staging pass)
        if runs()[0][0] == "applying":
            raise Died()

    monkeypatch.setattr(punch_import.time, "sleep", die)
    with pytest.raises(Died):
        punches.import_punches(shop, path)
    assert 0 < count() < rows and runs() == [("applying", count())]
    monkeypatch.undo()
    monkeypatch.setattr(punch_import, "now", lambda: NOW)
    monkeypatch.setattr(punches, "now", lambda: NOW)
    again = punches.import_punches(shop, path)  # finishes the first run, then finds nothing new
    assert again["added"] == 0
    assert count() == rows and runs() == [("done", rows)] and kept() == 0
    with reading() as s:
        imports = s.execute(select(AuditEntry.after).where(AuditEntry.action == "attendance.import")).scalars().all()
    assert [a["added"] for a in imports] == [rows]
    assert trail_intact()


def test_a_bad_row_stores_nothing_and_stages_nothing(shop, tmp_path):
    path, _rows = clock_file(tmp_path)
    with path.open("a") as out:
        out.write(f"{583:>9}\t2026-12-30 08:00:00\t1\t0\t1\t0\n")  # in the future
    with pytest.raises(ImportRejected):
        punches.import_punches(shop, path)
    assert count() == 0 and runs() == [] and kept() == 0


def test_a_month_closed_meanwhile_stores_nothing_and_keeps_no_run(shop, tmp_path, monkeypatch):
    path, _rows = clock_file(tmp_path)

    def closed(_s, *_months):  # month_close's refusal, as if 2026-11 closed while the file was checked
        raise ValidationError("2026-11 is closed.")

    monkeypatch.setattr(punch_import.month_close, "ensure_open", closed)
    with pytest.raises(ValidationError):
        punches.import_punches(shop, path)
    assert count() == 0 and runs() == [] and kept() == 0


def test_the_import_yields_harder_once_a_kiosk_is_in_use(shop, monkeypatch):
    """With no kiosk punch in the last quarter hour a history import takes long steps with short pauses;
    after a kiosk punch it takes short steps with pauses as long as each step, asked again every step."""
    with reading() as s:
        assert not punch_import.kiosk_in_use(s, NOW)
    punches.kiosk_badge("B583", datetime(2026, 11, 25, 11, 50))  # ten minutes ago at the door
    with reading() as s:
        assert punch_import.kiosk_in_use(s, NOW)
        assert not punch_import.kiosk_in_use(s, datetime(2026, 11, 25, 12, 10))  # twenty minutes on: quiet

    slept, checkpoints, in_use = [], [], [False]
    monkeypatch.setattr(punch_import.time, "sleep", slept.append)
    monkeypatch.setattr(punch_import, "_checkpoint", lambda: checkpoints.append(1))
    monkeypatch.setattr(punch_import, "APPLY_PAUSE_S", 0.1)
    ends = iter([10.3, 20.3, 30.05])  # the steps took 0.3 s, 0.3 s and 0.05 s
    monkeypatch.setattr(punch_import.time, "monotonic", lambda: next(ends))
    pace = punch_import._Pace(400000, lambda: in_use[0])
    assert pace.size == punch_import.QUIET_FIRST
    quiet = int(50000 * punch_import.QUIET_STEP_S / (10.3 - 10.0))  # as the pace computes it
    pace.rest(10.0)  # quiet: 50,000 rows in 0.3 s, so the next step takes what fits in a quiet step
    assert slept == [0.1] and pace.size == quiet
    in_use[0] = True
    pace.rest(20.0)  # in use: 0.3 s is over the 0.1 s step, so the step halves and the pause is as long
    assert slept == [0.1, pytest.approx(0.3)] and pace.size == quiet // 2
    pace.rest(30.0)  # in use, a quick step: the next is sized to the 0.1 s aim at the rate seen
    assert slept[-1] == 0.1 and pace.size == int(quiet // 2 * 0.1 / (30.05 - 30.0) * 0.8)
    assert checkpoints == [1, 1, 1]  # the import copies its WAL back itself, so no kiosk commit has to
    assert punch_import._Pace(400000, lambda: True).size == punch_import.GENTLE_FIRST  # a kiosk in use from the start
