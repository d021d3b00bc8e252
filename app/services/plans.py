"""Weekly and monthly plans (本周计划 / 上周总结, 月度总结 / 下月计划) and recurring tasks.

Every employee who reports to someone submits the weekly plan, due on Monday, and the monthly
summary with next month's plan, due on the month's last Friday; the manager sees who has not.
Recurring tasks (weekly, monthly) get a new card when they fall due.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from typing import Optional

from sqlalchemy import select
from sqlmodel import Session

from app.db import reading, transaction
from app.errors import ConflictError, NotFound, ValidationError
from app.i18n import _
from app.models._base import now
from app.models.people import Employee
from app.models.tasks import Task, TaskRecurrence, WorkPlan
from app.rules import tasks as rules
from app.services import audit, policy
from app.services.context import Actor
from app.services.permissions import can, require
from app.services.tasks import TaskInput, new_task

MAX_PLAN_TEXT = 10000


@dataclass
class PlanRow:
    employee_id: int
    employee_no: str
    name: str
    kind: str
    period_start: date
    due_date: date
    summary: str = ""
    plan: str = ""
    task_ids: list[int] = field(default_factory=list)
    submitted_at: Optional[datetime] = None

    @property
    def submitted(self) -> bool:
        return self.submitted_at is not None

    @property
    def late(self) -> bool:
        return rules.plan_is_late(self.submitted_at, self.due_date)

    def as_dict(self) -> dict:
        data = asdict(self)
        data.update(period_start=self.period_start.isoformat(), due_date=self.due_date.isoformat(),
                    submitted_at=self.submitted_at.isoformat(sep=" ") if self.submitted_at else None,
                    submitted=self.submitted, late=self.late)
        return data


def _check_kind(kind: str) -> None:
    if kind not in rules.PLAN_KINDS:
        raise ValidationError("A plan is weekly or monthly (got {kind}).", kind=kind)


def period_in(session: Session, kind: str, day: date) -> tuple[date, date]:
    """(period start, due date) of the plan covering ``day``, with the weekday in force."""
    _check_kind(kind)
    return rules.plan_period(kind, day, int(policy.value_in(session, "tasks.weekly_plan_weekday")))


def _row(e: Employee, kind: str, start: date, due: date, plan: Optional[WorkPlan]) -> PlanRow:
    row = PlanRow(e.id, e.employee_no, e.name, kind, start, due)
    if plan is not None:
        row.summary, row.plan, row.task_ids, row.submitted_at = plan.summary, plan.plan, list(plan.task_ids), plan.submitted_at
    return row


def my_plan(actor: Actor, kind: str, day: Optional[date] = None) -> PlanRow:
    """The actor's own plan for the period covering ``day`` (blank if not written yet)."""
    require(actor, "tasks.view")
    day = day or date.today()
    with reading() as s:
        e = _own_employee(s, actor)
        start, due = period_in(s, kind, day)
        plan = s.execute(select(WorkPlan).where(WorkPlan.employee_id == e.id, WorkPlan.kind == kind,
                                                WorkPlan.period_start == start)).scalar()
        return _row(e, kind, start, due, plan)


def _own_employee(s: Session, actor: Actor) -> Employee:
    e = s.get(Employee, actor.employee_id) if actor.employee_id else None
    if e is None:
        raise ValidationError("Your login is not linked to an employee, so you have no plans of your own.")
    return e


def submit_plan(actor: Actor, kind: str, period_start: date, plan: str, summary: str = "",
                task_ids: tuple[int, ...] | list[int] = (), at: Optional[datetime] = None) -> PlanRow:
    """Submit (or resubmit) the actor's own plan; a resubmission keeps the first one in the audit trail."""
    require(actor, "tasks.edit_own")
    plan, summary = (plan or "").strip(), (summary or "").strip()
    if not plan:
        raise ValidationError("Write the plan before submitting it.")
    if len(plan) > MAX_PLAN_TEXT or len(summary) > MAX_PLAN_TEXT:
        raise ValidationError("A plan or summary has at most 10000 characters.")
    with transaction() as s:
        e = _own_employee(s, actor)
        start, due = period_in(s, kind, period_start)
        if start != period_start:
            raise ValidationError("{day} does not start a plan period (a Monday for weekly plans, the 1st for monthly ones).",
                                  day=period_start.isoformat())
        ids = sorted(set(int(i) for i in task_ids))
        if ids:
            found = {t.id: t for t in s.execute(select(Task).where(Task.id.in_(ids))).scalars()}
            bad = [i for i in ids if i not in found or (found[i].assignee_id != e.id and not can(actor, "tasks.view_all"))]
            if bad:
                raise ValidationError("Task(s) {ids} cannot be linked to this plan.", ids=", ".join(map(str, bad)))
        row = s.execute(select(WorkPlan).where(WorkPlan.employee_id == e.id, WorkPlan.kind == kind,
                                               WorkPlan.period_start == start)).scalar()
        before = audit.snapshot(row) if row else None
        if row is None:
            row = WorkPlan(employee_id=e.id, kind=kind, period_start=start, due_date=due)
            s.add(row)
        row.summary, row.plan, row.task_ids, row.due_date = summary, plan, ids, due
        row.submitted_at = row.updated_at = at or now()
        s.flush()
        audit.record(s, actor, "plan.submit", "work_plan", row.id, before, audit.snapshot(row))
        return _row(e, kind, start, due, row)


def expected_people(s: Session, due: date) -> list[Employee]:
    """Who owes a plan on ``due``: everyone employed then who reports to someone."""
    return [e for e in s.execute(select(Employee).where(Employee.manager_id.is_not(None))
                                 .order_by(Employee.employee_no)).scalars()
            if (e.hire_date is None or e.hire_date <= due) and (e.leave_date is None or e.leave_date >= due)
            and (e.status != "left" or (e.leave_date is not None and e.leave_date >= due))]


def plan_submissions(actor: Actor, kind: str, day: Optional[date] = None) -> list[PlanRow]:
    """Every person's plan for the period covering ``day``: submitted (on time or late) or not."""
    require(actor, "tasks.plans_view")
    day = day or date.today()
    with reading() as s:
        start, due = period_in(s, kind, day)
        plans = {p.employee_id: p for p in s.execute(select(WorkPlan).where(
            WorkPlan.kind == kind, WorkPlan.period_start == start)).scalars()}
        return [_row(e, kind, start, due, plans.get(e.id)) for e in expected_people(s, due)]


def missing_plans(actor: Actor, kind: str, day: Optional[date] = None) -> list[PlanRow]:
    return [r for r in plan_submissions(actor, kind, day) if not r.submitted]


# -- recurring tasks -----------------------------------------------------------------------
@dataclass
class RecurrenceRow:
    id: int
    title: str
    assignee_no: str
    assignee_name: str
    recurrence: str
    anchor_day: int
    due_in_days: int
    template: str
    tags: str
    priority: int
    start_date: date
    last_occurrence: Optional[date]
    active: bool


def add_recurrence(actor: Actor, title: str, assignee_no: str, recurrence: str, anchor_day: int,
                   due_in_days: int = 0, template: str = "", tags: str = "", priority: int = 1,
                   start: Optional[date] = None) -> RecurrenceRow:
    require(actor, "tasks.recurring")
    problems = [m for m in (rules.title_problem(title), rules.recurrence_problem(recurrence, anchor_day, due_in_days),
                            rules.tag_problem(rules.normalise_tags(tags))) if m]
    if priority not in rules.PRIORITIES:
        problems.append("Priority must be 0 (low) to 3 (urgent)")
    if problems:
        raise ValidationError("; ".join(_(p) for p in problems))
    with transaction() as s:
        e = s.execute(select(Employee).where(Employee.employee_no == assignee_no.strip())).scalar()
        if e is None:
            raise ValidationError("There is no employee with no. {no}.", no=assignee_no)
        if template.strip():
            from app.services.templates import template_in

            if template_in(s, template) is None:
                raise ValidationError("There is no workflow template called {name}.", name=template)
        r = TaskRecurrence(title=title.strip(), assignee_id=e.id, recurrence=recurrence, anchor_day=anchor_day,
                           due_in_days=due_in_days, template=template.strip(), tags=",".join(rules.normalise_tags(tags)),
                           priority=priority, start_date=start or date.today(), created_by=actor.username)
        s.add(r)
        s.flush()
        audit.record(s, actor, "task_recurrence.add", "task_recurrence", r.id, None, audit.snapshot(r))
        return _recurrence_row(r, e)


def _recurrence_row(r: TaskRecurrence, e: Employee) -> RecurrenceRow:
    return RecurrenceRow(r.id, r.title, e.employee_no, e.name, r.recurrence, r.anchor_day, r.due_in_days, r.template,
                         r.tags, r.priority, r.start_date, r.last_occurrence, r.active)


def list_recurrences(actor: Actor) -> list[RecurrenceRow]:
    require(actor, "tasks.view")
    with reading() as s:
        rows = s.execute(select(TaskRecurrence, Employee).join(Employee, Employee.id == TaskRecurrence.assignee_id)
                         .order_by(TaskRecurrence.id)).all()
        return [_recurrence_row(r, e) for r, e in rows
                if can(actor, "tasks.view_all") or e.id == actor.employee_id]


def stop_recurrence(actor: Actor, recurrence_id: int) -> None:
    require(actor, "tasks.recurring")
    with transaction() as s:
        r = s.get(TaskRecurrence, recurrence_id)
        if r is None:
            raise NotFound("There is no recurring task {id}.", id=recurrence_id)
        if not r.active:
            raise ConflictError("The recurring task “{title}” is already stopped.", title=r.title)
        before = audit.snapshot(r)
        r.active = False
        audit.record(s, actor, "task_recurrence.stop", "task_recurrence", r.id, before, audit.snapshot(r))


def create_due_recurring(actor: Actor, today: Optional[date] = None) -> list[int]:
    """Create the cards of recurring tasks that have fallen due (one per rule at most); returns their ids.

    Safe to call often (the board calls it when it opens): an occurrence is never created twice (the
    writers run one at a time, and a unique index on the rule and due day holds it).
    """
    require(actor, "tasks.recurring")
    today = today or date.today()
    created: list[int] = []
    with transaction() as s:
        for r in s.execute(select(TaskRecurrence).where(TaskRecurrence.active.is_(True))).scalars().all():
            when = rules.occurrence_due(r.recurrence, r.anchor_day, r.last_occurrence, r.start_date, today)
            if when is None:
                continue
            assignee = s.get(Employee, r.assignee_id)
            if assignee is None or assignee.status == "left":
                continue
            data = TaskInput(title=r.title, due_date=when + timedelta(days=r.due_in_days),
                             priority=r.priority, tags=r.tags, template=r.template)
            task = new_task(s, actor, data, assignee, recurrence_id=r.id, occurrence=when)
            r.last_occurrence = when
            created.append(task.id)
    return created
