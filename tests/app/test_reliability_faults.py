"""A process killed in the middle of an import leaves the database consistent: all of the file or none.

Kill points are random (seed printed): half the runs kill themselves at a random row of the import's
progress (always inside the transaction), half are killed from outside after a random delay.
SHOPTEAM_FAULT_RUNS (default 16) sets how many kills; SHOPTEAM_FAULT_SEED repeats a failing series.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.db import open_database, reading, set_current
from app.models.audit import AuditEntry
from app.models.people import Employee
from app.services import audit

ROOT = Path(__file__).resolve().parents[2]
WORKERS = Path(__file__).with_name("reliability_workers.py")
ROWS = 300
pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("sqlite_only")]


def _roster(path: Path, version: int) -> None:
    lines = ["工号,姓名,部门,岗位,上级工号,入职日期,电话"]
    for i in range(1, ROWS + 1):
        manager = "" if i == 1 else f"K{(i - 1) // 10 + 1:04d}"
        lines.append(f"K{i:04d},员工{i}-{version},客服组,客服专员,{manager},2025-03-01,1390000{i:04d}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _state(path: str) -> tuple[int, int, set[str]]:
    """(employees, import files recorded, phones) after checking the file and the audit chain."""
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        names = {r[0].rsplit("-", 1)[-1] for r in con.execute("SELECT name FROM employee")}
    finally:
        con.close()
    open_database(path, migrate=False)
    try:
        with reading() as s:
            assert audit.first_broken(s) is None
            employees = s.execute(select(func.count()).select_from(Employee)).scalar_one()
            files = s.execute(select(func.count()).where(AuditEntry.action == "employees.import_file")).scalar_one()
    finally:
        set_current(None)
    return employees, files, names


def _run_import(db: str, csv: Path, rng: random.Random) -> bool:
    """Run one import that may be killed; True when its process ended by itself."""
    if rng.random() < 0.5:
        die_at = rng.randint(1, 2 * ROWS)  # progress runs to 2 × rows
        proc = subprocess.run([sys.executable, str(WORKERS), "import", db, str(csv), str(die_at)],
                              cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert proc.returncode == -signal.SIGKILL, proc.stderr
        return False
    proc = subprocess.Popen([sys.executable, str(WORKERS), "import", db, str(csv)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    time.sleep(rng.uniform(0, 0.6))
    proc.send_signal(signal.SIGKILL)
    out, err = proc.communicate(timeout=300)
    assert "Traceback" not in err, err
    return proc.returncode == 0


def test_killing_an_import_at_random_points_leaves_all_or_nothing(demo_db, tmp_path):
    runs = int(os.environ.get("SHOPTEAM_FAULT_RUNS", "16"))
    seed = int(os.environ.get("SHOPTEAM_FAULT_SEED", str(random.randrange(1 << 30))))
    print(f"fault seed {seed}, {runs} runs")
    rng = random.Random(seed)
    path = str(demo_db.path)
    set_current(None)
    base_employees, base_files, _ = _state(path)
    finished = 0
    version = 0
    for run in range(runs):
        version = run % 3
        csv = tmp_path / f"roster{version}.csv"
        _roster(csv, version)
        before_employees, _, before_names = _state(path)
        exited = _run_import(path, csv, rng)
        employees, files, names = _state(path)
        # a kill that lands after the commit but before the process ends still finished the import
        completed = files == base_files + finished + 1
        assert completed or not exited, f"seed {seed} run {run}: the import exited cleanly but is not recorded"
        finished += completed
        assert files == base_files + finished, f"seed {seed} run {run}"
        assert employees == base_employees + ROWS if finished else employees == before_employees == base_employees
        if completed:
            assert f"{version}" in names
        else:  # nothing of the killed file is in the database
            assert names == before_names, f"seed {seed} run {run}: a killed import left part of its rows"
