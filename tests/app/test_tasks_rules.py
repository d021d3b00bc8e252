"""Board rules at their boundaries: WIP, moves into Done, approvals, dates, recurrence, statistics."""

from datetime import date, datetime

import pytest

from app.rules import tasks as r


@pytest.mark.parametrize("count,limit,state", [(0, 0, "ok"), (99, 0, "ok"), (4, 5, "ok"), (5, 5, "full"), (6, 5, "over")])
def test_wip_state(count, limit, state):
    assert r.wip_state(count, limit) == state


def test_only_a_reviewer_moves_into_done_and_only_with_approvals_checked():
    assert r.move_problem("review", "done", may_review=False, approvals_open=0) is not None
    assert r.move_problem("review", "done", may_review=True, approvals_open=1) is not None
    assert r.move_problem("review", "done", may_review=True, approvals_open=0) is None
    assert r.move_problem("done", "doing", may_review=False, approvals_open=0) is not None
    assert r.move_problem("doing", "review", may_review=False, approvals_open=3) is None
    assert r.move_problem("doing", "nowhere", may_review=True, approvals_open=0) is not None


def test_approval_step_only_by_its_role():
    assert r.may_check_step(None, "staff")
    assert not r.may_check_step("manager", "staff")
    assert not r.may_check_step("manager", "hr")
    assert r.may_check_step("manager", "manager")
    assert r.may_check_step("manager", "admin")


def test_checklist_counts():
    steps = [{"done": True}, {"done": False, "approval_role": "manager"}, {"done": True, "approval_role": "manager"}, {}]
    assert r.checklist_counts(steps) == (2, 4, 1)


def test_overdue_and_this_week():
    today = date(2026, 11, 18)  # a Wednesday
    assert r.is_overdue(date(2026, 11, 17), "doing", today)
    assert not r.is_overdue(date(2026, 11, 18), "doing", today)
    assert not r.is_overdue(date(2026, 11, 1), "done", today)
    assert not r.is_overdue(None, "todo", today)
    assert r.due_this_week(date(2026, 11, 16), today) and r.due_this_week(date(2026, 11, 22), today)
    assert not r.due_this_week(date(2026, 11, 15), today) and not r.due_this_week(date(2026, 11, 23), today)


def test_plan_periods():
    assert r.plan_period("weekly", date(2026, 11, 22)) == (date(2026, 11, 16), date(2026, 11, 16))
    assert r.plan_period("weekly", date(2026, 11, 16), 2) == (date(2026, 11, 16), date(2026, 11, 17))
    assert r.last_friday(2026, 11) == date(2026, 11, 27)
    assert r.last_friday(2026, 7) == date(2026, 7, 31)  # the 31st is itself a Friday
    assert r.plan_period("monthly", date(2026, 11, 3)) == (date(2026, 11, 1), date(2026, 11, 27))
    assert r.plan_is_late(datetime(2026, 11, 17, 0, 1), date(2026, 11, 16))
    assert not r.plan_is_late(datetime(2026, 11, 16, 23, 59), date(2026, 11, 16))


def test_recurrence_creates_latest_occurrence_once():
    start = date(2026, 1, 1)
    assert r.latest_occurrence("weekly", 1, date(2026, 11, 22)) == date(2026, 11, 16)
    assert r.latest_occurrence("weekly", 1, date(2026, 11, 16)) == date(2026, 11, 16)
    assert r.latest_occurrence("weekly", 3, date(2026, 11, 17)) == date(2026, 11, 11)
    assert r.latest_occurrence("monthly", 31, date(2026, 11, 30)) == date(2026, 11, 30)
    assert r.latest_occurrence("monthly", 31, date(2026, 11, 29)) == date(2026, 10, 31)
    assert r.latest_occurrence("monthly", 30, date(2026, 3, 1)) == date(2026, 2, 28)
    assert r.occurrence_due("weekly", 1, None, start, date(2026, 11, 18)) == date(2026, 11, 16)
    assert r.occurrence_due("weekly", 1, date(2026, 11, 16), start, date(2026, 11, 22)) is None
    assert r.occurrence_due("weekly", 1, date(2026, 11, 9), start, date(2026, 11, 30)) == date(2026, 11, 30)
    assert r.occurrence_due("weekly", 1, None, date(2026, 11, 17), date(2026, 11, 20)) is None


def test_recurrence_problems():
    assert r.recurrence_problem("weekly", 7, 0) is None
    assert r.recurrence_problem("weekly", 8, 0) is not None
    assert r.recurrence_problem("monthly", 31, 60) is None
    assert r.recurrence_problem("monthly", 0, 0) is not None
    assert r.recurrence_problem("monthly", 1, 61) is not None
    assert r.recurrence_problem("daily", 1, 0) is not None


def test_month_stats():
    done = [
        r.DoneTask(datetime(2026, 11, 1, 9), datetime(2026, 11, 2, 9), datetime(2026, 11, 4, 9), date(2026, 11, 4)),
        r.DoneTask(datetime(2026, 11, 1, 9), None, datetime(2026, 11, 6, 9), date(2026, 11, 5)),
        r.DoneTask(datetime(2026, 11, 1, 9), None, datetime(2026, 11, 2, 9), None),
    ]
    stats = r.person_month_stats(done, 2)
    assert stats == {"done": 3, "on_time_rate": 0.5, "avg_cycle_days": round((2 + 5 + 1) / 3, 2), "sent_back": 2}
    assert r.person_month_stats([], 0) == {"done": 0, "on_time_rate": None, "avg_cycle_days": None, "sent_back": 0}


def test_tags_and_titles():
    assert r.normalise_tags("上新, 女装，上新 #促销") == ["上新", "女装", "促销"]
    assert r.tag_problem(["a"] * 8) is None and r.tag_problem([str(i) for i in range(9)]) is not None
    assert r.tag_problem(["x" * 21]) is not None
    assert r.title_problem("  ") is not None and r.title_problem("x" * 200) is None and r.title_problem("x" * 201) is not None


def test_rank_between():
    assert r.rank_between(None, None) == 1024.0
    assert r.rank_between(1.0, 3.0) == 2.0
    assert r.rank_between(None, 10.0) < 10.0 and r.rank_between(10.0, None) > 10.0
