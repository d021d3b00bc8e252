"""attendance: punch imports in short steps

Revision ID: 0290
Revises: 0260
Create Date: 2026-11-30 05:00:48.083711
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0290'
down_revision = '0260'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # an import's run and its staged rows (app.services.punch_import: the kiosk never waits on an import)
    op.create_table('punch_import_run',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('file', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('sha256', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('actor', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('state', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('staged', sa.Integer(), nullable=False),
    sa.Column('added', sa.Integer(), nullable=False),
    sa.Column('summary', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('punch_import_row',
    sa.Column('run_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('lo', sa.DateTime(), nullable=False),
    sa.Column('hi', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['run_id'], ['punch_import_run.id'], ),
    sa.PrimaryKeyConstraint('run_id', 'seq')
    )


def downgrade() -> None:
    op.drop_table('punch_import_row')
    op.drop_table('punch_import_run')
