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
