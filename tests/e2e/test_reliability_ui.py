"""The desktop face of reliability: the damaged-database prompt, the database dialog, and a second
copy of the app seeing another process's change through the window's poller."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox

from app.db import current, set_current
from app.services import backup, employees
from app.services.context import Actor

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "shots"
pytestmark = pytest.mark.usefixtures("sqlite_only")


@pytest.fixture
def settings_dir(tmp_path, qapp):
    QSettings.setPath(QSettings.NativeFormat, QSettings.UserScope, str(tmp_path / "settings"))
    QCoreApplication.setOrganizationName("ShopTeamTest")
    QCoreApplication.setApplicationName("ShopTeamTest")
    QSettings().clear()
    yield
    QSettings().clear()


def _shot(widget, name: str) -> None:
    if os.environ.get("SHOPTEAM_SHOTS"):
        SHOTS.mkdir(exist_ok=True)
        widget.grab().save(str(SHOTS / f"{name}.png"))


def _damaged(demo_db) -> backup.StartupReport:
    path = demo_db.path
    backup.auto_backup(datetime(2026, 11, 2, 8))
    set_current(None)
    with open(path, "r+b") as fh:
        fh.write(b"\xff" * 100)
    return backup.startup_check(str(path), datetime(2026, 11, 3, 8))


def test_a_damaged_database_offers_the_latest_backup_and_restores_it(demo_db, qtbot):
    from ui.backup_prompt import DamagedDatabaseDialog

    report = _damaged(demo_db)
    dialog = DamagedDatabaseDialog(report)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "2026-11-02 08:00" in dialog.offer.text()
    assert dialog.restore_button.isEnabled()
    _shot(dialog, "damaged_database_prompt")
    dialog.restore_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert employees.count(Actor.system()) == 15 and current().path == Path(report.database)


def test_without_a_backup_the_prompt_cannot_restore(demo_db, qtbot):
    from ui.backup_prompt import DamagedDatabaseDialog

    report = _damaged(demo_db)
    for b in backup.list_backups(Path(report.database)):
        b.path.unlink()
    report = backup.startup_check(report.database)
    dialog = DamagedDatabaseDialog(report)
    qtbot.addWidget(dialog)
    assert report.latest_backup is None and not dialog.restore_button.isEnabled()
    assert "no backup" in dialog.offer.text()


def test_open_checked_opens_a_sound_database_and_makes_the_daily_backup(demo_db, settings_dir, monkeypatch):
    from ui.backup_prompt import open_checked

    path = str(demo_db.path)
    set_current(None)
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: shown.append(a))
    assert open_checked(path) and shown == []
    assert current().path == Path(path) and backup.latest_backup() is not None


def test_database_dialog_tests_and_saves_a_location(db, qtbot, settings_dir, tmp_path):
    from ui.database_dialog import SETTINGS_KEY, DatabaseDialog

    dialog = DatabaseDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.path_edit.setText(str(tmp_path / "shop.db"))
    dialog.test_button.click()
    assert dialog.result.text().startswith("✓") and "will be created" in dialog.result.text()
    _shot(dialog, "database_dialog_file")
    dialog.server_choice.setChecked(True)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled()  # a server needs a host
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(1)
    dialog.password.setText("secret")
    dialog.test_button.click()
    assert dialog.result.text().startswith("✗") and "cannot be reached" in dialog.result.text()
    _shot(dialog, "database_dialog_server")
    save.click()  # a location that does not answer is not saved
    assert dialog.isVisible() and not QSettings().value(SETTINGS_KEY)
    dialog.file_choice.setChecked(True)
    save.click()
    assert QSettings().value(SETTINGS_KEY) == str(tmp_path / "shop.db")
    again = DatabaseDialog()
    qtbot.addWidget(again)
    assert again.path_edit.text() == str(tmp_path / "shop.db") and again.file_choice.isChecked()


def test_a_server_location_round_trips_through_the_dialog(qtbot, settings_dir):
    from ui.database_dialog import DatabaseDialog

    url = "postgresql+psycopg://shop:p%40ss@192.168.1.10:5433/shopteam"
    dialog = DatabaseDialog(current=url)
    qtbot.addWidget(dialog)
    assert dialog.server_choice.isChecked() and dialog.password.text() == "p@ss" and dialog.port.value() == 5433
    assert dialog.location() == url


def test_the_office_window_shows_a_change_made_by_another_process(demo_db, qtbot, settings_dir, tmp_path):
    from ui.main_window import MainWindow
    from ui.shell import ChangeBus, ShellContext

    ctx = ShellContext(actor=Actor.system("office"), bus=ChangeBus(), show_status=lambda m: None)
    window = MainWindow(ctx, "en")
    qtbot.addWidget(window)
    window.show()
    view = window.select_tab("employeesTab")
    assert not any(r.employee_no == "K900" for r in view.model.rows)
    csv = tmp_path / "one.csv"
    csv.write_text("工号,姓名\nK900,门口打卡\n", encoding="utf-8")
    with qtbot.waitSignal(ctx.bus.changed, timeout=20000) as changed:
        done = subprocess.run([sys.executable, "-m", "app", "--db", str(demo_db.path), "employees", "import", str(csv)],
                              cwd=ROOT, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
    assert "employees" in changed.args[0].areas  # from the watcher: a change made elsewhere, by area
    qtbot.waitUntil(lambda: any(r.employee_no == "K900" for r in view.model.rows), timeout=5000)
    window.close()
