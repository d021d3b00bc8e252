"""Reading a task list from CSV/XLSX (Chinese or English headers), every bad row collected."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from app.errors import RowError
from app.i18n import _
from app.io.tables import parse_date, read_table
from app.rules import tasks as rules

COLUMNS = {
    "title": ("标题", "任务", "任务名称", "Task"),
    "assignee_no": ("负责人工号", "工号", "负责人", "assignee", "Employee no."),
    "due_date": ("截止日期", "截止", "due", "Due date"),
    "priority": ("优先级", "Priority"),
    "tags": ("标签", "Tags"),
    "template": ("模板", "流程", "Template", "Workflow"),
    "description": ("描述", "说明", "Description"),
    "status": ("状态", "列", "Status", "Column"),
}
REQUIRED = ("title", "assignee_no")
PRIORITY_WORDS = {"低": 0, "low": 0, "中": 1, "普通": 1, "normal": 1, "medium": 1, "高": 2, "high": 2,
                  "紧急": 3, "urgent": 3}
STATUS_WORDS = {"待办": "todo", "todo": "todo", "to do": "todo", "进行中": "doing", "doing": "doing",
                "in progress": "doing", "待审核": "review", "review": "review"}


def parse_priority(text: str) -> Optional[int]:
    t = text.strip().lower()
    if not t:
        return 1
    if t in PRIORITY_WORDS:
        return PRIORITY_WORDS[t]
    if t.isdigit() and int(t) in rules.PRIORITIES:
        return int(t)
    return None


def read_task_rows(path: str | Path, people: dict, templates: set[str]):
    """-> ([(row number, TaskInput, Employee)], [RowError]); ``people`` maps 工号 -> Employee."""
    from app.services.tasks import TaskInput

    parsed, errors = [], []
    for row in read_table(path, COLUMNS, REQUIRED):
        reasons = []
        title = row.text("title")
        msg = rules.title_problem(title)
        if msg:
            reasons.append(_(msg))
        no = row.text("assignee_no")
        person = people.get(no)
        if not no:
            reasons.append(_("the assignee's employee no. is missing"))
        elif person is None:
            reasons.append(_("employee no. {no} does not exist", no=no))
        elif person.status == "left":
            reasons.append(_("{name} has left and cannot be given tasks.", name=person.name))
        due = None
        if row.text("due_date"):
            try:
                due = parse_date(row.text("due_date"))
            except ValueError:
                reasons.append(_("due date {value} is not a date (YYYY-MM-DD)", value=row.text("due_date")))
        priority = parse_priority(row.text("priority"))
        if priority is None:
            reasons.append(_("priority {value} is not one of 低/中/高/紧急 or 0-3", value=row.text("priority")))
        tags = rules.normalise_tags(row.text("tags"))
        msg = rules.tag_problem(tags)
        if msg:
            reasons.append(_(msg))
        template = row.text("template")
        if template and template not in templates:
            reasons.append(_("there is no workflow template called {name}", name=template))
        status_text = row.text("status").lower()
        status = STATUS_WORDS.get(status_text, "todo" if not status_text else None)
        if status is None:
            reasons.append(_("status {value} must be 待办, 进行中 or 待审核", value=row.text("status")))
        if reasons:
            errors.append(RowError(row.number, "; ".join(reasons)))
            continue
        parsed.append((row.number, TaskInput(title=title, assignee_no=no, due_date=due, priority=priority, tags=tags,
                                 description=row.text("description"), template=template, status=status), person))
    if not parsed and not errors:
        errors.append(RowError(2, _("the file has no tasks")))
    return parsed, errors
