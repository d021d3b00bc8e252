"""The demo's locked months carry actuals, so the printed sheets show actual values and the rule's
indicator scores; the typed rater totals (and the stories the flags tell) stand."""

import pytest

from app.rules.appraisal_template import quantitative_score
from app.services import appraisal as svc
from app.services.appraisal_demo import believable_actual


def test_locked_months_print_actuals_and_indicator_scores(demo_db, admin):
    periods = svc.list_periods(admin)
    locked = [p["key"] for p in periods if p["state"] == "locked"]
    assert len(locked) == 6
    for key in (locked[0], locked[-1]):
        for row in svc.period_results(admin, key):
            sheet = svc.sheet_data(admin, key, row["employee_no"])
            quant = [i for i in sheet["indicators"] if i["kind"] == "quantitative"]
            assert quant, row["employee_no"]
            # a figure pulled from tasks may not exist (no task with a due date that month): then no actual
            sources = {i["name"]: i.get("source") for i in svc.subject_detail(admin, key, row["employee_no"])["indicators"]}
            typed = [i for i in quant if not sources.get(i["indicator"])]
            assert all(i["actual"] is not None and i["actual"] >= 0 for i in typed)
            assert all(i["score"] is not None and 0 <= i["score"] <= 100 for i in quant if i["actual"] is not None)
            assert sum(i["actual"] is not None for i in quant) >= len(quant) - 1


def test_totals_and_flags_are_unchanged_by_the_actuals(demo_db, admin):
    last = svc.list_periods(admin)[1]["key"]
    report = {e["employee_no"]: e for e in svc.month_report(admin, last)["employees"]}
    assert report["E005"]["flags"] == ["star_employee"]
    assert "no_year_end_bonus" in report["E012"]["flags"]
    sheet = svc.sheet_data(admin, last, "E005")
    weighted = sum(r["weight"] * r["score"] for r in sheet["raters"]) / 100
    assert sheet["score"] == pytest.approx(weighted, abs=0.01)


SALES = {"key": "sales", "kind": "quantitative", "target": 100, "unit": "%", "rule": {"type": "ratio", "cap": 100}}
ERRORS = {"key": "errors", "kind": "quantitative", "target": 0, "unit": "次", "lower_is_better": True,
          "rule": {"type": "bands", "bands": [[0, 100], [1, 80], [2, 60]], "else": 30}}
RESPONSE = {"key": "resp", "kind": "quantitative", "target": 30, "unit": "秒", "lower_is_better": True,
            "rule": {"type": "bands", "bands": [[30, 100], [45, 80], [60, 60]], "else": 40}}
SHARE = {"key": "on_time", "kind": "quantitative", "target": 0.95, "unit": "", "rule": {"type": "ratio", "cap": 100}}


@pytest.mark.parametrize("ind", [SALES, ERRORS, RESPONSE, SHARE])
def test_a_good_month_has_better_actuals_than_a_weak_one(ind):
    for jitter in (0.0, 0.5, 0.999):
        good = quantitative_score(ind, believable_actual(ind, 95, jitter))
        weak = quantitative_score(ind, believable_actual(ind, 55, jitter))
        assert good > weak


def test_actuals_stay_on_their_scale():
    assert all(believable_actual(SALES, 110, j) <= 100 for j in (0, 0.999))
    assert all(believable_actual(SHARE, 110, j) <= 1 for j in (0, 0.999))
    assert all(float(believable_actual(ERRORS, s, j)).is_integer() for s in (40, 70, 95) for j in (0, 0.6, 0.999))
    assert believable_actual(ERRORS, 95, 0.3) == 0
