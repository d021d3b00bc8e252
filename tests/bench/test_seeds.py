"""The benchmark data set's parts (bench/seeds): written as the app would, read back through the services."""

import random
from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from app.db import reading, transaction
from app.models.attendance import Punch
from app.models.people import Employee
from app.models.tasks import Task, TaskComment
from app.rules.tasks import checklist_counts
from app.services import appraisal as svc
from app.services import attendance as att
from app.services import tasks
from app.services.context import Actor
from bench.dataset import BenchContext
from bench.seeds import appraisal as seeds_appraisal
from bench.seeds import attendance as seeds_attendance
from bench.seeds import tasks as seeds_tasks


def test_attendance_seed_writes_a_month_the_summary_reads(demo_db):
    with reading() as s:
        nos = list(s.execute(select(Employee.employee_no).where(Employee.status != "left")).scalars())
        before = s.execute(select(func.count()).select_from(Punch)).scalar()
    ctx = BenchContext(start=date(2026, 9, 1), end=date(2026, 9, 30), employee_nos=nos)
    with transaction() as s:
        report = seeds_attendance.bench_seed(s, random.Random(7), ctx)
    with reading() as s:
        added = s.execute(select(func.count()).select_from(Punch)).scalar() - before
        weekend = s.execute(select(func.count()).select_from(Punch).where(
            Punch.at >= datetime(2026, 9, 5), Punch.at < datetime(2026, 9, 7))).scalar()
    assert str(added) in report and added > len(nos) * 4 * 18  # four a working day, now and then fewer
    assert weekend == 0  # Sat 09-05 and Sun 09-06 are rest days
    rows = att.monthly_summary(Actor.system("test"), 2026, 9, as_of=datetime(2026, 10, 1))
    assert sum(r["days_present"] for r in rows) >= len(nos) * 18
    assert any(r["late_count"] for r in rows)


def test_appraisal_seed_writes_twelve_scored_months(demo_db, admin):
    demo_keys = {p["key"] for p in svc.list_periods(admin)}
    ctx = BenchContext(end=date(2026, 10, 31), periods=12)
    with transaction() as s:
        summary = seeds_appraisal.bench_seed(s, random.Random(7), ctx)
    assert summary.startswith("12 monthly periods 2025-11…2026-10")
    periods = {p["key"]: p for p in svc.list_periods(admin)}
    months = [f"2025-{m}" for m in (11, 12)] + [f"2026-{m:02d}" for m in range(1, 11)]
    assert all(periods[k]["state"] == "locked" and periods[k]["scored"] == periods[k]["people"] == 14 for k in months)
    assert set(periods) == set(months) | demo_keys  # the demo's months in that year were replaced, not doubled
    for row in svc.period_results(admin, "2026-10"):
        sheet = svc.sheet_data(admin, "2026-10", row["employee_no"])
        weighted = sum(r["weight"] * r["score"] for r in sheet["raters"]) / 100
        assert sheet["score"] == pytest.approx(weighted, abs=0.01) and sheet["grade"]
        assert all(i["actual"] is not None for i in sheet["indicators"] if i["kind"] == "quantitative")
        assert len(sheet["trend"]) == 6
    report = svc.month_report(admin, "2026-10")
    assert sum(report["distribution"].values()) == 14


def test_tasks_seed_inserts_the_asked_number_of_consistent_tasks(demo_db, admin):
    ctx = BenchContext(start=date(2025, 11, 1), end=date(2026, 10, 31), tasks=300, employee_nos=["E004", "E005", "E999"])
    with reading() as s:
        before = s.execute(select(func.count()).select_from(Task)).scalar_one()
    with transaction() as s:
        summary = seeds_tasks.bench_seed(s, random.Random(7), ctx)
    assert summary.startswith("300 tasks for 2 people")  # E999 does not exist and gets nothing
    with reading() as s:
        rows = s.execute(select(Task).where(Task.created_by == "bench")).scalars().all()
        bounced = s.execute(select(func.count()).select_from(TaskComment).where(TaskComment.author == "bench")).scalar_one()
        assert s.execute(select(func.count()).select_from(Task)).scalar_one() == before + 300
    assert len(rows) == 300 and bounced == sum(t.sent_back_count for t in rows)
    for t in rows:
        assert (t.completed_at is not None) == (t.status == "done")
        assert t.archived_at is None or t.status == "done"
        assert (t.steps_done, t.steps_total, t.approvals_open) == tuple(checklist_counts(t.checklist))
        assert ctx.start <= t.created_at.date() <= ctx.end
    shown = {c.id for c in tasks.board(admin, ctx.end).cards}
    assert not shown & {t.id for t in rows if t.archived_at is not None}
