"""The feedback records the appraisal schemes print, and the use made of results.

- ``AppraisalInterview`` — the 绩效面谈记录 of one result: the four stages of the talk (目标确定, 实施过程,
  绩效反馈, 绩效改进), an improvement plan (action, owner, follow-up date) and the employee's confirmation.
  One row per result; every change is in the audit trail, and a change after the employee confirmed
  clears the confirmation (the employee confirms what is written, not an earlier text).
- ``AppraisalAppealTalk`` — the first talk with the 分管领导 about an appeal (考核申诉表), before HR decides.
- ``AppraisalAnnualReport`` — the annual 述职报告, attached to the person's subject of a year period.
- ``AppraisalUseDecision`` — what was decided on a flag (reward, salary step, contract …) and by whom.
  Appended, never overwritten: the newest row per (employee, period, flag) counts.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Optional

from sqlmodel import Field, SQLModel

from app.models._base import LocalDateTime, json_column, now


class AppraisalInterview(SQLModel, table=True):
    __tablename__ = "appraisal_interview"

    id: Optional[int] = Field(default=None, primary_key=True)
    subject_id: int = Field(foreign_key="appraisal_subject.id", unique=True)
    held_on: date
    interviewer_id: Optional[int] = Field(default=None, foreign_key="employee.id")
    goals: str = ""  # 目标确定
    process: str = ""  # 实施过程
    feedback: str = ""  # 绩效反馈
    improvement: str = ""  # 绩效改进
    plan: Any = Field(default=None, sa_column=json_column(nullable=False))  # [{action, owner_id, follow_up}]
    confirmed_on: Optional[date] = None
    employee_remark: str = ""
    updated_at: LocalDateTime = Field(default_factory=now)
    updated_by: str = ""


class AppraisalAppealTalk(SQLModel, table=True):
    __tablename__ = "appraisal_appeal_talk"

    id: Optional[int] = Field(default=None, primary_key=True)
    appeal_id: int = Field(foreign_key="appraisal_appeal.id", unique=True)
    leader_id: Optional[int] = Field(default=None, foreign_key="employee.id")  # the 分管领导 who talked
    held_on: date
    notes: str
    recorded_at: LocalDateTime = Field(default_factory=now)
    recorded_by: str = ""


class AppraisalAnnualReport(SQLModel, table=True):
    __tablename__ = "appraisal_annual_report"

    id: Optional[int] = Field(default=None, primary_key=True)
    subject_id: int = Field(foreign_key="appraisal_subject.id", unique=True)
    body: str
    updated_at: LocalDateTime = Field(default_factory=now)
    updated_by: str = ""


class AppraisalUseDecision(SQLModel, table=True):
    __tablename__ = "appraisal_use_decision"

    id: Optional[int] = Field(default=None, primary_key=True)
    employee_id: int = Field(foreign_key="employee.id", index=True)
    period_key: str = Field(max_length=16)  # the period the flag was raised in: 2026-03 or 2026
    flag: str = Field(max_length=32)  # star_employee, warning, no_year_end_bonus, salary_step, …
    outcome: str = Field(max_length=16)  # carried_out | not_carried_out | deferred
    note: str = ""
    decided_on: date
    created_at: LocalDateTime = Field(default_factory=now)
    created_by: str = ""
