"""The task part of the benchmark data set (bench/dataset.py calls app.services.tasks.bench_seed)."""

import random
from datetime import date

from sqlalchemy import func, select

from app.db import reading, transaction
from app.models.tasks import Task, TaskComment
from app.rules.tasks import checklist_counts
from app.services import tasks
from bench.dataset import BenchContext


def test_bench_seed_inserts_the_asked_number_of_consistent_tasks(demo_db, admin):
    ctx = BenchContext(start=date(2025, 11, 1), end=date(2026, 10, 31), tasks=300, employee_nos=["E004", "E005", "E999"])
    with reading() as s:
        before = s.execute(select(func.count()).select_from(Task)).scalar_one()
    with transaction() as s:
        summary = tasks.bench_seed(s, random.Random(7), ctx)
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
