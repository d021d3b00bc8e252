"""What an operation changed, taken from the audit rows it wrote, and what other processes changed.

``audit.record`` notes every row it writes into the collector of the current operation
(``collecting()``), so an operation returns its change set without anyone listing areas by hand.
``ChangeWatcher`` notices commits by other connections (other windows, the kiosk, other PCs):
``PRAGMA data_version`` on SQLite, ``LISTEN`` on PostgreSQL (a trigger on the audit table
notifies); then ``changes_after`` reads the new audit rows. Qt-free: the UI runs the watcher
in a thread of its own.
"""

from __future__ import annotations

import contextvars
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from sqlalchemy import func, select

from app.models.audit import AuditEntry

# The areas the screens subscribe to; an audit action "task.move" belongs to area "tasks".
ALL_AREAS = frozenset({"org", "employees", "tasks", "attendance", "appraisal", "documents", "policy", "users"})
_AREA_OF_PREFIX = {
    "org": "org", "employee": "employees", "employees": "employees",
    "task": "tasks", "task_recurrence": "tasks", "task_template": "tasks", "plan": "tasks",
    "attendance": "attendance", "leave": "attendance", "overtime": "attendance",
    "appraisal": "appraisal", "documents": "documents", "policy": "policy", "user": "users",
}
_EVERYTHING = {"system", "demo"}  # a restore or a demo load replaces every area's data
NOTIFY_CHANNEL = "shopteam_changes"
_ROW_LIMIT = 2000  # beyond this many new rows, report areas only (a big import is one area anyway)


def areas_of(action: str) -> frozenset[str]:
    prefix = action.split(".", 1)[0]
    if prefix in _EVERYTHING:
        return ALL_AREAS
    area = _AREA_OF_PREFIX.get(prefix)
    return frozenset({area}) if area else frozenset()


@dataclass(frozen=True)
class ChangeSet:
    """Areas and entities (entity, id) changed, and the audit row ids that said so.

    ``"tasks" in changes`` and iterating over it work on area names, like a set of areas.
    """

    areas: frozenset[str] = frozenset()
    entities: frozenset[tuple[str, str]] = frozenset()
    audit_ids: frozenset[int] = field(default=frozenset(), compare=False)

    def __bool__(self) -> bool:
        return bool(self.areas)

    def __contains__(self, area: object) -> bool:
        return area in self.areas

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self.areas))

    def touches(self, *areas: str) -> bool:
        return bool(self.areas.intersection(areas))

    def __or__(self, other: "ChangeSet") -> "ChangeSet":
        return ChangeSet(self.areas | other.areas, self.entities | other.entities, self.audit_ids | other.audit_ids)

    @classmethod
    def of_areas(cls, *areas: str) -> "ChangeSet":
        return cls(frozenset(areas))

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[int | None, str, str, str]]) -> "ChangeSet":
        areas: set[str] = set()
        entities: set[tuple[str, str]] = set()
        ids: set[int] = set()
        for audit_id, action, entity, entity_id in rows:
            areas |= areas_of(action)
            entities.add((entity, str(entity_id)))
            if audit_id is not None:
                ids.add(audit_id)
        return cls(frozenset(areas), frozenset(entities), frozenset(ids))


class Collector:
    """The audit rows written during one operation (kept as entries: their ids exist after commit)."""

    def __init__(self) -> None:
        self.entries: list[AuditEntry] = []

    def change_set(self) -> ChangeSet:
        return ChangeSet.from_rows((e.id, e.action, e.entity, e.entity_id) for e in self.entries)


_collector: contextvars.ContextVar[Collector | None] = contextvars.ContextVar("shopteam_changes", default=None)


@contextmanager
def collecting() -> Iterator[Collector]:
    """Collect the audit rows written inside the block (one operation, on one thread)."""
    collector = Collector()
    token = _collector.set(collector)
    try:
        yield collector
    finally:
        _collector.reset(token)


def note(entry: AuditEntry) -> None:
    """Called by ``audit.record`` for every row it appends."""
    collector = _collector.get()
    if collector is not None:
        collector.entries.append(entry)


def changes_after(session, after_id: int) -> tuple[ChangeSet, int]:
    """The change set of the audit rows with id > ``after_id``, and the newest id seen."""
    rows = session.execute(
        select(AuditEntry.id, AuditEntry.action, AuditEntry.entity, AuditEntry.entity_id)
        .where(AuditEntry.id > after_id).order_by(AuditEntry.id).limit(_ROW_LIMIT + 1)).all()
    if len(rows) <= _ROW_LIMIT:
        newest = rows[-1][0] if rows else after_id
        return ChangeSet.from_rows(rows), newest
    actions = session.execute(select(AuditEntry.action).where(AuditEntry.id > after_id).distinct()).scalars()
    newest = session.execute(select(func.max(AuditEntry.id))).scalar() or after_id
    areas = frozenset().union(*(areas_of(a) for a in actions))
    return ChangeSet(areas), newest  # no ids: a second broadcast of a huge import costs one reload


class ChangeWatcher:
    """Blocks (in a thread of its own) until another connection may have committed a change.

    SQLite: ``PRAGMA data_version`` on a connection kept for the purpose changes whenever any
    other connection commits. PostgreSQL: ``LISTEN`` for the notification the audit table's
    trigger sends (migration 0130). ``changes()`` then reads the new audit rows.
    """

    SQLITE_INTERVAL = 0.25  # seconds between two data_version reads (a cheap pragma, no lock)

    def __init__(self, db, after_id: int | None = None):
        self.db = db
        self._raw = None
        self._listen = None
        self._closed = False
        if db.is_sqlite:
            self._raw = db.engine.raw_connection()
            self._version = self._data_version()
        else:
            self._listen = db.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
            self._listen.exec_driver_sql(f"LISTEN {NOTIFY_CHANNEL}")
        if after_id is None:
            from app.db import reading

            with reading() as s:
                after_id = s.execute(select(func.max(AuditEntry.id))).scalar() or 0
        self.last_id = after_id

    def _data_version(self) -> int:
        cursor = self._raw.driver_connection.execute("PRAGMA data_version")
        return cursor.fetchone()[0]

    def wait(self, timeout: float) -> bool:
        """True as soon as something may have changed; False after ``timeout`` seconds of quiet."""
        if self._raw is not None:
            import time

            deadline = time.monotonic() + timeout
            while not self._closed:
                version = self._data_version()
                if version != self._version:
                    self._version = version
                    return True
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                time.sleep(min(self.SQLITE_INTERVAL, left))
            return False
        connection = self._listen.connection.driver_connection
        got = False
        for _notice in connection.notifies(timeout=timeout, stop_after=1):
            got = True
        return got

    def changes(self) -> ChangeSet:
        """The audit rows committed since the last call (or since the watcher started)."""
        from app.db import reading

        with reading() as s:
            found, self.last_id = changes_after(s, self.last_id)
        return found

    def close(self) -> None:
        self._closed = True
        if self._raw is not None:
            self._raw.close()
            self._raw = None
        if self._listen is not None:
            self._listen.close()
            self._listen = None
