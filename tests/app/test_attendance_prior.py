"""The months before the one summed up: the grouped scan (app.services.punch_days, this engine's
branch) gives exactly what reading every punch row one by one gives."""

import random
from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import insert

from app.db import transaction
from app.models.attendance import LeaveRequest, Punch, PunchCorrection
from app.services import attendance as att, policy
from app.services.employees import EmployeeInput, create_employee

AS_OF = datetime(2026, 12, 31, 23, 0)
# minutes around every bound of the default day (08:30-12:00, 13:30-17:30, break middle 12:45)
EDGES = [0, 400, 509, 510, 511, 600, 719, 720, 721, 764, 765, 766, 809, 810, 811, 1049, 1050, 1051, 1200]
PLAIN = [(495, 14), (720, 8), (795, 14), (1050, 20)]


def _day_punches(rng: random.Random) -> list[int]:
    roll = rng.random()
    if roll < 0.5:  # an everyday day, sometimes a minute out
        return [base + rng.randint(0, spread) for base, spread in PLAIN]
    if roll < 0.6:
        return []
    count = rng.choice((1, 2, 3, 4, 4, 4, 5, 6))
    return [rng.choice(EDGES) if rng.random() < 0.7 else rng.randrange(24 * 60) for _i in range(count)]


@pytest.fixture
def year(db, admin):
    return _fill(admin)


def _fill(admin):
    """Six people, January to June 2026 with every kind of day, corrections and leave."""
    for i in range(6):
        create_employee(admin, EmployeeInput(f"R{i:02d}", f"员工{i}", hire_date=date(2025, 1, 1) + timedelta(days=60 * i)))
    policy.set_value(admin, "attendance.tracking_start", "2026-01-01")
    rng = random.Random(20260101)
    from sqlalchemy import select

    from app.models.people import Employee

    with transaction() as s:
        ids = list(s.execute(select(Employee.id).where(Employee.employee_no.like("R%"))).scalars())
        rows = []
        day = date(2026, 1, 1)
        while day < date(2026, 7, 1):
            for emp in ids:
                for minute in sorted(set(_day_punches(rng))):
                    at = datetime.combine(day, time(minute // 60, minute % 60, rng.randint(0, 59)))
                    rows.append({"employee_id": emp, "at": at, "source": "import", "recorded_at": at,
                                 "recorded_by": "test", "note": ""})
                if rng.random() < 0.05:
                    s.add(PunchCorrection(employee_id=emp, at=datetime.combine(day, time(17, 40)), reason="忘记打卡",
                                          requested_by="test", status=rng.choice(("approved", "pending"))))
                if rng.random() < 0.04:
                    start = datetime.combine(day, time(rng.choice((8, 13)), 30))
                    s.add(LeaveRequest(employee_id=emp, kind=rng.choice(("personal", "sick", "offsite")), start=start,
                                       end=start + timedelta(hours=rng.choice((3, 4, 9, 28))), reason="事由",
                                       status="approved", requested_by="test"))
            day += timedelta(days=1)
        s.execute(insert(Punch), rows)
    return admin


@pytest.mark.parametrize("month", [2, 4, 7])
def test_the_shortcut_gives_what_the_full_evaluation_gives(year, month, monkeypatch):
    att._HISTORY_CACHE.clear()
    monkeypatch.setattr(att, "PRIOR_SHORTCUT", False)
    full = att.monthly_summary(year, 2026, month, as_of=AS_OF)
    att._HISTORY_CACHE.clear()
    monkeypatch.setattr(att, "PRIOR_SHORTCUT", True)
    fast = att.monthly_summary(year, 2026, month, as_of=AS_OF)
    assert fast == full
    assert any(r["penalty_rmb"] for r in full) and any(r["flags"] for r in full)  # the year's history counts


def test_the_prior_days_match_day_by_day(year):
    from app.db import reading

    with reading() as s:
        sched = att.load_schedule(s, date(2026, 7, 1))
        people = att.load_people(s)
        att.PRIOR_SHORTCUT = False
        try:
            full = att.prior_history(s, sched, people, date(2026, 1, 1), date(2026, 6, 30), None)
        finally:
            att.PRIOR_SHORTCUT = True
        fast = att.prior_history(s, sched, people, date(2026, 1, 1), date(2026, 6, 30), None)
    assert fast == full and sum(len(h) for h in full.values()) > 500
    assert any(absent for h in full.values() for _d, absent, _full in h)


def test_the_engines_grouped_scan_matches_the_punch_rows(year):
    """This engine's branch of punch_days (SQLite in make test, PostgreSQL in its run) against the
    portable ORM version: the same days with the same minutes."""
    from app.db import reading
    from app.services import punch_days

    def as_sets(rows):
        return {(emp, day): sorted(map(int, minutes.split(","))) for emp, day, minutes in rows}

    with reading() as s:
        grouped = as_sets(punch_days.day_minutes(s, date(2026, 1, 1), date(2026, 7, 1)))
        rows = as_sets(punch_days.portable_day_minutes(s, date(2026, 1, 1), date(2026, 7, 1)))
        assert s.get_bind().dialect.name in ("sqlite", "postgresql")  # a dialect branch ran, not the fallback
    assert grouped == rows and len(rows) > 500
    with reading() as s:  # one store's people only: just their rows, on both paths
        some = set(list({emp for emp, _d in rows})[:2])
        mine = as_sets(punch_days.day_minutes(s, date(2026, 1, 1), date(2026, 7, 1), some))
        assert mine == as_sets(punch_days.portable_day_minutes(s, date(2026, 1, 1), date(2026, 7, 1), some))
    assert mine == {k: v for k, v in rows.items() if k[0] in some} and mine
    assert all(isinstance(day, date) and not isinstance(day, datetime) for _e, day in grouped)


def test_the_summary_is_identical_on_sqlite_and_postgresql(year, tmp_path):
    """In the PostgreSQL run the same generated data goes into a SQLite file too: every month's summary
    (the year's history included) must read the same on both engines."""
    from tests.conftest import PG_URL

    from app.db import current, open_database, set_current

    if not PG_URL:
        pytest.skip("needs the PostgreSQL run (make test runs tests/app on a throwaway server)")
    months = (2, 4, 7)
    att._HISTORY_CACHE.clear()
    on_pg = {m: att.monthly_summary(year, 2026, m, as_of=AS_OF) for m in months}
    pg = current()
    try:
        open_database(str(tmp_path / "same.db"))
        _fill(year)
        att._HISTORY_CACHE.clear()
        on_sqlite = {m: att.monthly_summary(year, 2026, m, as_of=AS_OF) for m in months}
        current().dispose()
    finally:
        set_current(pg)
    assert on_sqlite == on_pg
    assert sum(r["absence_days"] for r in on_pg[4]) > 0 and any(r["flags"] for r in on_pg[7])
