"""Calibration of the forced distribution (绩效校准): a grade a manager sets beside the computed one,
and the general manager's approval of a period whose grades break the quota.

Both are appended, never overwritten: the newest calibration row of a subject counts (a row back to
the computed grade undoes it), and the computed score and grade on the subject are never touched.
"""

from __future__ import annotations

from typing import Any, Optional

from sqlmodel import Field, SQLModel

from app.models._base import LocalDateTime, json_column, now


class AppraisalCalibration(SQLModel, table=True):
    __tablename__ = "appraisal_calibration"

    id: Optional[int] = Field(default=None, primary_key=True)
    subject_id: int = Field(foreign_key="appraisal_subject.id", index=True)
    computed_grade: str = Field(max_length=4)  # the grade from the score when calibrated
    score: Optional[float] = None  # the score it was computed from, for the record
    grade: str = Field(max_length=4)  # the calibrated grade
    reason: str
    created_at: LocalDateTime = Field(default_factory=now)
    created_by: str = ""


class AppraisalQuotaOverride(SQLModel, table=True):
    """The general manager approved a period although its grades break the forced distribution."""

    __tablename__ = "appraisal_quota_override"

    id: Optional[int] = Field(default=None, primary_key=True)
    period_id: int = Field(foreign_key="appraisal_period.id", index=True)
    violations: Any = Field(default=None, sa_column=json_column(nullable=False))  # [{grade, count, allowed, quota}]
    reason: str
    created_at: LocalDateTime = Field(default_factory=now)
    created_by: str = ""
