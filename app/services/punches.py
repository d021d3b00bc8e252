"""Punches (打卡): the kiosk, a manager's manual entry, imports of clock exports, and corrections (补卡).

Punches are only appended. Two punches by one person closer than the duplicate window (60 s by
default) are one punch, so importing the same file twice changes nothing.
"""

from __future__ import annotations

import importlib
from collections import namedtuple
from dataclasses import dataclass
from functools import lru_cache
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Callable, Optional

from sqlalchemy import func, insert, select, update
from sqlalchemy.engine import Connection
from sqlmodel import Session

from app.db import Prepared, count_up, prepared, reading, transaction, update_if, writing
from app.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from app.i18n import N_, _
from app.models._base import now
from app.models.attendance import KioskLock, Punch, PunchCorrection
from app.models.people import Employee
from app.rules import attendance as rules
from app.rules.text import control_problem
from app.security import verify_pin
from app.services import audit, month_close, policy
from app.services.context import Actor
from app.services.permissions import require

Progress = Optional[Callable[[int, int], None]]
SOURCE_LABELS = {"kiosk": N_("Kiosk"), "manual": N_("Manual entry"), "import": N_("Imported"),
                 "correction": N_("Correction")}
DECISION_LABELS = {"pending": N_("Pending"), "approved": N_("Approved"), "rejected": N_("Rejected")}


def _near(s: Session, employee_id: int, at: datetime, window: int) -> Optional[Punch]:
    """A stored punch of this person within ``window`` seconds of ``at`` (the same punch)."""
    if window <= 0:
        return s.execute(select(Punch).where(Punch.employee_id == employee_id, Punch.at == at)).scalar()
    delta = timedelta(seconds=window)
    return s.execute(select(Punch).where(Punch.employee_id == employee_id, Punch.at > at - delta,
                                         Punch.at < at + delta).limit(1)).scalar()


def _active(e: Employee, day: date) -> None:
    if e.status == "left" and e.leave_date and day > e.leave_date:
        raise ValidationError("{name} ({no}) left on {day} and can no longer clock in.", name=e.name,
                              no=e.employee_no, day=e.leave_date.isoformat())


@dataclass
class PunchResult:
    """What the kiosk (or the CLI) tells the person after a punch."""

    employee_no: str
    name: str
    at: datetime
    kind: str  # "in" (上班) or "out" (下班)
    late_minutes: int = 0
    duplicate: bool = False  # already recorded within the window: nothing stored
    punch_id: Optional[int] = None
    scheduled: bool = True  # the person has a shift today (working day, or on the duty roster)
    early_minutes: int = 0  # an out-punch before the session's end, on a scheduled day
    pending: bool = False  # in the kiosk's local journal, to be delivered when the database answers

    @property
    def late(self) -> bool:
        return self.late_minutes > 0

    @property
    def tone(self) -> str:
        """The status colour of the answer: a day status code of app.rules.attendance."""
        if self.duplicate or self.pending:
            return rules.LEAVE
        if self.late:
            return rules.LATE
        if self.early_minutes:
            return rules.EARLY
        return rules.NORMAL if self.scheduled else rules.REST

    @property
    def answer(self) -> str:
        """What the kiosk shows: the name, then the time and what the punch is for this person today."""
        when = self.at.strftime("%H:%M")
        if self.pending:  # in the kiosk's journal: the name is not known until the database answers
            return _("{time} Recorded (waiting to sync)", time=when)
        if self.duplicate:
            line = _("Already recorded at {time}", time=when)
        elif not self.scheduled:
            line = _("{time} Recorded (no shift today)", time=when)
        elif self.kind == "in":
            line = (_("{time} Clock in · late by {minutes} min", time=when, minutes=self.late_minutes) if self.late
                    else _("{time} Clock in ✓", time=when))
        else:
            line = (_("{time} Clock out · early by {minutes} min", time=when, minutes=self.early_minutes)
                    if self.early_minutes else _("{time} Clock out ✓", time=when))
        return f"{self.name}\n{line}"


_PUNCH_KEYS = ("attendance.morning_start", "attendance.morning_end", "attendance.afternoon_start",
               "attendance.afternoon_end", "attendance.punches_per_day", "attendance.late_grace_minutes",
               "attendance.duplicate_punch_seconds", "attendance.work_days", "attendance.tracking_start")


_SLOTS = (("morning_in", "attendance.morning_start"), ("morning_out", "attendance.morning_end"),
          ("afternoon_in", "attendance.afternoon_start"), ("afternoon_out", "attendance.afternoon_end"))


def punch_slots(values: dict) -> list[tuple[str, int]]:
    """The punches a day asks for, in order, as (key, minute of the day): in and out of both sessions,
    or with two punches a day in at the morning's start and out at the afternoon's end."""
    slots = [(key, rules.parse_hhmm(values[setting])) for key, setting in _SLOTS]
    return [slots[0], slots[3]] if int(values["attendance.punches_per_day"]) == 2 else slots


def _kind_of(earlier: list[datetime], at: datetime, values: dict) -> tuple[str, int, int]:
    """In or out, minutes late for an in-punch and minutes early for an out-punch, from the person's
    punches earlier that day: the first punch of a session is 上班, a later one 下班."""
    minutes = [minute for _key, minute in punch_slots(values)]
    sessions = list(zip(minutes[::2], minutes[1::2]))  # (in, out) of each session
    groups = [rules.SessionVerdict(a, b, 0) for a, b in sessions]
    mine = rules._nearest(groups, rules.minute_of(at))
    for t in earlier:
        rules._nearest(groups, rules.minute_of(t)).punches.append(t)
    minute = rules.minute_of(at)
    if mine.punches or minute >= mine.end:
        return "out", 0, max(0, mine.end - minute)
    late = minute - mine.start
    return "in", late if late > values["attendance.late_grace_minutes"] else 0, 0


def _scheduled(hired: Optional[date], day: date, rostered: bool, kinds: dict, work_days) -> bool:
    """Whether the person has a shift on ``day``: a working day of the shop's calendar (``kinds``:
    the calendar's rows for the day by source), or on the duty roster; not before the hire date."""
    from app.rules.calendar import is_working_day

    if hired and day < hired:
        return False
    if rostered:
        return True
    kind = kinds.get("shop") or kinds.get("statutory")
    return is_working_day(day, work_days, {day: kind} if kind else {})


EARLIEST_YEAR = 2000


def _first_day(start) -> date:
    start = date.fromisoformat(start) if isinstance(start, str) and start else (start or None)
    return max(d for d in (date(EARLIEST_YEAR, 1, 1), start) if d is not None)


def first_punch_day(s: Session) -> date:
    """The first day a punch may have: the tracking start, and never before 2000 (a typo like 1900)."""
    return _first_day(policy.value_in(s, "attendance.tracking_start"))


def too_early(s: Session, at: datetime) -> Optional[date]:
    """first_punch_day when ``at`` is before it, else None."""
    first = first_punch_day(s)
    return first if at.date() < first else None


@dataclass
class _Context:
    """Everything a punch is decided on, read in one statement: on PostgreSQL each statement is a
    round trip, and the kiosk must answer in milliseconds (docs/scaling.md)."""

    person: object  # id, employee_no, name, status, leave_date, hire_date (+ pin_hash and lock state)
    values: dict  # _PUNCH_KEYS
    month_closed_ever: bool  # the month has a close row (open or reopened: month_close decides)
    rostered: bool
    kinds: dict  # the calendar's rows for the day: source -> kind
    around: list  # (id, at) of the person's punches from the start of the day to just after ``at``
    next_id: int  # the id the punch will have (the sequence's next value; max + 1 under SQLite's write lock)
    next_audit_id: int  # the id its audit row will have (likewise)
    prev_hash: str  # the audit trail's last hash, read under the write lock


_WINDOW_MAX = 600  # attendance.duplicate_punch_seconds' maximum (data/policy/attendance.json)


def _context_statement(dialect, by: str, pin: bool):
    """The one statement of _context (bound parameters: who, day, day_start, upper, month), built and
    compiled once per dialect (app.db.Prepared): building a select this size costs more than running it."""
    from sqlalchemy import and_, bindparam, literal
    from sqlalchemy.orm import aliased

    from app.models.attendance import CalendarDay, RosterEntry
    from app.models.audit import AuditEntry
    from app.models.month_close import MonthClose
    from app.models.policy import PolicySetting

    day = bindparam("day", type_=CalendarDay.__table__.c.day.type)
    p = aliased(Punch)
    settings = [select(PolicySetting.value).where(PolicySetting.key == key).scalar_subquery() for key in _PUNCH_KEYS]
    if dialect.name == "postgresql":
        next_id, next_audit = (select(func.nextval(func.pg_get_serial_sequence(table, "id"))).scalar_subquery()
                               for table in ("punch", "audit_log"))
    else:  # SQLite: the rowid a plain insert would take; nobody else inserts while we hold the write lock
        next_id, next_audit = (select(func.coalesce(func.max(c), 0) + 1).scalar_subquery()
                               for c in (Punch.id, AuditEntry.id))
    kind = [select(CalendarDay.kind).where(CalendarDay.day == day, CalendarDay.source == src).limit(1).scalar_subquery()
            for src in ("shop", "statutory")]
    extra = (Employee.pin_hash, KioskLock.employee_no.label("lock_no"), KioskLock.locked_until) if pin else ()
    q = select(*_PERSON, Employee.hire_date, *extra,
               select(MonthClose.id).where(MonthClose.month == bindparam("month")).limit(1).scalar_subquery(),
               select(literal(1)).where(RosterEntry.employee_id == Employee.id, RosterEntry.day == day)
               .limit(1).scalar_subquery(),
               *kind, next_id, next_audit,
               select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1).scalar_subquery(),
               *settings, p.id, p.at).select_from(Employee)
    if pin:
        q = q.outerjoin(KioskLock, KioskLock.employee_no == Employee.employee_no)
    at = Punch.__table__.c.at.type
    q = q.outerjoin(p, and_(p.employee_id == Employee.id, p.at >= bindparam("day_start", type_=at),
                            p.at < bindparam("upper", type_=at)))
    q = q.where(getattr(Employee, by) == bindparam("who")).order_by(p.at)
    n = len(_PERSON) + 1 + len(extra)
    return Prepared(q, dialect), n, namedtuple("Person", [c.key for c in q.selected_columns[:n]])


def _context(conn: Connection, at: datetime, by: str, who, pin: bool = False) -> Optional[_Context]:
    """The person whose ``by`` column (badge_code, employee_no or id) is ``who``, with the day's
    punches, the settings, whether the month has a close, roster, calendar, the punch's and its audit
    row's ids-to-be and the audit chain's last hash: one statement, one row per punch of the day. With
    ``pin``, the PIN hash and the PIN lock too. Only columns the kiosk's database role may read
    (app.services.db_roles). ``conn``: the write transaction's connection (a session's ``connection()``)."""
    dialect = conn.dialect
    q, n, person = prepared(dialect, ("punch.context", by, pin), lambda: _context_statement(dialect, by, pin))
    day = at.date()
    day_start = datetime.combine(day, datetime.min.time())
    rows = q.run(conn, {"who": who, "day": day, "day_start": day_start, "month": month_close.month_key(at),
                        "upper": at + timedelta(seconds=_WINDOW_MAX + 1)})
    if not rows:
        return None
    first = rows[0]
    closed, rostered, shop, statutory, pid, audit_id, prev = first[n:n + 7]
    # a setting nobody changed has no row: its default (none of these is nullable with another default)
    values = {key: (v if v is not None else policy.spec(key).default) for key, v in zip(_PUNCH_KEYS, first[n + 7:-2])}
    window = values["attendance.duplicate_punch_seconds"]
    around = [(r[-2], r[-1]) for r in rows if r[-2] is not None]
    if window > _WINDOW_MAX:  # beyond the setting's range (a database edited by hand): read what it says
        around = conn.execute(select(Punch.id, Punch.at).where(
            Punch.employee_id == first[0], Punch.at >= day_start, Punch.at < at + timedelta(seconds=window))).all()
    kinds = {k: v for k, v in (("shop", shop), ("statutory", statutory)) if v}
    return _Context(person(*first[:n]), values, closed is not None, rostered is not None, kinds, around, pid, audit_id, prev or "")


def _store(conn: Connection, actor: Actor, e, at: datetime, source: str, note: str = "",
           ctx: Optional[_Context] = None) -> PunchResult:
    """Append the punch unless one is already stored within the window, on the write transaction's
    connection (``app.db.writing``, or a session's ``connection()``). ``e`` has id, employee_no, name,
    status and leave_date; ``ctx`` is what _context read for it (read here when not given). The punch
    is written already tied to its audit row (app.services.coverage): two Core INSERTs, nothing read back."""
    ctx = ctx or _context(conn, at, "id", e.id)
    values = ctx.values
    first = _first_day(values["attendance.tracking_start"])
    if at.date() < first:
        raise ValidationError("A punch on {day} is before attendance tracking starts ({first}).",
                              day=at.date().isoformat(), first=first.isoformat())
    _active(e, at.date())
    if ctx.month_closed_ever:  # closed, or closed and reopened: month_close says which
        month_close.ensure_open(conn, at)
    window = timedelta(seconds=values["attendance.duplicate_punch_seconds"])
    around = [(i, t) for i, t in ctx.around if t < max(at + window, at + timedelta(seconds=1))]
    kind, late, early = _kind_of([t for _i, t in around if t < at], at, values)
    scheduled = _scheduled(ctx.person.hire_date, at.date(), ctx.rostered, ctx.kinds, values["attendance.work_days"])
    if not scheduled:  # no shift today: nobody is late or early
        late = early = 0
    same = next(((i, t) for i, t in around if abs(t - at) < window or t == at), None)
    if same is not None:
        return PunchResult(e.employee_no, e.name, same[1], kind, 0, duplicate=True, punch_id=same[0], scheduled=scheduled)
    from app.services import coverage

    row = {"employee_id": e.id, "at": at, "source": source, "recorded_by": actor.username, "note": note}
    punch_id = ctx.next_id
    entry = audit.append(conn, actor, "attendance.punch", "punch", punch_id, None,
                         {"employee_no": e.employee_no, "at": at, "source": source}, entry_id=ctx.next_audit_id,
                         prev_hash=ctx.prev_hash, covers=coverage.covers_of(conn, "punch", {punch_id: row}))
    insert_punch = prepared(conn.dialect, "punch.insert", lambda: Prepared(
        insert(Punch.__table__), conn.dialect, column_keys=["id", *row, "recorded_at", "audit_id"]))
    insert_punch.run(conn, {"id": punch_id, "recorded_at": now(), "audit_id": entry.id, **row})
    return PunchResult(e.employee_no, e.name, at, kind, late, punch_id=punch_id, scheduled=scheduled,
                       early_minutes=early)


_PERSON = (Employee.id, Employee.employee_no, Employee.name, Employee.status, Employee.leave_date)


def record_punch(actor: Actor, employee_no: str | None = None, badge: str | None = None,
                 at: datetime | None = None, note: str = "") -> PunchResult:
    """A punch entered by a manager or from the command line (by 工号 or badge code)."""
    require(actor, "attendance.manual_punch")
    moment = (at or now()).replace(microsecond=0)
    if moment > now() + timedelta(minutes=1):
        raise ValidationError("A punch cannot be in the future ({at}).", at=moment.strftime("%Y-%m-%d %H:%M"))
    if control_problem(note):  # the punch is written by Core, past the session's check on flush (app.db)
        raise ValidationError("The note has control characters; type it again.")
    with transaction() as s:
        e = _find(s, employee_no, badge)
        return _store(s.connection(), actor, e, moment, "manual", note)


def _find(s: Session, employee_no: str | None, badge: str | None):
    """The person (the columns the kiosk role may read: a 补卡 is filed at the kiosk too)."""
    if badge:
        e = s.execute(select(*_PERSON).where(Employee.badge_code == badge.strip())).first()
        if e is None:
            raise NotFound("Badge {badge} is not known.", badge=badge)
        return e
    if not employee_no:
        raise ValidationError("Give an employee no. or a badge code.")
    e = s.execute(select(*_PERSON).where(Employee.employee_no == employee_no.strip())).first()
    if e is None:
        raise NotFound("There is no employee with no. {no}.", no=employee_no)
    return e


# -- the kiosk ----------------------------------------------------------------------------------

def prepare_kiosk() -> None:
    """Load once, at the kiosk's start, what its first punch would otherwise wait for: the audit key
    from the OS keyring (keyring probes its backends on first use, a quarter of a second or more), the
    ORM's mapper set-up and the punch's statements, built and compiled by reading with them once for a
    badge and a 工号 nobody has (a third of a second together; nothing is written)."""
    from sqlalchemy.orm import configure_mappers

    from app.services import audit_key

    audit_key.active()
    configure_mappers()
    importlib.import_module("app.rules.calendar")  # what _scheduled imports when first asked
    policy.specs()  # the settings' defaults, read from data/policy once
    with reading() as s:
        conn, moment = s.connection(), now()
        _context(conn, moment, "badge_code", _NOBODY)
        _context(conn, moment, "employee_no", _NOBODY, pin=True)


_NOBODY = "\x01"  # no badge or 工号 holds a control character (app.rules.text); PostgreSQL refuses NUL


def kiosk_badge(badge: str, at: datetime | None = None) -> PunchResult:
    """A badge scan at the kiosk: the punch is committed before this returns."""
    actor = Actor.kiosk()
    require(actor, "attendance.punch")
    moment = (at or now()).replace(microsecond=0)
    code = badge.strip()
    if not code:
        raise NotFound("Badge {badge} is not known.", badge=code)
    with writing() as conn:  # no ORM session: the whole punch is three statements on one connection
        ctx = _context(conn, moment, "badge_code", code)
        if ctx is None:
            raise NotFound("Badge {badge} is not known.", badge=code)
        return _store(conn, actor, ctx.person, moment, "kiosk", ctx=ctx)


def _unreachable(exc: BaseException) -> bool:
    from sqlalchemy.exc import InterfaceError, OperationalError

    from app.errors import DatabaseError

    return isinstance(exc, (DatabaseError, OperationalError, InterfaceError))


def kiosk_badge_or_journal(badge: str, at: datetime | None = None) -> PunchResult:
    """A badge scan that is never lost: stored in the database, or, when the database is busy or
    unreachable, in the kiosk's fsync'd local journal (``pending``), delivered in order later."""
    from app.services import punch_journal

    moment = (at or now()).replace(microsecond=0)
    badge = (badge or "").strip()
    if not badge:
        raise NotFound("Badge {badge} is not known.", badge=badge)
    journal = punch_journal.journal_path()
    # while older punches wait, this one queues behind them without trying the database (which may take
    # seconds to time out): the kiosk never waits; punch_journal.deliver() runs in the background
    if not punch_journal.pending_count(journal):
        try:
            return kiosk_badge(badge, moment)
        except Exception as exc:
            if not _unreachable(exc):
                raise
    punch_journal.record(badge, moment, journal)
    return PunchResult("", "", moment, "", pending=True)


def kiosk_pin(employee_no: str, pin: str, at: datetime | None = None) -> PunchResult:
    """工号 and PIN at the kiosk. A blank or wrong PIN never punches; too many wrong PINs lock the
    工号 for a while (stored, so a restart does not reset it)."""
    actor = Actor.kiosk()
    require(actor, "attendance.punch")
    moment = (at or now()).replace(microsecond=0)
    no = (employee_no or "").strip()
    if not no:
        raise ValidationError("Type your employee no. first.")
    failed, locked_for = False, 0
    table = KioskLock.__table__
    from app.services import kiosk_guard

    with transaction() as s:
        values = policy.values_in(s)
        kiosk_guard.check_pin_allowed(s, moment, values)
        ctx = _kiosk_person(s, no, moment)
        if ctx is None:  # a number nobody has: counts against this kiosk (committed), adds no lock row
            verify_pin(_DUMMY_PIN_HASH(), pin or "0000")  # as slow as a real check
            kiosk_guard.note_pin_failure(s, moment, values)
        else:
            e = ctx.person  # with the PIN lock, read in the same statement
            no = e.employee_no  # "4" and "E004" share one counter
            if e.locked_until and e.locked_until > moment:
                minutes = max(1, int((e.locked_until - moment).total_seconds() + 59) // 60)
                raise PermissionDenied("Too many wrong PINs; {no} is locked for {minutes} more minutes.", no=no,
                                       minutes=minutes)
            if pin and verify_pin(e.pin_hash, pin):
                if e.lock_no is not None:
                    s.execute(update(table).where(table.c.employee_no == no).values(failures=0, locked_until=None))
                return _store(s.connection(), actor, e, moment, "kiosk", ctx=ctx)
            failures = count_up(s, table, {"employee_no": no}, "failures")  # counted in the database
            kiosk_guard.note_pin_failure(s, moment, values)
            if failures >= values["attendance.kiosk_max_pin_failures"]:
                until = moment + timedelta(minutes=values["attendance.kiosk_lock_minutes"])
                s.execute(update(table).where(table.c.employee_no == no).values(failures=0, locked_until=until))
                locked_for = values["attendance.kiosk_lock_minutes"]
                audit.record(s, actor, "attendance.kiosk_locked", "employee", no, None, {"until": until})
        failed = True  # the counters are committed although the punch is refused
    if failed and locked_for:
        raise PermissionDenied("Wrong PIN. {no} is now locked for {minutes} minutes.", no=no, minutes=locked_for)
    if failed:
        raise PermissionDenied("Wrong employee no. or PIN.")
    raise AssertionError("unreachable")


@lru_cache(maxsize=1)
def _DUMMY_PIN_HASH() -> str:  # noqa: N802
    from app.security import hash_pin

    return hash_pin("00000000")


def _kiosk_person(s: Session, typed: str, at: datetime) -> Optional[_Context]:
    """The person a typed 工号 means, with their PIN lock and what a punch at ``at`` needs (one
    statement); on a number pad "4" or "004" means E004 when only one 工号 fits."""
    ctx = _context(s.connection(), at, "employee_no", typed, pin=True)
    if ctx is None and typed.isdigit():
        fits = [no for no in s.execute(select(Employee.employee_no)).scalars()
                if "".join(c for c in no if c.isdigit()).lstrip("0") == typed.lstrip("0")]
        ctx = _context(s.connection(), at, "employee_no", fits[0], pin=True) if len(fits) == 1 else None
    return ctx


# -- imports ------------------------------------------------------------------------------------

def import_punches(actor: Actor, path: str | Path, progress: Progress = None) -> dict:
    """Import a clock export (all rows valid or nothing); see ``app.services.punch_import``."""
    from app.services.punch_import import import_punches as run

    return run(actor, path, progress)


def list_punches(actor: Actor, year: int, month: int, employee_no: str | None = None) -> list[dict]:
    """The month's punches (and approved corrections, marked source "correction") in time order."""
    from app.services.attendance import _month_bounds, _visible_ids

    first, nxt = _month_bounds(year, month)
    a, b = datetime.combine(first, datetime.min.time()), datetime.combine(nxt, datetime.min.time())
    with reading() as s:
        visible = _visible_ids(s, actor)
        q = select(Punch, Employee.employee_no, Employee.name).join(Employee, Employee.id == Punch.employee_id).where(
            Punch.at >= a, Punch.at < b)
        c = select(PunchCorrection, Employee.employee_no, Employee.name).join(
            Employee, Employee.id == PunchCorrection.employee_id).where(
            PunchCorrection.at >= a, PunchCorrection.at < b, PunchCorrection.status == "approved")
        if employee_no:
            q = q.where(Employee.employee_no == employee_no)
            c = c.where(Employee.employee_no == employee_no)
        out = [{"id": p.id, "employee_no": no, "name": name, "at": p.at, "source": p.source, "note": p.note, "_e": p.employee_id}
               for p, no, name in s.execute(q)]
        out += [{"id": k.id, "employee_no": no, "name": name, "at": k.at, "source": "correction", "note": k.reason,
                 "_e": k.employee_id} for k, no, name in s.execute(c)]
    out = [r for r in out if visible is None or r["_e"] in visible]
    for r in out:
        r.pop("_e")
    return sorted(out, key=lambda r: (r["at"], r["employee_no"]))


# -- corrections (补卡) --------------------------------------------------------------------------

def request_correction(actor: Actor, employee_no: str, at: datetime, reason: str) -> int:
    """Ask for a missing punch to be added; counts once a manager approves it."""
    require(actor, "leave.request")
    if not reason.strip():
        raise ValidationError("Give a reason for the correction.")
    if at > now():
        raise ValidationError("A punch cannot be in the future ({at}).", at=at.strftime("%Y-%m-%d %H:%M"))
    with transaction() as s:
        e = _find(s, employee_no, None)
        from app.services.filing import may_file_for

        if not may_file_for(actor, "correction", e.id):
            raise PermissionDenied("You may only ask for corrections of your own punches.")
        month_close.ensure_open(s, at)
        _check_correction_limits(s, e, at)
        c = PunchCorrection(employee_id=e.id, at=at.replace(microsecond=0), reason=reason.strip(), requested_by=actor.username)
        s.add(c)
        s.flush()
        audit.record(s, actor, "attendance.correction_request", "punch_correction", c.id, None, audit.snapshot(c))
        return c.id


def correction_deadline(month_of: date, deadline_day: int) -> date:
    """The last day corrections for ``month_of``'s month are accepted: that day of the next month."""
    nxt = date(month_of.year + (month_of.month == 12), month_of.month % 12 + 1, 1)
    return nxt.replace(day=deadline_day)


def _check_correction_limits(s: Session, e, at: datetime) -> None:
    """补卡 is limited: so many per person per month, and a month closes on a day of the next month.
    (A manager's manual punch is not limited; it is audited as the manager's.)"""
    values = policy.values_in(s)
    deadline = correction_deadline(at.date(), values["attendance.correction_deadline_day"])
    if now().date() > deadline:
        raise ValidationError("Corrections for {month} closed on {deadline}; ask a manager to enter the punch.",
                              month=at.strftime("%Y-%m"), deadline=deadline.isoformat())
    first = datetime(at.year, at.month, 1)
    nxt = datetime.combine(correction_deadline(at.date(), 1), datetime.min.time())
    used = s.execute(select(func.count()).select_from(PunchCorrection).where(
        PunchCorrection.employee_id == e.id, PunchCorrection.at >= first, PunchCorrection.at < nxt,
        PunchCorrection.status != "rejected")).scalar_one()
    quota = values["attendance.correction_quota_per_month"]
    if used >= quota:
        raise ValidationError("{name} has used all {quota} corrections for {month}; ask a manager to enter the punch.",
                              name=e.name, quota=quota, month=at.strftime("%Y-%m"))


def decide_correction(actor: Actor, correction_id: int, approve: bool) -> None:
    """Approve or reject a correction; nobody decides their own."""
    require(actor, "attendance.correct")
    with transaction() as s:
        c = s.get(PunchCorrection, correction_id)
        if c is None:
            raise NotFound("There is no correction {id}.", id=correction_id)
        month_close.ensure_open(s, c.at)
        if c.status != "pending":
            raise ConflictError("Correction {id} was already decided.", id=correction_id)
        if actor.employee_id is not None and actor.employee_id == c.employee_id:
            raise PermissionDenied("Nobody approves their own request.")
        before = audit.snapshot(c)
        decision = {"status": "approved" if approve else "rejected", "decided_by": actor.username, "decided_at": now()}
        if not update_if(s, c, {"status": "pending"}, decision):  # one decision per request
            raise ConflictError("Correction {id} was already decided.", id=correction_id)
        audit.record(s, actor, "attendance.correction_decide", "punch_correction", c.id, before, audit.snapshot(c))
