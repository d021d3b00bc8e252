"""Month close (考勤封帐) and every employee's confirmation of their month (月度考勤确认).

HR closes a month once it is over: its summary is stored as a snapshot (the figures pay is based on)
and the month is frozen — punches, corrections, leave and overtime touching it are refused until an
administrator reopens it with a reason. Each close is a new version; reopened ones are kept, so the
report can show what changed. Each person confirms the latest version, or disagrees with a note.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Iterable, Optional

from sqlalchemy import func, select
from sqlmodel import Session

from app.db import reading, transaction
from app.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from app.i18n import N_, _
from app.models._base import now
from app.models.attendance import LeaveRequest, OvertimeRequest, PunchCorrection
from app.models.month_close import MonthClose, MonthConfirmation
from app.models.people import Employee
from app.rules import dates
from app.services import audit
from app.services.context import Actor
from app.services.permissions import can, require

# The figures a person confirms and a snapshot difference compares, in the order they are shown.
COMPARED_FIELDS = ("days_due", "days_present", "late_count", "late_minutes", "early_leave_count",
                   "missing_punch_count", "absence_days", "overtime_hours", "penalty_rmb", "paid_days",
                   "unpaid_leave_hours")


REQUEST_KINDS = {"leave": N_("leave request"), "overtime": N_("overtime request"), "correction": N_("correction")}


def parse_month(text: str) -> tuple[int, int]:
    found = dates.parse_month(text)
    if found is None:
        raise ValidationError("Give the month as YYYY-MM, e.g. 2026-10 (got {value!r}).", value=text)
    return found


def month_key(day: date | datetime) -> str:
    return f"{day.year}-{day.month:02d}"


def bounds(year: int, month: int) -> tuple[date, date]:
    """The first day of the month and the first day of the next."""
    return date(year, month, 1), date(year + (month == 12), month % 12 + 1, 1)


# -- the freeze: every service that writes attendance data asks first ----------------------------

def closed_in(s: Session, month: str) -> Optional[MonthClose]:
    """The close in force for ``month`` (YYYY-MM), or None while the month is open."""
    latest = s.execute(select(MonthClose).where(MonthClose.month == month)
                       .order_by(MonthClose.version.desc()).limit(1)).scalar()
    return latest if latest is not None and latest.reopened_at is None else None


def ensure_open(s: Session, *moments: date | datetime) -> None:
    """Refuse a change that touches a closed month, saying who can reopen it."""
    for month in sorted({month_key(m) for m in moments if m is not None}):
        # only the columns the door PC's database role may read (app.services.db_roles)
        c = s.execute(select(MonthClose.closed_at, MonthClose.closed_by, MonthClose.reopened_at)
                      .where(MonthClose.month == month).order_by(MonthClose.version.desc()).limit(1)).first()
        if c is not None and c.reopened_at is None:
            raise ConflictError(
                "{month} is closed (已封帐) since {at} by {who}; nothing was changed. An administrator can "
                "reopen it: attendance reopen {month} --reason …", month=month,
                at=c.closed_at.strftime("%Y-%m-%d %H:%M"), who=c.closed_by)


def ensure_span_open(s: Session, start: datetime, end: datetime) -> None:
    """Like ensure_open, for every month a span (a leave, an overtime) touches."""
    months, day = [], date(start.year, start.month, 1)
    while day <= end.date():
        months.append(day)
        day = bounds(day.year, day.month)[1]
    ensure_open(s, *months)


# -- closing and reopening ----------------------------------------------------------------------

def _pending_in(s: Session, year: int, month: int) -> list[dict]:
    first, nxt = bounds(year, month)
    a, b = datetime.combine(first, time()), datetime.combine(nxt, time())
    names = dict(s.execute(select(Employee.id, Employee.name)).all())
    out = []
    for kind, model in (("leave", LeaveRequest), ("overtime", OvertimeRequest)):
        for r in s.execute(select(model).where(model.status == "pending", model.start < b, model.end > a)
                           .order_by(model.start)).scalars():
            out.append({"kind": kind, "id": r.id, "name": names.get(r.employee_id, ""),
                        "at": r.start.strftime("%Y-%m-%d %H:%M")})
    for r in s.execute(select(PunchCorrection).where(PunchCorrection.status == "pending", PunchCorrection.at >= a,
                                                     PunchCorrection.at < b).order_by(PunchCorrection.at)).scalars():
        out.append({"kind": "correction", "id": r.id, "name": names.get(r.employee_id, ""),
                    "at": r.at.strftime("%Y-%m-%d %H:%M")})
    return out


def _latest(s: Session, month: str) -> Optional[MonthClose]:
    return s.execute(select(MonthClose).where(MonthClose.month == month)
                     .order_by(MonthClose.version.desc()).limit(1)).scalar()


def _info(c: Optional[MonthClose]) -> dict:
    if c is None:
        return {"closed": False}
    return {"closed": c.reopened_at is None, "version": c.version, "closed_at": c.closed_at.isoformat(sep=" "),
            "closed_by": c.closed_by, "reopened_at": c.reopened_at.isoformat(sep=" ") if c.reopened_at else None,
            "reopened_by": c.reopened_by, "reopen_reason": c.reopen_reason}


def close_status(actor: Actor, month: str) -> dict:
    """What the month view shows before closing: pending requests, the close in force (if any), and
    how many people confirmed, disagreed or have not looked yet."""
    require(actor, "attendance.view_all")
    year, mon = parse_month(month)
    key = f"{year}-{mon:02d}"
    with reading() as s:
        latest = _latest(s, key)
        pending = _pending_in(s, year, mon)
        counts = _answer_counts(s, latest) if latest is not None and latest.reopened_at is None else {}
    return {"month": key, **_info(latest), "pending": pending, "answers": counts,
            "may_close": can(actor, "attendance.close") and (latest is None or latest.reopened_at is not None),
            "may_reopen": can(actor, "attendance.reopen") and latest is not None and latest.reopened_at is None}


def close_month(actor: Actor, month: str, *, close_pending: bool = False, as_of: datetime | None = None) -> dict:
    """Close ``month``: store its summary as the snapshot pay is based on, and freeze it.

    Pending requests of the month refuse the close unless ``close_pending`` says the person saw
    the list and closes anyway (they then stay pending and can no longer be decided)."""
    require(actor, "attendance.close")
    from app.services.attendance import summary_in

    year, mon = parse_month(month)
    key = f"{year}-{mon:02d}"
    first, nxt = bounds(year, mon)
    moment = as_of or now()
    if moment.date() < nxt:
        raise ValidationError("{month} is not over yet; it can be closed from {day}.", month=key, day=nxt.isoformat())
    with transaction() as s:
        latest = _latest(s, key)
        if latest is not None and latest.reopened_at is None:
            raise ConflictError("{month} is already closed (since {at} by {who}).", month=key,
                                at=latest.closed_at.strftime("%Y-%m-%d %H:%M"), who=latest.closed_by)
        pending = _pending_in(s, year, mon)
        if pending and not close_pending:
            listed = "; ".join(f"{_(REQUEST_KINDS[p['kind']])} {p['id']} {p['name']} {p['at']}" for p in pending[:20])
            raise ConflictError("{n} requests of {month} are still pending: {list}. Decide them first, or close "
                                "anyway (--yes).", n=len(pending), month=key, list=listed)
        rows = sorted(summary_in(s, year, mon, as_of=datetime.combine(nxt, time())).values(),
                      key=lambda r: r["employee_no"])
        c = MonthClose(month=key, version=(latest.version + 1) if latest else 1, closed_at=now(),
                       closed_by=actor.username, snapshot=rows)
        s.add(c)
        s.flush()
        audit.record(s, actor, "attendance.close", "month_close", c.id, None,
                     {"month": key, "version": c.version, "employees": len(rows), "pending": len(pending)})
        return {"month": key, "version": c.version, "employees": len(rows), "pending": pending,
                "closed_at": c.closed_at.isoformat(sep=" "), "closed_by": c.closed_by}


def reopen_month(actor: Actor, month: str, reason: str) -> dict:
    """An administrator reopens a closed month, with a reason; the old snapshot is kept."""
    require(actor, "attendance.reopen")
    year, mon = parse_month(month)
    key = f"{year}-{mon:02d}"
    if not (reason or "").strip():
        raise ValidationError("Give a reason for reopening {month}.", month=key)
    with transaction() as s:
        c = closed_in(s, key)
        if c is None:
            raise ConflictError("{month} is not closed.", month=key)
        c.reopened_at, c.reopened_by, c.reopen_reason = now(), actor.username, reason.strip()
        audit.record(s, actor, "attendance.reopen", "month_close", c.id, {"closed": True},
                     {"closed": False, "reason": c.reopen_reason})
        return {"month": key, "version": c.version, "reopened_by": actor.username}


def snapshot_in(s: Session, month: str) -> Optional[tuple[MonthClose, list[dict]]]:
    """The close in force and its rows, for the summary, the report and the exports of a closed month."""
    c = closed_in(s, month)
    return (c, [dict(r) for r in c.snapshot]) if c is not None else None


def difference(actor: Actor, month: str) -> dict:
    """What the newest close changed against the one before it: [{employee_no, name, field, before, after}]."""
    require(actor, "attendance.view_all")
    year, mon = parse_month(month)
    key = f"{year}-{mon:02d}"
    with reading() as s:
        versions = list(s.execute(select(MonthClose).where(MonthClose.month == key)
                                  .order_by(MonthClose.version.desc()).limit(2)).scalars())
    if len(versions) < 2:
        return {"month": key, "versions": [v.version for v in versions], "changes": []}
    new, old = versions
    return {"month": key, "versions": [old.version, new.version], "changes": compare_rows(old.snapshot, new.snapshot)}


def compare_rows(before: Iterable[dict], after: Iterable[dict], fields: Iterable[str] = COMPARED_FIELDS) -> list[dict]:
    """Each person and figure that differs between two lists of summary rows."""
    old = {r["employee_no"]: r for r in before}
    changes = []
    for row in sorted(after, key=lambda r: r["employee_no"]):
        prev = old.get(row["employee_no"], {})
        for f in fields:
            if prev.get(f) != row.get(f):
                changes.append({"employee_no": row["employee_no"], "name": row.get("name", ""), "field": f,
                                "before": prev.get(f), "after": row.get(f)})
    return changes


# -- confirmations ------------------------------------------------------------------------------

def _answer_counts(s: Session, c: MonthClose) -> dict:
    rows = dict(s.execute(select(MonthConfirmation.answer, func.count()).where(MonthConfirmation.close_id == c.id)
                          .group_by(MonthConfirmation.answer)).all())
    total = len(c.snapshot)
    answered = sum(rows.values())
    return {"confirmed": rows.get("confirmed", 0), "disagreed": rows.get("disagreed", 0),
            "viewed": rows.get("viewed", 0), "not_looked": max(0, total - answered)}


def confirmations(actor: Actor, month: str) -> dict:
    """HR's list: each person of the snapshot with their answer (confirmed / disagreed / viewed / none)."""
    require(actor, "attendance.view_all")
    year, mon = parse_month(month)
    key = f"{year}-{mon:02d}"
    with reading() as s:
        c = closed_in(s, key)
        if c is None:
            raise ConflictError("{month} is not closed; people confirm a closed month.", month=key)
        ids = dict(s.execute(select(Employee.employee_no, Employee.id)).all())
        answers = {a.employee_id: a for a in s.execute(
            select(MonthConfirmation).where(MonthConfirmation.close_id == c.id)).scalars()}
        people = []
        for row in c.snapshot:
            a = answers.get(ids.get(row["employee_no"]))
            people.append({"employee_no": row["employee_no"], "name": row["name"],
                           "answer": a.answer if a else "none", "note": note_text(a.note) if a else "",
                           "answered_at": a.answered_at.isoformat(sep=" ") if a and a.answered_at else None,
                           "viewed_at": a.viewed_at.isoformat(sep=" ") if a else None})
        return {"month": key, "version": c.version, "people": people, "counts": _answer_counts(s, c)}


def open_months_for(s: Session, employee_id: int) -> list[MonthClose]:
    """The closed months this person has not answered yet, oldest first."""
    answered = set(s.execute(select(MonthConfirmation.close_id).where(
        MonthConfirmation.employee_id == employee_id, MonthConfirmation.answer != "viewed")).scalars())
    no = s.execute(select(Employee.employee_no).where(Employee.id == employee_id)).scalar()
    out = []
    for c in s.execute(select(MonthClose).where(MonthClose.reopened_at.is_(None)).order_by(MonthClose.month)).scalars():
        if c.id not in answered and any(r["employee_no"] == no for r in c.snapshot):
            out.append(c)
    return out


def _person_for(s: Session, actor: Actor, employee_no: str):
    # the columns the kiosk role may read (app/services/db_roles.py): a person confirms at the kiosk too
    e = s.execute(select(Employee.id, Employee.employee_no, Employee.name)
                  .where(Employee.employee_no == (employee_no or "").strip())).first()
    if e is None:
        raise NotFound("There is no employee with no. {no}.", no=employee_no)
    if actor.employee_id != e.id:
        raise PermissionDenied("Only {name} can confirm their own month.", name=e.name)
    return e


def my_month(actor: Actor, employee_no: str, month: str | None = None, via: str = "office") -> Optional[dict]:
    """A person's figures of a closed month (the oldest unanswered one when ``month`` is None), with
    each day's verdict; records that they looked. None when there is nothing to confirm."""
    require(actor, "attendance.view_own")  # and only their own: _person_for
    with transaction() as s:
        e = _person_for(s, actor, employee_no)
        if month is None:
            waiting = open_months_for(s, e.id)
            if not waiting:
                return None
            c = waiting[0]
        else:
            year, mon = parse_month(month)
            c = closed_in(s, f"{year}-{mon:02d}")
            if c is None:
                raise ConflictError("{month} is not closed yet.", month=month)
        row = next((r for r in c.snapshot if r["employee_no"] == e.employee_no), None)
        if row is None:
            raise NotFound("{name} has no figures in {month}.", name=e.name, month=c.month)
        a = s.execute(select(MonthConfirmation).where(MonthConfirmation.close_id == c.id,
                                                      MonthConfirmation.employee_id == e.id)).scalar()
        if a is None:
            a = MonthConfirmation(employee_id=e.id, close_id=c.id, via=via)
            s.add(a)
        close = {"month": c.month, "version": c.version, "closed_at": c.closed_at.isoformat(sep=" "),
                 "answer": a.answer, "note": note_text(a.note)}
    year, mon = parse_month(close["month"])
    return {**close, "figures": row, "days": _days_of(e.employee_no, year, mon)}


def _days_of(employee_no: str, year: int, month: int) -> list[dict]:
    """Each day's verdict of one person, as the grid shows it (the person's own data only)."""
    from app.services.attendance import month_table

    first, nxt = bounds(year, month)
    table = month_table(Actor.system("month-close"), year, month, as_of=datetime.combine(nxt, time()))
    person = next((p for p in table["people"] if p["employee_no"] == employee_no), None)
    if person is None:
        return []
    return [{"date": d.isoformat(), "status": c.status, "letter": c.letter}
            for d, c in zip(table["days"], person["cells"]) if c.scheduled or c.status not in ("rest", "none")]


# What a person may pick when they disagree; stored as the message id and translated where it is shown.
DISAGREE_REASONS = (N_("A day's verdict is wrong"), N_("Leave is missing"), N_("Overtime is missing"),
                    N_("A punch is missing"))
NOTE_MAX = 200


def note_text(note: str) -> str:
    """A disagreement note as the reader sees it: a listed reason in their language, free text as typed."""
    return _(note) if note in DISAGREE_REASONS else note


def check_disagreement(disagree: str | None, listed_only: bool = False) -> str:
    """The note to store: one of DISAGREE_REASONS (its message id) or, unless ``listed_only``, free text
    without control characters and at most NOTE_MAX characters. "" for a confirmation (None)."""
    if disagree is None:
        return ""
    note = disagree.strip()
    if note in DISAGREE_REASONS:
        return note
    if listed_only:
        raise ValidationError("Pick a reason from the list.")
    if not note:
        raise ValidationError("Say what you disagree with.")
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in note):
        raise ValidationError("The note has control characters; type it again.")
    if len(note) > NOTE_MAX:
        raise ValidationError("The note is too long: at most {n} characters.", n=NOTE_MAX)
    return note


def confirm_month(actor: Actor, employee_no: str, month: str, disagree: str | None = None, via: str = "office",
                  listed_only: bool = False) -> dict:
    """The person confirms their closed month, or disagrees with a note that HR then sees: one of
    DISAGREE_REASONS (the message id) or free text (``listed_only``: the kiosk, where nobody types)."""
    require(actor, "attendance.view_own")  # and only their own: _person_for
    year, mon = parse_month(month)
    key = f"{year}-{mon:02d}"
    note = check_disagreement(disagree, listed_only)
    with transaction() as s:
        e = _person_for(s, actor, employee_no)
        c = closed_in(s, key)
        if c is None:
            raise ConflictError("{month} is not closed yet; people confirm a closed month.", month=key)
        if not any(r["employee_no"] == e.employee_no for r in c.snapshot):
            raise NotFound("{name} has no figures in {month}.", name=e.name, month=key)
        a = s.execute(select(MonthConfirmation).where(MonthConfirmation.close_id == c.id,
                                                      MonthConfirmation.employee_id == e.id)).scalar()
        if a is not None and a.answer != "viewed":
            raise ConflictError("{name} already answered for {month}.", name=e.name, month=key)
        if a is None:
            a = MonthConfirmation(employee_id=e.id, close_id=c.id, via=via)
            s.add(a)
        a.answer = "disagreed" if note else "confirmed"
        a.note, a.answered_at, a.via = note, now(), via
        s.flush()
        audit.record(s, actor, "attendance.confirm", "month_confirmation", a.id, None,
                     {"employee_no": e.employee_no, "month": key, "version": c.version, "answer": a.answer,
                      "note": note})
        return {"employee_no": e.employee_no, "month": key, "answer": a.answer, "note": note_text(note)}


def confirmation_stamps(s: Session, month: str) -> dict[str, str]:
    """For the printed report's signature column: employee_no -> "已确认 2026-11-03 08:41" style text."""
    c = closed_in(s, month)
    if c is None:
        return {}
    nos = dict(s.execute(select(Employee.id, Employee.employee_no)).all())
    out = {}
    for a in s.execute(select(MonthConfirmation).where(MonthConfirmation.close_id == c.id,
                                                       MonthConfirmation.answer != "viewed")).scalars():
        word = _("Confirmed") if a.answer == "confirmed" else _("Disagreed")
        out[nos.get(a.employee_id, "")] = f"{word} {a.answered_at:%Y-%m-%d %H:%M}"
    return out


def last_closed_month(s: Session) -> Optional[str]:
    return s.execute(select(func.max(MonthClose.month)).where(MonthClose.reopened_at.is_(None))).scalar()


def previous_month(today: date) -> str:
    return month_key(date(today.year, today.month, 1) - timedelta(days=1))


FIELD_LABELS = {"days_due": N_("Days due"), "days_present": N_("Days present"), "late_count": N_("Late (times)"),
                "late_minutes": N_("Late (min)"), "early_leave_count": N_("Early leave"),
                "missing_punch_count": N_("Missing punches"), "absence_days": N_("Absence (days)"),
                "overtime_hours": N_("Overtime (h)"), "penalty_rmb": N_("Penalty"), "paid_days": N_("Paid days"),
                "unpaid_leave_hours": N_("Unpaid leave (h)"), "grade": N_("Grade")}


def report_close(actor: Actor, year: int, month: int) -> Optional[dict]:
    """For the printed report of a closed month: the "closed on … by …" line, each person's
    confirmation and what this close changed against the previous one; None while the month is open."""
    require(actor, "attendance.view_own")
    key = f"{year}-{month:02d}"
    with reading() as s:
        c = closed_in(s, key)
        if c is None:
            return None
        stamps = confirmation_stamps(s, key)
        previous = s.execute(select(MonthClose).where(MonthClose.month == key, MonthClose.version < c.version)
                             .order_by(MonthClose.version.desc()).limit(1)).scalar()
        changes = compare_rows(previous.snapshot, c.snapshot) if previous is not None else []
    for ch in changes:
        ch["label"] = _(FIELD_LABELS.get(ch["field"], ch["field"]))
    note = _("Closed (已封帐) on {at} by {who}; version {version}.", at=c.closed_at.strftime("%Y-%m-%d %H:%M"),
             who=c.closed_by, version=c.version)
    return {"note": note, "stamps": stamps, "changes": changes, "closed_at": c.closed_at, "closed_by": c.closed_by,
            "version": c.version}


def closed_flag(actor: Actor, year: int, month: int) -> dict:
    """For `attendance month --format json`: {"closed": bool, and when and by whom if it is}."""
    require(actor, "attendance.view_own")
    with reading() as s:
        c = closed_in(s, f"{year}-{month:02d}")
    if c is None:
        return {"closed": False}
    return {"closed": True, "closed_at": c.closed_at.isoformat(sep=" "), "closed_by": c.closed_by, "version": c.version}


def person_actor(employee_no: str, pin: str) -> Actor:
    """The employee, proven by their kiosk PIN (the command line run by someone else on the PC)."""
    from app.security import verify_pin

    with reading() as s:
        e = s.execute(select(Employee).where(Employee.employee_no == (employee_no or "").strip())).scalar()
    if e is None or not pin or not verify_pin(e.pin_hash, pin):
        raise PermissionDenied("Wrong employee no. or PIN.")
    return Actor(username=f"pin:{e.employee_no}", role="staff", employee_id=e.id)


def waiting_for(actor: Actor) -> Optional[dict]:
    """The signed-in person's oldest closed month still to confirm, without recording that they looked
    (the office window asks this to offer "confirm my month"): {"employee_no", "month"} or None."""
    if actor.employee_id is None:
        return None
    with reading() as s:
        no = s.execute(select(Employee.employee_no).where(Employee.id == actor.employee_id)).scalar()
        if no is None:
            return None
        waiting = open_months_for(s, actor.employee_id)
    return {"employee_no": no, "month": waiting[0].month} if waiting else None
