"""Backups of the database file, restoring one, the check at start-up, and testing a database location.

Backups use SQLite's online backup API, so they are consistent while other windows (the kiosk)
keep writing. Automatic backups go to ``backups/`` beside the database file, at most one a day,
and are rotated like restic's ``--keep-daily 7 --keep-weekly 4`` (policy ``backup.keep_daily`` /
``backup.keep_weekly``). A restore checks the file first and keeps the current database aside.
A PostgreSQL database is backed up on its server (pg_dump); these functions refuse it clearly.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from app import schema
from app.db import Database, current, open_database, reading, resolve_url, set_current, storage_error
from app.errors import DatabaseError, SchemaTooNew, ShopTeamError, ValidationError
from app.i18n import _
from app.models._base import now as _now
from app.services.context import Actor
from app.services.permissions import require

BACKUP_DIRNAME = "backups"
AUTO_PREFIX = "shopteam-"
_STAMP = "%Y%m%d-%H%M%S"
_AUTO_NAME = re.compile(r"^shopteam-(\d{8}-\d{6})\.db$")
SQLITE_HEADER = b"SQLite format 3\x00"
AUTO_INTERVAL = timedelta(days=1)


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    size: int

    def as_dict(self) -> dict:
        return {"path": str(self.path), "taken_at": self.taken_at.isoformat(timespec="seconds"), "size": self.size}


@dataclass
class BackupFileInfo:
    """What a backup file holds, after it passed the checks."""

    path: Path
    revisions: list[str]
    employees: int
    audit_rows: int
    last_change: datetime | None


@dataclass
class StartupReport:
    ok: bool
    database: str
    problems: list[str] = field(default_factory=list)
    latest_backup: BackupInfo | None = None
    backup_made: BackupInfo | None = None
    backup_warning: str = ""


# -- where things are ---------------------------------------------------------------------

def database_file(location: str | None = None) -> Path:
    """The SQLite file of ``location`` (or of the open database); refuses a server database."""
    if location is None:
        try:
            db = current()
        except DatabaseError:
            db = None
        if db is not None:
            if not db.is_sqlite or db.path is None:
                raise DatabaseError("Backups cover a database file; back up a PostgreSQL database on its server with pg_dump.")
            return db.path
    url = resolve_url(location)
    if not url.startswith("sqlite") or url.split("///", 1)[-1] in ("", ":memory:"):
        raise DatabaseError("Backups cover a database file; back up a PostgreSQL database on its server with pg_dump.")
    return Path(url.split("///", 1)[-1])


def backup_folder(db_file: Path | None = None) -> Path:
    return (db_file or database_file()).parent / BACKUP_DIRNAME


def list_backups(db_file: Path | None = None) -> list[BackupInfo]:
    """The automatic backups, newest first (named shopteam-YYYYMMDD-HHMMSS.db)."""
    folder = backup_folder(db_file)
    found = []
    if folder.is_dir():
        for path in folder.iterdir():
            m = _AUTO_NAME.match(path.name)
            if m and path.is_file():
                found.append(BackupInfo(path, datetime.strptime(m.group(1), _STAMP), path.stat().st_size))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def latest_backup(db_file: Path | None = None) -> BackupInfo | None:
    backups = list_backups(db_file)
    return backups[0] if backups else None


# -- rotation (a pure rule over timestamps) -------------------------------------------------

def backups_to_keep(stamps: list[datetime], keep_daily: int, keep_weekly: int) -> set[datetime]:
    """Newest backup of each of the last ``keep_daily`` days that have one, plus the newest of
    each of the last ``keep_weekly`` ISO weeks that have one (the two sets may overlap)."""
    keep: set[datetime] = set()
    for count, bucket in ((keep_daily, lambda t: t.date()), (keep_weekly, lambda t: t.isocalendar()[:2])):
        seen = []
        for stamp in sorted(stamps, reverse=True):
            key = bucket(stamp)
            if len(seen) >= count:
                break
            if key not in seen:
                seen.append(key)
                keep.add(stamp)
    return keep


def rotate(db_file: Path | None = None, keep_daily: int = 7, keep_weekly: int = 4) -> list[Path]:
    """Delete automatic backups the rotation no longer keeps; returns what was deleted."""
    backups = list_backups(db_file)
    keep = backups_to_keep([b.taken_at for b in backups], keep_daily, keep_weekly)
    removed = []
    for b in backups:
        if b.taken_at not in keep:
            b.path.unlink(missing_ok=True)
            removed.append(b.path)
    return removed


# -- copying ---------------------------------------------------------------------------------

def _write_error(exc: BaseException, target: Path) -> ShopTeamError:
    text = str(exc).lower()
    if isinstance(exc, PermissionError) or "readonly" in text or "read-only" in text or "unable to open" in text:
        return DatabaseError("Cannot write {path}: the folder is read-only or you lack permission. Choose another folder.", path=str(target))
    if getattr(exc, "errno", None) == 28 or "disk is full" in text or "no space" in text:
        return DatabaseError("The disk is full: {path} could not be written. Free some space or choose another drive.", path=str(target))
    mapped = storage_error(exc, str(target))
    return mapped or DatabaseError("Cannot write {path}: {reason}", path=str(target), reason=str(exc))


def _copy_database(source: Path, target: Path) -> None:
    """Copy a live database into a new self-contained file with the online backup API (atomic rename)."""
    from app.io.atomic import forget_temp, temp_path_for

    partial = temp_path_for(target)
    src = dst = None
    try:
        src = sqlite3.connect(str(source), timeout=15)
        partial.unlink(missing_ok=True)
        dst = sqlite3.connect(str(partial))
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")  # one file, no -wal beside it
        dst.close()
        dst = None
        with open(partial, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(partial, target)
        forget_temp(partial)
    except (OSError, sqlite3.Error) as exc:
        if dst is not None:
            dst.close()
        try:
            partial.unlink(missing_ok=True)
            forget_temp(partial)
        except OSError:
            pass
        text = str(exc).lower()
        if isinstance(exc, sqlite3.DatabaseError) and ("malformed" in text or "not a database" in text):
            raise storage_error(exc, str(source)) from None  # the source is damaged
        raise _write_error(exc, target) from None
    finally:
        if src is not None:
            src.close()


def make_backup(actor: Actor, out: str | Path | None = None) -> BackupInfo:
    """Back up the open database to ``out`` (a new .db file) or into the backup folder."""
    require(actor, "system.backup")
    source = database_file()
    moment = _now()
    if out is None:
        target = backup_folder(source) / f"{AUTO_PREFIX}{moment.strftime(_STAMP)}.db"
        _ensure_folder(target.parent)
    else:
        target = Path(out).expanduser()
        if target.is_dir():
            raise ValidationError("{path} is a folder; give the backup a file name, e.g. {example}.",
                                  path=str(target), example=str(target / "shopteam-backup.db"))
        if not target.parent.is_dir():
            raise ValidationError("The folder {folder} does not exist.", folder=str(target.parent))
        if target.exists() and target.resolve() == source.resolve():
            raise ValidationError("The backup cannot overwrite the database itself; choose another file name.")
    _copy_database(source, target)
    _anchor(source, target)
    return BackupInfo(target, moment.replace(microsecond=0), target.stat().st_size)


def _anchor(source: Path, copy: Path) -> None:
    """Keep the chain head of this backup outside the database (app.services.anchor)."""
    from app.services import anchor

    try:
        anchor.append_anchor(anchor.head_of_file(copy), backup_folder(source) / anchor.ANCHORS_NAME, backup=copy.name)
    except (OSError, sqlite3.Error) as exc:
        raise _write_error(exc, backup_folder(source) / anchor.ANCHORS_NAME) from None


def _ensure_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _write_error(exc, folder) from None


def auto_backup(moment: datetime | None = None) -> BackupInfo | None:
    """At start-up: a backup into the backup folder when the newest is a day old or older, then rotation."""
    from app.services import policy

    source = database_file()
    moment = moment or _now()
    latest = latest_backup(source)
    if latest is not None and moment - latest.taken_at < AUTO_INTERVAL:
        return None
    target = backup_folder(source) / f"{AUTO_PREFIX}{moment.strftime(_STAMP)}.db"
    _ensure_folder(target.parent)
    _copy_database(source, target)
    _anchor(source, target)
    with reading() as s:
        daily, weekly = policy.value_in(s, "backup.keep_daily"), policy.value_in(s, "backup.keep_weekly")
    rotate(source, daily, weekly)
    return BackupInfo(target, moment.replace(microsecond=0), target.stat().st_size)


# -- checking and restoring ------------------------------------------------------------------

def check_backup_file(path: str | Path) -> BackupFileInfo:
    """Refuse anything that is not a sound ShopTeam database this version can open."""
    path = Path(path).expanduser()
    if not path.is_file():
        raise ValidationError("The file {path} does not exist.", path=str(path))
    with path.open("rb") as fh:
        header = fh.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise ValidationError("{name} is not a ShopTeam backup (it is not a database file).", name=path.name)
    try:
        con = sqlite3.connect(path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
        try:
            problems = [row[0] for row in con.execute("PRAGMA integrity_check") if row[0] != "ok"]
            tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if problems:
                raise ValidationError("The backup {name} is damaged ({problem}); choose another backup.", name=path.name, problem=problems[0])
            if not {schema.VERSION_TABLE, "employee", "audit_log"} <= tables:
                raise ValidationError("{name} is a database but not a ShopTeam database.", name=path.name)
            revisions = sorted(r[0] for r in con.execute(f"SELECT version_num FROM {schema.VERSION_TABLE}"))
            employees = con.execute("SELECT count(*) FROM employee").fetchone()[0]
            audit_rows, last = con.execute("SELECT count(*), max(at) FROM audit_log").fetchone()
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise ValidationError("The backup {name} is damaged ({problem}); choose another backup.", name=path.name, problem=str(exc)) from None
    unknown = set(revisions) - set(schema.revision_graph())
    if unknown:
        raise ValidationError("The backup {name} comes from a newer ShopTeam (schema {revs}); install that version to restore it.",
                              name=path.name, revs=", ".join(sorted(unknown)))
    last_change = datetime.fromisoformat(str(last)) if last else None
    return BackupFileInfo(path, revisions, employees, audit_rows, last_change)


@dataclass
class RestoreResult:
    restored_from: Path
    kept_aside: Path
    employees: int


def restore_backup(actor: Actor, backup: str | Path, location: str | None = None) -> RestoreResult:
    """Replace the database with a checked backup; the current database is kept in the backup folder.

    The backup is checked, upgraded and given its audit row in a copy (app.services.restore) before
    it goes over the live file in one step; a backup that fails a check is refused with the reason
    and the live file is untouched. Works on a damaged database too (start-up offers it then). If the
    restored database cannot be opened, the previous one is put back. (It changes data without a
    transaction() on the live database: the restore's audit row is committed inside the copy.)
    """
    from app.services import restore

    require(actor, "system.backup")
    source = Path(backup).expanduser()
    _check_is_sqlite(source)
    target = database_file(location)
    if target.exists() and target.resolve() == source.resolve():
        raise ValidationError("That file is the database itself; choose a backup file.")
    aside_name = f"before-restore-{_now().strftime(_STAMP)}.db" if target.exists() else None
    candidate, info = restore.prepare_candidate(actor, source, target, aside_name)
    try:
        restore.close_if_open(target)
        aside = _keep_aside(target, aside_name)
        try:
            _write_over(candidate, target)
        except ShopTeamError:
            if aside is not None:
                _put_back(aside, target)
            raise
    finally:
        restore.discard(candidate)
    try:
        restore.opens_cleanly(target)
        _anchor(target, target)  # from now on the chain is the restored one
    except Exception as exc:
        set_current(None)
        if aside is not None:
            _write_over(aside, target)
            open_database(str(target))
        raise DatabaseError("The restored database could not be opened ({reason}); the previous database was put back.",
                            reason=str(exc)) from None
    return RestoreResult(source, aside, info["employees"])


def _check_is_sqlite(path: Path) -> None:
    if not path.is_file():
        raise ValidationError("The file {path} does not exist.", path=str(path))
    with path.open("rb") as fh:
        header = fh.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise ValidationError("{name} is not a ShopTeam backup (it is not a database file).", name=path.name)


def _current_or_none() -> Database | None:
    try:
        return current()
    except DatabaseError:
        return None


def _keep_aside(target: Path, name: str | None = None) -> Path | None:
    if not target.exists():
        return None
    folder = backup_folder(target)
    _ensure_folder(folder)
    aside = folder / (name or f"before-restore-{_now().strftime(_STAMP)}.db")
    try:
        _copy_database(target, aside)  # consistent, includes what is still in the WAL
    except ShopTeamError:
        # a damaged file cannot be read page by page: keep its bytes (and its WAL) as they are
        for suffix in ("", "-wal"):
            if Path(str(target) + suffix).exists():
                try:
                    shutil.copy2(str(target) + suffix, str(aside) + suffix)
                except OSError as exc:
                    raise _write_error(exc, aside) from None
    return aside


def _write_over(source: Path, target: Path) -> None:
    src = sqlite3.connect(source.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
    try:
        try:
            dst = sqlite3.connect(str(target), timeout=15)
            try:
                src.backup(dst)  # one transaction on the target: other windows see all or nothing
            finally:
                dst.close()
            return
        except sqlite3.DatabaseError as exc:
            if "malformed" not in str(exc).lower() and "not a database" not in str(exc).lower():
                raise _write_error(exc, target) from None
        # the target is damaged: replace the file (it was kept aside byte for byte)
        for suffix in ("", "-wal", "-shm"):
            Path(str(target) + suffix).unlink(missing_ok=True)
        try:
            dst = sqlite3.connect(str(target))
            try:
                src.backup(dst)
            finally:
                dst.close()
        except sqlite3.Error as exc:
            raise _write_error(exc, target) from None
    finally:
        src.close()


def _put_back(aside: Path, target: Path) -> None:
    for suffix in ("", "-wal"):
        if Path(str(aside) + suffix).exists():
            shutil.copy2(str(aside) + suffix, str(target) + suffix)


# -- start-up ------------------------------------------------------------------------------------

def quick_check(db: Database) -> list[str]:
    """SQLite's quick_check (the fast part of the integrity check) on the open database."""
    if not db.is_sqlite:
        return []
    con = db.engine.raw_connection()
    try:
        rows = con.execute("PRAGMA quick_check").fetchall()
    except sqlite3.Error as exc:
        return [str(exc)]
    finally:
        con.close()
    return [str(r[0]) for r in rows if r[0] != "ok"]


def startup_check(location: str | None = None, moment: datetime | None = None) -> StartupReport:
    """Open the database for the desktop: check it, and take the daily backup when it is sound.

    A damaged file gives ``ok=False`` with the problems and the latest backup to offer. A database
    from a newer ShopTeam or an unreachable server raises its DatabaseError (no backup can help).
    """
    url = resolve_url(location)
    sqlite_file = database_file(location) if url.startswith("sqlite") else None
    try:
        db = open_database(location)
    except SchemaTooNew:
        raise
    except DatabaseError as exc:
        if sqlite_file is None or not sqlite_file.exists():
            raise
        return StartupReport(False, str(sqlite_file), [str(exc)], latest_backup(sqlite_file))
    if sqlite_file is None:
        return StartupReport(True, db.display_name)
    # The full check reads the whole file (~0.3 s for a year of 500 people's punches), so it runs once a
    # day, right before the daily backup, which must only ever copy a sound file. Damage met in any page
    # read later still reaches the user as a clear DatabaseError.
    latest = latest_backup(sqlite_file)
    due = latest is None or (moment or _now()) - latest.taken_at >= AUTO_INTERVAL
    problems = quick_check(db) if due else []
    if problems:
        set_current(None)
        lead = _("The database {where} failed its integrity check; it is damaged.", where=str(sqlite_file))
        return StartupReport(False, str(sqlite_file), [lead, *problems[:5]], latest_backup(sqlite_file))
    report = StartupReport(True, str(sqlite_file), latest_backup=latest)
    try:
        report.backup_made = auto_backup(moment)
    except ShopTeamError as exc:
        report.backup_warning = _("The daily backup could not be made: {reason}", reason=str(exc))
    return report


# -- testing a database location (the database settings dialog) --------------------------------

@dataclass
class Probe:
    ok: bool
    message: str
    employees: int | None = None


def probe_location(location: str) -> Probe:
    """Try a file path or URL without opening it for use: can ShopTeam work with it?"""
    location = (location or "").strip()
    if not location:
        return Probe(False, _("Give a database file or a PostgreSQL address."))
    url = resolve_url(location)
    if url.startswith("sqlite"):
        path = Path(url.split("///", 1)[-1])
        if path.is_dir():
            return Probe(False, _("{path} is a folder; give a file name such as shopteam.db.", path=str(path)))
        if not path.exists():
            if not path.parent.is_dir():
                return Probe(False, _("The folder {folder} does not exist.", folder=str(path.parent)))
            if not os.access(path.parent, os.W_OK):
                return Probe(False, _("The folder {folder} is read-only.", folder=str(path.parent)))
            return Probe(True, _("A new database will be created at {path}.", path=str(path)))
    try:
        db = Database(url)
    except Exception as exc:  # a malformed URL or a missing driver
        return Probe(False, _("This address cannot be used: {reason}", reason=str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__))
    try:
        state = schema.check(db.engine)
        if state == "old" and not schema.applied(db.engine):
            return Probe(False, _("This database holds other data, not ShopTeam's; choose another one."))
        employees = None
        if state != "empty":
            from sqlalchemy import text

            with db.engine.connect() as conn:
                employees = conn.execute(text("SELECT count(*) FROM employee")).scalar()
    except ShopTeamError as exc:
        return Probe(False, str(exc))
    except Exception as exc:
        mapped = storage_error(exc, db.display_name)
        return Probe(False, str(mapped) if mapped else _("The connection failed: {reason}", reason=str(getattr(exc, "orig", exc)).strip().splitlines()[0]))
    finally:
        db.dispose()
    if state == "empty":
        return Probe(True, _("Connected. The database is empty; ShopTeam will set it up."))
    if state == "old":
        return Probe(True, _("Connected: {n} employees. ShopTeam will upgrade the database when it opens it.", n=employees), employees)
    return Probe(True, _("Connected: {n} employees.", n=employees), employees)
