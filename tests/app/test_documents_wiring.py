"""The printed documents read the real areas: appraisal sheets from the demo department's scores."""

from pypdf import PdfReader

from app.services import appraisal, documents


def test_appraisal_sheets_print_the_demo_scores(demo_db, admin, tmp_path):
    period = appraisal.list_periods(admin)
    locked = next(p for p in period if p["state"] == "locked")["key"]
    results = {r["employee_no"]: r for r in appraisal.period_results(admin, locked)}
    out = tmp_path / "sheets.pdf"
    info = documents.write_appraisal_sheets(admin, locked, out, per_person=False)
    reader = PdfReader(out)
    assert info["sheets"] == len(results) and len(reader.pages) >= len(results)
    text = "\n".join(page.extract_text() for page in reader.pages)
    e004 = results["E004"]
    assert "张雨桐" in text and f"{e004['score']:.2f}" in text and e004["grade"] in text
    assert "王浩然" in text  # E004's leader is among the raters


def test_attendance_report_prints_the_monthly_summary(demo_db, demo_today, admin, tmp_path):
    from app.services import attendance

    year, month = demo_today.year, demo_today.month  # the demo's absences are in its month
    summary = {r["employee_no"]: r for r in attendance.monthly_summary(admin, year, month)}
    out = tmp_path / "attendance.pdf"
    info = documents.write_attendance_report(admin, year, month, out)
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    assert info["people"] == len(summary) and "张雨桐" in text and "运营组" in text
    absent = [r for r in summary.values() if r["absence_days"]]
    assert absent, "the demo month has an absence"
    assert f"{absent[0]['absence_days']:g}" in text


def test_handbook_prints_the_attendance_settings_in_force(demo_db, admin, tmp_path):
    from app.services import policy

    policy.set_value(admin, "attendance.penalties_rmb", "150, 400")
    policy.set_value(admin, "attendance.long_absence_minutes", "45")
    out = tmp_path / "handbook.pdf"
    documents.print_handbook(admin, out)
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert "150" in text and "400" in text and "45 minutes" in text
