"""users: command-line sessions

Revision ID: 0230
Revises: 0220
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0230'
down_revision = '0220'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('cli_session',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['app_user.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('token_hash')
    )
    with op.batch_alter_table('cli_session', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cli_session_user_id'), ['user_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('cli_session', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cli_session_user_id'))

    op.drop_table('cli_session')
