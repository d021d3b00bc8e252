"""Weekly and monthly plans (本周计划 / 上周总结, 月度总结 / 下月计划) and recurring tasks.

Every employee who reports to someone submits the weekly plan, due on Monday, and the monthly
summary with next month's plan, due on the month's last Friday; the manager sees who has not.
A manager up the person's reporting line (or HR, an administrator) opens a plan with its linked
tasks, marks it read and comments on it; the employee sees both. Recurring tasks (weekly,
monthly) get a new card when they fall due.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from typing import Optional

from sqlalchemy import func, select
from sqlmodel import Session

from app.db import reading, transaction
from app.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from app.i18n import _
from app.models._base import now
from app.models.people import Employee
from app.models.tasks import Task, TaskRecurrence, WorkPlan, WorkPlanComment
from app.rules import tasks as rules
from app.services import audit, policy
from app.services.context import Actor
from app.services.permissions import can, require
from app.services.tasks import TaskInput, column_labels, new_task

MAX_PLAN_TEXT = 10000
MAX_PLAN_COMMENT = 2000


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
    plan_id: Optional[int] = None
    read_at: Optional[datetime] = None
    read_by_name: str = ""
    comment_count: int = 0
    may_open: bool = False  # the actor may open this plan (plan_detail): see rules.plan_access

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
                    read_at=self.read_at.isoformat(sep=" ") if self.read_at else None,
                    submitted=self.submitted, late=self.late)
        return data


def _check_kind(kind: str) -> None:
    if kind not in rules.PLAN_KINDS:
        raise ValidationError("A plan is weekly or monthly (got {kind}).", kind=kind)


def period_in(session: Session, kind: str, day: date) -> tuple[date, date]:
    """(period start, due date) of the plan covering ``day``, with the weekday in force."""
    _check_kind(kind)
    return rules.plan_period(kind, day, int(policy.value_in(session, "tasks.weekly_plan_weekday")))


def _row(e: Employee, kind: str, start: date, due: date, plan: Optional[WorkPlan], comments: int = 0,
         may_open: bool = False) -> PlanRow:
    row = PlanRow(e.id, e.employee_no, e.name, kind, start, due)
    if plan is not None:
        row.summary, row.plan, row.task_ids, row.submitted_at = plan.summary, plan.plan, list(plan.task_ids), plan.submitted_at
        row.plan_id, row.read_at, row.read_by_name = plan.id, plan.read_at, plan.read_by_name
        row.comment_count, row.may_open = comments, may_open
    return row


def _comment_counts(s: Session, plan_ids: list[int]) -> dict[int, int]:
    if not plan_ids:
        return {}
    return dict(s.execute(select(WorkPlanComment.plan_id, func.count()).where(WorkPlanComment.plan_id.in_(plan_ids))
                          .group_by(WorkPlanComment.plan_id)).all())


def my_plan(actor: Actor, kind: str, day: Optional[date] = None) -> PlanRow:
    """The actor's own plan for the period covering ``day`` (blank if not written yet)."""
    require(actor, "tasks.view")
    day = day or now().date()
    with reading() as s:
        e = _own_employee(s, actor)
        start, due = period_in(s, kind, day)
        plan = s.execute(select(WorkPlan).where(WorkPlan.employee_id == e.id, WorkPlan.kind == kind,
                                                WorkPlan.period_start == start)).scalar()
        counts = _comment_counts(s, [plan.id] if plan else [])
        return _row(e, kind, start, due, plan, counts.get(plan.id, 0) if plan else 0, may_open=True)


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
        row.read_at, row.read_by, row.read_by_name = None, "", ""  # the new text is unread
        s.flush()
        audit.record(s, actor, "plan.submit", "work_plan", row.id, before, audit.snapshot(row))
        return _row(e, kind, start, due, row, _comment_counts(s, [row.id]).get(row.id, 0), may_open=True)


def expected_people(s: Session, due: date) -> list[Employee]:
    """Who owes a plan on ``due``: everyone employed then who reports to someone."""
    return [e for e in s.execute(select(Employee).where(Employee.manager_id.is_not(None))
                                 .order_by(Employee.employee_no)).scalars()
            if (e.hire_date is None or e.hire_date <= due) and (e.leave_date is None or e.leave_date >= due)
            and (e.status != "left" or (e.leave_date is not None and e.leave_date >= due))]


def plan_submissions(actor: Actor, kind: str, day: Optional[date] = None) -> list[PlanRow]:
    """Every person's plan for the period covering ``day``: submitted (on time or late) or not."""
    require(actor, "tasks.plans_view")
    day = day or now().date()
    with reading() as s:
        start, due = period_in(s, kind, day)
        plans = {p.employee_id: p for p in s.execute(select(WorkPlan).where(
            WorkPlan.kind == kind, WorkPlan.period_start == start)).scalars()}
        counts = _comment_counts(s, [p.id for p in plans.values()])
        manager_of = _manager_map(s)
        rows = []
        for e in expected_people(s, due):
            plan = plans.get(e.id)
            may = plan is not None and rules.plan_access(actor.role, actor.employee_id, e.id,
                                                         _managers_above(manager_of, e.id)) is not None
            rows.append(_row(e, kind, start, due, plan, counts.get(plan.id, 0) if plan else 0, may))
        return rows


def missing_plans(actor: Actor, kind: str, day: Optional[date] = None) -> list[PlanRow]:
    return [r for r in plan_submissions(actor, kind, day) if not r.submitted]


# -- reading a plan: marked read, commented ------------------------------------------------
@dataclass
class PlanTaskLine:
    id: int
    title: str
    status: str
    status_label: str
    due_date: Optional[date]


@dataclass
class PlanComment:
    at: datetime
    author: str
    author_name: str
    body: str


@dataclass
class PlanDetail:
    id: int
    employee_no: str
    name: str
    kind: str
    period_start: date
    due_date: date
    summary: str
    plan: str
    submitted_at: Optional[datetime]
    read_at: Optional[datetime]
    read_by_name: str
    tasks: list[PlanTaskLine]
    comments: list[PlanComment]
    may_mark_read: bool  # a reviewer, and nobody has marked this version read yet
    may_comment: bool

    @property
    def late(self) -> bool:
        return rules.plan_is_late(self.submitted_at, self.due_date)


def _manager_map(s: Session) -> dict[int, Optional[int]]:
    return dict(s.execute(select(Employee.id, Employee.manager_id)).all())


def _managers_above(manager_of: dict[int, Optional[int]], employee_id: int) -> list[int]:
    """Everyone above the person in the reporting line, nearest first (a cycle stops the walk)."""
    chain: list[int] = []
    current = manager_of.get(employee_id)
    while current is not None and current not in chain and current != employee_id:
        chain.append(current)
        current = manager_of.get(current)
    return chain


def _open_plan(s: Session, actor: Actor, plan_id: int, lock: bool = False) -> tuple[WorkPlan, Employee, str]:
    """The plan, its author and the actor's access to it; refuses whoever may not read it. ``lock`` holds the
    row until commit (PostgreSQL), so two readers on two PCs mark it read once."""
    plan = s.get(WorkPlan, plan_id, with_for_update=lock)
    if plan is None:
        raise NotFound("There is no plan {id}.", id=plan_id)
    owner = s.get(Employee, plan.employee_id)
    access = rules.plan_access(actor.role, actor.employee_id, owner.id, _managers_above(_manager_map(s), owner.id))
    if access is None:
        raise PermissionDenied("Only {name}'s managers, HR and administrators may read this plan.", name=owner.name)
    return plan, owner, access


def _detail(s: Session, plan: WorkPlan, owner: Employee, access: str) -> PlanDetail:
    labels = column_labels(policy.values_in(s))
    found = {t.id: t for t in s.execute(select(Task).where(Task.id.in_(list(plan.task_ids) or [-1]))).scalars()}
    tasks = [PlanTaskLine(t.id, t.title, t.status, labels.get(t.status, t.status), t.due_date)
             for t in (found[i] for i in plan.task_ids if i in found)]
    comments = [PlanComment(c.at, c.author, c.author_name, c.body) for c in s.execute(
        select(WorkPlanComment).where(WorkPlanComment.plan_id == plan.id).order_by(WorkPlanComment.at, WorkPlanComment.id)
    ).scalars()]
    reviewer = access == "reviewer"
    return PlanDetail(plan.id, owner.employee_no, owner.name, plan.kind, plan.period_start, plan.due_date, plan.summary,
                      plan.plan, plan.submitted_at, plan.read_at, plan.read_by_name, tasks, comments,
                      may_mark_read=reviewer and plan.read_at is None, may_comment=reviewer)


def plan_detail(actor: Actor, plan_id: int) -> PlanDetail:
    """A submitted plan with its linked tasks, who read it and the comments on it: for its author, the
    managers up their reporting line, HR and administrators."""
    require(actor, "tasks.view")
    with reading() as s:
        return _detail(s, *_open_plan(s, actor, plan_id))


def _reader_name(s: Session, actor: Actor) -> str:
    e = s.get(Employee, actor.employee_id) if actor.employee_id else None
    return e.name if e else actor.username


def _mark_read(s: Session, actor: Actor, plan: WorkPlan, at: datetime) -> None:
    before = audit.snapshot(plan)
    plan.read_at, plan.read_by, plan.read_by_name = at, actor.username, _reader_name(s, actor)
    s.flush()
    audit.record(s, actor, "plan.read", "work_plan", plan.id, before, audit.snapshot(plan))


def _check_version(plan: WorkPlan, owner: Employee, seen: Optional[datetime]) -> None:
    if seen is not None and plan.submitted_at != seen:
        raise ConflictError("{name} resubmitted the plan after you opened it; read the new version first.",
                            name=owner.name)


def mark_plan_read(actor: Actor, plan_id: int, seen_submitted_at: Optional[datetime] = None,
                   at: Optional[datetime] = None) -> PlanDetail:
    """A reviewer marks the plan read (已阅). ``seen_submitted_at`` is the version the reader opened: a plan
    resubmitted since is refused, so nobody marks text read they have not seen. Marking a plan that is
    already read changes nothing."""
    require(actor, "tasks.plans_review")
    with transaction() as s:
        plan, owner, access = _open_plan(s, actor, plan_id, lock=True)
        if access != "reviewer":
            raise PermissionDenied("Only {name}'s managers, HR and administrators may mark this plan read.", name=owner.name)
        _check_version(plan, owner, seen_submitted_at)
        if plan.read_at is None:
            _mark_read(s, actor, plan, at or now())
        return _detail(s, plan, owner, access)


def comment_on_plan(actor: Actor, plan_id: int, body: str, seen_submitted_at: Optional[datetime] = None,
                    at: Optional[datetime] = None) -> PlanDetail:
    """A reviewer's comment (批注), shown to the employee; commenting also marks an unread plan read."""
    require(actor, "tasks.plans_review")
    body = (body or "").strip()
    if not body:
        raise ValidationError("The comment is empty.")
    if len(body) > MAX_PLAN_COMMENT:
        raise ValidationError("A comment has at most 2000 characters.")
    with transaction() as s:
        plan, owner, access = _open_plan(s, actor, plan_id, lock=True)
        if access != "reviewer":
            raise PermissionDenied("Only {name}'s managers, HR and administrators may comment on this plan.", name=owner.name)
        _check_version(plan, owner, seen_submitted_at)
        when = at or now()
        if plan.read_at is None:
            _mark_read(s, actor, plan, when)
        c = WorkPlanComment(plan_id=plan.id, at=when, author=actor.username, author_name=_reader_name(s, actor), body=body)
        s.add(c)
        s.flush()
        audit.record(s, actor, "plan.comment", "work_plan", plan.id, None, {"comment_id": c.id, "body": body})
        return _detail(s, plan, owner, access)


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
                           priority=priority, start_date=start or now().date(), created_by=actor.username)
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
    today = today or now().date()
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
