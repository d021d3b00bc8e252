"""The attendance area's hooks for the benchmark data set and the two-process reliability test."""

import random
from datetime import date, datetime, time

import pytest
from sqlalchemy import func, select

from app.db import reading, transaction
from app.models.attendance import Punch
from app.models.people import Employee
from app.services import attendance as att
from app.services.attendance_hooks import RELIABILITY_SPACING, reliability_day
from app.services.context import Actor


def test_bench_seed_writes_a_month_the_summary_reads(demo_db):
    from bench.dataset import BenchContext

    with reading() as s:
        nos = list(s.execute(select(Employee.employee_no).where(Employee.status != "left")).scalars())
        before = s.execute(select(func.count()).select_from(Punch)).scalar()
    ctx = BenchContext(start=date(2026, 9, 1), end=date(2026, 9, 30), employee_nos=nos)
    with transaction() as s:
        report = att.bench_seed(s, random.Random(7), ctx)
    with reading() as s:
        added = s.execute(select(func.count()).select_from(Punch)).scalar() - before
        weekend = s.execute(select(func.count()).select_from(Punch).where(
            Punch.at >= datetime(2026, 9, 5), Punch.at < datetime(2026, 9, 7))).scalar()
    assert str(added) in report and added > len(nos) * 4 * 18  # four a working day, now and then fewer
    assert weekend == 0  # Sat 09-05 and Sun 09-06 are rest days
    rows = att.monthly_summary(Actor.system("test"), 2026, 9, as_of=datetime(2026, 10, 1))
    assert sum(r["days_present"] for r in rows) >= len(nos) * 18
    assert any(r["late_count"] for r in rows)


def test_reliability_punches_are_real_kiosk_punches_each_once(demo_db):
    ids = [att.reliability_punch(i) for i in range(40)]
    assert len(set(ids)) == 40
    night = datetime.combine(reliability_day(), time())
    with reading() as s:
        stored = s.execute(select(Punch.employee_id, Punch.at, Punch.source).where(Punch.id.in_(ids))).all()
    assert {source for _e, _a, source in stored} == {"kiosk"}
    assert all(night <= at < night + RELIABILITY_SPACING * 40 for _e, at, _s in stored)
    with pytest.raises(RuntimeError):  # the same punch again would be "already recorded": lost
        att.reliability_punch(0)


def test_reliability_office_action_files_and_approves_leave(demo_db):
    from app.models.attendance import LeaveRequest
    from app.services import leave

    kinds = [leave.reliability_action(i) for i in range(6)]
    assert kinds == ["leave.request", "leave.decide"] * 3
    with reading() as s:
        mine = s.execute(select(LeaveRequest.status).where(LeaveRequest.reason == "reliability test")).scalars().all()
    assert sorted(mine) == ["approved"] * 3
