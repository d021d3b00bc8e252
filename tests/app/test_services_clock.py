"""Services that default to "today" read the shop's clock (app.models._base.now), so a test — and a
shop whose PC clock a test fixes — sees the day it set: plans' periods and recurring tasks, and the
dry run's default month. Fixed dates only."""

from datetime import date, datetime

from sqlalchemy import select

from app.db import reading
from app.models.tasks import Task
from app.services import month_close, plans, policy_dry_run

THURSDAY = datetime(2026, 11, 19, 10, 0)


def test_plans_default_to_the_day_of_the_shops_clock(demo_db, actor_for, monkeypatch):
    monkeypatch.setattr(plans, "now", lambda: THURSDAY)
    assert plans.my_plan(actor_for("zhangyt"), "weekly").period_start == date(2026, 11, 16)  # that week's Monday
    monkeypatch.setattr(plans, "now", lambda: datetime(2026, 11, 26, 10, 0))  # a week on: the next week's plan
    assert plans.my_plan(actor_for("zhangyt"), "weekly").period_start == date(2026, 11, 23)
    monkeypatch.setattr(plans, "now", lambda: THURSDAY)
    everyone = plans.plan_submissions(actor_for("fengyq"), "monthly")
    assert {(r.period_start, r.due_date) for r in everyone} == {(date(2026, 11, 1), date(2026, 11, 27))}  # due on the last Friday


def test_a_recurring_task_starts_and_falls_due_by_the_shops_clock(demo_db, actor_for, monkeypatch):
    manager = actor_for("wanghr")
    monkeypatch.setattr(plans, "now", lambda: datetime(2026, 11, 16, 8, 0))  # a Monday
    rule = plans.add_recurrence(manager, "周报", "E006", "weekly", 1, due_in_days=2)
    assert rule.start_date == date(2026, 11, 16)
    created = plans.create_due_recurring(manager)
    with reading() as s:
        ours = [t for t in s.execute(select(Task).where(Task.id.in_(created))).scalars() if t.recurrence_id == rule.id]
    assert [t.due_date for t in ours] == [date(2026, 11, 18)]
    monkeypatch.setattr(plans, "now", lambda: datetime(2026, 11, 20, 8, 0))  # the same week: nothing new
    assert not [i for i in plans.create_due_recurring(manager) if i not in created and _rule_of(i) == rule.id]


def _rule_of(task_id: int):
    with reading() as s:
        return s.get(Task, task_id).recurrence_id


def test_the_dry_run_tries_the_month_before_the_shops_clock_when_none_is_closed(demo_db, admin, monkeypatch):
    monkeypatch.setattr(policy_dry_run, "now", lambda: datetime(2026, 9, 3, 9, 0))
    with reading() as s:
        assert month_close.last_closed_month(s) is None
    got = policy_dry_run.dry_run(admin, {"attendance.late_grace_minutes": "10"})
    assert got["month"] == "2026-08"
    monkeypatch.setattr(policy_dry_run, "now", lambda: datetime(2026, 11, 25, 9, 0))
    assert policy_dry_run.dry_run(admin, {"attendance.late_grace_minutes": "10"})["month"] == "2026-10"
