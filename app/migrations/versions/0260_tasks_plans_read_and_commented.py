"""tasks: plans read and commented

Revision ID: 0260
Revises: 0250
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0260'
down_revision = '0250'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('work_plan_comment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('author', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('author_name', sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
    sa.Column('body', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['work_plan.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('work_plan_comment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_work_plan_comment_plan_id'), ['plan_id'], unique=False)

    # plans submitted before this revision are unread
    with op.batch_alter_table('work_plan', schema=None) as batch_op:
        batch_op.add_column(sa.Column('read_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('read_by', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('read_by_name', sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('work_plan', schema=None) as batch_op:
        batch_op.drop_column('read_by_name')
        batch_op.drop_column('read_by')
        batch_op.drop_column('read_at')

    with op.batch_alter_table('work_plan_comment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_work_plan_comment_plan_id'))

    op.drop_table('work_plan_comment')
