"""Appraisal use cases (绩效考核): periods and their workflow, scoring, results, flags.

Workflow: 录入 entry → 评分 scoring → 审核 review → 批准 approved → 锁定 locked. Scores and
actuals change only during entry and scoring; approval publishes the results (the appeal window
starts); a locked period is read-only and only an administrator reopens it, with a reason.

Confidentiality: a result is visible to its raters, the employee, hr and admin; anyone else
gets PermissionDenied. Feedback and appeals: app/services/appraisal_feedback.py; imports:
app/services/appraisal_import.py; templates: app/services/appraisal_templates.py.
"""

from __future__ import annotations

from datetime import date
from typing import Optional

from sqlalchemy import select
from sqlmodel import Session

from app.db import reading, transaction
from app.errors import ConflictError, PermissionDenied, ValidationError
from app.i18n import _
from app.models.appraisal import AppraisalActual, AppraisalPeriod, AppraisalSubject
from app.models.org import Department, Position
from app.models.people import Employee
from app.rules import appraisal as rules
from app.rules import appraisal_growth as growth
from app.rules.appraisal_template import indicators, level_points
from app.services import audit
from app.services import appraisal_calibration as calibration
from app.services import appraisal_core as core
from app.services.appraisal_demo import seed_demo_in
from app.services.context import Actor
from app.services.permissions import can, require

DEMO_ORDER = 320  # after attendance (40) and tasks (300): pulled indicators read their figures


# -- periods -------------------------------------------------------------------------------------
def list_periods(actor: Actor) -> list[dict]:
    """Every period, newest first: key, kind, dates, state, publication day, people and how many are scored."""
    require(actor, "appraisal.rate")
    with reading() as s:
        rows = []
        due_day = core.config_in(s).due_day
        for p in s.execute(select(AppraisalPeriod).order_by(AppraisalPeriod.start.desc(), AppraisalPeriod.kind)).scalars():
            subjects = s.execute(select(AppraisalSubject).where(AppraisalSubject.period_id == p.id)).scalars().all()
            due = rules.results_due(p.end, due_day)
            rows.append({"key": p.key, "kind": p.kind, "start": p.start, "end": p.end, "state": p.state,
                         "published_on": p.published_on, "people": len(subjects), "scope": p.scope,
                         "gm_delegated": p.gm_delegated, "due_on": due,
                         "overdue": p.state not in ("approved", "locked") and core.today() > due,
                         "scored": sum(1 for x in subjects if x.final_score is not None)})
        return rows


def open_period(actor: Actor, key: str, scope: str = "all", delegate_gm: bool = False) -> dict:
    """Open a period ("2026-11", "2026-Q4", "2026-H2", "2026") for the people of ``scope`` (all | managers |
    staff | positions:NAME,NAME) with a rater above them. ``delegate_gm`` records 总经理授权分管领导: the
    general manager's weight goes to the supervising leader."""
    require(actor, "appraisal.manage_period")
    span = core.span_of(key)
    with transaction() as s:
        period = core.open_period_in(s, span, actor.username, scope=(scope or "all").strip(), delegate_gm=delegate_gm)
        n = len(s.execute(select(AppraisalSubject.id).where(AppraisalSubject.period_id == period.id)).all())
        audit.record(s, actor, "appraisal.open", "appraisal_period", period.key, None,
                     {"key": period.key, "kind": period.kind, "people": n, "scope": period.scope,
                      "gm_delegated": period.gm_delegated})
        return {"key": period.key, "kind": period.kind, "state": period.state, "people": n, "scope": period.scope}


def period_step(actor: Actor, key: str, on: Optional[date] = None) -> dict:
    """The next step of a period's approval chain as ``actor`` sees it: the action, whether they may take it
    and why not, the confirmation text, the forced-distribution breaches shown before approval, and the
    due date of the results (flagged when overdue)."""
    require(actor, "appraisal.rate")
    with reading() as s:
        return _step_in(s, actor, core.period_in(s, key), on)


def _step_in(s: Session, actor: Actor, period: AppraisalPeriod, on: Optional[date] = None) -> dict:
    cfg = core.config_in(s)
    due = rules.results_due(period.end, cfg.due_day)
    out = {"key": period.key, "state": period.state, "state_name": _(core.STATE_LABELS[period.state]),
           "due_on": due, "overdue": period.state not in ("approved", "locked") and (on or core.today()) > due,
           "next_state": None, "action": "", "confirm": "", "may": False, "why_not": "", "violations": [],
           "needs_reason": False, **_other_actions(s, actor, period, cfg)}
    step = core.STEPS.get(period.state)
    if step is None:
        out["why_not"] = _("Period {key} is locked; an administrator can reopen it with a reason.", key=period.key)
        return out
    nxt, permission, action, confirm = step
    out.update(next_state=nxt, action=_(action), confirm=_(confirm, key=period.key, days=cfg.appeal_days))
    problem = _step_problem(s, actor, period, permission)
    out["may"], out["why_not"] = problem is None, problem or ""
    if nxt == "approved":  # calibrated grades count (app/services/appraisal_calibration.py)
        out["violations"] = calibration.quota_violations_in(s, period, cfg)
        out["needs_reason"] = bool(out["violations"])  # approving over quota: the general manager says why
    return out


def _other_actions(s: Session, actor: Actor, period: AppraisalPeriod, cfg: core.Config) -> dict:
    """The period's actions beside its next step, as the services that take them would answer."""
    editable = period.state in core.EDITABLE_STATES
    return {"may_reopen": period.state == "locked" and can(actor, "appraisal.reopen"),
            "may_calibrate": calibration.why_not_calibrate(s, actor, period, cfg) is None,
            "may_pull": editable and period.kind == "month" and can(actor, "appraisal.manage_period"),
            "may_import": editable and can(actor, "appraisal.enter_for"),
            "may_change_raters": editable and can(actor, "appraisal.manage_period"),  # replace/add, delegation
            "may_mutual_vote": editable and can(actor, "appraisal.mutual_rate"),  # the ballot says if cast already
            "may_mutual_results": can(actor, "appraisal.mutual_results")}


def _step_problem(s: Session, actor: Actor, period: AppraisalPeriod, permission: str) -> Optional[str]:
    """Why ``actor`` may not take the period's next step (None when they may): separation of duties."""
    if not can(actor, permission):
        who = {"appraisal.submit": _("a department head or a manager"), "appraisal.consolidate": _("HR"),
               "appraisal.approve": _("the general manager"), "appraisal.lock": _("HR or an administrator"),
               "appraisal.manage_period": _("a manager or HR")}[permission]
        return _("This step is taken by {who}.", who=who)
    if permission == "appraisal.approve" and actor.employee_id is not None:
        mine = s.execute(select(AppraisalSubject.id).where(AppraisalSubject.period_id == period.id,
                                                           AppraisalSubject.employee_id == actor.employee_id)).scalar()
        if mine is not None:
            return _("You are appraised in {key}; nobody approves a period in which they are a subject.", key=period.key)
    return None


def advance_period(actor: Actor, key: str, on: Optional[date] = None, reason: Optional[str] = None) -> dict:
    """Move a period one step along the chain, by the role the scheme names: start scoring (manager or HR),
    submit for review (a department head or manager; needs everyone fully scored), consolidate (HR), approve
    (the general manager, never in a period they are a subject of; publishes the results; refused while the
    grades break the forced distribution unless ``reason`` says why, recorded and audited), lock (HR or admin)."""
    require(actor, "appraisal.rate")
    with transaction() as s:
        period = core.period_in(s, key)
        step = core.STEPS.get(period.state)
        if step is None:
            raise ConflictError("Period {key} is already locked.", key=period.key)
        nxt, permission, _action, _confirm = step
        problem = _step_problem(s, actor, period, permission)
        if problem is not None:
            raise PermissionDenied("{problem}", problem=problem)
        cfg = core.config_in(s)
        subjects = _subjects(s, period)
        before = {"state": period.state}
        if period.state in core.EDITABLE_STATES:
            core.recompute_subjects(s, subjects, cfg)
        if nxt == "review":
            missing = [_name(s, x) for x in subjects if x.final_score is None]
            if missing:
                raise ConflictError("Not everyone is fully scored yet: {names}.", names=", ".join(missing))
        if nxt == "approved":
            calibration.record_override_in(s, actor, period, calibration.quota_violations_in(s, period, cfg), reason)
            period.published_on = on or core.today()
        period.state = nxt
        audit.record(s, actor, "appraisal.advance", "appraisal_period", period.key, before,
                     {"state": nxt, "published_on": period.published_on})
        return {"key": period.key, "state": period.state, "published_on": period.published_on}


def reopen_period(actor: Actor, key: str, reason: str) -> dict:
    """An administrator reopens a locked period for scoring; the reason goes into the audit log."""
    require(actor, "appraisal.reopen")
    if not reason or not reason.strip():
        raise ValidationError("Give a reason for reopening the period.")
    with transaction() as s:
        period = core.period_in(s, key)
        if period.state != "locked":
            raise ConflictError("Only a locked period can be reopened; {key} is in {state}.", key=period.key,
                                state=_(core.STATE_LABELS[period.state]))
        period.state = "scoring"
        audit.record(s, actor, "appraisal.reopen", "appraisal_period", period.key, {"state": "locked"},
                     {"state": "scoring", "reason": reason.strip()})
        return {"key": period.key, "state": period.state}


def _subjects(s: Session, period: AppraisalPeriod) -> list[AppraisalSubject]:
    return list(s.execute(select(AppraisalSubject).where(AppraisalSubject.period_id == period.id)
                          .order_by(AppraisalSubject.id)).scalars())


def _name(s: Session, subject: AppraisalSubject) -> str:
    e = s.get(Employee, subject.employee_id)
    return f"{e.name} ({e.employee_no})"


# -- scoring -------------------------------------------------------------------------------------
def enter_scores(actor: Actor, period_key: str, employee_no: str, rater_no: str, scores: dict | None = None,
                 total=None, actuals: dict | None = None) -> dict:
    """A rater's scores for one person: indicator scores (0–100, or a rubric level "A".."D" for a
    qualitative indicator) and/or a typed total, plus quantitative actuals. The rater's number equal to
    the person's own number records the self-assessment (shown, never counted). All or nothing."""
    return save_entry_form(actor, period_key, employee_no,
                           [{"rater_no": rater_no, "scores": scores or {}, "total": total}], actuals)


def save_entry_form(actor: Actor, period_key: str, employee_no: str, entries: list[dict],
                    actuals: dict | None = None) -> dict:
    """What the entry form saves in one action: for each rater ``{"rater_no", "scores", "total"}``,
    and the quantitative actuals. All or nothing; returns the new score, grade and label."""
    require(actor, "appraisal.rate")
    with transaction() as s:
        period = core.period_in(s, period_key)
        person = core.employee_in(s, employee_no)
        subject = core.subject_in(s, period, person)
        appeal = core.require_scorable(s, period, subject)
        by_key = {ind["key"]: ind for ind in indicators(subject.template)}
        written: dict = {}
        for entry in entries:
            rater = core.employee_in(s, entry["rater_no"])
            roles = core.require_rate(actor, subject, rater)
            written[rater.employee_no] = _enter_in(s, actor, subject, by_key, rater, roles[0], entry)
        for key, value in (actuals or {}).items():
            _add_actual(s, actor, subject, by_key, key, value, "manual")
            written[f"actual:{key}"] = str(value)
        s.flush()
        before = {"score": subject.final_score, "grade": subject.grade}
        core.recompute_subjects(s, [subject], core.config_in(s))
        audit.record(s, actor, "appraisal.score", "appraisal_subject", subject.id, before,
                     {"period": period.key, "employee": person.employee_no, "entries": written,
                      "score": subject.final_score, "grade": subject.grade,
                      **({"appeal": appeal.id} if appeal is not None else {})})
        return {"score": subject.final_score, "grade": subject.grade, "label": subject.label}


def _enter_in(s: Session, actor: Actor, subject: AppraisalSubject, by_key: dict, rater: Employee, role: str,
              entry: dict) -> dict:
    written = {"role": role}
    for key, value in (entry.get("scores") or {}).items():
        ind = by_key.get(key)
        if ind is None:
            raise ValidationError("The template has no indicator {key}.", key=key)
        level = ""
        if isinstance(value, str) and value.strip().upper() in ("A", "B", "C", "D") and ind.get("kind") == "qualitative":
            level = value.strip().upper()
            points = level_points(ind, level)
            if points is None:
                raise ValidationError("Indicator {indicator} has no level {level}.", indicator=ind["name"], level=level)
            value = points
        core.add_score(s, subject, rater.id, role, key, _number(value), actor.username, level)
        written[key] = str(value)
    total = entry.get("total")
    if total is not None and str(total).strip() != "":
        core.add_score(s, subject, rater.id, role, "", _number(total), actor.username)
        written["total"] = str(total)
    return written


def _number(value):
    try:
        return rules.dec(value)
    except ValueError:
        raise ValidationError("{value!r} is not a number.", value=value) from None


def _add_actual(s: Session, actor: Actor, subject: AppraisalSubject, by_key: dict, key: str, value, source: str) -> None:
    ind = by_key.get(key)
    if ind is None and key.endswith(growth.BASE_SUFFIX):  # a typed base figure of a growth indicator
        ind = by_key.get(key[:-len(growth.BASE_SUFFIX)])
        ind = ind if ind is not None and growth.is_growth(ind) else None
    if ind is None or ind.get("kind") != "quantitative":
        raise ValidationError("{key} is not a quantitative indicator of this template.", key=key)
    if not can(actor, "appraisal.enter_for") and (actor.employee_id not in core.rater_ids(subject)):
        raise ValidationError("Only a rater, HR or an administrator may enter actual values.")
    number = _number(value)
    if number < 0:
        raise ValidationError("The actual value of {indicator} cannot be negative.", indicator=ind["name"])
    s.add(AppraisalActual(subject_id=subject.id, indicator=key, value=float(number), source=source,
                          entered_by=actor.username))


def pull_actuals(actor: Actor, period_key: str) -> dict:
    """Fill quantitative actuals whose indicator names a source ("attendance.absence_days",
    "tasks.on_time_rate") from the attendance summary and task statistics of a monthly period. Returns
    which sources were read and how many values were filled."""
    require(actor, "appraisal.manage_period")
    with transaction() as s:
        period = core.period_in(s, period_key)
        core.require_editable(period)
        if period.kind != "month":
            raise ValidationError("Actuals are pulled for monthly periods only.")
        y, m = period.start.year, period.start.month
        sources = {"attendance": _source(s, "attendance", y, m), "tasks": _source(s, "tasks", y, m)}
        filled = 0
        subjects = _subjects(s, period)
        for subject in subjects:
            for ind in indicators(subject.template):
                area, _dot, fieldname = str(ind.get("source") or "").partition(".")
                data = sources.get(area)
                if ind.get("kind") != "quantitative" or data is None:
                    continue
                value = (data.get(subject.employee_id) or {}).get(fieldname)
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    s.add(AppraisalActual(subject_id=subject.id, indicator=ind["key"], value=float(value),
                                          source=ind["source"], entered_by=actor.username))
                    filled += 1
        s.flush()
        core.recompute_subjects(s, subjects, core.config_in(s))
        result = {"attendance": sources["attendance"] is not None, "tasks": sources["tasks"] is not None, "filled": filled}
        audit.record(s, actor, "appraisal.pull_actuals", "appraisal_period", period.key, None, result)
        return result


def attendance_figures_in(s: Session, year: int, month: int, employee_ids=None) -> dict:
    """{employee_id: summary row} of a month as the attendance report shows it: the stored figures pay was
    based on once the month is closed (考勤封帐), else the live summary. The sheet and the pulled indicators
    read this, so they agree with the report."""
    from app.services.attendance import summary_in
    from app.services.month_close import snapshot_in

    frozen = snapshot_in(s, f"{year}-{month:02d}")
    if frozen is None:
        return summary_in(s, year, month, employee_ids)
    ids = dict(s.execute(select(Employee.employee_no, Employee.id)).all())
    wanted = None if employee_ids is None else set(employee_ids)
    return {ids[r["employee_no"]]: r for r in frozen[1]
            if r["employee_no"] in ids and (wanted is None or ids[r["employee_no"]] in wanted)}


def _source(s: Session, area: str, year: int, month: int) -> dict:
    if area == "attendance":
        return attendance_figures_in(s, year, month)
    from app.services.tasks import stats_in

    return stats_in(s, year, month)


# -- results -------------------------------------------------------------------------------------
def _flags(s: Session, subjects: list[AppraisalSubject], period: AppraisalPeriod, cfg: core.Config) -> dict[int, list[str]]:
    ids = [x.employee_id for x in subjects]
    if period.kind not in ("month", "year") or not ids:
        return {x.id: [] for x in subjects}
    rows = s.execute(select(AppraisalSubject.employee_id, AppraisalPeriod.start, AppraisalSubject.label,
                            AppraisalSubject.grade)
                     .join(AppraisalPeriod, AppraisalPeriod.id == AppraisalSubject.period_id)
                     .where(AppraisalPeriod.kind == period.kind, AppraisalSubject.employee_id.in_(ids),
                            AppraisalPeriod.start <= period.start, AppraisalSubject.grade != "")).all()
    history: dict[int, dict] = {i: {} for i in ids}
    for emp, start, label, grade in rows:
        if period.kind == "month":
            history[emp][(start.year, start.month)] = label
        else:
            history[emp][start.year] = grade
    out = {}
    hired = dict(s.execute(select(Employee.id, Employee.hire_date).where(Employee.id.in_(ids))).all())
    for x in subjects:
        if period.kind == "month":
            out[x.id] = rules.monthly_flags(history[x.employee_id], period.start.year, period.start.month,
                                            cfg.star, cfg.warning, cfg.no_bonus)
        else:
            out[x.id] = rules.yearly_flags(history[x.employee_id], period.start.year, cfg.letters[-1])
            if rules.open_ended_contract(history[x.employee_id], period.start.year, hired.get(x.employee_id)):
                out[x.id].append("open_ended_contract")
    return out


def _people(s: Session) -> dict[int, tuple]:
    q = (select(Employee.id, Employee.employee_no, Employee.name, Position.name, Department.name)
         .outerjoin(Position, Position.id == Employee.position_id)
         .outerjoin(Department, Department.id == Position.department_id))
    return {r[0]: r[1:] for r in s.execute(q).all()}


def results_in(s: Session, actor: Actor, period: AppraisalPeriod) -> list[dict]:
    cfg = core.config_in(s)
    subjects = [x for x in _subjects(s, period) if core.may_view(actor, x)]
    flags = _flags(s, subjects, period, cfg)
    people = _people(s)
    scores = core.latest_scores(s, [x.id for x in subjects])
    published = period.state in ("approved", "locked")
    rows = []
    for x in subjects:
        no, name, pos, dept = people[x.employee_id]
        hidden = not published and not can(actor, "appraisal.view_all") and actor.employee_id == x.employee_id
        done = sum(1 for r in x.raters if any(rid == r["employee_id"] for rid, _i in scores[x.id]))
        my_roles = core.role_for(x, actor.employee_id) if actor.employee_id is not None else None
        rows.append({
            "employee_no": no, "name": name, "position": pos or "", "department": dept or "",
            "as_manager": x.as_manager, "raters_done": done, "raters": len(x.raters),
            "status": "complete" if x.final_score is not None else ("partial" if done else "not_started"),
            "score": None if hidden else x.final_score, "grade": "" if hidden else x.grade,
            "label": "" if hidden else x.label, "flags": [] if hidden else flags[x.id],
            "grade_name": "" if hidden else cfg.catalogue_of(x.template).name(x.grade),
            "grade_text": "" if hidden else cfg.catalogue_of(x.template).text(x.grade),
            "label_name": "" if hidden else cfg.catalogue.label(x.label),
            "grade_scheme": cfg.scheme_of(x.template),
            "my_roles": my_roles or [],
        })
    return sorted(rows, key=lambda r: r["employee_no"])


def period_results(actor: Actor, period_key: str) -> list[dict]:
    """The results of a period the actor may see (raters their ratees, staff themselves, hr/admin all):
    employee_no, name, position, department, status, score, grade, label, flags."""
    require(actor, "appraisal.rate")
    with reading() as s:
        return results_in(s, actor, core.period_in(s, period_key))


def printable_periods(actor: Actor) -> list[dict]:
    """The periods whose sheets can be printed, newest first: every opened period, plus each year with
    published results (its annual sheet rolls them up) — {"key", "kind"}."""
    rows = [{"key": p["key"], "kind": p["kind"], "start": p["start"]} for p in list_periods(actor)]
    years = {p["start"].year for p in list_periods(actor) if p["state"] in ("approved", "locked")}
    for year in years - {r["start"].year for r in rows if r["kind"] == "year"}:
        rows.append({"key": str(year), "kind": "year", "start": date(year, 1, 1)})
    rows.sort(key=lambda r: (r["start"].year, r["kind"] == "year", r["start"]), reverse=True)
    return [{"key": r["key"], "kind": r["kind"]} for r in rows]


def printable_people(actor: Actor, period_key: str) -> list[dict]:
    """Whose sheets a period prints: its results; for a year, everyone with a rolled-up year score
    (whether or not an annual period was opened) whom the actor may see."""
    span = core.span_of(period_key)
    if span.kind != "year":
        return period_results(actor, period_key)
    require(actor, "appraisal.rate")
    with reading() as s:
        from app.services.appraisal_year import year_in

        rolled = year_in(s, span.year)
        people = _people(s)
        rows = [{"employee_no": people[i][0], "name": people[i][1], "position": people[i][2] or "",
                 "department": people[i][3] or "", "score": r["score"], "grade": r["grade"]}
                for i, r in rolled.items() if can(actor, "appraisal.view_all") or actor.employee_id == i]
        return sorted(rows, key=lambda r: r["employee_no"])


def month_report(actor: Actor, period_key: str) -> dict:
    """The CLI's `appraisal month`: everyone's score, grade, label and flags, the grade distribution,
    and where it breaks the forced distribution (four-grade scheme)."""
    require(actor, "appraisal.view_all")
    with reading() as s:
        period = core.period_in(s, period_key)
        cfg = core.config_in(s)
        rows = results_in(s, actor, period)
        grades = [r["grade"] for r in rows if r["grade"]]
        forced, letters, violations = _forced(rows, period, cfg)
        return {
            "period": period.key, "state": period.state,
            "employees": [{k: r[k] for k in ("employee_no", "name", "score", "grade", "label", "flags", "grade_name",
                                             "label_name")} for r in rows],
            "distribution": rules.distribution(grades, letters), "violations": violations,
        }


def distribution_check(actor: Actor, period_key: str) -> dict:
    """Grade counts of the people the actor may see, the quota and the violations (shown before approval)."""
    require(actor, "appraisal.rate")
    with reading() as s:
        period = core.period_in(s, period_key)
        cfg = core.config_in(s)
        rows = results_in(s, actor, period)
        grades = [r["grade"] for r in rows if r["grade"]]
        forced, letters, violations = _forced(rows, period, cfg)
        return {"distribution": rules.distribution(grades, letters), "forced": forced,
                "quota": cfg.quota if forced else {}, "violations": violations}


def _forced(rows: list[dict], period: AppraisalPeriod, cfg: core.Config) -> tuple[bool, tuple, list]:
    """Whether the forced distribution applies, the letters the distribution counts, and its violations. It
    applies to the people graded with the four-grade scheme (the setting's, or their template's own), never
    at year end; the distribution counts five letters as soon as anyone is graded with five."""
    schemes = {r["grade_scheme"] for r in rows} or {cfg.scheme}
    letters = rules.FIVE_GRADES if "five" in schemes else rules.FOUR_GRADES
    forced = "four" in schemes and period.kind != "year"  # never applied at year end
    four = [r["grade"] for r in rows if r["grade"] and r["grade_scheme"] == "four"]
    return forced, letters, (rules.forced_distribution_violations(four, cfg.quota) if forced else [])


def trend(actor: Actor, employee_no: str, months: int = 6, until: Optional[str] = None) -> list[dict]:
    """The person's monthly scores (oldest first) over the last ``months`` months up to ``until``."""
    require(actor, "appraisal.rate")
    with reading() as s:
        person = core.employee_in(s, employee_no)
        return _trend_in(s, actor, person, months, until)


def _trend_in(s: Session, actor: Actor, person: Employee, months: int, until: Optional[str]) -> list[dict]:
    rows = s.execute(select(AppraisalPeriod, AppraisalSubject)
                     .join(AppraisalSubject, AppraisalSubject.period_id == AppraisalPeriod.id)
                     .where(AppraisalPeriod.kind == "month", AppraisalSubject.employee_id == person.id)
                     .order_by(AppraisalPeriod.start)).all()
    if until:
        end = core.span_of(until).start
        rows = [r for r in rows if r[0].start <= end]
    out = []
    for period, subject in rows[-months:]:
        core.require_view(actor, subject)
        hidden = (actor.employee_id == person.id and not can(actor, "appraisal.view_all")
                  and period.state not in ("approved", "locked"))
        if subject.final_score is not None and not hidden:
            out.append({"period": period.key, "score": subject.final_score, "grade": subject.grade})
    return out


def subject_detail(actor: Actor, period_key: str, employee_no: str) -> dict:
    """Everything the entry form shows for one person (see appraisal_sheet.subject_detail_in)."""
    from app.services.appraisal_sheet import subject_detail_in

    require(actor, "appraisal.rate")
    with reading() as s:
        return subject_detail_in(s, actor, period_key, employee_no)


def sheet_data(actor: Actor, period_key: str, employee_no: str) -> dict:
    """Everything the monthly appraisal sheet (月度绩效考核表) prints for one person: header, indicator
    rows (weight, target, actual, score), raters (weight, score), final score, grade, label, flags,
    comment, interview record, appeal deadline and the last six months' scores for the trend."""
    from app.services.appraisal_sheet import sheet_data_in

    require(actor, "appraisal.rate")
    with reading() as s:
        return sheet_data_in(s, actor, period_key, employee_no)


def seed_demo(session: Session, actor: Actor, today: date) -> None:
    """The demo: the last six months locked with everybody scored, and this month open for scoring."""
    seed_demo_in(session, actor, today)

