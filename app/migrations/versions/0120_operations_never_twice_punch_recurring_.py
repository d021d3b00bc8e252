"""operations: what the code promises happens only once, held by unique indexes

- a punch: one per person and second (the duplicate window around it is checked by the writer,
  which runs alone: BEGIN IMMEDIATE on SQLite, the advisory lock on PostgreSQL);
- a recurring card: one per rule and due day (task.occurrence);
- the first administrator: one account flagged app_user.first_admin.

Exact duplicate punches already stored (the same person, the same second: one punch stored twice by
two PCs at once) are reduced to the first before the index is built.

Revision ID: 0120
Revises: 0150
"""

from alembic import op
import sqlalchemy as sa


revision = '0120'
down_revision = '0150'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("DELETE FROM punch WHERE id NOT IN (SELECT min(id) FROM punch GROUP BY employee_id, at)")
    op.drop_index('ix_punch_employee_at', table_name='punch')
    op.create_index('uq_punch_employee_at', 'punch', ['employee_id', 'at'], unique=True)

    with op.batch_alter_table('task', schema=None) as batch_op:
        batch_op.add_column(sa.Column('occurrence', sa.Date(), nullable=True))
    op.create_index('uq_task_recurrence_occurrence', 'task', ['recurrence_id', 'occurrence'], unique=True)

    with op.batch_alter_table('app_user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('first_admin', sa.Boolean(), nullable=False, server_default=sa.false()))
    op.execute("UPDATE app_user SET first_admin = true WHERE id = (SELECT min(id) FROM app_user WHERE role = 'admin')")
    op.create_index('uq_app_user_first_admin', 'app_user', ['first_admin'], unique=True,
                    sqlite_where=sa.text('first_admin'), postgresql_where=sa.text('first_admin'))


def downgrade() -> None:
    op.drop_index('uq_app_user_first_admin', table_name='app_user')
    with op.batch_alter_table('app_user', schema=None) as batch_op:
        batch_op.drop_column('first_admin')
    op.drop_index('uq_task_recurrence_occurrence', table_name='task')
    with op.batch_alter_table('task', schema=None) as batch_op:
        batch_op.drop_column('occurrence')
    op.drop_index('uq_punch_employee_at', table_name='punch')
    op.create_index('ix_punch_employee_at', 'punch', ['employee_id', 'at'], unique=False)
