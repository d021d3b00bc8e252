"""Schema changes only through migrations: old databases upgrade, newer ones are refused untouched."""

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from app import schema
from app.db import open_database, set_current
from app.errors import SchemaTooNew

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_every_released_schema_upgrades_to_head_and_keeps_its_data(tmp_path):
    for fixture in sorted(FIXTURES.glob("schema_*.db")):
        path = tmp_path / fixture.name
        shutil.copy(fixture, path)
        db = open_database(str(path))
        try:
            assert schema.check(db.engine) == "current"
            with db.engine.connect() as conn:
                names = [r[0] for r in conn.exec_driver_sql("SELECT name FROM employee ORDER BY employee_no")]
            assert names[0] == "陈志远" and len(names) == 15
        finally:
            set_current(None)


def test_migrations_match_the_models(tmp_path):
    """Autogenerate finds nothing to do on a database at head: no model change without a revision."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    import app.models

    app.models.load_all()
    from sqlmodel import SQLModel

    engine = create_engine(f"sqlite:///{tmp_path / 'head.db'}")
    schema.upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), SQLModel.metadata)
    assert diff == []


def test_a_database_from_a_newer_version_is_refused_and_left_unchanged(tmp_path):
    path = tmp_path / "newer.db"
    shutil.copy(FIXTURES / "schema_0001.db", path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(SchemaTooNew) as err:
        open_database(str(path))
    assert "newer version of ShopTeam" in str(err.value)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_an_empty_file_is_created_at_head(tmp_path):
    db = open_database(str(tmp_path / "sub" / "new.db"))
    try:
        assert schema.check(db.engine) == "current"
        assert schema.applied(db.engine) == schema.heads()
    finally:
        set_current(None)


def test_sqlite_runs_in_wal_with_foreign_keys_and_full_sync(sqlite_only, db):
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_database_location_resolution(monkeypatch, tmp_path):
    from app.db import resolve_url

    monkeypatch.setenv("SHOPTEAM_HOME", str(tmp_path))
    monkeypatch.delenv("SHOPTEAM_DB", raising=False)
    assert resolve_url() == "sqlite:///" + str(tmp_path / "shopteam.db")
    monkeypatch.setenv("SHOPTEAM_DB", str(tmp_path / "env.db"))
    assert resolve_url() == "sqlite:///" + str(tmp_path / "env.db")
    assert resolve_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"


def test_the_revisions_have_one_head():
    """Branches built in parallel are joined by a merge revision, so upgrade has one target."""
    assert len(schema.heads()) == 1
