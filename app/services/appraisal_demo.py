"""Demo appraisal data: six locked months with everybody scored (so trends and flags show), their
quantitative actuals recorded (so the printed sheets show actuals and the rule's indicator scores),
and the current month open for scoring, its quantitative actuals already typed in."""

from __future__ import annotations

from datetime import date

import zlib

from sqlalchemy import insert, select
from sqlmodel import Session

from app.models._base import now
from app.models.appraisal import AppraisalActual, AppraisalSubject
from app.models.people import Employee
from app.rules import appraisal as rules
from app.rules.appraisal_template import indicators
from app.services import audit
from app.services import appraisal_core as core
from app.services.context import Actor

# months back from the current one (1 = last month) -> score, for people whose story the demo tells
STORIES = {
    "E005": {1: 93.5, 2: 91.0, 3: 95.0},  # three excellent months: star employee
    "E009": {1: 55.0, 2: 57.5},  # two months needing improvement: warning
    "E012": {1: 52.0, 2: 56.0, 3: 58.0},  # three: no year-end bonus
}
RATER_OFFSET = {"gm": 1.0, "leader": -1.5, "head": 0.5}


def _base(employee_no: str) -> float:
    digits = int("".join(ch for ch in employee_no if ch.isdigit()) or 0)
    return 68.0 + (digits * 7) % 21  # 68..88


def _score(employee_no: str, back: int, role: str) -> float:
    story = STORIES.get(employee_no, {})
    base = story.get(back, _base(employee_no) + ((back * 5 + len(employee_no)) % 7) - 3)
    return max(0.0, min(100.0, round(base + RATER_OFFSET.get(role, 0.0), 1)))


def _jitter(*parts) -> float:
    """A stable number in [0, 1) per (person, month, indicator): the demo is the same every time."""
    return (zlib.crc32("|".join(map(str, parts)).encode()) % 1000) / 1000


def believable_actual(ind: dict, score: float, jitter: float) -> float:
    """An actual value that goes with a month's score: near the target for a good month, further
    off for a weak one; counts are whole numbers, rates stay within their scale."""
    target = float(ind.get("target") or 0)
    unit = ind.get("unit", "")
    quality = max(0.0, min(1.1, (score - 50) / 45))  # 50 -> 0, 95 -> 1
    whole = unit not in ("%", "") and float(target).is_integer()
    if ind.get("lower_is_better"):
        if target <= 0:  # errors, absences: 0 for the good, a few for the weak
            return float(int(max(0.0, (1 - quality) * 3 + jitter - 0.4)))
        value = target * (1 + max(0.0, 1 - quality) * 0.8 + (jitter - 0.5) * 0.1)
    else:
        value = target * (0.7 + 0.35 * quality + (jitter - 0.5) * 0.08)
        if unit == "%" and target <= 100:
            value = min(value, 100.0)
        elif target < 1:  # a share 0..1
            value = min(value, 1.0)
    value = max(0.0, value)
    return float(round(value)) if whole else round(value, 1 if unit == "%" else 2)


def _pulled(ind: dict, sources: dict, employee_id: int):
    """The figure an indicator with a source ("attendance.absence_days") reads for the person, as
    `appraisal pull` would: the sheet then agrees with the attendance report and task statistics."""
    area, _dot, name = str(ind.get("source") or "").partition(".")
    value = ((sources.get(area) or {}).get(employee_id) or {}).get(name)
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _sources(s: Session, year: int, month: int) -> dict:
    from app.services.appraisal import _source

    return {"attendance": _source(s, "attendance", year, month), "tasks": _source(s, "tasks", year, month)}


def _locked_actuals(subjects, numbers: dict, back: int, by: str, sources: dict) -> list[dict]:
    at = now()
    rows = []
    for subject in subjects:
        no = numbers[subject.employee_id]
        score = subject.final_score if subject.final_score is not None else _score(no, back, "")
        for ind in indicators(subject.template):
            if ind.get("kind") == "quantitative" and ind.get("source"):
                value = _pulled(ind, sources, subject.employee_id)
                if value is not None:
                    rows.append({"subject_id": subject.id, "indicator": ind["key"], "source": ind["source"],
                                 "value": value, "entered_at": at, "entered_by": by})
            elif ind.get("kind") == "quantitative":
                rows.append({"subject_id": subject.id, "indicator": ind["key"], "source": ind.get("source") or "manual",
                             "value": believable_actual(ind, score, _jitter(no, back, ind["key"])),
                             "entered_at": at, "entered_by": by})
    return rows


def seed_demo_in(s: Session, actor: Actor, today: date) -> None:
    cfg = core.config_in(s)
    numbers = {e.id: e.employee_no for e in s.execute(select(Employee)).scalars()}
    for back in range(6, 0, -1):
        y, m = rules.shift_month(today.year, today.month, -back)
        period = core.open_period_in(s, rules.parse_period_key(rules.month_key(y, m)), actor.username)
        subjects = list(s.execute(select(AppraisalSubject).where(AppraisalSubject.period_id == period.id)).scalars())
        for subject in subjects:
            no = numbers[subject.employee_id]
            for r in subject.raters:
                role = r["roles"][0]
                core.add_score(s, subject, r["employee_id"], role, "", _score(no, back, role), actor.username)
            core.add_score(s, subject, subject.employee_id, rules.SELF, "", min(100.0, _score(no, back, "") + 4),
                           actor.username)
            if back == 1:
                subject.comment = "本月工作按计划完成，执行力较好；需加强数据分析与跨组沟通，下月重点提升转化率。"
                subject.comment_by = actor.username
        s.flush()
        core.recompute_subjects(s, subjects, cfg)  # rater totals were typed: actuals show, totals stand
        actuals = _locked_actuals(subjects, numbers, back, actor.username, _sources(s, y, m))
        if actuals:
            s.execute(insert(AppraisalActual), actuals)
        ny, nm = rules.shift_month(y, m, 1)
        period.published_on = date(ny, nm, 5)
        period.state = "locked"
    current = core.open_period_in(s, rules.parse_period_key(rules.month_key(today.year, today.month)),
                                  actor.username, state="scoring")
    sources = _sources(s, today.year, today.month)
    for subject in s.execute(select(AppraisalSubject).where(AppraisalSubject.period_id == current.id)).scalars():
        factor = 0.85 + (subject.employee_id % 4) * 0.06
        for ind in indicators(subject.template):
            if ind.get("kind") != "quantitative":
                continue
            if ind.get("source"):
                value = _pulled(ind, sources, subject.employee_id)
                if value is not None:
                    s.add(AppraisalActual(subject_id=subject.id, indicator=ind["key"], value=value,
                                          source=ind["source"], entered_by=actor.username))
                continue
            target = float(ind.get("target") or 0)
            value = round(target * (2 - factor), 2) if ind.get("lower_is_better") else round(target * factor, 2)
            s.add(AppraisalActual(subject_id=subject.id, indicator=ind["key"], value=max(0.0, value),
                                  source="manual", entered_by=actor.username))
    audit.record(s, actor, "appraisal.demo", "appraisal_period", current.key, None,
                 {"locked_months": 6, "open": current.key, "today": today.isoformat()})
