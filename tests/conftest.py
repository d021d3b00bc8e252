"""Shared fixtures: a fresh database per test (copied from one migrated template), headless Qt.

With SHOPTEAM_TEST_PG_URL set (tools/pg_test.py does it) every ``db`` is a fresh PostgreSQL
database cloned from a migrated template instead of a SQLite file.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SHOPTEAM_LANG", "en")
os.environ.setdefault("MPLBACKEND", "Agg")

import pytest  # noqa: E402
from hypothesis import settings as _hypothesis  # noqa: E402

# CI replays the same examples every run (a gate must not pass or fail by chance); a developer's run
# explores new ones. Whatever either finds goes into a deterministic test beside the sweep.
_hypothesis.register_profile("ci", derandomize=True, database=None, print_blob=True)
_hypothesis.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


PG_URL = os.environ.get("SHOPTEAM_TEST_PG_URL", "")
DEMO_TODAY = __import__("datetime").date(2026, 11, 25)  # the demo department is loaded as of this day, every run  # e.g. postgresql+psycopg://postgres@127.0.0.1:54329/postgres


def _pg_admin():
    from sqlalchemy import create_engine

    return create_engine(PG_URL, isolation_level="AUTOCOMMIT")


def _pg_url(name: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(PG_URL).set(database=name).render_as_string(hide_password=False)


def _worker() -> str:
    return os.environ.get("PYTEST_XDIST_WORKER", "main") + f"_{os.getpid()}"


@pytest.fixture(scope="session")
def _template_db(tmp_path_factory):
    """SQLite: one migrated file copied per test. PostgreSQL: one migrated database used as a template."""
    from app.db import Database
    from app import schema

    if PG_URL:
        from sqlalchemy import text

        name = f"shopteam_tpl_{_worker()}"
        admin = _pg_admin()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        db = Database(_pg_url(name))
        schema.upgrade(db.engine)
        db.dispose()
        yield name
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
        return
    path = tmp_path_factory.mktemp("template") / "template.db"
    db = Database("sqlite:///" + str(path))
    schema.upgrade(db.engine)
    db.dispose()
    yield path


_pg_counter = iter(range(1, 1_000_000))


def _pg_clone(template: str) -> str:
    from sqlalchemy import text

    name = f"shopteam_t_{_worker()}_{next(_pg_counter)}"
    admin = _pg_admin()
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    admin.dispose()
    return name


def _pg_drop(name: str) -> None:
    from sqlalchemy import text

    admin = _pg_admin()
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _current_copy(template, tmp_path: Path, monkeypatch):
    """A fresh copy of a template database made current (English messages): a file copy for
    SQLite, a database cloned from a template database for PostgreSQL."""
    from app.db import open_database, set_current
    from app.i18n import set_language

    monkeypatch.setenv("SHOPTEAM_HOME", str(tmp_path / "home"))
    set_language("en")
    if PG_URL:
        name = _pg_clone(template)
        yield open_database(_pg_url(name))
        set_current(None)
        _pg_drop(name)
        return
    path = tmp_path / "shopteam.db"
    shutil.copy(template, path)
    yield open_database(str(path))
    set_current(None)


@pytest.fixture
def db(tmp_path, _template_db, monkeypatch):
    """An empty, migrated database made current for the test (PostgreSQL when SHOPTEAM_TEST_PG_URL is set)."""
    yield from _current_copy(_template_db, tmp_path, monkeypatch)


@pytest.fixture
def sqlite_only():
    """For tests about the SQLite file itself (backups, two processes on one file, damaged files)."""
    if PG_URL:
        pytest.skip("about the SQLite file; the PostgreSQL run covers the services")


@pytest.fixture
def admin():
    from app.services.context import Actor

    return Actor.system("test-admin")


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory, _template_db):
    """The demo department loaded once per test session; each test gets a copy."""
    from app.db import open_database, set_current
    from app.services.context import Actor
    from app.services.demo import load_demo

    if PG_URL:
        name = _pg_clone(_template_db)
        open_database(_pg_url(name))
        load_demo(Actor.system("test-admin"), today=DEMO_TODAY)
        set_current(None)  # a template database must have no open connections
        yield name
        _pg_drop(name)
        return
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    shutil.copy(_template_db, path)
    database = open_database(str(path))
    load_demo(Actor.system("test-admin"), today=DEMO_TODAY)
    with database.engine.connect() as conn:
        conn.exec_driver_sql("COMMIT")  # leave the BEGIN IMMEDIATE the engine opened
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    set_current(None)
    yield path


@pytest.fixture
def demo_today():
    """The day the demo department was loaded as of (a fixed date: no test depends on today)."""
    return DEMO_TODAY


@pytest.fixture
def demo_db(tmp_path, _demo_template, monkeypatch):
    """The demo department in a fresh database made current for the test."""
    yield from _current_copy(_demo_template, tmp_path, monkeypatch)


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


@pytest.fixture
def cli_login():
    """In-process ``app.cli.main`` calls act as a login: ``cli_login(username, password)`` saves the token
    ``shopteam login`` would (PostgreSQL always needs one; on SQLite the file's owner needs none)."""
    from app.cli._login import save_token
    from app.db import current
    from app.services import cli_sessions

    def login(username: str, password: str):
        session = cli_sessions.start(username, password)
        save_token(current().url, session.token, session.username, session.expires_at)
        return session

    return login


@pytest.fixture
def cli_admin(cli_login, admin):
    """On PostgreSQL, in-process CLI calls act as a logged-in administrator (on SQLite as the file's owner)."""
    if PG_URL:
        from app.services.users import add_user

        add_user(admin, "cli-admin", "cli-admin-pass", "admin")
        cli_login("cli-admin", "cli-admin-pass")
