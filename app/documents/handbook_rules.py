"""The rule sentences of the handbook, with the numbers of the policy in force filled in.

Each number is looked up under the policy keys the attendance and appraisal areas declare
(several spellings are tried, first match wins); a key that does not exist yet falls back
to the shipped default of domain.md, so the handbook is complete on any database.
Pure functions over a dict of values: no session, no reportlab.
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from app.i18n import N_, _
from app.rules.grades import catalogue

# name -> (policy keys tried in order, domain.md default)
RULE_VALUES: dict[str, tuple[tuple[str, ...], Any]] = {
    "am_start": (("attendance.morning_start", "attendance.am_start", "attendance.work_start"), "08:30"),
    "am_end": (("attendance.morning_end", "attendance.am_end", "attendance.lunch_start"), "12:00"),
    "pm_start": (("attendance.afternoon_start", "attendance.pm_start", "attendance.lunch_end"), "13:30"),
    "pm_end": (("attendance.afternoon_end", "attendance.pm_end", "attendance.work_end"), "17:30"),
    "duty_per_day": (("attendance.duty_per_day", "attendance.duty_people_per_day", "attendance.roster_per_day"), 2),
    "off_post_minutes": (("attendance.off_post_absence_minutes", "attendance.off_post_minutes"), 60),
    "late_absence_minutes": (("attendance.long_absence_minutes", "attendance.late_absence_minutes", "attendance.late_as_absence_minutes",
                              "attendance.absence_after_minutes"), 60),
    "early_is_absence": (("attendance.early_leave_is_absence", "attendance.early_leave_counts_as_absence"), True),
    "leave_notice_days": (("leave.notice_days", "attendance.leave_notice_days"), 1),
    "personal_supervisor_days": (("leave.personal_supervisor_max_days", "leave.personal_supervisor_days",
                                  "attendance.personal_leave_supervisor_days"), 2),
    "sick_no_certificate_days": (("leave.sick_certificate_days", "leave.sick_without_certificate_days", "leave.sick_certificate_after_days",
                                  "attendance.sick_certificate_after_days"), 1),
    "sick_supervisor_days": (("leave.sick_supervisor_max_days", "leave.sick_supervisor_days",
                              "attendance.sick_leave_supervisor_days"), 3),
    "penalty_first": (("attendance.penalty_first", "attendance.absence_penalty_first"), 100),
    "penalty_second": (("attendance.penalty_second", "attendance.absence_penalty_second"), 300),
    "dismiss_consecutive": (("attendance.dismiss_consecutive_days", "attendance.dismissal_consecutive_days"), 2),
    "dismiss_per_year": (("attendance.dismissal_year_days", "attendance.dismiss_days_per_year", "attendance.dismissal_days_per_year"), 3),
    "pay_day": (("attendance.pay_day", "general.pay_day"), 18),
    "excellent_min": (("appraisal.label_excellent", "appraisal.excellent_min", "appraisal.monthly_excellent_min"), 90),
    "qualified_min": (("appraisal.label_qualified", "appraisal.qualified_min", "appraisal.monthly_qualified_min"), 80),
    "improve_below": (("appraisal.label_improve_below", "appraisal.improve_below", "appraisal.needs_improvement_below"), 60),
    "warning_months": (("appraisal.warning_months", "appraisal.warning_after_months"), 2),
    "no_bonus_months": (("appraisal.no_bonus_months", "appraisal.bonus_cancel_months"), 3),
    "star_months": (("appraisal.star_months", "appraisal.star_employee_months"), 3),
    "grade_bands": (("appraisal.grade_bands_five", "appraisal.grade_bands", "appraisal.grade_floors"), [90, 80, 70, 60]),
    "staff_weights": (("appraisal.staff_rater_weights", "appraisal.weights_staff"), [10, 20, 70]),
    "manager_weights": (("appraisal.manager_rater_weights", "appraisal.weights_manager"), [30, 70]),
    "results_day": (("appraisal.results_day", "appraisal.results_by_day"), 10),
    "appeal_days": (("appraisal.appeal_days", "appraisal.appeal_window_days"), 7),
}

GRADES_SENTENCE = N_("Grades: {grades}.")
FORCED_SENTENCE = N_("Forced distribution of the four grades: A {a}%, B {b}%, C {c}%, D {d}%; it is not applied "
                     "to the year-end appraisal.")

ATTENDANCE_SENTENCES = [
    N_("Working hours are {am_start}–{am_end} and {pm_start}–{pm_end}. The store is staffed every day from "
       "Monday to Sunday; {duty_per_day} people are on duty each day according to the duty roster."),
    N_("Punches come from the kiosk (PIN or badge), a manager's entry or an imported clock export. A punch is "
       "never edited or deleted: a mistake is fixed by a correction with a reason, approved by a manager."),
    N_("Late: not at the post at the start time. Early leave: leaving before the end time."),
    N_("Absence also means: off the post for {off_post_minutes} minutes or more without approval (leave, off-site "
       "business or a handover record); a leave that ran past its end without an extension; late or early by "
       "{late_absence_minutes} minutes or more without a "
       "make-up leave request; refusing an assigned post."),
    N_("Leave is requested {leave_notice_days} day(s) ahead and counts only once approved; in an emergency inform "
       "the supervisor by phone and file the request afterwards."),
    N_("Personal leave is unpaid; up to {personal_supervisor_days} consecutive days are approved by the direct "
       "supervisor, longer leave by the department leader. An extension is requested before the leave ends."),
    N_("Sick leave is unpaid; {sick_no_certificate_days} day(s) or less may be filed afterwards, longer sick leave "
       "needs a hospital certificate; up to {sick_supervisor_days} consecutive days are approved by the direct "
       "supervisor, longer by the department leader."),
    N_("Overtime is work outside the hours when assigned; weekend and holiday overtime earns comp time scheduled "
       "by the supervisor. Overtime that is not filed is not recognised."),
    N_("Penalties: the first absence in a year costs {penalty_first} RMB, the second {penalty_second} RMB. "
       "{dismiss_consecutive} consecutive days of absence, or {dismiss_per_year} days in one year, are grounds "
       "for dismissal."),
    N_("Wages for a calendar month are paid on the {pay_day}th of the following month."),
]
EARLY_IS_ABSENCE = N_("An early leave counts as absence for that day.")

APPRAISAL_SENTENCES = [
    N_("Staff are appraised monthly out of 100 points: {excellent_min} or more is excellent of the month, "
       "{qualified_min} or more is qualified, below {improve_below} needs improvement."),
    N_("{warning_months} consecutive months of 'needs improvement' bring a warning; {no_bonus_months} cancel the "
       "year-end bonus. {star_months} consecutive excellent months make a star employee."),
    GRADES_SENTENCE,
    N_("Rater weights for staff: general manager {staff_gm}%, supervising leader {staff_leader}%, department "
       "head {staff_head}%. Middle managers: general manager {mgr_gm}%, supervising leader {mgr_leader}%. "
       "The final score is the weighted sum; self-assessment is recorded but not counted; nobody rates "
       "themselves."),
    N_("Results are published by the {results_day}th of the next month. Within {appeal_days} days after a result "
       "is shown the employee may appeal; HR investigates and records the decision."),
    N_("A result is visible only to its raters, the employee, HR and the general manager."),
]


def rule_values(policy: Mapping[str, Any]) -> dict[str, Any]:
    """The numbers the sentences need: the policy value in force, else the shipped default."""
    result = {}
    for name, (keys, default) in RULE_VALUES.items():
        result[name] = next((policy[k] for k in keys if k in policy and policy[k] is not None), default)
    # settings the attendance area keeps in another shape than the sentences use
    penalties = policy.get("attendance.penalties_rmb")
    if isinstance(penalties, (list, tuple)) and penalties:
        result["penalty_first"] = penalties[0]
        result["penalty_second"] = penalties[1] if len(penalties) > 1 else penalties[0]
    notice_hours = policy.get("leave.notice_hours")
    if isinstance(notice_hours, (int, float)):
        result["leave_notice_days"] = _num(round(notice_hours / 24, 1))
    return result


def _num(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _pad(values: Any, n: int, default: Sequence) -> list:
    values = list(values) if isinstance(values, (list, tuple)) else list(default)
    return (values + list(default)[len(values):])[:n]


MISSING_PUNCH = {
    "missing": N_("A session with a single punch is a missing punch, not an absence: correct it with a correction "
                  "request (补卡), at most {quota} a month, until the {deadline}th of the next month."),
    "absence": N_("A session with a single punch is a missing punch and counts as absence unless corrected with a "
                  "correction request (补卡), at most {quota} a month, until the {deadline}th of the next month."),
}
PLAN_DAYS = N_("On the weekly-plan Monday and the month's last Friday, {kinds} asked for ahead is refused; sick and "
               "bereavement leave and make-up requests filed afterwards pass.")
MAKE_UP_LEAVE = N_("Lateness for a special reason can be turned into personal leave by a make-up request filed "
                   "afterwards over the late minutes.")
UNPAID = N_("Unpaid leave: {kinds}. Paid days are the month's days due less unpaid leave days and absence days.")


def attendance_rules(policy: Mapping[str, Any]) -> list[str]:
    v = {k: _num(x) for k, x in rule_values(policy).items()}
    sentences = [_(s, **v) for s in ATTENDANCE_SENTENCES]
    if rule_values(policy)["early_is_absence"]:
        sentences.insert(3, _(EARLY_IS_ABSENCE))
    # the rules added with the holiday calendar and the payroll figures, each from its setting
    from app.services.attendance import KIND_LABELS

    def kinds(key: str, default: Sequence[str]) -> str:
        codes = policy.get(key, default) or []
        return _(", ").join(_(KIND_LABELS[k]) for k in codes if k in KIND_LABELS) or "—"

    missing = MISSING_PUNCH.get(str(policy.get("attendance.missing_punch_counts_as", "missing")), MISSING_PUNCH["missing"])
    sentences.insert(2, _(missing, quota=_num(policy.get("attendance.correction_quota_per_month", 3)),
                          deadline=_num(policy.get("attendance.correction_deadline_day", 3))))
    sentences.append(_(MAKE_UP_LEAVE))
    if policy.get("leave.block_plan_days", True):
        sentences.append(_(PLAN_DAYS, kinds=kinds("leave.plan_day_blocked_types", ["personal", "annual", "comp", "marriage"])))
    sentences.append(_(UNPAID, kinds=kinds("attendance.unpaid_leave_types", ["personal", "sick"])))
    return sentences


OWN_GRADES_SENTENCE = N_("Positions whose scheme grades with {scheme}: {positions}. Their grades: {grades}.")
SCHEME_GRADE_NAMES = {"five": N_("five grades (A–E)"), "four": N_("four grades (A–D)")}


def appraisal_rules(policy: Mapping[str, Any], positions: Sequence[Mapping[str, Any]] = ()) -> list[str]:
    """The 绩效评定 rules in force: weights, the grade scheme of the setting (four-grade with its forced
    distribution when set) and, for positions whose template names another grade scheme, that scheme's grades."""
    raw = rule_values(policy)
    v = {k: _num(x) for k, x in raw.items()}
    staff = _pad(raw["staff_weights"], 3, [10, 20, 70])
    mgr = _pad(raw["manager_weights"], 2, [30, 70])
    v.update(staff_gm=_num(staff[0]), staff_leader=_num(staff[1]), staff_head=_num(staff[2]),
             mgr_gm=_num(mgr[0]), mgr_leader=_num(mgr[1]), grades=catalogue(policy).bands_text())
    sentences = [_(s, **v) for s in APPRAISAL_SENTENCES]
    if catalogue(policy).scheme == "four":
        quota = _pad(policy.get("appraisal.forced_distribution"), 4, [45, 30, 20, 5])
        sentences.insert(APPRAISAL_SENTENCES.index(GRADES_SENTENCE) + 1,
                         _(FORCED_SENTENCE, a=_num(quota[0]), b=_num(quota[1]), c=_num(quota[2]), d=_num(quota[3])))
    in_force = catalogue(policy).scheme
    for scheme in ("five", "four"):
        names = [p["position"] for p in positions if p.get("grades") == scheme and scheme != in_force]
        if not names:
            continue
        sentences.append(_(OWN_GRADES_SENTENCE, scheme=_(SCHEME_GRADE_NAMES[scheme]), positions=_list_separator().join(names),
                           grades=catalogue(policy, scheme).bands_text()))
        if scheme == "four":
            quota = _pad(policy.get("appraisal.forced_distribution"), 4, [45, 30, 20, 5])
            sentences.append(_(FORCED_SENTENCE, a=_num(quota[0]), b=_num(quota[1]), c=_num(quota[2]), d=_num(quota[3])))
    return sentences


WEEKDAYS = (N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"), N_("Saturday"), N_("Sunday"))


def _list_separator() -> str:
    from app.i18n import language

    return "、" if language() == "zh_CN" else ", "


def settings_table(policy: Mapping[str, Any], specs: Mapping[str, Any], prefixes: Sequence[str]) -> list[tuple[str, str, str]]:
    """(label, value, unit) of every declared setting whose key starts with one of ``prefixes``."""
    rows = []
    for key in specs:  # the order of data/policy/*.json: related settings together, as on the settings page
        if not key.startswith(tuple(prefixes)):
            continue
        spec = specs[key]
        value = policy.get(key, spec.default)
        if isinstance(value, bool):
            shown = _("yes") if value else _("no")
        elif spec.type == "weekday_list":
            shown = _list_separator().join(_(WEEKDAYS[int(x) - 1]) for x in value or [])
        elif spec.choice_labels and isinstance(value, (list, tuple)):
            shown = _list_separator().join(_(spec.choice_label(x)) for x in value)
        elif spec.choice_labels:
            shown = _(spec.choice_label(value))
        elif isinstance(value, (list, tuple)):
            shown = ", ".join(_num(x) for x in value)
        else:
            shown = "—" if value is None else _num(value)
        rows.append((_(spec.label) if spec.label else key, shown, _(spec.unit) if spec.unit else ""))
    return rows
