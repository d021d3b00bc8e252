"""The attendance commands, run in-process against the demo department."""

import json
from datetime import datetime

import pytest

from app.cli import main


@pytest.fixture(autouse=True)
def _fixed_now(monkeypatch):
    """The commands run "today" = 2026-11-25, so the dates below stay past or future."""
    from app.services import leave, punches

    for module in (leave, punches):
        monkeypatch.setattr(module, "now", lambda: datetime(2026, 11, 25, 12, 0))


def run(demo_db, capsys, *argv):
    code = main(["--db", str(demo_db.path), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_punch_by_number_and_badge_then_list(demo_db, capsys):
    code, out, _ = run(demo_db, capsys, "punch", "E004", "--at", "2026-11-20 19:41")
    assert code == 0 and "E004" in out
    code, out, _ = run(demo_db, capsys, "punch", "--badge", "B01119253", "--at", "2026-11-20 19:41:30")
    assert code == 0 and "Already recorded" in out
    code, out, _ = run(demo_db, capsys, "punches", "list", "--employee", "E004", "--month", "2026-11", "--format", "json")
    rows = json.loads(out)
    assert [r["at"] for r in rows if r["at"].startswith("2026-11-20 19")] == ["2026-11-20 19:41:00"]
    code, _, err = run(demo_db, capsys, "punch", "--badge", "NOPE")
    assert code == 3 and "NOPE" in err


def test_import_file(demo_db, capsys, tmp_path):
    path = tmp_path / "clock.csv"
    path.write_text("AC-No.,Name,Time,State\nE005,Liu,2026/11/20 19:05:00,C/Out\n", encoding="utf-8")
    code, out, _ = run(demo_db, capsys, "punches", "import", str(path))
    assert code == 0 and "Imported 1" in out
    code, out, _ = run(demo_db, capsys, "punches", "import", str(path))
    assert "Imported 0" in out
    path.write_text("AC-No.,Time\nE999,2026/11/20 19:05:00\n", encoding="utf-8")
    code, _, err = run(demo_db, capsys, "punches", "import", str(path))
    assert code == 2 and "Row 2" in err


def test_leave_request_prints_the_id_and_approval_is_routed(demo_db, capsys):
    code, out, _ = run(demo_db, capsys, "leave", "request", "E005", "--type", "personal", "--start", "2026-12-02 08:30",
                       "--end", "2026-12-02 17:30", "--reason", "家事")
    assert code == 0 and out.strip().isdigit()
    rid = out.strip()
    code, _, err = run(demo_db, capsys, "leave", "approve", rid, "--by", "E004")  # a colleague may not
    assert code == 4 and "E003" in err
    code, _, _ = run(demo_db, capsys, "leave", "approve", rid, "--by", "E005")  # nor the person themself
    assert code == 4
    code, out, _ = run(demo_db, capsys, "leave", "approve", rid, "--by", "E003")  # the direct supervisor may
    assert code == 0
    code, _, err = run(demo_db, capsys, "leave", "request", "E005", "--type", "sick", "--start", "2026-12-03 08:30",
                       "--end", "2026-12-03 08:30")
    assert code == 2


def test_attendance_month_json_csv_xlsx(demo_db, capsys, tmp_path):
    code, out, _ = run(demo_db, capsys, "attendance", "month", "2026-10", "--format", "json")
    data = json.loads(out)
    assert data["month"] == "2026-10" and len(data["employees"]) == 15
    first = data["employees"][0]
    for key in ("employee_no", "name", "days_due", "days_present", "late_count", "late_minutes", "early_leave_count",
                "missing_punch_count", "absence_days", "leave_hours", "overtime_hours", "comp_hours_balance",
                "penalty_rmb", "flags"):
        assert key in first
    assert set(first["leave_hours"]) == {"personal", "sick", "marriage", "bereavement", "annual", "comp"}
    code, out, _ = run(demo_db, capsys, "attendance", "month", "2026-10", "--format", "csv")
    assert code == 0 and out.splitlines()[0].startswith("Employee no.,Name,Days due")
    code, _, _ = run(demo_db, capsys, "attendance", "month", "2026-10", "--format", "xlsx", "--out", str(tmp_path / "m.xlsx"))
    assert code == 0 and (tmp_path / "m.xlsx").exists()
    code, _, err = run(demo_db, capsys, "attendance", "month", "2026-13")
    assert code == 2 and "YYYY-MM" in err


def test_correction_is_filed_and_approved(demo_db, capsys):
    code, out, _ = run(demo_db, capsys, "punches", "correct", "E013", "--at", "2026-11-03 17:31", "--reason", "忘记打卡")
    assert code == 0 and out.strip().isdigit()
    code, out, _ = run(demo_db, capsys, "punches", "decide-correction", out.strip())
    assert code == 0
    code, out, _ = run(demo_db, capsys, "punches", "list", "--employee", "E013", "--month", "2026-11", "--format", "json")
    assert any(r["source"] == "correction" and r["at"] == "2026-11-03 17:31:00" for r in json.loads(out))
