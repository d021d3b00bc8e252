"""The scheme library's presets and the growth rule, as plain values (no database)."""

import json
from decimal import Decimal

import pytest

from app.errors import ValidationError
from app.rules import appraisal_growth as growth
from app.rules.appraisal_schemes import counted_raters, final_score, sample_total, scheme_problems, scheme_template
from app.services.appraisal_schemes import SCHEMES_DIR, read_schemes

REQUIRED = {"monthly-100", "task-attitude-ability", "kpi-60-40", "kpi-50-50", "competency-5x20-supervisor",
            "competency-5x20-copywriter", "kpi-360", "quarterly-growth"}

# one sample person per preset: each indicator's input (actual, or rubric level), the rater total it
# gives (worked out by hand in the comments), then every counted rater's total and the final score
SAMPLES = {
    # results 60: on_time .95→100×40, quality B 80×30, plans 90→90×30 = 91; attitude 20: 1 absence day→60×50,
    # attitude A 100×50 = 80; ability 20: C 60×50 + B 80×50 = 70  ->  54.6 + 16 + 14 = 84.6
    "monthly-100": ({"on_time": 0.95, "quality": "B", "plans": 90, "attendance": 1, "attitude": "A",
                     "knowledge": "C", "teamwork": "B"}, None, "84.60",
                    {"gm": 90, "leader": 85, "head": 84.6}, "85.22"),  # 9 + 17 + 59.22
    # 55 × (95×40 + 100×30 + 80×15 + 50×15)/100 = 48.125; 10 × 90/100 = 9; 35 × 80/100 = 28 -> 85.125 -> 85.13
    "task-attitude-ability": ({"plan_completion": 95, "sales": 110, "budget_variance": 8, "training": 50,
                               "responsibility": "A", "discipline": "B", "planning": "B", "leadership": "B",
                               "knowledge": "A", "problem_solving": "C", "coordination": "B"}, None, "85.13",
                              {"gm": 80, "leader": 85.13}, "83.59"),  # 24 + 59.591
    # kpi: 100×30 + 90×30 + 60×20 + 100×20 = 89 -> 53.4; general: (80+100+80+80)/4 = 85 -> 34  ->  87.4
    "kpi-60-40": ({"plan_completion": 100, "sales": 90, "budget_variance": 12, "report_timeliness": 100,
                   "training": 80, "leadership": "A", "coordination": "B", "problem_solving": "B"}, None, "87.40",
                  {"gm": 90, "leader": 87.4}, "88.18"),  # 27 + 61.18
    # kpi: 100×40 + 94.74×30 + 100×30 = 98.422 -> 49.211; general: 100×20 + 80×30 + 100×25 + 60×25 = 84 -> 42
    "kpi-50-50": ({"sales": 105, "on_time": 0.9, "satisfaction": 95, "attendance": 0, "attitude": "B",
                   "teamwork": "A", "knowledge": "C"}, None, "91.21",
                  {"gm": 88, "leader": 90, "head": 91.21}, "90.65"),  # 8.8 + 18 + 63.847
    "competency-5x20-supervisor": ({"planning": "A", "leadership": "B", "knowledge": "B", "problem_solving": "C",
                                    "coordination": "D"}, None, "72.00", {"gm": 70, "leader": 72}, "71.40"),
    "competency-5x20-copywriter": ({"analysis": "A", "execution": "A", "knowledge": "B", "communication": "B",
                                    "collaboration": "C"}, None, "84.00",
                                   {"gm": 80, "leader": 85, "head": 84}, "83.80"),
    # results: 90×40 + 100×30 + 80×30 = 90 -> 54; management: (80+80+100+60)/4 = 80 -> 32 -> 86
    "kpi-360": ({"plan_completion": 90, "budget_variance": 4, "report_timeliness": 80, "leadership": "B",
                 "coordination": "B", "problem_solving": "A", "develop_people": "C"}, None, "86.00",
                {"leader": 86, "peer": 80, "subordinate": 75}, "81.50"),  # 43 + 16 + 22.5; self not counted
    # growth +10 % -> 90 × 40 % = 36; operations (100+80+100+60)/4 = 85 -> 34; service (95+100)/2 -> 19.5
    "quarterly-growth": ({"sales_growth": 1_100_000, "traffic": 100, "conversion": 2.4, "listing_rate": 98,
                          "stock_turnover": 50, "satisfaction": 90.25, "after_sales": 95},
                         {"sales_growth": 1_000_000}, "89.50", {"gm": 90, "leader": 90, "head": 89.5}, "89.65"),
}


@pytest.fixture(scope="module")
def schemes():
    return {s["key"]: s for s in read_schemes(SCHEMES_DIR)}


def test_every_preset_loads_with_names_descriptions_and_weights_that_add_up(schemes):
    assert REQUIRED <= set(schemes)
    for key, scheme in schemes.items():
        assert scheme_problems(scheme) == [], key
        assert sum(s["weight"] for s in scheme["sections"]) == 100, key
        for section in scheme["sections"]:
            assert sum(i["weight"] for i in section["indicators"]) == 100, (key, section["key"])
        assert sum(r["weight"] for r in counted_raters(scheme)) == 100, key
        assert [r["weight"] for r in scheme["raters"] if r["role"] == "self"] in ([], [0]), key
        assert scheme["name"]["zh_CN"] and scheme["name"]["en"] and scheme["description"]["en"], key


@pytest.mark.parametrize("key", sorted(SAMPLES))
def test_every_preset_scores_a_sample_person_to_a_known_total(schemes, key):
    inputs, bases, rater, totals, final = SAMPLES[key]
    template = scheme_template(schemes[key])
    assert sample_total(template, inputs, bases) == Decimal(rater)
    assert final_score(template, dict(totals, self=100)) == Decimal(final)


def test_the_documents_structures():
    s = {x["key"]: x for x in read_schemes(SCHEMES_DIR)}
    assert [x["weight"] for x in s["task-attitude-ability"]["sections"]] == [55, 10, 35]
    assert [x["weight"] for x in s["kpi-60-40"]["sections"]] == [60, 40]
    assert [x["weight"] for x in s["kpi-50-50"]["sections"]] == [50, 50]
    assert s["kpi-50-50"]["period"] == s["kpi-60-40"]["period"] == "half"
    for key in ("competency-5x20-supervisor", "competency-5x20-copywriter"):
        inds = s[key]["sections"][0]["indicators"]
        assert [i["weight"] for i in inds] == [20] * 5
        assert all([lv["level"] for lv in i["levels"]] == ["A", "B", "C", "D"] and all(lv["description"] for lv in i["levels"])
                   for i in inds)
    assert {r["role"] for r in s["kpi-360"]["raters"]} == {"leader", "peer", "subordinate", "self"}
    assert s["monthly-100"]["monthly_labels"] is True and s["monthly-100"]["period"] == "month"


def test_a_growth_indicator_without_its_base_figure_has_no_total(schemes):
    template = scheme_template(schemes["quarterly-growth"])
    inputs = SAMPLES["quarterly-growth"][0]
    assert sample_total(template, inputs, None) is None
    assert sample_total(template, inputs, {"sales_growth": 0}) is None


def test_a_scheme_whose_weights_do_not_add_up_is_refused_at_load(tmp_path):
    for path in SCHEMES_DIR.glob("*.json"):
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    bad = json.loads((tmp_path / "kpi-50-50.json").read_text(encoding="utf-8"))
    bad["sections"][0]["weight"] = 40
    (tmp_path / "kpi-50-50.json").write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        read_schemes(tmp_path)
    assert "kpi-50-50.json" in str(err.value) and "90, not 100" in str(err.value)

    bad["sections"][0]["weight"] = 50
    bad["raters"][2]["weight"] = 60
    (tmp_path / "kpi-50-50.json").write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValidationError, match="rater weights add up to 90"):
        read_schemes(tmp_path)

    bad["raters"][2]["weight"] = 70
    bad["raters"][3]["weight"] = 10  # self counted
    (tmp_path / "kpi-50-50.json").write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValidationError, match="self-assessment"):
        read_schemes(tmp_path)


# -- the growth rule -------------------------------------------------------------------------------
RULE = {"kind": "quantitative", "key": "g", "name": "增长", "rule": {
    "type": "growth", "base": "last_year", "bands": [[20, 100], [10, 90], [5, 80], [0, 70], [-5, 60], [-10, 40]],
    "else": 0}}


@pytest.mark.parametrize("actual, points", [
    (120, 100), (150, 100), (119.99, 90), (110, 90),
    (109.995, 90),  # +9.995 % rounds half up to +10.00 % before the bands are read
    (109.994, 80), (105, 80), (100, 70),  # no growth
    (99.99, 60), (95, 60),  # a fall of up to 5 %
    (94.99, 40), (90, 40), (89.99, 0), (0, 0),  # more than 10 % down: the "else" points
])
def test_growth_points_at_the_band_boundaries_and_for_negative_growth(actual, points):
    assert growth.growth_score(RULE, actual, 100) == Decimal(points)


def test_growth_percent_and_a_missing_or_unusable_base():
    assert growth.growth_percent(90, 100) == Decimal("-10.00")
    assert growth.growth_percent(1_234_567, 1_000_000) == Decimal("23.46")
    assert growth.growth_score(RULE, 120, None) is None
    assert growth.growth_score(RULE, 120, 0) is None
    assert growth.growth_score(RULE, 120, -5) is None
    assert growth.growth_score(RULE, None, 100) is None


@pytest.mark.parametrize("period, base, expected", [
    ("2026-Q1", "previous", "2025-Q4"), ("2026-Q3", "previous", "2026-Q2"), ("2026-Q3", "last_year", "2025-Q3"),
    ("2026-01", "previous", "2025-12"), ("2026-11", "last_year", "2025-11"), ("2026-H1", "previous", "2025-H2"),
    ("2026-H2", "previous", "2026-H1"), ("2026", "previous", "2025"), ("2026-Q2", "typed", None),
])
def test_base_periods(period, base, expected):
    assert growth.base_period_key(period, base) == expected


def test_a_growth_rule_needs_a_base_and_bands():
    assert growth.rule_problems(RULE) == []
    no_base = {**RULE, "rule": {**RULE["rule"], "base": None}}
    assert any("base period" in p for p in growth.rule_problems(no_base))
    bad_bands = {**RULE, "rule": {**RULE["rule"], "bands": [[10, 120]]}}
    assert any("points from 0 to 100" in p for p in growth.rule_problems(bad_bands))
