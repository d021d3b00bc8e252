"""Wall clocks (考勤机): a clock's user number that an import could not match, mapped by hand to
a person once and remembered for the next import."""

from __future__ import annotations

from typing import Optional

from sqlmodel import Field, SQLModel

from app.models._base import LocalDateTime, now


class ClockNumberMap(SQLModel, table=True):
    """"Clock user number N is this employee" — saved from the import preview."""

    __tablename__ = "clock_number_map"

    clock_no: str = Field(primary_key=True, max_length=32)
    employee_id: int = Field(foreign_key="employee.id", index=True)
    mapped_by: str = Field(default="", max_length=64)
    mapped_at: LocalDateTime = Field(default_factory=now)
    note: Optional[str] = None
