"""One person's appraisal in detail: the entry form's data and the printed sheet's data."""

from __future__ import annotations

from decimal import Decimal
from typing import Optional

from sqlalchemy import select
from sqlmodel import Session

from app.i18n import _
from app.models.appraisal import AppraisalAppeal, AppraisalPeriod, AppraisalSubject
from app.models.people import Employee
from app.rules import appraisal as rules
from app.rules import appraisal_growth as growth
from app.rules import grades
from app.rules import raters as raters_rules
from app.rules.appraisal_template import indicators, level_points, quantitative_score, rater_total
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
    read_only = "" if editable else _read_only_reason(period)
    people = _people(s)
    hide = _hide_result(actor, period, subject)
    inds = []
    for ind in indicators(subject.template):
        act = actuals.get(ind["key"])
        inds.append(dict(ind, actual=act.value if act else None, actual_source=act.source if act else "",
                         quant_score=float(quant[ind["key"]]) if ind["key"] in quant else None,
                         **_growth_fields(ind, actuals)))

    def column(rater_id: int, roles: list[str], weight: float, group: str = "") -> dict:
        own = {ind: row for (rid, ind), row in scores.items() if rid == rater_id and ind}
        typed = scores.get((rater_id, ""))
        total = core.rater_result(subject, rater_id, scores, quant)
        no, name = people[rater_id][0], people[rater_id][1]
        own_column = can(actor, "appraisal.enter_for") or actor.employee_id == rater_id
        why = read_only or ("" if own_column else _("Only {name} (or HR typing in the paper sheet) enters this "
                                                    "column's scores.", name=name))
        return {"employee_no": no, "name": name, "roles": roles, "weight": weight, "group": group,
                "can_edit": editable and own_column, "why_read_only": why,
                "scores": {k: r.score for k, r in own.items()}, "levels": {k: r.level for k, r in own.items() if r.level},
                "typed_total": typed.score if typed else None,
                "total": None if (hide and rater_id != subject.employee_id) else (float(total) if total is not None else None)}

    raters = [column(r["employee_id"], r["roles"], r["weight"], r.get("group", "")) for r in subject.raters]
    no, name, pos, dept = people[subject.employee_id]
    return {
        "period": period.key, "kind": period.kind, "state": period.state, "editable": editable,
        "read_only_reason": read_only,
        "employee_no": no, "name": name, "position": pos or "", "department": dept or "",
        "is_rater": actor.employee_id in core.rater_ids(subject), "is_self": actor.employee_id == subject.employee_id,
        "as_manager": subject.as_manager, "template_name": subject.template.get("name", ""),
        "indicators": inds, "raters": raters, "self": column(subject.employee_id, [rules.SELF], 0.0),
        "score": None if hide else subject.final_score, "grade": "" if hide else subject.grade,
        "label": "" if hide else subject.label, "flags": [] if hide else _flags(s, [subject], period, cfg)[subject.id],
        "comment": subject.comment, "interview": subject.interview, "interview_on": subject.interview_on,
        "rescoring_appeal": rescoring.id if rescoring is not None else None,
        "published_on": period.published_on, "appeal_deadline": _deadline(period, cfg),
        "grade_scheme": cfg.scheme_of(subject.template),
        "appeals": _appeals(s, subject), "grades": list(cfg.letters_of(subject.template)),
        "bands": [(g, float(m)) for g, m in cfg.bands_of(subject.template)],
        "labels": {"excellent": cfg.excellent, "qualified": cfg.qualified, "improve_below": cfg.improve_below},
        "grade_names": {g: cfg.catalogue_of(subject.template).name(g) for g in cfg.letters_of(subject.template)},
        "grade_name": "" if hide else cfg.catalogue_of(subject.template).name(subject.grade),
        "label_name": "" if hide else cfg.catalogue.label(subject.label),
        "may_appeal": may_appeal(actor, subject, period, cfg, s),
        "calibration": None if hide else _calibration(s, subject, cfg),  # printed beside the computed grade
    }


def may_appeal(actor: Actor, subject: AppraisalSubject, period: AppraisalPeriod, cfg: core.Config, s: Session,
               on=None) -> bool:
    """Whether ``actor`` may file an appeal against this result now: their own published result, within the
    appeal window, with no appeal still open or being rescored."""
    if actor.employee_id != subject.employee_id or period.published_on is None:
        return False
    if (on or core.today()) > rules.appeal_deadline(period.published_on, cfg.appeal_days):
        return False
    return not any(a["status"] in ("open", "upheld") for a in _appeals(s, subject))


def _number(text) -> Optional[Decimal]:
    if text is None or str(text).strip() == "":
        return None
    try:
        value = rules.dec(str(text).strip().replace(",", "."))
    except ValueError:
        return None
    return value if value.is_finite() and Decimal(0) <= value <= Decimal(100) else None


def live_figures(detail: dict, levels: dict, typed: dict, actuals: dict, bases: dict | None = None) -> dict:
    """What the entry form shows while the user types, by the rules the services save with: the indicator
    scores of the actuals, each rater's total, the final score, grade and monthly label. ``levels`` maps
    (rater no., indicator key) to a level letter or points; ``typed`` rater no. -> a typed total;
    ``actuals`` indicator key -> the actual typed in; ``bases`` a growth indicator's base figure. Nothing is saved.
    A growth indicator without its base figure has no score (``no_base`` lists them)."""
    inds = detail["indicators"]
    quant, no_base = {}, []
    for ind in inds:
        text = str(actuals.get(ind["key"]) or "").strip()
        if ind.get("kind") == "quantitative" and text:
            base = str((bases or {}).get(ind["key"]) or "").strip().replace(",", ".") or None
            try:
                score = quantitative_score(ind, text.replace(",", "."), base)
            except (ValueError, ArithmeticError):
                continue
            if score is None:
                no_base.append(ind["key"])
            else:
                quant[ind["key"]] = score
    totals: dict[str, Optional[Decimal]] = {}
    for c in [*detail["raters"], detail["self"]]:
        no = c["employee_no"]
        if str(typed.get(no) or "").strip():
            totals[no] = _number(typed[no])
            continue
        picked = {}
        for ind in inds:
            value = levels.get((no, ind["key"]))
            if isinstance(value, str):
                value = level_points(ind, value)
            if value is not None:
                picked[ind["key"]] = rules.dec(value)
        merged = dict(quant)
        merged.update(picked)
        totals[no] = rater_total({"sections": _sections(inds)}, merged) if picked or not any(
            i.get("kind") == "qualitative" for i in inds) else None
    counted = [(c["weight"], c.get("group", ""), totals[c["employee_no"]]) for c in detail["raters"]]
    out = {"quant": {k: float(v) for k, v in quant.items()}, "no_base": no_base,
           "totals": {k: (None if v is None else float(v)) for k, v in totals.items()},
           "score": None, "grade": "", "grade_text": "", "label_name": ""}
    if counted and all(total is not None for _w, _g, total in counted):
        final = raters_rules.final_score(counted)
        bands = [(g, rules.dec(m)) for g, m in detail["bands"]]
        grade = rules.grade_for(final, bands)
        lab = detail["labels"]
        label = rules.label_for(final, lab["excellent"], lab["qualified"], lab["improve_below"])
        out.update(score=float(final), grade=grade, grade_text=f"{grade} {detail['grade_names'].get(grade, '')}".strip(),
                   label_name=grades.GradeCatalogue.label(label))
    return out


def _sections(inds: list[dict]) -> list[dict]:
    """The template's sections again from the flat indicator rows the detail carries."""
    sections: dict[str, dict] = {}
    for ind in inds:
        sec = sections.setdefault(ind["section_key"] or ind["section"], {"key": ind["section_key"], "name": ind["section"],
                                                                          "weight": ind["section_weight"], "indicators": []})
        sec["indicators"].append(ind)
    return list(sections.values())


def _growth_fields(ind: dict, actuals: dict) -> dict:
    """A growth indicator's base figure and, when it has none, the note printed instead of a score."""
    if not growth.is_growth(ind):
        return {}
    base = actuals.get(growth.base_key(ind["key"]))
    text, note = base_text(ind, actuals)
    return {"base": base.value if base is not None else None, "base_text": text, "base_note": note}


def _read_only_reason(period: AppraisalPeriod) -> str:
    """Why nobody may change this period's scores now, in the user's words."""
    if period.state == "locked":
        return _("{key} is locked (archived): read-only; an administrator can reopen it with a reason.", key=period.key)
    return _("{key} is {state}: scores changed only during data entry and scoring.", key=period.key,
             state=_(core.STATE_LABELS[period.state]))


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


def sheet_data_in(s: Session, actor: Actor, period_key: str, employee_no: str, rollup: bool = True) -> dict:
    from app.services.appraisal import _trend_in

    if rollup and core.span_of(period_key).kind == "year":  # the annual sheet shows the rolled-up year
        from app.services.appraisal_year import year_sheet_in

        return year_sheet_in(s, actor, period_key, employee_no)
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
                   "start": period.start, "end": period.end, "template": detail["template_name"],
                   "structure": _structure(core.subject_in(s, period, person).template)},
        "indicators": rows,
        "raters": [{"name": r["name"], "employee_no": r["employee_no"], "roles": r["roles"], "weight": r["weight"],
                    "score": r["total"]} for r in detail["raters"]],
        "self_score": detail["self"]["total"],
        "score": detail["score"], "grade": detail["grade"], "label": detail["label"], "flags": detail["flags"],
        "grade_name": detail["grade_name"], "label_name": detail["label_name"], "labels": detail["labels"],
        "calibration": detail["calibration"],
        "comment": detail["comment"], "interview": detail["interview"], "interview_on": detail["interview_on"],
        "published_on": detail["published_on"], "appeal_deadline": detail["appeal_deadline"],
        "appeals": detail["appeals"], "attendance": _attendance(s, period, person),
        "trend": _trend_in(s, actor, person, 6, period.key) if period.kind == "month" else [],
        "annual_report": _annual_report(s, period, person),
    }


def _annual_report(s: Session, period: AppraisalPeriod, person: Employee) -> str:
    """The 述职报告 printed with the annual sheet (app/services/appraisal_feedback.py)."""
    if period.kind != "year":
        return ""
    from app.services.appraisal_feedback_print import annual_report_text

    return annual_report_text(s, period, person.id)


def _calibration(s: Session, subject, cfg) -> Optional[dict]:
    from app.services.appraisal_calibration import calibration_of_in

    c = calibration_of_in(s, subject)
    return None if c is None else {**c, "grade_name": cfg.catalogue_of(subject.template).name(c["grade"])}


def _structure(template: dict) -> dict:
    """What the sheet prints of the template's structure: its scheme, period kind and sections with weights."""
    return {"scheme": template.get("scheme", ""), "period": template.get("period", ""),
            "sections": [(x.get("name", ""), x.get("weight", 0)) for x in template.get("sections", [])]}


def _attendance(s: Session, period: AppraisalPeriod, person: Employee) -> Optional[dict]:
    """The month's attendance summary (None for a period that is not a month)."""
    from app.services.appraisal import attendance_figures_in

    if period.kind != "month":
        return None
    return (attendance_figures_in(s, period.start.year, period.start.month, [person.id]) or {}).get(person.id)
