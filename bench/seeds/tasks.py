"""The task part of the benchmark data set (bench/dataset.py): ``ctx.tasks`` cards over a year."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import insert, select
from sqlmodel import Session

from app.models.people import Employee
from app.models.tasks import Task, TaskComment
from app.rules import tasks as rules
from app.rules.tasks import DOING, DONE, REVIEW, TODO
from app.services.templates import templates_in

BENCH_TAGS = ("上新", "双十二", "售后", "推广", "设计", "报表", "调研", "订单", "库存", "文案")


def bench_seed(session: Session, rng, ctx) -> str:
    """``ctx.tasks`` cards for bench/dataset.py (one bulk insert): spread over the year ``ctx.start`` –
    ``ctx.end`` and the people ``ctx.employee_nos``; cards finished more than 90 days before the end are
    archived, one in ten finished cards was sent back once. Returns a one-line summary."""
    ids = dict(session.execute(select(Employee.employee_no, Employee.id)
                               .where(Employee.employee_no.in_(list(ctx.employee_nos)))).all())
    people = [ids[no] for no in ctx.employee_nos if no in ids]
    templates = [(t.name, t.steps) for t in templates_in(session)]
    span = (ctx.end - ctx.start).days
    archive_before = datetime.combine(ctx.end - timedelta(days=90), datetime.min.time())
    rows, sent_back = [], []
    for i in range(ctx.tasks):
        created = datetime.combine(ctx.start + timedelta(days=rng.randrange(span)), datetime.min.time()) + timedelta(hours=9)
        age = (ctx.end - created.date()).days
        status = DONE if age > 30 or rng.random() < 0.3 else rng.choice((TODO, TODO, DOING, DOING, REVIEW))
        template, steps = rng.choice(templates) if templates and rng.random() < 0.3 else ("", [])
        checklist = [{"text": st["text"], "approval_role": st.get("approval_role"), "done": status == DONE} for st in steps]
        done, total, approvals = rules.checklist_counts(checklist)
        started = created + timedelta(hours=rng.randint(1, 72)) if status != TODO else None
        completed = started + timedelta(days=rng.randint(0, 12), hours=rng.randint(0, 8)) if status == DONE else None
        bounced = status == DONE and rng.random() < 0.1
        rows.append(dict(
            title=f"{rng.choice(BENCH_TAGS)}任务 {i + 1}", description="", status=status, rank=float(i * 1024),
            assignee_id=rng.choice(people), priority=rng.choice((0, 1, 1, 1, 2, 2, 3)),
            due_date=(created + timedelta(days=rng.randint(2, 14))).date(),
            tags=",".join(rng.sample(BENCH_TAGS, rng.randint(0, 3))), template=template, checklist=checklist,
            steps_done=done, steps_total=total, approvals_open=approvals, sent_back_count=int(bounced), returned=False,
            created_by="bench", created_at=created, updated_at=completed or started or created, started_at=started,
            completed_at=completed, archived_at=completed + timedelta(days=30) if completed and completed < archive_before else None))
        if bounced:
            sent_back.append((i, completed - timedelta(days=1) if completed - timedelta(days=1) > started else completed))
    session.execute(insert(Task), rows)
    new_ids = session.execute(select(Task.id).where(Task.created_by == "bench").order_by(Task.id)).scalars().all()
    if sent_back:
        session.execute(insert(TaskComment), [dict(task_id=new_ids[i], at=at, author="bench", author_name="bench",
                                                   body="请补充数据", kind="send_back") for i, at in sent_back])
    archived = sum(1 for r in rows if r["archived_at"] is not None)
    return f"{len(rows)} tasks for {len(people)} people ({archived} archived, {len(sent_back)} sent back once)"
