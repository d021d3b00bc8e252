"""The task board with 10,000 cards: load (service + model + columns) and a filter change,
beside a plain query of the same rows through the bare driver; and the memory the board adds.
On PostgreSQL the same data set is copied in with COPY (bench/engines.py)."""

from __future__ import annotations

import random
import sqlite3
import tempfile
import tracemalloc
from datetime import date, datetime, timedelta
from pathlib import Path

from bench.core import Result, machine_load, median_ms, statement_clock

SCENARIO = "board"
N_TASKS = 10_000


def _build(path: Path, today: date) -> None:
    from sqlalchemy import insert

    from app.db import open_database, set_current, transaction
    from app.models.tasks import Task
    from app.services.context import Actor
    from app.services.demo import load_demo

    open_database(str(path))
    load_demo(Actor.system("bench"), today)
    rng = random.Random(5)
    tags = ["上新", "双十二", "售后", "推广", "设计", "报表", "调研", "订单", "库存", "文案"]
    statuses = ["todo"] * 4 + ["doing"] * 3 + ["review"] + ["done"] * 2
    rows = []
    for i in range(N_TASKS):
        status = rng.choice(statuses)
        created = datetime.combine(today - timedelta(days=rng.randint(1, 25)), datetime.min.time())
        total = rng.choice([0, 0, 4, 5, 6, 10])
        rows.append(dict(title=f"任务 {i}：{rng.choice(tags)}相关工作", description="", status=status, rank=float(i * 1024),
                         assignee_id=rng.randint(2, 15), priority=rng.randint(0, 3),
                         due_date=today + timedelta(days=rng.randint(-10, 20)), tags=",".join(rng.sample(tags, rng.randint(0, 3))),
                         template="", checklist=[], steps_done=rng.randint(0, total), steps_total=total,
                         approvals_open=rng.randint(0, 1) if total else 0, sent_back_count=0, returned=False,
                         created_by="bench", created_at=created, updated_at=created, started_at=created,
                         completed_at=created + timedelta(days=2) if status == "done" else None))
    with transaction() as s:
        s.execute(insert(Task), rows)
    set_current(None)


PLAIN = ("SELECT t.*, e.employee_no, e.name FROM task t LEFT JOIN employee e ON e.id = t.assignee_id "
         "ORDER BY t.rank")


def _plain_query(engine: str, path: Path, where: str):
    """The board's rows by one plain query through the bare driver (sqlite3, or psycopg over loopback)."""
    if engine == "sqlite":
        def plain() -> None:
            con = sqlite3.connect(path)
            con.execute(PLAIN).fetchall()
            con.close()
        return plain
    import psycopg

    from bench import engines

    def plain_pg() -> None:
        with psycopg.connect(engines._admin_conninfo(where)) as con:
            con.execute(PLAIN).fetchall()
    return plain_pg


def run(engine: str = "sqlite") -> list[Result]:
    from PySide6.QtWidgets import QApplication

    from app.db import current, open_database
    from app.services.context import Actor
    from bench import engines
    from ui.shell import ChangeBus, ShellContext
    from ui import operations
    from ui.tasks.board import BoardView

    app = QApplication.instance() or QApplication([])
    today = date.today()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "board.db"
        _build(path, today)
        where = engines.location(engine, path)
        open_database(where)
        ctx = ShellContext(Actor.system("bench"), ChangeBus(), lambda _m: None)
        view = BoardView(ctx)
        view.resize(1366, 760)
        view.show()
        app.processEvents()

        plain = _plain_query(engine, path, where)

        def load() -> None:  # the reload runs on the background executor: until its cards are on screen
            view.reload()
            operations.drain()
            app.processEvents()

        state = {"on": False}

        def filter_change() -> None:
            state["on"] = not state["on"]
            view.overdue.setChecked(state["on"])
            app.processEvents()

        baseline = median_ms(plain)
        load_ms = median_ms(load)
        filter_ms = median_ms(filter_change, repeat=9)
        from app.services import tasks as svc  # where the load's time goes: the service alone, and its statements

        with statement_clock(current().engine) as clock:
            service_ms = median_ms(lambda: svc.board(ctx.actor, today), repeat=3)
            runs = 4  # the warm-up and the three timed calls
            sql_ms, statements = clock.execute_ms / runs, clock.statements // runs
        shown = sum(p.rowCount() for p in view.proxies.values())
        tracemalloc.start()
        fresh = BoardView(ctx)
        before = tracemalloc.take_snapshot()
        fresh.reload()
        operations.drain()
        after = tracemalloc.take_snapshot()
        tracemalloc.stop()
        added_mb = sum(s.size_diff for s in after.compare_to(before, "filename")) / 1e6
        cards = len(view.model.cards)
        assert cards, "the board showed no cards"
        load_why = (f"the floor itself (plain SQL of the same rows through the bare driver) is {baseline:.0f} ms; "
                    f"the board service takes {service_ms:.0f} ms ({statements} statements, {sql_ms:.0f} ms of it in "
                    f"the driver), the model, filters and columns on the GUI thread the other "
                    f"{max(0.0, load_ms - service_ms):.0f} ms; {machine_load()}")
        filter_why = (f"no database: the proxy models filter {cards} cards on the GUI thread and the columns "
                      f"re-lay out; {machine_load()}")
        view.close()
        fresh.close()
        current().dispose()
        if engine != "sqlite":
            engines.drop(where)
    return [
        Result("board: load 10k tasks (service+model+columns)", load_ms, baseline, target="<= 300 ms",
               note=f"{cards} cards on the board, {shown} shown; baseline = plain SQL of the same rows", why=load_why),
        Result("board: filter change (overdue on/off)", filter_ms, baseline, target="<= 50 ms", why=filter_why),
        Result("board: memory the board adds", added_mb, 1.0, unit="MB", note="Python heap after one reload (tracemalloc)"),
    ]
