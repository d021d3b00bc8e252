"""What the services tell the screens a person may do: whom to file requests for, card actions."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from app.errors import PermissionDenied
from app.services import leave as leave_svc
from app.services import punches
from app.services import tasks as task_svc
from app.services.filing import filing_choices


def test_staff_file_requests_for_themselves_only(demo_db, actor_for):
    staff = actor_for("zhangyt")
    for kind in ("leave", "overtime", "correction"):
        choices = filing_choices(staff, kind)
        assert [no for no, _name in choices.people] == ["E004"] and choices.own_no == "E004"
        assert not choices.may_file_for_others
    with pytest.raises(PermissionDenied):  # and the service refuses what the dialog does not offer
        leave_svc.request_leave(staff, "E005", "personal", datetime(2026, 11, 23, 9), datetime(2026, 11, 23, 12))


def test_hr_may_file_for_every_active_person(demo_db, actor_for, admin, monkeypatch):
    from app.services.employees import deactivate_employee

    monkeypatch.setattr(punches, "now", lambda: datetime(2026, 11, 25, 12))  # November's corrections still open

    deactivate_employee(admin, "E014", date(2026, 11, 1))
    hr = actor_for("fengyq")
    choices = filing_choices(hr, "correction")
    numbers = [no for no, _name in choices.people]
    assert choices.may_file_for_others and "E004" in numbers and "E014" not in numbers  # left: not offered
    assert choices.own_no == "E015"
    correction = punches.request_correction(hr, "E004", datetime(2026, 11, 20, 17, 30), "忘记打卡")
    assert correction


def test_card_actions_follow_role_and_column(demo_db, actor_for):
    manager, staff = actor_for("wanghr"), actor_for("zhangyt")
    board = task_svc.board(manager, date(2026, 11, 20))
    review = next(c for c in board.cards if c.status == "review")
    done = next(c for c in board.cards if c.status == "done")
    todo = next(c for c in board.cards if c.status == "todo")
    assert board.actions_for(review) >= {"pass_review", "send_back", "edit"}
    assert "archive" in board.actions_for(done) and "pass_review" not in board.actions_for(done)
    assert board.actions_for(todo) == {"edit"}
    own = task_svc.board(staff, date(2026, 11, 20))
    for card in own.cards:  # staff: edit their own cards, never review or archive
        assert own.actions_for(card) == {"edit"}
    detail = task_svc.task_detail(manager, review.id)
    assert detail.actions == board.actions_for(review)


def test_a_handover_follows_the_same_filing_rule_as_the_dialog_shows(demo_db, actor_for):
    from app.services.handover import get_handover, record_handover

    staff, hr = actor_for("zhangyt"), actor_for("fengyq")
    mine = filing_choices(staff, "handover")
    assert [no for no, _name in mine.people] == ["E004"] and mine.own_no == "E004" and not mine.may_file_for_others
    start, back = datetime(2026, 11, 23, 10), datetime(2026, 11, 23, 11)
    with pytest.raises(PermissionDenied):
        record_handover(staff, "E005", "E004", start, back, "银行", "客服账号")
    assert get_handover(staff, record_handover(staff, "E004", "E005", start, back, "银行", "客服账号")).employee_no == "E004"
    theirs = filing_choices(hr, "handover")
    assert theirs.may_file_for_others and "E005" in [no for no, _name in theirs.people]
    assert record_handover(hr, "E005", "E004", start, back, "", "待发货订单")
