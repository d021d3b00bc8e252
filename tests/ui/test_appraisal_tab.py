"""The appraisal tab: pick levels and totals, see the live total and grade, save, see the charts."""

import pytest
from PySide6.QtCore import Qt

from app.services import appraisal as svc
from ui.operations import drain
from ui.shell import ChangeBus, ShellContext


@pytest.fixture
def view_for(qtbot, demo_db, actor_for):
    def make(actor):
        from ui.appraisal.view import AppraisalView

        messages = []
        ctx = ShellContext(actor=actor, bus=ChangeBus(), show_status=messages.append)
        view = AppraisalView(ctx)
        view.messages = messages
        qtbot.addWidget(view)
        view.resize(1360, 760)
        drain()  # the period's step arrives by a query
        return view

    return make


def test_enter_levels_and_see_total_and_grade_update(qtbot, view_for, actor_for, admin):
    view = view_for(actor_for("wanghr"))  # E003, the head of 运营组 and so of E004
    key = view.period_key()
    view.select("E004")
    form = view.form
    assert form.live_total.text() == "—"
    levels = [b for (no, _k), b in form.level_boxes.items() if no == "E003"]
    assert levels and all(b.isEnabled() for b in levels)
    assert not any(b.isEnabled() for (no, _k), b in form.level_boxes.items() if no == "E002")  # not his column
    for box in levels:
        box.setCurrentIndex(box.findData("A"))
    assert form.total_labels["E003"].text() != "—"
    head_total = float(form.total_labels["E003"].text())
    # the other two raters type totals (as the head cannot, do it through the service)
    svc.enter_scores(admin, key, "E004", "E001", total=80)
    svc.enter_scores(admin, key, "E004", "E002", total=70)
    qtbot.mouseClick(form.save_button, Qt.LeftButton)
    assert "E004" not in view.messages[-1] and "张雨桐" in view.messages[-1]
    view.select("E004")
    expected = round(0.1 * 80 + 0.2 * 70 + 0.7 * head_total + 1e-9, 2)
    assert float(view.form.live_total.text()) == pytest.approx(expected, abs=0.01)
    saved = svc.subject_detail(admin, key, "E004")
    assert saved["score"] == pytest.approx(expected, abs=0.01)
    assert view.form.live_grade.text().startswith(saved["grade"])


def test_typed_totals_give_live_grade_boundaries(qtbot, view_for, admin):
    view = view_for(admin)
    view.select("E003")  # a manager: gm 30, leader 70
    form = view.form
    for no, value in (("E001", "60"), ("E002", "59.98")):
        edit = form.total_edits[no]
        edit.setText(value)
        edit.textEdited.emit(value)
    assert form.live_total.text() == "59.99"  # 18 + 41.986 = 59.986 -> 59.99
    assert form.live_grade.text().startswith("E")
    form.total_edits["E002"].setText("60")
    form.total_edits["E002"].textEdited.emit("60")
    assert form.live_total.text() == "60.00" and form.live_grade.text().startswith("D")
    qtbot.mouseClick(form.save_button, Qt.LeftButton)
    assert svc.subject_detail(admin, view.period_key(), "E003")["grade"] == "D"
    row = next(r for r in view.model.rows if r["employee_no"] == "E003")
    assert row["score"] == 60.0 and row["status"] == "complete"


def test_charts_render_for_a_locked_month(qtbot, view_for, admin):
    view = view_for(admin)
    view.period_combo.setCurrentIndex(1)
    assert view.current_period()["state"] == "locked"
    assert not view.form.save_button.isEnabled()
    view.select("E005")
    view.detail_tabs.setCurrentIndex(2)
    charts = view.charts
    assert charts is not None
    ax = charts.dist_figure.axes[0]
    assert sum(p.get_height() for p in ax.patches) == 14
    trend = charts.trend_figure.axes[0]
    assert len(trend.lines[0].get_xdata()) == 6
    assert "刘子轩" in trend.get_title()


def test_staff_sees_only_their_own_row(view_for, actor_for):
    view = view_for(actor_for("zhangyt"))
    view.period_combo.setCurrentIndex(1)
    assert [r["employee_no"] for r in view.model.rows] == ["E004"]
    assert not view.act_new.isVisible() and not view.act_reopen.isVisible()


def _answer_confirmation(monkeypatch, accept: bool, seen: list):
    from PySide6.QtWidgets import QMessageBox

    def answer(box):
        seen.append((box.objectName(), box.text(), box.button(QMessageBox.Yes).text()))
        return QMessageBox.Yes if accept else QMessageBox.Cancel

    monkeypatch.setattr(QMessageBox, "exec", answer)


def test_each_step_asks_for_confirmation_saying_what_it_does(qtbot, view_for, actor_for, admin, monkeypatch):
    svc.open_period(admin, "2030-01")
    view = view_for(actor_for("fengyq"))  # HR may start scoring
    view.reload("2030-01")
    drain()
    assert view.act_advance.isEnabled() and view.act_advance.text() == "Start scoring"
    seen = []
    _answer_confirmation(monkeypatch, False, seen)
    view.act_advance.trigger()
    drain()  # the step is asked of the service first
    assert seen and seen[0][0] == "appraisalConfirmStep" and "2030-01" in seen[0][1] and seen[0][2] == "Start scoring"
    assert svc.period_step(admin, "2030-01")["state"] == "entry"  # cancelled: nothing changed
    _answer_confirmation(monkeypatch, True, seen)
    view.act_advance.trigger()
    drain()  # the step runs as an operation; its change reloads the tab
    assert svc.period_step(admin, "2030-01")["state"] == "scoring"
    # HR may not submit for review: the action is disabled and says who takes the step
    assert not view.act_advance.isEnabled() and "department head" in view.act_advance.toolTip()


def test_the_general_manager_sees_approve_only_when_it_is_his_step(qtbot, view_for, actor_for, admin):
    gm_view = view_for(actor_for("chenzy"))
    assert not gm_view.act_advance.isEnabled()  # the demo month is still being scored
    assert "department head" in gm_view.act_advance.toolTip()


def test_read_only_cells_say_why_and_a_locked_period_looks_locked(qtbot, view_for, actor_for, admin):
    view = view_for(actor_for("wanghr"))
    current = view.period_key()
    view.select("E004")
    form = view.form
    assert form.read_only_banner.isHidden()  # scoring: his own column is open
    other = form.total_edits["E002"]
    assert not other.isEnabled() and "林晓雯" in other.toolTip()
    assert form.total_edits["E003"].isEnabled()
    locked = next(p["key"] for p in svc.list_periods(admin) if p["state"] == "locked")
    view.period_combo.setCurrentIndex(view.period_combo.findData(locked))
    view.select("E004")
    assert not form.read_only_banner.isHidden() and "locked" in form.read_only_banner.text()
    assert not any(e.isEnabled() for e in form.total_edits.values())
    assert all("locked" in e.toolTip() for e in form.total_edits.values())
    assert current != locked
