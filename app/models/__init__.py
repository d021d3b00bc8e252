"""SQLModel tables, one module per area.

The foundation tables (org, people, users, policy, audit) load with the package; every other
table references only them. Area modules load when their services import them, which keeps
~0.15 s of class building out of start-up. ``load_all()`` registers every table (migrations,
schema comparison).
"""

from __future__ import annotations

import importlib
import pkgutil

from sqlmodel import SQLModel

from app.models import audit, org, people, policy, users  # noqa: F401  the foundation tables

metadata = SQLModel.metadata


def load_all():
    """Import every area module so SQLModel.metadata knows every table."""
    for info in pkgutil.iter_modules(__path__):
        if not info.name.startswith("_"):
            importlib.import_module(f"{__name__}.{info.name}")
    return metadata
