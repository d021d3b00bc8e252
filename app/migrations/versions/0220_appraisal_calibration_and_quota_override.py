"""appraisal: calibration and quota override

Revision ID: 0220
Revises: 0130

"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0220'
down_revision = '0130'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('appraisal_quota_override',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('period_id', sa.Integer(), nullable=False),
    sa.Column('violations', sa.JSON(), nullable=False),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['period_id'], ['appraisal_period.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('appraisal_quota_override', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_appraisal_quota_override_period_id'), ['period_id'], unique=False)

    op.create_table('appraisal_calibration',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('subject_id', sa.Integer(), nullable=False),
    sa.Column('computed_grade', sqlmodel.sql.sqltypes.AutoString(length=4), nullable=False),
    sa.Column('score', sa.Float(), nullable=True),
    sa.Column('grade', sqlmodel.sql.sqltypes.AutoString(length=4), nullable=False),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['subject_id'], ['appraisal_subject.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('appraisal_calibration', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_appraisal_calibration_subject_id'), ['subject_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('appraisal_calibration', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_appraisal_calibration_subject_id'))

    op.drop_table('appraisal_calibration')
    with op.batch_alter_table('appraisal_quota_override', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_appraisal_quota_override_period_id'))

    op.drop_table('appraisal_quota_override')
