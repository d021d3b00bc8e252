"""appraisal: anonymous mutual rating

Revision ID: 0240
Revises: 0231
Create Date: 2026-11-30 01:22:09.573996
"""

from alembic import op
import sqlalchemy as sa


revision = '0240'
down_revision = '0231'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('appraisal_mutual_ballot',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('period_id', sa.Integer(), nullable=False),
    sa.Column('voter_id', sa.Integer(), nullable=False),
    sa.Column('cast_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['period_id'], ['appraisal_period.id'], ),
    sa.ForeignKeyConstraint(['voter_id'], ['employee.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('period_id', 'voter_id', name='uq_appraisal_mutual_ballot')
    )
    with op.batch_alter_table('appraisal_mutual_ballot', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_appraisal_mutual_ballot_period_id'), ['period_id'], unique=False)

    op.create_table('appraisal_mutual_rating',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('period_id', sa.Integer(), nullable=False),
    sa.Column('ratee_id', sa.Integer(), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['period_id'], ['appraisal_period.id'], ),
    sa.ForeignKeyConstraint(['ratee_id'], ['employee.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('appraisal_mutual_rating', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_appraisal_mutual_rating_period_id'), ['period_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_appraisal_mutual_rating_ratee_id'), ['ratee_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('appraisal_mutual_rating', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_appraisal_mutual_rating_ratee_id'))
        batch_op.drop_index(batch_op.f('ix_appraisal_mutual_rating_period_id'))

    op.drop_table('appraisal_mutual_rating')
    with op.batch_alter_table('appraisal_mutual_ballot', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_appraisal_mutual_ballot_period_id'))

    op.drop_table('appraisal_mutual_ballot')
