"""The bench data sets on either engine.

``location(engine, sqlite_file)`` gives what a scenario opens: the SQLite working copy itself, or a
fresh PostgreSQL database holding the same rows, bulk-loaded with COPY (psycopg) from that file.
``--db postgresql+psycopg://…`` names the server; ``--engines both`` starts a throwaway one as the
tests do (tools/pg_test.py).
"""

from __future__ import annotations

import itertools
import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

SQLITE, POSTGRESQL = "sqlite", "postgresql"
_server_url: str | None = None  # set by --db or by throwaway()
_names = itertools.count(1)


def set_server(url: str | None) -> None:
    global _server_url
    _server_url = url


def server() -> str:
    if not _server_url:
        raise RuntimeError("no PostgreSQL server: pass --db postgresql+psycopg://… or --engines both")
    return _server_url


@contextmanager
def throwaway() -> Iterator[str]:
    """A PostgreSQL server for this run only (tools/pg_test.py), stopped afterwards."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
    import pg_test

    url, data = pg_test.start()
    try:
        yield url
    finally:
        pg_test.stop(data)


def _admin_conninfo(url: str, database: str | None = None) -> str:
    from sqlalchemy.engine import make_url

    u = make_url(url)
    if database:
        u = u.set(database=database)
    return u.set(drivername="postgresql").render_as_string(hide_password=False)


def location(engine: str, sqlite_file: Path) -> str:
    """What open_database() takes for this engine: the file, or a new database loaded from it."""
    if engine == SQLITE:
        return str(sqlite_file)
    return copy_to_postgresql(sqlite_file, f"bench_{os.getpid()}_{next(_names)}")


def copy_to_postgresql(sqlite_file: Path, name: str) -> str:
    """A new database ``name`` on the server, migrated by the app, then filled table by table with
    COPY from the SQLite file (foreign-key triggers off during the load, sequences moved past the ids)."""
    import psycopg
    from sqlalchemy.engine import make_url

    from app.db import open_database, set_current

    open_database(str(sqlite_file))  # a cached file of an older schema: the same tables as the new database
    set_current(None)
    with psycopg.connect(_admin_conninfo(server()), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    url = make_url(server()).set(database=name).render_as_string(hide_password=False)
    open_database(url)  # the schema, through the app's own migrations
    set_current(None)
    src = sqlite3.connect(sqlite_file)
    tables = [t for (t,) in src.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")
              if t != "alembic_version"]
    with psycopg.connect(_admin_conninfo(url)) as pg:
        present = {t for (t,) in pg.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
        tables = [t for t in tables if t in present]
        pg.execute("SET session_replication_role = replica")
        pg.execute("SET maintenance_work_mem = '256MB'")
        pg.execute("TRUNCATE " + ", ".join(f'"{t}"' for t in tables))
        for table in tables:
            pg_cols = {c: typ for c, typ in pg.execute(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = %s", (table,))}
            cols = [r[1] for r in src.execute(f'PRAGMA table_info("{table}")') if r[1] in pg_cols]
            flags = [pg_cols[c] == "boolean" for c in cols]
            quoted = ", ".join(f'"{c}"' for c in cols)
            # indexes that back no constraint are built once after the load, not row by row during it
            # (a chain's five million punches: minutes less)
            indexes = pg.execute("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' "
                                 "AND tablename = %s AND indexname NOT IN (SELECT conname FROM pg_constraint)",
                                 (table,)).fetchall()
            for name, _definition in indexes:
                pg.execute(f'DROP INDEX "{name}"')
            rows = src.execute(f'SELECT {quoted} FROM "{table}"')
            with pg.cursor().copy(f'COPY "{table}" ({quoted}) FROM STDIN') as copy:
                if not any(flags):
                    for row in rows:
                        copy.write_row(row)
                else:
                    for row in rows:
                        copy.write_row([bool(v) if flag and v is not None else v for v, flag in zip(row, flags)])
            for _name, definition in indexes:
                pg.execute(definition)
            if "id" in cols:
                pg.execute(f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                           f'COALESCE((SELECT MAX(id) FROM "{table}"), 0) + 1, false)')
        pg.execute("SET session_replication_role = DEFAULT")
        pg.commit()
    with psycopg.connect(_admin_conninfo(url), autocommit=True) as pg:
        # as autovacuum leaves a server after a bulk load: statistics, and the visibility map that lets
        # a count over the `at` index (the summary's fingerprint of the year) skip the table
        pg.execute("VACUUM ANALYZE")
    src.close()
    return url


def drop(url: str) -> None:
    import psycopg
    from sqlalchemy.engine import make_url

    name = make_url(url).database
    with psycopg.connect(_admin_conninfo(server()), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
