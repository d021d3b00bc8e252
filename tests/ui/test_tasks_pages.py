"""The task tab's other pages: plans, statistics, recurring tasks, and the workflow template editor."""

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QPushButton, QTableWidgetItem

from app.services import plans as plan_svc
from app.services import tasks as svc
from app.services.tasks import TaskInput
from app.services.templates import list_templates
from ui.operations import drain
from ui.shell import ChangeBus, ShellContext


@pytest.fixture
def tab(qtbot, demo_db, actor_for):
    views = []

    def make(username="wanghr"):
        from ui.tasks.view import TasksView

        bus = ChangeBus()
        ctx = ShellContext(actor_for(username), bus, lambda _m: None)
        view = TasksView(ctx)
        bus.changed.connect(view.refresh)
        qtbot.addWidget(view)
        view.resize(1366, 760)
        view.show()
        drain()  # the first load runs in the background
        views.append(view)
        return view
    return make


@pytest.fixture
def warnings(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    return shown


def shown(view, page):
    view.pages.setCurrentWidget(page)  # a page behind another takes no clicks
    return page


def cell(view, row, column):
    model = view.model()
    return model.data(model.index(row, column))


def row_of(table, column, text):
    return next(r for r in range(table.model().rowCount()) if cell(table, r, column) == text)


# -- plans ---------------------------------------------------------------------------------
def test_staff_submits_the_weekly_plan_and_the_manager_sees_it(tab, qtbot, actor_for, warnings):
    view = tab("zhangyt")
    staff = shown(view, view.plans)
    assert not staff.table.isVisibleTo(staff)  # staff see only their own plan
    before = plan_svc.my_plan(actor_for("zhangyt"), "weekly")  # the demo plan, already submitted
    assert staff.plan.toPlainText() == before.plan
    staff.plan.setPlainText("   ")
    qtbot.mouseClick(staff.submit, Qt.LeftButton)  # a blank plan is refused and changes nothing
    drain()
    assert warnings and plan_svc.my_plan(actor_for("zhangyt"), "weekly").plan == before.plan
    staff.summary.setPlainText("上周完成双十二主图")
    staff.plan.setPlainText("本周：详情页优化、直通车周报")
    staff.tasks.item(0).setCheckState(Qt.Checked)
    linked = sorted(staff.tasks.item(i).data(Qt.UserRole) for i in range(staff.tasks.count())
                    if staff.tasks.item(i).checkState() == Qt.Checked)
    qtbot.mouseClick(staff.submit, Qt.LeftButton)
    drain()
    mine = plan_svc.my_plan(actor_for("zhangyt"), "weekly")
    assert mine.submitted and mine.plan == "本周：详情页优化、直通车周报" and mine.task_ids == linked

    view = tab("wanghr")
    manager = shown(view, view.plans)
    r = row_of(manager.table, 0, "E004")
    assert cell(manager.table, r, 3) in ("Submitted", "Late")
    missing = [p.name for p in plan_svc.plan_submissions(actor_for("wanghr"), "weekly") if not p.submitted]
    assert "张雨桐" not in manager.missing.text() and all(name in manager.missing.text() for name in missing)


def test_the_monthly_page_names_its_fields(tab):
    plans = tab("zhangyt").plans
    plans.kind.setCurrentIndex(plans.kind.findData("monthly"))
    drain()
    assert plans.summary_label.text() == "This month's summary" and plans.plan_label.text() == "Next month's plan"
    assert plans.current.kind == "monthly" and plans.current.period_start.day == 1


# -- statistics ----------------------------------------------------------------------------
def test_statistics_show_the_month_of_each_person(tab, actor_for, monkeypatch):
    from datetime import datetime

    monkeypatch.setattr(svc, "now", lambda: datetime(2026, 11, 20, 10, 0))  # finished in November 2026
    manager = actor_for("wanghr")
    card = svc.create_task(manager, TaskInput(title="统计用任务", assignee_no="E004"))
    for status in ("doing", "review"):
        svc.move_task(manager, card.id, status)
    svc.complete_task(manager, card.id)
    stats = tab("wanghr").stats
    stats.month.setDate(QDate(2026, 11, 1))
    drain()
    expected = next(r for r in svc.task_stats(manager, 2026, 11) if r["employee_no"] == "E004")
    r = row_of(stats.table, 0, "E004")
    assert cell(stats.table, r, 1) == "张雨桐" and int(cell(stats.table, r, 2)) == expected["done"] >= 1
    stats.month.setDate(QDate(2001, 1, 1))  # a month without finished tasks
    drain()
    assert stats.table.model().rowCount() == 0


def test_staff_have_no_statistics_page(tab):
    view = tab("zhangyt")
    assert view.stats is None
    assert [view.pages.tabText(i) for i in range(view.pages.count())] == ["Board", "Plans", "Recurring"]


# -- recurring tasks -----------------------------------------------------------------------
def test_manager_adds_and_stops_a_recurring_task(tab, qtbot, actor_for, monkeypatch):
    from ui.tasks.recurring import RecurrenceDialog

    view = tab("wanghr")
    page = shown(view, view.recurring)
    dialog = RecurrenceDialog(view.board.data.people, list_templates(actor_for("wanghr")), page)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.Ok)
    assert not ok.isEnabled()  # no title yet
    dialog.title.setText("直通车周报")
    dialog.assignee.setCurrentIndex(dialog.assignee.findData("E004"))
    dialog.repeat.setCurrentIndex(dialog.repeat.findData("monthly"))
    assert dialog.monthday.isVisibleTo(dialog) and not dialog.weekday.isVisibleTo(dialog)
    dialog.monthday.setValue(31)
    dialog.tags.setText("报表")
    assert ok.isEnabled()
    page.add_with(dialog.value())
    drain()
    rules = plan_svc.list_recurrences(actor_for("wanghr"))
    added = next(r for r in rules if r.title == "直通车周报")
    assert (added.assignee_no, added.recurrence, added.anchor_day, added.tags, added.active) == ("E004", "monthly", 31, "报表", True)

    r = row_of(page.table, 0, "直通车周报")
    assert cell(page.table, r, 2) == "Monthly, day 31"
    assert not page.stop.isEnabled()  # nothing selected
    page.table.selectRow(r)
    assert page.stop.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    qtbot.mouseClick(page.stop, Qt.LeftButton)
    drain()
    assert not next(x for x in plan_svc.list_recurrences(actor_for("wanghr")) if x.id == added.id).active
    r = row_of(page.table, 0, "直通车周报")
    assert cell(page.table, r, 6) == "Stopped"
    page.table.selectRow(r)
    assert not page.stop.isEnabled()  # a stopped rule cannot be stopped again


def test_a_bad_recurring_task_is_refused_with_a_message(tab, warnings):
    page = tab("wanghr").recurring
    page.add_with(dict(title="周报", assignee_no="E999", recurrence="weekly", anchor_day=1))
    drain()
    assert warnings and "E999" in warnings[0]
    assert page.model.rowCount() == len(plan_svc.list_recurrences(page.ctx.actor))


def test_staff_see_recurring_tasks_but_cannot_add_or_stop(tab, actor_for):
    plan_svc.add_recurrence(actor_for("wanghr"), "库存周报", "E004", "weekly", 5)
    page = tab("zhangyt").recurring
    assert not page.add.isVisibleTo(page) and not page.stop.isVisibleTo(page)
    assert [page.model.row_at(i).title for i in range(page.model.rowCount())] == ["库存周报"]


# -- template editor -----------------------------------------------------------------------
def test_template_editor_creates_and_deletes_a_template(tab, qtbot, actor_for, warnings, monkeypatch):
    from ui.tasks.templates_dialog import TemplatesDialog

    board = tab("wanghr").board
    dialog = TemplatesDialog(board.ctx, board)
    qtbot.addWidget(dialog)
    assert dialog.names.count() == len(list_templates(actor_for("wanghr")))
    qtbot.mouseClick(dialog.findChild(QPushButton, "templateNew"), Qt.LeftButton)
    dialog.name.setText("直播复盘")
    dialog.title.setText("直播复盘：")
    dialog.tags.setText("直播")
    add = dialog.findChild(QPushButton, "templateAddStep")
    qtbot.mouseClick(add, Qt.LeftButton)
    qtbot.mouseClick(add, Qt.LeftButton)
    dialog.steps.setItem(0, 0, QTableWidgetItem("整理数据"))
    dialog.steps.setItem(1, 0, QTableWidgetItem("经理确认"))
    combo = dialog.steps.cellWidget(1, 1)
    combo.setCurrentIndex(combo.findData("manager"))
    qtbot.mouseClick(dialog.findChild(QPushButton, "templateSave"), Qt.LeftButton)
    saved = next(t for t in list_templates(actor_for("wanghr")) if t.name == "直播复盘")
    assert saved.steps == [{"text": "整理数据", "approval_role": None}, {"text": "经理确认", "approval_role": "manager"}]
    assert dialog.names.currentItem().text() == "直播复盘" and not warnings

    qtbot.mouseClick(dialog.findChild(QPushButton, "templateNew"), Qt.LeftButton)  # a template without a name is refused
    count = len(list_templates(actor_for("wanghr")))
    qtbot.mouseClick(dialog.findChild(QPushButton, "templateSave"), Qt.LeftButton)
    assert warnings and len(list_templates(actor_for("wanghr"))) == count

    dialog.names.setCurrentRow(dialog.names.row(dialog.names.findItems("直播复盘", Qt.MatchExactly)[0]))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    qtbot.mouseClick(dialog.findChild(QPushButton, "templateDelete"), Qt.LeftButton)
    assert "直播复盘" not in {t.name for t in list_templates(actor_for("wanghr"))}
    assert not dialog.names.findItems("直播复盘", Qt.MatchExactly)
