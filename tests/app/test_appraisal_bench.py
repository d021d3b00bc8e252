"""The bench data set's appraisal part: twelve locked months for everyone, scored as the app would."""

import random
from datetime import date

import pytest

from app.db import transaction
from app.services import appraisal as svc
from bench.dataset import BenchContext


def test_bench_seed_writes_twelve_scored_months(demo_db, admin):
    demo_keys = {p["key"] for p in svc.list_periods(admin)}
    ctx = BenchContext(end=date(2026, 10, 31), periods=12)
    with transaction() as s:
        summary = svc.bench_seed(s, random.Random(7), ctx)
    assert summary.startswith("12 monthly periods 2025-11…2026-10")
    periods = {p["key"]: p for p in svc.list_periods(admin)}
    months = [f"2025-{m}" for m in (11, 12)] + [f"2026-{m:02d}" for m in range(1, 11)]
    assert all(periods[k]["state"] == "locked" and periods[k]["scored"] == periods[k]["people"] == 14 for k in months)
    assert set(periods) == set(months) | demo_keys  # the demo's months in that year were replaced, not doubled
    for row in svc.period_results(admin, "2026-10"):
        sheet = svc.sheet_data(admin, "2026-10", row["employee_no"])
        weighted = sum(r["weight"] * r["score"] for r in sheet["raters"]) / 100
        assert sheet["score"] == pytest.approx(weighted, abs=0.01) and sheet["grade"]
        assert all(i["actual"] is not None for i in sheet["indicators"] if i["kind"] == "quantitative")
        assert len(sheet["trend"]) == 6
    report = svc.month_report(admin, "2026-10")
    assert sum(report["distribution"].values()) == 14
