"""Importing rater scores from CSV/XLSX: all rows or nothing, every bad row listed."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional

from sqlalchemy import select

from app.db import reading, transaction
from app.errors import ImportRejected, RowError
from app.i18n import _
from app.io.appraisal_scores import read_scores
from app.models.appraisal import AppraisalPeriod, AppraisalSubject
from app.models.people import Employee
from app.rules import appraisal as rules
from app.rules.appraisal_template import indicators
from app.rules.raters import GROUP_ROLES
from app.services import audit
from app.services import appraisal_core as core
from app.services.context import Actor
from app.services.permissions import require

Progress = Optional[Callable[[int, int], None]]


def import_scores(actor: Actor, path: str | Path, progress: Progress = None) -> dict:
    """Import `period,employee_no,rater_no,rater_role,score[,indicator]` rows (each rater's total, or
    indicator-level scores). A file with any bad row (unknown people, a self-rating under another role,
    a score outside 0–100, a locked period, …) imports nothing and lists its bad rows.

    The file is read and checked before the write transaction opens; the write transaction checks the
    rows again against what is stored then (another PC may have locked a period meanwhile) and writes
    them in bulk, so the write lock is held for the write alone."""
    require(actor, "appraisal.enter_for")
    rows, errors = read_scores(path)
    with reading() as s:
        _plan(s, rows, errors)
    if errors:
        raise ImportRejected(sorted(errors, key=lambda e: e.row))
    with transaction() as s:
        late: list[RowError] = []
        plan = _plan(s, rows, late)
        if late:
            raise ImportRejected(sorted(late, key=lambda e: e.row))
        touched: dict[int, AppraisalSubject] = {}
        batch = []
        for done, (row, subject, rater) in enumerate(plan, start=1):
            batch.append({"subject_id": subject.id, "rater_id": rater.id, "rater_role": row.rater_role,
                          "indicator": row.indicator, "score": row.score})
            touched[subject.id] = subject
            if done % 2000 == 0 or done == len(plan):
                core.add_scores_bulk(s, batch, actor.username)
                batch = []
                if progress:
                    progress(done, len(plan))
        core.recompute_subjects(s, list(touched.values()), core.config_in(s))
        result = {"scores": len(plan), "people": len(touched), "file": Path(path).name}
        audit.record(s, actor, "appraisal.import", "appraisal_score", "", None, result)
        return result


def _plan(s, rows: list, errors: list[RowError]) -> list[tuple]:
    """Check every parsed row against the stored periods, people and raters; the good rows as
    (row, subject, rater), each bad one added to ``errors`` (rows already in ``errors`` are skipped)."""
    bad_rows = {e.row for e in errors}
    people = {e.employee_no: e for e in s.execute(select(Employee)).scalars()}
    periods = {p.key: p for p in s.execute(select(AppraisalPeriod)).scalars()}
    subjects: dict[tuple[int, int], AppraisalSubject] = {
        (x.period_id, x.employee_id): x for x in s.execute(select(AppraisalSubject).where(
            AppraisalSubject.period_id.in_([p.id for p in periods.values() if p.state in core.EDITABLE_STATES])
        )).scalars()}
    seen: dict[tuple, int] = {}
    plan = []
    for row in rows:
        if row.number in bad_rows:
            continue
        problems = []
        period = _period(row.period, periods, problems)
        person, rater = people.get(row.employee_no), people.get(row.rater_no)
        if person is None:
            problems.append(_("employee no. {no} does not exist", no=row.employee_no))
        if rater is None:
            problems.append(_("rater no. {no} does not exist", no=row.rater_no))
        subject = None
        if period is not None and person is not None:
            if period.state not in core.EDITABLE_STATES:
                problems.append(_("period {key} is {state}; scores can no longer change", key=period.key,
                                  state=_(core.STATE_LABELS[period.state])))
            subject = _subject(s, subjects, period, person)
            if subject is None:
                problems.append(_("{name} ({no}) is not appraised in {key}", name=person.name,
                                  no=person.employee_no, key=period.key))
        if subject is not None and rater is not None:
            problems.extend(_role_problems(row, subject, person, rater))
            if row.indicator and row.indicator not in {i["key"] for i in indicators(subject.template)}:
                problems.append(_("indicator {key} is not in {name}'s template", key=row.indicator, name=person.name))
            key = (subject.id, rater.id, row.indicator)
            if key in seen:
                problems.append(_("the same rater's score for this person is already in row {row}", row=seen[key]))
            seen.setdefault(key, row.number)
        if problems:
            errors.append(RowError(row.number, "; ".join(problems)))
        else:
            plan.append((row, subject, rater))
    return plan


def _period(text: str, periods: dict, problems: list) -> Optional[AppraisalPeriod]:
    try:
        key = rules.parse_period_key(text).key
    except ValueError:
        problems.append(_("{value!r} is not a period such as 2026-11", value=text))
        return None
    period = periods.get(key)
    if period is None:
        problems.append(_("period {key} is not open", key=key))
    return period


def _subject(s, cache: dict, period: AppraisalPeriod, person: Employee) -> Optional[AppraisalSubject]:
    key = (period.id, person.id)
    if key not in cache:  # a locked or approved period: not preloaded
        cache[key] = s.execute(select(AppraisalSubject).where(AppraisalSubject.period_id == period.id,
                                                              AppraisalSubject.employee_id == person.id)).scalar()
    return cache[key]


def _role_problems(row, subject: AppraisalSubject, person: Employee, rater: Employee) -> list[str]:
    if rater.id == person.id:
        if row.rater_role != rules.SELF:
            return [_("{no} rates themselves as {role}; a self-rating must have the role self", no=rater.employee_no,
                      role=row.rater_role)]
        return []
    if row.rater_role == rules.SELF:
        return [_("role self is only for the employee's own assessment")]
    if row.rater_role in GROUP_ROLES and not float(((subject.template or {}).get("raters") or {}).get(row.rater_role) or 0):
        return [_("{name}'s template {template} has no {role} raters", name=person.employee_no,
                  template=subject.template.get("name", ""), role=row.rater_role)]
    roles = core.role_for(subject, rater.id) or []
    if row.rater_role not in roles:
        return [_("{rater} is not the {role} of {name}", rater=rater.employee_no, role=row.rater_role, name=person.employee_no)]
    return []
