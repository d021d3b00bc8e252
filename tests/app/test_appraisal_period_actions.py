"""period_step says which of the period's other actions the user may take (reopen, calibrate, pull actuals,
import scores) and whether approving needs a reason: the toolbar only follows it."""

import pytest

from app.services import appraisal as svc
from app.services import policy

KEY = "2030-01"


def _flags(step):
    return {k: step[k] for k in ("may_reopen", "may_calibrate", "may_pull", "may_import")}


@pytest.fixture
def four(demo_db, admin):
    policy.set_value(admin, "appraisal.grade_scheme", "four")
    svc.open_period(admin, KEY)
    return KEY


def _score_all(admin, key, total=95):
    for row in svc.period_results(admin, key):
        for rater in svc.subject_detail(admin, key, row["employee_no"])["raters"]:
            svc.enter_scores(admin, key, row["employee_no"], rater["employee_no"], total=total)


def test_in_entry_a_month_may_be_pulled_and_imported_but_not_calibrated(four, admin, actor_for):
    assert _flags(svc.period_step(admin, KEY)) == {"may_reopen": False, "may_calibrate": False, "may_pull": True,
                                                   "may_import": True}
    staff = _flags(svc.period_step(actor_for("zhangyt"), KEY))
    assert not staff["may_pull"] and not staff["may_import"]  # the roles decide too


def test_calibrate_follows_the_scheme_and_the_state(four, admin, actor_for):
    _score_all(admin, KEY)
    svc.advance_period(admin, KEY)
    svc.advance_period(actor_for("linxw"), KEY)  # review
    gm = actor_for("chenzy")
    step = svc.period_step(gm, KEY)
    assert step["may_calibrate"] and not step["may_pull"] and not step["may_import"]
    policy.set_value(admin, "appraisal.grade_scheme", "five")  # no forced distribution: nothing to calibrate
    assert not svc.period_step(gm, KEY)["may_calibrate"]


def test_a_yearly_period_is_never_calibrated_nor_pulled(demo_db, admin, actor_for):
    policy.set_value(admin, "appraisal.grade_scheme", "four")
    svc.open_period(admin, "2030")
    _score_all(admin, "2030")
    svc.advance_period(admin, "2030")
    step = svc.period_step(admin, "2030")
    assert not step["may_pull"]
    svc.advance_period(actor_for("linxw"), "2030")
    assert svc.period_step(actor_for("chenzy"), "2030")["state"] == "review"
    assert not svc.period_step(actor_for("chenzy"), "2030")["may_calibrate"]


def test_approving_over_quota_needs_a_reason_and_reopen_only_when_locked(four, admin, actor_for):
    _score_all(admin, KEY)  # everyone 95: all in A, over the quota
    for who in (admin, actor_for("linxw"), actor_for("fengyq")):
        assert not svc.period_step(who, KEY)["needs_reason"]
        svc.advance_period(who, KEY)
    gm = actor_for("chenzy")
    assert svc.period_step(gm, KEY)["needs_reason"]
    svc.advance_period(gm, KEY, reason="a record month")
    assert not svc.period_step(admin, KEY)["needs_reason"]
    svc.advance_period(admin, KEY)  # locked
    assert svc.period_step(admin, KEY)["may_reopen"]
    assert not svc.period_step(actor_for("linxw"), KEY)["may_reopen"]
