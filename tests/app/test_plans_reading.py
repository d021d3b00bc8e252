"""A manager reads a weekly or monthly plan: opens it with its linked tasks, marks it read, comments;
the employee sees both. Who may do which follows the reporting line (rules.plan_access)."""

from datetime import date, datetime

import pytest
from sqlalchemy import select

from app.db import reading
from app.errors import ConflictError, PermissionDenied, ValidationError
from app.models.audit import AuditEntry
from app.models.people import Employee
from app.rules.tasks import plan_access
from app.services import plans, tasks
from app.services.context import Actor
from app.services.tasks import TaskInput

MONDAY = date(2026, 11, 16)


def employee_id(no: str) -> int:
    with reading() as s:
        return s.execute(select(Employee.id).where(Employee.employee_no == no)).scalar_one()


def login_of(no: str, role: str = "staff") -> Actor:
    """An office login linked to a demo employee who has none in the demo."""
    return Actor(username=f"user-{no}", role=role, employee_id=employee_id(no))


def audit_actions(plan_id: int) -> list[str]:
    with reading() as s:
        return list(s.execute(select(AuditEntry.action).where(AuditEntry.entity == "work_plan",
                                                              AuditEntry.entity_id == str(plan_id))
                              .order_by(AuditEntry.id)).scalars())


@pytest.fixture
def submitted(demo_db, actor_for):
    """张雨桐 (E004, reports to 王浩然 E003 -> 林晓雯 E002 -> 陈志远 E001) submits her week with one task linked."""
    card = tasks.create_task(actor_for("wanghr"), TaskInput(title="年货节满减方案", assignee_no="E004",
                                                            due_date=date(2026, 11, 20)))
    return plans.submit_plan(actor_for("zhangyt"), "weekly", MONDAY, "1. 满减方案\n2. 详情页", "上周完成改版",
                             [card.id], at=datetime(2026, 11, 16, 9, 10)), card


def test_the_manager_opens_the_plan_with_its_linked_tasks(submitted, actor_for):
    row, card = submitted
    detail = plans.plan_detail(actor_for("wanghr"), row.plan_id)
    assert (detail.name, detail.plan, detail.summary) == ("张雨桐", "1. 满减方案\n2. 详情页", "上周完成改版")
    assert [(t.title, t.status, t.due_date) for t in detail.tasks] == [("年货节满减方案", "todo", date(2026, 11, 20))]
    assert detail.tasks[0].status_label  # the board's column name, as the board shows it
    assert detail.read_at is None and detail.comments == []
    assert detail.may_mark_read and detail.may_comment


def test_marked_read_and_commented_the_employee_sees_both(submitted, actor_for):
    row, _card = submitted
    manager, staff = actor_for("wanghr"), actor_for("zhangyt")
    read = plans.mark_plan_read(manager, row.plan_id, seen_submitted_at=row.submitted_at, at=datetime(2026, 11, 16, 10))
    assert read.read_at == datetime(2026, 11, 16, 10) and read.read_by_name == "王浩然" and not read.may_mark_read
    plans.comment_on_plan(manager, row.plan_id, "  满减档位先列三个。 ", at=datetime(2026, 11, 16, 10, 30))
    mine = plans.my_plan(staff, "weekly", MONDAY)
    assert mine.read_at == datetime(2026, 11, 16, 10) and mine.read_by_name == "王浩然" and mine.comment_count == 1
    seen = plans.plan_detail(staff, mine.plan_id)
    assert [(c.author_name, c.body) for c in seen.comments] == [("王浩然", "满减档位先列三个。")]
    assert not seen.may_mark_read and not seen.may_comment  # the author reads; nobody reviews their own plan
    with pytest.raises(PermissionDenied):
        plans.comment_on_plan(staff, row.plan_id, "我自己批注")
    with pytest.raises(PermissionDenied):
        plans.mark_plan_read(staff, row.plan_id)
    # marking again changes nothing: the first reader stays
    again = plans.mark_plan_read(actor_for("linxw"), row.plan_id)
    assert again.read_by_name == "王浩然"
    assert audit_actions(row.plan_id) == ["plan.submit", "plan.read", "plan.comment"]


def test_managers_up_the_line_hr_and_admin_may_read_nobody_else(submitted, actor_for, admin):
    row, _card = submitted
    for reader in (actor_for("wanghr"), actor_for("linxw"), actor_for("chenzy"), actor_for("fengyq"), admin):
        assert plans.plan_detail(reader, row.plan_id).may_comment, reader.username
    colleague = login_of("E005")  # 刘子轩, same manager, not above her
    side_manager = login_of("E007", role="manager")  # 孙佳怡 leads 客服组, another branch
    for outsider in (colleague, side_manager):
        with pytest.raises(PermissionDenied):
            plans.plan_detail(outsider, row.plan_id)
        with pytest.raises(PermissionDenied):
            plans.comment_on_plan(outsider, row.plan_id, "看过")
    assert plans.plan_detail(actor_for("zhangyt"), row.plan_id).plan  # her own
    assert audit_actions(row.plan_id) == ["plan.submit"]  # refusals wrote nothing


def test_the_team_list_says_whose_plans_the_reader_may_open(submitted, actor_for):
    row, _card = submitted
    plans.submit_plan(login_of("E008"), "weekly", MONDAY, "售后周计划")  # 周梦瑶: 客服组, not under 王浩然
    by_no = {r.employee_no: r for r in plans.plan_submissions(actor_for("wanghr"), "weekly", MONDAY)}
    assert by_no["E004"].may_open and by_no["E004"].plan_id == row.plan_id
    assert by_no["E008"].submitted and not by_no["E008"].may_open
    assert not by_no["E005"].submitted and not by_no["E005"].may_open  # nothing to open yet
    assert {r.employee_no: r.may_open for r in plans.plan_submissions(actor_for("linxw"), "weekly", MONDAY)}["E008"]


def test_a_resubmitted_plan_is_unread_again_and_a_stale_read_is_refused(submitted, actor_for):
    row, card = submitted
    manager, staff = actor_for("wanghr"), actor_for("zhangyt")
    plans.mark_plan_read(manager, row.plan_id)
    opened = plans.plan_detail(manager, row.plan_id)
    new = plans.submit_plan(staff, "weekly", MONDAY, "1. 满减方案（改）", "", [card.id], at=datetime(2026, 11, 16, 11))
    assert new.read_at is None and plans.plan_detail(manager, row.plan_id).may_mark_read
    with pytest.raises(ConflictError):
        plans.mark_plan_read(manager, row.plan_id, seen_submitted_at=opened.submitted_at)
    with pytest.raises(ConflictError):
        plans.comment_on_plan(manager, row.plan_id, "好", seen_submitted_at=opened.submitted_at)
    after = plans.plan_detail(manager, row.plan_id)
    assert after.read_at is None and after.comments == []


def test_a_comment_marks_an_unread_plan_read_and_a_blank_one_is_refused(submitted, actor_for):
    row, _card = submitted
    manager = actor_for("linxw")  # two levels up
    with pytest.raises(ValidationError):
        plans.comment_on_plan(manager, row.plan_id, "   ")
    with pytest.raises(ValidationError):
        plans.comment_on_plan(manager, row.plan_id, "长" * 2001)
    assert plans.plan_detail(manager, row.plan_id).read_at is None
    detail = plans.comment_on_plan(manager, row.plan_id, "注意预算", at=datetime(2026, 11, 17, 8))
    assert detail.read_by_name == "林晓雯" and detail.read_at == datetime(2026, 11, 17, 8)
    assert audit_actions(row.plan_id) == ["plan.submit", "plan.read", "plan.comment"]


@pytest.mark.parametrize("role, me, owner, above, expected", [
    ("staff", 4, 4, [3, 2], "owner"),
    ("hr", 15, 15, [2], "owner"),  # HR's own plan is hers, not hers to review
    ("manager", 3, 4, [3, 2], "reviewer"),
    ("staff", 2, 4, [3, 2], "reviewer"),  # up the line, whatever the login's role
    ("hr", 15, 4, [3, 2], "reviewer"),
    ("admin", None, 4, [3, 2], "reviewer"),
    ("manager", 7, 4, [3, 2], None),
    ("staff", None, 4, [3, 2], None),
])
def test_plan_access(role, me, owner, above, expected):
    assert plan_access(role, me, owner, above) == expected
