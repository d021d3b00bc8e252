"""What prints from the scheme library: the handbook's 绩效评定 chapter lists each position's scheme from the
templates in force, and a half-year sheet shows the structure of the scheme its template follows."""

import re

from app.services import appraisal as svc
from app.services import appraisal_schemes as schemes
from app.services import documents

from tests.app.documents_helpers import pdf_text


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_the_handbook_prints_each_positions_scheme(demo_db, admin, tmp_path):
    schemes.apply_scheme(admin, "kpi-50-50", ["运营专员"])
    schemes.apply_scheme(admin, "task-attitude-ability", ["运营经理"])
    out = documents.print_handbook(admin, tmp_path / "handbook.pdf", version="T1")
    text = _flat(pdf_text(out["path"]))
    assert "Appraisalschemeofeachposition" in text
    # 运营专员: the scheme's name, half-yearly, its two sections and the three raters
    assert _flat("员工关键/一般绩效考核（50/50）") in text
    assert "关键绩效指标50%" in text and "一般绩效指标50%" in text and "Half-yearly(JuneandDecember)" in text
    assert "Departmenthead70%" in text
    # 运营经理: task 55 / attitude 10 / ability 35, quarterly, gm 30 / leader 70
    assert "任务绩效55%" in text and "工作态度10%" in text and "工作能力35%" in text
    assert "Generalmanager30%" in text and "Supervisingleader70%" in text
    # a position still on its shipped template prints that one
    assert "数据分析师考核表" in text


def test_a_half_year_sheet_shows_the_schemes_structure(demo_db, admin, tmp_path):
    schemes.apply_scheme(admin, "kpi-50-50", ["运营专员"])
    svc.open_period(admin, "2026-H1")
    detail = svc.subject_detail(admin, "2026-H1", "E004")
    for rater in detail["raters"]:
        svc.enter_scores(admin, "2026-H1", "E004", rater["employee_no"], total=88)
    # laid out from the sheet data directly: printing other period kinds than months is issue 13's part
    from app.documents.appraisal_sheet import AppraisalSheet, write_sheets

    sheet = AppraisalSheet.from_dict(documents.sheet_fields(svc.sheet_data(admin, "2026-H1", "E004")))
    write_sheets([sheet], str(tmp_path / "sheets.pdf"), "示例电商")
    text = _flat(pdf_text(tmp_path / "sheets.pdf"))
    assert _flat("Template: 员工关键/一般绩效考核（50/50） · Half-yearly (June and December)") in text
    assert "关键绩效指标50%,一般绩效指标50%" in text
    assert "Finalscore88" in text


def test_the_blank_form_of_a_scheme_position_shows_its_raters_and_growth_rule(demo_db, admin, tmp_path):
    from app.services import forms

    schemes.apply_scheme(admin, "quarterly-growth", ["推广专员"])
    schemes.apply_scheme(admin, "kpi-360", ["运营经理"])
    forms.print_appraisal_form(admin, "推广组/推广专员", tmp_path / "growth.pdf")
    text = _flat(pdf_text(tmp_path / "growth.pdf"))
    assert "growthagainstthesameperiodlastyear:≥20%100,≥10%90" in text and "≥-10%40" in text
    forms.print_appraisal_form(admin, "运营组/运营经理", tmp_path / "360.pdf")
    text = _flat(pdf_text(tmp_path / "360.pdf"))
    assert "Peer" in text and "Subordinate" in text and "Supervisingleader" in text
