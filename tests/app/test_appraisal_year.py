"""Period scope and the year: `appraisal open --scope`, the roll-up of the year's results (months, halves,
own, blended) at rounding boundaries, `appraisal year --format json`, sheets for every period kind."""

import json
from decimal import Decimal

import pytest

from app.errors import NotFound, ValidationError
from app.rules.appraisal import year_score
from app.services import appraisal as svc
from app.services import documents, policy
from app.services.appraisal_year import year_results


def test_mean_of_months_rounds_half_up_once_at_the_end():
    # 89.99 + 90.00 = 179.99 / 2 = 89.995 -> 90.00 (half up), not 89.99
    assert year_score({"2026-01": 89.99, "2026-02": 90.0}, {}, None) == (Decimal("90.00"), ["2026-01", "2026-02"])
    # three months: 80.01 + 80.01 + 80.00 = 240.02 / 3 = 80.00666… -> 80.01
    assert year_score({"a": 80.01, "b": 80.01, "c": 80.0}, {}, None)[0] == Decimal("80.01")
    assert year_score({"a": 59.994, "b": 59.995}, {}, None)[0] == Decimal("59.99")  # 59.9945 -> 59.99


def test_halves_own_and_the_blend():
    months, halves = {"2026-01": 70, "2026-02": 80}, {"2026-H1": 90, "2026-H2": 85}
    assert year_score(months, halves, None, "halves") == (Decimal("87.50"), ["2026-H1", "2026-H2"])
    assert year_score(months, halves, 60, "own") == (Decimal("60.00"), ["own"])
    # own 60 at 30 %, months' mean 75 at 70 %: 18 + 52.5 = 70.50
    assert year_score(months, halves, 60, "months", 30) == (Decimal("70.50"), ["2026-01", "2026-02", "own"])
    assert year_score({}, {}, 88.885, "months", 30) == (Decimal("88.89"), ["own"])  # nothing to roll up
    assert year_score({}, {}, None) == (None, [])


@pytest.fixture
def year(demo_db, admin):
    return svc.list_periods(admin)[1]["start"].year  # the demo's locked months


def test_year_json_rolls_up_the_published_months(year, admin, demo_db, capsys, cli_admin):
    from app.cli import main

    db = str(demo_db.path) if demo_db.is_sqlite else demo_db.url
    assert main(["--db", db, "appraisal", "year", str(year), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["year"] == year and len(data["employees"]) == 14
    e004 = next(e for e in data["employees"] if e["employee_no"] == "E004")
    assert set(e004) >= {"employee_no", "name", "score", "grade", "from"}
    locked = [p for p in svc.list_periods(admin) if p["state"] == "locked" and p["start"].year == year]
    assert e004["from"] == sorted(p["key"] for p in locked)  # the open month is not a result yet
    scores = [next(r for r in svc.period_results(admin, p["key"]) if r["employee_no"] == "E004")["score"] for p in locked]
    expected = (sum(Decimal(str(x)) for x in scores) / len(scores)).quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
    assert e004["score"] == float(expected)
    assert main(["--db", db, "appraisal", "year", "1999"]) != 0
    assert "no published appraisal results in 1999" in capsys.readouterr().err


def test_annual_own_scores_blend_by_the_weight_setting(year, admin):
    before = {e["employee_no"]: e for e in year_results(admin, year)["employees"]}["E004"]
    svc.open_period(admin, str(year), scope="positions:运营专员")
    for rater in svc.subject_detail(admin, str(year), "E004")["raters"]:
        svc.enter_scores(admin, str(year), "E004", rater["employee_no"], total=100)
    # nothing published yet: the year is still the months' mean
    assert {e["employee_no"]: e for e in year_results(admin, year)["employees"]}["E004"]["score"] == before["score"]
    from app.models.appraisal import AppraisalPeriod
    from app.db import transaction
    from sqlalchemy import select

    with transaction() as s:  # publish the annual period (the chain itself is tested in test_appraisal_workflow)
        period = s.execute(select(AppraisalPeriod).where(AppraisalPeriod.key == str(year))).scalar_one()
        period.state = "approved"
    after = {e["employee_no"]: e for e in year_results(admin, year)["employees"]}["E004"]
    blended = (Decimal("100") * 30 + Decimal(str(before["score"])) * 70) / 100
    assert abs(after["score"] - float(blended)) <= 0.01 and after["from"][-1] == str(year)
    policy.set_value(admin, "appraisal.year_from", "own")
    assert {e["employee_no"]: e for e in year_results(admin, year)["employees"]}["E004"]["score"] == 100.0


def test_scope_covers_a_chosen_group_and_refuses_unknown_positions(demo_db, admin):
    assert svc.open_period(admin, "2030-Q1", scope="managers")["people"] == 3  # E002, E003, E007
    assert svc.open_period(admin, "2030-01", scope="staff")["people"] == 11
    assert svc.open_period(admin, "2030-02", scope="positions:运营专员,美工")["people"] == 4
    with pytest.raises(ValidationError, match="不存在"):
        svc.open_period(admin, "2030-03", scope="positions:不存在")
    with pytest.raises(ValidationError):
        svc.open_period(admin, "2030-04", scope="everyone")
    assert "2030-03" not in [p["key"] for p in svc.list_periods(admin)]  # refused whole: nothing opened


def test_sheets_print_for_every_period_kind(year, admin, tmp_path):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent))
    from documents_helpers import pdf_text

    svc.open_period(admin, f"{year}-Q4", scope="managers")
    for rater in svc.subject_detail(admin, f"{year}-Q4", "E003")["raters"]:
        svc.enter_scores(admin, f"{year}-Q4", "E003", rater["employee_no"], total=88)
    documents.write_appraisal_sheets(admin, f"{year}-Q4", tmp_path / "q.pdf", per_person=False)
    assert "Quarterly Appraisal Sheet" in pdf_text(tmp_path / "q.pdf")
    documents.write_appraisal_sheets(admin, str(year), tmp_path / "y.pdf", per_person=False, employee_nos=["E004"])
    text = pdf_text(tmp_path / "y.pdf")
    score = {e["employee_no"]: e for e in year_results(admin, year)["employees"]}["E004"]["score"]
    assert "Annual Appraisal Sheet" in text and "The year rolled up" in text and f"{score:.2f}" in text
    with pytest.raises(NotFound):
        documents.write_appraisal_sheets(admin, "1999", tmp_path / "none.pdf", per_person=False)
