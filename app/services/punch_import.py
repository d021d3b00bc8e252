"""Importing a clock's export (打卡记录导入): preview, import, and the clock-number map.

The whole file is read, matched to people and checked BEFORE the write transaction opens; the
write is set-wise: people are resolved once, stored punches are compared with one indexed query
per batch of people, new punches go in with one bulk insert per chunk, and the audit trail gets
one row per import (file hash, counts, date range), not one per punch.

A clock's user number (考勤号码) is matched on the employee's clock no. first, then on a mapping
saved from an earlier preview, then on the 工号. Bursts of one person within the duplicate window
(60 s by default) are one punch, so a re-import adds nothing.
"""

from __future__ import annotations

from bisect import bisect_left
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Callable, Optional

from sqlalchemy import select, text
from sqlmodel import Session

from app.db import reading, transaction
from app.errors import ConflictError, ImportRejected, NotFound, RowError, ValidationError
from app.i18n import _
from app.io.punches import ClockFile, read_clock_file
from app.models._base import now
from app.models.attendance import Punch
from app.models.clocks import ClockNumberMap
from app.models.people import Employee
from app.services import audit, month_close, policy
from app.services.context import Actor
from app.services.permissions import require

Progress = Optional[Callable[[int, int], None]]
SCALE = 1000  # progress is reported in thousandths of the whole import
BATCH_PEOPLE = 100  # people per de-duplication query
INSERT_CHUNK = 20000
MAX_LISTED = 500  # skipped lines listed in a preview (all are counted)


@dataclass
class _Person:
    id: int
    employee_no: str
    name: str
    clock_no: str
    status: str
    leave_date: Optional[date]


@dataclass
class _Plan:
    """A file read, matched and checked: what an import would write."""

    file: ClockFile
    errors: list[RowError]
    unknown: dict[str, dict]  # clock no. -> {"clock_no", "name", "rows", "first_row"}
    people: dict[int, _Person]
    found: dict[int, int] = field(default_factory=dict)  # person -> punches in the file
    new: list[tuple[int, datetime]] = field(default_factory=list)  # (person, time) to insert, sorted


def _tick(progress: Progress, share: float) -> None:
    if progress:
        progress(int(share * SCALE), SCALE)


def _people(s: Session) -> tuple[dict[int, _Person], dict[str, int]]:
    people = {r.id: _Person(r.id, r.employee_no, r.name, r.clock_no or "", r.status, r.leave_date) for r in s.execute(
        select(Employee.id, Employee.employee_no, Employee.name, Employee.clock_no, Employee.status, Employee.leave_date))}
    mapped = dict(s.execute(select(ClockNumberMap.clock_no, ClockNumberMap.employee_id)).all())
    return people, mapped


def _resolver(people: dict[int, _Person], mapped: dict[str, int], by_employee_no: bool) -> Callable[[str], Optional[int]]:
    by_clock = {p.clock_no: p.id for p in people.values() if p.clock_no}
    by_no = {p.employee_no: p.id for p in people.values()}
    digits: dict[str, list[int]] = {}
    for p in people.values():  # clocks drop letters and zeros: 4 -> E004, when only one 工号 fits
        digits.setdefault("".join(c for c in p.employee_no if c.isdigit()).lstrip("0"), []).append(p.id)

    def resolve(number: str) -> Optional[int]:
        order = (by_no, by_clock, mapped) if by_employee_no else (by_clock, mapped, by_no)
        for table in order:
            if number in table:
                return table[number]
        if number.isdigit():
            fits = digits.get(number.lstrip("0"), [])
            if len(fits) == 1:
                return fits[0]
        return None

    return resolve


def _plan(s: Session, cf: ClockFile, moment: datetime, progress: Progress) -> _Plan:
    """Match every punch to a person and check it; the duplicates are found by ``_dedupe``."""
    people, mapped = _people(s)
    resolve = _resolver(people, mapped, cf.by_employee_no)
    ids: dict[str, Optional[int]] = {}
    errors = list(cf.errors)
    unknown: dict[str, dict] = {}
    found: dict[int, int] = {}
    rows: list[tuple[int, datetime]] = []
    for number, no, name, at in cf.punches:
        eid = ids.get(no, -1)
        if eid == -1:
            eid = ids[no] = resolve(no)
        if eid is None:
            u = unknown.setdefault(no, {"clock_no": no, "name": name, "rows": 0, "first_row": number})
            u["rows"] += 1
            continue
        if at > moment:
            errors.append(RowError(number, _("the time {at} is in the future", at=at.strftime("%Y-%m-%d %H:%M"))))
            continue
        person = people[eid]
        if person.leave_date and at.date() > person.leave_date:
            errors.append(RowError(number, _("{no} left on {day}", no=person.employee_no, day=person.leave_date.isoformat())))
            continue
        found[eid] = found.get(eid, 0) + 1
        rows.append((eid, at))
    _tick(progress, 0.35)
    rows.sort()
    plan = _Plan(cf, errors, unknown, people, found)
    plan.new = rows  # until _dedupe narrows it
    return plan


def _dedupe(s: Session, plan: _Plan, window_seconds: int, progress: Progress, start: float, share: float) -> None:
    """Keep the punches that are neither a burst of the one before nor already stored: one indexed
    query (employee_id, at) per batch of people."""
    rows = plan.new
    window = timedelta(seconds=window_seconds)
    if not rows:
        return
    ids = sorted({eid for eid, _at in rows})
    lo = min(at for _e, at in rows) - window
    hi = max(at for _e, at in rows) + window + timedelta(seconds=1)
    by_person: dict[int, list[datetime]] = {}
    for eid, at in rows:
        by_person.setdefault(eid, []).append(at)
    kept: list[tuple[int, datetime]] = []
    for b in range(0, len(ids), BATCH_PEOPLE):
        batch = ids[b:b + BATCH_PEOPLE]
        stored: dict[int, list[datetime]] = {}
        for eid, at in s.execute(select(Punch.employee_id, Punch.at).where(
                Punch.employee_id.in_(batch), Punch.at >= lo, Punch.at < hi).order_by(Punch.employee_id, Punch.at)):
            stored.setdefault(eid, []).append(at)
        for eid in batch:
            old = stored.get(eid, [])
            last: Optional[datetime] = None
            for at in by_person[eid]:
                if last is not None and (at - last < window or at == last):
                    continue  # a burst: the same punch
                if old:
                    i = bisect_left(old, at)
                    near = (i < len(old) and (old[i] - at < window or old[i] == at)) or (i > 0 and at - old[i - 1] < window)
                    if near:
                        last = at
                        continue
                kept.append((eid, at))
                last = at
        _tick(progress, start + share * min(1.0, (b + BATCH_PEOPLE) / len(ids)))
    plan.new = kept


def _read(path: str | Path, progress: Progress) -> ClockFile:
    def parsing(done: int, total: int) -> None:
        _tick(progress, 0.3 * done / max(total, 1))

    cf = read_clock_file(path, parsing if progress else None)
    _tick(progress, 0.3)
    return cf


def _summary(plan: _Plan) -> dict:
    cf = plan.file
    span = cf.date_range()
    new_by: dict[int, int] = {}
    for eid, _at in plan.new:
        new_by[eid] = new_by.get(eid, 0) + 1
    people = [{"employee_no": p.employee_no, "name": p.name, "clock_no": p.clock_no,
               "found": plan.found[p.id], "new": new_by.get(p.id, 0), "already": plan.found[p.id] - new_by.get(p.id, 0)}
              for p in sorted((plan.people[i] for i in plan.found), key=lambda p: p.employee_no)]
    return {
        "file": cf.name, "sha256": cf.sha256, "layout": cf.layout, "layout_label": cf.label,
        "from": span[0].isoformat() if span else None, "to": span[1].isoformat() if span else None,
        "punches": len(cf.punches), "new": len(plan.new), "already": sum(plan.found.values()) - len(plan.new),
        "missed_cells": cf.missed, "people": people,
        "unknown": sorted(plan.unknown.values(), key=lambda u: u["first_row"]),
        "skipped": [{"row": e.row, "reason": e.reason} for e in cf.skipped[:MAX_LISTED]],
        "skipped_count": len(cf.skipped),
        "errors": [{"row": e.row, "reason": e.reason} for e in sorted(plan.errors, key=lambda e: e.row)],
    }


def _unknown_errors(plan: _Plan) -> list[RowError]:
    out = []
    for u in plan.unknown.values():
        who = f"{u['clock_no']} ({u['name']})" if u["name"] else u["clock_no"]
        more = u["rows"] - 1
        reason = _("clock no. {who} is not known; give an employee this clock no. or map it in the preview", who=who)
        if more:
            reason += " " + _("(and {n} more rows)", n=more)
        out.append(RowError(u["first_row"], reason))
    return out


@contextmanager
def _big_cache(s: Session, rows: int):
    """SQLite's default 2 MB page cache spills the punch indexes to disk again and again during a
    big insert; a larger cache for this one transaction halves the time. Restored afterwards."""
    conn = s.connection()
    if conn.dialect.name != "sqlite" or rows < 20000:
        yield
        return
    old = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql("PRAGMA cache_size=-262144")  # KiB: up to 256 MB, taken only as pages are used
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size={int(old)}")


_INSERT = "INSERT INTO punch (employee_id, at, source, recorded_at, recorded_by, note) VALUES ({marks})"


def _insert(s: Session, rows: list[tuple[int, datetime]], who: str, note: str) -> None:
    """One executemany of plain tuples on the driver: no per-row ORM work. SQLite gets the times as
    the text SQLAlchemy itself writes (the attendance queries compare stored times as text)."""
    conn = s.connection()
    stamp = now()
    if conn.dialect.name == "sqlite":
        text_stamp = stamp.isoformat(sep=" ", timespec="microseconds")
        data = [(eid, at.isoformat(sep=" ", timespec="microseconds"), "import", text_stamp, who, note) for eid, at in rows]
        marks = "?, ?, ?, ?, ?, ?"
    else:
        data = [(eid, at, "import", stamp, who, note) for eid, at in rows]
        marks = "%s, %s, %s, %s, %s, %s"
    conn.exec_driver_sql(_INSERT.format(marks=marks), data)


def preview_punch_import(actor: Actor, path: str | Path, progress: Progress = None) -> dict:
    """What importing the file would do, writing nothing: the layout, the date range, per person the
    punches found / new / already recorded, unknown clock numbers, and every bad row."""
    require(actor, "attendance.import")
    cf = _read(path, progress)
    with reading() as s:
        plan = _plan(s, cf, now(), progress)
        _dedupe(s, plan, policy.value_in(s, "attendance.duplicate_punch_seconds"), progress, 0.35, 0.65)
        from app.services.punches import first_punch_day

        early = sorted({at.date() for _eid, at in plan.new if at.date() < first_punch_day(s)})
    summary = _summary(plan)
    summary["why_not"] = _why_not_import(summary, early)
    summary["may_import"] = summary["why_not"] == ""
    return summary


def _why_not_import(summary: dict, early: list[date]) -> str:
    """Why importing this file now would change nothing or be refused ("" when it may run)."""
    if summary["errors"]:
        return _("Fix the rows listed below first.")
    if summary["unknown"]:
        return _("Map every clock no. without an employee first.")
    if early:
        return _("The file has punches on {days}, before attendance tracking starts.",
                 days=", ".join(d.isoformat() for d in early[:5]))
    if not summary["new"]:
        return _("Every punch in the file is already recorded: there is nothing to import.")
    return ""


def import_punches(actor: Actor, path: str | Path, progress: Progress = None) -> dict:
    """Import a clock export: every row valid or nothing is imported. Returns the preview's figures
    with "added" and "duplicates"."""
    require(actor, "attendance.import")
    cf = _read(path, progress)
    with reading() as s:  # read, match and check the whole file before any write
        plan = _plan(s, cf, now(), progress)
        from app.services.punches import first_punch_day

        first = first_punch_day(s)
        early = sorted({at.date() for _eid, at in plan.new if at.date() < first})
    if early:
        raise ValidationError("The file has punches on {days}, before attendance tracking starts ({first}); nothing was imported.",
                              days=", ".join(d.isoformat() for d in early[:5]), first=first.isoformat())
    errors = sorted(plan.errors + _unknown_errors(plan), key=lambda e: e.row)
    if errors:
        raise ImportRejected(errors)
    if not cf.punches:
        raise ImportRejected([], "The file has no punches.")
    with transaction() as s:
        if s.get_bind().dialect.name == "postgresql":  # two PCs importing at once: one after the other
            s.execute(text("SELECT pg_advisory_xact_lock(774412)"))
        _dedupe(s, plan, policy.value_in(s, "attendance.duplicate_punch_seconds"), progress, 0.35, 0.25)
        month_close.ensure_open(s, *{date(at.year, at.month, 1) for _eid, at in plan.new})  # a closed month is frozen
        total = len(plan.new)
        with _big_cache(s, total):
            for c in range(0, total, INSERT_CHUNK):
                _insert(s, plan.new[c:c + INSERT_CHUNK], actor.username, cf.name)
                _tick(progress, 0.6 + 0.4 * min(1.0, (c + INSERT_CHUNK) / total))
        result = _summary(plan)
        result.update(added=total, duplicates=result["already"])
        if total:
            audit.record(s, actor, "attendance.import", "punch_file", cf.name, None, {
                "file": cf.name, "sha256": cf.sha256, "layout": cf.layout, "punches": len(cf.punches),
                "added": total, "duplicates": result["already"], "skipped_lines": len(cf.skipped),
                "from": result["from"], "to": result["to"], "people": len(plan.found)})
    _tick(progress, 1.0)
    return result


# -- the clock-number map ------------------------------------------------------------------------

def map_clock_number(actor: Actor, clock_no: str, employee_no: str) -> dict:
    """Remember that the clock's user number ``clock_no`` is this employee (from the preview)."""
    require(actor, "attendance.import")
    clock_no, employee_no = (clock_no or "").strip(), (employee_no or "").strip()
    if not clock_no or len(clock_no) > 32:
        raise ValidationError("Give the clock no. (at most 32 characters).")
    with transaction() as s:
        e = s.execute(select(Employee).where(Employee.employee_no == employee_no)).scalar()
        if e is None:
            raise NotFound("There is no employee with no. {no}.", no=employee_no)
        owner = s.execute(select(Employee).where(Employee.clock_no == clock_no)).scalar()
        if owner is not None and owner.id != e.id:
            raise ConflictError("Clock no. {clock} already belongs to {name} ({no}).", clock=clock_no, name=owner.name,
                                no=owner.employee_no)
        row = s.get(ClockNumberMap, clock_no)
        before = audit.snapshot(row) if row else None
        if row is None:
            row = ClockNumberMap(clock_no=clock_no, employee_id=e.id)
            s.add(row)
        row.employee_id, row.mapped_by, row.mapped_at = e.id, actor.username, now()
        s.flush()
        audit.record(s, actor, "attendance.clock_map", "clock_number_map", clock_no, before, audit.snapshot(row))
    return {"clock_no": clock_no, "employee_no": e.employee_no, "name": e.name}


def clock_number_map(actor: Actor) -> list[dict]:
    require(actor, "attendance.import")
    with reading() as s:
        return [{"clock_no": c, "employee_no": no, "name": name} for c, no, name in s.execute(
            select(ClockNumberMap.clock_no, Employee.employee_no, Employee.name).join(
                Employee, Employee.id == ClockNumberMap.employee_id).order_by(ClockNumberMap.clock_no))]
