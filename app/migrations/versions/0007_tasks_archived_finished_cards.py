"""tasks: archived finished cards

Revision ID: 0007
Revises: 0003
Create Date: 2026-11-22 08:07:40.085680
"""

from alembic import op
import sqlalchemy as sa

revision = '0007'
down_revision = '0003'
branch_labels = None
depends_on = None

def upgrade() -> None:
    with op.batch_alter_table('task', schema=None) as batch_op:
        batch_op.add_column(sa.Column('archived_at', sa.DateTime(), nullable=True))
        batch_op.create_index(batch_op.f('ix_task_archived_at'), ['archived_at'], unique=False)

def downgrade() -> None:
    with op.batch_alter_table('task', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_task_archived_at'))
        batch_op.drop_column('archived_at')

