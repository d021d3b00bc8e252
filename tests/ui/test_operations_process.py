"""Big imports run in a process of their own (ui/operations.py, app/offload.py): the window's
thread only waits on a pipe. The result, the change set, a refusal and Cancel behave as they do
on the executor thread, and the import stays all or nothing."""

from __future__ import annotations

import os
from datetime import date
from functools import partial

import pytest
from PySide6.QtWidgets import QWidget

from app.services import employees as employee_svc
from app.services.punch_import import import_punches
from app.services.punches import list_punches
from ui.operations import ChangeDispatcher, drain
from ui.shell import ShellContext

import process_work


@pytest.fixture
def ctx(qtbot, demo_db, admin):
    return ShellContext(actor=admin, bus=ChangeDispatcher(), show_status=lambda _m: None)


def _clock_file(path, days=(3, 4, 5)):
    # ZKTeco attlog: clock no. 4 is E004 by its digits
    path.write_text("".join(f"{'4':>9}\t2025-03-0{d} 08:2{d}:00\t1\t1\t1\t0\n" for d in days), encoding="ascii")
    return str(path)


def test_an_import_in_its_own_process_writes_and_broadcasts(qtbot, ctx, admin, tmp_path):
    parent = QWidget()
    qtbot.addWidget(parent)
    heard, done, ticks = [], [], []
    ctx.bus.changed.connect(heard.append)
    op = ctx.write(parent, partial(import_punches, admin, _clock_file(tmp_path / "1_attlog.dat")), done.append,
                   progress="Importing…", separate_process=True)
    op.signals.progress.connect(lambda d, t: ticks.append(d))
    qtbot.waitUntil(lambda: bool(done), timeout=60000)
    drain()
    assert done[0]["added"] == 3
    assert [p["at"].date() for p in list_punches(admin, 2025, 3, "E004")] == [date(2025, 3, d) for d in (3, 4, 5)]
    assert len(heard) == 1 and "attendance" in heard[0]  # the child's audit row names the area
    assert ticks and max(ticks) == 1000  # its progress reached the window
    pids = []
    ctx.query(parent, process_work.process_id, pids.append, separate_process=True)
    qtbot.waitUntil(lambda: bool(pids), timeout=60000)
    assert pids[0] != os.getpid()  # it really ran elsewhere


def test_a_refusal_in_the_child_is_the_users_message_and_changes_nothing(qtbot, ctx, admin):
    parent = QWidget()
    qtbot.addWidget(parent)
    failed, heard = [], []
    ctx.bus.changed.connect(heard.append)
    ctx.write(parent, partial(employee_svc.deactivate_employee, admin, "E005", date(1990, 1, 1)),
              lambda _r: pytest.fail("must not succeed"), failed=failed.append, separate_process=True)
    qtbot.waitUntil(lambda: bool(failed), timeout=60000)
    assert failed == ["Leave date is before the hire date"] and not heard
    assert employee_svc.get_employee(admin, "E005").status != "left"


def test_cancel_rolls_the_childs_import_back(qtbot, ctx, admin, tmp_path):
    parent = QWidget()
    qtbot.addWidget(parent)
    outcome, ticks = [], []
    op = ctx.write(parent, partial(process_work.import_slowly, admin, _clock_file(tmp_path / "1_attlog.dat")),
                   lambda _r: outcome.append("done"), failed=outcome.append, progress="Importing…",
                   separate_process=True)
    op.signals.progress.connect(lambda d, t: ticks.append(d))
    cancelled = []
    op.signals.cancelled.connect(lambda: cancelled.append(True))
    qtbot.waitUntil(lambda: any(d >= 600 for d in ticks), timeout=60000)  # inside the write transaction
    op.cancel()
    qtbot.waitUntil(lambda: bool(cancelled), timeout=60000)
    drain()
    assert outcome == [] and list_punches(admin, 2025, 3, "E004") == []  # all or nothing: nothing
