"""Whom a person may file a request (leave, overtime, a punch correction) for.

One rule, used both by the services that file requests (they refuse the rest) and by the
dialogs (they offer only these people): oneself always; anyone active for HR and leaders.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from sqlalchemy import select

from app.db import reading
from app.errors import ValidationError
from app.models.people import Employee
from app.services.context import Actor
from app.services.permissions import can, require

REQUEST_KINDS = ("leave", "overtime", "correction", "handover")
# The permission that lets a person file this kind of request for somebody else.
_FOR_OTHERS = {"leave": "attendance.view_all", "overtime": "attendance.view_all", "correction": "attendance.correct",
               "handover": "attendance.view_all"}


def may_file_for_others(actor: Actor, kind: str) -> bool:
    if kind not in _FOR_OTHERS:
        raise ValidationError("Request type must be one of: {kinds}.", kinds=", ".join(REQUEST_KINDS))
    return can(actor, _FOR_OTHERS[kind])


def may_file_for(actor: Actor, kind: str, employee_id: Optional[int]) -> bool:
    return may_file_for_others(actor, kind) or (actor.employee_id is not None and actor.employee_id == employee_id)


@dataclass(frozen=True)
class FilingChoices:
    """What a request dialog offers: the people (工号, name) the actor may file for, and whom to preselect."""

    kind: str
    people: list[tuple[str, str]]
    own_no: Optional[str]
    may_file_for_others: bool


def filing_choices(actor: Actor, kind: str) -> FilingChoices:
    require(actor, "leave.request")
    others = may_file_for_others(actor, kind)
    with reading() as s:
        q = select(Employee.id, Employee.employee_no, Employee.name).where(Employee.status != "left")
        if not others:
            q = q.where(Employee.id == (actor.employee_id or -1))
        rows = s.execute(q.order_by(Employee.employee_no)).all()
    own = next((no for eid, no, _name in rows if eid == actor.employee_id), None)
    return FilingChoices(kind, [(no, name) for _eid, no, name in rows], own, others)
