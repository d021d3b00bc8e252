"""The window's 续假 and 临时工作交接表 dialogs file through the services, on the demo department
(loaded as of 2026-11-25) with the services' clock at 2026-11-26 08:20."""

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QDateTime

from app.services import handover, leave, month_close, punches
from tests.ui.test_attendance_tab import _fill_and_submit, loaded
from ui.operations import drain

NOW = datetime(2026, 11, 26, 8, 20)


@pytest.fixture(autouse=True)
def _fixed_now(monkeypatch):
    for module in (leave, punches, month_close):  # handover takes its times from the form only
        monkeypatch.setattr(module, "now", lambda: NOW)


@pytest.fixture(autouse=True)
def _worker_done_before_the_database_goes(demo_db):
    yield
    from ui.workers import pool

    pool().waitForDone(30000)


def test_handover_dialog_records_approved_off_post_time(main_window, qtbot, monkeypatch, admin):
    from ui.attendance.dialogs import HandoverDialog

    view = loaded(main_window().select_tab("attendanceTab"), qtbot)
    start = datetime(2026, 11, 25, 9, 30)  # yesterday, a Wednesday

    def fill(d):
        d.person.setCurrentIndex(d.person.findData("E004"))
        d.to.setCurrentIndex(d.to.findData("E005"))
        d.start.setDateTime(QDateTime(start))
        d.back.setDateTime(QDateTime(start - timedelta(minutes=5)))
        assert not d.buttons.button(d.buttons.StandardButton.Ok).isEnabled() and d.error.text()
        d.back.setDateTime(QDateTime(start + timedelta(minutes=90)))
        d.place.setText("银行")
        d.items.setText("客服账号")

    seen = _fill_and_submit(monkeypatch, HandoverDialog, fill)
    view.act_handover.trigger()
    drain()  # whom to offer comes by a query; the record is written by an operation
    h = handover.get_handover(admin, seen["id"])
    assert (h.employee_no, h.to_employee_no, h.start, h.back_at, h.items) == (
        "E004", "E005", start, start + timedelta(minutes=90), "客服账号")


def test_extend_dialog_files_an_extension(main_window, qtbot, monkeypatch, admin):
    from ui.attendance.dialogs import ExtendLeaveDialog

    start = datetime(2026, 12, 8, 8, 30)  # a Tuesday ahead: not a plan day nor a weekend
    rid = leave.request_leave(admin, "E006", "annual", start, start.replace(hour=17, minute=30), "trip")
    view = loaded(main_window().select_tab("attendanceTab"), qtbot)

    def fill(d):
        d.leave.setCurrentIndex(next(i for i in range(d.leave.count()) if d.leave.itemData(i).id == rid))
        d.end.setDateTime(QDateTime(start.replace(hour=12, minute=0)))
        assert not d.buttons.button(d.buttons.StandardButton.Ok).isEnabled()  # before the leave's end
        d.end.setDateTime(QDateTime((start + timedelta(days=1)).replace(hour=12, minute=0)))

    seen = _fill_and_submit(monkeypatch, ExtendLeaveDialog, fill)
    view.act_extend.trigger()
    drain()
    assert seen["id"] and any(p.id == seen["id"] for p in leave.pending_requests(admin))


def test_staff_record_a_handover_only_for_themselves(main_window, qtbot, monkeypatch, actor_for):
    from ui.attendance.dialogs import HandoverDialog

    view = loaded(main_window(actor_for("zhangyt")).select_tab("attendanceTab"), qtbot)
    offered = {}

    def fill(d):
        offered["from"] = [d.person.itemData(i) for i in range(d.person.count())]
        offered["to"] = d.to.count()
        d.to.setCurrentIndex(d.to.findData("E005"))
        d.items.setText("客服账号")

    seen = _fill_and_submit(monkeypatch, HandoverDialog, fill)
    view.act_handover.trigger()
    drain()
    assert offered["from"] == ["E004"] and offered["to"] > 1  # her own name, handed to anyone
    assert handover.get_handover(actor_for("zhangyt"), seen["id"]).employee_no == "E004"
