"""Login accounts with a role; optionally linked to an employee."""

from __future__ import annotations


from typing import Optional

from sqlalchemy import Index, text
from sqlmodel import Field, SQLModel

from app.models._base import LocalDateTime, now

ROLES = ("admin", "manager", "hr", "staff", "gm")  # gm: the general manager, linked to the top of the tree


class User(SQLModel, table=True):
    __tablename__ = "app_user"
    # only one account is ever created as the first administrator
    __table_args__ = (Index("uq_app_user_first_admin", "first_admin", unique=True,
                            sqlite_where=text("first_admin"), postgresql_where=text("first_admin")),)

    id: Optional[int] = Field(default=None, primary_key=True)
    username: str = Field(index=True, unique=True, max_length=64)
    password_hash: str
    role: str = Field(max_length=16)
    employee_id: Optional[int] = Field(default=None, foreign_key="employee.id")
    active: bool = True
    failed_logins: int = 0
    locked_until: Optional[LocalDateTime] = None
    created_at: LocalDateTime = Field(default_factory=now)
    first_admin: bool = False
    audit_id: Optional[int] = Field(default=None, index=True)  # the audit row that wrote it (app.services.coverage)


class CliSession(SQLModel, table=True):
    """A command-line login (``shopteam login``): the token's SHA-256, never the token itself."""

    __tablename__ = "cli_session"

    id: Optional[int] = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="app_user.id", index=True)
    token_hash: str = Field(max_length=64, unique=True)
    created_at: LocalDateTime = Field(default_factory=now)
    expires_at: LocalDateTime
