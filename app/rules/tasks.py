"""Task board rules: columns and WIP limits, who may move a card where, due dates, plan periods,
recurrence and the monthly statistics. Pure functions over plain values."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Iterable, Optional, Sequence

from app.i18n import N_

TODO, DOING, REVIEW, DONE = "todo", "doing", "review", "done"
COLUMNS = (TODO, DOING, REVIEW, DONE)
PRIORITIES = (0, 1, 2, 3)  # 低 / 中 / 高 / 紧急
PRIORITY_LABELS = {0: N_("Low"), 1: N_("Normal"), 2: N_("High"), 3: N_("Urgent")}
RECURRENCES = ("weekly", "monthly")
PLAN_KINDS = ("weekly", "monthly")
MAX_TITLE = 200
MAX_TAGS = 8
MAX_TAG_LEN = 20
_TAG_SPLIT = re.compile(r"[,，;；\s]+")


# -- cards ---------------------------------------------------------------------------------
def normalise_tags(raw: str | Iterable[str] | None) -> list[str]:
    """Tags as typed ("上新, 女装 促销") -> a clean, de-duplicated list (order kept)."""
    if raw is None:
        return []
    items = _TAG_SPLIT.split(raw) if isinstance(raw, str) else [str(t) for t in raw]
    seen: list[str] = []
    for item in items:
        tag = item.strip().lstrip("#")
        if tag and tag not in seen:
            seen.append(tag)
    return seen


def tag_problem(tags: list[str]) -> Optional[str]:
    if len(tags) > MAX_TAGS:
        return N_("A task has at most 8 tags")
    if any(len(t) > MAX_TAG_LEN for t in tags):
        return N_("A tag has at most 20 characters")
    return None


def title_problem(title: str) -> Optional[str]:
    if not title.strip():
        return N_("The title is missing")
    if len(title.strip()) > MAX_TITLE:
        return N_("The title is longer than 200 characters")
    return None


def is_overdue(due: Optional[date], status: str, today: date) -> bool:
    return due is not None and status != DONE and due < today


def week_start(day: date) -> date:
    """The Monday of the week ``day`` falls in."""
    return day - timedelta(days=day.weekday())


def due_this_week(due: Optional[date], today: date) -> bool:
    if due is None:
        return False
    start = week_start(today)
    return start <= due <= start + timedelta(days=6)


# -- WIP limits ----------------------------------------------------------------------------
def wip_state(count: int, limit: int) -> str:
    """'ok' below the limit (or no limit, 0), 'full' at it, 'over' above it."""
    if limit <= 0 or count < limit:
        return "ok"
    return "full" if count == limit else "over"


# -- moving and reviewing ------------------------------------------------------------------
@dataclass(frozen=True)
class Step:
    text: str
    approval_role: Optional[str] = None  # a role ("manager") that alone may check this step
    done: bool = False


def checklist_counts(steps: Iterable[dict]) -> tuple[int, int, int]:
    """(done, total, approvals still open) of a checklist stored as dicts."""
    done = total = open_approvals = 0
    for step in steps:
        total += 1
        if step.get("done"):
            done += 1
        elif step.get("approval_role"):
            open_approvals += 1
    return done, total, open_approvals


def may_check_step(approval_role: Optional[str], actor_role: str) -> bool:
    """An approval step is checked only by the role it names (an administrator may act for anyone)."""
    return not approval_role or actor_role == approval_role or actor_role == "admin"


def move_problem(source: str, target: str, *, may_review: bool, approvals_open: int) -> Optional[str]:
    """Why a card may not go from ``source`` to ``target`` (None when it may).

    Only a reviewer (a manager) puts a card in 已完成 or takes it out again, and only once every
    approval step of its checklist is checked.
    """
    if target not in COLUMNS or source not in COLUMNS:
        return N_("Unknown column")
    if source == target:
        return None
    if target == DONE:
        if not may_review:
            return N_("Only a manager can pass review and move a card to Done")
        if approvals_open:
            return N_("This card still has approval steps open; they must be checked before it is done")
    if source == DONE and not may_review:
        return N_("Only a manager can reopen a finished card")
    return None


def rank_between(before: Optional[float], after: Optional[float]) -> float:
    """A sort key between two neighbours (None = the column's start or end)."""
    if before is None and after is None:
        return 1024.0
    if before is None:
        return after - 1024.0
    if after is None:
        return before + 1024.0
    return (before + after) / 2.0


# -- plans ---------------------------------------------------------------------------------
def last_friday(year: int, month: int) -> date:
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.weekday() - 4) % 7)


def plan_period(kind: str, day: date, weekly_due_weekday: int = 1) -> tuple[date, date]:
    """(period start, due date) of the plan that covers ``day``.

    weekly: the week's plan and last week's summary, due on the week's Monday (or the weekday set);
    monthly: the month's summary and next month's plan, due on the month's last Friday.
    """
    if kind == "weekly":
        start = week_start(day)
        return start, start + timedelta(days=weekly_due_weekday - 1)
    if kind == "monthly":
        return date(day.year, day.month, 1), last_friday(day.year, day.month)
    raise ValueError(kind)


def plan_is_late(submitted: Optional[datetime], due: date) -> bool:
    return submitted is not None and submitted.date() > due


PLAN_REVIEW_ROLES = frozenset({"admin", "hr"})


def plan_access(role: str, actor_employee_id: Optional[int], owner_id: int, managers_above: Sequence[int]) -> Optional[str]:
    """Who may open a person's plan: "owner" (reads it and the comments on it), "reviewer" (any manager up
    the person's reporting line, HR or an administrator: also marks it read and comments) or None.
    Nobody reviews their own plan."""
    if actor_employee_id is not None and actor_employee_id == owner_id:
        return "owner"
    if role in PLAN_REVIEW_ROLES or (actor_employee_id is not None and actor_employee_id in managers_above):
        return "reviewer"
    return None


# -- recurrence ----------------------------------------------------------------------------
def latest_occurrence(recurrence: str, anchor_day: int, today: date) -> date:
    """The latest date on or before ``today`` on which a recurring task falls due for creation.

    weekly: anchor_day is the weekday (1 = Monday); monthly: the day of the month, clipped to
    the month's last day (31 means the last day).
    """
    if recurrence == "weekly":
        this_week = week_start(today) + timedelta(days=anchor_day - 1)
        return this_week if this_week <= today else this_week - timedelta(days=7)
    if recurrence == "monthly":
        def on(year: int, month: int) -> date:
            return date(year, month, min(anchor_day, calendar.monthrange(year, month)[1]))
        this_month = on(today.year, today.month)
        if this_month <= today:
            return this_month
        prev = date(today.year, today.month, 1) - timedelta(days=1)
        return on(prev.year, prev.month)
    raise ValueError(recurrence)


def occurrence_due(recurrence: str, anchor_day: int, last_created: Optional[date], start: date,
                   today: date) -> Optional[date]:
    """The occurrence to create now, or None: only the latest one, never before the rule's start,
    never twice (a PC that was off for three weeks creates one card, not three)."""
    latest = latest_occurrence(recurrence, anchor_day, today)
    if latest < start or (last_created is not None and latest <= last_created):
        return None
    return latest


def recurrence_problem(recurrence: str, anchor_day: int, due_in_days: int) -> Optional[str]:
    if recurrence not in RECURRENCES:
        return N_("Repeat must be weekly or monthly")
    if recurrence == "weekly" and not 1 <= anchor_day <= 7:
        return N_("A weekly task falls on a weekday from 1 (Monday) to 7 (Sunday)")
    if recurrence == "monthly" and not 1 <= anchor_day <= 31:
        return N_("A monthly task falls on a day from 1 to 31")
    if not 0 <= due_in_days <= 60:
        return N_("Days until due must be between 0 and 60")
    return None


# -- statistics ----------------------------------------------------------------------------
@dataclass(frozen=True)
class DoneTask:
    created_at: datetime
    started_at: Optional[datetime]
    completed_at: datetime
    due_date: Optional[date]


def month_bounds(year: int, month: int) -> tuple[datetime, datetime]:
    start = datetime(year, month, 1)
    end = datetime(year + (month == 12), month % 12 + 1, 1)
    return start, end


def cycle_days(task: DoneTask) -> float:
    """Days from starting work (or creation, if it never went through 进行中) to completion."""
    began = task.started_at or task.created_at
    return max(0.0, (task.completed_at - began).total_seconds() / 86400.0)


def person_month_stats(done: list[DoneTask], sent_back: int) -> dict:
    """done, on_time_rate (share of tasks with a due date finished on or before it; None when no
    finished task had a due date), avg_cycle_days (None when nothing was done), sent_back."""
    with_due = [t for t in done if t.due_date is not None]
    on_time = sum(1 for t in with_due if t.completed_at.date() <= t.due_date)
    return {
        "done": len(done),
        "on_time_rate": round(on_time / len(with_due), 4) if with_due else None,
        "avg_cycle_days": round(sum(cycle_days(t) for t in done) / len(done), 2) if done else None,
        "sent_back": sent_back,
    }
