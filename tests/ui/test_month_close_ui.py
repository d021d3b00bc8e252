"""Attendance ▸ Month close on the demo department (loaded as of 2026-11-25): HR sees what is still
open, closes October after confirming the pending list, the month view says it is closed, a staff
member confirms their own month, HR sees the answer, an administrator reopens with a reason."""

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QInputDialog, QMessageBox

from app.services import leave, month_close
from ui.operations import drain


@pytest.fixture(autouse=True)
def _worker_done_before_the_database_goes(demo_db):
    yield
    from ui.operations import wait_idle

    wait_idle()


def loaded(tab, qtbot):
    qtbot.waitUntil(lambda: not tab.is_loading(), timeout=30000)
    return tab


def october(window, qtbot):
    view = loaded(window.select_tab("attendanceTab"), qtbot)
    view.month.setDate(QDate(2026, 10, 1))
    return loaded(view, qtbot)


def test_hr_closes_october_after_seeing_the_pending_requests(main_window, qtbot, actor_for, monkeypatch):
    from datetime import datetime

    leave.request_leave(actor_for("zhangyt"), "E004", "personal", datetime(2026, 10, 30, 8, 30),
                        datetime(2026, 10, 30, 17, 30), reason="家事")
    view = october(main_window(actor_for("fengyq")), qtbot)
    assert not view.act_close.isHidden() and view.closed_note.text() == ""
    dialog = view.open_month_close()
    qtbot.addWidget(dialog)
    drain()
    assert dialog.findChild(type(dialog.pending), "monthClosePending").model().rowCount() >= 1
    assert any(r["name"] == "张雨桐" and r["kind"] == "leave" for r in dialog.pending_model.rows)
    assert dialog.close_button.isVisible() and not dialog.reopen_button.isVisible()  # HR may not reopen
    asked = []

    def question(_parent, _title, text, *a, **k):
        asked.append(text)
        return QMessageBox.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    assert not dialog.close_month()  # said no: still open
    assert "张雨桐" in asked[0] and month_close.closed_flag(actor_for("fengyq"), 2026, 10) == {"closed": False}
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.Yes))
    assert dialog.close_month()
    drain()
    assert month_close.closed_flag(actor_for("fengyq"), 2026, 10)["closed"]
    assert "fengyq" in dialog.state.text() and not dialog.close_button.isVisible()
    assert dialog.confirm_model.rowCount() >= 10  # everyone of the snapshot, none answered yet
    assert {r["answer"] for r in dialog.confirm_model.rows} == {"none"}
    dialog.reject()
    loaded(view, qtbot)  # the change reloads the month
    assert "fengyq" in view.closed_note.text() and "2026-" in view.closed_note.text()


def test_staff_confirms_their_own_month_and_the_admin_reopens(main_window, qtbot, actor_for, monkeypatch):
    from datetime import datetime

    month_close.close_month(actor_for("fengyq"), "2026-10", close_pending=True, as_of=datetime(2026, 11, 25, 9))
    window = main_window(actor_for("zhangyt"))
    view = october(window, qtbot)
    assert not view.act_confirm.isHidden() and view.act_close.isHidden()
    view.confirm_my_month()
    drain()
    dialog = view.confirm_dialog
    assert "张雨桐" in dialog.figures.heading.text() and "2026-10" in dialog.figures.heading.text()
    assert dialog.findChildren(type(dialog.figures.heading), "monthFigure0")  # days due shown
    from app.i18n import set_language

    set_language("zh_CN")  # she picks the reason in Chinese: the reason's id is stored, shown in the reader's language
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("缺少请假记录", True)))
    try:
        assert dialog.disagree()
        drain()
    finally:
        set_language("en")
    loaded(view, qtbot)
    assert view.act_confirm.isHidden()  # nothing more to confirm
    admin_view = october(main_window(), qtbot)
    panel = admin_view.open_month_close()
    qtbot.addWidget(panel)
    drain()
    row = next(r for r in panel.confirm_model.rows if r["employee_no"] == "E004")
    assert row["answer"] == "disagreed" and row["note"] == "Leave is missing"
    assert "1 disagreed" in panel.counts.text()
    assert panel.reopen_button.isVisible()
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("", True)))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: None))
    panel.reopen_month()
    drain()  # no reason: refused, still closed
    assert month_close.closed_flag(actor_for("fengyq"), 2026, 10)["closed"]
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("张雨桐的年假漏录", True)))
    assert panel.reopen_month()
    drain()
    assert not month_close.closed_flag(actor_for("fengyq"), 2026, 10)["closed"]
    assert "张雨桐的年假漏录" in panel.state.text() and panel.close_button.isVisible()
