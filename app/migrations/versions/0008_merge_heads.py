"""merge: one head for the areas built in parallel (attendance, tasks, appraisal, documents)

Revision ID: 0008
Revises: 0002, 0004, 0006, 0007
"""

revision = '0008'
down_revision = ('0002', '0004', '0006', '0007')
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
