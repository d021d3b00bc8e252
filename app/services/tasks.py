"""The task board (任务看板): cards, moves, checklists and approvals, review, comments, file links,
history from the audit log, monthly statistics, and the demo board.

Staff see, move and edit the cards assigned to them; only a manager passes review (待审核 → 已完成),
and only once the card's approval steps are checked; a manager can send a card back with a comment.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import repeat
from typing import Callable, NamedTuple, Optional

from sqlalchemy import Boolean, String, and_, func, or_, select, type_coerce
from sqlmodel import Session

from app.db import reading, transaction
from app.errors import ConflictError, ImportRejected, NotFound, PermissionDenied, RowError, ValidationError
from app.i18n import N_, _
from app.models._base import now
from app.models.audit import AuditEntry
from app.models.people import Employee
from app.models.tasks import Task, TaskComment, TaskLink
from app.rules import tasks as rules
from app.rules.tasks import COLUMNS, DOING, DONE, REVIEW, TODO
from app.services import audit, policy
from app.services.context import Actor
from app.services.permissions import can, require
from app.services.templates import template_in, templates_in

DEMO_ORDER = 300
MAX_COMMENT = 2000


# -- plain results -------------------------------------------------------------------------
class TaskCard(NamedTuple):
    """One card as the board paints it: a light tuple made straight from a database row.

    Dates stay ISO text (``due``, ``completed``) and tags comma-joined (``tag_text``) until
    something reads ``due_date`` / ``completed_at`` / ``tags``: the board builds 10,000 of
    these in one C-level pass and parses only the few it paints.
    """

    id: int
    title: str
    status: str
    rank: float
    assignee_id: Optional[int]
    assignee_no: str
    assignee_name: str
    priority: int
    due: Optional[str]  # YYYY-MM-DD
    tag_text: str  # "a,b"
    template: str
    steps_done: int
    steps_total: int
    approvals_open: int
    returned: bool
    overdue: bool
    completed: Optional[str] = None  # ISO date and time
    archived: Optional[str] = None  # ISO date and time the card was archived, None while on the board

    @property
    def due_date(self) -> Optional[date]:
        return date.fromisoformat(self.due[:10]) if self.due else None

    @property
    def tags(self) -> tuple[str, ...]:
        return tuple(self.tag_text.split(",")) if self.tag_text else ()

    @property
    def completed_at(self) -> Optional[datetime]:
        return datetime.fromisoformat(self.completed) if self.completed else None

    def as_dict(self) -> dict:
        data = {k: v for k, v in zip(self._fields, self) if k not in ("due", "tag_text", "completed", "archived")}
        data["returned"], data["overdue"] = bool(self.returned), bool(self.overdue)
        data["due_date"] = self.due[:10] if self.due else None
        data["tags"] = list(self.tags)
        data["completed_at"] = self.completed_at.isoformat(sep=" ") if self.completed else None
        data["archived_at"] = datetime.fromisoformat(self.archived).isoformat(sep=" ") if self.archived else None
        return data


@dataclass
class Column:
    key: str
    label: str
    limit: int  # 0 = no limit
    count: int = 0

    @property
    def wip(self) -> str:
        return rules.wip_state(self.count, self.limit)


def card_actions(status: str, archived: bool, may_edit: bool, may_review: bool, may_archive: bool) -> frozenset[str]:
    """What a person may do with one card from its menu or detail panel:
    ``edit``, ``pass_review`` / ``send_back`` (a reviewer, card in review), ``archive`` (a finished card)."""
    allowed = set()
    if may_edit:
        allowed.add("edit")
    if may_review and status == REVIEW:
        allowed |= {"pass_review", "send_back"}
    if may_archive and status == DONE and not archived:
        allowed.add("archive")
    return frozenset(allowed)


@dataclass
class Board:
    columns: list[Column]
    cards: list[TaskCard]
    people: list[tuple[int, str, str]]  # (employee id, no., name) of active people, for filters and pickers
    today: date
    may_review: bool
    may_edit_any: bool
    own_employee_id: Optional[int]
    may_edit_own: bool = False
    may_archive: bool = False

    def actions_for(self, card: TaskCard) -> frozenset[str]:
        """The card menu's allowed actions for this board's user (see ``card_actions``)."""
        may_edit = self.may_edit_any or (self.may_edit_own and self.own_employee_id is not None
                                         and card.assignee_id == self.own_employee_id)
        return card_actions(card.status, bool(card.archived), may_edit, self.may_review, self.may_archive)


@dataclass
class TaskInput:
    title: str
    assignee_no: str = ""
    due_date: Optional[date] = None
    priority: int = 1
    tags: str | list[str] = ""
    description: str = ""
    template: str = ""
    status: str = TODO


@dataclass
class MoveResult:
    card: TaskCard
    warning: Optional[str] = None  # a WIP limit exceeded, translated


@dataclass
class TaskDetail:
    card: TaskCard
    description: str
    checklist: list[dict]  # text, approval_role, done, done_by, done_at, may_check
    comments: list[dict]  # at, author, author_name, body, kind
    links: list[dict]  # id, target, label, added_by, added_at
    history: list[dict]  # at, actor, action, text
    may_edit: bool
    may_review: bool
    created_by: str = ""
    created_at: Optional[datetime] = None
    extra: dict = field(default_factory=dict)
    actions: frozenset[str] = frozenset()  # see card_actions


# -- helpers -------------------------------------------------------------------------------
# The board's standard column names in every language; a name the shop typed itself is shown as typed.
STANDARD_COLUMNS = {TODO: N_("To do"), DOING: N_("In progress"), REVIEW: N_("In review"), DONE: N_("Done")}


def column_labels(settings: dict) -> dict[str, str]:
    labels = {}
    for key in COLUMNS:
        value = settings.get(f"tasks.column.{key}")
        shipped = policy.spec(f"tasks.column.{key}").default
        labels[key] = _(STANDARD_COLUMNS[key]) if not value or value == shipped else str(value)
    return labels


def _today(today: Optional[date]) -> date:
    return today or now().date()


def _own(actor: Actor, task: Task) -> bool:
    return actor.employee_id is not None and task.assignee_id == actor.employee_id


def _may_see(actor: Actor, task: Task) -> bool:
    return can(actor, "tasks.view_all") or _own(actor, task)


def _may_edit(actor: Actor, task: Task) -> bool:
    return can(actor, "tasks.edit_any") or (can(actor, "tasks.edit_own") and _own(actor, task))


def _load(s: Session, actor: Actor, task_id: int) -> Task:
    task = s.get(Task, task_id)
    if task is None or not _may_see(actor, task):
        raise NotFound("There is no task {id}.", id=task_id)
    return task


def _require_edit(actor: Actor, task: Task) -> None:
    if not _may_edit(actor, task):
        raise PermissionDenied("You can move and edit only the cards assigned to you.")


def _card(s: Session, t: Task, today: date) -> TaskCard:
    e = s.get(Employee, t.assignee_id) if t.assignee_id else None
    return TaskCard(t.id, t.title, t.status, t.rank, t.assignee_id, e.employee_no if e else "", e.name if e else "",
                    t.priority, t.due_date.isoformat() if t.due_date else None, ",".join(rules.normalise_tags(t.tags)),
                    t.template, t.steps_done, t.steps_total, t.approvals_open, bool(t.returned),
                    rules.is_overdue(t.due_date, t.status, today),
                    t.completed_at.isoformat(sep=" ") if t.completed_at else None,
                    t.archived_at.isoformat(sep=" ") if t.archived_at else None)


def _snapshot(t: Task) -> dict:
    return audit.snapshot(t, exclude=("checklist", "updated_at", "created_at"))


def _recount(t: Task) -> None:
    t.steps_done, t.steps_total, t.approvals_open = rules.checklist_counts(t.checklist)


def _employee_by_no(s: Session, no: str) -> Employee:
    e = s.execute(select(Employee).where(Employee.employee_no == no.strip())).scalar()
    if e is None:
        raise ValidationError("There is no employee with no. {no}.", no=no)
    return e


def _end_rank(s: Session, status: str, exclude: Optional[int] = None, top: bool = False) -> float:
    agg = func.min(Task.rank) if top else func.max(Task.rank)
    q = select(agg).where(Task.status == status)
    if exclude is not None:
        q = q.where(Task.id != exclude)
    edge = s.execute(q).scalar()
    if edge is None:
        return 1024.0
    return edge - 1024.0 if top else edge + 1024.0


def _check_input(data: TaskInput) -> list[str]:
    problems = []
    msg = rules.title_problem(data.title)
    if msg:
        problems.append(_(msg))
    if data.priority not in rules.PRIORITIES:
        problems.append(_("Priority must be 0 (low) to 3 (urgent)"))
    msg = rules.tag_problem(rules.normalise_tags(data.tags))
    if msg:
        problems.append(_(msg))
    if data.status not in (TODO, DOING, REVIEW):
        problems.append(_("A new task starts in To do, In progress or Review"))
    if len(data.description) > 20000:
        problems.append(_("The description is longer than 20000 characters"))
    return problems


def new_task(s: Session, actor: Actor, data: TaskInput, assignee: Optional[Employee], *,
             recurrence_id: Optional[int] = None, occurrence: Optional[date] = None,
             at: Optional[datetime] = None) -> Task:
    """Insert a validated task (with its template's checklist) and its audit row, in the caller's transaction."""
    steps = _template_steps(s, data.template)
    task = _task_from(actor, data, assignee, steps, _end_rank(s, data.status), at or now(),
                      recurrence_id=recurrence_id, occurrence=occurrence)
    s.add(task)
    s.flush()
    audit.record(s, actor, "task.create", "task", task.id, None, _snapshot(task))
    return task


def _template_steps(s: Session, name: str) -> list[dict]:
    """A new card's checklist: the named workflow template's steps, none done."""
    if not name.strip():
        return []
    template = template_in(s, name)
    if template is None:
        raise ValidationError("There is no workflow template called {name}.", name=name)
    return [{"text": st["text"], "approval_role": st.get("approval_role"), "done": False} for st in template.steps]


def _task_from(actor: Actor, data: TaskInput, assignee: Optional[Employee], steps: list[dict], rank: float,
               stamp: datetime, recurrence_id: Optional[int] = None, occurrence: Optional[date] = None) -> Task:
    task = Task(title=data.title.strip(), description=data.description.strip(), status=data.status,
                rank=rank, assignee_id=assignee.id if assignee else None, priority=data.priority,
                due_date=data.due_date, tags=",".join(rules.normalise_tags(data.tags)), template=data.template.strip(),
                checklist=[dict(st) for st in steps], created_by=actor.username, created_at=stamp, updated_at=stamp,
                started_at=stamp if data.status in (DOING, REVIEW) else None, recurrence_id=recurrence_id,
                occurrence=occurrence)
    _recount(task)
    return task


# -- reading -------------------------------------------------------------------------------
def _board_query(today: date):
    """The columns a card shows, ready to become TaskCards as they come (no per-row Python work)."""
    return (select(Task.id, Task.title, Task.status, Task.rank, Task.assignee_id, func.coalesce(Employee.employee_no, ""),
                   func.coalesce(Employee.name, ""), Task.priority, type_coerce(Task.due_date, String),
                   func.coalesce(Task.tags, ""), Task.template, Task.steps_done, Task.steps_total, Task.approvals_open,
                   Task.returned, type_coerce(and_(Task.due_date.is_not(None), Task.due_date < today, Task.status != DONE), Boolean),
                   type_coerce(Task.completed_at, String), type_coerce(Task.archived_at, String))
            .outerjoin(Employee, Employee.id == Task.assignee_id))


_TIME_FIELDS = (TaskCard._fields.index("due"), TaskCard._fields.index("completed"), TaskCard._fields.index("archived"))


def _as_text(value):
    if value is None or isinstance(value, str):
        return value
    return value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()


def _cards(s: Session, q) -> list[TaskCard]:
    """Run a ``_board_query`` on the session's connection (Core rows, no ORM loading) and wrap each row."""
    rows = s.connection().execute(q)
    if s.get_bind().dialect.name == "sqlite":  # SQLite hands dates and times back as text already
        return list(map(tuple.__new__, repeat(TaskCard), rows))
    cards = []
    for row in rows:  # other databases return date/datetime objects: the card keeps ISO text
        values = list(row)
        for i in _TIME_FIELDS:
            values[i] = _as_text(values[i])
        cards.append(TaskCard._make(values))
    return cards


def board(actor: Actor, today: Optional[date] = None) -> Board:
    """Everything the board shows: its columns (names, WIP limits, counts) and the visible cards.

    Finished cards stay on the board for ``tasks.done_visible_days`` days.
    """
    require(actor, "tasks.view")
    today = _today(today)
    with reading() as s:
        settings = policy.values_in(s)
        cutoff = datetime.combine(today - timedelta(days=int(settings["tasks.done_visible_days"])), datetime.min.time())
        q = _board_query(today).where(or_(Task.status != DONE, Task.completed_at >= cutoff), Task.archived_at.is_(None))
        if not can(actor, "tasks.view_all"):
            q = q.where(Task.assignee_id == (actor.employee_id or -1))
        cards = _cards(s, q.order_by(Task.rank))
        counts = dict(s.execute(select(Task.status, func.count()).where(Task.archived_at.is_(None)).group_by(Task.status)).all())
        people = [tuple(r) for r in s.execute(
            select(Employee.id, Employee.employee_no, Employee.name).where(Employee.status != "left")
            .order_by(Employee.employee_no)).all()]
    labels = column_labels(settings)
    columns = [Column(k, labels[k], int(settings[f"tasks.wip.{k}"]), counts.get(k, 0)) for k in COLUMNS]
    return Board(columns, cards, people, today, can(actor, "tasks.review"), can(actor, "tasks.edit_any"), actor.employee_id,
                 may_edit_own=can(actor, "tasks.edit_own"), may_archive=can(actor, "tasks.archive"))


def list_tasks(actor: Actor, assignee_no: str = "", today: Optional[date] = None,
               include_archived: bool = False) -> list[TaskCard]:
    """Every visible task (finished ones included; archived ones only with ``include_archived``),
    optionally of one assignee, by column and order."""
    require(actor, "tasks.view")
    today = _today(today)
    with reading() as s:
        q = _board_query(today)
        if not include_archived:
            q = q.where(Task.archived_at.is_(None))
        if assignee_no.strip():
            q = q.where(Task.assignee_id == _employee_by_no(s, assignee_no).id)
        if not can(actor, "tasks.view_all"):
            q = q.where(Task.assignee_id == (actor.employee_id or -1))
        cards = _cards(s, q.order_by(Task.rank))
    order = {k: i for i, k in enumerate(COLUMNS)}
    return sorted(cards, key=lambda c: (order[c.status], c.rank))


def people_names(s: Session, usernames) -> dict[str, str]:
    """Login names -> the person's name, for showing who did something (a user without an employee keeps
    the login name)."""
    from app.models.users import User

    wanted = {u for u in usernames if u}
    if not wanted:
        return {}
    rows = s.execute(select(User.username, Employee.name).join(Employee, Employee.id == User.employee_id)
                     .where(User.username.in_(wanted))).all()
    return {username: name for username, name in rows}


def task_detail(actor: Actor, task_id: int, today: Optional[date] = None) -> TaskDetail:
    require(actor, "tasks.view")
    with reading() as s:
        t = _load(s, actor, task_id)
        labels = column_labels(policy.values_in(s))
        may_edit = _may_edit(actor, t)
        names = people_names(s, [step.get("done_by") for step in t.checklist])
        checklist = [dict(step, may_check=rules.may_check_step(step.get("approval_role"), actor.role)
                          and (may_edit or bool(step.get("approval_role"))),
                          done_by_name=names.get(step.get("done_by") or "", step.get("done_by") or ""))
                     for step in t.checklist]
        comments = [{"at": c.at, "author": c.author, "author_name": c.author_name, "body": c.body, "kind": c.kind}
                    for c in s.execute(select(TaskComment).where(TaskComment.task_id == t.id).order_by(TaskComment.id)).scalars()]
        links = [{"id": k.id, "target": k.target, "label": k.label, "added_by": k.added_by, "added_at": k.added_at}
                 for k in s.execute(select(TaskLink).where(TaskLink.task_id == t.id).order_by(TaskLink.id)).scalars()]
        history = [{"at": e.at, "actor": e.actor, "action": e.action, "text": describe_change(e.action, e.before, e.after, labels)}
                   for e in s.execute(select(AuditEntry).where(AuditEntry.entity == "task", AuditEntry.entity_id == str(t.id))
                                      .order_by(AuditEntry.id)).scalars()]
        may_review = can(actor, "tasks.review")
        return TaskDetail(_card(s, t, _today(today)), t.description, checklist, comments, links, history, may_edit,
                          may_review, t.created_by, t.created_at,
                          actions=card_actions(t.status, t.archived_at is not None, may_edit, may_review,
                                               can(actor, "tasks.archive")))


def describe_change(action: str, before, after, labels: dict[str, str]) -> str:
    """One line of a task's history, in the user's language."""
    before, after = before or {}, after or {}
    if action == "task.create":
        return _("Created")
    if action == "task.move":
        if before.get("status") == after.get("status"):
            return _("Reordered in {column}", column=labels.get(after.get("status"), after.get("status", "")))
        return _("Moved from {source} to {target}", source=labels.get(before.get("status"), before.get("status", "")),
                 target=labels.get(after.get("status"), after.get("status", "")))
    if action == "task.step":
        if after.get("done"):
            return _("Checked: {step}", step=after.get("text", ""))
        return _("Unchecked: {step}", step=after.get("text", ""))
    if action == "task.step_add":
        return _("Step added: {step}", step=after.get("text", ""))
    if action == "task.step_remove":
        return _("Step removed: {step}", step=before.get("text", ""))
    if action == "task.send_back":
        return _("Sent back: {comment}", comment=after.get("comment", ""))
    if action == "task.comment":
        return _("Comment: {comment}", comment=after.get("body", ""))
    if action == "task.link_add":
        return _("File link added: {target}", target=after.get("target", ""))
    if action == "task.link_remove":
        return _("File link removed: {target}", target=before.get("target", ""))
    if action == "task.archive":
        return _("Archived")
    if action == "task.update":
        changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
        return _("Edited: {fields}", fields=", ".join(changed))
    return action


# -- changing ------------------------------------------------------------------------------
def create_task(actor: Actor, data: TaskInput, today: Optional[date] = None) -> TaskCard:
    """A new card. Staff may only make cards for themselves; a template's steps become the checklist."""
    require(actor, "tasks.edit_own")
    problems = _check_input(data)
    if problems:
        raise ValidationError("; ".join(problems))
    with transaction() as s:
        if data.assignee_no.strip():
            assignee = _employee_by_no(s, data.assignee_no)
        elif actor.employee_id is not None:
            assignee = s.get(Employee, actor.employee_id)
        else:
            assignee = None
        if not can(actor, "tasks.edit_any") and (assignee is None or assignee.id != actor.employee_id):
            raise PermissionDenied("You can make cards only for yourself; a manager assigns work to others.")
        if assignee is not None and assignee.status == "left":
            raise ValidationError("{name} has left and cannot be given tasks.", name=assignee.name)
        task = new_task(s, actor, data, assignee)
        return _card(s, task, _today(today))


def update_task(actor: Actor, task_id: int, data: TaskInput, today: Optional[date] = None) -> TaskCard:
    """Change title, description, assignee, due date, priority and tags (not the column)."""
    require(actor, "tasks.edit_own")
    data.status = TODO  # the column is changed by moving the card
    problems = _check_input(data)
    if problems:
        raise ValidationError("; ".join(problems))
    with transaction() as s:
        t = _load(s, actor, task_id)
        _require_edit(actor, t)
        before = _snapshot(t)
        assignee_id = _employee_by_no(s, data.assignee_no).id if data.assignee_no.strip() else None
        if assignee_id != t.assignee_id and not can(actor, "tasks.edit_any"):
            raise PermissionDenied("Only a manager can give a card to someone else.")
        t.title, t.description = data.title.strip(), data.description.strip()
        t.assignee_id, t.due_date, t.priority = assignee_id, data.due_date, data.priority
        t.tags = ",".join(rules.normalise_tags(data.tags))
        t.updated_at = now()
        s.flush()
        audit.record(s, actor, "task.update", "task", t.id, before, _snapshot(t))
        return _card(s, t, _today(today))


def move_task(actor: Actor, task_id: int, target: str, before_id: Optional[int] = None,
              today: Optional[date] = None) -> MoveResult:
    """Move a card to ``target`` (a column key), placed before card ``before_id`` or at the end.

    Moving into a column over its WIP limit is allowed but comes back with a warning.
    """
    require(actor, "tasks.edit_own")
    with transaction() as s:
        t = _load(s, actor, task_id)
        if t.archived_at is not None:
            raise ConflictError("Task {id} is archived; archived cards no longer move.", id=task_id)
        source = t.status
        may_review = can(actor, "tasks.review")
        if not (may_review and target == DONE and source == REVIEW):
            _require_edit(actor, t)
        problem = rules.move_problem(source, target, may_review=may_review, approvals_open=t.approvals_open)
        if problem:
            raise ValidationError(problem)
        before = {"status": t.status, "rank": t.rank}
        if before_id is not None and before_id != t.id:
            anchor = s.get(Task, before_id)
            if anchor is None or anchor.status != target:
                raise ConflictError("The board changed meanwhile; refresh it and try again.")
            prev = s.execute(select(func.max(Task.rank)).where(
                Task.status == target, Task.rank < anchor.rank, Task.id != t.id)).scalar()
            t.rank = rules.rank_between(prev, anchor.rank)
        elif before_id is None:
            t.rank = _end_rank(s, target, exclude=t.id)
        stamp = now()
        t.status = target
        if target in (DOING, REVIEW, DONE) and t.started_at is None:
            t.started_at = stamp
        if target == REVIEW:
            t.returned = False
        if target == DONE and source != DONE:
            t.completed_at, t.returned = stamp, False
        if source == DONE and target != DONE:
            t.completed_at = None
        t.updated_at = stamp
        s.flush()
        audit.record(s, actor, "task.move", "task", t.id, before, {"status": t.status, "rank": t.rank})
        warning = None
        if source != target:
            settings = policy.values_in(s)
            limit = int(settings[f"tasks.wip.{target}"])
            count = s.execute(select(func.count()).select_from(Task).where(Task.status == target)).scalar_one()
            if rules.wip_state(count, limit) == "over":
                warning = _("{column} now holds {count} cards, over its limit of {limit}.",
                            column=column_labels(settings)[target], count=count, limit=limit)
        return MoveResult(_card(s, t, _today(today)), warning)


def complete_task(actor: Actor, task_id: int) -> MoveResult:
    """Pass review: 待审核 → 已完成 (a manager, once every approval step is checked)."""
    require(actor, "tasks.review")
    return move_task(actor, task_id, DONE)


def send_back(actor: Actor, task_id: int, comment: str, today: Optional[date] = None) -> TaskCard:
    """The reviewer returns a card from 待审核 to 进行中 with a comment the assignee sees."""
    require(actor, "tasks.review")
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError("Say what needs to change: sending a card back needs a comment.")
    if len(comment) > MAX_COMMENT:
        raise ValidationError("A comment has at most 2000 characters.")
    with transaction() as s:
        t = _load(s, actor, task_id)
        if t.status != REVIEW:
            raise ConflictError("Only a card waiting for review can be sent back.")
        before = {"status": t.status, "rank": t.rank, "sent_back_count": t.sent_back_count}
        t.status, t.rank, t.returned = DOING, _end_rank(s, DOING, exclude=t.id, top=True), True
        t.sent_back_count += 1
        t.updated_at = now()
        s.add(TaskComment(task_id=t.id, author=actor.username, author_name=_actor_name(s, actor), body=comment, kind="send_back",
                          at=now()))
        s.flush()
        audit.record(s, actor, "task.send_back", "task", t.id, before,
                     {"status": t.status, "rank": t.rank, "sent_back_count": t.sent_back_count, "comment": comment})
        return _card(s, t, _today(today))


def _actor_name(s: Session, actor: Actor) -> str:
    e = s.get(Employee, actor.employee_id) if actor.employee_id else None
    return e.name if e else actor.username


def set_step(actor: Actor, task_id: int, index: int, done: bool) -> TaskCard:
    """Check or uncheck checklist step ``index`` (0-based); an approval step only by the role it names."""
    require(actor, "tasks.edit_own")
    with transaction() as s:
        t = _load(s, actor, task_id)
        steps = [dict(x) for x in t.checklist]
        if not 0 <= index < len(steps):
            raise NotFound("Task {id} has no step {n}.", id=task_id, n=index + 1)
        step = steps[index]
        role = step.get("approval_role")
        if role:
            if not rules.may_check_step(role, actor.role):
                from app.services.templates import role_label

                raise PermissionDenied("Only a {role} can check the approval step \"{step}\".", role=role_label(role), step=step["text"])
        else:
            _require_edit(actor, t)
        if t.status == DONE:
            raise ConflictError("The card is done; reopen it before changing its checklist.")
        before = {"index": index, "text": step["text"], "done": bool(step.get("done"))}
        step["done"] = bool(done)
        step["done_by"] = actor.username if done else ""
        step["done_at"] = now().isoformat(sep=" ") if done else ""
        t.checklist = steps
        _recount(t)
        t.updated_at = now()
        s.flush()
        audit.record(s, actor, "task.step", "task", t.id, before, {"index": index, "text": step["text"], "done": bool(done)})
        return _card(s, t, _today(None))


def add_step(actor: Actor, task_id: int, text: str) -> TaskCard:
    """Append an ordinary (non-approval) step to the card's checklist."""
    require(actor, "tasks.edit_own")
    text = (text or "").strip()
    if not text or len(text) > 200:
        raise ValidationError("A step needs a text of at most 200 characters.")
    with transaction() as s:
        t = _load(s, actor, task_id)
        _require_edit(actor, t)
        t.checklist = [dict(x) for x in t.checklist] + [{"text": text, "approval_role": None, "done": False}]
        _recount(t)
        s.flush()
        audit.record(s, actor, "task.step_add", "task", t.id, None, {"text": text})
        return _card(s, t, _today(None))


def remove_step(actor: Actor, task_id: int, index: int) -> TaskCard:
    """Remove a step; an approval step is removed only by someone who may check it."""
    require(actor, "tasks.edit_own")
    with transaction() as s:
        t = _load(s, actor, task_id)
        _require_edit(actor, t)
        steps = [dict(x) for x in t.checklist]
        if not 0 <= index < len(steps):
            raise NotFound("Task {id} has no step {n}.", id=task_id, n=index + 1)
        if steps[index].get("approval_role") and not rules.may_check_step(steps[index]["approval_role"], actor.role):
            raise PermissionDenied("An approval step can be removed only by the role that approves it.")
        removed = steps.pop(index)
        t.checklist = steps
        _recount(t)
        s.flush()
        audit.record(s, actor, "task.step_remove", "task", t.id, {"text": removed["text"]}, None)
        return _card(s, t, _today(None))


def add_comment(actor: Actor, task_id: int, body: str) -> dict:
    require(actor, "tasks.edit_own")  # staff comment on their own cards (_load refuses others)
    body = (body or "").strip()
    if not body:
        raise ValidationError("The comment is empty.")
    if len(body) > MAX_COMMENT:
        raise ValidationError("A comment has at most 2000 characters.")
    with transaction() as s:
        t = _load(s, actor, task_id)
        c = TaskComment(task_id=t.id, author=actor.username, author_name=_actor_name(s, actor), body=body, at=now())
        s.add(c)
        s.flush()
        audit.record(s, actor, "task.comment", "task", t.id, None, {"body": body})
        return {"at": c.at, "author": c.author, "author_name": c.author_name, "body": c.body, "kind": c.kind}


def add_link(actor: Actor, task_id: int, target: str, label: str = "") -> dict:
    """Attach a file path or web address to a card (the file itself stays where it is)."""
    require(actor, "tasks.edit_own")
    target, label = (target or "").strip(), (label or "").strip()
    if not target or len(target) > 1000:
        raise ValidationError("Give a file path or web address of at most 1000 characters.")
    with transaction() as s:
        t = _load(s, actor, task_id)
        _require_edit(actor, t)
        link = TaskLink(task_id=t.id, target=target, label=label[:200], added_by=actor.username)
        s.add(link)
        s.flush()
        audit.record(s, actor, "task.link_add", "task", t.id, None, {"target": target, "label": label})
        return {"id": link.id, "target": link.target, "label": link.label, "added_by": link.added_by, "added_at": link.added_at}


def remove_link(actor: Actor, link_id: int) -> None:
    require(actor, "tasks.edit_own")
    with transaction() as s:
        link = s.get(TaskLink, link_id)
        if link is None:
            raise NotFound("There is no file link {id}.", id=link_id)
        t = _load(s, actor, link.task_id)
        _require_edit(actor, t)
        audit.record(s, actor, "task.link_remove", "task", t.id, {"target": link.target, "label": link.label}, None)
        s.delete(link)


def archive_task(actor: Actor, task_id: int, today: Optional[date] = None) -> TaskCard:
    """Put one finished (已完成) card away: it leaves the board and stays in history, statistics and
    ``tasks list --include-archived``."""
    require(actor, "tasks.archive")
    with transaction() as s:
        t = _load(s, actor, task_id)
        if t.archived_at is not None:
            raise ConflictError("Task {id} is already archived.", id=task_id)
        if t.status != DONE:
            raise ConflictError("Only a finished card can be archived; \"{title}\" is not done yet.", title=t.title)
        _archive(s, actor, t, now())
        return _card(s, t, _today(today))


def archive_done_before(actor: Actor, day: date) -> int:
    """Archive every finished card completed before ``day`` (that day's cards stay); returns how many."""
    require(actor, "tasks.archive")
    if not isinstance(day, date):
        raise ValidationError("Give the day as YYYY-MM-DD.")
    cutoff = datetime.combine(day, datetime.min.time())
    with transaction() as s:
        q = select(Task).where(Task.status == DONE, Task.archived_at.is_(None), Task.completed_at < cutoff)
        if not can(actor, "tasks.view_all"):
            q = q.where(Task.assignee_id == (actor.employee_id or -1))
        stamp = now()
        tasks = s.execute(q.order_by(Task.id)).scalars().all()
        for t in tasks:
            _archive(s, actor, t, stamp)
        return len(tasks)


def _archive(s: Session, actor: Actor, t: Task, stamp: datetime) -> None:
    t.archived_at = stamp
    s.flush()
    audit.record(s, actor, "task.archive", "task", t.id, {"archived_at": None},
                 {"archived_at": stamp.isoformat(sep=" ")})


# -- import --------------------------------------------------------------------------------
def import_tasks(actor: Actor, path: str, progress: Callable[[int, int], None] | None = None,
                 today: Optional[date] = None) -> int:
    """Import cards from CSV/XLSX: all rows or none; a bad file lists its bad rows.

    The file is read and checked before the write transaction opens; the write checks again only what
    another PC may have changed meanwhile (people who left, templates removed) and inserts the cards
    and their audit rows in bulk, so the write lock is held for the write alone."""
    require(actor, "tasks.import")
    from app.io.tasks import read_task_rows

    with reading() as s:
        people = {e.employee_no: e for e in s.execute(select(Employee)).scalars()}
        templates = {t.name for t in templates_in(s)}
    parsed, errors = read_task_rows(path, people, templates)
    if errors:
        raise ImportRejected(errors)
    with transaction() as s:
        steps = {name: _template_steps(s, name) for name in {data.template for _n, data, _who in parsed}}
        active = set(s.execute(select(Employee.id).where(Employee.status != "left")).scalars())
        gone = [RowError(number, _("{name} has left and cannot be given tasks.", name=who.name))
                for number, _data, who in parsed if who.id not in active]
        if gone:
            raise ImportRejected(gone)
        rank = {status: _end_rank(s, status) for status in {data.status for _n, data, _who in parsed}}
        stamp, cards = now(), []
        for i, (_number, data, assignee) in enumerate(parsed, start=1):
            cards.append(_task_from(actor, data, assignee, steps[data.template], rank[data.status], stamp))
            rank[data.status] += 1024.0
            if progress and (i % 500 == 0 or i == len(parsed)):
                progress(i, len(parsed))
        s.add_all(cards)
        s.flush()
        audit.record_many(s, actor, [("task.create", "task", c.id, None, _snapshot(c)) for c in cards])
        return len(cards)


# -- statistics ----------------------------------------------------------------------------
def stats_in(session: Session, year: int, month: int) -> dict[int, dict]:
    """Task indicators per person for one month, for the appraisal (no permission check: the caller has one).

    Returns {employee_id: {"done", "on_time_rate", "avg_cycle_days", "sent_back"}} for every person
    employed during the month (and anyone with activity in it):
      done            tasks moved to 已完成 during the month (by completion time) and still done;
      on_time_rate    share of those with a due date completed on or before it (0..1), None if none had one;
      avg_cycle_days  mean days from first 进行中 (or creation) to completion, None if nothing was done;
      sent_back       times the person's cards were sent back from review during the month.
    """
    start, end = rules.month_bounds(year, month)
    done: dict[int, list[rules.DoneTask]] = {}
    for aid, created, started, completed, due in session.execute(
            select(Task.assignee_id, Task.created_at, Task.started_at, Task.completed_at, Task.due_date)
            .where(Task.status == DONE, Task.completed_at >= start, Task.completed_at < end, Task.assignee_id.is_not(None))):
        done.setdefault(aid, []).append(rules.DoneTask(created, started, completed, due))
    sent = dict(session.execute(
        select(Task.assignee_id, func.count()).join(TaskComment, TaskComment.task_id == Task.id)
        .where(TaskComment.kind == "send_back", TaskComment.at >= start, TaskComment.at < end, Task.assignee_id.is_not(None))
        .group_by(Task.assignee_id)).all())
    employed = session.execute(select(Employee.id).where(
        or_(Employee.hire_date.is_(None), Employee.hire_date < end.date()),
        or_(Employee.leave_date.is_(None), Employee.leave_date >= start.date()))).scalars().all()
    ids = set(employed) | set(done) | set(sent)
    return {eid: rules.person_month_stats(done.get(eid, []), int(sent.get(eid, 0))) for eid in ids}


def task_stats(actor: Actor, year: int, month: int) -> list[dict]:
    """stats_in as rows with employee_no and name, by employee no. (for the CLI and the statistics view)."""
    require(actor, "tasks.stats")
    if not 1 <= month <= 12:
        raise ValidationError("{value!r} is not a month; write it as YYYY-MM, e.g. 2026-11.", value=f"{year}-{month}")
    with reading() as s:
        stats = stats_in(s, year, month)
        people = {e.id: e for e in s.execute(select(Employee).where(Employee.id.in_(list(stats)))).scalars()}
    rows = [{"employee_no": people[eid].employee_no, "name": people[eid].name, **values} for eid, values in stats.items()]
    return sorted(rows, key=lambda r: r["employee_no"])


# -- demo ----------------------------------------------------------------------------------
def seed_demo(session: Session, actor: Actor, today: date) -> None:
    from app.services.task_demo import seed_board

    seed_board(session, actor, today)
