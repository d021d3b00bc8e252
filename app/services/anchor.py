"""Anchors of the audit chain kept outside the database, so that a deleted tail is found.

Every backup appends the chain's head (row count, last id, last hash) to ``audit-anchors.jsonl`` in
the backup folder (for PostgreSQL: in the user data folder, one file per server database). `check`
compares the chain with the newest anchor: if the anchored row is gone or differs, rows were
deleted or rewritten. The monthly reports print the head in their footer, so paper remembers it too.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Optional

from sqlalchemy import func, select
from sqlmodel import Session

from app.i18n import _
from app.models._base import now
from app.models.audit import AuditEntry

ANCHORS_NAME = "audit-anchors.jsonl"


@dataclass(frozen=True)
class ChainHead:
    rows: int
    last_id: int
    last_hash: str

    def short(self) -> str:
        """As printed in a report footer: 审计链 #rows · first 12 hex digits of the last hash."""
        return _("Audit chain #{rows} · {hash}", rows=self.rows, hash=self.last_hash[:12] or "—")


def head_in(session: Session) -> ChainHead:
    rows = session.execute(select(func.count()).select_from(AuditEntry)).scalar_one()
    last = session.execute(select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)).first()
    return ChainHead(rows, last[0] if last else 0, last[1] if last else "")


def head_of_file(path: Path) -> ChainHead:
    con = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        rows = con.execute("SELECT count(*) FROM audit_log").fetchone()[0]
        last = con.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    finally:
        con.close()
    return ChainHead(rows, last[0] if last else 0, last[1] if last else "")


def anchors_file(db=None) -> Path:
    """Where the anchors of the open (or given) database live."""
    from app.db import current
    from app.paths import user_data_dir

    db = db or current()
    if db.is_sqlite and db.path is not None:
        return db.path.parent / "backups" / ANCHORS_NAME
    ident = hashlib.sha256(db.display_name.encode("utf-8")).hexdigest()[:12]
    return user_data_dir() / f"audit-anchors-{ident}.jsonl"


def append_anchor(head: ChainHead, where: Path, backup: str = "", moment: Optional[datetime] = None) -> None:
    """Append one anchor line and fsync it (the file only ever grows)."""
    where.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps({"at": (moment or now()).isoformat(), "rows": head.rows, "last_id": head.last_id,
                       "hash": head.last_hash, "backup": backup}, ensure_ascii=False)
    with open(where, "a", encoding="utf-8") as fh:
        fh.write(line + "\n")
        fh.flush()
        os.fsync(fh.fileno())


def newest_anchor(where: Path) -> Optional[dict]:
    if not where.is_file():
        return None
    newest = None
    for line in where.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            item = json.loads(line)
        except ValueError:
            continue  # a torn last line after a power cut
        if isinstance(item, dict) and isinstance(item.get("last_id"), int):
            newest = item  # the last line: a restore anchors the (shorter) chain it brought back
    return newest


def tail_problem(session: Session, where: Path) -> Optional[str]:
    """A sentence when the chain no longer reaches its newest anchor (a deleted or rewritten tail)."""
    anchor = newest_anchor(where)
    if anchor is None or anchor["last_id"] == 0:
        return None
    row_hash = session.execute(select(AuditEntry.hash).where(AuditEntry.id == anchor["last_id"])).scalar()
    rows = session.execute(select(func.count()).select_from(AuditEntry)).scalar_one()
    if row_hash is None or rows < anchor["rows"]:
        return _("The audit trail lost rows: the anchor of {at} records {n} rows up to row {id}, the database has {m}.",
                 at=anchor["at"][:16].replace("T", " "), n=anchor["rows"], id=anchor["last_id"], m=rows)
    if row_hash != anchor["hash"]:
        return _("The audit trail was rewritten: row {id} differs from the anchor of {at}.",
                 id=anchor["last_id"], at=anchor["at"][:16].replace("T", " "))
    return None
