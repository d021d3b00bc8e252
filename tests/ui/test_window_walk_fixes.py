"""Defects found walking a manager's month in a real window (issue 15 item 3), each with the test that found it."""

import pytest
from PySide6.QtCore import QDate

from app.rules.attendance import paid_figures
from ui.operations import drain


class _DemoDay(QDate):
    @staticmethod
    def currentDate():  # noqa: N802 - Qt's name
        return QDate(2026, 11, 25)


@pytest.fixture
def attendance(main_window, actor_for, qtbot, monkeypatch):
    from ui.attendance import view

    monkeypatch.setattr(view, "QDate", _DemoDay)  # the demo month, whatever the day the test runs
    tab = main_window(actor_for("linxw")).select_tab("attendanceTab")
    drain()
    qtbot.waitUntil(lambda: not tab.is_loading(), timeout=30000)
    yield tab
    drain()


def test_a_full_month_of_paid_days_is_a_number_like_the_others():
    """The summary showed "23" beside "19.47" and "19.00": a full month came back as the int days due."""
    unpaid, paid = paid_figures(23, 0.0, {}, ["personal", "sick"], 7.5)
    assert (unpaid, paid) == (0.0, 23.0) and isinstance(paid, float)


def test_paid_days_read_alike_for_every_person(attendance):
    model, col = attendance.summary.model(), attendance.summary_model.column_index("paid_days")
    rows = [dict(r) for r in attendance.summary_model.rows]
    rows[0]["paid_days"], rows[1]["paid_days"] = 23, 19.47  # as a month close snapshot or an older row may hold them
    attendance.summary_model.set_rows(rows)
    shown = {model.index(r, 0).data(): model.index(r, col).data() for r in range(model.rowCount())}
    assert shown[rows[0]["employee_no"]] == "23.00" and shown[rows[1]["employee_no"]] == "19.47"
    assert all(text.endswith(tuple(f".{d:02d}" for d in range(100))) for text in shown.values())
