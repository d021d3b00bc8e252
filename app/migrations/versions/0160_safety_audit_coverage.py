"""safety: data rows reference the audit row that wrote them

Revision ID: 0160
Revises: 0141
Create Date: 2026-11-29 23:05:00

Adds ``audit_id`` to the rows people are paid by (punches, corrections, leave and overtime requests,
appraisal scores, user accounts), ``covers`` (the digests of the rows an entry wrote) to the audit
log, and ``audit_coverage``: per table, the highest id that existed before this revision, so that
`check` can tell old rows (written before rows were covered) from new rows that lost their audit row.
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0160'
down_revision = '0141'
branch_labels = None
depends_on = None

COVERED = ("punch", "punch_correction", "leave_request", "overtime_request", "appraisal_score", "app_user")


def upgrade() -> None:
    # plain ADD COLUMN (no table rebuild): these tables are referenced by others
    for table in COVERED:
        op.add_column(table, sa.Column('audit_id', sa.Integer(), nullable=True))
        op.create_index(f'ix_{table}_audit_id', table, ['audit_id'], unique=False)
    op.add_column('audit_log', sa.Column('covers', sa.JSON(), nullable=True))
    coverage = op.create_table(
        'audit_coverage',
        sa.Column('table_name', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column('legacy_max_id', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('table_name'),
    )
    conn = op.get_bind()
    op.bulk_insert(coverage, [
        {"table_name": table, "legacy_max_id": conn.execute(sa.text(f"SELECT coalesce(max(id), 0) FROM {table}")).scalar()}
        for table in COVERED])


def downgrade() -> None:
    op.drop_table('audit_coverage')
    with op.batch_alter_table('audit_log') as batch_op:
        batch_op.drop_column('covers')
    for table in COVERED:
        op.drop_index(f'ix_{table}_audit_id', table_name=table)
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column('audit_id')
