"""The frozen snapshot and the dry run give exactly the figures they gave before the month close and
the dry run were made fast: a fixed half-year of every kind of day (tests/app/test_attendance_prior.py),
closed and tried out on fixed dates, against figures recorded from the code as it was
(tests/app/month_close_figures.json). Runs on SQLite and, under make test, on PostgreSQL.

To record them again after a deliberate change of a rule: SHOPTEAM_RECORD_FIGURES=1 pytest this file.
"""

import json
import os
from datetime import datetime
from pathlib import Path

import pytest

from app.services import attendance as att, month_close
from app.services.policy_dry_run import dry_run
from tests.app.test_attendance_prior import _fill

RECORDED = Path(__file__).with_name("month_close_figures.json")
CLOSED_ON = {"2026-03": datetime(2026, 4, 2, 9, 0), "2026-06": datetime(2026, 7, 2, 9, 0)}
# settings that move day verdicts, the year's penalties, the dismissal flag and paid days
TRIED = [
    {"attendance.late_grace_minutes": "15"},
    {"attendance.missing_punch_counts_as": "absence"},
    {"attendance.long_absence_minutes": "30", "attendance.off_post_minutes": "20"},
    {"attendance.penalties_rmb": "10,20,40"},
    {"attendance.work_days": "1,2,3,4,5,6"},
    {"attendance.unpaid_leave_types": "annual"},
]


def _figures(admin) -> dict:
    out: dict = {"snapshots": {}, "dry_runs": {}}
    for month, moment in CLOSED_ON.items():
        att._HISTORY_CACHE.clear()
        month_close.close_month(admin, month, as_of=moment, close_pending=True)
        from app.db import reading

        with reading() as s:
            out["snapshots"][month] = month_close.snapshot_in(s, month)[1]
    for month in CLOSED_ON:
        for changes in TRIED:
            for cold in (True, False):  # the year's verdicts not cached yet, then cached
                if cold:
                    att._HISTORY_CACHE.clear()
                got = dry_run(admin, changes, month)
                got.pop("settings")
                name = f"{month} {json.dumps(changes, sort_keys=True)}"
                if not cold:
                    assert got == out["dry_runs"][name], "a cached year must give what a cold one gives"
                out["dry_runs"][name] = got
    return out


@pytest.fixture
def figures(db, admin):
    _fill(admin)
    return json.loads(json.dumps(_figures(admin), default=str))


def test_the_snapshot_and_the_dry_run_give_the_recorded_figures(figures):
    if os.environ.get("SHOPTEAM_RECORD_FIGURES"):
        RECORDED.write_text(json.dumps(figures, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    recorded = json.loads(RECORDED.read_text(encoding="utf-8"))
    assert figures["snapshots"] == recorded["snapshots"]
    assert figures["dry_runs"] == recorded["dry_runs"]
    # the data moves what it should: penalties and flags in the snapshot, and every setting tried changes something
    june = figures["snapshots"]["2026-06"]
    assert any(r["penalty_rmb"] for r in june) and any(r["flags"] for r in june)
    assert all(run["changes"] for run in figures["dry_runs"].values())


def test_a_dry_run_judges_the_year_again_only_for_a_rule_that_judges_days(db, admin, monkeypatch):
    """The year's verdicts are kept per what judging reads: trying out penalties reuses them, a day
    rule judges the days once more (who was due when is kept), and a saved day rule is never answered
    from the verdicts of the old one."""
    _fill(admin)
    calls = {"judge_days": 0, "days_due": 0}
    for name in calls:
        def counted(*args, _name=name, _fn=getattr(att, name), **kwargs):
            calls[_name] += 1
            return _fn(*args, **kwargs)
        monkeypatch.setattr(att, name, counted)
    att._HISTORY_CACHE.clear()
    first = att.monthly_summary(admin, 2026, 6, as_of=datetime(2026, 7, 1))
    assert calls == {"judge_days": 1, "days_due": 1}
    dry_run(admin, {"attendance.penalties_rmb": "10,20,40"}, "2026-06")
    assert calls == {"judge_days": 1, "days_due": 1}
    tried = dry_run(admin, {"attendance.late_grace_minutes": "15"}, "2026-06")
    assert calls == {"judge_days": 2, "days_due": 1}
    from app.services import policy

    policy.set_value(admin, "attendance.late_grace_minutes", "15")
    saved = {r["employee_no"]: r for r in att.monthly_summary(admin, 2026, 6, as_of=datetime(2026, 7, 1))}
    assert calls["judge_days"] == 3
    assert tried["changes"] and all(saved[c["employee_no"]][c["field"]] == c["after"] for c in tried["changes"])
    assert saved != {r["employee_no"]: r for r in first}
