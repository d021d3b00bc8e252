"""Shared argument helpers for command modules."""

from __future__ import annotations

import argparse
from datetime import date, datetime

from app.errors import ValidationError
from app.i18n import _
from app.rules.dates import parse_month
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
    found = parse_month(text)
    if found is None:
        raise ValidationError("{value!r} is not a month; write it as YYYY-MM, e.g. 2026-11.", value=text)
    return found


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


def record_id(text: str) -> int:
    """A record's number as argparse reads it: a whole number a database key can hold."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value < 2**63:
        raise argparse.ArgumentTypeError(_("{value!r} is not a record number; the lists show each one's number.",
                                           value=text))
    return value
