"""calendar show/import/set/clear, run in-process."""

import json

from app.cli import main


def run(db, capsys, *argv):
    code = main(["--db", str(db.path), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_show_import_set_clear(db, capsys, tmp_path):
    code, out, _ = run(db, capsys, "calendar", "show", "2027", "--format", "json")
    assert code == 0 and json.loads(out) == {"year": 2027, "complete": False, "days": []}
    path = tmp_path / "2027.csv"
    path.write_text("date,kind,name\n2027-01-01,holiday,元旦\n2027-02-06~2027-02-12,holiday,春节\n", encoding="utf-8")
    code, out, _ = run(db, capsys, "calendar", "import", str(path))
    assert code == 0 and "8" in out
    code, out, _ = run(db, capsys, "calendar", "set", "2027-02-20", "makeup", "--name", "春节")
    assert code == 0
    data = json.loads(run(db, capsys, "calendar", "show", "2027", "--format", "json")[1])
    assert data["complete"] is True and len(data["days"]) == 9
    assert data["days"][0] == {"date": "2027-01-01", "kind": "holiday", "name": "元旦", "source": "shop"}
    assert data["days"][-1] == {"date": "2027-02-20", "kind": "makeup", "name": "春节", "source": "shop"}
    assert run(db, capsys, "calendar", "clear", "2027-02-20")[0] == 0
    data = json.loads(run(db, capsys, "calendar", "show", "2027", "--format", "json")[1])
    assert len(data["days"]) == 8


def test_bad_input_exits_non_zero_and_changes_nothing(db, capsys, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("date,kind,name\n2027-01-01,holiday,元旦\n2027-02-12~2027-02-06,holiday,春节\n2027-02-30,rest,\n",
                    encoding="utf-8")
    code, _, err = run(db, capsys, "calendar", "import", str(path))
    assert code != 0 and "Row 3" in err and "Row 4" in err and "Traceback" not in err
    code, _, err = run(db, capsys, "calendar", "set", "2027-13-01", "holiday")
    assert code != 0 and "2027-13-01" in err
    code, _, err = run(db, capsys, "calendar", "set", "2027-01-01", "party")
    assert code != 0 and "party" in err
    assert json.loads(run(db, capsys, "calendar", "show", "2027", "--format", "json")[1])["days"] == []


def test_check_warns_about_next_years_holidays_without_failing(db, capsys, monkeypatch):
    from datetime import datetime

    from app.services import calendar

    monkeypatch.setattr(calendar, "now", lambda: datetime(2026, 11, 2, 9, 0))
    code, out, _ = run(db, capsys, "check")
    assert code == 0 and "The holidays of 2027 are not entered yet" in out
    run(db, capsys, "calendar", "set", "2027-01-01", "holiday", "--name", "元旦")
    code, out, _ = run(db, capsys, "check")
    assert code == 0 and "2027" not in out
    monkeypatch.setattr(calendar, "now", lambda: datetime(2026, 10, 31, 9, 0))
    run(db, capsys, "calendar", "clear", "2027-01-01")
    assert "2027" not in run(db, capsys, "check")[1]  # before November: no warning yet
