"""The newest revision upgrades a database full of data (the demo department, with its appraisal periods
and everything pointing at them) with SQLite's foreign keys on, as the app opens it."""

import pytest
from sqlalchemy import text

from app import schema
from app.db import open_database, set_current

pytestmark = pytest.mark.usefixtures("sqlite_only")


def test_the_newest_revision_upgrades_the_demo_database(demo_db):
    path = str(demo_db.path)
    with demo_db.engine.connect() as conn:
        counts = {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar()
                  for t in ("appraisal_period", "appraisal_subject", "appraisal_score", "employee", "punch")}
    assert counts["appraisal_subject"] > 0
    from alembic import command

    command.downgrade(schema.alembic_config(demo_db.engine), "-1")  # back one step, data kept
    set_current(None)
    demo_db.dispose()
    db = open_database(path)  # and up again, as the app does on start
    with db.engine.connect() as conn:
        assert {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in counts} == counts
        assert conn.execute(text("PRAGMA foreign_key_check")).all() == []
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1  # on again for the app
    assert schema.check(db.engine) == "current"
