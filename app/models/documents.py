"""The handbook's edited section texts and the record of every printed version."""

from __future__ import annotations

from datetime import date
from typing import Any, Optional

from sqlmodel import Field, SQLModel

from app.models._base import LocalDateTime, json_column, now


class HandbookSection(SQLModel, table=True):
    """A section text as the department edited it; the shipped text in data/handbook applies otherwise."""

    __tablename__ = "handbook_section"

    key: str = Field(primary_key=True, max_length=40)
    title: str = Field(max_length=60)
    body: str = ""
    updated_at: LocalDateTime = Field(default_factory=now)
    updated_by: str = ""


class HandbookPrint(SQLModel, table=True):
    """One printed handbook: its version, effective date, who printed it and the settings it showed."""

    __tablename__ = "handbook_print"

    id: Optional[int] = Field(default=None, primary_key=True)
    version: str = Field(index=True, max_length=32)
    effective_date: date
    printed_at: LocalDateTime = Field(default_factory=now)
    printed_by: str = ""
    pages: int = 0
    sha256: str = Field(default="", max_length=64)
    policy: Any = Field(default=None, sa_column=json_column())
