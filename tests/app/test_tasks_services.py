"""Task services: approval gating, review restriction, send back, WIP warnings, permissions, audit history,
recurring creation, plans, statistics and import."""

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from app.db import reading, transaction
from app.errors import ConflictError, ImportRejected, NotFound, PermissionDenied, ValidationError
from app.models.audit import AuditEntry
from app.models.tasks import Task
from app.services import plans, policy, tasks
from app.services.tasks import TaskInput


@pytest.fixture
def manager(demo_db, actor_for):
    return actor_for("wanghr")


@pytest.fixture
def staff(demo_db, actor_for):
    return actor_for("zhangyt")  # E004


def listing(manager, **kw):
    return tasks.create_task(manager, TaskInput(title="商品上架：测试款", assignee_no="E004", template="商品上架流程", **kw))


def test_template_steps_become_the_checklist(manager):
    card = listing(manager)
    detail = tasks.task_detail(manager, card.id)
    assert [s["text"] for s in detail.checklist][3] == "上架审核"
    assert detail.checklist[3]["approval_role"] == "manager"
    assert (card.steps_done, card.steps_total, card.approvals_open) == (0, 5, 1)


def test_approval_step_can_be_checked_only_by_the_role_it_names(manager, staff):
    card = listing(manager)
    tasks.set_step(staff, card.id, 0, True)  # an ordinary step of the staff member's own card
    with pytest.raises(PermissionDenied):
        tasks.set_step(staff, card.id, 3, True)
    after = tasks.set_step(manager, card.id, 3, True)
    assert (after.steps_done, after.approvals_open) == (2, 0)


def test_review_gate_and_restriction(manager, staff):
    card = listing(manager)
    tasks.move_task(staff, card.id, "doing")
    tasks.move_task(staff, card.id, "review")
    with pytest.raises(ValidationError):  # staff cannot pass review
        tasks.move_task(staff, card.id, "done")
    with pytest.raises(ValidationError):  # the approval step is still open
        tasks.complete_task(manager, card.id)
    tasks.set_step(manager, card.id, 3, True)
    done = tasks.complete_task(manager, card.id).card
    assert done.status == "done" and done.completed_at is not None
    with pytest.raises(ValidationError):  # staff cannot reopen it either
        tasks.move_task(staff, card.id, "doing")


def test_send_back_needs_a_comment_and_the_assignee_sees_it(manager, staff):
    card = listing(manager)
    tasks.move_task(staff, card.id, "review")
    with pytest.raises(ValidationError):
        tasks.send_back(manager, card.id, "   ")
    with pytest.raises(PermissionDenied):
        tasks.send_back(staff, card.id, "自己退回")
    back = tasks.send_back(manager, card.id, "主图不清晰，重新处理")
    assert back.status == "doing" and back.returned
    seen = tasks.task_detail(staff, card.id)
    assert seen.comments[-1]["kind"] == "send_back" and seen.comments[-1]["body"] == "主图不清晰，重新处理"
    with pytest.raises(ConflictError):  # no longer in review
        tasks.send_back(manager, card.id, "again")
    assert not tasks.move_task(staff, card.id, "review").card.returned


def test_staff_edit_only_their_own_cards_and_see_only_them(manager, staff):
    other = tasks.create_task(manager, TaskInput(title="别人的任务", assignee_no="E005"))
    with pytest.raises(NotFound):
        tasks.move_task(staff, other.id, "doing")
    with pytest.raises(PermissionDenied):
        tasks.create_task(staff, TaskInput(title="给同事", assignee_no="E005"))
    mine = tasks.create_task(staff, TaskInput(title="我的任务"))
    assert mine.assignee_no == "E004"
    with pytest.raises(PermissionDenied):
        tasks.update_task(staff, mine.id, TaskInput(title="我的任务", assignee_no="E005"))
    visible = {c.assignee_no for c in tasks.board(staff).cards}
    assert visible == {"E004"}
    assert len({c.assignee_no for c in tasks.board(manager).cards}) > 1


def test_wip_warning_when_a_column_goes_over_its_limit(manager):
    policy.set_value(manager, "tasks.wip.review", 1)
    count = sum(1 for c in tasks.board(manager).cards if c.status == "review")
    assert count >= 1
    card = tasks.create_task(manager, TaskInput(title="新任务", assignee_no="E005"))
    result = tasks.move_task(manager, card.id, "review")
    assert result.warning and "1" in result.warning and result.card.status == "review"
    policy.set_value(manager, "tasks.wip.review", 0)
    other = tasks.create_task(manager, TaskInput(title="另一个", assignee_no="E005"))
    assert tasks.move_task(manager, other.id, "review").warning is None
    cols = {c.key: c for c in tasks.board(manager).columns}
    assert cols["review"].label == "In review" and cols["review"].wip == "ok"  # the shipped name, in English


def test_reorder_inside_a_column(manager):
    a = tasks.create_task(manager, TaskInput(title="A", assignee_no="E005"))
    b = tasks.create_task(manager, TaskInput(title="B", assignee_no="E005"))
    tasks.move_task(manager, b.id, "todo", before_id=a.id)
    order = [c.id for c in tasks.board(manager).cards if c.status == "todo"]
    assert order.index(b.id) == order.index(a.id) - 1


def test_history_comes_from_the_audit_log(manager, staff):
    card = listing(manager)
    tasks.move_task(staff, card.id, "doing")
    tasks.add_comment(staff, card.id, "开始处理")
    tasks.add_link(staff, card.id, r"D:\上新\资料.xlsx", "资料")
    history = tasks.task_detail(manager, card.id).history
    assert [h["action"] for h in history] == ["task.create", "task.move", "task.comment", "task.link_add"]
    assert "To do" in history[1]["text"] and "In progress" in history[1]["text"]


def test_a_failed_action_changes_nothing(manager, staff):
    card = listing(manager)
    with reading() as s:
        before = s.execute(select(func.count()).select_from(AuditEntry)).scalar_one()
    with pytest.raises(ValidationError):
        tasks.move_task(staff, card.id, "done")
    with pytest.raises(ValidationError):
        tasks.create_task(manager, TaskInput(title="", assignee_no="E004"))
    with pytest.raises(ValidationError):
        tasks.create_task(manager, TaskInput(title="x", assignee_no="E004", template="没有这个模板"))
    with reading() as s:
        assert s.execute(select(func.count()).select_from(AuditEntry)).scalar_one() == before
        assert s.get(Task, card.id).status == "todo"


def test_recurring_tasks_are_created_when_due_and_only_once(manager):
    rule = plans.add_recurrence(manager, "周报", "E006", "weekly", 1, due_in_days=2, start=date(2026, 11, 1))

    def ours(ids):
        with reading() as s:
            return [i for i in ids if s.get(Task, i).recurrence_id == rule.id]

    first = ours(plans.create_due_recurring(manager, today=date(2026, 11, 18)))
    again = ours(plans.create_due_recurring(manager, today=date(2026, 11, 22)))
    nxt = ours(plans.create_due_recurring(manager, today=date(2026, 11, 23)))
    assert len(first) == 1 and again == [] and len(nxt) == 1
    with reading() as s:
        assert s.get(Task, first[0]).due_date == date(2026, 11, 18)
        assert s.get(Task, nxt[0]).due_date == date(2026, 11, 25)
    with pytest.raises(ValidationError):
        plans.add_recurrence(manager, "坏", "E006", "weekly", 9)


def test_stopping_a_recurring_task(manager, staff):
    rule = plans.add_recurrence(manager, "月报", "E004", "monthly", 31, start=date(2026, 10, 1))
    with pytest.raises(PermissionDenied):
        plans.stop_recurrence(staff, rule.id)
    plans.stop_recurrence(manager, rule.id)
    with reading() as s:
        entry = s.execute(select(AuditEntry).where(AuditEntry.action == "task_recurrence.stop")).scalars().one()
        assert (entry.actor, entry.before["active"], entry.after["active"]) == ("wanghr", True, False)
    with pytest.raises(ConflictError):  # already stopped: no second audit row
        plans.stop_recurrence(manager, rule.id)
    with pytest.raises(NotFound):
        plans.stop_recurrence(manager, 99999)
    created = plans.create_due_recurring(manager, today=date(2026, 11, 30))  # its day, but stopped
    with reading() as s:
        assert all(s.get(Task, i).recurrence_id != rule.id for i in created)


def test_plans_submitted_and_missing(manager, staff):
    monday = date(2026, 11, 16)
    with pytest.raises(ValidationError):
        plans.submit_plan(staff, "weekly", monday + timedelta(days=1), "计划")
    with pytest.raises(ValidationError):
        plans.submit_plan(staff, "weekly", monday, "  ")
    row = plans.submit_plan(staff, "weekly", monday, "1. 上架", "上周完成改版", at=datetime(2026, 11, 17, 9))
    assert row.submitted and row.late
    missing = {r.employee_no for r in plans.missing_plans(manager, "weekly", monday)}
    assert "E004" not in missing and "E008" in missing
    with pytest.raises(PermissionDenied):
        plans.plan_submissions(staff, "weekly", monday)
    monthly = plans.submit_plan(staff, "monthly", date(2026, 11, 1), "下月计划", "本月总结", at=datetime(2026, 11, 27, 17))
    assert monthly.due_date == date(2026, 11, 27) and not monthly.late


def test_statistics_per_person_per_month(manager, staff, monkeypatch):
    monkeypatch.setattr(tasks, "now", lambda: datetime(2026, 11, 20, 10, 0))  # the send-back is in November
    card = tasks.create_task(manager, TaskInput(title="统计", assignee_no="E004", due_date=date(2026, 11, 10)))
    tasks.move_task(staff, card.id, "review")
    tasks.send_back(manager, card.id, "补充数据")
    tasks.move_task(staff, card.id, "review")
    tasks.complete_task(manager, card.id)
    with transaction() as s:  # place the events in a known month
        t = s.get(Task, card.id)
        t.started_at, t.completed_at = datetime(2026, 10, 5, 9), datetime(2026, 10, 8, 9)
    with reading() as s:
        e004 = s.execute(select(Task.assignee_id).where(Task.id == card.id)).scalar_one()
        stats = tasks.stats_in(s, 2026, 10)
    assert stats[e004]["done"] == 1 and stats[e004]["on_time_rate"] == 1.0 and stats[e004]["avg_cycle_days"] == 3.0
    rows = {r["employee_no"]: r for r in tasks.task_stats(manager, 2026, 11)}
    assert rows["E004"]["sent_back"] >= 1
    with pytest.raises(PermissionDenied):
        tasks.task_stats(staff, 2026, 10)


def test_import_all_or_nothing(manager, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("标题,负责人工号,截止日期,优先级,模板\n上架A,E004,2026-12-01,高,商品上架流程\n"
                   ",E999,2026-13-01,特急,\n", encoding="utf-8")
    with reading() as s:
        before = s.execute(select(func.count()).select_from(Task)).scalar_one()
    with pytest.raises(ImportRejected) as err:
        tasks.import_tasks(manager, str(bad))
    assert [r.row for r in err.value.rows] == [3]
    with reading() as s:
        assert s.execute(select(func.count()).select_from(Task)).scalar_one() == before
    good = tmp_path / "good.csv"
    good.write_text("title,assignee,due,priority,tags\n上架A,E004,2026/12/1,2,上新 女装\n周报,E006,,低,\n", encoding="utf-8")
    assert tasks.import_tasks(manager, str(good)) == 2
    cards = {c.title: c for c in tasks.list_tasks(manager)}
    assert cards["上架A"].tags == ("上新", "女装") and cards["周报"].priority == 0


def test_board_columns_have_both_names_and_a_typed_name_stays(manager):
    from app.i18n import set_language

    try:
        set_language("zh_CN")
        assert [c.label for c in tasks.board(manager).columns] == ["待办", "进行中", "待审核", "已完成"]
        set_language("en")
        assert [c.label for c in tasks.board(manager).columns] == ["To do", "In progress", "In review", "Done"]
        policy.set_value(manager, "tasks.column.review", "老板过目")
        assert {c.key: c.label for c in tasks.board(manager).columns}["review"] == "老板过目"
    finally:
        set_language("en")
