"""The calibration grid: columns by grade with quota and count, drag a card to another grade with a reason,
and the general manager's approval despite the quota asks for a reason."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMessageBox

from app.services import appraisal as svc
from app.services import appraisal_calibration as cal
from app.services import policy
from ui.operations import drain
from ui.shell import ChangeBus, ShellContext

KEY = "2030-01"


@pytest.fixture
def grid_for(qtbot, demo_db, actor_for, admin):
    policy.set_value(admin, "appraisal.grade_scheme", "four")
    svc.open_period(admin, KEY)
    for row in svc.period_results(admin, KEY):
        for rater in svc.subject_detail(admin, KEY, row["employee_no"])["raters"]:
            svc.enter_scores(admin, KEY, row["employee_no"], rater["employee_no"], total=95)
    svc.advance_period(admin, KEY)
    svc.advance_period(actor_for("linxw"), KEY)  # review: everybody in A

    def make(username):
        from ui.appraisal.view import AppraisalView

        ctx = ShellContext(actor=actor_for(username), bus=ChangeBus(), show_status=lambda _m: None)
        view = AppraisalView(ctx)
        qtbot.addWidget(view)
        view.resize(1366, 760)
        view.reload(KEY)
        drain()  # the period's step arrives by a query
        return view

    return make


def drop(grid, employee_no, target):
    """What Qt calls when a card is dragged from its column and released over ``target``'s column."""
    source = next(v for v in grid.columns.values()
                  for i in range(v.count()) if v.item(i).data(Qt.UserRole) == employee_no)
    item = next(source.item(i) for i in range(source.count()) if source.item(i).data(Qt.UserRole) == employee_no)
    mime = source.mimeData([item])
    view = grid.columns[target]
    pos = QPoint(20, 20)
    enter = QDragEnterEvent(pos, Qt.MoveAction, mime, Qt.LeftButton, Qt.NoModifier)
    view.dragEnterEvent(enter)
    assert enter.isAccepted()
    event = QDropEvent(pos, Qt.MoveAction, mime, Qt.LeftButton, Qt.NoModifier)
    view.dropEvent(event)
    assert event.isAccepted()
    drain()  # the calibration runs as an operation


def nos(grid, grade):
    view = grid.columns[grade]
    return [view.item(i).data(Qt.UserRole) for i in range(view.count())]


def test_drag_a_card_to_another_grade_with_a_reason(grid_for, monkeypatch):
    view = grid_for("chenzy")
    assert view.act_calibrate.isVisible() and view.act_calibrate.isEnabled()
    grid = view.calibrate()
    drain()  # the board arrives by a query
    assert grid.objectName() == "calibrationDialog"
    assert len(nos(grid, "A")) == 14 and nos(grid, "B") == []
    assert grid.counts["A"].text() == "14 people · quota 45% = at most 6"
    assert grid.counts["D"].text() == "0 people · quota 5% (no cap)"
    assert "break" in grid.status.text()
    moving = nos(grid, "A")[0]
    monkeypatch.setattr(grid, "ask_reason", lambda *_a: None)  # cancelled: nothing changes
    drop(grid, moving, "B")
    assert moving in nos(grid, "A") and cal.board(view.ctx.actor, KEY)["columns"][1]["count"] == 0
    asked = []
    monkeypatch.setattr(grid, "ask_reason", lambda *a: asked.append(a) or "supported the others less")
    drop(grid, moving, "B")
    assert asked and asked[0][1:] == ("A", "B")
    assert nos(grid, "B") == [moving] and moving not in nos(grid, "A")
    assert grid.counts["A"].text() == "13 people · quota 45% = at most 6"
    assert grid.counts["B"].text() == "1 people · quota 30% = at most 4"
    card = grid.columns["B"].item(0)
    assert "Calibrated from A" in card.text() and "supported the others less" in card.toolTip()
    assert svc.period_results(view.ctx.actor, KEY)[0]["score"] == 95.0  # the score stays


def test_a_drop_in_the_same_column_and_a_refused_move_change_nothing(grid_for, monkeypatch):
    view = grid_for("linxw")
    grid = view.calibrate()
    drain()  # the board arrives by a query
    own = next(c["employee_no"] for col in grid.board["columns"] for c in col["cards"] if c["mine"])
    monkeypatch.setattr(grid, "ask_reason", lambda *a: "why")
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    drop(grid, own, "A")  # same column: no question, no change
    drop(grid, own, "B")  # the service refuses: nobody calibrates their own grade
    assert warned and "own grade" in warned[0] and own in nos(grid, "A")
    assert not (grid.columns["A"].item(nos(grid, "A").index(own)).flags() & Qt.ItemIsDragEnabled)


def test_staff_and_hr_do_not_calibrate(grid_for):
    assert not grid_for("zhangyt").act_calibrate.isVisible()
    hr = grid_for("fengyq")
    assert not hr.act_calibrate.isVisible()


def test_gm_approval_despite_the_quota_asks_for_a_reason(grid_for, actor_for, monkeypatch, admin):
    svc.advance_period(actor_for("fengyq"), KEY)
    view = grid_for("chenzy")
    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.Yes)
    import ui.appraisal.calibration as grid_module

    monkeypatch.setattr(grid_module, "ask_reason", lambda *_a: None)
    view.act_advance.trigger()
    drain()
    assert svc.period_step(admin, KEY)["state"] == "consolidated"  # no reason: not approved
    monkeypatch.setattr(grid_module, "ask_reason", lambda *_a: "record month")
    view.act_advance.trigger()
    drain()
    assert svc.period_step(admin, KEY)["state"] == "approved"
    assert cal.overrides(admin, KEY)[0]["reason"] == "record month"


def test_calibrate_is_disabled_where_the_service_says_calibration_does_not_apply(grid_for, admin):
    view = grid_for("chenzy")
    assert view.step["may_calibrate"] and view.act_calibrate.isEnabled()
    policy.set_value(admin, "appraisal.grade_scheme", "five")  # no forced distribution in the five-grade scheme
    view.reload(KEY)
    drain()
    assert not view.step["may_calibrate"] and not view.act_calibrate.isEnabled()
    assert not view.act_pull.isEnabled() and not view.act_import.isEnabled()  # in review: scores are frozen
