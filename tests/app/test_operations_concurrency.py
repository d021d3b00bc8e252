"""Two or three PCs at once on one PostgreSQL: what the code promises happens once, happens once.

The workers (tests/app/concurrency_workers.py) are separate processes, started once; a barrier starts
every round in all of them at the same moment. On SQLite: a kiosk punch is stored while an import is
reading its file (the import holds no lock while it parses).
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import traceback
from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import func, select

import concurrency_workers as workers
from app.db import reading
from app.models.audit import AuditEntry
from app.models.attendance import LeaveRequest, Punch
from app.models.people import Employee
from app.models.tasks import Task
from app.services import policy
from app.services.context import Actor

ROUNDS = 200
pg_only = pytest.mark.skipif(not os.environ.get("SHOPTEAM_TEST_PG_URL"),
                             reason="PCs sharing one PostgreSQL: runs in the PostgreSQL run (tools/pg_test.py)")


def _call(name, args, results):
    try:
        results.put((name, getattr(workers, name)(*args), None))
    except BaseException:  # noqa: BLE001 - reported to the test
        results.put((name, None, traceback.format_exc()))


def _race(jobs: list[tuple[str, tuple]]) -> list[dict]:
    """Run each (worker, args) in its own process, all sharing one barrier (the workers' first argument)."""
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(len(jobs), timeout=300)
    results = ctx.Queue()
    procs = [ctx.Process(target=_call, args=(name, (barrier, *args), results)) for name, args in jobs]
    for p in procs:
        p.start()
    try:
        out = []
        for _p in procs:
            name, value, error = results.get(timeout=1200)
            assert error is None, f"{name} failed:\n{error}"
            out.append(value)
    finally:
        for p in procs:
            p.join(timeout=60)
            if p.is_alive():
                p.kill()
    return out


def _url(db) -> str:
    return db.engine.url.render_as_string(hide_password=False)


@pg_only
def test_three_kiosks_punching_the_same_thousand_punches_store_each_once(demo_db):
    with reading() as s:
        badges = list(s.execute(select(Employee.badge_code).where(Employee.badge_code.is_not(None), Employee.status != "left")
                                .order_by(Employee.employee_no)).scalars())
    plan = workers.punch_plan(badges, 1000)
    answers = _race([("punches", (_url(demo_db), plan, 10))] * 3)
    assert [a["errors"] for a in answers] == [[], [], []]  # no kiosk showed an error
    stored = [i for a in answers for i in a["stored"]]
    assert len(stored) == 1000 and len(set(stored)) == 1000  # each punch taken by exactly one kiosk
    assert sum(a["duplicates"] for a in answers) == 2000  # the other two were told "already recorded"
    night = datetime.combine(workers.PUNCH_DAY, time())
    with reading() as s:
        rows = s.execute(select(Employee.badge_code, Punch.at).join(Employee, Employee.id == Punch.employee_id)
                         .where(Punch.at >= night, Punch.at < night + timedelta(hours=6))).all()  # the demo's start at 8
    assert sorted(rows) == sorted(plan)  # exactly the plan: every punch once, nothing else


@pg_only
def test_two_pcs_never_create_a_recurring_card_twice(demo_db):
    from app.services.plans import add_recurrence

    start = date(2026, 1, 5)  # a Monday
    rule = add_recurrence(Actor.system("test"), "周报汇总", "E004", "weekly", 1, start=start)
    answers = _race([("recurring", (_url(demo_db), ROUNDS, start))] * 2)
    assert [a["errors"] for a in answers] == [[], []]
    with reading() as s:
        cards = s.execute(select(Task.occurrence).where(Task.recurrence_id == rule.id)).scalars().all()
        doubled = s.execute(select(Task.recurrence_id, Task.occurrence).where(Task.recurrence_id.is_not(None))
                            .group_by(Task.recurrence_id, Task.occurrence).having(func.count() > 1)).all()
    assert len(cards) == ROUNDS and len(set(cards)) == ROUNDS  # one card a week, none twice
    assert doubled == []
    mine = [i for a in answers for i in a["created"]]
    assert len(mine) == len(set(mine))


def _comp_slots(count: int) -> list[tuple[datetime, datetime]]:
    """`count` one-hour slots (9:00 and 14:00) on working days that are not plan days, from January 2026."""
    from app.rules.calendar import is_plan_day
    from app.services.attendance import load_schedule

    with reading() as s:
        sched = load_schedule(s, date(2026, 12, 31))
        taken = s.execute(select(LeaveRequest.start, LeaveRequest.end).join(Employee, Employee.id == LeaveRequest.employee_id)
                          .where(Employee.employee_no == workers.COMP_PERSON)).all()  # the demo's own requests
    busy = {a.date() + timedelta(days=n) for a, b in taken for n in range((b.date() - a.date()).days + 1)}
    slots, day = [], date(2026, 1, 5)
    while len(slots) < count:
        if sched.working_day(day) and not is_plan_day(day) and day not in busy:
            for hour in (9, 14):
                start = datetime.combine(day, time(hour))
                slots.append((start, start + timedelta(hours=1)))
        day += timedelta(days=1)
    return slots[:count]


@pg_only
def test_two_approvers_cannot_overdraw_comp_hours(demo_db):
    from app.services.leave import request_leave

    actor = Actor.system("test")
    ids = [request_leave(actor, workers.COMP_PERSON, "comp", a, b, "调休") for a, b in _comp_slots(2 * ROUNDS)]
    answers = _race([("comp_leave", (_url(demo_db), ids[0::2], True)), ("comp_leave", (_url(demo_db), ids[1::2], False))])
    assert [a["errors"] for a in answers] == [[], []]
    # one comp hour came each round and two approvals raced for it: exactly one won every time
    assert sum(a["approved"] for a in answers) == ROUNDS and sum(a["refused"] for a in answers) == ROUNDS
    with reading() as s:
        taken = s.execute(select(func.count()).select_from(LeaveRequest).where(
            LeaveRequest.kind == "comp", LeaveRequest.status == "approved")).scalar_one()
    assert taken == ROUNDS


@pg_only
def test_two_kiosks_cannot_exceed_the_pin_limit(demo_db):
    admin = Actor.system("test")
    policy.set_value(admin, "attendance.kiosk_max_pin_failures", 5)
    policy.set_value(admin, "attendance.kiosk_lock_minutes", 1)
    # both kiosks of this test run on one host, so they share the per-kiosk pause (20 wrong PINs by default);
    # this test is about the per-person limit across kiosks
    policy.set_value(admin, "security.kiosk_pin_failures_per_kiosk", 500)
    answers = _race([("wrong_pins", (_url(demo_db), ROUNDS, 3, 1))] * 2)
    assert [a["errors"] for a in answers] == [[], []]  # no IntegrityError on the lock row, no punch
    first, second = answers
    wrong = [first["wrong"][r] + second["wrong"][r] for r in range(ROUNDS)]
    locked = [first["locked"][r] + second["locked"][r] for r in range(ROUNDS)]
    # six wrong PINs each round against a limit of five: five were checked, the sixth met the lock
    assert wrong == [5] * ROUNDS and locked == [1] * ROUNDS
    with reading() as s:
        locks = s.execute(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == "attendance.kiosk_locked")).scalar_one()
    assert locks == ROUNDS


def test_a_kiosk_punch_is_stored_while_an_import_reads_its_file(sqlite_only, demo_db, tmp_path, monkeypatch):
    from app.io import employees as roster
    from app.services.employee_files import import_employees
    from app.services.punches import kiosk_badge

    lines = ["工号,姓名,部门,岗位,上级工号,入职日期"] + [f"P{i:05d},员工{i},客服组,客服专员,E002,2025-03-01"
                                                   for i in range(2000)]
    (tmp_path / "roster.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    parsing, go_on = threading.Event(), threading.Event()
    parse = roster.parse_rows

    def slow_parse(*args, **kwargs):  # the import stops in its parse phase until the punch is done
        parsing.set()
        go_on.wait(30)
        return parse(*args, **kwargs)

    monkeypatch.setattr(roster, "parse_rows", slow_parse)
    outcome: dict = {}
    importer = threading.Thread(target=lambda: outcome.setdefault("import", import_employees(Actor.system("hr-pc"), tmp_path / "roster.csv")))
    importer.start()
    assert parsing.wait(30)
    with reading() as s:
        badge = s.execute(select(Employee.badge_code).where(Employee.badge_code.is_not(None))).scalars().first()

    def punch():
        try:
            outcome["punch"] = kiosk_badge(badge)  # now, as at the door (an earlier month may be closed)
        except Exception as exc:  # noqa: BLE001 - shown by the assertion below
            outcome["punch error"] = exc

    kiosk = threading.Thread(target=punch)
    kiosk.start()
    kiosk.join(timeout=1.0)  # the kiosk never waits for an import
    stored_while_parsing = "punch" in outcome
    go_on.set()
    kiosk.join(timeout=30)
    importer.join(timeout=120)
    assert "punch error" not in outcome, outcome.get("punch error")
    assert stored_while_parsing, "the punch waited for the import"
    with reading() as s:
        assert s.get(Punch, outcome["punch"].punch_id) is not None
        assert s.execute(select(func.count()).select_from(Employee).where(Employee.employee_no.like("P%"))).scalar_one() == 2000
    assert outcome["import"] == {"created": 2000, "updated": 0}
