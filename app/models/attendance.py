"""Attendance (考勤): punches, corrections, leave and overtime requests, the duty roster,
the holiday calendar and the kiosk's PIN lockout. Punches and requests are only appended;
a decision changes a request's status and is written to the audit trail."""

from __future__ import annotations

from datetime import date
from typing import Optional

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.models._base import LocalDateTime, now

PUNCH_SOURCES = ("kiosk", "manual", "import")
REQUEST_STATUSES = ("pending", "approved", "rejected")
LEAVE_KINDS = ("personal", "sick", "marriage", "bereavement", "annual", "comp", "offsite")


class Punch(SQLModel, table=True):
    """One clock-in or clock-out (打卡). Never edited or deleted. One person never has two punches at
    the same second; the wider duplicate window is checked by the (serialised) writer."""

    __tablename__ = "punch"
    # (at, employee_id): a span's punches grouped per person come from the index alone (app.services.punch_days)
    __table_args__ = (Index("uq_punch_employee_at", "employee_id", "at", unique=True),
                      Index("ix_punch_at_employee", "at", "employee_id"))

    id: Optional[int] = Field(default=None, primary_key=True)
    employee_id: int = Field(foreign_key="employee.id")
    at: LocalDateTime = Field(index=True)
    source: str = Field(default="manual", max_length=16)
    recorded_at: LocalDateTime = Field(default_factory=now)
    recorded_by: str = Field(default="", max_length=64)
    note: str = ""
    audit_id: Optional[int] = Field(default=None, index=True)  # the audit row that wrote it (app.services.coverage)


class PunchCorrection(SQLModel, table=True):
    """A correction (补卡): a punch that should have been recorded, with reason and approver."""

    __tablename__ = "punch_correction"

    id: Optional[int] = Field(default=None, primary_key=True)
    employee_id: int = Field(foreign_key="employee.id", index=True)
    at: LocalDateTime = Field(index=True)
    reason: str
    status: str = Field(default="pending", max_length=16)
    requested_by: str = Field(default="", max_length=64)
    requested_at: LocalDateTime = Field(default_factory=now)
    decided_by: str = Field(default="", max_length=64)
    decided_at: Optional[LocalDateTime] = None
    audit_id: Optional[int] = Field(default=None, index=True)  # the audit row that wrote it (app.services.coverage)


class LeaveRequest(SQLModel, table=True):
    """A leave (请假) or off-site (因公外出) request; it counts only once approved."""

    __tablename__ = "leave_request"

    id: Optional[int] = Field(default=None, primary_key=True)
    employee_id: int = Field(foreign_key="employee.id", index=True)
    kind: str = Field(max_length=16)
    start: LocalDateTime = Field(index=True)
    end: LocalDateTime = Field(index=True)
    reason: str = ""
    certificate: bool = False
    late: bool = False  # filed less than a day ahead
    route: str = Field(default="supervisor", max_length=16)  # supervisor | leader
    extends_id: Optional[int] = Field(default=None, foreign_key="leave_request.id")  # an extension of that leave
    approver_id: Optional[int] = Field(default=None, foreign_key="employee.id")
    status: str = Field(default="pending", max_length=16)
    requested_by: str = Field(default="", max_length=64)
    requested_at: LocalDateTime = Field(default_factory=now)
    decided_by: str = Field(default="", max_length=64)
    decided_at: Optional[LocalDateTime] = None
    audit_id: Optional[int] = Field(default=None, index=True)  # the audit row that wrote it (app.services.coverage)


class HandoverRecord(SQLModel, table=True):
    """临时工作交接表: someone leaves the post for a while and hands the work to a colleague. Its range
    (from ``start`` to ``back_at``) counts as approved time off the post."""

    __tablename__ = "handover_record"

    id: Optional[int] = Field(default=None, primary_key=True)
    employee_id: int = Field(foreign_key="employee.id", index=True)  # who leaves the post
    to_employee_id: int = Field(foreign_key="employee.id")  # who takes the work over
    start: LocalDateTime = Field(index=True)
    back_at: LocalDateTime
    place: str = Field(default="", max_length=120)  # where the person goes
    items: str = ""  # what was handed over
    recorded_by: str = Field(default="", max_length=64)
    recorded_at: LocalDateTime = Field(default_factory=now)


class OvertimeRequest(SQLModel, table=True):
    """Overtime (加班): counted only when approved; on a rest day it earns comp hours (补休)."""

    __tablename__ = "overtime_request"

    id: Optional[int] = Field(default=None, primary_key=True)
    employee_id: int = Field(foreign_key="employee.id", index=True)
    start: LocalDateTime = Field(index=True)
    end: LocalDateTime
    reason: str = ""
    hours: float = 0.0
    comp_hours: float = 0.0
    approver_id: Optional[int] = Field(default=None, foreign_key="employee.id")
    status: str = Field(default="pending", max_length=16)
    requested_by: str = Field(default="", max_length=64)
    requested_at: LocalDateTime = Field(default_factory=now)
    decided_by: str = Field(default="", max_length=64)
    decided_at: Optional[LocalDateTime] = None
    audit_id: Optional[int] = Field(default=None, index=True)  # the audit row that wrote it (app.services.coverage)


class RosterEntry(SQLModel, table=True):
    """One person on duty (值班) on one day; a duty day is a scheduled day."""

    __tablename__ = "roster_entry"
    __table_args__ = (UniqueConstraint("day", "employee_id", name="uq_roster_day_employee"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    day: date = Field(index=True)
    employee_id: int = Field(foreign_key="employee.id", index=True)


class CalendarDay(SQLModel, table=True):
    """One day of the shop's calendar that differs from the week pattern (or names it): a statutory
    holiday or make-up working day seeded from the chinese_calendar package (source "statutory"), or
    the shop's own entry (source "shop": holiday, makeup, workday or rest), which wins."""

    __tablename__ = "calendar_day"

    day: date = Field(primary_key=True)
    source: str = Field(primary_key=True, max_length=16)  # statutory | shop
    kind: str = Field(max_length=16)  # holiday | makeup | workday | rest
    name: str = Field(default="", max_length=64)


class KioskLock(SQLModel, table=True):
    """Wrong-PIN counter per 工号 at the kiosk; survives kiosk restarts."""

    __tablename__ = "kiosk_lock"

    employee_no: str = Field(primary_key=True, max_length=32)
    failures: int = 0
    locked_until: Optional[LocalDateTime] = None


class KioskPinGuard(SQLModel, table=True):
    """Wrong PINs over all 工号 at one kiosk PC (by its host name): stored, so restarting the kiosk, or a
    second kiosk process on that PC, does not start the count again."""

    __tablename__ = "kiosk_pin_guard"

    kiosk: str = Field(primary_key=True, max_length=128)
    failures: int = 0
    window_start: Optional[LocalDateTime] = None
    paused_until: Optional[LocalDateTime] = None


class AttendanceCarry(SQLModel, table=True):
    """What the year before a month carries into it per person (app.rules.attendance.Carry), as last
    worked out: derived data, kept so a new process need not judge a year of punches again. Valid while
    ``inputs`` (the digest of everything else judging read) is unchanged and no punch dated in the
    year before the month has an id above ``punch_mark`` (app.services.attendance_carry)."""

    __tablename__ = "attendance_carry"

    month: str = Field(primary_key=True, max_length=7)  # "YYYY-MM": the year before this month
    inputs: str = Field(max_length=64)
    punch_mark: int = 0
    carries: str = ""  # JSON {employee id: [occurrences, absence days, run]}, people with something to carry
    computed_at: LocalDateTime = Field(default_factory=now)
