"""Appraisal services on the demo department: scoring, workflow, lock, confidentiality, appeals."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from app.db import reading
from app.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from app.models.audit import AuditEntry
from app.services import appraisal as svc
from app.services import appraisal_feedback as feedback
from app.services import appraisal_templates as templates


@pytest.fixture
def keys(demo_db, admin):
    periods = svc.list_periods(admin)
    return {"current": periods[0]["key"], "last": periods[1]["key"]}


def score_everyone(admin, key, total=85):
    for row in svc.period_results(admin, key):
        for rater in svc.subject_detail(admin, key, row["employee_no"])["raters"]:
            svc.enter_scores(admin, key, row["employee_no"], rater["employee_no"], total=total)


def test_demo_has_six_locked_months_and_the_current_one_open(admin, keys):
    periods = svc.list_periods(admin)
    assert [p["state"] for p in periods] == ["scoring"] + ["locked"] * 6
    assert all(p["scored"] == p["people"] == 14 for p in periods[1:])  # everyone but the general manager


def test_final_score_is_the_weighted_sum_of_the_raters(admin, actor_for, keys):
    key = keys["current"]
    svc.enter_scores(actor_for("linxw"), key, "E004", "E002", total=80)  # leader 20 %
    svc.enter_scores(actor_for("wanghr"), key, "E004", "E003", total=90)  # head 70 % (运营组's head)
    assert svc.subject_detail(admin, key, "E004")["score"] is None  # the general manager has not scored
    result = svc.enter_scores(admin, key, "E004", "E001", total=70)  # gm 10 %, typed in by an admin
    assert result == {"score": 86.0, "grade": "B", "label": "qualified"}


def test_managers_are_rated_by_gm_30_and_leader_70(admin, keys):
    key = keys["current"]
    detail = svc.subject_detail(admin, key, "E003")
    assert detail["as_manager"] is True
    assert [(r["employee_no"], r["roles"], r["weight"]) for r in detail["raters"]] == [
        ("E001", ["gm"], 30.0), ("E002", ["leader"], 70.0)]
    svc.enter_scores(admin, key, "E003", "E001", total=89.99)
    assert svc.enter_scores(admin, key, "E003", "E002", total=90)["score"] == 90.0  # 26.997 + 63 = 89.997 -> 90.00


def test_self_assessment_is_recorded_but_not_counted(admin, actor_for, keys):
    key = keys["current"]
    staff = actor_for("zhangyt")
    for no, total in (("E001", 60), ("E003", 60), ("E002", 60)):
        svc.enter_scores(admin, key, "E004", no, total=total)
    svc.enter_scores(staff, key, "E004", "E004", total=100)
    detail = svc.subject_detail(admin, key, "E004")
    assert detail["self"]["total"] == 100.0 and detail["score"] == 60.0
    with pytest.raises(PermissionDenied):
        svc.enter_scores(staff, key, "E004", "E003", total=100)  # cannot score as someone else
    with pytest.raises(ValidationError):
        svc.enter_scores(admin, key, "E004", "E005", total=80)  # E005 is not a rater of E004


def test_indicator_levels_make_the_rater_total(admin, actor_for, keys):
    key = keys["current"]
    detail = svc.subject_detail(admin, key, "E004")
    qualitative = [i["key"] for i in detail["indicators"] if i["kind"] == "qualitative"]
    quantitative = [i for i in detail["indicators"] if i["kind"] == "quantitative"]
    assert all(i["quant_score"] is not None for i in quantitative)  # demo actuals are typed in
    svc.enter_scores(actor_for("wanghr"), key, "E004", "E003", scores={k: "A" for k in qualitative})
    head = svc.subject_detail(admin, key, "E004")["raters"][2]
    expected = sum(i["effective_weight"] * i["quant_score"] for i in quantitative) / 100 + sum(
        i["effective_weight"] for i in detail["indicators"] if i["kind"] == "qualitative")
    assert head["levels"] == {k: "A" for k in qualitative}
    assert head["total"] == pytest.approx(round(expected, 2))
    with pytest.raises(ValidationError):
        svc.enter_scores(admin, key, "E004", "E003", scores={qualitative[0]: 101})


def test_bad_input_changes_nothing(admin, keys):
    key = keys["current"]
    with pytest.raises(ValidationError):
        svc.enter_scores(admin, key, "E004", "E003", total=90, scores={"no_such_indicator": 50})
    assert svc.subject_detail(admin, key, "E004")["raters"][2]["typed_total"] is None


def test_workflow_review_needs_everyone_scored_then_approval_publishes_and_lock_freezes(admin, actor_for, keys):
    key = keys["current"]
    svc.advance_period(admin, key) if svc.list_periods(admin)[0]["state"] == "entry" else None
    with pytest.raises(ConflictError, match="Not everyone is fully scored"):
        svc.advance_period(admin, key)
    score_everyone(admin, key)
    assert svc.advance_period(admin, key)["state"] == "review"
    with pytest.raises(ConflictError):
        svc.enter_scores(admin, key, "E004", "E002", total=10)
    assert svc.advance_period(actor_for("fengyq"), key)["state"] == "consolidated"
    approved = svc.advance_period(actor_for("chenzy"), key)
    assert approved["state"] == "approved" and approved["published_on"] is not None
    assert svc.advance_period(actor_for("fengyq"), key)["state"] == "locked"
    with pytest.raises(ConflictError, match="locked"):
        svc.enter_scores(admin, key, "E004", "E002", total=10)
    assert svc.subject_detail(admin, key, "E004")["score"] == 85.0
    with pytest.raises(PermissionDenied):
        svc.reopen_period(actor_for("linxw"), key, "typo")
    with pytest.raises(ValidationError):
        svc.reopen_period(admin, key, "  ")
    assert svc.reopen_period(admin, key, "E004's sales figure was wrong")["state"] == "scoring"
    with reading() as s:
        entry = s.execute(select(AuditEntry).where(AuditEntry.action == "appraisal.reopen")).scalar_one()
        assert entry.after["reason"] == "E004's sales figure was wrong"


def test_open_period_kinds_and_duplicates(admin, keys):
    year = keys["current"][:4]
    assert svc.open_period(admin, f"{year}-Q4")["people"] == 14
    with pytest.raises(ConflictError):
        svc.open_period(admin, f"{year}-Q4")
    with pytest.raises(ValidationError):
        svc.open_period(admin, "2026-13")
    with pytest.raises(NotFound):
        svc.period_results(admin, "1999-01")


def test_confidentiality(admin, actor_for, keys):
    key = keys["last"]
    leader, staff, hr = actor_for("wanghr"), actor_for("zhangyt"), actor_for("fengyq")
    assert svc.sheet_data(leader, key, "E004")["score"] is not None  # a rater
    with pytest.raises(PermissionDenied):
        svc.subject_detail(leader, key, "E008")  # not one of his people
    assert svc.subject_detail(staff, key, "E004")["score"] is not None  # the employee
    with pytest.raises(PermissionDenied):
        svc.sheet_data(staff, key, "E005")
    with pytest.raises(PermissionDenied):
        svc.trend(staff, "E005")
    assert [r["employee_no"] for r in svc.period_results(staff, key)] == ["E004"]
    assert len(svc.period_results(hr, key)) == 14
    with pytest.raises(PermissionDenied):
        svc.month_report(leader, key)


def test_own_result_is_hidden_until_published(admin, actor_for, keys):
    key = keys["current"]
    for no in ("E001", "E003", "E002"):
        svc.enter_scores(admin, key, "E004", no, total=88)
    assert svc.subject_detail(actor_for("zhangyt"), key, "E004")["score"] is None
    assert svc.subject_detail(actor_for("wanghr"), key, "E004")["score"] == 88.0


def test_appeal_within_seven_days_of_publication(admin, actor_for, keys):
    key = keys["last"]
    staff, hr = actor_for("zhangyt"), actor_for("fengyq")
    published = svc.list_periods(admin)[1]["published_on"]
    with pytest.raises(ConflictError, match="closed"):
        feedback.file_appeal(staff, key, "The sales target was changed mid-month.", on=published + timedelta(days=8))
    with pytest.raises(ValidationError):
        feedback.file_appeal(staff, key, "   ", on=published)
    appeal = feedback.file_appeal(staff, key, "The sales target was changed mid-month.", on=published + timedelta(days=7))
    assert appeal["status"] == "open" and appeal["deadline"] == published + timedelta(days=7)
    with pytest.raises(ConflictError):
        feedback.file_appeal(staff, key, "again", on=published)
    with pytest.raises(PermissionDenied):
        feedback.decide_appeal(actor_for("wanghr"), appeal["id"], False, "no")
    assert [a["employee_no"] for a in feedback.open_appeals(hr)] == ["E004"]
    assert feedback.decide_appeal(hr, appeal["id"], True, "Target corrected; rescore.")["status"] == "upheld"
    sheet = svc.sheet_data(staff, key, "E004")
    assert sheet["appeals"][0]["decision"] == "Target corrected; rescore."
    assert sheet["appeal_deadline"] == published + timedelta(days=7)


def test_appeal_before_publication_is_refused(actor_for, keys):
    with pytest.raises(ConflictError, match="not published"):
        feedback.file_appeal(actor_for("zhangyt"), keys["current"], "too low")


def test_comment_and_interview_by_a_rater(actor_for, keys):
    key = keys["current"]
    feedback.set_comment(actor_for("wanghr"), key, "E004", "Strong listings; improve conversion.")
    feedback.record_interview(actor_for("wanghr"), key, "E004", "Agreed on a conversion plan.")
    with pytest.raises(PermissionDenied):
        feedback.set_comment(actor_for("zhangyt"), key, "E005", "x")
    sheet = svc.sheet_data(actor_for("fengyq"), key, "E004")
    assert sheet["comment"].startswith("Strong") and sheet["interview"].startswith("Agreed")


def test_sheet_data_has_everything_the_sheet_prints(admin, keys):
    sheet = svc.sheet_data(admin, keys["last"], "E005")
    assert sheet["header"]["name"] == "刘子轩" and sheet["header"]["position"] == "运营专员"
    assert len(sheet["trend"]) == 6 and sheet["trend"][-1]["period"] == keys["last"]
    assert sheet["flags"] == ["star_employee"] and sheet["grade"] == "A"
    assert [r["weight"] for r in sheet["raters"]] == [10.0, 20.0, 70.0]
    assert {"section", "indicator", "weight", "target", "actual", "score"} <= set(sheet["indicators"][0])


def test_month_report_flags(admin, keys):
    report = svc.month_report(admin, keys["last"])
    flags = {e["employee_no"]: e["flags"] for e in report["employees"]}
    assert flags["E005"] == ["star_employee"] and flags["E009"] == ["warning"]
    assert flags["E012"] == ["warning", "no_year_end_bonus"]
    assert sum(report["distribution"].values()) == 14 and report["violations"] == []


def test_forced_distribution_is_shown_in_the_four_grade_scheme(admin, keys):
    from app.services import policy

    policy.set_value(admin, "appraisal.grade_scheme", "four")
    key = keys["current"]
    score_everyone(admin, key, total=95)
    check = svc.distribution_check(admin, key)
    assert check["forced"] and check["distribution"]["A"] == 14
    assert check["violations"][0] == {"grade": "A", "count": 14, "allowed": 6, "quota": 45.0}


def test_pull_actuals_from_attendance_and_tasks(admin, keys, monkeypatch):
    from app.services.employees import get_employee

    e004 = get_employee(admin, "E004").id
    calls = []
    from app.services import attendance, tasks

    monkeypatch.setattr(attendance, "summary_in",
                        lambda s, y, m, employee_ids=None: calls.append((y, m)) or {e004: {"absence_days": 1}})
    monkeypatch.setattr(tasks, "stats_in", lambda s, y, m: {e004: {"on_time_rate": 0.95}})
    result = svc.pull_actuals(admin, keys["current"])
    assert result == {"attendance": True, "tasks": True, "filled": 2}
    assert calls == [(int(keys["current"][:4]), int(keys["current"][5:]))]
    inds = {i["key"]: i for i in svc.subject_detail(admin, keys["current"], "E004")["indicators"]}
    assert inds["attendance"]["actual"] == 1 and inds["attendance"]["quant_score"] == 60.0
    assert inds["on_time"]["actual"] == 0.95 and inds["on_time"]["quant_score"] == 100.0


def test_template_with_bad_weights_is_refused_and_nothing_saved(admin, actor_for, keys):
    hr = actor_for("fengyq")
    body = templates.get_template(hr, "运营组", "运营专员")
    body["sections"][0]["weight"] = 55
    with pytest.raises(ValidationError, match="add up to 105"):
        templates.save_template(hr, "运营组", "运营专员", body)
    assert templates.get_template(hr, "运营组", "运营专员")["sections"][0]["weight"] == 50
    body["sections"][0]["weight"], body["sections"][1]["weight"] = 60, 40
    templates.save_template(hr, "运营组", "运营专员", body)
    assert svc.open_period(admin, keys["current"][:4] + "-H2")["people"] == 14
    detail = svc.subject_detail(admin, keys["current"][:4] + "-H2", "E004")
    assert detail["indicators"][0]["section_weight"] == 60
    with pytest.raises(PermissionDenied):
        templates.save_template(actor_for("zhangyt"), "运营组", "运营专员", body)


def test_yearly_flags_from_two_annual_periods(admin, keys):
    year = int(keys["current"][:4])
    for y, total in ((year - 1, 60), (year, 61)):
        svc.open_period(admin, str(y))
        score_everyone(admin, str(y), total=total)
        for rater in svc.subject_detail(admin, str(y), "E009")["raters"]:  # newest score counts
            svc.enter_scores(admin, str(y), "E009", rater["employee_no"], total=59.99)
    flags = {e["employee_no"]: e["flags"] for e in svc.month_report(admin, str(year))["employees"]}
    assert flags["E004"] == ["salary_step"]  # D (60) then D (61): two years at D or better
    assert flags["E009"] == ["non_renewal_review"]  # two years at E
    assert {e["employee_no"]: e["flags"] for e in svc.month_report(admin, str(year - 1))["employees"]}["E004"] == []


def test_open_ended_contract_flag_after_three_excellent_years(admin, keys):
    for y in (2027, 2028, 2029):  # 张雨桐 was hired in 2022: long enough
        svc.open_period(admin, str(y))
        score_everyone(admin, str(y), total=95)
    flags = {e["employee_no"]: e["flags"] for e in svc.month_report(admin, "2029")["employees"]}
    assert "open_ended_contract" in flags["E004"] and "salary_step" in flags["E004"]
    assert "open_ended_contract" not in {e["employee_no"]: e["flags"]
                                         for e in svc.month_report(admin, "2028")["employees"]}["E004"]
