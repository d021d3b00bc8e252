"""Shared fixtures: a fresh database per test (copied from one migrated template), headless Qt."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SHOPTEAM_LANG", "en")
os.environ.setdefault("MPLBACKEND", "Agg")

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture(scope="session")
def _template_db(tmp_path_factory) -> Path:
    from app.db import Database
    from app import schema

    path = tmp_path_factory.mktemp("template") / "template.db"
    db = Database("sqlite:///" + str(path))
    schema.upgrade(db.engine)
    db.dispose()
    return path


@pytest.fixture
def db(tmp_path, _template_db, monkeypatch):
    """An empty, migrated database made current for the test."""
    from app.db import open_database, set_current
    from app.i18n import set_language

    monkeypatch.setenv("SHOPTEAM_HOME", str(tmp_path / "home"))
    set_language("en")
    path = tmp_path / "shopteam.db"
    shutil.copy(_template_db, path)
    database = open_database(str(path))
    yield database
    set_current(None)


@pytest.fixture
def admin():
    from app.services.context import Actor

    return Actor.system("test-admin")


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory, _template_db) -> Path:
    """The demo department loaded once per test session; each test gets a copy."""
    from app.db import open_database, set_current
    from app.services.context import Actor
    from app.services.demo import load_demo

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    shutil.copy(_template_db, path)
    database = open_database(str(path))
    load_demo(Actor.system("test-admin"))
    with database.engine.connect() as conn:
        conn.exec_driver_sql("COMMIT")  # leave the BEGIN IMMEDIATE the engine opened
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    set_current(None)
    return path


@pytest.fixture
def demo_db(tmp_path, _demo_template, monkeypatch):
    """The demo department in a fresh database made current for the test."""
    from app.db import open_database, set_current
    from app.i18n import set_language

    monkeypatch.setenv("SHOPTEAM_HOME", str(tmp_path / "home"))
    set_language("en")
    path = tmp_path / "shopteam.db"
    shutil.copy(_demo_template, path)
    database = open_database(str(path))
    yield database
    set_current(None)


@pytest.fixture
def actor_for():
    """Actor for a demo login by user name (role and employee link as stored)."""
    from sqlalchemy import select

    from app.db import reading
    from app.models.users import User
    from app.services.context import Actor

    def make(username: str) -> Actor:
        with reading() as s:
            u = s.execute(select(User).where(User.username == username)).scalar_one()
            return Actor(username=u.username, role=u.role, user_id=u.id, employee_id=u.employee_id)

    return make
