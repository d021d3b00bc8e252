"""appraisal: department head, period scope and gm delegation

Revision ID: 0150
Revises: 0140
"""

import sqlalchemy as sa
from alembic import op

revision = '0150'
down_revision = '0140'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('appraisal_period', schema=None) as batch_op:
        batch_op.add_column(sa.Column('scope', sa.String(length=400), nullable=False, server_default='all'))
        batch_op.add_column(sa.Column('gm_delegated', sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table('department', schema=None) as batch_op:
        batch_op.add_column(sa.Column('head_id', sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('department', schema=None) as batch_op:
        batch_op.drop_column('head_id')
    with op.batch_alter_table('appraisal_period', schema=None) as batch_op:
        batch_op.drop_column('gm_delegated')
        batch_op.drop_column('scope')
