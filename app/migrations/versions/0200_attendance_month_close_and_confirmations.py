"""attendance: month close and confirmations

Revision ID: 0200
Revises: 0160
Create Date: 2026-11-29 23:24:55.757087
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0200'
down_revision = '0160'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('month_close',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('month', sqlmodel.sql.sqltypes.AutoString(length=7), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('closed_at', sa.DateTime(), nullable=False),
    sa.Column('closed_by', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('snapshot', sa.JSON(), nullable=False),
    sa.Column('reopened_at', sa.DateTime(), nullable=True),
    sa.Column('reopened_by', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('reopen_reason', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('month', 'version', name='uq_month_close_version')
    )
    with op.batch_alter_table('month_close', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_month_close_month'), ['month'], unique=False)

    op.create_table('month_confirmation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('close_id', sa.Integer(), nullable=False),
    sa.Column('answer', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('viewed_at', sa.DateTime(), nullable=False),
    sa.Column('answered_at', sa.DateTime(), nullable=True),
    sa.Column('via', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.ForeignKeyConstraint(['close_id'], ['month_close.id'], ),
    sa.ForeignKeyConstraint(['employee_id'], ['employee.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('employee_id', 'close_id', name='uq_month_confirmation_person')
    )
    with op.batch_alter_table('month_confirmation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_month_confirmation_close_id'), ['close_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_month_confirmation_employee_id'), ['employee_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('month_confirmation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_month_confirmation_employee_id'))
        batch_op.drop_index(batch_op.f('ix_month_confirmation_close_id'))

    op.drop_table('month_confirmation')
    with op.batch_alter_table('month_close', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_month_close_month'))

    op.drop_table('month_close')
