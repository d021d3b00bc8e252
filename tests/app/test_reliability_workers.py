"""The worker actions of the two-process reliability test are real service calls (tests/app/reliability_workers.py)."""

from datetime import datetime, time

import pytest
from sqlalchemy import select

from app.db import reading
from app.models.attendance import LeaveRequest, Punch
from reliability_workers import RELIABILITY_DAY, RELIABILITY_SPACING, leave_action, reliability_punch


def test_reliability_punches_are_real_kiosk_punches_each_once(demo_db):
    ids = [reliability_punch(i) for i in range(40)]
    assert len(set(ids)) == 40
    night = datetime.combine(RELIABILITY_DAY, time())
    with reading() as s:
        stored = s.execute(select(Punch.employee_id, Punch.at, Punch.source).where(Punch.id.in_(ids))).all()
    assert {source for _e, _a, source in stored} == {"kiosk"}
    assert all(night <= at < night + RELIABILITY_SPACING * 40 for _e, at, _s in stored)
    with pytest.raises(RuntimeError):  # the same punch again would be "already recorded": lost
        reliability_punch(0)


def test_reliability_office_action_files_and_approves_leave(demo_db):
    kinds = [leave_action(i) for i in range(6)]
    assert kinds == ["leave.request", "leave.decide"] * 3
    with reading() as s:
        mine = s.execute(select(LeaveRequest.status).where(LeaveRequest.reason == "reliability test")).scalars().all()
    assert sorted(mine) == ["approved"] * 3
