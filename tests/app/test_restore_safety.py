"""Restore can never break the live database (issue 14, item 2): candidates are checked in a copy,
refused with a reason, and the swap with its audit row survives kill -9 at any point."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.db import current, open_database, set_current
from app.errors import DatabaseError, ValidationError
from app.io.atomic import remove_stale_temps
from app.services import backup, employees, restore
from app.services.context import Actor
from app.services.system import check

pytestmark = pytest.mark.usefixtures("sqlite_only")
ROOT = Path(__file__).resolve().parents[2]


def _count() -> int:
    return employees.count(Actor.system())


def _add(no: str) -> None:
    employees.create_employee(Actor.system(), employees.EmployeeInput(employee_no=no, name="测试员工"))


def _sql(path, *statements):
    con = sqlite3.connect(path)
    for st in statements:
        con.execute(st)
    con.commit()
    con.close()


def _refused(admin, path, match):
    live = current().path
    before = _count()
    with pytest.raises(ValidationError, match=match):
        backup.restore_backup(admin, path)
    assert _count() == before
    assert not [p for p in live.parent.iterdir() if ".restore" in p.name]


def test_a_look_alike_with_only_two_tables_is_refused(demo_db, admin, tmp_path):
    fake = tmp_path / "fake.db"
    _sql(fake, "CREATE TABLE alembic_version(version_num VARCHAR(32) PRIMARY KEY)",
         "INSERT INTO alembic_version VALUES ('0007')", "CREATE TABLE employee(id INTEGER PRIMARY KEY)",
         "CREATE TABLE audit_log(id INTEGER PRIMARY KEY, at TEXT)")
    _refused(admin, fake, "cannot be restored: the table .* is missing")
    assert check(admin).ok


def test_a_backup_without_a_revision_is_refused(demo_db, admin, tmp_path):
    saved = backup.make_backup(admin, tmp_path / "saved.db").path
    _sql(saved, "DELETE FROM alembic_version")
    _refused(admin, saved, "no schema revision")


def test_a_backup_missing_a_table_is_refused_and_check_finds_it_live(demo_db, admin, tmp_path):
    saved = backup.make_backup(admin, tmp_path / "saved.db").path
    _sql(saved, "PRAGMA foreign_keys=OFF", "DROP TABLE punch")
    _refused(admin, saved, "the table punch is missing")
    with current().engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        conn.exec_driver_sql("DROP TABLE punch")
    report = check(admin)
    assert not report.ok and any("punch is missing" in p for p in report.problems)


def test_a_backup_with_a_broken_audit_trail_is_refused(demo_db, admin, tmp_path):
    saved = backup.make_backup(admin, tmp_path / "saved.db").path
    _sql(saved, "UPDATE audit_log SET actor='someone' WHERE id=3")
    _refused(admin, saved, "audit trail was altered at row 3")


def test_a_backup_with_a_dangling_reference_is_refused(demo_db, admin, tmp_path):
    saved = backup.make_backup(admin, tmp_path / "saved.db").path
    _sql(saved, "PRAGMA foreign_keys=OFF", "UPDATE employee SET manager_id=9999 WHERE employee_no='E004'")
    _refused(admin, saved, "points at a missing row")


def test_a_failure_after_the_swap_puts_the_previous_database_back(demo_db, admin, tmp_path, monkeypatch):
    saved = backup.make_backup(admin, tmp_path / "saved.db").path
    _add("N001")

    def broken(target):
        raise RuntimeError("simulated")

    monkeypatch.setattr(restore, "opens_cleanly", broken)
    with pytest.raises(DatabaseError, match="put back"):
        backup.restore_backup(admin, saved)
    assert _count() == 16 and check(admin).ok


_CHILD = """
import sys
from app.services import backup
from app.services.context import Actor
print("ready", flush=True)
backup.restore_backup(Actor.system("test"), sys.argv[1], sys.argv[2])
print("done", flush=True)
"""


def _state(path: Path) -> tuple[int, bool]:
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        employees_ = con.execute("SELECT count(*) FROM employee").fetchone()[0]
        restored = con.execute("SELECT count(*) FROM audit_log WHERE action='system.restore'").fetchone()[0] > 0
    finally:
        con.close()
    return employees_, restored


def _run_child(live, saved, home, kill_after=None):
    env = {**os.environ, "SHOPTEAM_HOME": str(home), "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-c", _CHILD, str(saved), str(live)], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env=env, text=True)
    assert child.stdout.readline().strip() == "ready"
    started = time.monotonic()
    if kill_after is None:
        child.wait(timeout=120)
        return time.monotonic() - started, child.returncode
    time.sleep(kill_after)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    return None, child.returncode


def test_kill_at_random_points_leaves_the_old_or_the_restored_database(demo_db, admin, tmp_path, monkeypatch):
    saved = backup.make_backup(admin, tmp_path / "saved.db").path
    _add("N001")
    pristine = tmp_path / "pristine.db"
    backup.make_backup(admin, pristine)
    set_current(None)
    home = tmp_path / "kill-home"
    home.mkdir()
    monkeypatch.setenv("SHOPTEAM_HOME", str(home))
    live = tmp_path / "live" / "shopteam.db"
    live.parent.mkdir()
    shutil.copy(pristine, live)
    duration, code = _run_child(live, saved, home)
    assert code == 0 and _state(live) == (15, True)
    rng = random.Random(14)
    outcomes = set()
    left_behind = []
    for trial in range(12):
        shutil.rmtree(live.parent)
        live.parent.mkdir()
        shutil.copy(pristine, live)
        _run_child(live, saved, home, kill_after=rng.uniform(0, duration * 1.1))
        left_behind.append(len([p for p in live.parent.iterdir() if p.name.startswith(".")]))
        count, restored = _state(live)
        assert (count, restored) in ((16, False), (15, True)), trial  # never a restore without its audit row
        outcomes.add(restored)
        remove_stale_temps()
        assert not [p for p in live.parent.iterdir() if p.name.startswith(".")], trial
        db = open_database(str(live))
        assert check(Actor.system()).ok
        set_current(None)
        db.dispose()
    print("duration", duration, "outcomes", outcomes, "temps left by kills", left_behind)
