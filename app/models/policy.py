"""Policy settings: typed values that override the shipped defaults in data/policy.json."""

from __future__ import annotations


from typing import Any

from sqlmodel import Field, SQLModel

from app.models._base import LocalDateTime, json_column, now


class PolicySetting(SQLModel, table=True):
    __tablename__ = "policy_setting"

    key: str = Field(primary_key=True, max_length=100)
    value: Any = Field(default=None, sa_column=json_column())
    updated_at: LocalDateTime = Field(default_factory=now)
    updated_by: str = ""
