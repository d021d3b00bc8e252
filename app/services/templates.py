"""Workflow templates (流程模板): shipped in data/tasks/templates.json, editable by a manager.

Until a manager edits one, the shipped templates are used as they are; the first edit stores
all of them in the database, which from then on is the list in force.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from sqlalchemy import func, select
from sqlmodel import Session

from app.db import reading, transaction
from app.errors import ConflictError, NotFound, ValidationError
from app.models._base import now
from app.models.tasks import TaskTemplate
from app.paths import DATA_DIR
from app.rules.tasks import normalise_tags, tag_problem
from app.services import audit
from app.services.context import Actor
from app.services.permissions import ROLE_LABELS, require

TEMPLATES_FILE = DATA_DIR / "tasks" / "templates.json"
APPROVAL_ROLES = ("manager", "hr", "admin")


@dataclass
class WorkflowTemplate:
    name: str
    title: str = ""
    tags: list[str] = field(default_factory=list)
    steps: list[dict] = field(default_factory=list)  # {"text": str, "approval_role": str | None}

    def as_dict(self) -> dict:
        return {"name": self.name, "title": self.title, "tags": list(self.tags), "steps": [dict(s) for s in self.steps]}


def _clean_steps(raw_steps) -> list[dict]:
    steps = []
    for raw in raw_steps:
        text = str(raw.get("text", "")).strip()
        role = raw.get("approval_role") or None
        steps.append({"text": text, "approval_role": role})
    return steps


@lru_cache(maxsize=1)
def _shipped() -> tuple[WorkflowTemplate, ...]:
    data = json.loads(TEMPLATES_FILE.read_text(encoding="utf-8"))
    return tuple(WorkflowTemplate(d["name"], d.get("title", ""), normalise_tags(d.get("tags", "")), _clean_steps(d["steps"]))
                 for d in data)


def _from_row(row: TaskTemplate) -> WorkflowTemplate:
    return WorkflowTemplate(row.name, row.title, normalise_tags(row.tags), _clean_steps(row.steps))


def templates_in(session: Session) -> list[WorkflowTemplate]:
    rows = session.execute(select(TaskTemplate).order_by(TaskTemplate.sort_order, TaskTemplate.id)).scalars().all()
    if not rows:
        return [WorkflowTemplate(t.name, t.title, list(t.tags), [dict(s) for s in t.steps]) for t in _shipped()]
    return [_from_row(r) for r in rows]


def template_in(session: Session, name: str) -> Optional[WorkflowTemplate]:
    return next((t for t in templates_in(session) if t.name == name.strip()), None)


def list_templates(actor: Actor) -> list[WorkflowTemplate]:
    require(actor, "tasks.view")
    with reading() as s:
        return templates_in(s)


def template_problems(template: WorkflowTemplate) -> list[str]:
    from app.i18n import _

    problems = []
    if not template.name.strip():
        problems.append(_("The template needs a name"))
    elif len(template.name.strip()) > 100:
        problems.append(_("A template name has at most 100 characters"))
    if not template.steps:
        problems.append(_("A template needs at least one step"))
    for i, step in enumerate(template.steps, start=1):
        if not str(step.get("text", "")).strip():
            problems.append(_("Step {n} has no text", n=i))
        role = step.get("approval_role")
        if role and role not in APPROVAL_ROLES:
            problems.append(_("Step {n}: approval role must be one of: manager, hr, admin", n=i))
    tag_msg = tag_problem(template.tags)
    if tag_msg:
        problems.append(_(tag_msg))
    return problems


def _materialise(s: Session) -> None:
    """Store the shipped templates the first time a manager edits the list."""
    if s.execute(select(func.count()).select_from(TaskTemplate)).scalar_one():
        return
    for i, t in enumerate(_shipped()):
        s.add(TaskTemplate(name=t.name, title=t.title, tags=",".join(t.tags), steps=[dict(x) for x in t.steps], sort_order=i))
    s.flush()


def save_template(actor: Actor, template: WorkflowTemplate, original_name: str | None = None) -> WorkflowTemplate:
    """Create a template, or change the one called ``original_name`` (it may be renamed)."""
    require(actor, "tasks.templates")
    template = WorkflowTemplate(template.name.strip(), template.title.strip(), normalise_tags(template.tags),
                                _clean_steps(template.steps))
    problems = template_problems(template)
    if problems:
        raise ValidationError("; ".join(problems))
    with transaction() as s:
        _materialise(s)
        by_name = {r.name: r for r in s.execute(select(TaskTemplate)).scalars()}
        row = by_name.get(original_name.strip()) if original_name else None
        if original_name and row is None:
            raise NotFound("There is no workflow template called {name}.", name=original_name)
        clash = by_name.get(template.name)
        if clash is not None and clash is not row:
            raise ConflictError("A workflow template called {name} already exists.", name=template.name)
        before = _from_row(row).as_dict() if row else None
        if row is None:
            row = TaskTemplate(name=template.name, sort_order=len(by_name))
            s.add(row)
        row.name, row.title, row.tags = template.name, template.title, ",".join(template.tags)
        row.steps = [dict(x) for x in template.steps]
        row.updated_at = now()
        s.flush()
        audit.record(s, actor, "task_template.save", "task_template", row.name, before, template.as_dict())
    return template


def delete_template(actor: Actor, name: str) -> None:
    require(actor, "tasks.templates")
    with transaction() as s:
        _materialise(s)
        row = s.execute(select(TaskTemplate).where(TaskTemplate.name == name.strip())).scalar()
        if row is None:
            raise NotFound("There is no workflow template called {name}.", name=name)
        if s.execute(select(func.count()).select_from(TaskTemplate)).scalar_one() <= 1:
            raise ConflictError("The last workflow template cannot be deleted.")
        audit.record(s, actor, "task_template.delete", "task_template", row.name, _from_row(row).as_dict(), None)
        s.delete(row)


def role_label(role: str | None) -> str:
    from app.i18n import _

    return _(ROLE_LABELS.get(role, role)) if role else ""
