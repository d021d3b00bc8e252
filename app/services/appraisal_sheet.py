"""One person's appraisal in detail: the entry form's data and the printed sheet's data."""

from __future__ import annotations

from typing import Optional

from sqlalchemy import select
from sqlmodel import Session

from app.models.appraisal import AppraisalAppeal, AppraisalPeriod, AppraisalSubject
from app.models.people import Employee
from app.rules import appraisal as rules
from app.rules import appraisal_growth as growth
from app.rules.appraisal_template import indicators
from app.services import appraisal_core as core
from app.services import policy
from app.services.appraisal_growth import add_base_figures, base_text
from app.services.context import Actor
from app.services.permissions import can


def _published(period: AppraisalPeriod) -> bool:
    return period.state in ("approved", "locked")


def _hide_result(actor: Actor, period: AppraisalPeriod, subject: AppraisalSubject) -> bool:
    """The employee sees their own final result only once it is published."""
    return (actor.employee_id == subject.employee_id and not can(actor, "appraisal.view_all")
            and not _published(period))


def _load(s: Session, actor: Actor, period_key: str, employee_no: str):
    period = core.period_in(s, period_key)
    person = core.employee_in(s, employee_no)
    subject = core.subject_in(s, period, person)
    core.require_view(actor, subject)
    return period, person, subject


def subject_detail_in(s: Session, actor: Actor, period_key: str, employee_no: str) -> dict:
    from app.services.appraisal import _flags, _people

    period, person, subject = _load(s, actor, period_key, employee_no)
    cfg = core.config_in(s)
    scores = core.latest_scores(s, [subject.id])[subject.id]
    all_actuals = core.latest_actuals(s, [subject.id])
    add_base_figures(s, [subject], all_actuals)
    actuals = all_actuals[subject.id]
    quant = core.quantitative_scores(subject, actuals)
    rescoring = core.rescoring_appeal(s, subject) if period.state not in core.EDITABLE_STATES else None
    editable = period.state in core.EDITABLE_STATES or rescoring is not None
    people = _people(s)
    hide = _hide_result(actor, period, subject)
    inds = []
    for ind in indicators(subject.template):
        act = actuals.get(ind["key"])
        inds.append(dict(ind, actual=act.value if act else None, actual_source=act.source if act else "",
                         quant_score=float(quant[ind["key"]]) if ind["key"] in quant else None,
                         **_growth_fields(ind, actuals)))

    def column(rater_id: int, roles: list[str], weight: float) -> dict:
        own = {ind: row for (rid, ind), row in scores.items() if rid == rater_id and ind}
        typed = scores.get((rater_id, ""))
        total = core.rater_result(subject, rater_id, scores, quant)
        no, name = people[rater_id][0], people[rater_id][1]
        return {"employee_no": no, "name": name, "roles": roles, "weight": weight,
                "can_edit": editable and (can(actor, "appraisal.view_all") or actor.employee_id == rater_id),
                "scores": {k: r.score for k, r in own.items()}, "levels": {k: r.level for k, r in own.items() if r.level},
                "typed_total": typed.score if typed else None,
                "total": None if (hide and rater_id != subject.employee_id) else (float(total) if total is not None else None)}

    raters = [column(r["employee_id"], r["roles"], r["weight"]) for r in subject.raters]
    no, name, pos, dept = people[subject.employee_id]
    return {
        "period": period.key, "kind": period.kind, "state": period.state, "editable": editable,
        "employee_no": no, "name": name, "position": pos or "", "department": dept or "",
        "is_rater": actor.employee_id in core.rater_ids(subject), "is_self": actor.employee_id == subject.employee_id,
        "as_manager": subject.as_manager, "template_name": subject.template.get("name", ""),
        "indicators": inds, "raters": raters, "self": column(subject.employee_id, [rules.SELF], 0.0),
        "score": None if hide else subject.final_score, "grade": "" if hide else subject.grade,
        "label": "" if hide else subject.label, "flags": [] if hide else _flags(s, [subject], period, cfg)[subject.id],
        "comment": subject.comment, "interview": subject.interview, "interview_on": subject.interview_on,
        "rescoring_appeal": rescoring.id if rescoring is not None else None,
        "published_on": period.published_on, "appeal_deadline": _deadline(period, cfg),
        "appeals": _appeals(s, subject), "grades": list(cfg.letters), "bands": [(g, float(m)) for g, m in cfg.bands],
        "labels": {"excellent": cfg.excellent, "qualified": cfg.qualified, "improve_below": cfg.improve_below},
    }


def _growth_fields(ind: dict, actuals: dict) -> dict:
    """A growth indicator's base figure and, when it has none, the note printed instead of a score."""
    if not growth.is_growth(ind):
        return {}
    base = actuals.get(growth.base_key(ind["key"]))
    text, note = base_text(ind, actuals)
    return {"base": base.value if base is not None else None, "base_text": text, "base_note": note}


def _deadline(period: AppraisalPeriod, cfg: core.Config):
    return rules.appeal_deadline(period.published_on, cfg.appeal_days) if period.published_on else None


def _appeals(s: Session, subject: AppraisalSubject) -> list[dict]:
    rows = s.execute(select(AppraisalAppeal).where(AppraisalAppeal.subject_id == subject.id)
                     .order_by(AppraisalAppeal.id)).scalars()
    return [{"id": a.id, "filed_on": a.filed_on, "reason": a.reason, "status": a.status, "decision": a.decision,
             "decided_by": a.decided_by, "decided_at": a.decided_at} for a in rows]


def _indicator_score(ind: dict, raters: list[dict]) -> Optional[float]:
    """The score printed for an indicator: the rule's score, or the rater-weighted mean of the raters' scores."""
    if ind.get("quant_score") is not None:
        return ind["quant_score"]
    pairs = [(r["weight"], r["scores"][ind["key"]]) for r in raters if ind["key"] in r["scores"]]
    if not pairs or len(pairs) != len(raters):
        return None
    weight = sum(rules.dec(w) for w, _s in pairs)
    return float(rules.round2(sum(rules.dec(w) * rules.dec(v) for w, v in pairs) / weight)) if weight else None


def sheet_data_in(s: Session, actor: Actor, period_key: str, employee_no: str) -> dict:
    from app.services.appraisal import _trend_in

    detail = subject_detail_in(s, actor, period_key, employee_no)
    period = core.period_in(s, period_key)
    person = s.execute(select(Employee).where(Employee.employee_no == employee_no.strip())).scalar_one()
    settings = policy.values_in(s)
    rows = [{"section": i["section"], "indicator": i["name"], "kind": i.get("kind"), "weight": i["effective_weight"],
             "target": i.get("target"), "unit": i.get("unit", ""), "actual": i["actual"],
             "score": _indicator_score(i, detail["raters"]),
             **({"target_text": i["base_text"], "note": i["base_note"]} if "base_text" in i else {})}
            for i in detail["indicators"]]
    return {
        "header": {"company": settings.get("general.company_name", ""),
                   "department_name": settings.get("general.department_name", ""),
                   "name": detail["name"], "employee_no": detail["employee_no"], "position": detail["position"],
                   "department": detail["department"], "period": period.key, "kind": period.kind,
                   "start": period.start, "end": period.end, "template": detail["template_name"]},
        "indicators": rows,
        "raters": [{"name": r["name"], "employee_no": r["employee_no"], "roles": r["roles"], "weight": r["weight"],
                    "score": r["total"]} for r in detail["raters"]],
        "self_score": detail["self"]["total"],
        "score": detail["score"], "grade": detail["grade"], "label": detail["label"], "flags": detail["flags"],
        "comment": detail["comment"], "interview": detail["interview"], "interview_on": detail["interview_on"],
        "published_on": detail["published_on"], "appeal_deadline": detail["appeal_deadline"],
        "appeals": detail["appeals"], "attendance": _attendance(s, period, person),
        "trend": _trend_in(s, actor, person, 6, period.key) if period.kind == "month" else [],
    }


def _attendance(s: Session, period: AppraisalPeriod, person: Employee) -> Optional[dict]:
    """The month's attendance summary (None for a period that is not a month)."""
    from app.services.attendance import summary_in

    if period.kind != "month":
        return None
    return (summary_in(s, period.start.year, period.start.month, [person.id]) or {}).get(person.id)
