"""Two PostgreSQL roles for a shared database: the office PCs' and the door kiosk's.

The owner account (the one `init` and upgrades run with) keeps the schema. ``shopteam_office`` may read and
change the data but not the schema. ``shopteam_kiosk`` may only read the few columns a punch needs, append
punches, and, for the person who has just punched, record their month's confirmation and file a 补卡
(column-level GRANTs): give the door PC only this role, so the PC everybody walks past
cannot read phone numbers, edit a punch or make itself an administrator.
"""

from __future__ import annotations

from sqlalchemy import text

from app.db import current
from app.errors import ValidationError
from app.services.context import Actor
from app.services.coverage import COVERED
from app.services.permissions import require

OFFICE, KIOSK = "shopteam_office", "shopteam_kiosk"

# table -> (select columns, insert, update columns); "*" = the whole table
KIOSK_GRANTS: dict[str, tuple[tuple[str, ...], bool, tuple[str, ...]]] = {
    "alembic_version": (("version_num",), False, ()),
    "employee": (("id", "employee_no", "name", "status", "hire_date", "leave_date", "badge_code", "pin_hash",
                  "manager_id"), False, ()),
    "roster_entry": (("id", "employee_id", "day"), False, ()),  # is today a shift for this person
    "calendar_day": (("day", "source", "kind"), False, ()),
    "punch": (("id", "employee_id", "at", "source", "recorded_at", "recorded_by", "note", "audit_id"), True, ("audit_id",)),
    "audit_log": (("id", "hash", "covers"), True, ("covers", "hash")),
    "audit_coverage": (("table_name", "legacy_max_id"), False, ()),
    "kiosk_lock": (("employee_no", "failures", "locked_until"), True, ("failures", "locked_until")),
    "kiosk_pin_guard": (("kiosk", "failures", "window_start", "paused_until"), True,
                        ("failures", "window_start", "paused_until")),  # wrong PINs over all 工号 at one kiosk
    "policy_setting": (("key", "value", "updated_at", "updated_by"), False, ()),
    "app_user": (("id", "username", "password_hash", "role", "active"), False, ()),
    # a punch into a closed month (考勤封帐) is refused; after a punch the person confirms their closed month
    # (or disagrees) and sees its figures, and asks for a missing punch (补卡): issue 18
    "month_close": (("id", "month", "version", "closed_at", "closed_by", "snapshot", "reopened_at", "reopened_by",
                     "reopen_reason"), False, ()),
    "month_confirmation": (("id", "employee_id", "close_id", "answer", "note", "viewed_at", "answered_at", "via"),
                           True, ("answer", "note", "viewed_at", "answered_at", "via")),
    "punch_correction": (("id", "employee_id", "at", "reason", "status", "requested_by", "requested_at", "decided_by",
                          "decided_at", "audit_id"), True, ("audit_id",)),  # files a 补卡; never decides one
    "leave_request": (("id", "employee_id", "kind", "start", "end", "status"), False, ()),  # not the reason
    "handover_record": (("employee_id", "start", "back_at"), False, ()),
}
SEQUENCES = ("punch_id_seq", "audit_log_id_seq", "punch_correction_id_seq", "month_confirmation_id_seq")


def statements(database: str) -> list[str]:
    """The SQL that creates (or refreshes) both roles' rights; run it as the database's owner."""
    db = f'"{database}"'
    out = []
    for role in (OFFICE, KIOSK):
        out.append(f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') "
                   f"THEN CREATE ROLE {role} LOGIN; END IF; END $$")
        out.append(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {role}")
        out.append(f"GRANT CONNECT ON DATABASE {db} TO {role}")
        out.append(f"GRANT USAGE ON SCHEMA public TO {role}")
    out.append(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {OFFICE}")
    out.append(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {OFFICE}")
    for table, (select_cols, insert, update_cols) in KIOSK_GRANTS.items():
        if table in COVERED:  # the kiosk's commit looks for rows not yet tied to an audit row
            select_cols = tuple(dict.fromkeys((*select_cols, "id", "audit_id")))
        out.append(f"GRANT SELECT ({', '.join(_q(c) for c in select_cols)}) ON {table} TO {KIOSK}")
        if insert:
            out.append(f"GRANT INSERT ON {table} TO {KIOSK}")
        if update_cols:
            out.append(f"GRANT UPDATE ({', '.join(_q(c) for c in update_cols)}) ON {table} TO {KIOSK}")
    for table in COVERED:  # the kiosk's commit looks for rows not yet tied to an audit row
        if table not in KIOSK_GRANTS:
            out.append(f"GRANT SELECT (id, audit_id) ON {table} TO {KIOSK}")
    out.append(f"GRANT USAGE ON SEQUENCE {', '.join(SEQUENCES)} TO {KIOSK}")
    return out


def _q(column: str) -> str:
    return f'"{column}"'


def roles(actor: Actor, apply: bool = False) -> list[str]:
    """The statements for the open PostgreSQL database; with ``apply`` run them (one transaction)."""
    require(actor, "system.backup")
    db = current()
    if db.is_sqlite:
        raise ValidationError("Database roles are for a shared PostgreSQL database; a SQLite file has none.")
    sql = statements(db.engine.url.database)
    if apply:
        with db.engine.begin() as conn:
            for st in sql:
                conn.execute(text(st))
    return sql
