"""ops: on PostgreSQL, every statement that appends audit rows notifies the listening windows

The window's change watcher LISTENs on ``shopteam_changes`` (app/services/changes.py) and then
reads the new audit rows, so a change made on another PC reaches the screens by area.
SQLite needs nothing: the watcher reads ``PRAGMA data_version`` there.

Revision ID: 0130
Revises: 0200
"""

from alembic import op

revision = '0130'
down_revision = '0200'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("""
        CREATE OR REPLACE FUNCTION shopteam_notify_changes() RETURNS trigger AS $$
        BEGIN
            PERFORM pg_notify('shopteam_changes', '');
            RETURN NULL;
        END
        $$ LANGUAGE plpgsql
    """)
    op.execute("""
        CREATE TRIGGER audit_log_notify_changes AFTER INSERT ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION shopteam_notify_changes()
    """)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS audit_log_notify_changes ON audit_log")
    op.execute("DROP FUNCTION IF EXISTS shopteam_notify_changes()")
