"""attendance: punches by moment and person

A span's punches grouped per person and day (app/services/punch_days.py, the monthly summary and the
year before it) are read from this index alone, without visiting each punch row.

Revision ID: 0280
Revises: 0290
"""

from alembic import op


revision = '0280'
down_revision = '0290'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('punch', schema=None) as batch_op:
        batch_op.create_index('ix_punch_at_employee', ['at', 'employee_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('punch', schema=None) as batch_op:
        batch_op.drop_index('ix_punch_at_employee')
