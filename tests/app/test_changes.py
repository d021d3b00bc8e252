"""Change sets: taken from the audit rows an operation wrote; other connections' commits noticed."""

from __future__ import annotations

import threading
from datetime import date

from app.db import current, reading
from app.services import changes
from app.services import employees as employee_svc
from app.services import tasks as task_svc
from app.services.changes import ChangeSet, ChangeWatcher, areas_of, changes_after


def test_audit_actions_name_their_area():
    assert areas_of("task.move") == {"tasks"} and areas_of("task_template.save") == {"tasks"}
    assert areas_of("leave.request") == {"attendance"} and areas_of("employee.update") == {"employees"}
    assert areas_of("system.restore") == changes.ALL_AREAS  # a restore replaces everything
    assert areas_of("unknown.thing") == frozenset()


def test_an_operation_collects_the_areas_and_entities_it_wrote(demo_db, actor_for):
    manager = actor_for("wanghr")
    card = next(c for c in task_svc.board(manager, date(2026, 11, 20)).cards if c.status == "todo")
    with changes.collecting() as collected:
        task_svc.move_task(manager, card.id, "doing", None, date(2026, 11, 20))
    found = collected.change_set()
    assert "tasks" in found and "employees" not in found
    assert ("task", str(card.id)) in found.entities and found.audit_ids  # ids exist after the commit
    with changes.collecting() as nothing:
        task_svc.board(manager, date(2026, 11, 20))  # a read writes no audit row
    assert not nothing.change_set()


def test_changes_after_reads_new_audit_rows_by_area(demo_db, admin):
    with reading() as s:
        before, _last = changes_after(s, 10**9)
    assert not before
    with reading() as s:
        _none, newest = changes_after(s, 0)
    employee_svc.deactivate_employee(admin, "E005", date(2026, 11, 30))
    with reading() as s:
        found, after = changes_after(s, newest)
    assert found.areas == {"employees"} and found.entities == {("employee", "E005")}
    assert after > newest


def test_the_watcher_wakes_for_a_commit_on_another_connection_and_sleeps_when_quiet(demo_db, admin):
    watcher = ChangeWatcher(current())
    try:
        assert watcher.wait(0.3) is False  # nothing happened
        writer = threading.Thread(target=employee_svc.deactivate_employee, args=(admin, "E006", date(2026, 11, 30)))
        writer.start()
        writer.join()
        assert watcher.wait(5.0) is True
        found = watcher.changes()
        assert found.areas == {"employees"}
        assert watcher.changes() == ChangeSet()  # read once
    finally:
        watcher.close()
