"""Operations on the one executor, the change dispatcher, and changes made by another process."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QMessageBox, QWidget

from app.db import current
from app.services import employees as employee_svc
from app.services.changes import ChangeSet
from ui.operations import ChangeDispatcher, drain
from ui.shell import ShellContext

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def ctx(qtbot, demo_db, admin):
    messages = []
    context = ShellContext(actor=admin, bus=ChangeDispatcher(), show_status=messages.append)
    context.messages = messages
    return context


def test_operations_run_one_at_a_time_in_order_off_the_ui_thread(qtbot, ctx):
    parent = QWidget()
    qtbot.addWidget(parent)
    running, seen, threads, results = [0], [], set(), []
    lock = threading.Lock()

    def work(n):
        def fn():
            with lock:
                running[0] += 1
                seen.append(running[0])
            threads.add(threading.get_ident())
            QThread.msleep(20)
            with lock:
                running[0] -= 1
            return n
        return fn

    ui_thread = threading.get_ident()
    for n in range(5):
        ctx.query(parent, work(n), lambda r: results.append((r, threading.get_ident())))
    drain()
    assert [r for r, _t in results] == [0, 1, 2, 3, 4]  # in the order asked
    assert max(seen) == 1  # never two at once: one writer at a time
    assert ui_thread not in threads and len(threads) == 1  # one background thread
    assert all(t == ui_thread for _r, t in results)  # results handed back on the UI thread


def test_a_write_broadcasts_what_its_audit_rows_name(qtbot, ctx, admin):
    parent = QWidget()
    qtbot.addWidget(parent)
    heard = []
    ctx.bus.changed.connect(heard.append)
    done = []
    ctx.write(parent, lambda: employee_svc.deactivate_employee(admin, "E005", date(2026, 11, 30)), done.append)
    drain()
    assert done and done[0].status == "left"
    assert len(heard) == 1 and heard[0].areas == {"employees"} and ("employee", "E005") in heard[0].entities
    ctx.query(parent, lambda: employee_svc.list_employees(admin), done.append)
    drain()
    assert len(heard) == 1  # a read changes nothing and says nothing


def test_a_refused_write_changes_nothing_and_says_why(qtbot, ctx, admin, monkeypatch):
    parent = QWidget()
    qtbot.addWidget(parent)
    heard, failed = [], []
    ctx.bus.changed.connect(heard.append)

    def refuse():  # the service refuses a leave date before the hire date: one transaction, rolled back
        return employee_svc.deactivate_employee(admin, "E005", date(1990, 1, 1))

    ctx.write(parent, refuse, lambda _r: pytest.fail("must not succeed"), failed=failed.append)
    drain()
    assert failed == ["Leave date is before the hire date"] and not heard
    assert employee_svc.get_employee(admin, "E005").status != "left"  # nothing written

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    ctx.write(parent, refuse)  # no failure handler: a warning box
    drain()
    assert warnings == ["Leave date is before the hire date"]


def test_cancel_rolls_back_a_long_operation(qtbot, ctx, admin):
    parent = QWidget()
    qtbot.addWidget(parent)
    started = threading.Event()
    outcome = []

    def long_work(progress):
        employee_svc.deactivate_employee(admin, "E006", date(2026, 11, 30))  # its own committed step
        started.set()
        for i in range(500):
            QThread.msleep(5)
            progress(i, 500)
        outcome.append("finished")

    op = ctx.write(parent, long_work, lambda _r: outcome.append("done"), progress="Working…")
    assert started.wait(10)
    op.cancel()
    drain()
    assert outcome == []  # cancelled: neither finished nor reported as done


def test_the_dispatcher_broadcasts_each_audit_row_once(qtbot):
    bus = ChangeDispatcher()
    heard = []
    bus.changed.connect(heard.append)
    first = ChangeSet(frozenset({"tasks"}), frozenset({("task", "1")}), frozenset({10, 11}))
    bus.broadcast(first)
    bus.broadcast(first)  # the same rows read back by the watcher
    bus.broadcast(ChangeSet(frozenset({"tasks"}), frozenset(), frozenset({11, 12})))
    assert [c.audit_ids for c in heard] == [{10, 11}, {11, 12}]
    bus.emit_areas("policy")
    assert heard[-1].areas == {"policy"}


def _other_process(code: str) -> None:
    """Run ``code`` in another Python process on the same database (another PC, the kiosk, the CLI)."""
    prelude = ("from datetime import date\nfrom app.db import open_database\n"
               "open_database(__import__('os').environ['SHOPTEAM_DB'], migrate=False)\n"
               "from app.services.context import Actor\n")
    env = dict(os.environ, PYTHONPATH=str(ROOT), SHOPTEAM_DB=current().url)
    subprocess.run([sys.executable, "-c", prelude + code], env=env, check=True, cwd=ROOT, timeout=120)


def test_a_change_written_by_another_process_reaches_the_tab_by_area(qtbot, main_window):
    window = main_window()
    view = window.select_tab("employeesTab")
    drain()
    assert "E007" in {r.employee_no for r in view.model.rows}
    heard = []
    window.ctx.bus.changed.connect(heard.append)
    _other_process("from app.services import employees as s\n"
                   "s.deactivate_employee(Actor.system('other-pc'), 'E007', date(2026, 11, 30))\n")
    qtbot.waitUntil(lambda: "E007" not in {r.employee_no for r in view.model.rows}, timeout=20000)
    assert heard and all(c.areas == {"employees"} for c in heard)  # by area: not "reload everything"
    assert ("employee", "E007") in heard[0].entities


def test_the_watcher_reports_a_failure_once_in_the_status_bar(qtbot, main_window, monkeypatch):
    from app.services import changes as changes_svc

    calls, state = [], {"broken": True}
    original = changes_svc.ChangeWatcher.wait

    def flaky(self, timeout):
        if not state["broken"]:
            return original(self, timeout)
        calls.append(1)
        raise OSError("server closed the connection")

    monkeypatch.setattr(changes_svc.ChangeWatcher, "wait", flaky)
    from ui.main_window import MainWindow

    failures = []
    reported = MainWindow._on_watch_failed
    monkeypatch.setattr(MainWindow, "_on_watch_failed", lambda self, reason: (failures.append(reason), reported(self, reason)))
    window = main_window()
    monkeypatch.setattr("ui.change_watcher.RETRY_S", 0.2)
    qtbot.waitUntil(lambda: len(calls) >= 3, timeout=20000)  # it keeps retrying …
    assert len(failures) == 1  # … but says so once
    assert window.watch_label.isVisible() and "server closed the connection" in window.watch_label.text()
    state["broken"] = False
    qtbot.waitUntil(lambda: not window.watch_label.isVisible(), timeout=20000)  # and clears when it works again
