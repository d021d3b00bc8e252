"""Writing and reading the audit trail. Rows are only ever appended; each is chained by hash."""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import date, datetime
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection
from sqlmodel import Session

from app.db import Prepared, prepared
from app.models._base import now
from app.models.audit import AuditEntry
from app.services import changes
from app.services.context import Actor


def _jsonable(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


def snapshot(obj: Any, exclude: tuple[str, ...] = ("pin_hash", "password_hash")) -> dict:
    """A JSON-safe dict of a model's columns for the before/after of an audit row."""
    data = obj.model_dump() if hasattr(obj, "model_dump") else dict(obj)
    return {k: _jsonable(v) for k, v in data.items() if k not in exclude}


def row_hash(prev_hash: str, entry: AuditEntry) -> str:
    fields = [prev_hash, entry.at.isoformat(), entry.actor, entry.action, entry.entity,
              entry.entity_id, entry.before, entry.after]
    if getattr(entry, "covers", None) is not None:  # rows written before coverage hash as they always did
        fields.append(entry.covers)
    payload = json.dumps(fields, ensure_ascii=False, sort_keys=True, default=str).encode("utf-8")
    from app.services.audit_key import key_for_row

    key = key_for_row(entry.id)
    if key is not None:  # keyed mode: nobody without the key can recompute the chain
        return hmac.new(key, payload, hashlib.sha256).hexdigest()
    return hashlib.sha256(payload).hexdigest()


def record(session: Session, actor: Actor | str, action: str, entity: str, entity_id: Any = "",
           before: Any = None, after: Any = None, *, prev_hash: str | None = None,
           covers: dict | None = None) -> AuditEntry:
    """Append one audit row inside the caller's write transaction (``app.db.transaction``), whose
    write lock keeps the hash chain linear. ``prev_hash``: the last row's hash when the caller read it
    already under that lock; ``covers``: the digests of rows the caller writes tied to this one
    (``coverage.covers_of``)."""
    prev = prev_hash if prev_hash is not None else session.execute(
        select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)).scalar()
    entry = AuditEntry(
        at=now(),
        actor=actor if isinstance(actor, str) else actor.username,
        action=action,
        entity=entity,
        entity_id=str(entity_id if entity_id is not None else ""),
        before=_jsonable(before),
        after=_jsonable(after),
        prev_hash=prev or "",
        covers=covers,
    )
    session.add(entry)
    from app.services.audit_key import active

    if active() is not None:
        session.flush()  # keyed mode depends on the row's id
    entry.hash = row_hash(entry.prev_hash, entry)
    from app.services.coverage import note_entry

    note_entry(session, entry)  # the data rows of this transaction will reference it (app.services.coverage)
    changes.note(entry)  # the current operation's change set (see app/services/changes.py)
    return entry


@dataclass
class Appended:
    """An audit row written by ``append`` (what ``row_hash`` and the change set read of it)."""

    id: int
    at: datetime
    actor: str
    action: str
    entity: str
    entity_id: str
    before: Any
    after: Any
    prev_hash: str
    covers: Any = None
    hash: str = ""


def append(conn: Connection, actor: Actor | str, action: str, entity: str, entity_id: Any, before: Any, after: Any,
           *, entry_id: int, prev_hash: str, covers: dict | None = None) -> Appended:
    """``record`` in one Core INSERT on the caller's write connection (``app.db.writing``), for the kiosk:
    the caller read ``entry_id`` (the id the row takes: the sequence's next value, or max + 1 under
    SQLite's write lock) and ``prev_hash`` under the write lock, so the row is written once, hash and
    all, even in keyed mode (whose hash depends on the id), and needs no ORM flush."""
    entry = Appended(entry_id, now(), actor if isinstance(actor, str) else actor.username, action, entity,
                     str(entity_id if entity_id is not None else ""), _jsonable(before), _jsonable(after),
                     prev_hash or "", covers)
    entry.hash = row_hash(entry.prev_hash, entry)
    dialect = conn.dialect
    statement = prepared(dialect, "audit.append", lambda: Prepared(insert(AuditEntry.__table__), dialect, column_keys=_COLUMNS))
    statement.run(conn, {"id": entry.id, "at": entry.at, "actor": entry.actor, "action": action, "entity": entity,
                           "entity_id": entry.entity_id, "before": entry.before, "after": entry.after,
                           "prev_hash": entry.prev_hash, "hash": entry.hash, "covers": covers})
    changes.note(entry)  # the current operation's change set
    return entry


_COLUMNS = ["id", "at", "actor", "action", "entity", "entity_id", "before", "after", "prev_hash", "hash", "covers"]


def record_many(session: Session, actor: Actor | str, rows: list[tuple]) -> int:
    """Append many audit rows at once (imports): ``rows`` of (action, entity, entity_id, before, after),
    chained in order from one read of the last hash, inserted with the caller's next flush."""
    prev = session.execute(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)).scalar() or ""
    at, who = now(), actor if isinstance(actor, str) else actor.username
    entries = []
    for action, entity, entity_id, before, after in rows:
        entry = AuditEntry(at=at, actor=who, action=action, entity=entity,
                           entity_id=str(entity_id if entity_id is not None else ""),
                           before=_jsonable(before), after=_jsonable(after), prev_hash=prev)
        entry.hash = prev = row_hash(prev, entry)
        entries.append(entry)
    session.add_all(entries)
    session.flush()
    for entry in entries:
        changes.note(entry)
    return len(entries)


def first_broken(session: Session) -> int | None:
    """The id of the first row whose chain does not verify, or None when the trail is intact."""
    prev = ""
    for entry in session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars():
        if entry.prev_hash != prev or row_hash(prev, entry) != entry.hash:
            return entry.id
        prev = entry.hash
    return None
