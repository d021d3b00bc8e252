"""Task board (任务看板): tasks with a checklist, comments, file links, workflow templates,
recurring tasks and the weekly / monthly plans (本周计划 / 月度总结)."""

from __future__ import annotations

from datetime import date
from typing import Any, Optional

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.models._base import LocalDateTime, json_column, now


class Task(SQLModel, table=True):
    __tablename__ = "task"
    __table_args__ = (Index("uq_task_recurrence_occurrence", "recurrence_id", "occurrence", unique=True),)

    id: Optional[int] = Field(default=None, primary_key=True)
    title: str = Field(max_length=200)
    description: str = ""
    status: str = Field(default="todo", max_length=16, index=True)  # todo | doing | review | done
    rank: float = 0.0  # order inside its column
    assignee_id: Optional[int] = Field(default=None, foreign_key="employee.id", index=True)
    priority: int = 1  # 0 low .. 3 urgent
    due_date: Optional[date] = Field(default=None, index=True)
    tags: str = ""  # comma-separated, normalised
    template: str = Field(default="", max_length=100)
    # [{"text": str, "approval_role": str|None, "done": bool, "done_by": str, "done_at": iso}]
    checklist: Any = Field(default_factory=list, sa_column=json_column(nullable=False))
    steps_done: int = 0  # kept with the checklist so the board never parses it
    steps_total: int = 0
    approvals_open: int = 0
    sent_back_count: int = 0
    returned: bool = False  # sent back by the reviewer and not yet handed in again
    recurrence_id: Optional[int] = Field(default=None, foreign_key="task_recurrence.id", index=True)
    occurrence: Optional[date] = None  # the day a recurring card fell due: one card per rule and day
    created_by: str = Field(default="", max_length=64)
    created_at: LocalDateTime = Field(default_factory=now)
    started_at: Optional[LocalDateTime] = None
    completed_at: Optional[LocalDateTime] = Field(default=None, index=True)
    # a finished card put away: off the board, still in history, statistics and `tasks list --include-archived`
    archived_at: Optional[LocalDateTime] = Field(default=None, index=True)
    updated_at: LocalDateTime = Field(default_factory=now)


class TaskComment(SQLModel, table=True):
    __tablename__ = "task_comment"

    id: Optional[int] = Field(default=None, primary_key=True)
    task_id: int = Field(foreign_key="task.id", index=True)
    at: LocalDateTime = Field(default_factory=now, index=True)
    author: str = Field(max_length=64)
    author_name: str = Field(default="", max_length=50)
    body: str
    kind: str = Field(default="comment", max_length=16)  # comment | send_back


class TaskLink(SQLModel, table=True):
    __tablename__ = "task_link"

    id: Optional[int] = Field(default=None, primary_key=True)
    task_id: int = Field(foreign_key="task.id", index=True)
    target: str  # a file path or URL
    label: str = ""
    added_by: str = Field(default="", max_length=64)
    added_at: LocalDateTime = Field(default_factory=now)


class TaskTemplate(SQLModel, table=True):
    """A workflow (商品上架流程 …) whose steps become a new task's checklist."""

    __tablename__ = "task_template"

    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(max_length=100, unique=True, index=True)
    title: str = Field(default="", max_length=200)  # suggested card title
    tags: str = ""
    steps: Any = Field(default_factory=list, sa_column=json_column(nullable=False))  # [{"text", "approval_role"}]
    sort_order: int = 0
    updated_at: LocalDateTime = Field(default_factory=now)


class TaskRecurrence(SQLModel, table=True):
    """A task that comes back every week or month; a card is created when it falls due."""

    __tablename__ = "task_recurrence"

    id: Optional[int] = Field(default=None, primary_key=True)
    title: str = Field(max_length=200)
    assignee_id: int = Field(foreign_key="employee.id", index=True)
    recurrence: str = Field(max_length=16)  # weekly | monthly
    anchor_day: int = 1  # weekday 1-7, or day of month 1-31
    due_in_days: int = 0
    template: str = Field(default="", max_length=100)
    tags: str = ""
    priority: int = 1
    start_date: date
    last_occurrence: Optional[date] = None
    active: bool = True
    created_by: str = Field(default="", max_length=64)


class WorkPlan(SQLModel, table=True):
    """本周计划 + 上周总结 (weekly) or 月度总结 + 下月计划 (monthly) of one employee."""

    __tablename__ = "work_plan"
    __table_args__ = (UniqueConstraint("employee_id", "kind", "period_start", name="uq_work_plan_period"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    employee_id: int = Field(foreign_key="employee.id", index=True)
    kind: str = Field(max_length=16)  # weekly | monthly
    period_start: date = Field(index=True)  # the Monday, or the 1st of the month
    due_date: date
    summary: str = ""  # 上周总结 / 月度总结
    plan: str = ""  # 本周计划 / 下月计划
    task_ids: Any = Field(default_factory=list, sa_column=json_column(nullable=False))
    submitted_at: Optional[LocalDateTime] = None
    updated_at: LocalDateTime = Field(default_factory=now)
    # marked read by one of the person's managers (or HR); a resubmission clears it: the new text is unread
    read_at: Optional[LocalDateTime] = None
    read_by: str = Field(default="", max_length=64)
    read_by_name: str = Field(default="", max_length=50)


class WorkPlanComment(SQLModel, table=True):
    """A reader's comment on a plan (批注); appended, never edited, and shown to the employee."""

    __tablename__ = "work_plan_comment"

    id: Optional[int] = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="work_plan.id", index=True)
    at: LocalDateTime = Field(default_factory=now)
    author: str = Field(max_length=64)
    author_name: str = Field(default="", max_length=50)
    body: str
