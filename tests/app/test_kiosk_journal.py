"""The kiosk never loses a punch (issue 14, item 5): a shared PostgreSQL that goes away and comes back.

The test starts its own throwaway server (tools/pg_test.py's recipe), punches while it runs, stops it,
punches on, starts it again: every punch arrives exactly once, in order, and duplicates are dropped.
"""

from __future__ import annotations

import importlib.util
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app.db import open_database, reading, set_current
from app.models.attendance import Punch
from app.models.people import Employee
from app.services import punch_journal
from app.services.context import Actor
from app.services.employees import EmployeeInput, create_employee
from app.services.punches import kiosk_badge, kiosk_badge_or_journal
from app.services.system import check

ROOT = Path(__file__).resolve().parents[2]


def _pg_tool():
    spec = importlib.util.spec_from_file_location("pg_test", ROOT / "tools" / "pg_test.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def server(tmp_path, monkeypatch):
    pg = _pg_tool()
    try:
        url, data = pg.start()
    except pg.CannotStart as exc:
        pytest.skip(f"no PostgreSQL: {exc}")
    port = url.rsplit(":", 1)[1].split("/")[0]
    binary = pg.pg_bin()

    def ctl(action):
        argv = [f"{binary}/pg_ctl", "-D", data, "-l", f"{data}/server.log", "-w", "-t", "30", "-m", "fast"]
        if action == "start":
            argv += ["-o", f"-c listen_addresses=127.0.0.1 -p {port} -k {data} -c fsync=off"]
        subprocess.run(pg._as_owner(argv + [action]), check=True, capture_output=True)

    monkeypatch.setenv("SHOPTEAM_HOME", str(tmp_path / "kiosk-pc"))
    yield url, ctl
    set_current(None)
    pg.stop(data)


def _people():
    admin = Actor.system("test")
    for i, badge in enumerate(("B48213077", "B90311562", "B15570248"), start=1):
        create_employee(admin, EmployeeInput(employee_no=f"K{i:03d}", name=f"员工{i}", badge_code=badge))
    return ["B48213077", "B90311562", "B15570248"]


def _stored():
    with reading() as s:
        return sorted((badge, at) for badge, at in s.execute(
            select(Employee.badge_code, Punch.at).join(Employee, Employee.id == Punch.employee_id)))


def test_a_server_that_goes_away_loses_no_punch(server):
    url, ctl = server
    open_database(url)
    badges = _people()
    start = datetime(2026, 11, 18, 8, 0)
    sent = []
    for i in range(30):
        at = start + timedelta(minutes=3 * i)
        badge = badges[i % 3]
        if i == 10:
            ctl("stop")  # the network drops / the server PC restarts
        if i == 20:
            ctl("start")
            early = at - timedelta(minutes=1)  # the server is back, but older punches wait: this one queues
            assert kiosk_badge_or_journal(badges[0], early).pending
            sent.append((badges[0], early))
            punch_journal.deliver()  # what the kiosk's background delivery does
        result = kiosk_badge_or_journal(badge, at)
        sent.append((badge, at))
        assert result.pending == (10 <= i < 20), i  # answered "已记录（待同步）" while the server was away
    assert punch_journal.pending_count() == 0  # the background delivery emptied the journal
    assert _stored() == sorted(sent)  # every punch exactly once
    assert check(Actor.system()).ok


def test_a_punch_delivered_twice_is_kept_once(server):
    url, ctl = server
    open_database(url)
    badges = _people()
    at = datetime(2026, 11, 18, 8, 5)
    ctl("stop")
    assert kiosk_badge_or_journal(badges[0], at).pending
    assert punch_journal.pending_count() == 1
    ctl("start")
    kiosk_badge(badges[0], at=at)  # it arrived, but the kiosk died before noting it delivered
    result = punch_journal.deliver()
    assert (result.delivered, result.duplicates, punch_journal.pending_count()) == (0, 1, 0)
    assert _stored() == [(badges[0], at)]


def test_check_reports_an_undelivered_journal(server):
    url, ctl = server
    open_database(url)
    badges = _people()
    ctl("stop")
    kiosk_badge_or_journal(badges[1], datetime(2026, 11, 18, 8, 7))
    ctl("start")
    report = check(Actor.system())
    assert any("journal" in p for p in report.problems), report.problems


# -- a scan while punches wait (SQLite or PostgreSQL through demo_db) -----------------------------------

def _no_database(monkeypatch):
    """Fail any use of the database: a connection taken from the pool, or a kiosk punch tried."""
    from sqlalchemy import event

    from app.db import current
    from app.services import punches

    touched = []

    def checkout(*_args):
        touched.append("connection")
        raise AssertionError("the scan touched the database")

    engine = current().engine
    event.listen(engine, "checkout", checkout)
    monkeypatch.setattr(punches, "kiosk_badge", lambda *a, **k: touched.append("kiosk_badge"))
    return touched, lambda: event.remove(engine, "checkout", checkout)


def test_a_scan_while_the_journal_is_not_empty_never_touches_the_database(demo_db, monkeypatch):
    punch_journal.record("B01119253", datetime(2026, 11, 25, 8, 20))  # the database was away a moment ago
    with monkeypatch.context() as m:
        touched, restore = _no_database(m)
        try:
            result = kiosk_badge_or_journal("B01119253", datetime(2026, 11, 25, 8, 20, 30))
        finally:
            restore()
    assert result.pending and touched == []
    assert [(i["badge"], i["at"]) for i in punch_journal.pending()] == [
        ("B01119253", "2026-11-25T08:20:00"), ("B01119253", "2026-11-25T08:20:30")]  # in order, on the disk
    result = punch_journal.deliver()  # in the background, later: the second is within the duplicate window
    assert (result.delivered, result.duplicates, punch_journal.pending_count()) == (1, 1, 0)
    assert not punch_journal.journal_path().exists()


def test_a_scan_does_not_wait_for_a_delivery_under_way(demo_db, monkeypatch):
    """A delivery stuck on the network (connect_timeout) holds no lock a scan needs."""
    import threading

    from app.services import punches

    punch_journal.record("B01119253", datetime(2026, 11, 25, 8, 20))
    inside, release, gave_up = threading.Event(), threading.Event(), []

    def stuck(*_args, **_kwargs):
        inside.set()
        if not release.wait(30):
            gave_up.append(True)
        raise OperationalError("connect", {}, Exception("timeout"))

    from sqlalchemy.exc import OperationalError

    monkeypatch.setattr(punches, "kiosk_badge", stuck)
    delivery = threading.Thread(target=punch_journal.deliver)
    delivery.start()
    assert inside.wait(30)
    try:
        result = kiosk_badge_or_journal("B01119253", datetime(2026, 11, 25, 8, 40))
        assert result.pending and not gave_up  # answered while the delivery still waited
        assert punch_journal.pending_count() == 2
    finally:
        release.set()
        delivery.join()
