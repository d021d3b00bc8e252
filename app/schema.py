"""Schema version check and migration.

The check at start-up reads the revision ids straight from the files in
app/migrations/versions, so opening an up-to-date database never imports Alembic.
Areas add their own revision chains; several heads are fine and upgrade goes to all of them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine

from app.errors import SchemaTooNew
from app.paths import MIGRATIONS_DIR

VERSION_TABLE = "alembic_version"
_REV = re.compile(r"^revision\s*(?::[^=]*)?=\s*['\"]([\w\-]+)['\"]", re.M)
_DOWN = re.compile(r"^down_revision\s*(?::[^=]*)?=\s*(.+)$", re.M)


@lru_cache(maxsize=1)
def revision_graph() -> dict[str, tuple[str, ...]]:
    """revision -> its down revisions, parsed from the revision files."""
    graph: dict[str, tuple[str, ...]] = {}
    for path in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        rev = _REV.search(source)
        down = _DOWN.search(source)
        if not rev:
            continue
        downs = tuple(re.findall(r"['\"]([\w\-]+)['\"]", down.group(1))) if down else ()
        graph[rev.group(1)] = downs
    return graph


def heads() -> set[str]:
    graph = revision_graph()
    referenced = {d for downs in graph.values() for d in downs}
    return set(graph) - referenced


def applied(engine: Engine) -> set[str] | None:
    """The revisions stamped in the database, or None for an empty database."""
    with engine.connect() as conn:
        tables = inspect(conn).get_table_names()
        if VERSION_TABLE not in tables:
            return None if not tables else set()
        return {row[0] for row in conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}"))}


def peek_file(path) -> None:
    """Refuse a SQLite file from a newer ShopTeam before anything (even WAL mode) touches it."""
    import sqlite3

    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return  # let the engine report an unreadable file
    try:
        rows = conn.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchall()
    except sqlite3.Error:
        return
    finally:
        conn.close()
    _refuse_unknown({r[0] for r in rows})


def _refuse_unknown(stamped: set[str]) -> None:
    unknown = stamped - set(revision_graph())
    if unknown:
        raise SchemaTooNew(
            "This database was written by a newer version of ShopTeam (schema {revs}). "
            "Install the newer ShopTeam to open it; it was not changed.",
            revs=", ".join(sorted(unknown)),
        )


def check(engine: Engine) -> str:
    """'current', 'empty' or 'old'; raises SchemaTooNew for a database from a newer ShopTeam."""
    stamped = applied(engine)
    if stamped is None:
        return "empty"
    _refuse_unknown(stamped)
    return "current" if stamped == heads() else "old"


def alembic_config(engine: Engine):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: Engine, target: str = "heads") -> None:
    from alembic import command

    command.upgrade(alembic_config(engine), target)
