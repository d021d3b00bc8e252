"""Published results on fixed dates for the history and feedback tests: open a period, give each named
person a final score (grade and label by the rules in force) and publish it."""

from datetime import date

from sqlalchemy import select

from app.db import transaction
from app.models.appraisal import AppraisalSubject
from app.models.people import Employee
from app.rules import appraisal as rules
from app.services import appraisal_core as core


def publish(key: str, scores: dict[str, float], state: str = "locked", published_on: date | None = None) -> None:
    with transaction() as s:
        cfg = core.config_in(s)
        span = rules.parse_period_key(key)
        period = s.execute(select(core.AppraisalPeriod).where(core.AppraisalPeriod.key == span.key)).scalar() \
            or core.open_period_in(s, span, "test")
        ids = {e.employee_no: e.id for e in s.execute(select(Employee)).scalars()}
        for no, score in scores.items():
            subject = s.execute(select(AppraisalSubject).where(AppraisalSubject.period_id == period.id,
                                                               AppraisalSubject.employee_id == ids[no])).scalar_one()
            subject.final_score = score
            subject.grade = rules.grade_for(score, cfg.bands)
            subject.label = rules.label_for(score, cfg.excellent, cfg.qualified, cfg.improve_below)
        period.state = state
        if state in ("approved", "locked"):
            period.published_on = published_on or span.end


def set_hire_date(employee_no: str, day: date) -> None:
    with transaction() as s:
        s.execute(select(Employee).where(Employee.employee_no == employee_no)).scalar_one().hire_date = day
