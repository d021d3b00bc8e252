"""The handbook's "settings in force" (现行设置): the policy values written as sentences and small tables a
person reads ("上午 08:30–12:00，下午 13:30–17:30", "迟到或早退 60 分钟以上，当天按旷工处理"), not a dump of keys.

Every setting of the chapter's areas is printed: those without a sentence of their own here (a setting added
later) still appear, as "label: value" lines under "Other settings". Pure functions over the values and the
setting specs: no session, no reportlab (handbook.py lays the blocks out).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

from app.documents.handbook_rules import WEEKDAYS, _list_separator, _num, _pad, settings_table
from app.i18n import N_, _
from app.rules.grades import catalogue

ATTENDANCE_AREAS = ("attendance.", "leave.", "overtime.")
APPRAISAL_AREAS = ("appraisal.",)


@dataclass
class SettingsTable:
    title: str
    header: list[str]
    rows: list[list[str]]
    right: tuple[int, ...] = ()


@dataclass
class SettingsText:
    title: str
    lines: list[str] = field(default_factory=list)


def _v(values: Mapping[str, Any], specs: Mapping[str, Any], key: str) -> Any:
    value = values.get(key)
    if value is None and key in specs:
        return specs[key].default
    return value


def weekday_span(days: Sequence[int]) -> str:
    """[1,2,3,4,5] -> "Monday to Friday"; a broken run lists the days ("Monday, Wednesday")."""
    days = sorted({int(d) for d in days or []})
    if not days:
        return "—"
    if len(days) == 7:
        return _("every day")
    if len(days) >= 3 and days == list(range(days[0], days[-1] + 1)):
        return _("{first} to {last}", first=_(WEEKDAYS[days[0] - 1]), last=_(WEEKDAYS[days[-1] - 1]))
    return _list_separator().join(_(WEEKDAYS[d - 1]) for d in days)


def _kinds(codes: Sequence[str]) -> str:
    from app.services.attendance import KIND_LABELS

    return _list_separator().join(_(KIND_LABELS[c]) for c in codes or [] if c in KIND_LABELS) or "—"


# -- attendance, leave, overtime -------------------------------------------------------------------
def _working_time(v) -> SettingsTable:
    punches = int(v("attendance.punches_per_day") or 4)
    rows = [[_("Working days"), weekday_span(v("attendance.work_days"))],
            [_("Morning"), f"{v('attendance.morning_start')}–{v('attendance.morning_end')}"],
            [_("Afternoon"), f"{v('attendance.afternoon_start')}–{v('attendance.afternoon_end')}"],
            [_("On duty each day"), _("{n} people, by the duty roster", n=_num(v("attendance.duty_per_day")))],
            [_("Punches a day"), _("4: in and out of the morning and of the afternoon") if punches == 4
             else _("2: in at the start of the day, out at the end")]]
    return SettingsTable(_("Working time"), [_("Item"), _("Rule in force")], rows)


def _counting(v) -> SettingsText:
    grace = int(v("attendance.late_grace_minutes") or 0)
    lines = [_("A punch after the start time is late (no grace minutes).") if grace == 0 else
             _("A punch up to {n} minutes after the start time is not late.", n=grace)]
    if v("attendance.long_late_is_absence"):
        lines.append(_("Late or early by {n} minutes or more makes the day an absence.",
                       n=_num(v("attendance.long_absence_minutes"))))
    else:
        lines.append(_("Late arrival and early leave are counted as such, however long, not as absence."))
    lines.append(_("An early leave makes the whole day an absence.") if v("attendance.early_leave_is_absence")
                 else _("An early leave is counted as an early leave, not as absence."))
    off_post = int(v("attendance.off_post_minutes") or 0)
    lines.append(_("Off the post for {n} minutes or more without approval is an absence.", n=off_post) if off_post
                 else _("Being off the post is not counted as absence by itself."))
    lines.append(_("Not back after an approved leave has ended, without an extension, is an absence.")
                 if v("attendance.leave_overrun_is_absence")
                 else _("Not back after a leave has ended is left to the supervisor; it is not counted as absence by itself."))
    lines.append(_("A session with a single punch is a missing punch, to be corrected with a correction request.")
                 if v("attendance.missing_punch_counts_as") != "absence"
                 else _("A session with a single punch counts as absence unless it is corrected with a correction request."))
    lines.append(_("Each person may file {quota} correction requests a month; a month's corrections close on the "
                   "{day}th of the next month.", quota=_num(v("attendance.correction_quota_per_month")),
                   day=_num(v("attendance.correction_deadline_day"))))
    lines.append(_("Punches less than {n} seconds apart count as one.", n=_num(v("attendance.duplicate_punch_seconds"))))
    start = v("attendance.tracking_start")
    lines.append(_("Attendance is counted from {day}.", day=str(start)) if start
                 else _("Attendance is counted from each person's first punch."))
    lines.append(_("After {n} wrong PINs in a row at the kiosk, the employee no. is locked for {m} minutes.",
                   n=_num(v("attendance.kiosk_max_pin_failures")), m=_num(v("attendance.kiosk_lock_minutes"))))
    lines.append(_("Wages for a month are paid on the {day}th of the next month; unpaid leave: {kinds}.",
                   day=_num(v("attendance.pay_day")), kinds=_kinds(v("attendance.unpaid_leave_types"))))
    return SettingsText(_("How attendance is counted"), lines)


def _leave(v) -> tuple[SettingsTable, SettingsText]:
    leader = _("the department leader")
    rows = [[_("Personal leave"), _("up to {n} consecutive days", n=_num(v("leave.personal_supervisor_days"))), leader, "—"],
            [_("Sick leave"), _("up to {n} consecutive days", n=_num(v("leave.sick_supervisor_days"))), leader,
             _("a hospital certificate for more than {n} day(s)", n=_num(v("leave.sick_certificate_days")))]]
    table = SettingsTable(_("Leave approval"), [_("Leave type"), _("Supervisor approves"), _("Longer leave"),
                                                _("Certificate")], rows)
    lines = [_("Leave is requested at least {n} hours ahead; a later request needs a reason.",
               n=_num(v("leave.notice_hours")))]
    if v("leave.block_plan_days"):
        lines.append(_("On the weekly-plan Monday and the month's last Friday, {kinds} asked for ahead is refused.",
                       kinds=_kinds(v("leave.plan_day_blocked_types"))))
    else:
        lines.append(_("Leave may be taken on the weekly-plan Monday and the month's last Friday like any other day."))
    return table, SettingsText(_("Requesting leave"), lines)


def _penalties(v) -> tuple[SettingsTable, SettingsText]:
    amounts = [x for x in (v("attendance.penalties_rmb") or []) if x is not None]
    rows = []
    for i, amount in enumerate(amounts, 1):
        which = (_("absence {n} and every one after", n=i) if i == len(amounts) and i > 1
                 else _("absence {n}", n=i))
        rows.append([which, _("{amount} RMB", amount=_num(amount))])
    table = SettingsTable(_("Absence penalties in a calendar year"), [_("Absence"), _("Penalty")], rows, right=(1,))
    text = SettingsText("", [_("{days} consecutive days of absence, or {year} days in one calendar year, flag a "
                               "dismissal review; a person decides.",
                               days=_num(v("attendance.dismissal_consecutive_days")),
                               year=_num(v("attendance.dismissal_year_days")))])
    return table, text


ATTENDANCE_KEYS = frozenset({
    "attendance.work_days", "attendance.morning_start", "attendance.morning_end", "attendance.afternoon_start",
    "attendance.afternoon_end", "attendance.duty_per_day", "attendance.punches_per_day",
    "attendance.late_grace_minutes", "attendance.long_late_is_absence", "attendance.long_absence_minutes",
    "attendance.early_leave_is_absence", "attendance.off_post_minutes", "attendance.leave_overrun_is_absence",
    "attendance.missing_punch_counts_as", "attendance.correction_quota_per_month", "attendance.correction_deadline_day",
    "attendance.duplicate_punch_seconds", "attendance.tracking_start", "attendance.kiosk_max_pin_failures",
    "attendance.kiosk_lock_minutes", "attendance.pay_day", "attendance.unpaid_leave_types",
    "leave.personal_supervisor_days", "leave.sick_supervisor_days", "leave.sick_certificate_days", "leave.notice_hours",
    "leave.block_plan_days", "leave.plan_day_blocked_types",
    "attendance.penalties_rmb", "attendance.dismissal_consecutive_days", "attendance.dismissal_year_days",
})


def attendance_settings(values: Mapping[str, Any], specs: Mapping[str, Any]) -> list:
    def v(key: str) -> Any:
        return _v(values, specs, key)

    blocks = [_working_time(v), _counting(v), *_leave(v), *_penalties(v)]
    return blocks + _others(values, specs, ATTENDANCE_AREAS, ATTENDANCE_KEYS)


# -- appraisal --------------------------------------------------------------------------------------
def _grades(values, v) -> list:
    cat = catalogue(values)
    rows = []
    floors = [float(f) for f in cat.floors]
    for i, letter in enumerate(cat.letters):
        if i == 0:
            span = _("{n} or more", n=f"{floors[0]:g}")
        elif i < len(floors):
            span = _("{low} to under {high}", low=f"{floors[i]:g}", high=f"{floors[i - 1]:g}")
        else:
            span = _("under {n}", n=f"{floors[-1]:g}")
        rows.append([letter, cat.name(letter), span])
    blocks: list = []
    scheme = _("five grades (A–E)") if cat.scheme == "five" else _("four grades (A–D) with a forced distribution")
    header = [_("Grade"), _("Grade name"), _("Score range")]
    if cat.scheme == "four":
        quota = _pad(v("appraisal.forced_distribution"), 4, [45, 30, 20, 5])
        header.append(_("Share of the department"))
        for row, share in zip(rows, quota):
            row.append(f"{_num(share)}%")
    blocks.append(SettingsTable(_("Grades: {scheme}", scheme=scheme), header, rows))
    return blocks


def _weights(v) -> SettingsTable:
    staff = _pad(v("appraisal.weights_staff"), 3, [10, 20, 70])
    mgr = _pad(v("appraisal.weights_manager"), 3, [30, 70, 0])
    rows = [[_("Staff")] + [f"{_num(x)}%" for x in staff], [_("Middle managers")] + [f"{_num(x)}%" for x in mgr]]
    return SettingsTable(_("Rater weights"), [_("Person appraised"), _("General manager"), _("Supervising leader"),
                                              _("Department head")], rows, right=(1, 2, 3))


YEAR_FROM = {"months": N_("the monthly scores"), "halves": N_("the half-year scores"), "own": N_("its own scores only")}
PERIODS = {"month": N_("monthly"), "quarter": N_("quarterly"), "half": N_("half-yearly"), "year": N_("yearly")}


def _appraisal_text(v) -> SettingsText:
    period = str(v("appraisal.default_period"))
    lines = [_("Periods are {period} unless another is opened.", period=_(PERIODS.get(period, period))),
             _("A monthly score of {excellent} or more is excellent of the month, {qualified} or more is qualified, "
               "below {improve} needs improvement.", excellent=_num(v("appraisal.label_excellent")),
               qualified=_num(v("appraisal.label_qualified")), improve=_num(v("appraisal.label_improve_below"))),
             _("{star} excellent months in a row make a star employee; {warning} months of 'needs improvement' in a row "
               "bring a warning, {bonus} cancel the year-end bonus.", star=_num(v("appraisal.star_months")),
               warning=_num(v("appraisal.warning_months")), bonus=_num(v("appraisal.no_bonus_months"))),
             _("Results are due by the {day}th of the next month; an employee may appeal within {days} days after a "
               "result is shown.", day=_num(v("appraisal.results_due_day")), days=_num(v("appraisal.appeal_days")))]
    source = str(v("appraisal.year_from"))
    if source == "own":
        lines.append(_("The year's score is the annual period's own score."))
    else:
        lines.append(_("The year's score rolls up from {source}; an annual period's own scores weigh {n}%.",
                       source=_(YEAR_FROM.get(source, source)), n=_num(v("appraisal.year_own_weight"))))
    return SettingsText(_("Scores and results"), lines)


APPRAISAL_KEYS = frozenset({
    "appraisal.grade_scheme", "appraisal.grade_bands_five", "appraisal.grade_bands_four", "appraisal.forced_distribution",
    "appraisal.grade_names_five", "appraisal.grade_names_four", "appraisal.weights_staff", "appraisal.weights_manager",
    "appraisal.default_period", "appraisal.label_excellent", "appraisal.label_qualified", "appraisal.label_improve_below",
    "appraisal.star_months", "appraisal.warning_months", "appraisal.no_bonus_months", "appraisal.results_due_day",
    "appraisal.appeal_days", "appraisal.year_from", "appraisal.year_own_weight",
})


def appraisal_settings(values: Mapping[str, Any], specs: Mapping[str, Any]) -> list:
    def v(key: str) -> Any:
        return _v(values, specs, key)

    blocks = [*_grades(values, v), _weights(v), _appraisal_text(v)]
    return blocks + _others(values, specs, APPRAISAL_AREAS, APPRAISAL_KEYS)


def _others(values, specs, areas: Sequence[str], covered: frozenset[str]) -> list:
    """Settings of these areas that have no sentence above (added later): "label: value unit" lines."""
    rest = {k: s for k, s in specs.items() if k.startswith(tuple(areas)) and k not in covered}
    if not rest:
        return []
    lines = [_("{label}: {value}", label=label, value=f"{value} {unit}".strip())
             for label, value, unit in settings_table(values, rest, areas)]
    return [SettingsText(_("Other settings"), lines)]
