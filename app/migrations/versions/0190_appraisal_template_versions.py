"""appraisal: template versions (every template a position has had, numbered)

Revision ID: 0190
Revises: 0180
Create Date: 2026-11-29 22:28:26.467419
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0190'
down_revision = '0180'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('appraisal_template_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('position_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('scheme', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('body', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['position_id'], ['position.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('position_id', 'version', name='uq_appraisal_template_version')
    )
    with op.batch_alter_table('appraisal_template_version', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_appraisal_template_version_position_id'), ['position_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('appraisal_template_version', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_appraisal_template_version_position_id'))
    op.drop_table('appraisal_template_version')
