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
    groups = []
    for g in subject.raters:
        if not g.get("group"):
            continue
        if g["group"] in rules.ROLES:  # a chain role shared by an added rater: its weight follows the role's
            g = dict(g, weight=float(weights.get(g["group"], Decimal(0))))
        if g["weight"] > 0 and g["employee_id"] not in merged:
            groups.append(g)
    return list(merged.values()) + groups


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


def add_rater(actor: Actor, period_key: str, employee_no: str, role: str, rater_no: str, note: str) -> dict:
    """Add ``rater_no`` beside the present ``role`` rater(s) of one person in one period: they share the role's
    weight, each counting with the mean of their scores (e.g. the former head of a transferred employee rates
    beside the new one). ``note`` (required) records why. The general manager's part is not shared."""
    require(actor, "appraisal.manage_period")
    if role not in rules.ALL_ROLES:
        raise ValidationError("Unknown rater role {role}; the roles are {roles}.", role=role,
                              roles=", ".join(rules.ALL_ROLES))
    if role == "gm":
        raise ValidationError("The general manager's part is not shared; replace the gm rater instead.")
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
        if core.role_for(subject, rater.id):
            raise ConflictError("{rater} already rates {name} in {key}; replace their role instead.", rater=rater.name,
                                name=person.name, key=period.key)
        holders = [r for r in subject.raters if role in r["roles"]]
        if not holders:
            raise ValidationError("{name} has no {role} rater in {key} (that role's weight is 0).", name=person.name,
                                  role=role, key=period.key)
        merged = [r for r in holders if len(r["roles"]) > 1]
        if merged:
            raise ConflictError("The {role} rater of {name} also holds another role; replace the {role} rater first, "
                                "then add.", role=role, name=person.name)
        before = [dict(r) for r in subject.raters]
        weight = holders[0]["weight"]
        raters = [dict(r, group=role) if role in r["roles"] else dict(r) for r in subject.raters]
        raters.append({"employee_id": rater.id, "roles": [role], "weight": weight, "group": role, "note": note.strip()})
        subject.raters = raters
        s.flush()
        core.recompute_subjects(s, [subject], core.config_in(s))
        audit.record(s, actor, "appraisal.rater_add", "appraisal_subject", subject.id, {"raters": before},
                     {"period": period.key, "employee": person.employee_no, "role": role, "rater": rater.employee_no,
                      "note": note.strip(), "raters": subject.raters})
        return {"raters": subject.raters, "score": subject.final_score}


def rater_choices(actor: Actor, period_key: str, employee_no: str) -> dict:
    """What the raters dialog offers for one person: their raters now (name, roles, weight, note), the roles
    that may be replaced or shared, the people who may rate, and whether the period still allows changes."""
    from app.i18n import _
    from app.models.people import Employee

    require(actor, "appraisal.manage_period")
    from app.db import reading

    with reading() as s:
        period = core.period_in(s, period_key)
        person = core.employee_in(s, employee_no)
        subject = core.subject_in(s, period, person)
        people = {e.id: e for e in s.execute(select(Employee)).scalars()}
        current = [{"employee_no": people[r["employee_id"]].employee_no, "name": people[r["employee_id"]].name,
                    "roles": list(r["roles"]), "weight": r["weight"], "group": r.get("group", ""),
                    "note": r.get("note", "")} for r in subject.raters]
        held = [role for role in rules.ALL_ROLES if any(role in r["roles"] for r in subject.raters)]
        replaceable = [role for role in rules.ROLES if role in _role_map(subject)]  # one person holds it
        addable = [role for role in held if role != "gm"
                   and all(len(r["roles"]) == 1 for r in subject.raters if role in r["roles"])]
        why = "" if period.state in core.EDITABLE_STATES else _(
            "Raters can change only during data entry and scoring; {key} is past that.", key=period.key)
        candidates = [{"employee_no": e.employee_no, "name": e.name} for e in
                      sorted(people.values(), key=lambda e: e.employee_no)
                      if e.status != "left" and e.id != person.id]
        return {"period": period.key, "employee_no": person.employee_no, "name": person.name, "raters": current,
                "roles": replaceable, "addable": addable, "candidates": candidates,
                "gm_delegated": period.gm_delegated, "may_change": not why, "why_not": why}


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
