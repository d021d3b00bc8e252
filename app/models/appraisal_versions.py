"""Template versions (考核表版本): every template a position has had, numbered, with who wrote it and
the scheme it came from. The position's current template stays in appraisal_template; a period keeps
the copy it was opened with in each appraisal_subject."""

from __future__ import annotations

from typing import Any, Optional

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from app.models._base import LocalDateTime, json_column, now


class AppraisalTemplateVersion(SQLModel, table=True):
    __tablename__ = "appraisal_template_version"
    __table_args__ = (UniqueConstraint("position_id", "version", name="uq_appraisal_template_version"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    position_id: int = Field(foreign_key="position.id", index=True)
    version: int  # 1, 2, 3 … per position
    name: str = Field(max_length=100)
    scheme: str = Field(default="", max_length=64)  # the scheme key it was applied from, "" when edited by hand
    body: Any = Field(default=None, sa_column=json_column(nullable=False))
    created_at: LocalDateTime = Field(default_factory=now)
    created_by: str = ""
