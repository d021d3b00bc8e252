"""Archiving finished cards: managers only, finished cards only, off the board but kept in history,
statistics and `tasks list --include-archived`."""

import json
from datetime import date, datetime

import pytest
from sqlalchemy import select

from app.cli import main
from app.db import reading, transaction
from app.errors import ConflictError, PermissionDenied
from app.models.audit import AuditEntry
from app.models.tasks import Task
from app.services import tasks
from app.services.tasks import TaskInput


@pytest.fixture
def manager(demo_db, actor_for):
    return actor_for("wanghr")


@pytest.fixture
def staff(demo_db, actor_for):
    return actor_for("zhangyt")  # E004


def finished(manager, title: str, completed: datetime) -> int:
    card = tasks.create_task(manager, TaskInput(title=title, assignee_no="E004", status="review"))
    tasks.complete_task(manager, card.id)
    with transaction() as s:  # place the completion on a known day
        s.get(Task, card.id).completed_at = completed
    return card.id


def on_board(actor, today=None) -> set[int]:
    return {c.id for c in tasks.board(actor, today).cards}


def test_an_archived_card_leaves_the_board_but_stays_in_history_and_statistics(manager, monkeypatch):
    monkeypatch.setattr(tasks, "now", lambda: datetime(2026, 11, 25, 17, 0))
    today = date(2026, 11, 25)
    task_id = finished(manager, "归档：十月报表", datetime(2026, 11, 25, 9))
    assert task_id in on_board(manager)
    card = tasks.archive_task(manager, task_id)
    assert card.archived is not None and card.status == "done"
    assert task_id not in on_board(manager)
    assert task_id not in {c.id for c in tasks.list_tasks(manager)}
    listed = {c.id: c for c in tasks.list_tasks(manager, include_archived=True)}
    assert listed[task_id].as_dict()["archived_at"] is not None
    detail = tasks.task_detail(manager, task_id)
    assert detail.history[-1]["action"] == "task.archive" and detail.history[-1]["text"] == "Archived"
    with reading() as s:
        stats = tasks.stats_in(s, today.year, today.month)
        assignee = s.get(Task, task_id).assignee_id
    assert stats[assignee]["done"] >= 1


def test_only_finished_cards_and_only_once(manager):
    card = tasks.create_task(manager, TaskInput(title="还在做", assignee_no="E004", status="doing"))
    with pytest.raises(ConflictError):
        tasks.archive_task(manager, card.id)
    with reading() as s:
        assert s.get(Task, card.id).archived_at is None
    task_id = finished(manager, "做完了", datetime(2026, 10, 8, 9))
    tasks.archive_task(manager, task_id)
    with pytest.raises(ConflictError):
        tasks.archive_task(manager, task_id)
    with pytest.raises(ConflictError):  # an archived card no longer moves
        tasks.move_task(manager, task_id, "doing")


def test_staff_cannot_archive_even_their_own_cards(manager, staff):
    task_id = finished(manager, "员工的卡", datetime(2026, 10, 8, 9))
    with pytest.raises(PermissionDenied):
        tasks.archive_task(staff, task_id)
    with pytest.raises(PermissionDenied):
        tasks.archive_done_before(staff, date(2027, 1, 1))
    with reading() as s:
        assert s.get(Task, task_id).archived_at is None
        assert not s.execute(select(AuditEntry).where(AuditEntry.action == "task.archive")).first()


def test_archive_done_before_a_day_keeps_that_days_cards(manager):
    old = finished(manager, "旧卡", datetime(2026, 10, 31, 23, 59))
    boundary = finished(manager, "当天的卡", datetime(2026, 11, 1, 0, 0))
    open_card = tasks.create_task(manager, TaskInput(title="未完成", assignee_no="E004"))
    with reading() as s:
        already = s.execute(select(Task.id).where(Task.status == "done", Task.completed_at < datetime(2026, 11, 1))).scalars().all()
    assert tasks.archive_done_before(manager, date(2026, 11, 1)) == len(already)
    with reading() as s:
        assert s.get(Task, old).archived_at is not None
        assert s.get(Task, boundary).archived_at is None and s.get(Task, open_card.id).archived_at is None
        rows = s.execute(select(AuditEntry).where(AuditEntry.action == "task.archive", AuditEntry.entity_id == str(old))).all()
    assert len(rows) == 1
    assert tasks.archive_done_before(manager, date(2026, 11, 1)) == 0  # nothing left to archive


def test_cli_lists_archived_tasks_only_when_asked(demo_db, manager, capsys, cli_admin):
    task_id = finished(manager, "命令行归档", datetime(2026, 10, 8, 9))
    tasks.archive_task(manager, task_id)
    assert main(["--db", demo_db.url, "tasks", "list", "--format", "json"]) == 0
    assert task_id not in {c["id"] for c in json.loads(capsys.readouterr().out)}
    assert main(["--db", demo_db.url, "tasks", "list", "--include-archived", "--format", "json"]) == 0
    listed = {c["id"]: c for c in json.loads(capsys.readouterr().out)}
    assert listed[task_id]["archived_at"] is not None and listed[task_id]["status"] == "done"
