"""Shared argument helpers for command modules."""

from __future__ import annotations

import re
from datetime import date, datetime

from app.errors import ValidationError
from app.services.context import Actor


def cli_actor() -> Actor:
    """Who the command acts as: a login, or the owner of a local database file (app/cli/_login.py)."""
    from app.cli._login import current_actor

    return current_actor()


def by_actor(employee_no: str) -> Actor:
    """The decider a ``--by EMPLOYEE_NO`` names; a login may only name itself."""
    from app.cli._login import by_actor as named

    return named(employee_no)


def month_arg(text: str) -> tuple[int, int]:
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", text.strip())
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise ValidationError("{value!r} is not a month; write it as YYYY-MM, e.g. 2026-11.", value=text)
    return int(m.group(1)), int(m.group(2))


def date_arg(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError("{value!r} is not a date; write it as YYYY-MM-DD.", value=text) from None


def datetime_arg(text: str) -> datetime:
    t = text.strip().replace("T", " ")
    for fmt in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"):
        try:
            return datetime.strptime(t, fmt)
        except ValueError:
            continue
    raise ValidationError("{value!r} is not a time; write it as \"YYYY-MM-DD HH:MM\".", value=text)
