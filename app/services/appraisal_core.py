"""Inside-a-transaction helpers of the appraisal services: settings, periods, subjects, scoring.

The public use cases are in app/services/appraisal.py; these take a session and never check
permissions themselves.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Iterable, Optional

from sqlalchemy import select
from sqlmodel import Session

from app.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from app.i18n import N_
from app.models.appraisal import AppraisalActual, AppraisalAppeal, AppraisalPeriod, AppraisalScore, AppraisalSubject
from app.models.org import Department, Position
from app.models.people import Employee
from app.rules import appraisal as rules
from app.rules import grades, raters
from app.rules.appraisal_template import indicators, quantitative_score, rater_total
from app.services import policy
from app.rules.appraisal_growth import base_key
from app.services.appraisal_growth import add_base_figures, require_base_periods
from app.services.appraisal_templates import default_template, stored_templates
from app.services.context import Actor
from app.services.permissions import can

STATE_LABELS = {"entry": N_("Data entry"), "scoring": N_("Scoring"), "review": N_("Review"),
                "consolidated": N_("Consolidated by HR"), "approved": N_("Approved"), "locked": N_("Locked")}
# the approval chain (domain.md §5): state -> (next state, permission, action, what confirming does)
STEPS = {
    "entry": ("scoring", "appraisal.manage_period", N_("Start scoring"),
              N_("Start scoring {key}? The raters can then enter their scores.")),
    "scoring": ("review", "appraisal.submit", N_("Submit for review"),
                N_("Submit {key} for review? Scores are frozen from now on; HR consolidates next.")),
    "review": ("consolidated", "appraisal.consolidate", N_("Consolidate"),
               N_("Mark {key} as consolidated by HR? The general manager can then approve it.")),
    "consolidated": ("approved", "appraisal.approve", N_("Approve"),
                     N_("Approve {key}? The results are published to the employees today and the appeal window "
                        "of {days} days starts.")),
    "approved": ("locked", "appraisal.lock", N_("Lock"),
                 N_("Lock {key}? Its results become read-only; only an administrator can reopen it, with a reason.")),
}
LABEL_NAMES = grades.LABEL_NAMES  # the one catalogue: app/rules/grades.py
FLAG_NAMES = {"star_employee": N_("Star employee"), "warning": N_("Warning"),
              "no_year_end_bonus": N_("No year-end bonus"), "salary_step": N_("Salary step"),
              "non_renewal_review": N_("Contract non-renewal review"),
              "open_ended_contract": N_("Open-ended contract review")}
ROLE_NAMES = {"gm": N_("General manager"), "leader": N_("Supervising leader"), "head": N_("Department head"),
              "peer": N_("Peer"), "subordinate": N_("Subordinate"), "self": N_("Self-assessment")}
KIND_NAMES = {"month": N_("Monthly"), "quarter": N_("Quarterly"), "half": N_("Semi-annual"), "year": N_("Annual")}
EDITABLE_STATES = ("entry", "scoring")
# an appeal is open, upheld (the person's result is reopened for rescoring), rescored, or rejected
APPEAL_STATUS = {"open": N_("Appeal open"), "upheld": N_("Appeal upheld, being rescored"), "rescored": N_("Appeal upheld, rescored"),
                 "rejected": N_("Appeal rejected")}


@dataclass
class Config:
    staff_weights: list
    manager_weights: list
    bands: list
    letters: tuple
    scheme: str
    quota: dict
    excellent: float
    qualified: float
    improve_below: float
    star: int
    warning: int
    no_bonus: int
    appeal_days: int
    catalogue: grades.GradeCatalogue = None
    due_day: int = 10
    year_from: str = "months"
    year_own_weight: int = 30
    bands_by: dict = None  # scheme (five / four) -> its bands, for a template that names its own scheme
    catalogues: dict = None  # scheme -> its GradeCatalogue

    def scheme_of(self, template: dict | None) -> str:
        """The grade scheme a subject is graded with: its template's own (a scheme of the library names
        "grades": "four" or "five"), else the setting appraisal.grade_scheme."""
        own = (template or {}).get("grades")
        return own if own in ("five", "four") and self.bands_by else self.scheme

    def bands_of(self, template: dict | None) -> list:
        return self.bands_by[self.scheme_of(template)] if self.bands_by else self.bands

    def catalogue_of(self, template: dict | None) -> grades.GradeCatalogue:
        return self.catalogues[self.scheme_of(template)] if self.catalogues else self.catalogue

    def letters_of(self, template: dict | None) -> tuple:
        return rules.FOUR_GRADES if self.scheme_of(template) == "four" else rules.FIVE_GRADES


def config_in(s: Session) -> Config:
    v = policy.values_in(s)
    for key in ("appraisal.weights_staff", "appraisal.weights_manager"):
        problem = rules.weights_problem(v[key])
        if problem:
            raise ValidationError("Setting {key}: {problem}", key=key, problem=problem)
    scheme = v["appraisal.grade_scheme"]
    letters = rules.FOUR_GRADES if scheme == "four" else rules.FIVE_GRADES
    return Config(
        staff_weights=v["appraisal.weights_staff"], manager_weights=v["appraisal.weights_manager"],
        bands=rules.grade_bands(scheme, v["appraisal.grade_bands_five"], v["appraisal.grade_bands_four"]),
        letters=letters, scheme=scheme, quota=dict(zip(rules.FOUR_GRADES, v["appraisal.forced_distribution"])),
        excellent=v["appraisal.label_excellent"], qualified=v["appraisal.label_qualified"],
        improve_below=v["appraisal.label_improve_below"], star=v["appraisal.star_months"],
        warning=v["appraisal.warning_months"], no_bonus=v["appraisal.no_bonus_months"],
        appeal_days=v["appraisal.appeal_days"], catalogue=grades.catalogue(v),
        due_day=v.get("appraisal.results_due_day", 10), year_from=v.get("appraisal.year_from", "months"),
        year_own_weight=v.get("appraisal.year_own_weight", 30),
        bands_by={x: rules.grade_bands(x, v["appraisal.grade_bands_five"], v["appraisal.grade_bands_four"])
                  for x in ("five", "four")},
        catalogues={x: grades.catalogue(v, x) for x in ("five", "four")},
    )


def span_of(key: str) -> rules.PeriodSpan:
    try:
        return rules.parse_period_key(key)
    except ValueError:
        raise ValidationError("{value!r} is not a period; write 2026-11 (month), 2026-Q4, 2026-H2 or 2026.", value=key) from None


def period_in(s: Session, key: str) -> AppraisalPeriod:
    span = span_of(key)
    row = s.execute(select(AppraisalPeriod).where(AppraisalPeriod.key == span.key)).scalar()
    if row is None:
        raise NotFound("There is no appraisal period {key}; open it first.", key=span.key)
    return row


def employee_in(s: Session, employee_no: str) -> Employee:
    e = s.execute(select(Employee).where(Employee.employee_no == str(employee_no).strip())).scalar()
    if e is None:
        raise NotFound("There is no employee with no. {no}.", no=employee_no)
    return e


def subject_in(s: Session, period: AppraisalPeriod, employee: Employee) -> AppraisalSubject:
    row = s.execute(select(AppraisalSubject).where(AppraisalSubject.period_id == period.id,
                                                   AppraisalSubject.employee_id == employee.id)).scalar()
    if row is None:
        raise NotFound("{name} ({no}) is not appraised in {key}.", name=employee.name, no=employee.employee_no, key=period.key)
    return row


def require_editable(period: AppraisalPeriod) -> None:
    if period.state == "locked":
        raise ConflictError("Period {key} is locked and read-only; an administrator can reopen it with a reason.", key=period.key)
    if period.state not in EDITABLE_STATES:
        raise ConflictError("Period {key} is in {state}; scores can only change during data entry and scoring.",
                            key=period.key, state=_state(period.state))


def rescoring_appeal(s: Session, subject: AppraisalSubject) -> Optional[AppraisalAppeal]:
    """The upheld appeal that reopened this person's result for rescoring, if any."""
    return s.execute(select(AppraisalAppeal).where(AppraisalAppeal.subject_id == subject.id,
                                                   AppraisalAppeal.status == "upheld")).scalar()


def require_scorable(s: Session, period: AppraisalPeriod, subject: AppraisalSubject) -> Optional[AppraisalAppeal]:
    """Scores may change while the period is in entry or scoring, or when an upheld appeal reopened this
    person's result; returns that appeal (for the audit trail) or None."""
    if period.state in EDITABLE_STATES:
        return None
    appeal = rescoring_appeal(s, subject)
    if appeal is None:
        require_editable(period)
    return appeal


def _state(state: str) -> str:
    from app.i18n import _

    return _(STATE_LABELS.get(state, state))


# -- opening a period ------------------------------------------------------------------------
@dataclass
class RaterPlan:
    """The org facts of one period's roster, resolved once: who is a middle manager, each department's
    head (rules/raters.py), and each person's position."""

    facts: raters.OrgFacts
    heads: dict
    positions: dict
    people: list

    def heads_explained(self, why: dict) -> dict:
        """The heads again, filling ``why`` with how each was found (set, position, lead, parent)."""
        return raters.department_heads(self.facts, why)

    def position_of(self, e: Employee) -> Optional[Position]:
        return self.positions.get(e.position_id)

    def raters_of(self, e: Employee, template: dict, cfg: "Config", delegate_gm: bool = False) -> list[raters.Rater]:
        return raters.resolve_raters(e.id, self.facts, self.heads,
                                     weights_for(template, e.id in self.facts.managers, cfg), delegate_gm)


def weights_for(template: dict, as_manager: bool, cfg: "Config") -> dict:
    """The role -> weight map of a template (its own "raters", for 360° kinds) or of the settings."""
    own = (template or {}).get("raters")
    if own:
        return dict(own)
    return dict(zip(raters.ROLES, cfg.manager_weights if as_manager else cfg.staff_weights))


def rater_plan(s: Session, span: Optional[rules.PeriodSpan] = None) -> RaterPlan:
    """The reporting tree and departments of the people active in ``span`` (current people when None)."""
    people = [e for e in s.execute(select(Employee)).scalars() if _active(e, span)]
    positions = {p.id: p for p in s.execute(select(Position)).scalars()}
    depts = list(s.execute(select(Department)).scalars())
    ids = {e.id for e in people}
    manager_of = {e.id: (e.manager_id if e.manager_id in ids else None) for e in people}
    dept_of = {e.id: (positions[e.position_id].department_id if e.position_id in positions else None) for e in people}
    seats: dict[int, list[int]] = {}
    for e in people:
        pos = positions.get(e.position_id)
        if pos is not None and pos.is_manager:
            seats.setdefault(pos.department_id, []).append(e.id)
    has_reports = {m for m in manager_of.values() if m is not None}
    facts = raters.OrgFacts(manager_of=manager_of, department_of=dept_of, parent_of={d.id: d.parent_id for d in depts},
                            explicit_head={d.id: d.head_id for d in depts if d.head_id}, manager_seats=seats)
    heads = raters.department_heads(facts)
    managers = frozenset(e.id for e in people if e.id in has_reports or e.id in heads.values()
                         or bool(positions.get(e.position_id) and positions[e.position_id].is_manager))
    facts.managers = managers
    return RaterPlan(facts, heads, positions, people)


def stored_raters(found: list[raters.Rater]) -> list[dict]:
    return [{"employee_id": r.employee_id, "roles": r.roles, "weight": float(r.weight),
             **({"group": r.group} if r.group else {})} for r in found]


def open_period_in(s: Session, span: rules.PeriodSpan, by: str, state: str = "entry", scope: str = "all",
                   delegate_gm: bool = False) -> AppraisalPeriod:
    if s.execute(select(AppraisalPeriod.id).where(AppraisalPeriod.key == span.key)).scalar() is not None:
        raise ConflictError("Appraisal period {key} is already open.", key=span.key)
    cfg = config_in(s)
    plan = rater_plan(s, span)
    in_scope = scope_filter(s, scope, plan)
    period = AppraisalPeriod(key=span.key, kind=span.kind, start=span.start, end=span.end, state=state, created_by=by,
                             scope=scope, gm_delegated=delegate_gm)
    s.add(period)
    s.flush()
    edited = stored_templates(s)
    for e in plan.people:
        if not in_scope(e):
            continue
        pos = plan.position_of(e)
        as_manager = e.id in plan.facts.managers
        template = (copy.deepcopy(edited[pos.id]) if pos and pos.id in edited
                    else default_template(pos.name if pos else "", as_manager))
        found = plan.raters_of(e, template, cfg, delegate_gm)
        if not found:
            continue  # the top of the tree: nobody above to rate them
        s.add(AppraisalSubject(period_id=period.id, employee_id=e.id, as_manager=as_manager, template=template,
                               raters=stored_raters(found)))
    s.flush()
    require_base_periods(s, period)
    return period


def scope_filter(s: Session, scope: str, plan: RaterPlan):
    """Who a period covers: all | managers | staff | positions:NAME,NAME (a name unknown -> refused)."""
    text = (scope or "all").strip()
    if text == "all":
        return lambda e: True
    if text == "managers":
        return lambda e: e.id in plan.facts.managers
    if text == "staff":
        return lambda e: e.id not in plan.facts.managers
    if text.startswith("positions:"):
        names = [n.strip() for n in text[len("positions:"):].replace("，", ",").split(",") if n.strip()]
        known = {p.name for p in plan.positions.values()}
        unknown = [n for n in names if n not in known]
        if not names or unknown:
            raise ValidationError("Scope names unknown positions: {names}. Known positions: {known}.",
                                  names=", ".join(unknown) or "-", known=", ".join(sorted(known)))
        ids = {p.id for p in plan.positions.values() if p.name in names}
        return lambda e: e.position_id in ids
    raise ValidationError("{value!r} is not a scope; write all, managers, staff or positions:NAME,NAME.", value=scope)


def _active(e: Employee, span: Optional[rules.PeriodSpan]) -> bool:
    if span is None:
        return e.status != "left"
    if e.hire_date and e.hire_date > span.end:
        return False
    if e.status == "left" and (e.leave_date is None or e.leave_date < span.start):
        return False
    return True


# -- scores ------------------------------------------------------------------------------------
def rater_ids(subject: AppraisalSubject) -> list[int]:
    return [r["employee_id"] for r in subject.raters]


def may_view(actor: Actor, subject: AppraisalSubject) -> bool:
    """Confidentiality: the raters, the employee, hr and admin only."""
    if can(actor, "appraisal.view_all"):
        return True
    return actor.employee_id is not None and (actor.employee_id == subject.employee_id
                                              or actor.employee_id in rater_ids(subject))


def require_view(actor: Actor, subject: AppraisalSubject) -> None:
    if not may_view(actor, subject):
        raise PermissionDenied("This appraisal result is confidential: only its raters, the employee, HR and "
                               "administrators may see it.")


def role_for(subject: AppraisalSubject, rater_id: int) -> Optional[list[str]]:
    if rater_id == subject.employee_id:
        return [rules.SELF]
    for r in subject.raters:
        if r["employee_id"] == rater_id:
            return list(r["roles"])
    return None


def require_rate(actor: Actor, subject: AppraisalSubject, rater: Employee) -> list[str]:
    """The roles ``rater`` holds for the subject, if ``actor`` may enter that rater's score."""
    roles = role_for(subject, rater.id)
    if roles is None:
        raise ValidationError("{name} ({no}) is not a rater of this person.", name=rater.name, no=rater.employee_no)
    if can(actor, "appraisal.enter_for"):  # hr / admin type in the paper sheets on a rater's behalf
        return roles
    if not can(actor, "appraisal.rate") or actor.employee_id != rater.id:
        raise PermissionDenied("You may only enter your own scores, as a rater of this person or for yourself.")
    return roles


def latest_scores(s: Session, subject_ids: Iterable[int]) -> dict[int, dict[tuple[int, str], AppraisalScore]]:
    ids = list(subject_ids)
    out: dict[int, dict] = {i: {} for i in ids}
    if not ids:
        return out
    for row in s.execute(select(AppraisalScore).where(AppraisalScore.subject_id.in_(ids))
                         .order_by(AppraisalScore.id)).scalars():
        out[row.subject_id][(row.rater_id, row.indicator)] = row
    return out


def latest_actuals(s: Session, subject_ids: Iterable[int]) -> dict[int, dict[str, AppraisalActual]]:
    ids = list(subject_ids)
    out: dict[int, dict] = {i: {} for i in ids}
    if not ids:
        return out
    for row in s.execute(select(AppraisalActual).where(AppraisalActual.subject_id.in_(ids))
                         .order_by(AppraisalActual.id)).scalars():
        out[row.subject_id][row.indicator] = row
    return out


def quantitative_scores(subject: AppraisalSubject, actuals: dict[str, AppraisalActual]) -> dict[str, Decimal]:
    """Rule scores of the quantitative indicators with an actual; a growth indicator without a base
    figure ("<key>@base", see appraisal_growth.add_base_figures) has none."""
    out = {}
    for ind in indicators(subject.template):
        if ind.get("kind") == "quantitative" and ind["key"] in actuals:
            base = actuals.get(base_key(ind["key"]))
            score = quantitative_score(ind, actuals[ind["key"]].value, base.value if base is not None else None)
            if score is not None:
                out[ind["key"]] = score
    return out


def rater_result(subject: AppraisalSubject, rater_id: int, scores: dict, quant: dict) -> Optional[Decimal]:
    """A rater's total: computed from indicator scores when complete and newer than a typed total,
    else the typed total; None while the rater has not scored."""
    direct = scores.get((rater_id, ""))
    own = {ind: row for (rid, ind), row in scores.items() if rid == rater_id and ind}
    if not own and direct is None:
        if all(ind.get("kind") == "quantitative" for ind in indicators(subject.template)):
            return rater_total(subject.template, quant)  # nothing to judge (e.g. quarterly-growth): the figures decide
        return None
    merged = dict(quant)
    merged.update({k: row.score for k, row in own.items()})
    computed = rater_total(subject.template, merged) if own else None
    newest_own = max((row.id for row in own.values()), default=0)
    if computed is not None and (direct is None or newest_own > direct.id):
        return computed
    return rules.round2(direct.score) if direct is not None else None


def recompute(subject: AppraisalSubject, cfg: Config, scores: dict, actuals: dict) -> None:
    quant = quantitative_scores(subject, actuals)
    items = []
    for r in subject.raters:
        total = rater_result(subject, r["employee_id"], scores, quant)
        if total is None:
            subject.final_score, subject.grade, subject.label = None, "", ""
            return
        items.append((r["weight"], r.get("group", ""), total))
    final = raters.final_score(items)
    subject.final_score = float(final)
    subject.grade = rules.grade_for(final, cfg.bands_of(subject.template))
    subject.label = rules.label_for(final, cfg.excellent, cfg.qualified, cfg.improve_below)


def recompute_subjects(s: Session, subjects: list[AppraisalSubject], cfg: Config) -> None:
    ids = [x.id for x in subjects]
    scores, actuals = latest_scores(s, ids), latest_actuals(s, ids)
    add_base_figures(s, subjects, actuals)
    for subject in subjects:
        recompute(subject, cfg, scores[subject.id], actuals[subject.id])


def add_score(s: Session, subject: AppraisalSubject, rater_id: int, role: str, indicator: str, score, by: str,
              level: str = "") -> AppraisalScore:
    value = rules.dec(score)
    if not Decimal(0) <= value <= Decimal(100):
        raise ValidationError("A score must be from 0 to 100 (got {score}).", score=str(score))
    row = AppraisalScore(subject_id=subject.id, rater_id=rater_id, rater_role=role, indicator=indicator,
                         score=float(rules.round2(value)), level=level, entered_by=by)
    s.add(row)
    return row


def today() -> date:
    return date.today()


def add_scores_bulk(s: Session, rows: list[dict], by: str) -> None:
    """Many already-validated scores in one statement (imports):
    dicts with subject_id, rater_id, rater_role, indicator, score (0–100)."""
    if not rows:
        return
    from sqlalchemy import insert

    from app.models._base import now

    at = now()
    s.execute(insert(AppraisalScore), [dict(r, score=float(rules.round2(r["score"])), level="", entered_at=at,
                                            entered_by=by) for r in rows])
