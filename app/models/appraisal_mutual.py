"""The anonymous all-staff mutual rating (互评): a reference for choosing 先进, never counted in a score.

Anonymity lives in the schema: a ballot row says *that* someone voted in a period (one ballot each), the
rating rows say *what* a colleague received, and nothing links the two — a rating has no voter, no
ballot and no time of its own, so nobody (the person rated included) can find out who rated.
"""

from __future__ import annotations

from typing import Optional

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from app.models._base import LocalDateTime, now


class AppraisalMutualBallot(SQLModel, table=True):
    __tablename__ = "appraisal_mutual_ballot"
    __table_args__ = (UniqueConstraint("period_id", "voter_id", name="uq_appraisal_mutual_ballot"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    period_id: int = Field(foreign_key="appraisal_period.id", index=True)
    voter_id: int = Field(foreign_key="employee.id")
    cast_at: LocalDateTime = Field(default_factory=now)


class AppraisalMutualRating(SQLModel, table=True):
    __tablename__ = "appraisal_mutual_rating"

    id: Optional[int] = Field(default=None, primary_key=True)
    period_id: int = Field(foreign_key="appraisal_period.id", index=True)
    ratee_id: int = Field(foreign_key="employee.id", index=True)
    score: float
