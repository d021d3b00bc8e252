"""A trail that covers the data: every row people are paid by references the audit row that wrote it.

When a transaction commits, every covered row it inserted (``audit_id`` still empty) or whose covered
fields it changed is bound to the transaction's last audit row: the row gets ``audit_id`` and the audit
row records the row's digest in ``covers``, which is part of its chained hash. `check` recomputes the
digests: a punch, score, decision or role edited in the database directly no longer matches, a row
added directly has no audit row, and a punch or score deleted directly is still listed in its audit row.

Two forms of ``covers``, both verified by `first_mismatch`:
- form 1, ``{table: {row id: digest}}``: one digest per row (every write a person makes);
- form 2, ``{"chunks": {table: {"form": 2, "rows": n, "sha256": …}}}``: one digest over all the rows that
  reference the audit row, in id order (a bulk write: a punch import's chunk of tens of thousands of
  punches, where a digest per punch cost more than the insert). Rows deleted, added or changed change
  the count or the digest.
"""

from __future__ import annotations

import functools
import hashlib
import json
import weakref
from datetime import date, datetime
from typing import Any, Optional

from sqlalchemy import event, inspect as sa_inspect, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from app.i18n import N_, _

# table -> the fields its digest covers (not counters that change without a person's action)
COVERED: dict[str, tuple[str, ...]] = {
    "punch": ("employee_id", "at", "source", "recorded_by", "note"),
    "punch_correction": ("employee_id", "at", "reason", "status", "requested_by", "decided_by", "decided_at"),
    "leave_request": ("employee_id", "kind", "start", "end", "reason", "approver_id", "status", "decided_by", "decided_at"),
    "overtime_request": ("employee_id", "start", "end", "hours", "comp_hours", "approver_id", "status", "decided_by",
                         "decided_at"),
    "appraisal_score": ("subject_id", "rater_id", "rater_role", "indicator", "score", "level", "entered_by"),
    "app_user": ("username", "role", "employee_id", "active"),
}
APPEND_ONLY = ("punch", "appraisal_score")  # never deleted by ShopTeam: a row listed but gone was deleted
LABELS = {"punch": N_("Punch"), "punch_correction": N_("Punch correction"), "leave_request": N_("Leave request"),
          "overtime_request": N_("Overtime request"), "appraisal_score": N_("Appraisal score"), "app_user": N_("User account")}
_INFO_DIRTY = "coverage_dirty"
_INFO_ENTRY = "coverage_entry"
_INFO_WROTE = "coverage_wrote"


def _norm(value: Any) -> Any:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, float):
        return round(value, 6)
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return value


def digest(table: str, row_id: int, values: tuple) -> str:
    payload = json.dumps([table, int(row_id), [_norm(v) for v in values]], ensure_ascii=False, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:20]


CHUNK_FORM = 2


def _fixed(value: Any) -> Any:
    """A value json cannot write, in a fixed text form (PostgreSQL's driver returns datetimes; a SQLite
    file returns the text SQLAlchemy stored, '2026-11-03 08:41:00.000000', which is the same form)."""
    if isinstance(value, datetime):
        return value.isoformat(" ", "microseconds")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def chunk_select(table: str) -> str:
    """The read whose rows `chunk_cover` digests: id and the covered fields of the rows that reference
    one audit row, in id order (the audit row's id is the one parameter, in the driver's style)."""
    return f"SELECT id, {_columns(table)} FROM {table} WHERE audit_id = {{p}} ORDER BY id"


def chunk_cover(table: str, rows: list) -> dict:
    """Form 2 of ``covers[table]``: one sha256 over ``rows`` ((id, *covered fields) in id order, as a plain
    SQL read returns them): json (ASCII, no spaces), so the bytes hashed are fixed by the values alone."""
    payload = json.dumps([table, CHUNK_FORM, rows], separators=(",", ":"), default=_fixed)  # ASCII: the fast path
    return {"form": CHUNK_FORM, "rows": len(rows), "sha256": hashlib.sha256(payload.encode("utf-8")).hexdigest()}


def covers_of(session: Session | Connection, table: str, rows: dict[int, dict]) -> dict:
    """The ``covers`` of an audit row for rows about to be inserted with its ``audit_id`` (id -> values
    by column name): what the commit would otherwise read back and link, one statement per table.
    The digest is of the values as `check` reads them back (a SQLite file returns its stored text)."""
    dialect = session.dialect if isinstance(session, Connection) else session.get_bind().dialect
    return {table: {str(row_id): digest(table, row_id, tuple(_stored(dialect, table, c, values[c]) for c in COVERED[table]))
                    for row_id, values in rows.items()}}


def _stored(dialect, table: str, column: str, value: Any) -> Any:
    """``value`` as a plain SQL read of the column returns it: SQLite gives back the text SQLAlchemy
    stored (e.g. a datetime as '2026-11-03 08:41:00.000000'); PostgreSQL's driver the typed value."""
    if dialect.name != "sqlite" or value is None:
        return value
    processor = _bind_processor(dialect, table, column)
    return processor(value) if processor else value


@functools.lru_cache(maxsize=256)
def _bind_processor(dialect, table: str, column: str):
    """The column's bind processor, looked up once (an import digests every column of 400,000 punches)."""
    from sqlmodel import SQLModel  # the models' metadata holds the column types

    kind = SQLModel.metadata.tables[table].c[column].type
    return kind.dialect_impl(dialect).bind_processor(dialect)


def _columns(table: str) -> str:
    return ", ".join(f'"{c}"' for c in COVERED[table])


# -- binding rows at commit -----------------------------------------------------------------------

def note_entry(session: Session, entry) -> None:
    """Called by audit.record: the transaction's latest audit row."""
    session.info[_INFO_ENTRY] = entry


def _after_flush(session: Session, _context) -> None:
    session.info[_INFO_WROTE] = True
    dirty = session.info.setdefault(_INFO_DIRTY, {})
    for obj in session.dirty:
        table = getattr(obj, "__tablename__", None)
        if table not in COVERED:
            continue
        state = sa_inspect(obj)
        if any(state.attrs[f].history.has_changes() for f in COVERED[table]):
            dirty.setdefault(table, set()).add(obj.id)


def _watermarks(session: Session) -> Optional[dict[str, int]]:
    try:
        rows = session.execute(text("SELECT table_name, legacy_max_id FROM audit_coverage")).all()
    except Exception:
        return None  # a database from before coverage (being upgraded or restored)
    return {t: int(m) for t, m in rows}


def _unbound(session: Session) -> dict[str, set[int]]:
    """Covered rows above their table's watermark that no audit row references yet, every table in
    one statement (on PostgreSQL each statement is a round trip, and the kiosk commits through here)."""
    parts = [f"SELECT '{t}' AS t, id FROM {t} WHERE audit_id IS NULL AND id > COALESCE("
             f"(SELECT legacy_max_id FROM audit_coverage WHERE table_name = '{t}'), 0)" for t in COVERED]
    found: dict[str, set[int]] = {}
    for table, row_id in session.execute(text(" UNION ALL ".join(parts))):
        found.setdefault(table, set()).add(int(row_id))
    return found


def _before_commit(session: Session) -> None:
    dirty = session.info.pop(_INFO_DIRTY, {})
    entry = session.info.pop(_INFO_ENTRY, None)
    if not session.info.pop(_INFO_WROTE, False) and entry is None:
        return  # a read-only unit of work
    if not _has_coverage_table(session):
        return  # a database from before coverage (being upgraded or restored)
    pending: dict[str, set[int]] = {t: set(ids) for t, ids in dirty.items()}
    for table, ids in _unbound(session).items():
        pending.setdefault(table, set()).update(ids)
    pending = {t: ids for t, ids in pending.items() if ids}
    if not pending:
        return
    from app.services import audit

    if entry is None:  # rows written without an audit row of their own: attribute them openly
        entry = audit.record(session, "system", "audit.cover", "data", "", None, None)
        session.info.pop(_INFO_ENTRY, None)
    session.flush()
    covers = dict(entry.covers or {})
    for table, ids in pending.items():
        ordered = sorted(ids)
        found = covers.setdefault(table, {})
        for start in range(0, len(ordered), 500):
            chunk = ordered[start:start + 500]
            rows = session.execute(text(f"SELECT id, {_columns(table)} FROM {table} WHERE id IN ({', '.join(map(str, chunk))})")).all()
            for row in rows:
                found[str(row[0])] = digest(table, row[0], tuple(row[1:]))
            session.execute(text(f"UPDATE {table} SET audit_id = :a WHERE id IN ({', '.join(map(str, chunk))})"),
                            {"a": entry.id})
    entry.covers = covers
    entry.hash = audit.row_hash(entry.prev_hash, entry)
    session.flush()


_PRESENT: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()  # engines whose database has the table


def _has_coverage_table(session: Session) -> bool:
    bind = session.get_bind()
    engine = getattr(bind, "engine", bind)
    if _PRESENT.get(engine):
        return True  # a table once there stays: no statement per commit to ask again
    if bind.dialect.name == "postgresql":
        found = bool(session.execute(text("SELECT to_regclass('audit_coverage') IS NOT NULL")).scalar())
    else:
        found = session.execute(text("SELECT 1 FROM sqlite_master WHERE type='table' AND name='audit_coverage'")).first() is not None
    if found:
        _PRESENT[engine] = True
    return found


def _after_rollback(session: Session) -> None:
    session.info.pop(_INFO_DIRTY, None)
    session.info.pop(_INFO_ENTRY, None)
    session.info.pop(_INFO_WROTE, None)


def _on_execute(state) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        state.session.info[_INFO_WROTE] = True


def install(sessions) -> None:
    """Attach the binding to a session factory (app.db does it for every database)."""
    event.listen(sessions, "after_flush", _after_flush)
    event.listen(sessions, "before_commit", _before_commit)
    event.listen(sessions, "after_soft_rollback", lambda s, _t: _after_rollback(s))
    event.listen(sessions, "do_orm_execute", _on_execute)


# -- checking -------------------------------------------------------------------------------------

def first_mismatch(session: Session) -> Optional[str]:
    """A sentence naming the first covered row that does not match its audit row, or None."""
    if not _has_coverage_table(session):
        return None
    marks = _watermarks(session)
    if marks is None:
        return None
    covers: dict[int, dict] = {}
    for entry_id, value in session.execute(text("SELECT id, covers FROM audit_log WHERE covers IS NOT NULL")):
        covers[int(entry_id)] = json.loads(value) if isinstance(value, str) else value
    from sqlalchemy import inspect as sa_inspect_db

    present_tables = set(sa_inspect_db(session.connection()).get_table_names())
    for table in COVERED:
        if table not in present_tables:
            continue  # `check` reports the missing table itself
        what = _(LABELS[table])
        orphan = session.execute(text(f"SELECT min(id) FROM {table} WHERE audit_id IS NULL AND id > :m"),
                                 {"m": marks.get(table, 0)}).scalar()
        if orphan is not None:
            return _("{what} {id} has no audit row: it was added outside ShopTeam.", what=what, id=orphan)
        present = set()
        chunked = {e: c["chunks"][table] for e, c in covers.items() if table in ((c or {}).get("chunks") or {})}
        grouped: dict[int, list[tuple]] = {e: [] for e in chunked}
        for row in session.execute(text(f"SELECT id, audit_id, {_columns(table)} FROM {table} WHERE audit_id IS NOT NULL ORDER BY id")):
            entry_id = int(row[1])
            recorded = (covers.get(entry_id) or {}).get(table, {}).get(str(row[0]))
            if recorded is None and entry_id in grouped:  # form 2: checked as a whole below
                grouped[entry_id].append((row[0], *row[2:]))
                continue
            present.add(str(row[0]))
            if recorded is None:
                return _("{what} {id} points at audit row {audit}, which does not record it.", what=what, id=row[0], audit=row[1])
            if recorded != digest(table, row[0], tuple(row[2:])):
                return _("{what} {id} does not match its audit row {audit}: it was changed outside ShopTeam.",
                         what=what, id=row[0], audit=row[1])
        for entry_id in sorted(chunked):
            rows, recorded = grouped[entry_id], chunked[entry_id]
            if len(rows) < recorded["rows"] and table in APPEND_ONLY:
                return _("Audit row {audit} records {recorded} rows of {what} and {present} are there: "
                         "the others were deleted outside ShopTeam.", audit=entry_id, recorded=recorded["rows"],
                         present=len(rows), what=what)
            if chunk_cover(table, rows) != recorded:
                return _("The rows of {what} that audit row {audit} records do not match it: "
                         "they were changed outside ShopTeam.", what=what, audit=entry_id)
        if table in APPEND_ONLY:
            for entry_id in sorted(covers):
                for row_id in sorted((covers[entry_id] or {}).get(table, {}), key=int):
                    if row_id not in present:
                        return _("{what} {id} recorded in audit row {audit} is missing: it was deleted outside ShopTeam.",
                                 what=what, id=row_id, audit=entry_id)
    return None
