"""任务 ▸ 计划: the manager double-clicks a plan, reads it with its linked tasks, marks it read and comments;
the employee sees that it was read and the comment on her own plans page."""

from datetime import date, datetime

import pytest
from PySide6.QtCore import QDate, Qt

from app.services import plans as plan_svc
from app.services import tasks as task_svc
from app.services.context import Actor
from app.services.tasks import TaskInput
from ui.operations import drain
from ui.shell import ChangeBus, ShellContext

MONDAY = date(2026, 11, 16)


@pytest.fixture
def plans_page(qtbot, demo_db, actor_for):
    def make(username):
        from ui.tasks.plans import PlansView

        statuses = []
        ctx = ShellContext(actor_for(username), ChangeBus(), statuses.append)
        view = PlansView(ctx)
        ctx.bus.changed.connect(view.refresh)
        qtbot.addWidget(view)
        view.resize(1366, 700)
        view.show()
        view.day.setDate(QDate(MONDAY.year, MONDAY.month, MONDAY.day))
        drain()
        view.statuses = statuses
        return view
    return make


def row_of(view, no):
    model = view.table.model()
    return next(r for r in range(model.rowCount()) if model.index(r, 0).data() == no)


def double_click(qtbot, view, no):
    index = view.table.model().index(row_of(view, no), 1)
    pos = view.table.visualRect(index).center()
    qtbot.mouseClick(view.table.viewport(), Qt.LeftButton, pos=pos)  # a real double click presses first
    qtbot.mouseDClick(view.table.viewport(), Qt.LeftButton, pos=pos)
    drain()


def texts(list_widget):
    return [list_widget.item(i).text() for i in range(list_widget.count())]


@pytest.fixture
def submitted(demo_db, actor_for):
    card = task_svc.create_task(actor_for("wanghr"), TaskInput(title="年货节满减方案", assignee_no="E004",
                                                               due_date=date(2026, 11, 20)))
    plan_svc.submit_plan(actor_for("zhangyt"), "weekly", MONDAY, "1. 满减方案\n2. 详情页优化", "上周完成改版",
                         [card.id], at=datetime(2026, 11, 16, 9, 10))


def test_the_manager_reads_marks_and_comments_and_the_employee_sees_it(qtbot, plans_page, submitted, actor_for):
    manager = plans_page("wanghr")
    read_col = manager.table_model.column_index("read")
    assert manager.table.model().index(row_of(manager, "E004"), read_col).data() == "Unread"
    double_click(qtbot, manager, "E004")
    dialog = manager.plan_dialog
    assert dialog is not None and dialog.isVisible() and dialog.objectName() == "planDialog"
    assert dialog.plan.toPlainText() == "1. 满减方案\n2. 详情页优化" and dialog.summary.toPlainText() == "上周完成改版"
    assert [r.title for r in dialog.tasks_model.rows] == ["年货节满减方案"] and dialog.tasks.isVisibleTo(dialog)
    assert dialog.read_state.text() == "Not read yet."
    assert not dialog.add_comment.isEnabled()  # nothing typed yet

    qtbot.mouseClick(dialog.mark_read, Qt.LeftButton)
    drain()
    assert "王浩然" in dialog.read_state.text() and not dialog.mark_read.isEnabled()
    dialog.comment_text.setPlainText("满减档位先列三个，周三前给我看。")
    assert dialog.add_comment.isEnabled()
    qtbot.mouseClick(dialog.add_comment, Qt.LeftButton)
    drain()
    assert any("满减档位先列三个" in t and "王浩然" in t for t in texts(dialog.comments))
    assert dialog.comment_text.toPlainText() == "" and dialog.problem.text() == ""
    r = row_of(manager, "E004")  # the list follows (the write's change reaches the page)
    assert manager.table.model().index(r, read_col).data() == "Read"

    staff = plans_page("zhangyt")
    assert not staff.table.isVisibleTo(staff)
    assert "王浩然" in staff.read_state.text()
    assert any("满减档位先列三个" in t for t in texts(staff.comments))


def test_a_plan_outside_the_readers_line_does_not_open(qtbot, plans_page, submitted, demo_db):
    from sqlalchemy import select

    from app.db import reading
    from app.models.people import Employee

    with reading() as s:  # 周梦瑶 (客服组) reports to 孙佳怡, not to 王浩然
        e008 = s.execute(select(Employee.id).where(Employee.employee_no == "E008")).scalar_one()
    plan_svc.submit_plan(Actor("zhoumy", "staff", employee_id=e008), "weekly", MONDAY, "售后周计划")
    manager = plans_page("wanghr")
    double_click(qtbot, manager, "E008")
    assert manager.plan_dialog is None
    assert "周梦瑶" in manager.statuses[-1]
    double_click(qtbot, manager, "E005")  # not submitted: nothing to read
    assert manager.plan_dialog is None and "刘子轩" in manager.statuses[-1]


def test_a_plan_resubmitted_while_open_is_not_marked_read(qtbot, plans_page, submitted, actor_for):
    manager = plans_page("wanghr")
    double_click(qtbot, manager, "E004")
    dialog = manager.plan_dialog
    plan_svc.submit_plan(actor_for("zhangyt"), "weekly", MONDAY, "1. 改过的计划", at=datetime(2026, 11, 16, 11))
    qtbot.mouseClick(dialog.mark_read, Qt.LeftButton)
    drain()
    assert "张雨桐" in dialog.problem.text()  # names who changed it, and nothing is marked read
    assert plan_svc.my_plan(actor_for("zhangyt"), "weekly", MONDAY).read_at is None
