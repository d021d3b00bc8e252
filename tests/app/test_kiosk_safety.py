"""The kiosk refuses buddy punching (issue 14, item 5) and the smaller security rules (item 8)."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import func, select

from app.db import reading
from app.errors import PermissionDenied, ValidationError
from app.models.attendance import KioskLock
from app.rules.kiosk import looks_scanned
from app.services import employees, kiosk_guard, policy, punches, users

MOMENT = datetime(2026, 11, 18, 8, 50)


@pytest.fixture(autouse=True)
def fresh_kiosk():
    kiosk_guard.reset()
    yield
    kiosk_guard.reset()


def test_only_a_readers_burst_is_a_badge():
    assert looks_scanned([0, 8, 16, 25, 33, 41, 50, 58, 66, 80])  # B + 8 digits + Enter from a reader
    assert not looks_scanned([0, 140, 290, 420, 600, 750, 900, 1050, 1200, 1400])  # typed by hand
    assert not looks_scanned([0, 8, 16, 25, 33, 41, 300, 310, 320, 330])  # a pause in the middle
    assert not looks_scanned(None)  # the on-screen pad
    assert not looks_scanned([0, 5])  # too short to be a badge


def test_unknown_numbers_add_no_lock_rows(demo_db):
    for n in range(10):
        with pytest.raises(PermissionDenied):
            punches.kiosk_pin(f"9{n:04d}", "1234", at=MOMENT)
    with reading() as s:
        assert s.execute(select(func.count()).select_from(KioskLock)).scalar_one() == 0


def test_wrong_pins_over_many_numbers_pause_pin_entry_but_not_badges(demo_db):
    limit = 20
    for n in range(limit):
        with pytest.raises(PermissionDenied, match="Wrong"):
            punches.kiosk_pin(f"E{(n % 14) + 2:03d}" if n % 2 else f"8{n:03d}", "9999", at=MOMENT)
    with pytest.raises(PermissionDenied, match="this kiosk"):
        punches.kiosk_pin("E004", "0004", at=MOMENT)  # even the right PIN waits
    assert punches.kiosk_badge("B01119253", at=MOMENT).employee_no == "E004"


def test_the_kiosks_pin_count_holds_across_kiosk_processes(demo_db, admin, monkeypatch):
    """The count is in the database: a second kiosk process on the PC (or the kiosk restarted after its
    plug was pulled) goes on counting; another kiosk PC counts apart."""
    import os
    import subprocess
    import sys
    import textwrap
    from pathlib import Path

    policy.set_value(admin, "security.kiosk_pin_failures_per_kiosk", 4)
    for n in range(2):
        with pytest.raises(PermissionDenied, match="Wrong employee no. or PIN"):
            punches.kiosk_pin(f"8{n:03d}", "9999", at=MOMENT)
    location = str(demo_db.path) if demo_db.is_sqlite else demo_db.url
    other = textwrap.dedent(f"""
        from datetime import datetime
        from app.db import open_database
        from app.errors import PermissionDenied
        from app.services import punches
        open_database({location!r})
        for no in ("7901", "E005"):
            try:
                punches.kiosk_pin(no, "9999", at=datetime.fromisoformat({MOMENT.isoformat()!r}))
            except PermissionDenied as exc:
                print(exc)
    """)
    root = str(Path(__file__).resolve().parents[2])
    done = subprocess.run([sys.executable, "-c", other], capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, PYTHONPATH=root, SHOPTEAM_LANG="en"))
    assert done.returncode == 0 and done.stdout.count("Wrong employee no. or PIN.") == 2, done.stdout + done.stderr
    kiosk_guard.reset()  # as if this kiosk process had restarted too
    with pytest.raises(PermissionDenied, match="PIN entry is paused"):
        punches.kiosk_pin("E004", "0004", at=MOMENT)
    monkeypatch.setattr(kiosk_guard, "kiosk_name", lambda: "door-2")  # the other door's kiosk
    assert punches.kiosk_pin("E004", "0004", at=MOMENT).employee_no == "E004"


def test_the_exit_dialog_has_its_own_limit_and_never_locks_the_office_login(demo_db):
    for _i in range(5):
        assert not users.verify_leader_password("linxw", "wrong-password")
    with pytest.raises(PermissionDenied, match="kiosk's exit"):
        users.verify_leader_password("linxw", "demo1234")
    assert users.login("linxw", "demo1234").username == "linxw"  # the office login is not locked


def test_the_exit_dialog_refuses_staff(demo_db):
    assert not users.verify_leader_password("zhangyt", "demo1234")
    assert users.verify_leader_password("linxw", "demo1234")


def test_new_badge_codes_are_random_and_unused(demo_db, admin):
    codes = {employees.new_badge_code(admin) for _i in range(30)}
    assert len(codes) == 30
    taken = {r.badge_code for r in employees.list_employees(admin)}
    assert not codes & taken
    numbers = sorted(int(c[1:]) for c in codes)
    assert any(b - a > 1000 for a, b in zip(numbers, numbers[1:]))  # not a sequence
    demo = sorted(int(r.badge_code[1:]) for r in employees.list_employees(admin))
    assert not all(b - a == 1 for a, b in zip(demo, demo[1:]))


def test_the_lock_message_says_the_true_lock_time(demo_db):
    for _i in range(5):
        with pytest.raises(PermissionDenied):
            users.login("wanghr", "nope")
    with pytest.raises(PermissionDenied, match="in 5 minutes"):
        users.login("wanghr", "demo1234")


def test_a_manager_cannot_weaken_security_settings(demo_db, actor_for, admin):
    manager = actor_for("linxw")
    with pytest.raises(PermissionDenied):
        policy.set_value(manager, "security.login_max_attempts", 20)
    with pytest.raises(PermissionDenied):
        policy.set_values(manager, {"security.login_lock_minutes": 1})
    policy.set_values(manager, {"security.login_lock_minutes": 5})  # unchanged: nothing to refuse
    assert policy.set_value(admin, "security.login_max_attempts", 6) == 6


@pytest.mark.parametrize("when", [datetime(1900, 1, 1, 8, 0), datetime(1999, 12, 31, 9, 0)])
def test_punches_before_2000_are_refused(demo_db, admin, when):
    with pytest.raises(ValidationError, match="before attendance tracking starts"):
        punches.record_punch(admin, employee_no="E004", at=when)


def test_an_imported_punch_from_1900_is_refused(demo_db, admin, tmp_path):
    path = tmp_path / "p.csv"
    path.write_text("工号,时间\nE004,1900-01-01 08:41\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="1900-01-01"):
        punches.import_punches(admin, path)
