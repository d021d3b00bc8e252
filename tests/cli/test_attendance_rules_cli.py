"""leave extend, handover record/list, and the payroll figures in `attendance month --format json`."""

import json
from datetime import datetime

import pytest

from app.cli import main


@pytest.fixture(autouse=True)
def _fixed_now(monkeypatch):
    from app.services import leave, punches

    for module in (leave, punches):
        monkeypatch.setattr(module, "now", lambda: datetime(2026, 11, 25, 12, 0))


def run(demo_db, capsys, *argv):
    code = main(["--db", str(demo_db.path), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_month_json_keeps_its_fields_and_adds_the_payroll_figures(demo_db, capsys):
    code, out, _ = run(demo_db, capsys, "attendance", "month", "2026-11", "--format", "json")
    rows = json.loads(out)["employees"]
    assert code == 0 and rows
    for key in ("days_due", "days_present", "late_count", "missing_punch_count", "absence_days", "leave_hours",
                "penalty_rmb", "flags", "paid_days", "unpaid_leave_hours"):
        assert key in rows[0]
    assert all(0 <= r["paid_days"] <= r["days_due"] for r in rows)


def test_leave_extend_before_and_after_the_end(demo_db, capsys):
    code, out, _ = run(demo_db, capsys, "leave", "request", "E005", "--type", "personal", "--start", "2026-12-08 08:30",
                       "--end", "2026-12-08 17:30", "--reason", "family")
    assert code == 0
    rid = out.strip()
    code, out, _ = run(demo_db, capsys, "leave", "extend", rid, "--end", "2026-12-09 12:00")
    assert code == 0 and int(out) > int(rid)
    # a sick leave growing past one day needs the certificate the first request did not have
    code, out, _ = run(demo_db, capsys, "leave", "request", "E006", "--type", "sick", "--start", "2026-12-08 08:30",
                       "--end", "2026-12-08 17:30", "--reason", "flu")
    code, _, err = run(demo_db, capsys, "leave", "extend", out.strip(), "--end", "2026-12-09 12:00")
    assert code != 0 and "certificate" in err
    code, out, err = run(demo_db, capsys, "leave", "extend", rid, "--end", "2026-12-08 12:00")
    assert code != 0 and "after the leave's end" in err
    code, _, err = run(demo_db, capsys, "leave", "extend", "1", "--end", "2026-12-30 12:00")
    assert code != 0 and "before the leave ends" in err and "Traceback" not in err


def test_handover_record_and_list(demo_db, capsys):
    code, out, _ = run(demo_db, capsys, "handover", "record", "E004", "--to", "E005", "--start", "2026-11-24 14:00",
                       "--back", "2026-11-24 15:30", "--place", "银行", "--items", "客服账号")
    assert code == 0
    code, out, _ = run(demo_db, capsys, "handover", "list", "2026-11")
    rows = json.loads(out)
    assert [(r["employee_no"], r["to_employee_no"], r["start"], r["back_at"], r["items"]) for r in rows] == [
        ("E004", "E005", "2026-11-24 14:00", "2026-11-24 15:30", "客服账号")]
    code, _, err = run(demo_db, capsys, "handover", "record", "E004", "--to", "E004", "--start", "2026-11-24 14:00",
                       "--back", "2026-11-24 15:30", "--items", "x")
    assert code != 0
