"""Two processes on one SQLite file (the kiosk window and the office window on one PC):
1,000 punches from one while the other edits; no error reaches a user and nothing is lost."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from app.db import open_database, reading, set_current
from app.models.audit import AuditEntry
from app.services import audit

ROOT = Path(__file__).resolve().parents[2]
WORKERS = Path(__file__).with_name("reliability_workers.py")

PUNCHES = 1000
pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("sqlite_only")]


def _spawn(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(WORKERS), *args], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _finish(proc: subprocess.Popen) -> dict:
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, f"a writer saw errors: {out}\n{err}"
    assert "Traceback" not in err, err
    return json.loads(out.strip().splitlines()[-1])


def test_a_thousand_punches_while_the_office_edits(demo_db, tmp_path):
    path = str(demo_db.path)
    set_current(None)
    done_file = tmp_path / "punches.done"
    office = _spawn("office", path, str(done_file))
    kiosk = _spawn("punches", path, str(PUNCHES), str(done_file))
    punched = _finish(kiosk)
    edited = _finish(office)
    assert punched == {"written": PUNCHES, "errors": []}
    assert sum(edited["done"].values()) >= 30 and edited["errors"] == []

    open_database(path)
    with reading() as s:
        rows = s.execute(select(AuditEntry).where(AuditEntry.actor == "reliability-worker")).scalars().all()
        assert audit.first_broken(s) is None  # the chain survived two writers
    from datetime import datetime, time

    from app.models.attendance import Punch
    from reliability_workers import RELIABILITY_DAY

    with reading() as s:  # the kiosk punches: each one stored, once
        night = datetime.combine(RELIABILITY_DAY, time())
        stored = s.execute(select(Punch.employee_id, Punch.at).where(
            Punch.source == "kiosk", Punch.at >= night, Punch.at < night.replace(hour=6))).all()
    assert len(stored) == PUNCHES and len(set(stored)) == PUNCHES
    assert edited["done"].get("leave.decide", 0) > 0  # the office approved leave meanwhile
    by_kind: dict[str, int] = {}
    for r in rows:
        if r.action != "attendance.punch":
            by_kind[r.action] = by_kind.get(r.action, 0) + 1
    assert by_kind == edited["done"]  # every office edit is there, and nothing else
