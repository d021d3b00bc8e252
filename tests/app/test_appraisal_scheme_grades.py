"""A template from the scheme library that names its own grade scheme is graded with it: the four-grade
kpi-50-50 beside the shop's five-grade setting. Names come from the one catalogue; the forced distribution
counts only the people graded with four grades; the handbook prints the scheme each position is graded with."""

import pytest

from app.documents.handbook_rules import appraisal_rules
from contextlib import contextmanager

from app.i18n import set_language
from app.services import appraisal as svc
from app.services import appraisal_schemes as schemes
from app.services import policy


@contextmanager
def use_language(lang: str):
    set_language(lang)
    try:
        yield
    finally:
        set_language("en")


@pytest.fixture
def mixed(demo_db, admin):
    schemes.apply_scheme(admin, "kpi-50-50", ["运营专员"])  # grades with four; the setting stays five
    svc.open_period(admin, "2030-01")
    for no in ("E004", "E005", "E006"):  # two 运营专员 (four grades) and a 数据分析师 (five grades)
        for rater in [r["employee_no"] for r in svc.subject_detail(admin, "2030-01", no)["raters"]]:
            svc.enter_scores(admin, "2030-01", no, rater, total=75)
    return "2030-01"


def test_each_person_is_graded_with_the_scheme_of_their_template(mixed, admin):
    rows = {r["employee_no"]: r for r in svc.period_results(admin, mixed)}
    assert policy.get("appraisal.grade_scheme") == "five"
    assert (rows["E004"]["grade"], rows["E004"]["grade_scheme"]) == ("C", "four")  # four grades: C is 60–79
    assert (rows["E006"]["grade"], rows["E006"]["grade_scheme"]) == ("C", "five")  # five grades: C is 70–79
    with use_language("zh_CN"):
        rows = {r["employee_no"]: r for r in svc.period_results(admin, mixed)}
        assert rows["E004"]["grade_text"] == "C 接近目标" and rows["E006"]["grade_text"] == "C 好"
        detail = svc.subject_detail(admin, mixed, "E005")
        assert detail["grades"] == ["A", "B", "C", "D"] and detail["grade_names"]["D"] == "远低于目标"
        assert detail["grade_name"] == "接近目标"
    # 65 is D 合格 with five grades, still C with four
    for rater in [r["employee_no"] for r in svc.subject_detail(admin, mixed, "E006")["raters"]]:
        svc.enter_scores(admin, mixed, "E006", rater, total=65)
    for rater in [r["employee_no"] for r in svc.subject_detail(admin, mixed, "E004")["raters"]]:
        svc.enter_scores(admin, mixed, "E004", rater, total=65)
    rows = {r["employee_no"]: r for r in svc.period_results(admin, mixed)}
    assert rows["E006"]["grade"] == "D" and rows["E004"]["grade"] == "C"


def test_the_forced_distribution_counts_only_the_four_grade_people(mixed, admin):
    check = svc.distribution_check(admin, mixed)
    assert check["forced"] and list(check["distribution"]) == ["A", "B", "C", "D", "E"]
    # two four-grade people, both C: C's quota of 20 % allows 0, so C breaks it; E006's C is not counted
    assert [(v["grade"], v["count"]) for v in check["violations"]] == [("C", 2)]
    assert svc.distribution_check(admin, "2026-10")["forced"] is False  # nobody there is graded with four
    # the approval step shows the same breaches before the general manager approves
    from app.db import reading
    from app.services import appraisal_calibration as calibration
    from app.services import appraisal_core as core

    with reading() as s:
        period = core.period_in(s, mixed)
        assert [(v["grade"], v["count"]) for v in calibration.quota_violations_in(s, period)] == [("C", 2)]


def test_the_handbook_prints_the_scheme_each_position_is_graded_with(demo_db, admin):
    values = {"appraisal.grade_scheme": "five"}
    positions = [{"position": "运营专员", "grades": "four"}, {"position": "数据分析师", "grades": ""}]
    with use_language("zh_CN"):
        text = " ".join(appraisal_rules(values, positions))
        assert "A ≥ 90 (优秀)" in text and "E < 60 (较差)" in text  # the setting's five grades
        assert "运营专员" in text and "C 60–79 (接近目标)" in text and "数据分析师" not in text
        assert "强制分布" in text or "45%" in text
        four = " ".join(appraisal_rules({"appraisal.grade_scheme": "four"}, positions))
        assert "D < 60 (远低于目标)" in four and "运营专员" not in four  # four-grade set: one scheme for all


def test_people_on_a_four_grade_template_are_calibrated_under_a_five_grade_setting(mixed, admin, actor_for):
    from app.errors import ConflictError
    from app.services import appraisal_calibration as cal

    for row in svc.period_results(admin, mixed):  # everyone else scored too, so the period can go to review
        for rater in svc.subject_detail(admin, mixed, row["employee_no"])["raters"]:
            if row["score"] is None:
                svc.enter_scores(admin, mixed, row["employee_no"], rater["employee_no"], total=85)
    svc.advance_period(admin, mixed)  # collecting -> review, as the manager's step does
    svc.advance_period(actor_for("linxw"), mixed)
    gm = actor_for("chenzy")
    board = cal.board(gm, mixed)
    assert board["applies"] and board["may"], board["why_not"]
    cards = {c["employee_no"] for col in board["columns"] for c in col["cards"]}
    assert {"E004", "E005"} <= cards and "E006" not in cards  # E006 is graded with five grades
    assert svc.period_step(gm, mixed)["may_calibrate"]
    cal.calibrate(gm, mixed, "E004", "B", "carried the 11.11 campaign")
    assert {r["employee_no"]: r for r in svc.period_results(admin, mixed)}["E004"]["grade"] == "C"  # computed stays
    with pytest.raises(ConflictError, match="five grades"):
        cal.calibrate(gm, mixed, "E006", "B", "why")
    assert cal.board(gm, "2026-10")["applies"] is False  # nobody there is graded with four
