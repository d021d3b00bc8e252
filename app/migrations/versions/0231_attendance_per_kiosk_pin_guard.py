"""attendance: per-kiosk PIN guard

Revision ID: 0231
Revises: 0230
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0231'
down_revision = '0230'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('kiosk_pin_guard',
    sa.Column('kiosk', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('window_start', sa.DateTime(), nullable=True),
    sa.Column('paused_until', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('kiosk')
    )


def downgrade() -> None:
    op.drop_table('kiosk_pin_guard')
