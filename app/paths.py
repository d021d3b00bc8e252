"""Where shipped files and user data live (source tree, installed, or PyInstaller bundle)."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def _root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)  # PyInstaller one-folder build
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


ROOT = _root()
DATA_DIR = ROOT / "data"
RESOURCES_DIR = ROOT / "resources"
FONT_PATH = RESOURCES_DIR / "fonts" / "wqy-microhei.ttc"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def user_data_dir() -> Path:
    """The folder holding the database and backups; SHOPTEAM_HOME overrides it (tests, portable use)."""
    override = os.environ.get("SHOPTEAM_HOME")
    if override:
        return Path(override)
    from platformdirs import user_data_dir as _udd

    return Path(_udd("ShopTeam", "ShopTeam", roaming=False))
