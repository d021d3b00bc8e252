"""`appraisal add-rater` and `appraisal mutual vote / results` from the command line."""

import io
import json

from app.cli import main
from app.services import appraisal as svc


def run(demo_db, capsys, *args):
    code = main(["--db", str(demo_db.path), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_add_rater_and_the_mutual_rating(demo_db, capsys, admin, monkeypatch):
    svc.open_period(admin, "2030-01")
    code, out, _err = run(demo_db, capsys, "appraisal", "add-rater", "2030-01", "E004", "head", "E007", "--note", "共同评分")
    assert code == 0 and "E007" in out
    assert [r["weight"] for r in svc.subject_detail(admin, "2030-01", "E004")["raters"] if r["roles"] == ["head"]] == [70.0, 70.0]
    code, _out, err = run(demo_db, capsys, "appraisal", "add-rater", "2030-01", "E004", "peer", "E005", "--note", "x")
    assert code != 0 and "no peer rater" in err
    monkeypatch.setattr("sys.stdin", io.StringIO("demo1234\n"))  # the login reads the password's line
    code, out, _err = run(demo_db, capsys, "appraisal", "mutual", "vote", "2030-01", "E005=92", "E006=81.5", "--user", "zhangyt")
    assert code == 0 and "2" in out
    monkeypatch.setattr("sys.stdin", io.StringIO("demo1234\n"))
    code, _out, err = run(demo_db, capsys, "appraisal", "mutual", "vote", "2030-01", "E005=101", "--user", "linxw")
    assert code != 0 and "E005" in err and "0 to 100" in err
    code, out, _err = run(demo_db, capsys, "appraisal", "mutual", "results", "2030-01", "--format", "json")
    result = json.loads(out)
    assert code == 0 and result["ballots"] == 1
    assert {p["employee_no"]: p["mean"] for p in result["people"] if p["mean"] is not None} == {"E005": 92.0, "E006": 81.5}
