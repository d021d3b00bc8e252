"""attendance: the holiday calendar in the database (statutory days and the shop's entries)

Revision ID: 0140
Revises: 0190
Create Date: 2026-11-29

The shop's old overrides (working day / day off) become shop entries; the statutory days are
seeded from the chinese_calendar package (start-up adds the years a newer package brings).
"""

from datetime import date

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0140'
down_revision = '0190'
branch_labels = None
depends_on = None


def _day(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def upgrade() -> None:
    calendar_day = op.create_table(
        'calendar_day',
        sa.Column('day', sa.Date(), nullable=False),
        sa.Column('source', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.PrimaryKeyConstraint('day', 'source'),
    )
    bind = op.get_bind()
    old = bind.execute(sa.text("SELECT day, is_workday, note FROM calendar_override")).all()
    rows = [{"day": _day(d), "source": "shop", "kind": "workday" if w else "rest", "name": (n or "")[:64]}
            for d, w, n in old]
    from app.rules.calendar import package_days

    rows += [{"day": x.day, "source": "statutory", "kind": x.kind, "name": x.name[:64]} for x in package_days()]
    if rows:
        op.bulk_insert(calendar_day, rows)
    op.drop_table('calendar_override')


def downgrade() -> None:
    calendar_override = op.create_table(
        'calendar_override',
        sa.Column('day', sa.DATE(), nullable=False),
        sa.Column('is_workday', sa.BOOLEAN(), nullable=False),
        sa.Column('note', sa.VARCHAR(), nullable=False),
        sa.PrimaryKeyConstraint('day'),
    )
    shop = op.get_bind().execute(sa.text(
        "SELECT day, kind, name FROM calendar_day WHERE source = 'shop'")).all()
    rows = [{"day": _day(d), "is_workday": k in ("workday", "makeup"), "note": n} for d, k, n in shop]
    if rows:
        op.bulk_insert(calendar_override, rows)
    op.drop_table('calendar_day')
