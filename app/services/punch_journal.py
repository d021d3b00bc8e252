"""The kiosk's local journal: no punch is lost when the database is busy or unreachable.

When a badge punch cannot be stored (the shared server is down, the network dropped, the file is
locked), the kiosk appends it to ``kiosk-journal-<database>.jsonl`` in the user data folder and fsyncs
the file before the screen answers "已记录（待同步）". The journal is only ever appended to; what has
been delivered is noted in a second append-only file. Delivery goes in order through the ordinary
kiosk punch, so the duplicate rule (one punch per person within the window) drops a punch that had
already arrived (e.g. the kiosk died between storing it and noting it delivered): every punch arrives
exactly once. When everything is delivered both files are removed together.

A PIN cannot be checked without the database, so only badge scans are journaled.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import threading
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Optional

from app.errors import ShopTeamError

_lock = threading.RLock()  # the files: held only to append or read, never across a database call
_delivering = threading.Lock()  # one delivery at a time; a scan never waits for it


def journal_path(ident: Optional[str] = None) -> Path:
    if ident is None:  # asked before every badge punch: worked out once per database and data folder
        from app.db import current

        return _journal_of(current().display_name, os.environ.get("SHOPTEAM_HOME"))
    from app.paths import user_data_dir

    return user_data_dir() / f"kiosk-journal-{ident}.jsonl"


@functools.lru_cache(maxsize=16)
def _journal_of(display_name: str, _home: Optional[str]) -> Path:  # _home: user_data_dir's override
    return journal_path(hashlib.sha256(display_name.encode("utf-8")).hexdigest()[:12])


def _delivered_path(journal: Path) -> Path:
    return journal.with_name(journal.stem + "-delivered.jsonl")


def _append_line(path: Path, item: dict) -> None:
    new = not path.exists()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(str(path), os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, (json.dumps(item, ensure_ascii=False) + "\n").encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)
    if new and os.name != "nt":  # the new file's name must survive a power cut too
        dfd = os.open(str(path.parent), os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)


def _read(path: Path) -> list[dict]:
    if not path.exists():
        return []
    items = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            item = json.loads(line)
        except ValueError:
            continue  # a line torn by a power cut was never confirmed on the screen
        if isinstance(item, dict) and "uid" in item:
            items.append(item)
    return items


def record(badge: str, at: datetime, journal: Optional[Path] = None) -> dict:
    """Append a badge punch to the journal; it is on the disk when this returns."""
    item = {"uid": uuid.uuid4().hex, "badge": badge.strip(), "at": at.replace(microsecond=0).isoformat()}
    with _lock:
        _append_line(journal or journal_path(), item)
    return item


def pending(journal: Optional[Path] = None) -> list[dict]:
    """The journaled punches not delivered yet, oldest first."""
    journal = journal or journal_path()
    with _lock:
        done = {i["uid"] for i in _read(_delivered_path(journal))}
        return [i for i in _read(journal) if i["uid"] not in done]


def pending_count(journal: Optional[Path] = None) -> int:
    try:
        journal = journal or journal_path()
        if not os.path.exists(journal):  # the usual case, asked before every badge punch: one stat
            return 0
        return len(pending(journal))
    except Exception:
        return 0


@dataclass
class Delivery:
    delivered: int = 0
    duplicates: int = 0
    refused: int = 0  # e.g. a badge nobody has: kept out of the attendance, noted in the delivered file
    waiting: int = 0


def deliver(journal: Optional[Path] = None) -> Delivery:
    """Send the journal to the database in order; stops at the first punch the database cannot take yet.
    The file lock is not held while the database is tried, so a scan appending meanwhile never waits;
    what it appends is delivered by the next round (the journal stays until nothing is pending)."""
    from app.services.punches import kiosk_badge

    journal = journal or journal_path()
    result = Delivery()
    with _delivering:
        items = pending(journal)
        for n, item in enumerate(items):
            try:
                punch = kiosk_badge(item["badge"], at=datetime.fromisoformat(item["at"]))
            except Exception as exc:
                from app.services.punches import _unreachable

                if not _unreachable(exc) and not isinstance(exc, ShopTeamError):
                    raise
                if _unreachable(exc):
                    result.waiting = len(items) - n
                    return result
                with _lock:
                    _append_line(_delivered_path(journal), {"uid": item["uid"], "refused": str(exc)})
                result.refused += 1
                continue
            with _lock:
                _append_line(_delivered_path(journal), {"uid": item["uid"], "punch_id": punch.punch_id})
            if punch.duplicate:
                result.duplicates += 1
            else:
                result.delivered += 1
        with _lock:
            result.waiting = len(pending(journal))  # a scan may have appended while we delivered
            if items and not result.waiting:
                _retire(journal)
    return result


def _retire(journal: Path) -> None:
    """Everything is delivered: keep the record of refused lines, drop the rest (called under _lock)."""
    refused = [i for i in _read(_delivered_path(journal)) if "refused" in i]
    if refused:
        _append_line(journal.with_name(journal.stem + "-refused.jsonl"), {"at": datetime.now().isoformat(), "items": refused})
    journal.unlink(missing_ok=True)
    _delivered_path(journal).unlink(missing_ok=True)
