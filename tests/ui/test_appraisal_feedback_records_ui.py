"""The feedback records in the appraisal tab: the head writes the four-stage interview record, the employee
confirms it, HR records a decision in the five-year history, the employee writes the annual report. The
buttons follow the service's may_* flags."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidgetItem

from app.services import appraisal as svc
from app.services import appraisal_feedback as fb
from app.services import appraisal_history as history
from tests.app.appraisal_history_helpers import publish
from ui.operations import drain
from ui.shell import ChangeBus, ShellContext


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    """History is read as of the demo's day, never today's."""
    from app.services import appraisal_core as core

    monkeypatch.setattr(core, "today", lambda: date(2026, 11, 25))


def _view(qtbot, actor, key, no):
    from ui.appraisal.view import AppraisalView

    messages = []
    view = AppraisalView(ShellContext(actor=actor, bus=ChangeBus(), show_status=messages.append))
    qtbot.addWidget(view)
    drain()
    view.period_combo.setCurrentIndex(view.period_combo.findData(key))
    view.select(no)
    drain()
    return view, messages


def _interview(view):
    from ui.appraisal.interview_dialog import InterviewDialog

    panel = view.feedback
    return InterviewDialog(panel.ctx, panel.detail, panel.feedback, panel.print_interview, view)


def test_head_writes_the_interview_and_the_employee_confirms_it(qtbot, demo_db, actor_for, admin):
    key = svc.list_periods(admin)[1]["key"]
    view, messages = _view(qtbot, actor_for("wanghr"), key, "E004")
    panel = view.feedback
    assert not panel.interview_button.isHidden() and panel.history_button.isHidden()  # a head sees no history
    dialog = _interview(view)
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled() and dialog.confirm_button.isHidden()
    for key_, text in (("goals", "十月目标"), ("process", "执行过程"), ("feedback", "达成 92%"), ("improvement", "提升转化")):
        dialog.stages[key_].setPlainText(text)
    assert dialog.save_button.isEnabled()
    for c, value in enumerate(("详情页 A/B 测试", "E004", "2099-12-10")):
        dialog.plan.setItem(0, c, QTableWidgetItem(value))
    dialog.plan.setItem(1, 1, QTableWidgetItem("E999"))  # a half-filled line is refused with its number
    dialog.plan.setItem(1, 0, QTableWidgetItem("复盘"))
    dialog.plan.setItem(1, 2, QTableWidgetItem("2099-12-31"))
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    drain()
    assert "line 2" in dialog.error.text() and "E999" in dialog.error.text()
    assert fb.feedback_of(admin, key, "E004")["interview"] is None
    dialog.plan.setItem(1, 1, QTableWidgetItem("E003"))
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    drain()
    saved = fb.feedback_of(admin, key, "E004")["interview"]
    assert saved["stages"]["feedback"] == "达成 92%" and [p["owner"] for p in saved["plan"]] == ["E004", "E003"]
    assert messages[-1] == "Interview record saved."

    view2, _m = _view(qtbot, actor_for("zhangyt"), key, "E004")
    panel2 = view2.feedback
    assert "confirm" in panel2.interview_button.text() and not panel2.history_button.isHidden()
    dialog2 = _interview(view2)
    qtbot.addWidget(dialog2)
    assert dialog2.save_button.isHidden() and dialog2.stages["goals"].isReadOnly()
    dialog2.remark.setPlainText("同意。")
    qtbot.mouseClick(dialog2.confirm_button, Qt.LeftButton)
    drain()
    assert fb.feedback_of(admin, key, "E004")["interview"]["confirmed_on"] is not None


def test_hr_records_a_decision_in_the_five_year_history(qtbot, demo_db, actor_for, monkeypatch):
    from ui.appraisal.history import HistoryDialog

    for y in (2023, 2024, 2025):
        publish(str(y), {"E004": 95.0})
    hr = actor_for("fengyq")
    dialog = HistoryDialog(ShellContext(actor=hr, bus=ChangeBus(), show_status=lambda m: None), "E004", "张雨桐",
                           until=2026)
    qtbot.addWidget(dialog)
    drain()
    assert [dialog.years.row_at(r)["year"] for r in range(dialog.years.rowCount())] == [2026, 2025, 2024, 2023, 2022]
    dialog.until_box.setValue(2025)  # the years shown move with the box
    drain()
    assert [dialog.years.row_at(r)["year"] for r in range(dialog.years.rowCount())] == [2025, 2024, 2023, 2022, 2021]
    flags = [dialog.flags.row_at(r) for r in range(dialog.flags.rowCount())]
    assert {(f["period"], f["flag"]) for f in flags} >= {("2025", "salary_step"), ("2025", "open_ended_contract")}
    assert not dialog.decide_button.isHidden() and not dialog.decide_button.isEnabled()
    row = next(r for r in range(dialog.flags.rowCount()) if dialog.flags.row_at(r)["flag"] == "open_ended_contract")
    dialog.flags_view.selectRow(dialog.flags_view.model().mapFromSource(dialog.flags.index(row, 0)).row())
    assert dialog.decide_button.isEnabled()
    monkeypatch.setattr(dialog, "ask_decision", lambda flag: ("carried_out", "签订无固定期限合同。"))
    qtbot.mouseClick(dialog.decide_button, Qt.LeftButton)
    drain()
    decided = {f["flag"]: f for y in history.person_history(hr, "E004", until=2025)["years"] for f in y["flags"]
               if y["year"] == 2025}
    assert decided["open_ended_contract"]["decision"]["by"] == "fengyq"
    shown = [dialog.flags.row_at(r) for r in range(dialog.flags.rowCount())]
    assert any(f["decision"] for f in shown)  # reloaded after the write


def test_the_decision_dialog_waits_for_a_reason_unless_carried_out(qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    from ui.appraisal.history import DecisionDialog

    dialog = DecisionDialog({"period": "2025", "name": "Salary step"})
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.Ok)
    assert ok.isEnabled()
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("deferred"))
    assert not ok.isEnabled()
    dialog.note.setPlainText("预算冻结。")
    assert ok.isEnabled()


def test_the_employee_writes_the_annual_report_and_the_head_reads_it(qtbot, demo_db, actor_for, admin):
    from ui.appraisal.annual_report_dialog import AnnualReportDialog

    publish("2026", {}, state="entry")
    view, _m = _view(qtbot, actor_for("zhangyt"), "2026", "E004")
    panel = view.feedback
    assert not panel.report_button.isHidden()
    dialog = AnnualReportDialog(panel.ctx, panel.detail, panel.feedback, lambda: None, view)
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isHidden() and not dialog.save_button.isEnabled()
    dialog.text.setPlainText("全年述职：销售额完成 103%。")
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    drain()
    assert fb.feedback_of(admin, "2026", "E004")["annual_report"]["body"] == "全年述职：销售额完成 103%。"
    head_view, _m = _view(qtbot, actor_for("wanghr"), "2026", "E004")
    head_panel = head_view.feedback
    dialog2 = AnnualReportDialog(head_panel.ctx, head_panel.detail, head_panel.feedback, lambda: None, head_view)
    qtbot.addWidget(dialog2)
    assert dialog2.text.isReadOnly() and dialog2.save_button.isHidden()
    assert dialog2.text.toPlainText() == "全年述职：销售额完成 103%。"
