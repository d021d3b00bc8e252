"""The demo department's task board: about 30 believable cards over the columns, some from
workflow templates with their checklists part done, some overdue, a card sent back with a
comment, comments, recurring tasks, and this week's plans submitted by some of the staff (one read and commented)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlmodel import Session

from app.models.people import Employee
from app.models.tasks import TaskComment, TaskLink, TaskRecurrence, WorkPlan, WorkPlanComment
from app.rules import tasks as rules
from app.services.context import Actor
from app.services.tasks import TaskInput, _end_rank, _recount, new_task

# (title, assignee, column, due in days from today, priority, tags, template, steps done, created days ago)
CARDS = [
    ("双十二主推款详情页优化", "E004", "doing", 2, 2, "详情页,双十二", "", 0, 6),
    ("商品上架：冬季羽绒服5款", "E004", "review", 1, 2, "上新,女装", "商品上架流程", 4, 9),
    ("商品上架：加绒卫衣3款", "E005", "doing", -2, 2, "上新", "商品上架流程", 2, 12),
    ("商品上架：保暖袜礼盒", "E005", "todo", 6, 1, "上新,配件", "商品上架流程", 0, 2),
    ("促销活动：年货节满减方案", "E004", "todo", 12, 2, "年货节", "促销活动流程", 0, 3),
    ("促销活动：双十二店铺大促", "E003", "doing", 3, 3, "双十二", "促销活动流程", 3, 20),
    ("11月运营数据月报", "E006", "done", -5, 2, "报表", "", 0, 12),
    ("直通车关键词周报", "E010", "review", 0, 1, "推广,报表", "", 0, 5),
    ("竞品价格调研", "E006", "doing", -1, 1, "调研", "市场调研", 5, 15),
    ("市场调研：冬季保暖品类趋势", "E013", "todo", 15, 1, "调研", "市场调研", 0, 1),
    ("退货处理：订单 20261118-0356", "E008", "review", 1, 2, "售后", "退货流程", 3, 4),
    ("退货处理：订单 20261120-1022", "E009", "doing", 2, 1, "售后", "退货流程", 1, 2),
    ("订单处理：缺货订单联系买家", "E009", "todo", 1, 3, "订单", "订单处理", 0, 1),
    ("订单处理：今日发货批次", "E014", "doing", 0, 3, "订单,发货", "订单处理", 2, 1),
    ("周度库存盘点", "E014", "todo", 4, 1, "库存", "", 0, 2),
    ("首页双十二横幅设计", "E011", "review", -1, 2, "设计,双十二", "", 0, 8),
    ("新品主图精修（羽绒服）", "E012", "doing", 1, 2, "设计,上新", "", 0, 5),
    ("年货节活动海报", "E011", "todo", 10, 1, "设计,年货节", "", 0, 2),
    ("羽绒服详情文案撰写", "E013", "done", -3, 1, "文案,上新", "", 0, 10),
    ("公众号推文：冬季穿搭", "E013", "doing", 3, 1, "文案,内容", "", 0, 4),
    ("搜索关键词出价优化", "E010", "doing", -3, 2, "推广", "", 0, 9),
    ("钻展投放复盘", "E010", "done", -6, 1, "推广,复盘", "", 0, 14),
    ("中差评回访与记录", "E008", "todo", 3, 1, "售后,评价", "", 0, 1),
    ("客服话术更新（双十二）", "E007", "done", -2, 1, "客服,双十二", "", 0, 11),
    ("客服排班表（12月）", "E007", "doing", 5, 1, "排班", "", 0, 3),
    ("新员工一对一带教：黄嘉豪", "E003", "doing", 20, 1, "培训", "", 0, 18),
    ("店铺页面秋冬改版", "E004", "done", -8, 2, "店铺装修", "", 0, 25),
    ("竞品活动截图整理", "E005", "done", -1, 0, "调研", "", 0, 6),
    ("月度绩效数据汇总", "E015", "todo", 8, 1, "人事", "", 0, 1),
    ("物流异常件跟进", "E014", "review", 0, 2, "物流", "", 0, 3),
]

COMMENTS = {
    "商品上架：冬季羽绒服5款": [("zhangyt", "张雨桐", "价格和库存已与供应商确认，图片已按规范处理，请审核。")],
    "商品上架：加绒卫衣3款": [("wanghr", "王浩然", "尺码表缺少 XL 的肩宽数据，补齐后再提交审核。")],
    "首页双十二横幅设计": [("linxw", "林晓雯", "主标题再大一点，优惠信息放在第一屏。")],
    "竞品价格调研": [("zhaosq", "赵思琪", "已收集 12 家竞品数据，本周五前出报告。")],
}


def _at(today: date, days_ago: float, hour: int = 10) -> datetime:
    return datetime.combine(today - timedelta(days=int(days_ago)), time(hour, 0))


def seed_board(s: Session, actor: Actor, today: date) -> None:
    people = {e.employee_no: e for e in s.execute(select(Employee)).scalars()}
    by_title = {}
    for title, no, status, due_in, prio, tags, template, steps_done, age in CARDS:
        created = _at(today, age, 9)
        data = TaskInput(title=title, assignee_no=no, due_date=today + timedelta(days=due_in), priority=prio,
                         tags=tags, template=template,
                         description=f"{title}。负责人按流程推进，完成后提交待审核。")
        task = new_task(s, actor, data, people[no], at=created)
        steps = [dict(x) for x in task.checklist]
        for i in range(min(steps_done, len(steps))):
            steps[i].update(done=True, done_by="wanghr" if steps[i].get("approval_role") else no,
                            done_at=_at(today, max(age - i - 1, 0), 15).isoformat(sep=" "))
        if status == "done":  # a finished card has its whole checklist done
            for step in steps:
                step.update(done=True, done_by=step.get("done_by") or no, done_at=step.get("done_at") or "")
        task.checklist = steps
        _recount(task)
        task.status = status
        task.rank = _end_rank(s, status, exclude=task.id)
        if status != "todo":
            task.started_at = _at(today, max(age - 1, 0), 10)
        if status == "done":
            late_by = 2 if title == "钻展投放复盘" else -1  # one finished late, the others the day before due
            task.completed_at = _at(today, max(-due_in - late_by, 0), 16)
        by_title[title] = task
    returned = by_title["商品上架：加绒卫衣3款"]
    returned.returned, returned.sent_back_count = True, 1
    for title, notes in COMMENTS.items():
        for i, (user, name, body) in enumerate(notes):
            kind = "send_back" if by_title[title] is returned else "comment"
            s.add(TaskComment(task_id=by_title[title].id, at=_at(today, 1, 11 + i), author=user, author_name=name,
                              body=body, kind=kind))
    s.add(TaskLink(task_id=by_title["商品上架：冬季羽绒服5款"].id, target=r"\\shop-pc\共享\上新\羽绒服\商品信息.xlsx",
                   label="商品信息表", added_by="zhangyt"))
    s.add(TaskRecurrence(title="运营数据周报", assignee_id=people["E006"].id, recurrence="weekly", anchor_day=1,
                         due_in_days=1, tags="报表", start_date=today - timedelta(days=60),
                         last_occurrence=rules.latest_occurrence("weekly", 1, today), created_by=actor.username))
    s.add(TaskRecurrence(title="月度库存盘点", assignee_id=people["E014"].id, recurrence="monthly", anchor_day=28,
                         due_in_days=2, tags="库存", start_date=today - timedelta(days=60),
                         last_occurrence=rules.latest_occurrence("monthly", 28, today), created_by=actor.username))
    start, due = rules.plan_period("weekly", today)
    plans = {
        "E004": ("上周完成秋冬改版上线，羽绒服5款提交上架审核。", "1. 双十二主推款详情页优化\n2. 羽绒服审核通过后发布\n3. 年货节满减方案初稿"),
        "E005": ("上周整理竞品活动截图，卫衣上架资料收集。", "1. 补齐卫衣尺码表后提交审核\n2. 保暖袜礼盒上架准备"),
        "E006": ("上周完成11月数据月报初稿。", "1. 竞品价格调研报告\n2. 运营数据周报"),
        "E010": ("上周完成钻展复盘，关键词出价调整 30 个。", "1. 关键词周报\n2. 双十二推广预算分配"),
        "E013": ("上周完成羽绒服详情文案。", "1. 冬季穿搭推文\n2. 保暖品类调研方案"),
    }
    written = {}
    for no, (summary, plan) in plans.items():
        linked = [t.id for t in by_title.values() if t.assignee_id == people[no].id and t.status != "done"]
        written[no] = WorkPlan(employee_id=people[no].id, kind="weekly", period_start=start, due_date=due, summary=summary,
                               plan=plan, task_ids=linked, submitted_at=datetime.combine(start, time(9, 20)))
        s.add(written[no])
    s.flush()
    # 王浩然 has read 张雨桐's plan and left her a comment (she sees both on her plans page)
    read = written["E004"]
    read.read_at, read.read_by, read.read_by_name = datetime.combine(start, time(10, 5)), "wanghr", people["E003"].name
    s.add(WorkPlanComment(plan_id=read.id, at=read.read_at, author="wanghr", author_name=people["E003"].name,
                          body="详情页优化周三前给我看初稿；年货节方案先列三个满减档位。"))
    s.flush()
