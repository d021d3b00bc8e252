"""attendance: a punch import's planned punches kept in its run, in one value

A run keeps the punches it is to add as one compressed value (``planned``) and how many of them it has
moved so far (``moved``), instead of a staged row per punch: staging 400,000 rows cost as much as
storing the punches themselves (app/services/punch_import.py). A run a crash left with staged rows is
carried over into the new form; ``punch_import_row`` goes.

Revision ID: 0320
Revises: 0300
"""

import sys
import zlib
from array import array
from datetime import datetime

import sqlalchemy as sa
from alembic import op


revision = '0320'
down_revision = '0300'
branch_labels = None
depends_on = None


def _text(at) -> str:
    # the form app.services.punch_bulk writes: SQLAlchemy's SQLite storage text of a datetime
    return at.isoformat(" ", "microseconds") if isinstance(at, datetime) else str(at)


def _encode(eids: list[int], texts: list[str]) -> bytes:
    # app.services.punch_bulk.encode as this revision wrote it: the count, the ids (8 bytes each,
    # little-endian), the times one a line; zlib-compressed
    ids = array("q", eids)
    if sys.byteorder == "big":
        ids.byteswap()
    return zlib.compress(len(ids).to_bytes(8, "little") + ids.tobytes() + "\n".join(texts).encode("ascii"), 1)


def upgrade() -> None:
    op.add_column('punch_import_run', sa.Column('planned', sa.LargeBinary(), nullable=True))
    op.add_column('punch_import_run', sa.Column('moved', sa.Integer(), nullable=False, server_default='0'))
    conn = op.get_bind()
    left = conn.execute(sa.text("SELECT DISTINCT run_id FROM punch_import_row")).scalars().all()
    for run_id in left:  # an import a crash interrupted: its staged rows are what it has still to add
        rows = conn.execute(sa.text("SELECT employee_id, at FROM punch_import_row WHERE run_id = :r ORDER BY seq"),
                            {"r": run_id}).all()
        planned = _encode([e for e, _at in rows], [_text(at) for _e, at in rows])
        conn.execute(sa.text("UPDATE punch_import_run SET planned = :p, moved = 0, staged = :n WHERE id = :r"),
                     {"p": planned, "n": len(rows), "r": run_id})
    op.drop_table('punch_import_row')


def downgrade() -> None:
    op.create_table('punch_import_row',
                    sa.Column('run_id', sa.Integer(), nullable=False),
                    sa.Column('seq', sa.Integer(), nullable=False),
                    sa.Column('employee_id', sa.Integer(), nullable=False),
                    sa.Column('at', sa.DateTime(), nullable=False),
                    sa.Column('lo', sa.DateTime(), nullable=False),
                    sa.Column('hi', sa.DateTime(), nullable=False),
                    sa.ForeignKeyConstraint(['run_id'], ['punch_import_run.id'], ),
                    sa.PrimaryKeyConstraint('run_id', 'seq'))
    with op.batch_alter_table('punch_import_run', schema=None) as batch_op:
        batch_op.drop_column('moved')
        batch_op.drop_column('planned')
