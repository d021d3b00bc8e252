"""Appraisal templates per position: shipped defaults (data/appraisal/templates.json), edits in the
database, validation (weights must add up to 100)."""

from __future__ import annotations

import copy
import json
from functools import lru_cache
from typing import Optional

from sqlalchemy import select
from sqlmodel import Session

from app.db import reading, transaction
from app.errors import NotFound, ValidationError
from app.models._base import now
from app.models.appraisal import AppraisalTemplate
from app.models.org import Department, Position
from app.paths import DATA_DIR
from app.rules.appraisal_template import indicators, template_problems
from app.services import audit
from app.services.context import Actor
from app.services.permissions import require

TEMPLATES_FILE = DATA_DIR / "appraisal" / "templates.json"


@lru_cache(maxsize=1)
def _shipped() -> dict:
    return json.loads(TEMPLATES_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=256)
def _shipped_text(position_name: str, as_manager: bool) -> str:
    data = _shipped()
    return json.dumps(data["positions"].get(position_name) or data["default_manager" if as_manager else "default_staff"],
                      ensure_ascii=False)


def default_template(position_name: str, as_manager: bool) -> dict:
    """The shipped template for a position name, or the generic staff / manager one: a fresh copy each
    call (parsed from its cached JSON text: opening a month for 500 people, much faster than deepcopy)."""
    return json.loads(_shipped_text(position_name, as_manager))


def template_in(s: Session, position: Optional[Position], as_manager: bool) -> dict:
    """The template in force for a position: the edited one if any, else the shipped default."""
    if position is not None:
        row = s.execute(select(AppraisalTemplate).where(AppraisalTemplate.position_id == position.id)).scalar()
        if row is not None:
            return copy.deepcopy(dict(row.body, name=row.name))
    return default_template(position.name if position else "", as_manager)


def stored_templates(s: Session) -> dict[int, dict]:
    """position id -> the edited template, for opening a period in one query."""
    return {row.position_id: dict(row.body, name=row.name) for row in s.execute(select(AppraisalTemplate)).scalars()}


def _position(s: Session, department: str, position: str) -> Position:
    pos = s.execute(select(Position).join(Department, Department.id == Position.department_id)
                    .where(Department.name == department.strip(), Position.name == position.strip())).scalar()
    if pos is None:
        raise NotFound("There is no position {position} in {department}.", position=position, department=department)
    return pos


def list_templates(actor: Actor) -> list[dict]:
    """Every position with its template in force (edited or shipped)."""
    require(actor, "appraisal.templates")
    with reading() as s:
        rows = []
        for pos, dept in s.execute(select(Position, Department.name).join(Department, Department.id == Position.department_id)
                                   .order_by(Department.sort_order, Position.id)).all():
            stored = s.execute(select(AppraisalTemplate.id).where(AppraisalTemplate.position_id == pos.id)).scalar()
            body = template_in(s, pos, pos.is_manager)
            rows.append({"department": dept, "position": pos.name, "name": body.get("name", ""),
                         "edited": stored is not None, "template": body,
                         "indicators": len(indicators(body))})
        return rows


def get_template(actor: Actor, department: str, position: str) -> dict:
    require(actor, "appraisal.templates")
    with reading() as s:
        pos = _position(s, department, position)
        return template_in(s, pos, pos.is_manager)


def save_template(actor: Actor, department: str, position: str, template: dict) -> dict:
    """Store a position's template; refused (nothing saved) when weights do not add up to 100."""
    require(actor, "appraisal.templates")
    problems = template_problems(template)
    if problems:
        raise ValidationError("The template was not saved: {problems}", problems="; ".join(problems))
    from app.services.appraisal_schemes import kept_keys, record_version

    name = str(template.get("name") or position).strip()[:100]
    body = {"sections": copy.deepcopy(template["sections"]), **kept_keys(template)}  # raters, period … of a scheme
    with transaction() as s:
        pos = _position(s, department, position)
        row = s.execute(select(AppraisalTemplate).where(AppraisalTemplate.position_id == pos.id)).scalar()
        before = dict(row.body, name=row.name) if row else None
        body["version"] = record_version(s, pos.id, dict(body, name=name), "", actor.username)
        if row is None:
            row = AppraisalTemplate(position_id=pos.id, name=name, body=body)
            s.add(row)
        row.name, row.body, row.updated_at, row.updated_by = name, body, now(), actor.username
        audit.record(s, actor, "appraisal.template_save", "position", pos.id, before, dict(body, name=name))
    return dict(body, name=name)
