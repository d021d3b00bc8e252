"""The appraisal part of the benchmark data set (bench/dataset.py): twelve monthly periods for every
person, each rater's total, the self-assessment and the quantitative actuals, written with bulk
inserts. Final scores, grades and labels are computed with the same rules the services use, so the
data set reads exactly as if it had been scored through the app.
"""

from __future__ import annotations

import copy
import random
from datetime import date

from sqlalchemy import delete, insert, select
from sqlmodel import Session

from app.models._base import now
from app.models.appraisal import (AppraisalActual, AppraisalAppeal, AppraisalPeriod, AppraisalScore,
                                  AppraisalSubject)
from app.models.org import Position
from app.models.people import Employee
from app.rules import appraisal as rules
from app.rules import raters as raters_rules
from app.rules.appraisal_template import indicators
from app.services import appraisal_core as core
from app.services.appraisal_demo import believable_actual
from app.services.appraisal_templates import default_template, stored_templates

BY = "bench"


def _month_keys(end: date, count: int) -> list[str]:
    return [rules.month_key(*rules.shift_month(end.year, end.month, -back)) for back in range(count - 1, -1, -1)]


def _clear(s: Session, keys: list[str]) -> None:
    """Periods the demo already opened in the bench's year are replaced (they hold the demo people only)."""
    ids = list(s.execute(select(AppraisalPeriod.id).where(AppraisalPeriod.key.in_(keys))).scalars())
    if not ids:
        return
    subjects = select(AppraisalSubject.id).where(AppraisalSubject.period_id.in_(ids))
    for model in (AppraisalScore, AppraisalActual, AppraisalAppeal):
        s.execute(delete(model).where(model.subject_id.in_(subjects)))
    s.execute(delete(AppraisalSubject).where(AppraisalSubject.period_id.in_(ids)))
    s.execute(delete(AppraisalPeriod).where(AppraisalPeriod.id.in_(ids)))


def bench_seed(session: Session, rng: random.Random, ctx) -> str:
    s, cfg, at = session, core.config_in(session), now()
    keys = _month_keys(ctx.end, ctx.periods)
    _clear(s, keys)
    people = list(s.execute(select(Employee)).scalars())
    positions = {p.id: p for p in s.execute(select(Position)).scalars()}
    edited = stored_templates(s)
    templates: dict[tuple, dict] = {}
    ability = {e.id: min(97.0, max(45.0, rng.gauss(79, 8))) for e in people}  # each person's usual level
    totals = {"subjects": 0, "scores": 0, "actuals": 0}
    last_roster, raters_of, quantitative = None, {}, {}
    for key in keys:
        span = rules.parse_period_key(key)
        ny, nm = rules.shift_month(span.start.year, span.start.month, 1)
        period = AppraisalPeriod(key=key, kind="month", start=span.start, end=span.end, state="locked",
                                 published_on=date(ny, nm, 5), created_by=BY, created_at=at)
        s.add(period)
        s.flush()
        active = [e for e in people if core._active(e, span)]
        roster = frozenset(e.id for e in active)
        if roster != last_roster:  # the reporting tree, and so the raters, change only with the roster
            plan = core.rater_plan(s, span)
            raters_of, last_roster = {}, roster
        subject_rows, scored = [], {}
        for e in active:
            pos = positions.get(e.position_id)
            as_manager = e.id in plan.facts.managers
            tkey = (pos.id if pos else None, as_manager)
            if tkey not in templates:
                templates[tkey] = (copy.deepcopy(edited[pos.id]) if pos and pos.id in edited
                                   else default_template(pos.name if pos else "", as_manager))
            if e.id not in raters_of:
                raters_of[e.id] = plan.raters_of(e, templates[tkey], cfg)
            raters = raters_of[e.id]
            if not raters:
                continue
            month = min(100.0, max(30.0, ability[e.id] + rng.gauss(0, 4)))
            rater_scores = [(r, round(min(100.0, max(0.0, month + rng.uniform(-3, 3))), 1)) for r in raters]
            final = raters_rules.final_score([(r.weight, r.group, score) for r, score in rater_scores])
            subject_rows.append({
                "period_id": period.id, "employee_id": e.id, "as_manager": as_manager, "template": templates[tkey],
                "raters": core.stored_raters(raters),
                "final_score": float(final), "grade": rules.grade_for(final, cfg.bands),
                "label": rules.label_for(final, cfg.excellent, cfg.qualified, cfg.improve_below),
                "comment": "", "comment_by": "", "interview": "", "interview_by": ""})
            scored[e.id] = (month, rater_scores, templates[tkey])
        if subject_rows:
            s.execute(insert(AppraisalSubject.__table__), subject_rows)
        ids = dict(s.execute(select(AppraisalSubject.employee_id, AppraisalSubject.id)
                             .where(AppraisalSubject.period_id == period.id)).all())
        scores, actuals = [], []
        for employee_id, (month, rater_scores, template) in scored.items():
            sid = ids[employee_id]
            for r, value in rater_scores:
                scores.append({"subject_id": sid, "rater_id": r.employee_id, "rater_role": r.roles[0], "indicator": "",
                               "score": value, "level": "", "entered_at": at, "entered_by": BY})
            scores.append({"subject_id": sid, "rater_id": employee_id, "rater_role": rules.SELF, "indicator": "",
                           "score": round(min(100.0, month + rng.uniform(0, 6)), 1), "level": "", "entered_at": at,
                           "entered_by": BY})
            if id(template) not in quantitative:
                quantitative[id(template)] = [i for i in indicators(template) if i.get("kind") == "quantitative"]
            for ind in quantitative[id(template)]:
                actuals.append({"subject_id": sid, "indicator": ind["key"], "source": ind.get("source") or "manual",
                                "value": believable_actual(ind, month, rng.random()), "entered_at": at, "entered_by": BY})
        if scores:
            s.execute(insert(AppraisalScore.__table__), scores)
        if actuals:
            s.execute(insert(AppraisalActual.__table__), actuals)
        totals["subjects"] += len(subject_rows)
        totals["scores"] += len(scores)
        totals["actuals"] += len(actuals)
    return (f"{len(keys)} monthly periods {keys[0]}…{keys[-1]}, {totals['subjects']} people appraised, "
            f"{totals['scores']} scores, {totals['actuals']} actuals")
