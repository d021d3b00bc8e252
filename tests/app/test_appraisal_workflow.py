"""The approval chain with separation of duties: every state change by every role, allowed or refused;
nobody approves a period they are a subject of; the due date; the CLI's forced-distribution warning."""

from datetime import date

import pytest

from app.errors import ConflictError, PermissionDenied, ValidationError
from app.services import appraisal as svc
from app.services import appraisal_core as core
from app.services import policy

ROLES = ("admin", "linxw", "wanghr", "fengyq", "zhangyt", "chenzy")  # admin, manager, manager, hr, staff, gm
# state -> the logins that may take its next step
ALLOWED = {"entry": {"admin", "linxw", "wanghr", "fengyq"}, "scoring": {"admin", "linxw", "wanghr"},
           "review": {"fengyq"}, "consolidated": {"chenzy"}, "approved": {"admin", "fengyq"}}


@pytest.fixture
def period(demo_db, admin):
    svc.open_period(admin, "2030-01")
    return "2030-01"


def _actor(actor_for, admin, name):
    return admin if name == "admin" else actor_for(name)


def _score_everyone(admin, key, total=85):
    for row in svc.period_results(admin, key):
        for rater in svc.subject_detail(admin, key, row["employee_no"])["raters"]:
            svc.enter_scores(admin, key, row["employee_no"], rater["employee_no"], total=total)


def test_every_state_change_by_every_role(period, admin, actor_for):
    _score_everyone(admin, period)
    for state, nxt in (("entry", "scoring"), ("scoring", "review"), ("review", "consolidated"),
                       ("consolidated", "approved"), ("approved", "locked")):
        for name in ROLES:
            step = svc.period_step(_actor(actor_for, admin, name), period)
            assert step["state"] == state and step["next_state"] == nxt
            assert step["may"] == (name in ALLOWED[state]), (state, name, step["why_not"])
            if name not in ALLOWED[state]:
                assert step["why_not"]
                with pytest.raises(PermissionDenied):
                    svc.advance_period(_actor(actor_for, admin, name), period)
        mover = sorted(ALLOWED[state])[-1]
        assert svc.advance_period(_actor(actor_for, admin, mover), period)["state"] == nxt
    step = svc.period_step(admin, period)
    assert step["state"] == "locked" and not step["may"] and step["next_state"] is None


def test_nobody_approves_a_period_they_are_a_subject_of(period, admin, actor_for):
    from app.services.users import add_user

    # a second gm login linked to the top is fine; a gm login for someone appraised is refused at creation
    with pytest.raises(ValidationError, match="reports to someone"):
        add_user(admin, "gm2", "secret123", "gm", "E002")
    _score_everyone(admin, period)
    for who in ("admin", "linxw", "fengyq"):
        svc.advance_period(_actor(actor_for, admin, who), period)
    gm = actor_for("chenzy")
    # chenzy is the top: not a subject of the period, so he may approve
    assert svc.period_step(gm, period)["may"]
    # the same login pointed at someone appraised in the period is refused
    from dataclasses import replace

    subject_gm = replace(gm, employee_id=actor_for("linxw").employee_id)
    step = svc.period_step(subject_gm, period)
    assert not step["may"] and "subject" in step["why_not"]
    with pytest.raises(PermissionDenied, match="subject"):
        svc.advance_period(subject_gm, period)
    assert svc.list_periods(admin)[0]["state"] == "consolidated"  # nothing changed


def test_submitting_needs_everyone_scored(period, admin, actor_for):
    svc.advance_period(admin, period)
    with pytest.raises(ConflictError, match="Not everyone is fully scored"):
        svc.advance_period(actor_for("linxw"), period)


def test_due_date_is_the_tenth_of_the_next_month_and_flags_overdue(period, admin, monkeypatch):
    monkeypatch.setattr(core, "today", lambda: date(2030, 2, 10))
    row = next(p for p in svc.list_periods(admin) if p["key"] == period)
    assert row["due_on"] == date(2030, 2, 10) and not row["overdue"]
    monkeypatch.setattr(core, "today", lambda: date(2030, 2, 11))
    assert svc.period_step(admin, period)["overdue"]
    policy.set_value(admin, "appraisal.results_due_day", "15")
    assert svc.period_step(admin, period)["due_on"] == date(2030, 2, 15)
    assert not svc.period_step(admin, period)["overdue"]


def test_each_step_says_what_confirming_does(period, admin, actor_for):
    step = svc.period_step(admin, period)
    assert step["action"] == "Start scoring" and period in step["confirm"]
    _score_everyone(admin, period)
    for who in ("admin", "linxw", "fengyq"):
        svc.advance_period(_actor(actor_for, admin, who), period)
    step = svc.period_step(actor_for("chenzy"), period)
    assert step["action"] == "Approve" and "published" in step["confirm"] and "7 days" in step["confirm"]


def test_cli_warns_about_the_forced_distribution_before_approval(period, admin, actor_for, demo_db, capsys, monkeypatch,
                                                                  cli_admin):
    from app.cli import main

    policy.set_value(admin, "appraisal.grade_scheme", "four")
    _score_everyone(admin, period, total=95)  # everyone A: breaks A 45 %
    for who in ("admin", "linxw", "fengyq"):
        svc.advance_period(_actor(actor_for, admin, who), period)
    db = str(demo_db.path) if demo_db.is_sqlite else demo_db.url
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.StringIO("demo1234\n"))  # --user reads the password's line
    code = main(["--db", db, "appraisal", "advance", period, "--user", "chenzy"])
    err = capsys.readouterr().err
    assert code != 0 and "Grade A: 14 people, the quota allows 6." in err and "--reason" in err
    assert svc.list_periods(admin)[0]["state"] == "consolidated"
    code = main(["--db", db, "appraisal", "advance", period])  # the administrator may not approve
    assert code != 0 and "general manager" in capsys.readouterr().err
    monkeypatch.setattr(sys, "stdin", io.StringIO("demo1234\n"))
    assert main(["--db", db, "appraisal", "advance", period, "--user", "chenzy", "--reason", "a strong month"]) == 0
    assert svc.list_periods(admin)[0]["state"] == "approved"
