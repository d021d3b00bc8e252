"""Backups: online copies, rotation, the daily backup at start-up, restore with checks, damaged files."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime, timedelta

import pytest

from app.db import current, reading, set_current
from app.errors import DatabaseError, PermissionDenied, SchemaTooNew, ValidationError
from app.services import audit, backup, employees, policy
from app.services.context import Actor

pytestmark = pytest.mark.usefixtures("sqlite_only")


def _count() -> int:
    return employees.count(Actor.system())


def _add(no: str, name: str = "测试员工") -> None:
    employees.create_employee(Actor.system(), employees.EmployeeInput(employee_no=no, name=name))


def test_backup_is_a_sound_copy_of_the_database(demo_db, admin, tmp_path):
    info = backup.make_backup(admin, tmp_path / "copy.db")
    checked = backup.check_backup_file(info.path)
    assert checked.employees == _count() == 15
    assert info.size == info.path.stat().st_size > 0
    with open(info.path, "rb") as fh:  # one self-contained file, not in WAL mode
        assert fh.read(20)[18:20] == b"\x01\x01"
    assert not os.path.exists(str(info.path) + "-wal")


def test_backup_without_out_goes_to_the_backup_folder(demo_db, admin):
    info = backup.make_backup(admin)
    assert info.path.parent == current().path.parent / "backups"
    assert backup.latest_backup().path == info.path


@pytest.mark.parametrize("make_target, message", [
    (lambda d: d, "is a folder"),
    (lambda d: d / "missing" / "x.db", "does not exist"),
    (lambda d: current().path, "cannot overwrite the database"),
])
def test_backup_refuses_bad_targets(db, admin, tmp_path, make_target, message):
    with pytest.raises(ValidationError, match=message):
        backup.make_backup(admin, make_target(tmp_path))


def test_backup_and_restore_need_the_backup_permission(demo_db, actor_for, tmp_path):
    for username in ("linxw", "fengyq", "zhangyt"):
        with pytest.raises(PermissionDenied):
            backup.make_backup(actor_for(username), tmp_path / "x.db")
        with pytest.raises(PermissionDenied):
            backup.restore_backup(actor_for(username), tmp_path / "x.db")
    assert not (tmp_path / "x.db").exists()


def test_rotation_keeps_seven_daily_and_four_weekly():
    start = datetime(2026, 1, 1, 9, 0)  # a Thursday
    stamps = [start + timedelta(days=i) for i in range(60)] + [start + timedelta(days=59, hours=3)]
    keep = backups_sorted = sorted(backup.backups_to_keep(stamps, 7, 4), reverse=True)
    newest_day = (start + timedelta(days=59)).date()
    daily = {t.date() for t in keep if (newest_day - t.date()).days < 7}
    assert len(daily) == 7
    # the newest of the day wins; the earlier backup of the same day goes
    assert start + timedelta(days=59, hours=3) in keep and start + timedelta(days=59) not in keep
    weeks = {t.isocalendar()[:2] for t in keep}
    assert len(weeks) == 4 and len(keep) == 7 + 3  # the current week's newest is also today's
    older = [t for t in backups_sorted if (newest_day - t.date()).days >= 7]
    assert all(t.weekday() == 6 for t in older)  # the newest backup of an older week is its Sunday


@pytest.mark.parametrize("daily, weekly, expected", [(1, 0, 1), (7, 0, 7), (0, 0, 0), (30, 4, 30), (2, 10, 6)])
def test_rotation_boundaries(daily, weekly, expected):
    stamps = [datetime(2026, 3, 1, 8) + timedelta(days=i) for i in range(30)]  # Sunday 1 March .. Monday 30 March: 6 ISO weeks, each kept by its newest day
    assert len(backup.backups_to_keep(stamps, daily, weekly)) == expected


def test_automatic_backup_once_a_day_with_rotation(demo_db, admin):
    policy.set_value(admin, "backup.keep_daily", 2)
    policy.set_value(admin, "backup.keep_weekly", 1)
    t0 = datetime(2026, 11, 2, 8, 0)  # Monday
    assert backup.auto_backup(t0) is not None
    assert backup.auto_backup(t0 + timedelta(hours=23, minutes=59, seconds=59)) is None
    assert backup.auto_backup(t0 + timedelta(days=1)) is not None
    assert backup.auto_backup(t0 + timedelta(days=2)) is not None
    kept = [b.taken_at for b in backup.list_backups()]
    assert kept == [t0 + timedelta(days=2), t0 + timedelta(days=1)]  # 2 daily; the week's newest is among them


def test_rotation_never_touches_other_files(demo_db, admin, tmp_path):
    folder = current().path.parent / "backups"
    folder.mkdir()
    mine = folder / "before-restore-20200101-000000.db"
    mine.write_bytes(b"x")
    for i in range(10):
        backup.auto_backup(datetime(2026, 1, 1) + timedelta(days=i))
    assert mine.exists() and len(backup.list_backups()) == 7


def test_restore_brings_back_the_backup_and_keeps_the_current_database_aside(demo_db, admin, tmp_path):
    saved = backup.make_backup(admin, tmp_path / "saved.db")
    _add("N001")
    assert _count() == 16
    result = backup.restore_backup(admin, saved.path)
    assert _count() == 15 and result.employees == 15
    assert backup.check_backup_file(result.kept_aside).employees == 16
    with reading() as s:
        assert audit.first_broken(s) is None
        assert [e.action for e in s.execute(audit.select(audit.AuditEntry).order_by(audit.AuditEntry.id.desc()).limit(1)).scalars()] == ["system.restore"]


def _plain_sqlite(path):
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE notes(x)")
    con.commit()
    con.close()


@pytest.mark.parametrize("make_file, message", [
    (lambda p: p.write_bytes(b""), "not a ShopTeam backup"),
    (lambda p: p.write_bytes(os.urandom(5000)), "not a ShopTeam backup"),
    (lambda p: p.write_text("工号,姓名\nE1,张三\n", encoding="gbk"), "not a ShopTeam backup"),
    (_plain_sqlite, "not a ShopTeam database"),
    (lambda p: None, "does not exist"),
])
def test_restore_refuses_what_is_not_a_backup_and_changes_nothing(demo_db, admin, tmp_path, make_file, message):
    bad = tmp_path / "bad.db"
    make_file(bad)
    _add("N001")
    with pytest.raises(ValidationError, match=message):
        backup.restore_backup(admin, bad)
    assert _count() == 16
    assert not (current().path.parent / "backups").exists()


def test_restore_refuses_a_damaged_backup(demo_db, admin, tmp_path):
    saved = backup.make_backup(admin, tmp_path / "saved.db")
    _damage_pages(saved.path)
    with pytest.raises(ValidationError, match="damaged"):
        backup.restore_backup(admin, saved.path)
    assert _count() == 15


def test_restore_refuses_a_backup_from_a_newer_version(demo_db, admin, tmp_path):
    saved = backup.make_backup(admin, tmp_path / "saved.db")
    con = sqlite3.connect(saved.path)
    con.execute("INSERT INTO alembic_version VALUES ('9999_future')")
    con.commit()
    con.close()
    with pytest.raises(ValidationError, match="newer ShopTeam"):
        backup.restore_backup(admin, saved.path)


def _damage_pages(path, first_page=3, pages=3):
    with open(path, "r+b") as fh:
        fh.seek(4096 * first_page)
        fh.write(os.urandom(4096 * pages))


def _damage_header(path):
    with open(path, "r+b") as fh:
        fh.write(b"\xff" * 100)


def test_startup_check_makes_the_daily_backup_on_a_sound_database(demo_db):
    path = current().path
    set_current(None)
    report = backup.startup_check(str(path), datetime(2026, 11, 3, 8, 0))
    assert report.ok and report.backup_made is not None and report.problems == []
    again = backup.startup_check(str(path), datetime(2026, 11, 3, 12, 0))
    assert again.ok and again.backup_made is None and again.latest_backup == report.backup_made


@pytest.mark.parametrize("damage", [_damage_header, _damage_pages])
def test_startup_check_finds_a_damaged_database_and_offers_the_latest_backup(demo_db, admin, damage):
    path = current().path
    backup.auto_backup(datetime(2026, 11, 1, 8))
    newest = backup.auto_backup(datetime(2026, 11, 2, 8))
    set_current(None)
    damage(path)
    report = backup.startup_check(str(path), datetime(2026, 11, 3, 8))
    assert not report.ok and "damaged" in report.problems[0]
    assert report.latest_backup == newest and report.backup_made is None
    result = backup.restore_backup(Actor.system("startup"), report.latest_backup.path, str(path))
    assert result.kept_aside.exists() and _count() == 15
    assert backup.startup_check(str(path), datetime(2026, 11, 3, 9)).ok


def test_startup_check_refuses_a_database_from_a_newer_version(db):
    path = current().path
    with current().engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO alembic_version VALUES ('9999_future')")
    set_current(None)
    with pytest.raises(SchemaTooNew):
        backup.startup_check(str(path))


def test_full_disk_during_a_backup_gives_a_clear_message(db, admin, tmp_path, monkeypatch):
    real_connect = sqlite3.connect

    def small_disk(target, *args, **kwargs):
        con = real_connect(target, *args, **kwargs)
        if str(target).endswith(".shopteam-tmp"):  # the temp file the copy is written to
            con.execute("PRAGMA max_page_count=2")
        return con

    monkeypatch.setattr(backup.sqlite3, "connect", small_disk)
    with pytest.raises(DatabaseError, match="disk is full") as caught:
        backup.make_backup(admin, tmp_path / "x.db")
    assert str(tmp_path / "x.db") in str(caught.value)
    assert list(tmp_path.iterdir()) == [tmp_path / "shopteam.db"] or not (tmp_path / "x.db").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".shopteam-tmp")]


@pytest.fixture
def readonly_folder(tmp_path):
    """A folder nobody may write to: chmod for a normal user; sysfs when the tests run as root."""
    if os.geteuid() != 0:
        folder = tmp_path / "ro"
        folder.mkdir()
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)
        return
    folder = os.path.realpath("/sys/kernel")
    try:
        open(os.path.join(folder, "probe.db"), "wb").close()
    except OSError:
        from pathlib import Path

        yield Path(folder)
    else:
        pytest.skip("no read-only folder available")


def test_backup_into_a_read_only_folder_gives_a_clear_message(db, admin, readonly_folder):
    with pytest.raises(DatabaseError, match="read-only"):
        backup.make_backup(admin, readonly_folder / "x.db")


def test_a_database_in_a_read_only_folder_gives_a_clear_message(readonly_folder, monkeypatch, tmp_path):
    from app.db import open_database

    monkeypatch.setenv("SHOPTEAM_HOME", str(tmp_path))
    with pytest.raises(DatabaseError, match="cannot be opened|read-only"):
        open_database(str(readonly_folder / "new" / "shopteam.db"))


def test_probe_location_tests_without_opening(db, tmp_path):
    assert backup.probe_location(str(current().path)).ok
    assert backup.probe_location(str(current().path)).employees == 0
    fresh = tmp_path / "fresh.db"
    probe = backup.probe_location(str(fresh))
    assert probe.ok and "will be created" in probe.message and not fresh.exists()
    assert not backup.probe_location(str(tmp_path / "missing" / "x.db")).ok
    assert not backup.probe_location(str(tmp_path)).ok
    other = tmp_path / "other.db"
    _plain_sqlite(other)
    assert "not ShopTeam's" in backup.probe_location(str(other)).message
    refused = backup.probe_location("postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert not refused.ok and "cannot be reached" in refused.message
    assert not backup.probe_location("").ok
