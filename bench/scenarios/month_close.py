"""Closing a month for 500 people (the snapshot pay is based on) and a dry run of a setting over the
same month, each beside the plain monthly summary of that month measured in the same run."""

from __future__ import annotations

import os
import tempfile
import time
from datetime import date
from pathlib import Path

from bench.core import Result, median_ms

SCENARIO = "month_close"


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
        baseline = median_ms(lambda: monthly_summary(actor, year, month), repeat=5)
        start = time.perf_counter()
        closed = close_month(actor, key, close_pending=True)
        close_ms = (time.perf_counter() - start) * 1000
        assert closed["employees"] == 500
        preview = {}

        def preview_once():
            preview.update(dry_run(actor, {"attendance.late_grace_minutes": 15}, key))  # moves some late arrivals

        dry_ms = median_ms(preview_once, repeat=3, warmup=0)
        assert preview["month"] == key
        reopen_month(actor, key, "bench")
        set_current(None)
        if engine != "sqlite":
            engines.drop(where)
    note = f"baseline: the month's plain summary ({key}, 500 people)"
    return [Result("close a month, 500 people", close_ms, baseline, "ms", "<= 2000 ms", note),
            Result(f"dry run of a setting, {len(preview['changes'])} figures change", dry_ms, baseline, "ms",
                   "<= 2000 ms", note)]
