"""clocks: employee clock no and clock number map

Revision ID: 0180
Revises: 0008
Create Date: 2026-11-29 22:25:52.252230
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision = '0180'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('clock_number_map',
    sa.Column('clock_no', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('mapped_by', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('mapped_at', sa.DateTime(), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.ForeignKeyConstraint(['employee_id'], ['employee.id'], ),
    sa.PrimaryKeyConstraint('clock_no')
    )
    with op.batch_alter_table('clock_number_map', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_clock_number_map_employee_id'), ['employee_id'], unique=False)

    # a plain ADD COLUMN and a unique index: no table rebuild of employee, which others reference
    op.add_column('employee', sa.Column('clock_no', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True))
    op.create_index('ix_employee_clock_no', 'employee', ['clock_no'], unique=True)


def downgrade() -> None:
    op.drop_index('ix_employee_clock_no', table_name='employee')
    op.drop_column('employee', 'clock_no')

    with op.batch_alter_table('clock_number_map', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_clock_number_map_employee_id'))

    op.drop_table('clock_number_map')
