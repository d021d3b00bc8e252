"""The kiosk's month panel on the demo department: October 2026 is closed; on 2026-11-26 张雨桐 scans
her badge and sees only her own October, disagrees with a reason from the list, and asks for a missing
punch (补卡) of November; the panel goes back to the clock after inactivity or the next scan."""

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from app.services import kiosk_month, leave, month_close, punch_import, punches
from ui.operations import drain

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

    month_close.close_month(month_close.Actor.system("hr"), "2026-10", close_pending=True)
    window = KioskWindow()
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    yield window
    window._may_close = True
    window.close()


def scan(qtbot, kiosk, code):
    kiosk._key_times = None
    kiosk.input.setText(code)
    kiosk._key_times = [0.0] * (len(code) + 1)  # a reader's burst: a badge
    kiosk.submit()


def shown_text(panel) -> str:
    return " ".join(w.text() for w in panel.findChildren(QLabel) + panel.findChildren(QPushButton) if w.isVisible())


def test_person_confirms_only_their_own_month_at_the_kiosk(kiosk, qtbot, actor_for):
    scan(qtbot, kiosk, "B01119253")
    panel = kiosk.month_panel
    qtbot.waitUntil(panel.isVisible, timeout=20000)
    text = shown_text(panel)
    assert "张雨桐" in text and "2026-10" in text
    for other in ("刘子轩", "林晓薇", "陈志远"):  # other people of the demo department
        assert other not in text
    assert panel.findChild(QLabel, "monthDay_2026-10-08") is not None  # each day's verdict
    qtbot.mouseClick(panel.findChild(QPushButton, "kioskMonthDisagree"), Qt.LeftButton)
    reason = panel.findChild(QPushButton, "kioskDisagreeReason1")
    assert reason.isVisible() and reason.text() == "Leave is missing"
    qtbot.mouseClick(reason, Qt.LeftButton)
    drain()
    people = month_close.confirmations(actor_for("fengyq"), "2026-10")["people"]
    mine = next(p for p in people if p["employee_no"] == "E004")
    assert mine["answer"] == "disagreed" and mine["note"] == "Leave is missing"
    assert all(p["answer"] == "none" for p in people if p["employee_no"] != "E004")
    assert not panel.confirm_button.isEnabled()
    # the next scan forgets her at once; nothing to confirm for her any more
    scan(qtbot, kiosk, "B01119253")
    assert not panel.isVisible() or panel.data is None


def test_the_next_person_scanning_before_the_look_up_starts_sees_only_their_own_month(kiosk, qtbot):
    """The month is looked up from the event loop after the answer is shown: two scans in one burst
    (no event processed between them) open the second person's month, never the first's."""
    scan(qtbot, kiosk, "B01119253")  # 张雨桐
    assert not kiosk.month_panel.isVisible()  # the answer first; the look-up has not started
    scan(qtbot, kiosk, "B36333813")  # 刘子轩, at once
    panel = kiosk.month_panel
    qtbot.waitUntil(panel.isVisible, timeout=20000)
    drain()
    text = shown_text(panel)
    assert "刘子轩" in text and "张雨桐" not in text and "刘子轩" in kiosk.status.text()


def test_missing_punch_is_asked_for_with_a_reason(kiosk, qtbot, admin):
    from datetime import date

    from app.services.attendance import day_detail

    for t in ("08:25", "17:35"):  # 11-25 without the lunch punches: 缺卡
        punches.record_punch(admin, employee_no="E004", at=datetime.fromisoformat(f"2026-11-25 {t}"))
    scan(qtbot, kiosk, "B01119253")
    panel = kiosk.month_panel
    qtbot.waitUntil(panel.isVisible, timeout=20000)
    assert [d["date"] for d in panel.missing] == ["2026-11-25"]
    qtbot.mouseClick(panel.correction_button, Qt.LeftButton)
    slot = panel.findChild(QPushButton, "kioskMissingSlot0")
    at = slot.text()
    assert slot.isVisible() and at == "2026-11-25 12:00"
    qtbot.mouseClick(slot, Qt.LeftButton)
    qtbot.mouseClick(panel.findChild(QPushButton, "kioskCorrectionReason0"), Qt.LeftButton)
    drain()
    assert at in panel.message.text()
    assert all(s["at"] != at for d in panel.missing for s in d["slots"])
    filed = day_detail(admin, "E004", date(2026, 11, 25))["corrections"]
    assert [(c["at"].strftime("%H:%M"), c["status"], c["reason"]) for c in filed] == [("12:00", "pending", "Forgot to punch")]


def test_panel_goes_back_to_the_clock_after_inactivity(kiosk, qtbot):
    scan(qtbot, kiosk, "B01119253")
    panel = kiosk.month_panel
    qtbot.waitUntil(panel.isVisible, timeout=20000)
    panel._idle.setInterval(50)
    panel._idle.start(50)
    qtbot.waitUntil(lambda: not panel.isVisible(), timeout=3000)
    assert panel.ticket is None and kiosk.status.text() == ""
