"""The PDF renderers with synthetic data: read back with pypdf, rendered with pdftoppm."""

from __future__ import annotations

from datetime import date

import pytest

from app.documents import samples
from app.documents.appraisal_sheet import AppraisalSheet, IndicatorLine, write_sheets
from app.documents.attendance_report import AttendanceReport, write_report
from app.i18n import set_language
from documents_helpers import all_fonts, embedded_fonts, ink_fraction, page_size, pdf_pages, pdf_text


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language("en")


def test_appraisal_sheets_carry_names_scores_grades_one_page_each(tmp_path):
    sheets = [samples.appraisal_sheet(i) for i in range(3)]
    out = tmp_path / "sheets.pdf"
    assert write_sheets(sheets, str(out), "示例电商有限公司") == 3
    pages = pdf_pages(out)
    assert len(pages) == 3
    for sheet, text in zip(sheets, pages):
        assert sheet.name in text and sheet.employee_no in text
        assert f"{sheet.final_score:.2f}".rstrip("0").rstrip(".") in text
        assert f"{sheet.grade} {sheet.grade_label}" in text
        assert "Page 1 of 1" in text  # each person's sheet is numbered on its own
        assert "2026-11-17" in text  # appeal deadline
        for ind in sheet.indicators:
            assert ind.name in text


def test_long_sheet_breaks_across_pages_numbered_within_the_person(tmp_path):
    long = samples.appraisal_sheet(0)
    long.indicators = [IndicatorLine(f"指标{i:02d}", 2.5, "100%", "95%", 2.3, "关键绩效指标") for i in range(40)]
    short = samples.appraisal_sheet(1)
    out = tmp_path / "two.pdf"
    pages = write_sheets([long, short], str(out), "公司")
    texts = pdf_pages(out)
    assert pages == len(texts) >= 3
    assert "Page 1 of 2" in texts[0] and "Page 2 of 2" in texts[1]
    assert "指标39" in texts[1]
    assert "# Indicator" in texts[1] and "Indicator" in texts[1]  # table header repeated on the new page
    assert short.name in texts[2] and "Page 1 of 1" in texts[2]


def test_sheet_without_scores_prints_dashes_and_draft(tmp_path):
    sheet = AppraisalSheet(period_key="2026-10", employee_no="E100", name="空白", final=False,
                           trend=[("9月", None), ("10月", None)])
    out = tmp_path / "empty.pdf"
    write_sheets([sheet], str(out), "公司")
    text = pdf_text(out)
    assert "(draft)" in text and "No indicators were set for this period." in text
    assert "No attendance figures for this month." in text


def test_font_is_embedded_and_page_one_is_not_blank(tmp_path):
    out = tmp_path / "one.pdf"
    write_sheets([samples.appraisal_sheet(4)], str(out), "示例电商有限公司")
    assert any("WenQuanYi" in name for name in embedded_fonts(out))
    assert all_fonts(out) == embedded_fonts(out)  # nothing left for the reader's PC to substitute
    assert ink_fraction(out, tmp_path) > 0.02


def test_progress_reports_each_sheet_and_cancel_stops_the_build(tmp_path):
    seen = []
    write_sheets([samples.appraisal_sheet(i) for i in range(4)], str(tmp_path / "p.pdf"), "公司",
                 lambda d, t: seen.append((d, t)))
    assert seen[-1] == (4, 4) and (0, 4) in seen

    class Stop(Exception):
        pass

    def cancel(done, total):
        if done >= 2:
            raise Stop

    with pytest.raises(Stop):
        write_sheets([samples.appraisal_sheet(i) for i in range(4)], str(tmp_path / "c.pdf"), "公司", cancel)


def test_attendance_report_is_landscape_with_totals_and_grid(tmp_path):
    report = samples.attendance_report(people=15)
    out = tmp_path / "att.pdf"
    pages = write_report(report, str(out), "示例电商有限公司", "电商运营部", generated=date(2026, 11, 2))
    width, height = page_size(out)
    assert width > height  # A4 landscape
    texts = pdf_pages(out)
    assert pages == len(texts) == 2
    assert all(r.name in texts[0] for r in report.rows)
    assert "Total" in texts[0] and "15 people" in texts[0]
    total_late = sum(r.late_count for r in report.rows)
    assert str(total_late) in texts[0]
    assert "Month grid" in texts[1] and "Page 2 of 2" in texts[1]
    assert ink_fraction(out, tmp_path) > 0.02


def test_attendance_report_of_50_people_repeats_the_header_on_each_page(tmp_path):
    report = samples.attendance_report(people=50)
    out = tmp_path / "att50.pdf"
    write_report(report, str(out), "公司")
    texts = pdf_pages(out)
    assert len(texts) >= 4
    grid_pages = [t for t in texts if "31" in t and report.rows[0].name not in t or "Month grid" in t]
    assert grid_pages
    assert all("Name" in t for t in texts)  # header row on every page of both tables
    assert all(f"of {len(texts)}" in t for t in texts)


def test_empty_attendance_month_says_so(tmp_path):
    out = tmp_path / "none.pdf"
    write_report(AttendanceReport(2026, 2), str(out), "公司")
    assert "Nobody was scheduled in this month." in pdf_text(out)


def test_chinese_labels_in_zh_cn(tmp_path):
    set_language("zh_CN")
    out = tmp_path / "zh.pdf"
    write_sheets([samples.appraisal_sheet(2)], str(out), "示例电商有限公司")
    text = pdf_text(out)
    assert "月度绩效考核表" in text and "第 1 页 / 共 1 页" in text and "员工签字" in text
