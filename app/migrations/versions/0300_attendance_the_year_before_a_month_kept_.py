"""attendance: the year before a month kept per month

What each person's earlier days of the year carry into a month (absences, occurrences, the run of
absent days), so the first summary in a new process reads one row instead of judging a year of
punches (app/services/attendance_carry.py). Derived data: emptying the table only costs time.

Revision ID: 0300
Revises: 0280
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0300'
down_revision = '0280'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('attendance_carry',
    sa.Column('month', sqlmodel.sql.sqltypes.AutoString(length=7), nullable=False),
    sa.Column('inputs', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('punch_mark', sa.Integer(), nullable=False),
    sa.Column('carries', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('computed_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('month')
    )


def downgrade() -> None:
    op.drop_table('attendance_carry')
