"""Use of results: the five-year view per person (results, flags, decisions), decisions recorded by HR or
the general manager only, and the scheme's open-ended-contract flag at its boundaries."""

from datetime import date

import pytest
from sqlalchemy import select

from app.db import reading
from app.errors import ConflictError, PermissionDenied, ValidationError
from app.models.audit import AuditEntry
from app.rules import appraisal as rules
from app.services import appraisal_history as history
from tests.app.appraisal_history_helpers import publish, set_hire_date


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    """History is read as of the demo's day, never today's."""
    from app.services import appraisal_core as core

    monkeypatch.setattr(core, "today", lambda: date(2026, 11, 25))


# -- the rule: three years of service with every annual result A -----------------------------------------

@pytest.mark.parametrize("hired, year, expected", [
    (date(2023, 12, 31), 2026, True),  # three years complete on 2026-12-31, within the year
    (date(2024, 1, 1), 2026, False),  # completes on 2027-01-01: not yet
    (date(2024, 1, 1), 2027, True),
    (date(2024, 2, 29), 2027, True),  # a leap-day hire completes on 2027-02-28
    (None, 2026, False),  # no hire date, no flag
])
def test_open_ended_contract_at_the_service_boundary(hired, year, expected):
    grades = {y: "A" for y in range(2023, 2028)}
    assert rules.open_ended_contract(grades, year, hired) is expected


@pytest.mark.parametrize("grades, expected", [
    ({2024: "A", 2025: "A", 2026: "A"}, True),
    ({2024: "A", 2025: "B", 2026: "A"}, False),  # one result below 优秀
    ({2025: "A", 2026: "A"}, False),  # two results are not three years of results
    ({2023: "B", 2024: "A", 2025: "A", 2026: "A"}, False),  # every annual result since hiring counts
    ({2024: "A", 2025: "A", 2026: "A", 2027: "E"}, True),  # a later year does not undo this one
])
def test_open_ended_contract_needs_every_annual_result_excellent(grades, expected):
    assert rules.open_ended_contract(grades, 2026, date(2023, 3, 1)) is expected


# -- the five-year view ----------------------------------------------------------------------------------

@pytest.fixture
def years(demo_db):
    """E004 (hired 2022-07-04): A in 2023, 2024 and 2025; E005 three excellent months in 2025 and a B year."""
    for y in (2023, 2024, 2025):
        publish(str(y), {"E004": 95.0, "E005": 85.0})
    for m in ("2025-04", "2025-05", "2025-06"):
        publish(m, {"E005": 93.0, "E004": 88.0})
    return 2025


def test_the_five_year_view_shows_results_flags_and_nothing_decided_yet(years, actor_for):
    view = history.person_history(actor_for("fengyq"), "E004", until=years)
    assert [y["year"] for y in view["years"]] == [2025, 2024, 2023, 2022, 2021]
    y2025 = view["years"][0]
    # the three months' mean 88 blended with the annual period's own 95 at 30 %: 90.1, A
    assert (y2025["score"], y2025["grade"], y2025["from"]) == (90.1, "A", ["2025-04", "2025-05", "2025-06", "2025"])
    assert [m["period"] for m in y2025["months"]] == ["2025-04", "2025-05", "2025-06"]
    assert {(f["period"], f["flag"]) for f in y2025["flags"]} == {("2025", "salary_step"), ("2025", "open_ended_contract")}
    assert all(f["decision"] is None for f in y2025["flags"])
    assert [f["flag"] for f in view["years"][1]["flags"]] == ["salary_step"]  # 2024: two years, no three yet
    assert view["years"][3]["score"] is None and view["years"][3]["flags"] == []
    assert view["may_decide"]
    e005 = history.person_history(actor_for("fengyq"), "E005", until=years)["years"][0]
    assert ("2025-06", "star_employee") in {(f["period"], f["flag"]) for f in e005["flags"]}
    assert "open_ended_contract" not in {f["flag"] for f in e005["flags"]}


def test_the_contract_flag_waits_for_three_full_years(years, actor_for):
    set_hire_date("E004", date(2023, 1, 2))  # three years complete on 2026-01-02
    flags = {f["flag"] for f in history.person_history(actor_for("fengyq"), "E004", until=years)["years"][0]["flags"]}
    assert flags == {"salary_step"}
    set_hire_date("E004", date(2023, 1, 1))  # complete on 2026-01-01: still not by the end of 2025
    assert "open_ended_contract" not in {f["flag"] for f in history.person_history(actor_for("fengyq"), "E004", until=years)["years"][0]["flags"]}
    set_hire_date("E004", date(2022, 12, 31))  # complete on 2025-12-31
    assert "open_ended_contract" in {f["flag"] for f in history.person_history(actor_for("fengyq"), "E004", until=years)["years"][0]["flags"]}


def test_a_year_raises_its_flags_once_it_is_over_or_its_annual_period_is_published(years, actor_for, monkeypatch):
    from app.services import appraisal_core as core

    publish("2026-01", {"E004": 95.0})  # 2026 so far: the demo's May–October and this January, no annual period
    hr = actor_for("fengyq")
    monkeypatch.setattr(core, "today", lambda: date(2026, 11, 25))
    assert history.person_history(hr, "E004", until=2026)["years"][0]["flags"] == []
    monkeypatch.setattr(core, "today", lambda: date(2027, 1, 4))
    over = history.person_history(hr, "E004", until=2026)["years"][0]["flags"]
    assert ("2026", "salary_step") in {(f["period"], f["flag"]) for f in over}  # 2025 and 2026 both D or better
    monkeypatch.setattr(core, "today", lambda: date(2026, 11, 25))
    publish("2026", {"E004": 90.0})  # the annual period published: the year's result stands
    assert "salary_step" in {f["flag"] for f in history.person_history(hr, "E004", until=2026)["years"][0]["flags"]}


def test_decisions_are_taken_by_hr_or_the_gm_audited_and_the_newest_counts(years, actor_for):
    hr, gm = actor_for("fengyq"), actor_for("chenzy")
    history.record_decision(hr, "E004", "2025", "salary_step", "deferred", "预算冻结到明年一季度。", on=date(2026, 1, 10))
    history.record_decision(gm, "E004", "2025", "salary_step", "carried_out", "2026-04 起升一级薪档。", on=date(2026, 3, 20))
    history.record_decision(gm, "E004", "2025", "open_ended_contract", "carried_out", "签订无固定期限合同。",
                            on=date(2026, 3, 20))
    history.record_decision(hr, "E005", "2025-06", "star_employee", "carried_out", on=date(2025, 7, 3))
    view = history.person_history(actor_for("zhangyt"), "E004", until=years)  # the employee sees their own
    flags = {f["flag"]: f for f in view["years"][0]["flags"]}
    step = flags["salary_step"]
    assert step["decision"]["outcome"] == "carried_out" and step["decision"]["by_name"] == "陈志远"
    assert [d["outcome"] for d in step["history"]] == ["carried_out", "deferred"]
    assert flags["open_ended_contract"]["decision"]["note"] == "签订无固定期限合同。"
    assert not view["may_decide"]
    with reading() as s:
        rows = list(s.execute(select(AuditEntry).where(AuditEntry.action == "appraisal.use_decision")).scalars())
    assert [(r.actor, r.after["flag"]) for r in rows] == [("fengyq", "salary_step"), ("chenzy", "salary_step"),
                                                          ("chenzy", "open_ended_contract"), ("fengyq", "star_employee")]


def test_decisions_and_views_are_refused_to_the_wrong_people(years, actor_for):
    with pytest.raises(PermissionDenied):  # a manager flags nothing and decides nothing
        history.record_decision(actor_for("linxw"), "E004", "2025", "salary_step", "carried_out")
    with pytest.raises(PermissionDenied):
        history.record_decision(actor_for("zhangyt"), "E004", "2025", "salary_step", "carried_out")
    with pytest.raises(PermissionDenied):  # nobody decides on their own results
        history.record_decision(actor_for("fengyq"), "E015", "2025", "salary_step", "carried_out")
    with pytest.raises(ConflictError):  # a flag the results did not raise
        history.record_decision(actor_for("fengyq"), "E004", "2024", "open_ended_contract", "carried_out")
    with pytest.raises(ValidationError):
        history.record_decision(actor_for("fengyq"), "E004", "2025", "salary_step", "deferred", "")
    with pytest.raises(ValidationError):
        history.record_decision(actor_for("fengyq"), "E004", "2025", "salary_step", "maybe", "x")
    with pytest.raises(PermissionDenied):  # only one's own history, unless HR / GM
        history.person_history(actor_for("zhangyt"), "E005", until=years)
    with pytest.raises(PermissionDenied):
        history.person_history(actor_for("wanghr"), "E004", until=years)
    with reading() as s:
        assert s.execute(select(AuditEntry).where(AuditEntry.action == "appraisal.use_decision")).first() is None
