"""`appraisal scores import` and `appraisal month` from the command line."""

import json

import pytest

from app.cli import main
from app.services import appraisal as svc


@pytest.fixture
def current(demo_db, admin):
    return svc.list_periods(admin)[0]["key"]


def run(demo_db, capsys, *args):
    code = main(["--db", str(demo_db.path), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_bad_file_imports_nothing_and_lists_its_bad_rows(demo_db, capsys, tmp_path, admin, current):
    f = tmp_path / "scores.csv"
    f.write_text("period,employee_no,rater_no,rater_role,score\n"
                 f"{current},E004,E002,leader,88\n"
                 f"{current},E004,E004,head,90\n"
                 f"{current},E004,E003,head,100.01\n"
                 f"{current},E099,E003,head,80\n"
                 f"{current},E004,E005,leader,80\n", encoding="utf-8")
    code, _out, err = run(demo_db, capsys, "appraisal", "scores", "import", str(f))
    assert code == 2
    assert "Row 3: E004 rates themselves as head" in err
    assert "Row 4: score 100.01 is outside 0-100" in err
    assert "Row 5: employee no. E099 does not exist" in err
    assert "Row 6: E005 is not the leader of E004" in err
    assert "Row 2" not in err
    assert svc.subject_detail(admin, current, "E004")["raters"][1]["typed_total"] is None


def test_import_totals_then_month_json(demo_db, capsys, tmp_path, current):
    f = tmp_path / "scores.csv"
    f.write_text("期间,工号,评分人工号,评分角色,分数\n"
                 f"{current},E004,E001,gm,70\n{current},E004,E002,leader,80\n"
                 f"{current},E004,E003,head,90\n{current},E004,E004,self,99\n", encoding="utf-8")
    code, out, _err = run(demo_db, capsys, "appraisal", "scores", "import", str(f))
    assert code == 0 and "Imported 4 scores for 1 people" in out
    code, out, _err = run(demo_db, capsys, "appraisal", "month", current, "--format", "json")
    data = json.loads(out)
    assert set(data) == {"period", "employees", "distribution", "violations"}
    e004 = next(e for e in data["employees"] if e["employee_no"] == "E004")
    assert e004 == {"employee_no": "E004", "name": "张雨桐", "score": 86.0, "grade": "B", "label": "qualified", "flags": [],
                    "grade_name": "Good", "label_name": "Qualified"}
    assert data["distribution"] == {"A": 0, "B": 1, "C": 0, "D": 0, "E": 0}


def test_indicator_level_import_from_xlsx(demo_db, capsys, tmp_path, admin, current):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["period", "employee_no", "rater_no", "rater_role", "score", "indicator"])
    ws.append([current, "E004", "E003", "head", 90, "attitude"])
    ws.append([current, "E004", "E003", "head", 80, "no_such"])
    path = tmp_path / "scores.xlsx"
    wb.save(path)
    code, _out, err = run(demo_db, capsys, "appraisal", "scores", "import", str(path))
    assert code == 2 and "Row 3: indicator no_such is not in 张雨桐's template" in err
    ws.delete_rows(3)
    wb.save(path)
    assert run(demo_db, capsys, "appraisal", "scores", "import", str(path))[0] == 0
    assert svc.subject_detail(admin, current, "E004")["raters"][2]["scores"] == {"attitude": 90.0}


def test_month_text_and_locked_import(demo_db, capsys, tmp_path, admin):
    last = svc.list_periods(admin)[1]["key"]
    code, out, _err = run(demo_db, capsys, "appraisal", "month", last)
    assert code == 0 and "Star employee" in out
    f = tmp_path / "late.csv"
    f.write_text(f"period,employee_no,rater_no,rater_role,score\n{last},E004,E002,leader,88\n", encoding="utf-8")
    code, _out, err = run(demo_db, capsys, "appraisal", "scores", "import", str(f))
    assert code == 2 and "Row 2: period" in err
    code, _out, err = run(demo_db, capsys, "appraisal", "month", "2026-13")
    assert code == 2
