"""Appraisal (绩效考核): templates per position, periods, the people appraised in a period,
rater scores, actuals, feedback and appeals.

Scores and actuals are appended, never overwritten: the newest row per (subject, rater,
indicator) counts, earlier rows stay as history.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Optional

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from app.models._base import LocalDateTime, json_column, now


class AppraisalTemplate(SQLModel, table=True):
    """The template a position is appraised with (sections, weights, indicators as JSON)."""

    __tablename__ = "appraisal_template"

    id: Optional[int] = Field(default=None, primary_key=True)
    position_id: int = Field(foreign_key="position.id", unique=True)
    name: str = Field(max_length=100)
    body: Any = Field(default=None, sa_column=json_column(nullable=False))  # {"sections": [...]}
    updated_at: LocalDateTime = Field(default_factory=now)
    updated_by: str = ""


class AppraisalPeriod(SQLModel, table=True):
    __tablename__ = "appraisal_period"

    id: Optional[int] = Field(default=None, primary_key=True)
    key: str = Field(unique=True, max_length=16)  # 2026-11, 2026-Q4, 2026-H2, 2026
    kind: str = Field(max_length=16)  # month | quarter | half | year
    start: date
    end: date
    state: str = Field(default="entry", max_length=16)  # entry scoring review consolidated approved locked
    published_on: Optional[date] = None  # results shown to the employees (approval day)
    scope: str = Field(default="all", max_length=400)  # all | managers | staff | positions:NAME,…
    gm_delegated: bool = False  # 总经理授权分管领导: the gm's weight goes to the leader
    created_at: LocalDateTime = Field(default_factory=now)
    created_by: str = ""


class AppraisalSubject(SQLModel, table=True):
    """One person appraised in one period, with the template and raters fixed at opening."""

    __tablename__ = "appraisal_subject"
    __table_args__ = (UniqueConstraint("period_id", "employee_id", name="uq_appraisal_subject"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    period_id: int = Field(foreign_key="appraisal_period.id", index=True)
    employee_id: int = Field(foreign_key="employee.id", index=True)
    as_manager: bool = False
    template: Any = Field(default=None, sa_column=json_column(nullable=False))
    raters: Any = Field(default=None, sa_column=json_column(nullable=False))  # [{employee_id, roles, weight}]
    final_score: Optional[float] = None  # two decimals, set when every rater has scored
    grade: str = Field(default="", max_length=4)
    label: str = Field(default="", max_length=24)
    comment: str = ""  # 描述性评语
    comment_by: str = ""
    interview: str = ""  # 绩效面谈记录
    interview_on: Optional[date] = None
    interview_by: str = ""


class AppraisalScore(SQLModel, table=True):
    """A rater's score: a total (indicator "") or one indicator's score; newest row counts."""

    __tablename__ = "appraisal_score"

    id: Optional[int] = Field(default=None, primary_key=True)
    subject_id: int = Field(foreign_key="appraisal_subject.id", index=True)
    rater_id: int = Field(foreign_key="employee.id")
    rater_role: str = Field(max_length=16)  # gm | leader | head | peer | subordinate | self
    indicator: str = Field(default="", max_length=64)
    score: float
    level: str = Field(default="", max_length=4)  # rubric level picked, if any
    entered_at: LocalDateTime = Field(default_factory=now)
    entered_by: str = ""
    audit_id: Optional[int] = Field(default=None, index=True)  # the audit row that wrote it (app.services.coverage)


class AppraisalActual(SQLModel, table=True):
    """The actual value of a quantitative indicator (typed in or pulled); newest row counts."""

    __tablename__ = "appraisal_actual"

    id: Optional[int] = Field(default=None, primary_key=True)
    subject_id: int = Field(foreign_key="appraisal_subject.id", index=True)
    indicator: str = Field(max_length=64)
    value: float
    source: str = Field(default="manual", max_length=64)
    entered_at: LocalDateTime = Field(default_factory=now)
    entered_by: str = ""


class AppraisalAppeal(SQLModel, table=True):
    """申诉: filed by the employee within the appeal window; hr records the decision."""

    __tablename__ = "appraisal_appeal"

    id: Optional[int] = Field(default=None, primary_key=True)
    subject_id: int = Field(foreign_key="appraisal_subject.id", index=True)
    filed_on: date
    reason: str
    status: str = Field(default="open", max_length=16)  # open | upheld | rejected
    decision: str = ""
    decided_by: str = ""
    decided_at: Optional[LocalDateTime] = None
