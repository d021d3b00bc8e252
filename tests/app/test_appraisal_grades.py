"""One set of grade names: the catalogue, and the window's rows, the printed sheet, the handbook and the
CLI JSON all reading it; the monthly label is its own word."""

import sys
from pathlib import Path

import pytest

from app.i18n import set_language
from app.rules.grades import catalogue
from app.services import appraisal as svc
from app.services import documents, policy

sys.path.insert(0, str(Path(__file__).parent))
from documents_helpers import pdf_text  # noqa: E402


@pytest.fixture
def chinese():
    set_language("zh_CN")
    yield
    set_language("en")


def test_five_and_four_grade_names_in_both_languages(chinese):
    five = catalogue({})
    assert [five.text(g) for g in "ABCDE"] == ["A 优秀", "B 良好", "C 好", "D 合格", "E 较差"]
    four = catalogue({"appraisal.grade_scheme": "four"})
    assert [four.name(g) for g in "ABCD"] == ["超出目标", "达到目标", "接近目标", "远低于目标"]
    assert five.label("qualified") == "合格" and five.label("excellent") == "月度优秀"
    set_language("en")
    assert catalogue({}).text("B") == "B Good" and catalogue({}).label("needs_improvement") == "Needs improvement"


def test_a_shops_own_names_replace_the_standard_ones_only_when_complete():
    assert catalogue({"appraisal.grade_names_five": "卓越，优良、中等,及格,差"}).name("C") == "中等"
    assert catalogue({"appraisal.grade_names_five": "卓越,优良"}).name("C") == "Fair"  # incomplete: standard names


def test_handbook_band_text_follows_the_scheme_in_force(chinese):
    five = catalogue({}).bands_text()
    assert five.startswith("A ≥ 90 (优秀)") and "B 80–89 (良好)" in five and five.endswith("E < 60 (较差)")
    four = catalogue({"appraisal.grade_scheme": "four"}).bands_text()
    assert "C 60–79 (接近目标)" in four and "D < 60 (远低于目标)" in four


@pytest.fixture
def scored(demo_db, admin):
    key = svc.list_periods(admin)[1]["key"]  # the last locked month
    return key


def test_window_rows_and_month_json_carry_grade_name_and_label_name_apart(scored, admin, chinese):
    rows = {r["employee_no"]: r for r in svc.period_results(admin, scored)}
    for r in rows.values():
        assert r["grade_text"] == f"{r['grade']} {catalogue({}).name(r['grade'])}"
        assert r["label_name"] and r["label_name"] not in r["grade_text"].split(" ", 1)[0]
    report = svc.month_report(admin, scored)
    e = report["employees"][0]
    assert {"grade", "label", "grade_name", "label_name"} <= set(e)
    assert e["grade_name"] == catalogue({}).name(e["grade"])


def test_sheet_pdf_prints_the_grade_name_and_the_monthly_label_as_separate_words(scored, admin, tmp_path, chinese):
    row = next(r for r in svc.period_results(admin, scored) if r["grade"] == "B")
    out = tmp_path / "sheet.pdf"
    documents.write_appraisal_sheets(admin, scored, out, per_person=False, employee_nos=[row["employee_no"]])
    text = pdf_text(out)
    assert f"B {catalogue({}).name('B')}" in text  # B 良好
    assert "月度评价" in text and row["label_name"] in text
    assert "B（合格）" not in text and "B · 合格" not in text


def test_handbook_prints_the_four_grade_scheme_when_set(demo_db, admin, tmp_path, chinese):
    policy.set_value(admin, "appraisal.grade_scheme", "four")
    documents.print_handbook(admin, tmp_path / "hb.pdf")
    text = pdf_text(tmp_path / "hb.pdf").replace("\n", "")
    assert "超出目标" in text and "远低于目标" in text and "强制分布" in text
    assert "较差" not in text
