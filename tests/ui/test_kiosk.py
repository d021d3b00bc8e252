"""The kiosk with a keyboard alone: badge, 工号 + PIN, wrong-PIN lockout, double punch, leaving.
The demo department as of 2026-11-25; the kiosk's clock says 2026-11-26 08:20."""

from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from app.services import kiosk_month, leave, month_close, punch_import, punches
from app.services.punches import list_punches

NOW = datetime(2026, 11, 26, 8, 20)


@pytest.fixture(autouse=True)
def _fixed_now(monkeypatch):
    for module in (leave, punches, punch_import, month_close, kiosk_month):
        monkeypatch.setattr(module, "now", lambda: NOW)


@pytest.fixture(autouse=True)
def _worker_done_before_the_database_goes(demo_db):
    yield
    from ui.operations import wait_idle

    wait_idle()


@pytest.fixture
def kiosk(demo_db, qtbot):
    from ui.kiosk.window import KioskWindow

    window = KioskWindow()
    qtbot.addWidget(window)
    window.show()
    yield window
    window._may_close = True
    window.close()


def type_enter(qtbot, window, text):
    qtbot.keyClicks(window.input, text)
    qtbot.keyClick(window.input, Qt.Key_Return)


def scan(kiosk, code):
    """A badge reader's burst, whatever the machine's load (app/rules/kiosk.py tells it from typing)."""
    kiosk._key_times = None
    kiosk.input.setText(code)
    kiosk._key_times = [0.0] * (len(code) + 1)
    kiosk.submit()


def count(admin, no="E004"):
    return len([p for p in list_punches(admin, NOW.year, NOW.month, no) if p["at"].date() == NOW.date()])


def test_badge_scan_punches_and_a_second_scan_is_already_recorded(kiosk, qtbot, admin):
    assert count(admin) == 0
    scan(kiosk, "B01119253")
    assert "张雨桐" in kiosk.status.text()
    assert count(admin) == 1  # committed before the screen confirmed it
    scan(kiosk, "B01119253")
    assert "Already recorded" in kiosk.status.text()
    assert count(admin) == 1
    kiosk.reset_idle()
    assert kiosk.status.text() == "" and kiosk.input.text() == ""


def test_employee_no_then_pin_from_the_keypad(kiosk, qtbot, admin):
    before = count(admin, "E005")
    for key in "5":
        qtbot.mouseClick(kiosk.findChild(type(kiosk.exit_button), f"kioskKey{key}"), Qt.LeftButton)
    qtbot.mouseClick(kiosk.findChild(type(kiosk.exit_button), "kioskKeyEnter"), Qt.LeftButton)
    assert kiosk.input.echoMode() == kiosk.input.EchoMode.Password
    type_enter(qtbot, kiosk, "0005")
    assert "刘子轩" in kiosk.status.text()
    assert count(admin, "E005") == before + 1


def test_blank_and_wrong_pins_never_punch_and_five_lock(kiosk, qtbot, admin):
    before = count(admin, "E006")
    type_enter(qtbot, kiosk, "E006")
    qtbot.keyClick(kiosk.input, Qt.Key_Return)  # blank PIN: asked again, nothing sent
    assert "PIN" in kiosk.prompt.text() and kiosk.status.text() == ""
    type_enter(qtbot, kiosk, "9999")
    assert "Wrong" in kiosk.status.text()
    for _ in range(4):
        type_enter(qtbot, kiosk, "E006")
        type_enter(qtbot, kiosk, "9999")
        assert "Wrong" in kiosk.status.text()
    type_enter(qtbot, kiosk, "E006")
    type_enter(qtbot, kiosk, "0006")  # the right PIN, but locked now
    assert "locked" in kiosk.status.text()
    assert count(admin, "E006") == before


def test_leaving_needs_a_leader_password(kiosk, qtbot, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from ui.kiosk import window as module

    kiosk.close()
    assert kiosk.isVisible()  # closing without the password is ignored
    passwords = iter(["wrong", "demo1234"])

    def fake_exec(dialog):  # a person types the manager's user name and a password, then OK
        dialog.user.setText("linxw")
        dialog.password.setText(next(passwords))
        dialog._check()
        return dialog.result() == QDialog.Accepted

    monkeypatch.setattr(module.LeaveKioskDialog, "exec", fake_exec)
    qtbot.keyClick(kiosk.input, Qt.Key_Escape)
    assert kiosk.isVisible()
    with qtbot.waitSignal(kiosk.left):
        qtbot.keyClick(kiosk.input, Qt.Key_Escape)
    assert not kiosk.isVisible()


def test_staff_password_does_not_leave(demo_db, qtbot):
    from ui.kiosk.window import LeaveKioskDialog

    dialog = LeaveKioskDialog()
    qtbot.addWidget(dialog)
    dialog.user.setText("zhangyt")
    dialog.password.setText("demo1234")
    dialog._check()
    assert dialog.result() != dialog.DialogCode.Accepted and dialog.error.text()


def test_a_badge_code_typed_by_hand_is_read_as_an_employee_no(kiosk, qtbot, admin):
    before = count(admin)
    qtbot.keyClicks(kiosk.input, "B01119253", delay=120)  # a colleague typing 张雨桐's badge code
    qtbot.keyClick(kiosk.input, Qt.Key_Return)
    assert kiosk.input.echoMode() == kiosk.input.EchoMode.Password  # asked for a PIN, nothing punched
    assert count(admin) == before
    type_enter(qtbot, kiosk, "0004")
    assert count(admin) == before and "张雨桐" not in kiosk.status.text()


def test_a_punch_while_the_database_is_away_is_journaled_and_shown_as_waiting(kiosk, qtbot, admin, monkeypatch):
    from app.errors import DatabaseError
    from app.services import punch_journal

    def away(*args, **kwargs):
        raise DatabaseError("The database server {where} cannot be reached; nothing was saved.", where="x")

    def waiting() -> int:
        text = kiosk.waiting.text()
        return int(text.split()[0]) if text else 0

    assert count(admin) == 0
    with monkeypatch.context() as m:
        m.setattr(punches, "kiosk_badge", away)
        scan(kiosk, "B01119253")
        assert "Recorded (waiting to sync)" in kiosk.status.text()
        assert waiting() == 1
        scan(kiosk, "B36333813")  # the next person (刘子轩): behind the first, without trying the database
        assert "Recorded (waiting to sync)" in kiosk.status.text() and waiting() == 2
    assert count(admin) == 0
    punch_journal.deliver()  # the database is back: what the kiosk's background delivery does
    kiosk._update_waiting()
    assert waiting() == 0 and count(admin) == 1 and count(admin, "E005") == 1


def test_the_answer_colour_follows_each_answer_and_clears_when_idle(kiosk, qtbot, admin):
    from app.rules import attendance as rules
    from ui import theme

    scan(kiosk, "B01119253")  # on time
    assert theme.status[rules.NORMAL] in kiosk.status.styleSheet()
    scan(kiosk, "B01119253")  # already recorded: another colour
    assert theme.status[rules.LEAVE] in kiosk.status.styleSheet()
    assert theme.status[rules.NORMAL] not in kiosk.status.styleSheet()
    kiosk.reset_idle()
    assert kiosk.status.styleSheet() == "background: transparent;"
    scan(kiosk, "B01119253")  # the same answer as last time comes back coloured after the idle screen
    assert theme.status[rules.LEAVE] in kiosk.status.styleSheet()
