"""Restoring a backup so that it can never break the live database.

The candidate is copied next to the database and checked in that copy: a sound SQLite file, a
schema revision we know with exactly that revision's tables and columns, no dangling foreign key,
an intact audit trail. The copy is then upgraded and gets its ``system.restore`` audit row, and only
then written over the live file with SQLite's backup API, one transaction on the target: a kill
leaves either the old database or the restored one with its audit row, never a half. If the
restored database cannot be opened afterwards, the previous one is put back.
"""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

from sqlalchemy import select

from app import schema
from app.db import Database, open_database, set_current
from app.errors import ShopTeamError, ValidationError
from app.i18n import _
from app.io.atomic import temp_path_for, forget_temp
from app.models.audit import AuditEntry
from app.services import audit
from app.services.context import Actor

_expected_cache: dict[frozenset, dict[str, set[str]]] = {}


def tables_and_columns(con: sqlite3.Connection) -> dict[str, set[str]]:
    names = [r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
    return {n: {r[1] for r in con.execute(f'PRAGMA table_info("{n}")')} for n in names}


def expected_schema(revisions: frozenset[str]) -> dict[str, set[str]]:
    """The tables and columns a database stamped with ``revisions`` has: built by migrating an empty
    database to those revisions (cached per process)."""
    if revisions not in _expected_cache:
        with tempfile.TemporaryDirectory() as folder:
            db = Database("sqlite:///" + str(Path(folder) / "expected.db"))
            try:
                for rev in sorted(revisions):
                    schema.upgrade(db.engine, rev)
            finally:
                db.dispose()
            con = sqlite3.connect(str(Path(folder) / "expected.db"))
            try:
                _expected_cache[revisions] = tables_and_columns(con)
            finally:
                con.close()
    return _expected_cache[revisions]


def engine_tables_and_columns(engine) -> dict[str, set[str]]:
    """The same for any open database (SQLite or PostgreSQL), through SQLAlchemy's inspector."""
    from sqlalchemy import inspect

    insp = inspect(engine)
    return {t: {c["name"] for c in insp.get_columns(t)} for t in insp.get_table_names() if not t.startswith("sqlite_")}


def schema_problems(con, revisions: set[str]) -> list[str]:
    """How the tables and columns differ from what ``revisions`` define (empty when they match).
    ``con`` is a sqlite3 connection or an SQLAlchemy engine."""
    expected = expected_schema(frozenset(revisions))
    found = tables_and_columns(con) if isinstance(con, sqlite3.Connection) else engine_tables_and_columns(con)
    problems = [_("the table {table} is missing", table=t) for t in sorted(set(expected) - set(found))]
    problems += [_("the table {table} does not belong to this schema", table=t) for t in sorted(set(found) - set(expected))]
    for table in sorted(set(expected) & set(found)):
        missing = sorted(expected[table] - found[table])
        extra = sorted(found[table] - expected[table])
        if missing:
            problems.append(_("the table {table} lacks the column(s) {columns}", table=table, columns=", ".join(missing)))
        if extra:
            problems.append(_("the table {table} has unknown column(s) {columns}", table=table, columns=", ".join(extra)))
    return problems


def _refuse(name: str, reason: str) -> ValidationError:
    return ValidationError("The backup {name} cannot be restored: {reason}. The database was not changed.",
                           name=name, reason=reason)


def check_candidate(path: Path, name: str) -> dict:
    """Check a copy of a backup; raises ValidationError naming the first reason it cannot be restored."""
    try:
        con = sqlite3.connect(str(path))
    except sqlite3.Error as exc:
        raise _refuse(name, str(exc)) from None
    try:
        problems = [r[0] for r in con.execute("PRAGMA integrity_check") if r[0] != "ok"]
        if problems:
            raise _refuse(name, _("it is damaged ({problem})", problem=problems[0]))
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not {schema.VERSION_TABLE, "employee", "audit_log"} <= tables:
            raise ValidationError("{name} is a database but not a ShopTeam database.", name=name)
        revisions = {r[0] for r in con.execute(f"SELECT version_num FROM {schema.VERSION_TABLE}")}
        if not revisions:
            raise _refuse(name, _("it records no schema revision"))
        unknown = revisions - set(schema.revision_graph())
        if unknown:
            raise ValidationError("The backup {name} comes from a newer ShopTeam (schema {revs}); install that version to restore it.",
                                  name=name, revs=", ".join(sorted(unknown)))
        problems = schema_problems(con, revisions)
        if problems:
            raise _refuse(name, problems[0])
        fk = con.execute("PRAGMA foreign_key_check").fetchone()
        if fk is not None:
            raise _refuse(name, _("row {rowid} of {table} points at a missing row of {parent}",
                                  rowid=fk[1], table=fk[0], parent=fk[2]))
        employees = con.execute("SELECT count(*) FROM employee").fetchone()[0]
    except sqlite3.Error as exc:
        raise _refuse(name, _("it is damaged ({problem})", problem=str(exc))) from None
    finally:
        con.close()
    return {"revisions": sorted(revisions), "employees": employees}


def copy_sqlite(source: Path, target: Path, name: str) -> None:
    """A page-by-page copy of ``source`` (read-only, never changed) into a new file ``target``."""
    try:
        src = sqlite3.connect(source.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
    except sqlite3.Error as exc:
        raise _refuse(name, str(exc)) from None
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    except sqlite3.DatabaseError as exc:
        raise _refuse(name, _("it is damaged ({problem})", problem=str(exc))) from None
    finally:
        src.close()


def prepare_candidate(actor: Actor, backup: Path, target: Path, kept_aside: str | None) -> tuple[Path, dict]:
    """The checked, upgraded copy of ``backup`` with its restore audit row, ready to go over ``target``."""
    candidate = temp_path_for(target.parent / (target.name + ".restore"))
    try:
        copy_sqlite(backup, candidate, backup.name)
        info = check_candidate(candidate, backup.name)
        db = Database("sqlite:///" + str(candidate))
        try:
            if schema.check(db.engine) != "current":
                schema.upgrade(db.engine)
            with db.session() as s, s.begin():
                broken = audit.first_broken(s)
                if broken is not None:
                    raise _refuse(backup.name, _("its audit trail was altered at row {id}", id=broken))
                from app.services.coverage import first_mismatch

                mismatch = first_mismatch(s)
                if mismatch:
                    raise _refuse(backup.name, mismatch)
                audit.record(s, actor, "system.restore", "database", target.name, None,
                             {"from": backup.name, "kept_aside": kept_aside})
        finally:
            db.dispose()
        con = sqlite3.connect(str(candidate))
        try:
            con.execute("PRAGMA journal_mode=DELETE")  # fold the WAL back into the one file
        finally:
            con.close()
        return candidate, info
    except BaseException:
        discard(candidate)
        raise


def discard(candidate: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(candidate) + suffix).unlink(missing_ok=True)
    forget_temp(candidate)


def opens_cleanly(target: Path) -> None:
    """Open the restored database as the app will; raises when it cannot be used."""
    db = open_database(str(target))
    with db.session() as s, s.begin():
        last = s.execute(select(AuditEntry.action).order_by(AuditEntry.id.desc()).limit(1)).scalar()
    if last != "system.restore":
        raise ShopTeamError("The restored database lacks its restore record.")


def close_if_open(target: Path) -> None:
    from app.services.backup import _current_or_none

    open_db = _current_or_none()
    if open_db is not None and open_db.path is not None and open_db.path.resolve() == target.resolve():
        set_current(None)
