"""Wall clocks (考勤机): a clock's user number that an import could not match, mapped by hand to
a person once and remembered for the next import."""

from __future__ import annotations

from typing import Optional

from sqlalchemy import Column, LargeBinary
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


class PunchImportRun(SQLModel, table=True):
    """One import of a clock file, written in short steps so the kiosk never waits on it.

    It is created "applying", in the transaction that is the import's point of no return, with the
    checked punches to add in ``planned``; from then on it is finished even across a crash: whoever
    imports next stores the rest of them (from ``moved`` on) before anything else, and then it is
    "done" (app.services.punch_import). "staging" is what an older version left while it staged rows."""

    __tablename__ = "punch_import_run"

    id: Optional[int] = Field(default=None, primary_key=True)
    file: str = ""
    sha256: str = Field(default="", max_length=64)
    actor: str = Field(default="", max_length=64)
    started_at: LocalDateTime = Field(default_factory=now)
    state: str = Field(default="staging", max_length=16)  # (staging) | applying | done
    staged: int = 0  # punches planned
    added: int = 0  # punches stored so far
    summary: Optional[str] = None  # the audit row's figures (JSON) and the duplicate window, from the start
    # the punches to add, in order, as one compressed value (app.services.punch_bulk.encode)
    planned: Optional[bytes] = Field(default=None, sa_column=Column(LargeBinary, nullable=True))
    moved: int = 0  # planned punches dealt with (stored, or skipped as stored meanwhile) so far
