"""Raters a manager can change for one period, all audited: replace the rater of a role for one person
(e.g. a transferred employee's new head, who rates after consulting the former one: the note records
it), and the period-level delegation 总经理授权分管领导 (the general manager's weight goes to the leader).
Changes are allowed while scores may still change (data entry and scoring)."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select

from app.db import transaction
from app.errors import ConflictError, ValidationError
from app.models.appraisal import AppraisalSubject
from app.rules import raters as rules
from app.services import appraisal_core as core
from app.services import audit
from app.services.context import Actor
from app.services.permissions import require


def _rebuild(subject: AppraisalSubject, people: dict[str, int], cfg: core.Config, delegate_gm: bool,
             notes: dict | None = None) -> list[dict]:
    """The subject's raters again from role -> person, with the template's or the settings' weights."""
    weights = {k: Decimal(str(v)) for k, v in core.weights_for(subject.template, subject.as_manager, cfg).items()}
    if delegate_gm:
        weights["leader"] = weights.get("leader", Decimal(0)) + weights.get("gm", Decimal(0))
        weights["gm"] = Decimal(0)
    merged: dict[int, dict] = {}
    for role in rules.ROLES:
        who, weight = people.get(role), weights.get(role, Decimal(0))
        if who is None or weight <= 0:
            continue
        entry = merged.setdefault(who, {"employee_id": who, "roles": [], "weight": 0.0})
        entry["roles"].append(role)
        entry["weight"] = float(Decimal(str(entry["weight"])) + weight)
        if notes and role in notes:
            entry["note"] = notes[role]
    groups = [r for r in subject.raters if r.get("group")]
    return list(merged.values()) + [g for g in groups if g["employee_id"] not in merged]


def _role_map(subject: AppraisalSubject) -> dict[str, int]:
    return {role: r["employee_id"] for r in subject.raters if not r.get("group") for role in r["roles"]}


def replace_rater(actor: Actor, period_key: str, employee_no: str, role: str, rater_no: str, note: str) -> dict:
    """Make ``rater_no`` the ``role`` (gm / leader / head) rater of one person in one period. The former
    rater's scores stay in the history and stop counting; ``note`` (required) records why, e.g. the new head
    consulted the former one."""
    require(actor, "appraisal.manage_period")
    if role not in rules.ROLES:
        raise ValidationError("Unknown rater role {role}; the roles are {roles}.", role=role, roles=", ".join(rules.ROLES))
    if not (note or "").strip():
        raise ValidationError("Write a note on the change (for example: the new head consulted the former one).")
    with transaction() as s:
        period = core.period_in(s, period_key)
        core.require_editable(period)
        person = core.employee_in(s, employee_no)
        subject = core.subject_in(s, period, person)
        rater = core.employee_in(s, rater_no)
        if rater.id == person.id:
            raise ValidationError("Nobody rates themselves: {name} cannot be their own {role}.", name=person.name,
                                  role=role)
        if rater.status == "left":
            raise ConflictError("{name} has left and cannot rate.", name=rater.name)
        people = _role_map(subject)
        if role not in people:
            raise ValidationError("{name} has no {role} rater in {key} (that role's weight is 0).", name=person.name,
                                  role=role, key=period.key)
        before = list(subject.raters)
        people[role] = rater.id
        subject.raters = _rebuild(subject, people, core.config_in(s), period.gm_delegated, {role: note.strip()})
        s.flush()
        core.recompute_subjects(s, [subject], core.config_in(s))
        audit.record(s, actor, "appraisal.rater_replace", "appraisal_subject", subject.id, {"raters": before},
                     {"period": period.key, "employee": person.employee_no, "role": role, "rater": rater.employee_no,
                      "note": note.strip(), "raters": subject.raters})
        return {"raters": subject.raters, "score": subject.final_score}


def set_delegation(actor: Actor, period_key: str, delegated: bool, note: str = "") -> dict:
    """总经理授权分管领导 for a whole period: every person's gm weight goes to their supervising leader
    (``delegated`` False takes it back). Returns how many people's raters changed."""
    require(actor, "appraisal.manage_period")
    with transaction() as s:
        period = core.period_in(s, period_key)
        core.require_editable(period)
        cfg = core.config_in(s)
        subjects = list(s.execute(select(AppraisalSubject).where(AppraisalSubject.period_id == period.id)).scalars())
        manager_of = core.rater_plan(s, core.span_of(period.key)).facts.manager_of
        changed = 0
        for x in subjects:
            people = _role_map(x)
            if "leader" not in people and "gm" in people:
                people["leader"] = people["gm"]
            if "gm" not in people:  # taken back: the gm is the top of the person's reporting tree again
                people["gm"] = rules.top_of(x.employee_id, manager_of)
            new = _rebuild(x, people, cfg, delegated)
            if new != x.raters:
                x.raters = new
                changed += 1
        before = period.gm_delegated
        period.gm_delegated = delegated
        s.flush()
        core.recompute_subjects(s, subjects, cfg)
        audit.record(s, actor, "appraisal.delegate_gm", "appraisal_period", period.key, {"gm_delegated": before},
                     {"gm_delegated": delegated, "people": changed, "note": (note or "").strip()})
        return {"key": period.key, "gm_delegated": delegated, "people": changed}
