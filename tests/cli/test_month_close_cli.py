"""The month close commands on the demo department: close, the closed flag, confirm by PIN, the
confirmations list, reopen, and a dry run of a setting that writes nothing."""

import io
import json

from app.cli import main


def run(demo_db, capsys, *argv):
    code = main(["--db", str(demo_db.path), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_close_confirm_reopen_and_dry_run(demo_db, capsys, monkeypatch):
    code, out, _ = run(demo_db, capsys, "attendance", "close", "2026-10", "--yes")
    assert code == 0, out
    code, out, _ = run(demo_db, capsys, "attendance", "month", "2026-10", "--format", "json")
    month = json.loads(out)
    assert month["closed"] is True and month["closed_by"] and month["employees"]
    code, _, err = run(demo_db, capsys, "punch", "E004", "--at", "2026-10-30 19:41")
    assert code != 0 and "2026-10" in err  # the month is frozen
    monkeypatch.setattr("sys.stdin", io.StringIO("9999\n"))
    code, _, err = run(demo_db, capsys, "attendance", "confirm", "E004", "2026-10", "--pin-stdin")
    assert code != 0 and "PIN" in err
    monkeypatch.setattr("sys.stdin", io.StringIO("0004\n"))
    code, out, _ = run(demo_db, capsys, "attendance", "confirm", "E004", "2026-10", "--pin-stdin")
    assert code == 0 and "E004" in out
    code, out, _ = run(demo_db, capsys, "attendance", "confirmations", "2026-10", "--format", "json")
    answers = {p["employee_no"]: p["answer"] for p in json.loads(out)["people"]}
    assert answers["E004"] == "confirmed" and list(answers.values()).count("confirmed") == 1
    code, out, _ = run(demo_db, capsys, "policy", "set", "attendance.missing_punch_counts_as", "absence", "--dry-run")
    preview = json.loads(out)
    assert code == 0 and preview["month"] == "2026-10" and isinstance(preview["changes"], list)
    code, out, _ = run(demo_db, capsys, "policy", "list", "--format", "json")
    setting = next(r for r in json.loads(out) if r["key"] == "attendance.missing_punch_counts_as")
    assert setting["value"] == "missing"  # the dry run changed nothing
    code, _, err = run(demo_db, capsys, "attendance", "reopen", "2026-10", "--reason", "a paper punch came in")
    assert code == 0
    code, out, _ = run(demo_db, capsys, "attendance", "month", "2026-10", "--format", "json")
    assert json.loads(out)["closed"] is False
