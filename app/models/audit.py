"""The append-only audit trail; each row carries the hash of the one before (tamper evidence)."""

from __future__ import annotations


from typing import Any, Optional

from sqlmodel import Field, SQLModel

from app.models._base import LocalDateTime, json_column, now


class AuditEntry(SQLModel, table=True):
    __tablename__ = "audit_log"

    id: Optional[int] = Field(default=None, primary_key=True)
    at: LocalDateTime = Field(default_factory=now, index=True)
    actor: str = Field(max_length=64)
    action: str = Field(max_length=64, index=True)
    entity: str = Field(max_length=64)
    entity_id: str = Field(default="", max_length=64, index=True)
    before: Any = Field(default=None, sa_column=json_column())
    after: Any = Field(default=None, sa_column=json_column())
    prev_hash: str = Field(default="", max_length=64)
    hash: str = Field(default="", max_length=64)
    # {table: {row id: digest}} of the data rows this entry wrote (app.services.coverage); part of the hash
    covers: Any = Field(default=None, sa_column=json_column())


class AuditCoverage(SQLModel, table=True):
    """Per covered table, the highest row id that existed before rows referenced their audit row."""

    __tablename__ = "audit_coverage"

    table_name: str = Field(primary_key=True, max_length=64)
    legacy_max_id: int = 0
