"""Departments (nested) and positions with their job description card (岗位说明书)."""

from __future__ import annotations

from datetime import date
from typing import Optional

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from app.models._base import json_column


class Department(SQLModel, table=True):
    __tablename__ = "department"

    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(index=True, unique=True, max_length=100)
    parent_id: Optional[int] = Field(default=None, foreign_key="department.id", index=True)
    sort_order: int = 0
    description: str = ""
    head_id: Optional[int] = None  # 部门负责人 set by hand (rules/raters.py); an employee id, no FK: employee -> position -> department already


class Position(SQLModel, table=True):
    __tablename__ = "position"
    __table_args__ = (UniqueConstraint("department_id", "name", name="uq_position_department_name"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(max_length=100)
    department_id: int = Field(foreign_key="department.id", index=True)
    reports_to_id: Optional[int] = Field(default=None, foreign_key="position.id")
    supervisor: str = ""  # 直接督导, free text as on the paper card
    drawn_up: Optional[date] = None  # 制定日期
    summary: str = ""  # 职责描述
    duties: list = Field(default_factory=list, sa_column=json_column(nullable=False))  # 工作职责
    planned_headcount: int = 1
    is_manager: bool = False  # appraised as a middle manager even without reports
