"""Closing a month for 500 people (the snapshot pay is based on) and a dry run of a setting over the
same month, each beside the plain monthly summary of that month measured in the same run.

The close is timed twice: right after the month view showed the summary (the year's verdicts are
in memory) and cold, as `attendance close` in a new process (the year's punches read first); each
beside the summary measured the same way. A figure over its target prints where its time went
(Result.why: the summary's own steps, timed in the same call) and each note its CPU time.
"""

from __future__ import annotations

import contextlib
import functools
import os
import tempfile
import time
from datetime import date
from pathlib import Path

from bench.core import Result, machine_load, median_ms

SCENARIO = "month_close"


class Phases:
    """Where a timed call spent its time, from the summary's own steps (app.services.attendance)."""

    STEPS = ("_stored_fingerprint", "load_prior_inputs", "load_month_inputs", "days_due", "judge_days")

    def __init__(self):
        self.spent: dict[str, float] = {}
        self.cpu = 0.0  # this process's CPU time of the last call: on a shared machine, wall time waits for others

    @contextlib.contextmanager
    def watching(self):
        from app.services import attendance

        saved = {name: getattr(attendance, name) for name in self.STEPS if hasattr(attendance, name)}

        def timed(name, fn):
            @functools.wraps(fn)
            def call(*args, **kwargs):
                start = time.perf_counter()
                try:
                    return fn(*args, **kwargs)
                finally:
                    self.spent[name] = self.spent.get(name, 0.0) + (time.perf_counter() - start) * 1000
            return call

        self.spent.clear()
        for name, fn in saved.items():
            setattr(attendance, name, timed(name, fn))
        try:
            yield self
        finally:
            for name, fn in saved.items():
                setattr(attendance, name, fn)

    def why(self, total: float) -> str:
        s = self.spent
        month = s.get("load_month_inputs", 0.0)
        year_read = max(0.0, s.get("load_prior_inputs", 0.0) - month)  # the month's own read is inside load_month_inputs
        parts = {"reading the year's punches": year_read, "who was due when in the year": s.get("days_due", 0.0),
                 "judging the year's days": s.get("judge_days", 0.0),
                 "reading the month": month, "fingerprinting the year": s.get("_stored_fingerprint", 0.0)}
        parts["the month's figures and the rest"] = max(0.0, total - sum(parts.values()))
        return "; ".join(f"{k} {v:.0f} ms" for k, v in parts.items() if v >= 1)


def _timed(fn, phases: Phases) -> float:
    with phases.watching():
        start, cpu = time.perf_counter(), time.process_time()
        fn()
        phases.cpu = (time.process_time() - cpu) * 1000
        return (time.perf_counter() - start) * 1000


def _note(label: str, phases: Phases) -> str:
    return f"{label} (CPU {phases.cpu:.0f} ms)"


def run(engine: str = "sqlite") -> list[Result]:
    from bench import engines
    from bench.attendance_data import working_copy

    today = date.today()
    year, month = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
    key = f"{year}-{month:02d}"
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SHOPTEAM_HOME"] = tmp
        path = working_copy(Path(tmp))
        where = engines.location(engine, path)
        from app.db import open_database, set_current
        from app.services import attendance
        from app.services.attendance import monthly_summary
        from app.services.context import Actor
        from app.services.month_close import close_month, reopen_month
        from app.services.policy_dry_run import dry_run

        open_database(where)
        actor = Actor.system("bench")
        # the data set is bulk-loaded without audit links; the first write of a real shop's day finds
        # them linked already, so link them once here, outside the timings (app.services.coverage)
        from app.services import policy

        policy.set_value(actor, "attendance.late_grace_minutes", policy.get("attendance.late_grace_minutes"))

        def summary():
            return monthly_summary(actor, year, month)

        # cold: nothing kept of the year yet, in this process or the database
        attendance.forget_kept(database_too=True)
        cold_summary = _timed(summary, Phases())
        baseline = median_ms(summary, repeat=5)
        close_phases = Phases()
        closed: dict = {}
        close_ms = _timed(lambda: closed.update(close_month(actor, key, close_pending=True)), close_phases)
        assert closed["employees"] == 500
        reopen_month(actor, key, "bench")
        attendance.forget_kept()  # a new process (the CLI's `attendance close`): the database keeps the carries
        cold_phases = Phases()
        cold_close_ms = _timed(lambda: close_month(actor, key, close_pending=True), cold_phases)

        preview: dict = {}
        dry_phases = Phases()
        samples = []
        for _i in range(3):  # each run judges the year anew with the tried-out value
            samples.append(_timed(lambda: preview.update(
                dry_run(actor, {"attendance.late_grace_minutes": 15}, key)), dry_phases))  # moves some late arrivals
        dry_ms = sorted(samples)[1]
        assert preview["month"] == key
        penalties: dict = {}
        penalty_phases = Phases()
        penalty_ms = sorted(_timed(lambda: penalties.update(dry_run(actor, {"attendance.penalties_rmb": "50,200"}, key)),
                                   penalty_phases) for _i in range(3))[1]
        reopen_month(actor, key, "bench")
        set_current(None)
        if engine != "sqlite":
            engines.drop(where)
    note = f"baseline: the month's plain summary ({key}, 500 people)"
    cold_note = f"baseline: the same summary cold, the year read first ({key})"
    load = machine_load()
    return [
        Result("close a month, 500 people", close_ms, baseline, "ms", "<= 2000 ms",
               _note(note + ", shown just before", close_phases), why=close_phases.why(close_ms) + f"; {load}"),
        Result("close a month cold (new process)", cold_close_ms, cold_summary, "ms", "<= 2000 ms",
               _note(cold_note, cold_phases), why=cold_phases.why(cold_close_ms) + f"; {load}"),
        Result(f"dry run of a day rule, {len(preview['changes'])} figures change", dry_ms, baseline, "ms",
               "<= 2000 ms", _note(note + "; the year judged again with the value tried", dry_phases),
               why=dry_phases.why(dry_ms) + f"; {load}"),
        Result(f"dry run of penalties, {len(penalties['changes'])} figures change", penalty_ms, baseline, "ms",
               "<= 2000 ms", _note(note + "; the year's verdicts reused", penalty_phases),
               why=penalty_phases.why(penalty_ms) + f"; {load}"),
    ]
