"""Growth indicators in a period: the base period must be open, base figures come from it or are typed,
and a person without one shows "no base figure", never zero."""

import pytest
from sqlalchemy import select

from app.db import reading
from app.errors import ValidationError
from app.models.appraisal import AppraisalPeriod
from app.services import appraisal as svc
from app.services import appraisal_schemes as schemes
from app.services.appraisal_templates import default_template, get_template, save_template


def _set_base(admin, base: str) -> None:
    template = get_template(admin, "运营组", "运营专员")
    template["sections"][0]["indicators"][0]["rule"]["base"] = base
    save_template(admin, "运营组", "运营专员", template)


def _growth_row(admin, period: str, no: str) -> dict:
    return next(i for i in svc.subject_detail(admin, period, no)["indicators"] if i["key"] == "sales_growth")


def test_growth_against_last_year(demo_db, admin):
    schemes.apply_scheme(admin, "quarterly-growth", ["运营专员"])  # sales growth against the same quarter last year

    with pytest.raises(ValidationError, match="measured against period 2025-Q3, which has not been opened"):
        svc.open_period(admin, "2026-Q3")
    with reading() as s:  # refused whole: no period, no people
        assert s.execute(select(AppraisalPeriod).where(AppraisalPeriod.key == "2026-Q3")).scalar() is None

    _set_base(admin, "typed")  # the first quarter in the product: its own base figures would be typed
    svc.open_period(admin, "2025-Q3")
    svc.save_entry_form(admin, "2025-Q3", "E004", [], {"sales_growth": 1_000_000})
    _set_base(admin, "last_year")
    svc.open_period(admin, "2026-Q3")

    svc.save_entry_form(admin, "2026-Q3", "E004", [], {"sales_growth": 1_100_000})  # +10 %
    row = _growth_row(admin, "2026-Q3", "E004")
    assert row["base"] == 1_000_000 and row["quant_score"] == 90 and "2025-Q3" in row["base_text"]

    # 刘子轩 had no figure in 2025-Q3: no base figure, no score (never zero), until one is typed
    svc.save_entry_form(admin, "2026-Q3", "E005", [], {"sales_growth": 1_140_000})
    row = _growth_row(admin, "2026-Q3", "E005")
    assert row["base"] is None and row["quant_score"] is None and row["base_note"] == "no base figure"
    sheet = svc.sheet_data(admin, "2026-Q3", "E005")
    printed = next(i for i in sheet["indicators"] if i["indicator"] == "销售额增长率")
    assert printed["score"] is None and printed["note"] == "no base figure"

    svc.save_entry_form(admin, "2026-Q3", "E005", [], {"sales_growth@base": 1_200_000})  # typed: -5 %
    row = _growth_row(admin, "2026-Q3", "E005")
    assert row["base"] == 1_200_000 and row["quant_score"] == 60 and row["base_note"] == ""

    # a typed figure wins over the base period's
    svc.save_entry_form(admin, "2026-Q3", "E004", [], {"sales_growth@base": 1_100_000})
    assert _growth_row(admin, "2026-Q3", "E004")["quant_score"] == 70


def test_the_result_waits_for_the_base_figure(demo_db, admin):
    """quarterly-growth is figures only: each rater's total is the indicators' total, once every figure is in."""
    schemes.apply_scheme(admin, "quarterly-growth", ["运营专员"])
    _set_base(admin, "typed")
    svc.open_period(admin, "2026-Q2")
    actuals = {"sales_growth": 1_100_000, "traffic": 100, "conversion": 2.4, "listing_rate": 98, "stock_turnover": 50,
               "satisfaction": 90.25, "after_sales": 95}
    result = svc.save_entry_form(admin, "2026-Q2", "E004", [], actuals)
    assert result["score"] is None  # no base figure: no total, not a zero
    assert all(r["total"] is None for r in svc.subject_detail(admin, "2026-Q2", "E004")["raters"])
    result = svc.save_entry_form(admin, "2026-Q2", "E004", [], {"sales_growth@base": 1_000_000})
    assert result["score"] == 89.5  # the sample person of the scheme tests: +10 % -> 90 points


def test_the_category_manager_template_ships_with_growth_and_market_share():
    template = default_template("品类经理", as_manager=False)
    keys = [i["key"] for s in template["sections"] for i in s["indicators"]]
    assert template["name"] == "品类经理考核表"
    assert keys[:2] == ["category_sales_growth", "market_share_change"]
    assert "attendance" in keys and "on_time" in keys
    assert [s["weight"] for s in template["sections"]] == [60, 40]
    from app.rules.appraisal_template import template_problems

    assert template_problems(template) == []
