"""The kiosk says what a punch is for that person on that day (the words come from the service)."""

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt

from app.services import punches, roster


SUNDAY_EVENING = datetime(2026, 11, 22, 19, 0)


@pytest.fixture
def kiosk(demo_db, qtbot):
    from ui.kiosk.window import KioskWindow

    window = KioskWindow()
    qtbot.addWidget(window)
    window.show()
    yield window
    window._may_close = True
    window.close()


def scan(qtbot, window, text):
    qtbot.keyClicks(window.input, text)
    qtbot.keyClick(window.input, Qt.Key_Return)


def test_a_sunday_punch_without_a_shift_is_only_recorded(kiosk, qtbot, monkeypatch, admin):
    monkeypatch.setattr(punches, "now", lambda: SUNDAY_EVENING)
    on_duty = set(roster.roster_month(admin, 2026, 11)[date(2026, 11, 22)])
    no = next(n for n in (f"E{i:03d}" for i in range(4, 16)) if n not in on_duty)
    scan(qtbot, kiosk, "B1" + no[1:].rjust(4, "0"))
    text = kiosk.status.text()
    assert "19:00 Recorded (no shift today)" in text
    assert "late" not in text and "early" not in text


def test_the_fifth_wrong_pin_says_the_number_is_locked_and_for_how_long(kiosk, qtbot):
    for attempt in range(5):
        scan(qtbot, kiosk, "E006")
        scan(qtbot, kiosk, "9999")
    assert "E006 is now locked for 5 minutes" in kiosk.status.text()
