"""Appraisal rules at their boundaries: grades, labels, weights, flags, distribution, templates."""

from datetime import date
from decimal import Decimal

import pytest

from app.rules import appraisal as r
from app.rules.appraisal_template import quantitative_score, rater_total, template_problems

FIVE = r.grade_bands("five", [90, 80, 70, 60], [90, 80, 60])
FOUR = r.grade_bands("four", [90, 80, 70, 60], [90, 80, 60])


@pytest.mark.parametrize("score, grade", [
    (100, "A"), (90, "A"), (89.99, "B"), (80, "B"), (79.99, "C"), (70, "C"), (69.99, "D"), (60, "D"),
    (59.99, "E"), (0, "E"),
])
def test_five_grade_bands(score, grade):
    assert r.grade_for(score, FIVE) == grade


@pytest.mark.parametrize("score, grade", [(90, "A"), (89.99, "B"), (80, "B"), (79.99, "C"), (60, "C"), (59.99, "D")])
def test_four_grade_bands(score, grade):
    assert r.grade_for(score, FOUR) == grade


def test_score_is_rounded_half_up_to_two_decimals_before_the_grade():
    assert r.round2("89.995") == Decimal("90.00")
    assert r.grade_for("89.995", FIVE) == "A"
    assert r.grade_for("89.994", FIVE) == "B"
    assert r.round2("59.995") == Decimal("60.00") and r.grade_for("59.995", FIVE) == "D"


@pytest.mark.parametrize("score, label", [
    (90, "excellent"), (89.99, "qualified"), (80, "qualified"), (79.99, "ordinary"), (60, "ordinary"),
    (59.99, "needs_improvement"),
])
def test_monthly_labels(score, label):
    assert r.label_for(score) == label


def test_weighted_score_is_sum_of_weight_times_score():
    assert r.weighted_score([(10, 90), (20, 80), (70, 85)]) == Decimal("84.50")
    # 10 % × 89.95 + 20 % × 89.95 + 70 % × 90.01 = 89.992 -> 89.99
    assert r.weighted_score([(10, "89.95"), (20, "89.95"), (70, "90.01")]) == Decimal("89.99")
    # 30 % × 89.99 + 70 % × 90 = 89.997 -> 90.00 (half up)
    assert r.weighted_score([(30, "89.99"), (70, 90)]) == Decimal("90.00")


def test_rater_weights_must_sum_to_100():
    assert r.weights_problem([10, 20, 70]) is None
    assert "99" in r.weights_problem([10, 20, 69])
    assert r.weights_problem([10, 90]) is not None


def _labels(*items):
    return {(y, m): label for y, m, label in items}


def test_star_after_three_consecutive_excellent_months_across_the_year_end():
    labels = _labels((2025, 11, "excellent"), (2025, 12, "excellent"), (2026, 1, "excellent"))
    assert r.monthly_flags(labels, 2026, 1) == ["star_employee"]
    assert r.monthly_flags(labels, 2025, 12) == []


def test_a_missing_or_other_month_breaks_the_streak():
    labels = _labels((2026, 1, "excellent"), (2026, 3, "excellent"), (2026, 4, "excellent"))
    assert r.monthly_flags(labels, 2026, 4) == []
    labels[(2026, 2)] = "qualified"
    assert r.monthly_flags(labels, 2026, 4) == []


def test_warning_after_two_and_no_bonus_after_three_needs_improvement():
    low = "needs_improvement"
    labels = _labels((2025, 11, "ordinary"), (2025, 12, low), (2026, 1, low), (2026, 2, low))
    assert r.monthly_flags(labels, 2025, 12) == []
    assert r.monthly_flags(labels, 2026, 1) == ["warning"]
    assert r.monthly_flags(labels, 2026, 2) == ["warning", "no_year_end_bonus"]


def test_open_ended_contract_after_three_years_all_excellent():
    hired = date(2023, 3, 1)
    assert r.open_ended_contract({2023: "A", 2024: "A", 2025: "A"}, 2026, hired) is True
    assert r.open_ended_contract({2023: "A", 2024: "A", 2025: "A", 2026: "B"}, 2026, hired) is False
    assert r.open_ended_contract({2024: "A", 2025: "A"}, 2025, hired) is False  # two results, not three
    assert r.open_ended_contract({2024: "A", 2025: "A", 2026: "A"}, 2026, date(2024, 6, 1)) is False  # < 3 years
    assert r.open_ended_contract({2024: "A", 2025: "A", 2026: "A"}, 2026, None) is False


def test_yearly_flags_from_annual_grades():
    assert r.yearly_flags({2025: "D", 2026: "A"}, 2026, "E") == ["salary_step"]
    assert r.yearly_flags({2025: "E", 2026: "E"}, 2026, "E") == ["non_renewal_review"]
    assert r.yearly_flags({2025: "E", 2026: "D"}, 2026, "E") == []
    assert r.yearly_flags({2026: "A"}, 2026, "E") == []  # one year is not two


def test_forced_distribution_caps_each_grade_but_the_lowest():
    quota = {"A": 45, "B": 30, "C": 20, "D": 5}
    # 14 people: A at most round(6.3) = 6, B at most round(4.2) = 4, C at most round(2.8) = 3
    ok = ["A"] * 6 + ["B"] * 4 + ["C"] * 3 + ["D"]
    assert r.forced_distribution_violations(ok, quota) == []
    too_many = ["A"] * 7 + ["B"] * 4 + ["C"] * 3
    assert r.forced_distribution_violations(too_many, quota) == [{"grade": "A", "count": 7, "allowed": 6, "quota": 45}]
    # 10 people: B 30 % = 3 exactly; D has no cap
    assert r.forced_distribution_violations(["B"] * 3 + ["D"] * 7, quota) == []
    # half up: 2 people × 45 % = 0.9 -> 1 A allowed
    assert r.forced_distribution_violations(["A", "A"], quota)[0]["allowed"] == 1


@pytest.mark.parametrize("key, kind, start, end", [
    ("2026-11", "month", date(2026, 11, 1), date(2026, 11, 30)),
    ("2026-2", "month", date(2026, 2, 1), date(2026, 2, 28)),
    ("2026-Q4", "quarter", date(2026, 10, 1), date(2026, 12, 31)),
    ("2026-H1", "half", date(2026, 1, 1), date(2026, 6, 30)),
    ("2026", "year", date(2026, 1, 1), date(2026, 12, 31)),
])
def test_period_keys(key, kind, start, end):
    span = r.parse_period_key(key)
    assert (span.kind, span.start, span.end) == (kind, start, end)


@pytest.mark.parametrize("bad", ["2026-13", "2026-Q5", "26-11", "2026-H3", ""])
def test_bad_period_keys(bad):
    with pytest.raises(ValueError):
        r.parse_period_key(bad)


def test_appeal_deadline_is_seven_days_after_publication():
    assert r.appeal_deadline(date(2026, 12, 28)) == date(2027, 1, 4)


RATIO = {"key": "sales", "kind": "quantitative", "target": 200, "rule": {"type": "ratio", "cap": 100}}
TIME = {"key": "rt", "kind": "quantitative", "target": 30, "lower_is_better": True,
        "rule": {"type": "bands", "bands": [[30, 100], [45, 80], [60, 60]], "else": 40}}


def test_ratio_rule_with_cap_and_lower_is_better():
    assert quantitative_score(RATIO, 180) == Decimal("90.00")
    assert quantitative_score(RATIO, 300) == Decimal("100.00")  # capped
    lower = dict(RATIO, target=30, lower_is_better=True)
    assert quantitative_score(lower, 40) == Decimal("75.00")
    assert quantitative_score(lower, 0) == Decimal("100.00")


@pytest.mark.parametrize("actual, score", [(20, 100), (30, 100), (30.01, 80), (45, 80), (60, 60), (61, 40)])
def test_banded_rule_lower_is_better(actual, score):
    assert quantitative_score(TIME, actual) == score


def test_banded_rule_higher_is_better():
    ind = {"rule": {"type": "bands", "bands": [[90, 100], [80, 70]], "else": 0}}
    assert [quantitative_score(ind, v) for v in (95, 90, 89.99, 80, 79)] == [100, 100, 70, 70, 0]


TEMPLATE = {"sections": [
    {"key": "kpi", "name": "KPI", "weight": 60, "indicators": [
        dict(RATIO, name="Sales", weight=100)]},
    {"key": "gen", "name": "General", "weight": 40, "indicators": [
        {"key": "plan", "name": "Planning", "kind": "qualitative", "weight": 50,
         "levels": [{"level": "A", "points": 100}, {"level": "B", "points": 80}]},
        {"key": "lead", "name": "Leading", "kind": "qualitative", "weight": 50,
         "levels": [{"level": "A", "points": 100}, {"level": "B", "points": 80}]}]},
]}


def test_rater_total_from_sections_and_indicators():
    assert template_problems(TEMPLATE) == []
    assert rater_total(TEMPLATE, {"sales": 90, "plan": 100, "lead": 80}) == Decimal("90.00")  # 54 + 20 + 16
    assert rater_total(TEMPLATE, {"sales": 90, "plan": 100}) is None


def test_weights_not_summing_to_100_are_refused_with_a_clear_message():
    bad = {"sections": [dict(TEMPLATE["sections"][0], weight=55), TEMPLATE["sections"][1]]}
    assert template_problems(bad) == ["The section weights add up to 95, not 100."]
    inner = {"sections": [TEMPLATE["sections"][0], dict(TEMPLATE["sections"][1], indicators=TEMPLATE["sections"][1]["indicators"][:1])]}
    assert template_problems(inner) == ["The indicator weights of section General add up to 50, not 100."]


def test_shipped_templates_cover_every_demo_position_and_are_valid():
    import json

    from app.paths import DATA_DIR

    data = json.loads((DATA_DIR / "appraisal" / "templates.json").read_text(encoding="utf-8"))
    positions = {p["name"] for p in json.loads((DATA_DIR / "demo" / "department.json").read_text(encoding="utf-8"))["positions"]}
    assert positions <= set(data["positions"])
    for body in [*data["positions"].values(), data["default_staff"], data["default_manager"]]:
        assert template_problems(body) == []
    names = [i["name"] for s in data["positions"]["客服主管"]["sections"] for i in s["indicators"]]
    assert {"计划组织", "领导能力", "专业知识", "问题解决", "协调沟通"} <= set(names)
    names = [i["name"] for s in data["positions"]["编辑文案"]["sections"] for i in s["indicators"]]
    assert {"分析能力", "执行能力", "专业知识", "沟通能力", "协作精神"} <= set(names)
