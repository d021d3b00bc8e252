"""Appraisal at department scale: open a month for N people, import every rater's total, build the
month's report. Each figure beside a floor measured in the same run. On PostgreSQL the people are
copied in with COPY (bench/engines.py) and everything after runs there."""

from __future__ import annotations

import os
import tempfile
import time
from datetime import date
from pathlib import Path

from bench.core import Result, machine_load, statement_clock

SCENARIO = "appraisal"
PEOPLE = 500


def _timed(fn):
    start = time.perf_counter()
    result = fn()
    return (time.perf_counter() - start) * 1000, result


def _split(fn, why: dict, name: str):
    """``_timed``, noting in ``why[name]`` where the time went: the statements in the driver, the
    commit, and the rest (Python: the rules, the ORM, building the rows)."""
    from app.db import current

    with statement_clock(current().engine) as clock:
        ms, result = _timed(fn)
    why[name] = (f"{clock.statements} statements took {clock.execute_ms:.0f} ms in the driver and the commit "
                 f"{clock.commit_ms:.0f} ms; Python the other {max(0.0, ms - clock.execute_ms - clock.commit_ms):.0f} ms; "
                 f"{machine_load()}")
    return ms, result


def _build(folder: Path, engine: str) -> str:
    """The people in a SQLite file, then (PostgreSQL) copied into a new database; opened either way."""
    os.environ["SHOPTEAM_HOME"] = str(folder)
    from app.db import open_database, set_current, transaction
    from app.models.org import Department, Position
    from app.models.people import Employee

    open_database(str(folder / "bench.db"))
    with transaction() as s:
        dept = Department(name="电商运营部")
        s.add(dept)
        s.flush()
        pos = Position(name="运营专员", department_id=dept.id)
        s.add(pos)
        s.flush()
        ids: list[int] = []
        for i in range(PEOPLE):
            # 1 top, 5 heads, 25 leaders, the rest staff spread over the leaders
            manager = None if i == 0 else ids[0] if i <= 5 else ids[1 + (i % 5)] if i <= 30 else ids[6 + (i % 25)]
            e = Employee(employee_no=f"B{i:04d}", name=f"员工{i}", position_id=pos.id, manager_id=manager,
                         hire_date=date(2024, 1, 1))
            s.add(e)
            s.flush()
            ids.append(e.id)
    set_current(None)
    from bench import engines

    where = engines.location(engine, folder / "bench.db")
    open_database(where)
    return where


def run(engine: str = "sqlite") -> list[Result]:
    from app.services.context import Actor
    from bench import engines

    actor = Actor.system("bench")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        where = _build(folder, engine)
        from sqlalchemy import select

        from app.db import reading
        from app.io.appraisal_scores import read_scores
        from app.models.appraisal import AppraisalSubject
        from app.services import appraisal as svc
        from app.services.appraisal_import import import_scores

        why: dict[str, str] = {}
        open_ms, _r = _split(lambda: svc.open_period(actor, "2026-11"), why, "open")
        with reading() as s:
            subjects = s.execute(select(AppraisalSubject)).scalars().all()
            rows = [{"template": x.template, "raters": x.raters, "as_manager": x.as_manager} for x in subjects]

        def floor_insert():  # the same JSON payload written by one executemany into a scratch table
            import json

            from app.db import current

            payload = [(json.dumps(r["template"], ensure_ascii=False), json.dumps(r["raters"])) for r in rows]
            with current().engine.connect() as conn:
                trans = conn.begin()
                conn.exec_driver_sql("CREATE TEMP TABLE IF NOT EXISTS bench_floor (template TEXT, raters TEXT)")
                mark = "?" if engine == "sqlite" else "%s"
                conn.exec_driver_sql(f"INSERT INTO bench_floor VALUES ({mark}, {mark})", payload)
                trans.commit()

        floor_ms, _r = _timed(floor_insert)
        numbers = {}
        with reading() as s:
            from app.models.people import Employee

            numbers = {e.id: e.employee_no for e in s.execute(select(Employee)).scalars()}
        csv = folder / "scores.csv"
        lines = ["period,employee_no,rater_no,rater_role,score"]
        for x in subjects:
            for r in x.raters:
                lines.append(f"2026-11,{numbers[x.employee_id]},{numbers[r['employee_id']]},{r['roles'][0]},{70 + x.id % 30}")
        csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
        parse_ms, _r = _timed(lambda: read_scores(csv))
        import_ms, result = _split(lambda: import_scores(actor, csv), why, "import")
        report_ms, report = _split(lambda: svc.month_report(actor, "2026-11"), why, "report")

        def floor_read():
            with reading() as s:
                return s.execute(select(AppraisalSubject)).scalars().all()

        read_ms, _r = _timed(floor_read)
        assert result["scores"] == len(lines) - 1 and len(report["employees"]) == len(subjects)
        year_ms, plain_ms, year_rows = _year(actor, list(numbers), why)
        from app.db import set_current

        set_current(None)
        if engine != "sqlite":
            engines.drop(where)
    return [
        Result("appraisal.open_month_500", open_ms, floor_ms, target="ratio <= 20",
               note="baseline: executemany of the same subject rows", why=why["open"]),
        Result("appraisal.import_scores", import_ms, parse_ms, target="<= 3000 ms",
               note=f"{len(lines) - 1} rows; baseline: parsing the file only", why=why["import"]),
        Result("appraisal.month_report_500", report_ms, read_ms, target="<= 1000 ms",
               note="baseline: loading the subjects in one query", why=why["report"]),
        Result("appraisal.year_500x12", year_ms, plain_ms, target="<= 1000 ms",
               note=f"`appraisal year` for {year_rows} people over 12 locked months; baseline: a plain query of "
                    "the same final scores", why=why["year"]),
    ]


def _year(actor, employee_ids: list[int], why: dict) -> tuple[float, float, int]:
    """Twelve locked months of 2025 for everyone (bulk inserted), then the year's roll-up beside a plain query."""
    import random

    from sqlalchemy import insert, select

    from app.db import reading, transaction
    from app.models.appraisal import AppraisalPeriod, AppraisalSubject
    from app.rules.appraisal import parse_period_key
    from app.services.appraisal_year import year_results

    rng = random.Random(2025)
    with transaction() as s:
        for month in range(1, 13):
            span = parse_period_key(f"2025-{month:02d}")
            period = AppraisalPeriod(key=span.key, kind="month", start=span.start, end=span.end, state="locked",
                                     published_on=span.end, created_by="bench")
            s.add(period)
            s.flush()
            s.execute(insert(AppraisalSubject.__table__), [
                {"period_id": period.id, "employee_id": e, "as_manager": False, "template": {}, "raters": [],
                 "final_score": round(rng.uniform(55, 98), 2), "grade": "", "label": "", "comment": "", "comment_by": "",
                 "interview": "", "interview_by": ""} for e in employee_ids])

    def plain():
        with reading() as s:
            return s.execute(select(AppraisalSubject.employee_id, AppraisalSubject.final_score)
                             .join(AppraisalPeriod, AppraisalPeriod.id == AppraisalSubject.period_id)
                             .where(AppraisalPeriod.key.like("2025-%"))).all()

    plain_ms, rows = _timed(plain)
    year_ms, report = _split(lambda: year_results(actor, 2025), why, "year")
    assert len(rows) == 12 * len(employee_ids) and len(report["employees"]) == len(employee_ids)
    return year_ms, plain_ms, len(report["employees"])

