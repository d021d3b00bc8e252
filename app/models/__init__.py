"""SQLModel tables, one module per area. Importing this package registers every table."""

from __future__ import annotations

import importlib
import pkgutil

from sqlmodel import SQLModel

# Import every area module so SQLModel.metadata knows every table (areas only add files).
for _info in pkgutil.iter_modules(__path__):
    if not _info.name.startswith("_"):
        importlib.import_module(f"{__name__}.{_info.name}")

metadata = SQLModel.metadata
