"""Column helpers shared by the area modules."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Column


def json_column(nullable: bool = True):
    return Column(JSON, nullable=nullable)


def now() -> datetime:
    """Local wall-clock time without tz: the shop's clock is what rules are written in."""
    return datetime.now().replace(microsecond=0)


# Every time in ShopTeam is shop-local wall-clock time, stored naive (sqlmodel would
# otherwise demand tz-aware values). Annotate datetime fields as LocalDateTime.
from pydantic import NaiveDatetime as LocalDateTime  # noqa: E402, F401 - re-exported for the models
