"""Every file the product writes is written atomically (issue 14, item 3): a full disk keeps the
previous file, the message is one line, and a killed run's temp files are gone at the next start."""

from __future__ import annotations

import errno
import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.io import atomic

ROOT = Path(__file__).resolve().parents[2]

WRITERS = {
    "employees.xlsx": ["employees", "export", "{out}"],
    "employees.csv": ["employees", "export", "{out}"],
    "month.xlsx": ["attendance", "month", "2026-11", "--out", "{out}"],
    "month.json": ["attendance", "month", "2026-11", "--format", "json", "--out", "{out}"],
    "org.json": ["org", "export", "--out", "{out}"],
    "chart.pdf": ["org", "chart", "--out", "{out}"],
    "chart.png": ["org", "chart", "--out", "{out}"],
    "report.pdf": ["report", "attendance", "2026-11", "--out", "{out}"],
    "backup.db": ["backup", "--out", "{out}"],
}


def _full_disk(*args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_a_full_disk_keeps_the_previous_file_and_says_so_in_one_line(demo_db, tmp_path, capfd, monkeypatch, name):
    out = tmp_path / "out" / name
    out.parent.mkdir()
    out.write_bytes(b"previous")
    argv = ["--db", str(demo_db.path)] + [a.replace("{out}", str(out)) for a in WRITERS[name]]
    monkeypatch.setattr(atomic.os, "fsync", _full_disk)  # the write fails as it is flushed to the disk
    monkeypatch.setattr("app.services.backup.os.fsync", _full_disk)
    code = main(argv)
    gc.collect()  # an unclosed ZipFile would complain here
    err = capfd.readouterr().err
    assert code != 0
    assert "disk is full" in err and len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err and "ZipFile" not in err
    assert out.read_bytes() == b"previous"
    assert sorted(p.name for p in out.parent.iterdir()) == [name]


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_each_writer_replaces_the_file_when_it_succeeds(demo_db, tmp_path, name):
    out = tmp_path / name
    out.write_bytes(b"previous")
    argv = ["--db", str(demo_db.path)] + [a.replace("{out}", str(out)) for a in WRITERS[name]]
    assert main(argv) == 0
    assert out.read_bytes() != b"previous" and out.stat().st_size > 0
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


_KILLED = """
import os, sys
from pathlib import Path
from app.io.atomic import atomic_path
with atomic_path(Path(sys.argv[1])) as tmp:
    tmp.write_bytes(b"half a PDF")
    os.kill(os.getpid(), 9)
"""


def test_temp_files_of_a_killed_run_are_removed_at_the_next_start(tmp_path, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.setenv("SHOPTEAM_HOME", str(home))
    target = tmp_path / "report.pdf"
    target.write_bytes(b"previous")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run([sys.executable, "-c", _KILLED, str(target)], env=env, capture_output=True)
    assert run.returncode == -9
    left = [p for p in tmp_path.iterdir() if p.name.startswith(".report.pdf")]
    assert len(left) == 1 and target.read_bytes() == b"previous"
    from app.db import open_database

    open_database(str(tmp_path / "shopteam.db"))  # the next start
    assert [p for p in tmp_path.iterdir() if p.name.startswith(".report.pdf")] == []
    assert target.read_bytes() == b"previous"
