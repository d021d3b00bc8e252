"""Discovering the area tabs: every package ui/<area>/ with a tab.py module adds one tab.

tab.py defines ORDER (int), OBJECT_NAME (e.g. "orgTab"), ICON (mdi6 name), title() -> str
(translated), create(ctx, parent) -> QWidget, and optionally visible_for(ctx) -> bool.
A tab widget may implement new_item(), focus_search(), print_current(), refresh(changed_areas)
and menu_actions() -> list[QAction]; the window's shortcuts (Ctrl+N/F/P, F5) call them.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

import ui


def discover() -> list[ModuleType]:
    found = []
    for info in pkgutil.iter_modules(ui.__path__):
        if not info.ispkg:
            continue
        try:
            module = importlib.import_module(f"ui.{info.name}.tab")
        except ModuleNotFoundError as exc:
            if exc.name == f"ui.{info.name}.tab":
                continue
            raise
        found.append(module)
    return sorted(found, key=lambda m: getattr(m, "ORDER", 100))
