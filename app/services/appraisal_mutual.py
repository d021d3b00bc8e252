"""The anonymous all-staff mutual rating (互评) of a period: every employee may rate colleagues 0–100 once,
as a reference for choosing 先进 (advanced workers). It is never counted in any score: nothing in the
scoring (appraisal_core.recompute) reads it. Who rated whom is not stored (app/models/appraisal_mutual.py);
the results, a mean and a count per person, are shown to HR and managers only."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import func, select

from app.db import reading, transaction
from app.i18n import N_
from app.errors import ConflictError, ValidationError
from app.models.appraisal import AppraisalSubject
from app.models.appraisal_mutual import AppraisalMutualBallot, AppraisalMutualRating
from app.models.people import Employee
from app.rules.appraisal import dec, round2
from app.services import appraisal_core as core
from app.services import audit
from app.services.context import Actor
from app.services.permissions import can, require

OPEN_STATES = core.EDITABLE_STATES  # ballots are cast while the period is being scored


def _colleagues(s, period, voter_id: int) -> list[Employee]:
    """Whom a voter may rate: the people appraised in the period, except the voter."""
    rows = s.execute(select(Employee).join(AppraisalSubject, AppraisalSubject.employee_id == Employee.id)
                     .where(AppraisalSubject.period_id == period.id).order_by(Employee.employee_no)).scalars()
    return [e for e in rows if e.id != voter_id]


def _voted(s, period, voter_id: int) -> bool:
    return s.execute(select(AppraisalMutualBallot.id).where(AppraisalMutualBallot.period_id == period.id,
                                                            AppraisalMutualBallot.voter_id == voter_id)).first() is not None


def mutual_ballot(actor: Actor, period_key: str) -> dict:
    """What the actor's ballot offers: the colleagues to rate, whether the actor has voted, and why not when
    they may not vote."""
    require(actor, "appraisal.mutual_rate")
    with reading() as s:
        period = core.period_in(s, period_key)
        why = _why_not(s, actor, period)
        why = _msg(why[0], **why[1]) if why else ""
        people = [] if actor.employee_id is None else _colleagues(s, period, actor.employee_id)
        return {"period": period.key, "may_vote": not why, "why_not": why,
                "voted": actor.employee_id is not None and _voted(s, period, actor.employee_id),
                "colleagues": [{"employee_no": e.employee_no, "name": e.name} for e in people]}


def _why_not(s, actor: Actor, period) -> tuple | None:
    """(message id, params) of why the actor may not vote now, or None."""
    if actor.employee_id is None:
        return (N_("Only an employee can take part in the mutual rating; this login is not linked to one."), {})
    if period.state not in OPEN_STATES:
        return (N_("The mutual rating of {key} is closed: the period is past scoring."), {"key": period.key})
    if _voted(s, period, actor.employee_id):
        return (N_("You have already rated your colleagues in {key}; a ballot is cast once."), {"key": period.key})
    return None


def cast_mutual_ratings(actor: Actor, period_key: str, ratings: dict[str, object]) -> dict:
    """Cast the actor's one ballot: ``ratings`` maps colleagues' employee numbers to a score 0–100. Refused
    whole on any bad entry. The audit trail records that a ballot was cast and how many ratings, not whom."""
    require(actor, "appraisal.mutual_rate")
    if not ratings:
        raise ValidationError("Rate at least one colleague.")
    with transaction() as s:
        period = core.period_in(s, period_key)
        why = _why_not(s, actor, period)
        if why:
            raise ConflictError(why[0], **why[1])
        allowed = {e.employee_no: e for e in _colleagues(s, period, actor.employee_id)}
        problems, rows = [], []
        for no, value in ratings.items():
            no = str(no).strip()
            person = allowed.get(no)
            if person is None:
                problems.append(_msg("{no} is not a colleague you can rate in {key}", no=no, key=period.key))
                continue
            try:
                score = dec(value)
            except ValueError:
                score = None
            if score is None or not score.is_finite() or not Decimal(0) <= score <= Decimal(100):
                problems.append(_msg("the score for {no} must be from 0 to 100 (got {score})", no=no, score=str(value)))
                continue
            rows.append({"period_id": period.id, "ratee_id": person.id, "score": float(round2(score))})
        if problems:
            raise ValidationError("The mutual rating was not saved: {problems}", problems="; ".join(problems))
        s.add(AppraisalMutualBallot(period_id=period.id, voter_id=actor.employee_id))
        rows.sort(key=lambda r: r["ratee_id"])  # the order typed in says nothing either
        from sqlalchemy import insert

        s.execute(insert(AppraisalMutualRating), rows)
        audit.record(s, actor, "appraisal.mutual_vote", "appraisal_period", period.key, None, {"ratings": len(rows)})
        return {"period": period.key, "ratings": len(rows)}


def _msg(msgid: str, **params) -> str:
    from app.i18n import _

    return _(msgid, **params)


def mutual_results(actor: Actor, period_key: str) -> dict:
    """The mutual rating of a period, for HR and managers: per person the number of ratings and their mean
    (two decimals), best first, and how many ballots were cast. Never who rated; never part of a score."""
    require(actor, "appraisal.mutual_results")
    with reading() as s:
        period = core.period_in(s, period_key)
        ballots = s.execute(select(func.count()).select_from(AppraisalMutualBallot)
                            .where(AppraisalMutualBallot.period_id == period.id)).scalar()
        scores: dict[int, list[Decimal]] = {}
        for ratee, score in s.execute(select(AppraisalMutualRating.ratee_id, AppraisalMutualRating.score)
                                      .where(AppraisalMutualRating.period_id == period.id)).all():
            scores.setdefault(ratee, []).append(dec(score))
        people = s.execute(select(Employee).join(AppraisalSubject, AppraisalSubject.employee_id == Employee.id)
                           .where(AppraisalSubject.period_id == period.id)).scalars()
        rows = []
        for e in people:
            got = scores.get(e.id, [])
            mean = float(round2(sum(got, Decimal(0)) / len(got))) if got else None
            rows.append({"employee_no": e.employee_no, "name": e.name, "ratings": len(got), "mean": mean})
        rows.sort(key=lambda r: (r["mean"] is None, -(r["mean"] or 0), r["employee_no"]))
        rank = 0
        for i, r in enumerate(rows, start=1):
            if r["mean"] is not None:
                rank = i if i == 1 or r["mean"] != rows[i - 2]["mean"] else rank
            r["rank"] = rank if r["mean"] is not None else None
        return {"period": period.key, "ballots": ballots, "people": rows}


def may_see_mutual_results(actor: Actor) -> bool:
    return can(actor, "appraisal.mutual_results")
