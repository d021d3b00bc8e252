"""documents: handbook sections and printed versions

Revision ID: 0006
Revises: 0001
Create Date: 2026-11-22 06:50:24.721764
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0006'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('handbook_print',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('effective_date', sa.Date(), nullable=False),
    sa.Column('printed_at', sa.DateTime(), nullable=False),
    sa.Column('printed_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('pages', sa.Integer(), nullable=False),
    sa.Column('sha256', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('policy', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('handbook_print', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_handbook_print_version'), ['version'], unique=False)

    op.create_table('handbook_section',
    sa.Column('key', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('body', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )


def downgrade() -> None:
    op.drop_table('handbook_section')
    with op.batch_alter_table('handbook_print', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_handbook_print_version'))

    op.drop_table('handbook_print')
