"""Month close (考勤封帐): the attendance figures pay is based on, frozen, and each person's confirmation.

A close stores the month's summary as a snapshot; a reopen marks that close as reopened and keeps
it, so every version of the figures stays readable and the next close can show the difference."""

from __future__ import annotations

from typing import Optional

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from app.models._base import LocalDateTime, json_column, now


class MonthClose(SQLModel, table=True):
    __tablename__ = "month_close"
    __table_args__ = (UniqueConstraint("month", "version", name="uq_month_close_version"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    month: str = Field(max_length=7, index=True)  # YYYY-MM
    version: int = 1
    closed_at: LocalDateTime = Field(default_factory=now)
    closed_by: str = Field(default="", max_length=64)
    snapshot: list = Field(default_factory=list, sa_column=json_column(nullable=False))  # summary rows
    reopened_at: Optional[LocalDateTime] = None
    reopened_by: str = Field(default="", max_length=64)
    reopen_reason: str = ""


class MonthConfirmation(SQLModel, table=True):
    """One person's answer to one closed version of a month: confirmed, or a disagreement with a note.
    A view without an answer is recorded too (answer "viewed"), so HR sees who has not looked yet."""

    __tablename__ = "month_confirmation"
    __table_args__ = (UniqueConstraint("employee_id", "close_id", name="uq_month_confirmation_person"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    employee_id: int = Field(foreign_key="employee.id", index=True)
    close_id: int = Field(foreign_key="month_close.id", index=True)
    answer: str = Field(default="viewed", max_length=16)  # viewed | confirmed | disagreed
    note: str = ""
    viewed_at: LocalDateTime = Field(default_factory=now)
    answered_at: Optional[LocalDateTime] = None
    via: str = Field(default="", max_length=16)  # kiosk | office | cli
