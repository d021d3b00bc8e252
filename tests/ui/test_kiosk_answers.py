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
    """A badge reader's burst, whatever the machine's load (keyClicks may be slower than a reader)."""
    window._key_times = None
    window.input.setText(text)
    window._key_times = [0.0] * (len(text) + 1)
    window.submit()


def type_enter(qtbot, window, text):
    qtbot.keyClicks(window.input, text)
    qtbot.keyClick(window.input, Qt.Key_Return)


def test_a_sunday_punch_without_a_shift_is_only_recorded(kiosk, qtbot, monkeypatch, admin):
    monkeypatch.setattr(punches, "now", lambda: SUNDAY_EVENING)
    on_duty = set(roster.roster_month(admin, 2026, 11)[date(2026, 11, 22)])
    from app.services.employees import list_employees

    person = next(e for e in list_employees(admin) if e.employee_no not in on_duty and e.badge_code)
    scan(qtbot, kiosk, person.badge_code)  # a reader's burst of keys
    text = kiosk.status.text()
    assert "19:00 Recorded (no shift today)" in text
    assert "late" not in text and "early" not in text


def test_the_fifth_wrong_pin_says_the_number_is_locked_and_for_how_long(kiosk, qtbot):
    for _attempt in range(5):
        type_enter(qtbot, kiosk, "E006")
        type_enter(qtbot, kiosk, "9999")
    assert "E006 is now locked for 5 minutes" in kiosk.status.text()
