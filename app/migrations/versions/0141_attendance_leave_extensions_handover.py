"""attendance: leave extensions and handover records

Revision ID: 0141
Revises: 0120
Create Date: 2026-11-29

A leave's extension points at the leave it extends; the 临时工作交接表 handover record.
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0141'
down_revision = '0120'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('handover_record',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('to_employee_id', sa.Integer(), nullable=False),
    sa.Column('start', sa.DateTime(), nullable=False),
    sa.Column('back_at', sa.DateTime(), nullable=False),
    sa.Column('place', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('items', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('recorded_by', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['employee_id'], ['employee.id'], ),
    sa.ForeignKeyConstraint(['to_employee_id'], ['employee.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('handover_record', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_handover_record_employee_id'), ['employee_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_handover_record_start'), ['start'], unique=False)

    with op.batch_alter_table('leave_request', schema=None) as batch_op:
        batch_op.add_column(sa.Column('extends_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_leave_request_extends_id', 'leave_request', ['extends_id'], ['id'])



def downgrade() -> None:
    with op.batch_alter_table('leave_request', schema=None) as batch_op:
        batch_op.drop_constraint('fk_leave_request_extends_id', type_='foreignkey')
        batch_op.drop_column('extends_id')

    with op.batch_alter_table('handover_record', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_handover_record_start'))
        batch_op.drop_index(batch_op.f('ix_handover_record_employee_id'))

    op.drop_table('handover_record')
