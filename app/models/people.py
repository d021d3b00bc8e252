"""Employees (员工): the people the department runs on."""

from __future__ import annotations

from datetime import date
from typing import Optional

from sqlmodel import Field, SQLModel

from app.models._base import LocalDateTime, now

EMPLOYEE_STATUSES = ("active", "probation", "left")  # 在职 / 试用 / 离职


class Employee(SQLModel, table=True):
    __tablename__ = "employee"

    id: Optional[int] = Field(default=None, primary_key=True)
    employee_no: str = Field(index=True, unique=True, max_length=32)  # 工号
    name: str = Field(max_length=50)
    position_id: Optional[int] = Field(default=None, foreign_key="position.id", index=True)
    manager_id: Optional[int] = Field(default=None, foreign_key="employee.id", index=True)
    hire_date: Optional[date] = None
    leave_date: Optional[date] = None
    status: str = Field(default="active", max_length=16)
    phone: str = ""
    badge_code: Optional[str] = Field(default=None, unique=True, max_length=64)  # 工卡号
    clock_no: Optional[str] = Field(default=None, index=True, unique=True, max_length=32)  # 考勤号码: user number on the wall clock
    pin_hash: Optional[str] = None  # argon2 hash of the kiosk PIN
    created_at: LocalDateTime = Field(default_factory=now)
