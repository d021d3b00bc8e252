"""Keyed audit mode: audit rows chained with an HMAC whose key never enters the database.

Plain mode (SHA-256) finds any change to a row that was not followed by recomputing every later hash.
Someone with write access to the database and our source code can recompute the chain, though. In
keyed mode each new row's hash is an HMAC-SHA256 with a key kept in the OS keyring (or a user-only
file in the config folder): without the key nobody can produce a chain that verifies.

The key's record says from which audit row on the chain is keyed (``since``), per database.
"""

from __future__ import annotations

import json
import secrets
from typing import Optional

from sqlalchemy import func, select

from app import secrets_store
from app.db import current, reading, transaction
from app.errors import ValidationError
from app.models.audit import AuditEntry
from app.services.context import Actor
from app.services.permissions import require

_cache: dict[str, Optional[tuple[bytes, int]]] = {}


def _identity() -> Optional[str]:
    try:
        return current().display_name
    except Exception:
        return None


def _name(identity: str) -> str:
    return f"audit-key:{identity}"


def active() -> Optional[tuple[bytes, int]]:
    """(key, first keyed audit row id) for the open database, or None in plain mode."""
    identity = _identity()
    if identity is None:
        return None
    if identity not in _cache:
        raw = secrets_store.get_secret(_name(identity))
        value = None
        if raw:
            try:
                data = json.loads(raw)
                value = (bytes.fromhex(data["key"]), int(data["since"]))
            except (ValueError, KeyError, TypeError):
                value = None
        _cache[identity] = value
    return _cache[identity]


def key_for_row(row_id: Optional[int]) -> Optional[bytes]:
    state = active()
    if state is None or row_id is None or row_id < state[1]:
        return None
    return state[0]


def enable(actor: Actor, key_hex: str | None = None) -> dict:
    """Switch the open database to keyed mode from the next audit row on (an admin's decision).

    ``key_hex`` installs an existing key (the same key on every office PC of a shared database)."""
    require(actor, "system.backup")
    identity = _identity()
    if active() is not None and key_hex is None:
        raise ValidationError("The audit trail of this database is already keyed.")
    key = bytes.fromhex(key_hex) if key_hex else secrets.token_bytes(32)
    if len(key) < 16:
        raise ValidationError("An audit key has at least 32 hexadecimal digits.")
    from app.services import audit

    with transaction() as s:
        entry = audit.record(s, actor, "audit.keyed_mode", "audit_log", "", None, {"keyed": True})
        s.flush()
        since = entry.id + 1
    where = secrets_store.set_secret(_name(identity), json.dumps({"key": key.hex(), "since": since}))
    _cache.pop(identity, None)
    return {"since": since, "stored": where, "key": key.hex()}


def export_key(actor: Actor) -> str:
    require(actor, "system.backup")
    state = active()
    if state is None:
        raise ValidationError("The audit trail of this database is not keyed.")
    return json.dumps({"key": state[0].hex(), "since": state[1]})


def import_key(actor: Actor, exported: str) -> dict:
    """Install a key exported on another office PC of the same shared database."""
    require(actor, "system.backup")
    try:
        data = json.loads(exported)
        key, since = bytes.fromhex(data["key"]), int(data["since"])
    except (ValueError, KeyError, TypeError):
        raise ValidationError("This is not an exported audit key.") from None
    identity = _identity()
    where = secrets_store.set_secret(_name(identity), json.dumps({"key": key.hex(), "since": since}))
    _cache.pop(identity, None)
    return {"since": since, "stored": where}


def status(actor: Actor) -> dict:
    require(actor, "system.check")
    state = active()
    with reading() as s:
        rows = s.execute(select(func.count()).select_from(AuditEntry)).scalar_one()
    return {"keyed": state is not None, "since": state[1] if state else None, "rows": rows}


def forget_cache() -> None:
    _cache.clear()
