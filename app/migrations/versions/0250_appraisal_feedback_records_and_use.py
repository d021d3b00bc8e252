"""appraisal: feedback records (interview stages, appeal talk, 述职报告) and use-of-results decisions

Revision ID: 0250
Revises: 0240
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0250'
down_revision = '0240'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('appraisal_use_decision',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('period_key', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('flag', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('outcome', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['employee_id'], ['employee.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('appraisal_use_decision', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_appraisal_use_decision_employee_id'), ['employee_id'], unique=False)

    op.create_table('appraisal_annual_report',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('subject_id', sa.Integer(), nullable=False),
    sa.Column('body', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['subject_id'], ['appraisal_subject.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('subject_id')
    )
    op.create_table('appraisal_interview',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('subject_id', sa.Integer(), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('interviewer_id', sa.Integer(), nullable=True),
    sa.Column('goals', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('process', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('feedback', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('improvement', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('plan', sa.JSON(), nullable=False),
    sa.Column('confirmed_on', sa.Date(), nullable=True),
    sa.Column('employee_remark', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['interviewer_id'], ['employee.id'], ),
    sa.ForeignKeyConstraint(['subject_id'], ['appraisal_subject.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('subject_id')
    )
    op.create_table('appraisal_appeal_talk',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('appeal_id', sa.Integer(), nullable=False),
    sa.Column('leader_id', sa.Integer(), nullable=True),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('notes', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.Column('recorded_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['appeal_id'], ['appraisal_appeal.id'], ),
    sa.ForeignKeyConstraint(['leader_id'], ['employee.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('appeal_id')
    )


def downgrade() -> None:
    op.drop_table('appraisal_appeal_talk')
    op.drop_table('appraisal_interview')
    op.drop_table('appraisal_annual_report')
    with op.batch_alter_table('appraisal_use_decision', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_appraisal_use_decision_employee_id'))

    op.drop_table('appraisal_use_decision')
