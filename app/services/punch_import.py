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

import json
import time
from itertools import compress
from operator import itemgetter
from contextlib import contextmanager
from bisect import bisect_left, insort
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Callable, Iterator, Optional

from sqlalchemy import select, update
from sqlmodel import Session

from app.db import reading, transaction
from app.errors import ConflictError, ImportRejected, NotFound, RowError, ValidationError
from app.gc_pause import no_gc_pauses
from app.i18n import _
from app.io.punches import ClockFile, read_clock_file
from app.models._base import now
from app.models.attendance import Punch
from app.models.clocks import ClockNumberMap, PunchImportRun
from app.models.people import Employee
from app.services import audit, coverage, month_close, policy, punch_bulk
from app.services.context import Actor
from app.services.permissions import require

Progress = Optional[Callable[[int, int], None]]
SCALE = 1000  # progress is reported in thousandths of the whole import
BATCH_PEOPLE = 100  # people per de-duplication query
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
    new: list[tuple[int, datetime]] = field(default_factory=list)  # (person, time) to insert, in time order


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
    ids: dict[str, tuple[Optional[int], Optional[datetime]]] = {}  # clock no. -> (person, the moment they left)
    errors = list(cf.errors)
    unknown: dict[str, dict] = {}
    rows: list[tuple[int, datetime]] = []
    append = rows.append
    for number, no, name, at in cf.punches:
        hit = ids.get(no)
        if hit is None:
            eid = resolve(no)
            left = people[eid].leave_date if eid is not None else None
            hit = ids[no] = (eid, datetime.combine(left + timedelta(days=1), datetime.min.time()) if left else None)
        eid, gone = hit
        if eid is None:
            u = unknown.setdefault(no, {"clock_no": no, "name": name, "rows": 0, "first_row": number})
            u["rows"] += 1
            continue
        if at > moment:
            errors.append(RowError(number, _("the time {at} is in the future", at=at.strftime("%Y-%m-%d %H:%M"))))
            continue
        if gone is not None and at >= gone:
            person = people[eid]
            errors.append(RowError(number, _("{no} left on {day}", no=person.employee_no, day=person.leave_date.isoformat())))
            continue
        append((eid, at))
    found = dict(Counter(map(itemgetter(0), rows)))
    _tick(progress, 0.35)
    rows.sort(key=itemgetter(1))  # in time order (stable): the punch indexes then grow at their ends as a chunk goes in
    plan = _Plan(cf, errors, unknown, people, found)
    plan.new = rows  # until _dedupe narrows it
    return plan


def _dedupe(s: Session, plan: _Plan, window_seconds: int, progress: Progress, start: float, share: float) -> None:
    """Keep the punches that are neither a burst of the one before nor already stored: one indexed
    query (employee_id, at) per batch of people, then one pass over the punches in time order."""
    rows = plan.new
    window = timedelta(seconds=window_seconds)
    if not rows:
        return
    lo = rows[0][1] - window  # rows are in time order
    hi = rows[-1][1] + window + timedelta(seconds=1)
    ids = sorted(plan.found)
    stored: dict[int, list[datetime]] = {}
    for b in range(0, len(ids), BATCH_PEOPLE):
        for eid, at in s.execute(select(Punch.employee_id, Punch.at).where(
                Punch.employee_id.in_(ids[b:b + BATCH_PEOPLE]), Punch.at >= lo, Punch.at < hi)
                .order_by(Punch.employee_id, Punch.at)):
            stored.setdefault(eid, []).append(at)
        _tick(progress, start + 0.8 * share * min(1.0, (b + BATCH_PEOPLE) / len(ids)))
    keep = bytearray(len(rows))
    last_of: dict[int, datetime] = {}  # person -> their last punch kept or found stored (a burst is measured from it)
    for k, (eid, at) in enumerate(rows):
        last = last_of.get(eid)
        if last is not None and (at - last < window or at == last):
            continue  # a burst: the same punch
        old = stored.get(eid)
        if old:
            i = bisect_left(old, at)
            if (i < len(old) and (old[i] - at < window or old[i] == at)) or (i > 0 and at - old[i - 1] < window):
                last_of[eid] = at
                continue
        keep[k] = 1
        last_of[eid] = at
    plan.new = list(compress(rows, keep))  # still in time order
    _tick(progress, start + share)


def _read(path: str | Path, progress: Progress) -> ClockFile:
    def parsing(done: int, total: int) -> None:
        _tick(progress, 0.3 * done / max(total, 1))

    cf = read_clock_file(path, parsing if progress else None)
    _tick(progress, 0.3)
    return cf


def _summary(plan: _Plan) -> dict:
    cf = plan.file
    span = cf.date_range()
    new_by = Counter(map(itemgetter(0), plan.new))
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


def preview_punch_import(actor: Actor, path: str | Path, progress: Progress = None) -> dict:
    """What importing the file would do, writing nothing: the layout, the date range, per person the
    punches found / new / already recorded, unknown clock numbers, and every bad row."""
    require(actor, "attendance.import")
    with no_gc_pauses():
        return _preview(path, progress)


def _preview(path: str | Path, progress: Progress) -> dict:
    cf = _read(path, progress)
    with reading() as s:
        plan = _plan(s, cf, now(), progress)
        _dedupe(s, plan, policy.value_in(s, "attendance.duplicate_punch_seconds"), progress, 0.35, 0.65)
        from app.services.punches import first_punch_day

        early = _early_days(plan, first_punch_day(s))
    summary = _summary(plan)
    summary["why_not"] = _why_not_import(summary, early)
    summary["may_import"] = summary["why_not"] == ""
    return summary


def _months(ats: list[datetime]) -> list[date]:
    """The months of ``ats`` (in time order): a jump to each next month, not a look at every punch."""
    months, i = [], 0
    while i < len(ats):
        month = date(ats[i].year, ats[i].month, 1)
        months.append(month)
        i = bisect_left(ats, datetime(month.year + month.month // 12, month.month % 12 + 1, 1), lo=i)
    return months


def _early_days(plan: _Plan, first: date) -> list[date]:
    """The days of punches to add before attendance tracking starts."""
    early = plan.new[:bisect_left(plan.new, datetime.combine(first, datetime.min.time()), key=itemgetter(1))]
    return sorted({at.date() for _eid, at in early})  # plan.new is in time order


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
    with "added" and "duplicates".

    Nothing here holds the write lock for long (a 400,000-punch file would hold it for many seconds,
    and a kiosk punch would wait): the file is read, matched and de-duplicated outside any write;
    then one short transaction (the point of no return) keeps the punches to add in the run, which
    turns "applying"; then they go into ``punch`` a chunk per transaction, each chunk tied to an audit
    row of its own, with a pause between chunks in which a kiosk gets the lock (`_Pace`). All or
    nothing still holds: a bad row, a closed month or a cancel stops the import before anything is
    written, and once the run is "applying" it is finished to the end, by the next import if this
    process dies (``finish_interrupted``). Other windows may see its punches arrive meanwhile.

    The cyclic garbage collector is paused meanwhile (app.gc_pause): a year of punches is millions of
    small objects without cycles, and each of its passes walked them all."""
    require(actor, "attendance.import")
    with no_gc_pauses():
        return _import_punches(actor, path, progress)


def _import_punches(actor: Actor, path: str | Path, progress: Progress) -> dict:
    finish_interrupted(actor)
    cf = _read(path, progress)
    with reading() as s:  # read, match and check the whole file before any write
        seen = punch_bulk.last_id(s)  # before the de-duplication reads: a punch stored after has a larger id
        plan = _plan(s, cf, now(), progress)
        from app.services.punches import first_punch_day

        first = first_punch_day(s)
        early = _early_days(plan, first)
        window = policy.value_in(s, "attendance.duplicate_punch_seconds")
        _dedupe(s, plan, window, progress, 0.35, 0.15)
    if early:
        raise ValidationError("The file has punches on {days}, before attendance tracking starts ({first}); nothing was imported.",
                              days=", ".join(d.isoformat() for d in early[:5]), first=first.isoformat())
    errors = sorted(plan.errors + _unknown_errors(plan), key=lambda e: e.row)
    if errors:
        raise ImportRejected(errors)
    if not cf.punches:
        raise ImportRejected([], "The file has no punches.")
    result = _summary(plan)
    if not plan.new:
        result.update(added=0, duplicates=result["already"])
        _tick(progress, 1.0)
        return result
    eids, ats = list(map(itemgetter(0), plan.new)), list(map(itemgetter(1), plan.new))
    texts = punch_bulk.at_texts(ats)
    planned = punch_bulk.encode(eids, texts)
    _tick(progress, 0.6)  # the last moment a cancel stops the import
    with transaction() as s:  # the point of no return: checked once more under the write lock
        month_close.ensure_open(s, *_months(ats))  # a closed month is frozen
        run = PunchImportRun(file=cf.name, sha256=cf.sha256, actor=actor.username, state="applying",
                             staged=len(eids), planned=planned, summary=json.dumps({
                                 "file": cf.name, "sha256": cf.sha256, "layout": cf.layout, "punches": len(cf.punches),
                                 "skipped_lines": len(cf.skipped), "from": result["from"], "to": result["to"],
                                 "people": len(plan.found), "found": sum(plan.found.values()), "window": window},
                                 ensure_ascii=False))
        s.add(run)
        s.flush()
        run_id = run.id
    added = _apply(actor, run_id, progress, _Planned(eids, ats, texts, seen))
    result.update(added=added, duplicates=sum(plan.found.values()) - added)
    _quiet_tick(progress, 1.0)
    return result


APPLY_CHUNK = 400000  # at most so many punches stored per transaction (indexed inserts, then their one digest)
STEP_S = 0.1  # each write transaction aims at this long while a kiosk is in use, however loaded the machine
QUIET_STEP_S = 0.8  # and at this long while none is: a kiosk that starts meanwhile waits at most about this, once
# (issue 11: a kiosk punch succeeds within 1 s while a 400,000-punch import runs; 1.5 s steps saved ~1 s of import)
APPLY_PAUSE_S = 0.1  # between two chunks: a waiting kiosk (asking every 2 ms, app.db._begin_write) gets its turn
KIOSK_IN_USE = timedelta(minutes=15)  # a kiosk punch this recent: people are at the door
GENTLE_FIRST = 1000  # punches of the first step while a kiosk is in use (the next are sized by measurement)
QUIET_FIRST = 50000  # and while none is
IMPORT_CACHE_KIB = 262144  # SQLite page cache of the import's connections while it stores (a year's indexes)


def kiosk_in_use(s: Session, moment: datetime) -> bool:
    """Whether a kiosk stored a punch in the KIOSK_IN_USE before ``moment`` (through the ``at`` index)."""
    return s.execute(select(Punch.id).where(Punch.at > moment - KIOSK_IN_USE, Punch.at <= moment + KIOSK_IN_USE,
                                            Punch.source == "kiosk").limit(1)).first() is not None


def _kiosk_in_use_now() -> bool:
    with reading() as s:
        return kiosk_in_use(s, now())


class _Pace:
    """Rows per write transaction, sized from the rows per second the last step reached so that the
    next one takes about a step's time: STEP_S while a kiosk is in use (asked before the first step and
    again after every step, so one that starts mid-import is noticed after its first punch), with a
    pause after each step as long as the step (at least APPLY_PAUSE_S), in which a waiting kiosk gets
    the lock; QUIET_STEP_S while none is, with a short pause: a history import in the evening runs at
    nearly full speed, in a few long steps and as few commits. A step that took over 1.5 times its
    aim halves the next. After every step, on SQLite, a checkpoint, so that the WAL the import writes
    is copied back by the import and not by a kiosk's next commit, and stays small."""

    def __init__(self, most: int, in_use: Optional[Callable[[], bool]] = None):
        self.most = max(1, most)
        self.in_use = in_use or _kiosk_in_use_now
        self.gentle = self.in_use()
        self.size = min(self.most, GENTLE_FIRST if self.gentle else QUIET_FIRST)

    def rest(self, started: float, done: Optional[int] = None) -> None:
        """After a step that began at ``started`` (time.monotonic) and wrote ``done`` rows (the size)."""
        took = max(time.monotonic() - started, 1e-3)
        done = self.size if done is None else done
        self.gentle = self.in_use()
        step = STEP_S if self.gentle else QUIET_STEP_S
        if took > 1.5 * step:
            self.size = max(min(self.most, 100), self.size // 2)  # a slow step: back off at once
        else:  # as many rows as a step's time allows at the rate just seen (with a margin while a kiosk
            # is in use), growing at most 8 times
            wanted = int(max(done, 1) * step / took * (0.8 if self.gentle else 1.0))
            self.size = max(1, min(self.most, self.size * 8, wanted))
        _checkpoint()
        time.sleep(max(APPLY_PAUSE_S, took) if self.gentle else APPLY_PAUSE_S)  # a waiting kiosk's turn


def _checkpoint() -> None:
    from app.db import current

    engine = current().engine
    if engine.dialect.name == "sqlite":
        raw = engine.raw_connection()  # outside any transaction (the engine's connections BEGIN at once)
        try:
            raw.driver_connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()  # never waits on a writer
        finally:
            raw.close()


@dataclass
class _Planned:
    """A run's punches to add, in order (the run's ``planned``), and the largest punch id whose
    punch they were checked against: any punch with a larger id was stored since, and is checked
    before each chunk (`_Others`)."""

    eids: list[int]
    ats: list[datetime]
    texts: list[str]  # the times as SQLite stores them
    seen: int


class _Others:
    """Punches stored by others since the run's punches were checked (a kiosk, another PC), by person:
    a planned punch within the duplicate window of one of them is skipped. Asked before each chunk,
    under the write lock, for the punches with an id above the last one it saw; usually none."""

    def __init__(self, seen: int, window: timedelta):
        self.seen, self.window = seen, window
        self.times: dict[int, list[datetime]] = {}

    def catch_up(self, s: Session) -> None:
        for pid, eid, at in s.execute(select(Punch.id, Punch.employee_id, Punch.at).where(Punch.id > self.seen)):
            insort(self.times.setdefault(eid, []), at)
            self.seen = max(self.seen, pid)

    def near(self, eid: int, at: datetime) -> bool:
        times = self.times.get(eid)
        if not times:
            return False
        i = bisect_left(times, at)
        return (i < len(times) and (times[i] - at < self.window or times[i] == at)) or (i > 0 and at - times[i - 1] < self.window)


def _drop(run_id: int) -> None:
    """Forget a run that never turned "applying" (nothing of it is in ``punch``)."""
    with transaction() as s:
        run = s.get(PunchImportRun, run_id)
        if run is not None:
            s.delete(run)


def _resumed(run_id: int) -> tuple[_Planned, _Others]:
    """A run some process left "applying": its planned punches, checked afresh against every punch
    stored now (they include its own chunks stored so far, which are never within a window of the
    rest: the plan keeps one punch a window)."""
    with reading() as s:
        planned, summary, moved = s.execute(select(PunchImportRun.planned, PunchImportRun.summary, PunchImportRun.moved)
                                            .where(PunchImportRun.id == run_id)).one()
        eids, ats, texts = punch_bulk.decode(planned)
        window = json.loads(summary or "{}").get("window")  # None: a run an older version started
        if window is None:
            window = policy.value_in(s, "attendance.duplicate_punch_seconds")
        others = _Others(punch_bulk.last_id(s), timedelta(seconds=window))
        rest = list(zip(eids[moved:], ats[moved:]))
        if rest:
            lo, hi = min(ats[moved:]) - others.window, max(ats[moved:]) + others.window + timedelta(seconds=1)
            people = sorted(set(eids[moved:]))
            for b in range(0, len(people), BATCH_PEOPLE):
                for eid, at in s.execute(select(Punch.employee_id, Punch.at).where(
                        Punch.employee_id.in_(people[b:b + BATCH_PEOPLE]), Punch.at >= lo, Punch.at < hi)):
                    others.times.setdefault(eid, []).append(at)
            for times in others.times.values():
                times.sort()
    return _Planned(eids, ats, texts, others.seen), others


def _apply(actor: Actor | str, run_id: int, progress: Progress, planned: Optional[_Planned] = None) -> int:
    """Store a run's planned punches from ``moved`` on, a chunk per transaction, skipping a punch that
    something else stored meanwhile inside its duplicate window. Each chunk is tied to an audit row of
    its own, which carries one digest over the punches it added (coverage form 2, read back before the
    commit); a chunk with nothing left to add writes no audit row. Then the run's audit row. Returns
    the punches the run added in all. ``planned``: what the importing process has in memory (None:
    read from the run, which some process left "applying")."""
    R = PunchImportRun
    if planned is None:
        planned, others = _resumed(run_id)
    else:
        with reading() as s:
            summary = s.execute(select(R.summary).where(R.id == run_id)).scalar()
        others = _Others(planned.seen, timedelta(seconds=json.loads(summary or "{}").get("window", 60)))
    total, pace = len(planned.eids), _Pace(APPLY_CHUNK)
    while True:
        started = time.monotonic()
        with transaction() as s, _page_cache(s):
            state, moved, added, who, note = s.execute(select(R.state, R.moved, R.added, R.actor, R.file)
                                                       .where(R.id == run_id)).one()
            if state == "done" or moved >= total:
                break
            end = min(total, moved + pace.size)
            others.catch_up(s)
            fresh = range(moved, end)
            if others.times:
                fresh = [i for i in fresh if not others.near(planned.eids[i], planned.ats[i])]
            if fresh:
                entry = audit.record(s, who, "attendance.import_part", "punch_file", note, None,
                                     {"run": run_id, "punches": len(fresh)})
                s.flush()  # the audit row's id, which the punches reference
                before, eids, texts = punch_bulk.last_id(s), _pick(planned.eids, fresh), _pick(planned.texts, fresh)
                punch_bulk.insert(s, eids, _pick(planned.ats, fresh), texts, entry.id, now(), who, note)
                rows = punch_bulk.chunk_rows(s, before, eids, texts, entry.id, who, note)
                others.seen = punch_bulk.last_id(s)  # the chunk's own punches are not others'
                entry.covers = {"chunks": {"punch": coverage.chunk_cover("punch", rows)}}
                entry.hash = audit.row_hash(entry.prev_hash, entry)
            s.execute(update(R).where(R.id == run_id).values(moved=end, added=added + len(fresh)))
        _quiet_tick(progress, 0.6 + 0.4 * end / total)
        if end < total:
            pace.rest(started, end - moved)
    _checkpoint()
    with transaction() as s:
        run = s.get(PunchImportRun, run_id)
        if run.state == "done":  # another process finished it meanwhile (finish_interrupted)
            return run.added
        figures = json.loads(run.summary or "{}")
        found = figures.pop("found", run.added)
        figures.pop("window", None)
        figures.update(added=run.added, duplicates=found - run.added)
        if run.added:
            audit.record(s, run.actor, "attendance.import", "punch_file", run.file, None, figures)
        run.state, run.planned = "done", None  # the punches are in ``punch`` now
        return run.added


def _pick(seq: list, which) -> list:
    return seq[which.start:which.stop] if isinstance(which, range) else [seq[i] for i in which]


@contextmanager
def _page_cache(s: Session) -> Iterator[None]:
    """On SQLite, a page cache big enough for the punch indexes a chunk touches (with the default 2 MB
    most index inserts read a page back from the file), for this transaction's connection only: back
    to what it was before the commit (which evicts only clean pages: the dirty ones are written)."""
    if s.get_bind().dialect.name != "sqlite":
        yield
        return
    raw = s.connection().connection.driver_connection
    before = raw.execute("PRAGMA cache_size").fetchone()[0]
    raw.execute(f"PRAGMA cache_size=-{IMPORT_CACHE_KIB}")
    try:
        yield
    finally:
        raw.execute(f"PRAGMA cache_size={before}")


def _quiet_tick(progress: Progress, share: float) -> None:
    """Progress while applying. A progress callback raises only to cancel (the window's executor,
    app.offload), and a cancel asked now is too late: the run is finished to the end."""
    try:
        _tick(progress, share)
    except Exception:  # noqa: BLE001 - the cancel of whichever executor runs us
        pass


STALE_STAGING = timedelta(days=1)  # a run staging this long ago died (a live one stages in seconds)


def finish_interrupted(actor: Actor | str = "system") -> int:
    """Finish what an import interrupted by a crash left: the rest of a run "applying" is stored to
    the end (safe beside its own process, if that still runs: each chunk is taken from ``moved``
    under the write lock), a run left "staging" for a day (by an older version) is dropped. Returns
    the runs finished."""
    with reading() as s:
        runs = s.execute(select(PunchImportRun.id, PunchImportRun.state, PunchImportRun.started_at).where(
            PunchImportRun.state != "done").order_by(PunchImportRun.id)).all()
    for run_id, state, started in runs:
        if state == "applying":
            _apply(actor, run_id, None)
        elif started < now() - STALE_STAGING:
            _drop(run_id)
    return sum(1 for _r, state, _at in runs if state == "applying")


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
