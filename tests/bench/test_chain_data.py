"""The chain data set's builder (bench/dataset.py, Size with stores) at a tiny size: it writes the
stores, people, punches, tasks and appraisal months its report says, and (with SHOPTEAM_TEST_PG_URL)
the COPY load into PostgreSQL carries the same rows."""

import re
from datetime import date, datetime

import psycopg
import pytest

from app.db import set_current
from bench import dataset, engines
from tests.conftest import PG_URL

TINY = dataset.Size("tiny-chain", 20, stores=2, start=date(2026, 10, 1), end=date(2026, 10, 31), tasks=50, periods=1)

STORE_PEOPLE = """SELECT d.name, e.employee_no, p.name, m.employee_no, e.badge_code FROM employee e
    JOIN position p ON p.id = e.position_id JOIN department d ON d.id = p.department_id
    LEFT JOIN employee m ON m.id = e.manager_id WHERE d.name LIKE '门店%' ORDER BY e.employee_no"""


def _facts(rows_of) -> dict:
    """What the data set holds, read with plain SQL (``rows_of(sql)`` runs it on either engine)."""
    people = rows_of(STORE_PEOPLE)
    per_day = rows_of("""SELECT employee_id, CAST(at AS DATE), count(*) FROM punch JOIN employee e ON e.id = punch.employee_id
        WHERE e.employee_no LIKE 'S%' GROUP BY employee_id, CAST(at AS DATE)""")
    return {
        "people": people,
        # the stores' punches: all generated (the demo's own people punch through October and November too)
        "punches": rows_of("""SELECT count(*), min(at), max(at) FROM punch JOIN employee e ON e.id = punch.employee_id
            WHERE e.employee_no LIKE 'S%'""")[0],
        "october": rows_of("SELECT count(*) FROM punch WHERE at >= '2026-10-01' AND at < '2026-11-01'")[0][0],
        "most_a_day": max(n for _e, _d, n in per_day),
        "punched": {no for (no,) in rows_of("SELECT DISTINCT e.employee_no FROM punch JOIN employee e ON e.id = punch.employee_id")},
        "tasks": rows_of("SELECT count(*), count(DISTINCT assignee_id) FROM task WHERE created_by = 'bench'")[0],
        "periods": rows_of("SELECT key, state FROM appraisal_period WHERE key = '2026-10'"),
        "appraised": {no for (no,) in rows_of("""SELECT e.employee_no FROM appraisal_subject s
            JOIN appraisal_period p ON p.id = s.period_id JOIN employee e ON e.id = s.employee_id
            WHERE p.key = '2026-10'""")},
    }


@pytest.fixture
def built(tmp_path, monkeypatch):
    monkeypatch.setenv("SHOPTEAM_HOME", str(tmp_path))
    file = tmp_path / "tiny-chain.db"
    report = dataset.generate(file, TINY)
    set_current(None)
    yield file, report
    set_current(None)


def test_tiny_chain_has_the_stores_people_punches_tasks_and_months_it_reports(built):
    import sqlite3

    file, report = built
    con = sqlite3.connect(file)
    facts = _facts(lambda sql: con.execute(sql.replace("CAST(at AS DATE)", "date(at)")).fetchall())
    con.close()
    people = facts["people"]
    assert report[0].startswith("people: 35 employees (20 imported in 2 stores)")  # the demo's 15 + the stores
    assert {d for d, *_ in people} == {"门店01", "门店02"}
    for store in ("门店01", "门店02"):
        staff = [p for p in people if p[0] == store]
        assert len(staff) == 10 and all(pos.startswith(store) for _d, _no, pos, _m, _b in staff)
        head = [p for p in staff if p[2] == f"{store}店长"]
        assert len(head) == 1 and head[0][3] == "E002"  # each store's manager reports to head office
        inside = {no for _d, no, *_ in staff}
        assert all(m in inside for _d, no, _p, m, _b in staff if no != head[0][1])  # the rest report inside the store
    assert len({b for *_, b in people}) == 20  # each has a badge of their own for the kiosk
    count, first, last = facts["punches"]
    added = int(re.match(r"attendance: (\d+) punches for 35 people, 2026-10-01 to 2026-10-31", report[1]).group(1))
    assert count <= added <= facts["october"] and count > 20 * 4 * 15  # four a working day, most days
    assert str(first) >= "2026-10-01" and str(last) < "2026-11-01" and facts["most_a_day"] <= 4
    assert {no for _d, no, *_ in people} <= facts["punched"]
    assert facts["tasks"][0] == 50 and report[2].startswith("tasks: 50 tasks for 35 people")
    assert facts["periods"] == [("2026-10", "locked")]
    assert re.match(r"appraisal: 1 monthly periods 2026-10…2026-10, 34 people appraised", report[3])
    assert {no for _d, no, *_ in people} <= facts["appraised"]  # every store person has a scored month
    con = sqlite3.connect(file)  # the bulk-loaded rows count as older than the audit trail, not as rows added behind it
    for table in ("punch", "appraisal_score"):
        assert con.execute(f"SELECT count(*) FROM {table} WHERE audit_id IS NULL AND id > (SELECT legacy_max_id "
                           f"FROM audit_coverage WHERE table_name = '{table}')").fetchone() == (0,)
    assert con.execute("SELECT count(*) FROM punch JOIN employee e ON e.id = punch.employee_id "
                       "WHERE e.employee_no LIKE 'S%' AND punch.audit_id IS NOT NULL").fetchone() == (0,)  # none digested
    con.close()
    assert dataset.path(dataset.CHAIN).name == "chain-v2.db" and dataset.path().name == "bench-v2.db"


@pytest.mark.skipif(not PG_URL, reason="COPY into PostgreSQL: set SHOPTEAM_TEST_PG_URL (tools/pg_test.py run)")
def test_tiny_chain_loads_into_postgresql_with_the_same_rows(built):
    import sqlite3

    file, _report = built
    con = sqlite3.connect(file)
    expected = _facts(lambda sql: con.execute(sql.replace("CAST(at AS DATE)", "date(at)")).fetchall())
    con.close()
    engines.set_server(PG_URL)
    url = engines.copy_to_postgresql(file, "bench_tiny_chain_test")
    try:
        with psycopg.connect(engines._admin_conninfo(url)) as pg:
            got = _facts(lambda sql: [tuple(r) for r in pg.execute(sql).fetchall()])
    finally:
        set_current(None)
        engines.drop(url)
        engines.set_server(None)
    count, first, last = got["punches"]
    assert count == expected["punches"][0]
    assert isinstance(first, datetime) and str(first)[:19] == str(expected["punches"][1])[:19]
    assert {k: v for k, v in got.items() if k != "punches"} == {k: v for k, v in expected.items() if k != "punches"}


def test_bench_lists_chain_and_keeps_it_out_of_all_and_off_sqlite(capsys):
    import importlib

    bench_main = importlib.import_module("bench.__main__")
    with pytest.raises(SystemExit):
        bench_main.main(["--help"])
    assert "PostgreSQL only (a throwaway server unless --db): chain" in " ".join(capsys.readouterr().out.split())
    module = bench_main.scenarios()["chain"]
    assert bench_main.postgresql_only(module) and not bench_main.in_all(module)
    assert bench_main.main(["chain", "--engines", "sqlite"]) == 2  # refused before anything is built
    assert "PostgreSQL only" in capsys.readouterr().err
