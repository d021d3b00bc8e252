"""The database: engine, sessions and the schema check at start-up.

SQLite (the default, a file in the user data folder) runs in WAL mode with foreign keys,
synchronous=FULL and a busy timeout. A write (``transaction()``) starts with BEGIN IMMEDIATE so
two processes on one file queue instead of failing; a read (``reading()``) starts a deferred
transaction and never takes the write lock. Any SQLAlchemy URL works unchanged, e.g.
``postgresql+psycopg://user@host/shopteam`` for a shop with several PCs; there every write
transaction first takes one advisory lock, so check-then-write rules run one at a time
(docs/operations.md says why).
"""

from __future__ import annotations

import functools
import itertools
import os
import sqlite3
import time
import weakref
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, TypeVar

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, IntegrityError, SQLAlchemyError
from sqlalchemy.orm import sessionmaker
from sqlmodel import Session

from app.errors import ConflictError, DatabaseError, SchemaTooNew
from app.paths import user_data_dir

DEFAULT_FILENAME = "shopteam.db"
BUSY_TIMEOUT_MS = 15000
WRITE_LOCK_KEY = 774411  # PostgreSQL: the transaction-level advisory lock every writer takes first
_READ = "shopteam_read"  # execution option of the read-only sessions (deferred BEGIN on SQLite)


def default_path() -> Path:
    return user_data_dir() / DEFAULT_FILENAME


def resolve_url(location: str | None = None) -> str:
    """--db beats SHOPTEAM_DB beats the file in the user data folder; a plain path means SQLite."""
    location = location or os.environ.get("SHOPTEAM_DB") or str(default_path())
    if "://" in location:
        return location
    return "sqlite:///" + str(Path(location).expanduser().resolve())


def postgres_url(host: str, port: int, name: str, user: str, password: str) -> str:
    """The SQLAlchemy URL of a shared PostgreSQL database, from the fields a person fills in."""
    from sqlalchemy.engine import URL

    return URL.create("postgresql+psycopg", username=user or None, password=password or None,
                      host=host, port=port, database=name).render_as_string(hide_password=False)


def postgres_parts(url: str) -> dict:
    """The fields of a PostgreSQL URL (host, port, name, user, password), for a settings form."""
    from sqlalchemy.engine import make_url

    u = make_url(url)
    return {"host": u.host or "", "port": u.port or 5432, "name": u.database or "",
            "user": u.username or "", "password": u.password or ""}


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_connection.cursor()
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        # a read never takes the write lock; a write takes it at once, so it cannot fail half-way
        # on a lock upgrade and two writers queue on the busy timeout. Straight to the driver (the
        # kiosk's punch counts every tenth of a millisecond); a busy file's error is SQLAlchemy's still
        read = conn.get_execution_options().get(_READ)
        sql = "BEGIN" if read else "BEGIN IMMEDIATE"
        driver = conn.connection.driver_connection
        try:
            driver.execute(sql) if read else _begin_write(driver)
        except sqlite3.Error as exc:
            raise DBAPIError.instance(sql, (), exc, sqlite3.Error, dialect=conn.dialect) from exc


WRITE_POLL_S = 0.002


def _begin_write(driver: sqlite3.Connection) -> None:
    """BEGIN IMMEDIATE, waiting for another process's write by asking again every 2 ms, for as long
    as the busy timeout. SQLite's own busy handler sleeps longer and longer, up to 100 ms a time: a
    kiosk waiting on an import that writes in 0.1 s steps with 0.1 s pauses kept waking inside a
    step and missed the pauses, for 0.5-0.8 s."""
    driver.execute("PRAGMA busy_timeout=0")
    try:
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                driver.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                code = exc.sqlite_errorcode  # None for an error of the driver's own
                if code is None or code & 0xFF != sqlite3.SQLITE_BUSY or time.monotonic() > deadline:
                    raise
                time.sleep(WRITE_POLL_S)
    finally:
        driver.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")


_GENERATIONS = itertools.count(1)


class Database:
    """One open database: the engine and a session factory."""

    def __init__(self, url: str):
        self.url = url
        # which opening of the database: a restore reopens the same URL over other rows, and what a
        # process kept of the old rows (app.services.summary_cache) must not answer for the new ones
        self.generation = next(_GENERATIONS)
        self.is_sqlite = url.startswith("sqlite")
        if self.is_sqlite:
            path = self.path
            if path is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
            self.engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
            _configure_sqlite(self.engine)
        else:
            # a dropped network must fail fast: the kiosk then journals the punch instead of waiting
            self.engine = create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 5})
        self._sessions = sessionmaker(self.engine, class_=Session, expire_on_commit=False)
        self._read_sessions = sessionmaker(self.engine.execution_options(**{_READ: True}), class_=Session,
                                           expire_on_commit=False)
        event.listen(self._sessions, "before_flush", _refuse_control_characters)
        from app.services.coverage import install

        install(self._sessions)  # data rows reference the audit row that wrote them

    @functools.cached_property
    def path(self) -> Path | None:
        if not self.is_sqlite:
            return None
        raw = self.url.split("///", 1)[-1]
        return None if raw in ("", ":memory:") else Path(raw)

    @functools.cached_property
    def display_name(self) -> str:
        """For the status bar: the file, or the URL without its password (also the audit key's and the
        kiosk journal's name for the database, asked on every punch: worked out once)."""
        if self.is_sqlite:
            return str(self.path)
        return self.engine.url.render_as_string(hide_password=True)

    def session(self) -> Session:
        return self._sessions()

    def read_session(self) -> Session:
        return self._read_sessions()

    def dispose(self) -> None:
        self.engine.dispose()


def _refuse_control_characters(session, _context, _instances) -> None:
    """Every text a person gives is checked as it is saved: whatever face it came through."""
    from sqlalchemy import inspect as sa_inspect

    from app.rules.text import ONE_LINE_FIELDS, control_problem

    for obj in list(session.new) + list(session.dirty):
        state = sa_inspect(obj)
        fresh = state.pending  # in session.new (which builds a new set on every access: not in this loop)
        for attr in state.mapper.column_attrs:
            key = attr.key
            if not fresh and not state.attrs[key].history.has_changes():
                continue
            value = getattr(obj, key, None)
            if isinstance(value, str) and control_problem(value, key in ONE_LINE_FIELDS):
                from app.errors import ValidationError

                raise ValidationError("The {field} contains control characters or line breaks; remove them and try again.",
                                      field=key.replace("_", " "))


_current: Database | None = None


def current() -> Database:
    if _current is None:
        raise DatabaseError("No database is open.")
    return _current


def set_current(db: Database | None) -> None:
    global _current
    if _current is not None and _current is not db:
        _current.dispose()
    _current = db


@contextmanager
def transaction() -> Iterator[Session]:
    """One user action = one write transaction: commit at the end, roll back on any error.

    Writers run one at a time: SQLite's BEGIN IMMEDIATE, PostgreSQL's advisory lock taken before
    the first statement, so every "check, then write" inside sees what the writer before it wrote.
    """
    db = current()
    try:
        with db.session() as session:
            with session.begin():
                if not db.is_sqlite:
                    session.execute(_WRITE_LOCK, {"key": WRITE_LOCK_KEY})
                yield session
    except SQLAlchemyError as exc:
        clear = _write_error(exc)
        if clear is exc:
            raise
        raise clear from exc


@contextmanager
def writing() -> Iterator[Connection]:
    """``transaction()`` without the ORM session, for the kiosk's punch (whose answer is timed in
    milliseconds): the same write lock, commit or rollback and error messages, on a Core connection.
    Nothing here is flushed or bound at commit (app.services.coverage): the caller writes rows already
    tied to the audit row it appends (``audit.append``)."""
    db = current()
    try:
        with db.engine.begin() as conn:  # SQLite: BEGIN IMMEDIATE (the engine's "begin" event)
            if not db.is_sqlite:
                conn.execute(_WRITE_LOCK, {"key": WRITE_LOCK_KEY})
            yield conn
    except SQLAlchemyError as exc:
        clear = _write_error(exc)
        if clear is exc:
            raise
        raise clear from exc


_WRITE_LOCK = text("SELECT pg_advisory_xact_lock(:key)")


class Prepared:
    """A Core statement compiled once for one dialect and run as the driver's own SQL
    (``exec_driver_sql``): the cache key, compiled-cache look-up and parameter and result set-up that
    ``Connection.execute`` does on every call, done once. Values go through the same type processors
    (a SQLite DATETIME is stored and read as SQLAlchemy writes it), statements still pass the engine's
    events, and driver errors are SQLAlchemy's. For the kiosk's punch, which runs three statements
    in the milliseconds between Enter and its answer; elsewhere ``execute`` is simpler."""

    def __init__(self, stmt, dialect, column_keys: list[str] | None = None):
        compiled = stmt.compile(dialect=dialect, column_keys=column_keys)
        if compiled.literal_execute_params or compiled.post_compile_params or compiled.escaped_bind_names:
            raise ValueError("a statement rendered at execution time cannot be prepared")
        self.sql = compiled.string
        self._binds = {name: bind.type.dialect_impl(dialect).bind_processor(dialect)
                       for name, bind in compiled.binds.items()}
        # the values written into the statement (limits, setting keys…), processed once
        self._fixed = {name: self._bound(name, bind.effective_value) for name, bind in compiled.binds.items()
                       if not bind.required}
        # a positional driver (SQLite's ?): the fixed values in place, and where each given one goes
        order = tuple(compiled.positiontup) if dialect.positional else None
        self._template = [self._fixed.get(name) for name in order] if order is not None else None
        self._slots: dict[str, list[int]] = {}
        for i, name in enumerate(order or ()):
            if name not in self._fixed:
                self._slots.setdefault(name, []).append(i)
        columns = getattr(stmt, "selected_columns", ())
        results = [c.type.dialect_impl(dialect).result_processor(dialect, None) for c in columns]
        self._results = [(i, p) for i, p in enumerate(results) if p]
        self._select = bool(columns)

    def _bound(self, name: str, value):
        process = self._binds.get(name)
        return process(value) if process else value  # None too: a JSON None is stored as 'null', as execute does

    def params(self, values: dict):
        """The driver's parameters for ``values`` (by bind name), processed as SQLAlchemy would."""
        if self._template is None:
            done = dict(self._fixed)
            for name, value in values.items():
                done[name] = self._bound(name, value)
            return done
        args, slots = list(self._template), self._slots
        for name, value in values.items():
            value = self._bound(name, value)
            for i in slots[name]:
                args[i] = value
        return args

    def run(self, conn: Connection, values: dict) -> list:
        """Execute on ``conn`` (inside its transaction); a SELECT's rows as lists of Python values."""
        rows = [list(r) for r in self._execute(conn, self.params(values))]
        for row in rows:
            for i, process in self._results:
                row[i] = process(row[i])
        return rows

    def _execute(self, conn: Connection, params) -> list:
        """The statement on the driver's cursor (a SELECT's rows): what exec_driver_sql does, without its
        execution context and result object (a column map built on every call: a fifth of the kiosk
        punch's Python). The engine's cursor events still see the statement; a driver error is raised
        as SQLAlchemy's, and a lost connection is invalidated, as execute does."""
        dispatch = conn.dispatch
        cursor = conn.connection.cursor()
        try:
            dispatch.before_cursor_execute(conn, cursor, self.sql, params, None, False)
            try:
                cursor.execute(self.sql, params)
                rows = cursor.fetchall() if self._select else []
            except conn.dialect.loaded_dbapi.Error as exc:
                lost = conn.dialect.is_disconnect(exc, conn.connection.dbapi_connection, cursor)
                if lost:
                    conn.invalidate(exc)
                raise DBAPIError.instance(self.sql, params, exc, conn.dialect.loaded_dbapi.Error,
                                          connection_invalidated=lost, dialect=conn.dialect) from exc
            dispatch.after_cursor_execute(conn, cursor, self.sql, params, None, False)
            return rows
        finally:
            cursor.close()


T = TypeVar("T")
_PREPARED: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()  # dialect -> {key: Prepared}


def prepared(dialect, key, build: Callable[[], T]) -> T:
    """What ``build()`` prepares for ``dialect`` under ``key`` (a Prepared, or a tuple holding one):
    built the first time it is asked, then kept as long as the dialect (the engine) lives."""
    mine = _PREPARED.get(dialect)
    if mine is None:
        mine = _PREPARED[dialect] = {}
    statement = mine.get(key)
    if statement is None:
        statement = mine[key] = build()
    return statement


def _write_error(exc: SQLAlchemyError) -> Exception:
    """What a failed write transaction tells the person; the driver's error itself when none fits."""
    if isinstance(exc, IntegrityError):
        # a unique constraint caught what the checks could not see (another PC's write)
        return storage_error(exc) or ConflictError(
            "Someone else saved the same change at the same moment; nothing was saved. Check and try again.")
    return storage_error(exc) or exc


@contextmanager
def reading() -> Iterator[Session]:
    """A read-only unit of work (no audit, nothing to commit). On SQLite it starts deferred and
    never takes the write lock, so it neither waits for nor blocks a writer."""
    try:
        with current().read_session() as session:
            with session.begin():
                yield session
    except SQLAlchemyError as exc:
        clear = storage_error(exc)
        if clear is None:
            raise
        raise clear from exc


def count_up(session: Session, table, key: dict, column: str) -> int:
    """Add one to a counter in the database and return the new value, in one statement (an
    INSERT … ON CONFLICT DO UPDATE … RETURNING): never read, changed and written back in Python,
    so two PCs counting at once both count, and the first count of a key cannot collide."""
    if session.get_bind().dialect.name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    else:
        from sqlalchemy.dialects.postgresql import insert
    col = table.c[column]
    stmt = (insert(table).values(**key, **{column: 1})
            .on_conflict_do_update(index_elements=list(key), set_={column: col + 1})
            .returning(col))
    return session.execute(stmt).scalar_one()


def update_if(session: Session, obj, expected: dict, values: dict) -> bool:
    """Write ``values`` to obj's row only while its columns still hold ``expected`` (one UPDATE …
    WHERE id = … AND status = 'pending'): a compare-and-set in the database, so of two decisions
    made at once exactly one lands. True when it did; obj then shows the new values."""
    from sqlalchemy import update
    from sqlalchemy.orm.attributes import set_committed_value

    model = type(obj)
    stmt = update(model).where(model.id == obj.id, *(getattr(model, k) == v for k, v in expected.items()))
    done = session.execute(stmt.values(**values).execution_options(synchronize_session=False)).rowcount == 1
    if done:
        for key, value in values.items():
            set_committed_value(obj, key, value)
    return done


# Driver errors a person can act on (full disk, read-only folder, damaged file, server down),
# matched on the driver's message and turned into a translated DatabaseError.
_STORAGE_ERRORS = (
    (("disk is full",), "The disk is full; nothing was saved. Free some disk space and try again."),
    (("readonly database", "read-only file system"),
     "The database {where} is read-only; nothing was saved. Check the folder's permissions or choose another location."),
    (("unable to open database file", "permission denied", "operation not permitted"),
     "The database {where} cannot be opened: its folder is missing or read-only."),
    (("file is not a database", "disk image is malformed", "database corrupt"),
     "The database {where} is damaged. Restore the latest backup (the 'restore' command, or restart ShopTeam to be offered it)."),
    (("disk i/o error",), "The disk could not be read or written ({where}). Check the drive and try again."),
    (("database is locked",), "The database is busy in another window; nothing was saved. Try again in a moment."),
    (("connection refused", "could not connect", "connection timeout", "server closed the connection",
      "could not translate host name", "no route to host"),
     "The database server {where} cannot be reached; nothing was saved. Check the network and that the server is running."),
)


def storage_error(exc: BaseException, where: str | None = None) -> DatabaseError | None:
    """A clear DatabaseError for a driver error caused by the disk, the file or the network, else None."""
    message = str(getattr(exc, "orig", None) or exc).lower()
    for needles, msgid in _STORAGE_ERRORS:
        if any(n in message for n in needles):
            if where is None:
                where = _safe(_current.url) if _current is not None else ""
            return DatabaseError(msgid, where=where)
    return None


def open_database(location: str | None = None, *, migrate: bool = True) -> Database:
    """Open (and create or migrate) the database and make it current.

    A database written by a newer ShopTeam is refused, never opened.
    """
    from app import schema

    url = resolve_url(location)
    if url.startswith("sqlite:///"):
        candidate = Path(url.split("///", 1)[1])
        if candidate.is_file():
            schema.peek_file(candidate)
    try:
        db = Database(url)
        state = schema.check(db.engine)
    except SchemaTooNew:
        raise
    except DatabaseError:
        raise
    except Exception as exc:  # driver errors: unreachable server, unreadable file
        raise storage_error(exc, _safe(url)) or DatabaseError("Cannot open the database {where}: {reason}", where=_safe(url), reason=_reason(exc)) from exc
    if state != "current":
        if not migrate:
            raise DatabaseError("The database {where} needs upgrading; open it with ShopTeam to upgrade it.", where=_safe(url))
        try:
            schema.upgrade(db.engine)
        except Exception as exc:
            raise DatabaseError("Upgrading the database {where} failed: {reason}", where=_safe(url), reason=_reason(exc)) from exc
    set_current(db)
    from app.io.atomic import remove_stale_temps

    remove_stale_temps()  # temp files of a run that was killed while writing
    return db


def _safe(url: str) -> str:
    if url.startswith("sqlite"):
        return url.split("///", 1)[-1]
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def _reason(exc: Exception) -> str:
    text_ = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return text_[0] if text_ else exc.__class__.__name__


def table_names(engine: Engine) -> list[str]:
    return inspect(engine).get_table_names()


def integrity_problems(db: Database) -> list[str]:
    """SQLite's integrity and foreign-key checks; an empty list means the file is sound."""
    if not db.is_sqlite:
        return []
    problems: list[str] = []
    try:
        with db.engine.connect() as conn:
            for (row,) in conn.execute(text("PRAGMA integrity_check")):
                if row != "ok":
                    problems.append(str(row))
            for row in conn.execute(text("PRAGMA foreign_key_check")):
                problems.append(f"foreign key: table {row[0]} rowid {row[1]} -> {row[2]}")
    except SQLAlchemyError as exc:  # too damaged to finish the check
        problems.append(str(storage_error(exc) or _reason(exc)))
    return problems
