"""A chain of stores on PostgreSQL (issue 17, item 4): the head office plus 10 store departments of 500
people, a year of punches (about 5 million), 50,000 tasks and 12 appraisal months (bench/dataset.py
CHAIN, cached in bench/.data as SQLite and loaded into a new PostgreSQL database with COPY by
bench/engines.py). Each figure beside a floor measured in the same run on the same database; a figure
over its target says which part of it took the time (measured by timing the service's own steps)."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from contextlib import contextmanager
from datetime import datetime

from bench.core import Result, median_ms

SCENARIO = "chain"
ENGINES = ("postgresql",)  # a chain shares one server; SQLite is one shop per file
IN_ALL = False  # its build and load take minutes: run it by name
YEAR, MONTH = 2026, 10  # the data set's last month
OPEN_KEY = "2026-12"  # a month no period holds yet (the demo opened 2026-11)
STORE = 1
PUNCHES = 200
TOP_STEPS = ("load_month_inputs", "_cached_prior", "load_schedule", "_comp_balances")  # summary_in calls them in turn


@contextmanager
def parts(*where: tuple[object, str]):
    """Wrap ``module.name`` functions for the block and add up each one's wall time (ms) into the dict
    yielded, so a slow figure can say which of its steps took the time."""
    spent: dict[str, float] = {}
    saved = []
    for module, name in where:
        original = getattr(module, name, None)
        if original is None:
            continue  # renamed by a later change: the other steps still say where the time went
        saved.append((module, name, original))

        def timed(*a, __f=original, __n=name, **k):
            start = time.perf_counter()
            try:
                return __f(*a, **k)
            finally:
                spent[__n] = spent.get(__n, 0.0) + (time.perf_counter() - start) * 1000
        setattr(module, name, timed)
    try:
        yield spent
    finally:
        for module, name, original in saved:
            setattr(module, name, original)


def why(figure: float, spent: dict[str, float], what: str) -> str:
    """Where the time went (bench/core prints it beside a miss): the service's steps, largest first."""
    from bench.core import machine_load

    steps = ", ".join(f"{n} {ms:.0f} ms" for n, ms in sorted(spent.items(), key=lambda x: -x[1])[:4])
    return f"of {figure:.0f} ms: {steps} ({what}); {machine_load()}"


def _timed(fn):
    start = time.perf_counter()
    value = fn()
    return (time.perf_counter() - start) * 1000, value


def _pg(where: str):
    import psycopg

    from bench import engines

    return psycopg.connect(engines._admin_conninfo(where))


def run(engine: str = "postgresql") -> list[Result]:
    from bench import dataset, engines

    began = time.perf_counter()
    cached = dataset.path(dataset.CHAIN).exists()
    build_s = _timed(lambda: dataset.ensure(size=dataset.CHAIN))[0] / 1000
    file = dataset.path(dataset.CHAIN)
    print(f"chain: SQLite data set {'cached' if cached else 'built'} in {build_s:.1f} s ({file.name}, "
          f"{file.stat().st_size / 1e6:.0f} MB)", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SHOPTEAM_HOME"] = tmp
        load_ms, where = _timed(lambda: engines.copy_to_postgresql(file, f"chain_{os.getpid()}"))
        with _pg(where) as con:
            punches = con.execute("SELECT count(*) FROM punch").fetchone()[0]
            # the bulk-loaded punches count as older than the audit trail's coverage (as the migration
            # sets it for a shop's existing rows), so no timed kiosk punch links five million rows
            con.execute("UPDATE audit_coverage SET legacy_max_id = (SELECT coalesce(max(id), 0) FROM punch) "
                        "WHERE table_name = 'punch'")
        print(f"chain: loaded into PostgreSQL with COPY in {load_ms / 1000:.1f} s ({punches} punches)", flush=True)
        try:
            results = _measure(where)
        finally:
            from app.db import set_current

            set_current(None)
            engines.drop(where)
    total = time.perf_counter() - began
    print(f"chain: whole run {total:.0f} s (build {build_s:.0f} s, COPY {load_ms / 1000:.0f} s, "
          f"{datetime.now():%Y-%m-%d %H:%M})", flush=True)
    return results


def _measure(where: str) -> list[Result]:
    from sqlalchemy import select

    from app.db import open_database, reading
    from app.models.org import Department, Position
    from app.models.people import Employee
    from app.services.context import Actor
    from bench import dataset

    db = open_database(where)
    actor = Actor.system("bench")
    store = dataset.store_name(STORE)
    with reading() as s:
        rows = s.execute(select(Employee.id, Employee.employee_no, Employee.badge_code, Position.name)
                         .join(Position, Position.id == Employee.position_id)
                         .join(Department, Department.id == Position.department_id)
                         .where(Department.name == store, Employee.status != "left")
                         .order_by(Employee.employee_no)).all()
    ids, nos = [r[0] for r in rows], [r[1] for r in rows]
    results = _summaries(where, actor, ids, nos)
    results += _kiosk(db, where, [r[2] for r in rows if r[2]][:PUNCHES])
    results += _board(where, actor)
    results += _appraisal(where, actor, sorted({r[3] for r in rows}), len(rows))
    return results


def _summaries(where: str, actor, ids: list[int], nos: list[str]) -> list[Result]:
    from app.services import attendance, punch_days
    from app.services.attendance import monthly_summary

    first = datetime(YEAR, MONTH, 1)
    nxt = datetime(YEAR + (MONTH == 12), MONTH % 12 + 1, 1)
    as_of = nxt
    steps = ((attendance, "load_month_inputs"), (attendance, "_cached_prior"), (attendance, "_stored_fingerprint"),
             (attendance, "prior_history"), (attendance, "load_prior_inputs"), (punch_days, "day_minutes"),
             (attendance, "load_schedule"), (attendance, "_comp_balances"))
    out = []
    with _pg(where) as con:
        def store_scan():  # the floor: the store's month of punches, one plain query through psycopg
            return con.execute("SELECT employee_id, at FROM punch WHERE employee_id = ANY(%s) AND at >= %s AND at < %s",
                               (ids, first, nxt)).fetchall()

        def chain_scan():
            return con.execute("SELECT employee_id, at FROM punch WHERE at >= %s AND at < %s", (first, nxt)).fetchall()

        store_floor, store_n = median_ms(store_scan, repeat=3), len(store_scan())
        chain_floor, chain_n = median_ms(chain_scan, repeat=3), len(chain_scan())
    def measured(fn, repeat: int = 1):
        """The median of ``repeat`` calls, each call's steps (ms, averaged), and the last call's rows."""
        with parts(*steps) as spent:
            times = []
            for _ in range(repeat):
                ms, rows = _timed(fn)
                times.append(ms)
        per_call = {k: v / repeat for k, v in spent.items()}
        top = sum(per_call.get(k, 0.0) for k in TOP_STEPS)
        per_call["the rest (summary_in judging the month person by person)"] = max(0.0, statistics.mean(times) - top)
        return statistics.median(times), per_call, rows

    def store():
        return monthly_summary(actor, YEAR, MONTH, nos, as_of=as_of)

    def chain():
        return monthly_summary(actor, YEAR, MONTH, as_of=as_of)

    attendance.forget_kept(database_too=True)  # nothing kept: the store's year read and judged
    store_ms, spent, store_rows = measured(store)
    assert len(store_rows) == len(nos) and store_rows[0]["days_due"] > 15
    store_why = why(store_ms, spent, "_cached_prior: nothing kept yet, so the store's year is read and judged; a "
                    "summary for everyone keeps the year's carries in the database for every store")
    store_again, spent, _rows = measured(store, 3)
    again_why = why(store_again, spent, "kept in this process while nothing it reads changed")
    attendance.forget_kept()
    chain_ms, spent, chain_rows = measured(chain)
    chain_why = why(chain_ms, spent, "the whole chain, first call")
    chain_again, spent, _rows = measured(chain, 3)
    chain_again_why = why(chain_again, spent, "the whole chain, kept in this process")
    attendance.forget_kept()  # a new process: the chain's carries are in the database since the chain's summary
    chain_new, spent, _rows = measured(chain)
    chain_new_why = why(chain_new, spent, "the whole chain, first call in a new process")
    attendance.forget_kept()
    store_cached, spent, _rows = measured(store)
    cached_why = why(store_cached, spent, "the store, first call in a new process, the year's carries in the database")
    by_no = {r["employee_no"]: r for r in chain_rows}
    assert all(by_no[r["employee_no"]] == r for r in store_rows), "a store's rows differ from the chain's"
    month = f"{YEAR}-{MONTH:02d}"
    out += [
        Result(f"chain: one store's summary {month}, first call, nothing kept", store_ms, store_floor, "ms", "<= 1000 ms",
               f"{len(nos)} people; baseline: plain scan of the store's {store_n} punches of the month", why=store_why),
        Result("  same, later calls", store_again, store_floor, "ms", "<= 1000 ms", why=again_why),
        Result("  same, first call in a new process (the year's carries kept)", store_cached, store_floor, "ms",
               "<= 1000 ms", why=cached_why),
        Result(f"chain: whole chain's summary {month}, first call, nothing kept", chain_ms, chain_floor, "ms", "<= 10000 ms",
               f"{len(chain_rows)} people; baseline: plain scan of the month's {chain_n} punches", why=chain_why),
        Result("  same, later calls", chain_again, chain_floor, "ms", "<= 10000 ms", "kept in this process",
               why=chain_again_why),
        Result("  same, first call in a new process (the year's carries kept)", chain_new, chain_floor, "ms",
               "<= 10000 ms", why=chain_new_why),
    ]
    return out


def _kiosk(db, where: str, badges: list[str]) -> list[Result]:
    from bench.scenarios.punch import _bare_pg_insert_ms, kiosk_punches

    from bench.core import machine_load

    times, per_punch, cpu, in_sql, in_commit = kiosk_punches(db, badges)
    baseline = _bare_pg_insert_ms(where, len(badges))
    figure = statistics.median(times)
    p95 = sorted(times)[int(len(times) * 0.95)]
    busy, sql, commit = statistics.median(cpu), statistics.median(in_sql), statistics.median(in_commit)
    reason = (f"of the median {figure:.2f} ms: this thread ran {busy:.2f} ms on a core ({statistics.median(per_punch):.0f} "
              f"statements took {sql:.2f} ms in the driver), the commit {commit:.2f} ms, and "
              f"{max(0.0, figure - busy - commit):.2f} ms went waiting for a core; {machine_load()}")
    return [Result("chain: kiosk badge punch (Enter -> confirmation)", figure, baseline, "ms", "median <= 10 ms",
                   f"{len(badges)} people of one store; p95 {p95:.2f} ms; baseline: bare psycopg insert+commit",
                   extra={"p95": p95}, why=reason)]


def _board(where: str, actor) -> list[Result]:
    from app.services import tasks

    plain = ("SELECT t.*, e.employee_no, e.name FROM task t LEFT JOIN employee e ON e.id = t.assignee_id "
             "WHERE t.archived_at IS NULL ORDER BY t.rank")
    with _pg(where) as con:
        baseline = median_ms(lambda: con.execute(plain).fetchall(), repeat=5)
    today = dataset_end()
    with parts((tasks, "_cards"), (tasks.policy, "values_in")) as spent:
        figure = median_ms(lambda: tasks.board(actor, today), repeat=5)
    cards = len(tasks.board(actor, today).cards)
    spent = {k: v / 6 for k, v in spent.items()}  # one call's share (warm-up + 5)
    return [Result("chain: task board (service)", figure, baseline, "ms", "<= 300 ms",
                   f"{cards} cards of {dataset_tasks():,} tasks: the board has no store filter, so a store's manager "
                   f"with tasks.view_all gets the chain's board; baseline: plain SQL of the unarchived rows",
                   why=why(figure, spent, "one call"))]


def dataset_end():
    from bench.dataset import CHAIN

    return CHAIN.end


def dataset_tasks() -> int:
    from bench.dataset import CHAIN

    return CHAIN.tasks


def _appraisal(where: str, actor, positions: list[str], people: int) -> list[Result]:
    import json

    from sqlalchemy import select

    from app.db import current, reading
    from app.models.appraisal import AppraisalPeriod, AppraisalSubject
    from app.services import appraisal as svc
    from app.services import appraisal_core as core

    scope = "positions:" + ",".join(positions)
    with parts((core, "rater_plan"), (core, "scope_filter"), (core, "require_base_periods"),
               (core, "stored_templates")) as spent:
        open_ms, opened = _timed(lambda: svc.open_period(actor, OPEN_KEY, scope=scope))
    assert opened["people"] >= people - 1, opened
    with reading() as s:
        pid = s.execute(select(AppraisalPeriod.id).where(AppraisalPeriod.key == OPEN_KEY)).scalar_one()
        payload = [(json.dumps(t, ensure_ascii=False), json.dumps(r)) for t, r in s.execute(
            select(AppraisalSubject.template, AppraisalSubject.raters).where(AppraisalSubject.period_id == pid))]

    def floor_insert():  # the same JSON written by one executemany into a scratch table
        with current().engine.connect() as conn:
            trans = conn.begin()
            conn.exec_driver_sql("CREATE TEMP TABLE IF NOT EXISTS bench_floor (template TEXT, raters TEXT)")
            conn.exec_driver_sql("INSERT INTO bench_floor VALUES (%s, %s)", payload)
            trans.commit()

    floor_ms = _timed(floor_insert)[0]
    return [Result(f"chain: open appraisal month {OPEN_KEY} for one store", open_ms, floor_ms, "ms", "<= 2000 ms",
                   f"{opened['people']} people of {people} (scope: the store's {len(positions)} positions); "
                   "baseline: the same subjects' JSON in one executemany", why=why(open_ms, spent, "one store's month"))]
