"""`punches import FILE --dry-run` prints the preview as JSON and writes nothing; the import then
writes exactly what the preview counted; `punches map` remembers a clock's user no."""

import json
from datetime import datetime

import pytest

from app.cli import main


@pytest.fixture(autouse=True)
def _fixed_now(monkeypatch):
    from app.services import punch_import, punches

    for module in (punches, punch_import):
        monkeypatch.setattr(module, "now", lambda: datetime(2026, 11, 25, 12, 0))


def run(demo_db, capsys, *argv):
    code = main(["--db", str(demo_db.path), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_dry_run_then_import_writes_what_the_preview_counted(demo_db, capsys, tmp_path):
    path = tmp_path / "2_attlog.dat"
    lines = [f"{'5':>9}\t2025-02-10 08:2{i}:0{i}\t1\t0\t1\t0" for i in range(3)]  # 08:20:00, 08:21:01, 08:22:02
    lines += [f"{'5':>9}\t2025-02-10 08:22:10\t1\t0\t1\t0", f"{'88':>9}\t2025-02-10 08:30:00\t1\t0\t1\t0"]
    path.write_text("\n".join(lines) + "\n", encoding="ascii")
    code, out, _ = run(demo_db, capsys, "punches", "import", str(path), "--dry-run")
    preview = json.loads(out)
    assert code == 2  # an unknown clock no. blocks the import
    assert preview["layout"] == "attlog" and preview["from"] == preview["to"] == "2025-02-10"
    assert preview["unknown"][0]["clock_no"] == "88"
    assert [(p["employee_no"], p["found"], p["new"], p["already"]) for p in preview["people"]] == [("E005", 4, 3, 1)]
    code, out, _ = run(demo_db, capsys, "punches", "list", "--employee", "E005", "--month", "2025-02", "--format", "json")
    assert json.loads(out) == []
    code, _, err = run(demo_db, capsys, "punches", "import", str(path))
    assert code == 2 and "88" in err and "Row 5" in err
    code, out, _ = run(demo_db, capsys, "punches", "map", "88", "E006")
    assert code == 0 and "E006" in out
    code, out, _ = run(demo_db, capsys, "punches", "import", str(path), "--dry-run")
    preview = json.loads(out)
    assert code == 0 and preview["new"] == 4
    code, out, _ = run(demo_db, capsys, "punches", "import", str(path), "--json")
    assert code == 0 and json.loads(out)["added"] == preview["new"]
    code, out, _ = run(demo_db, capsys, "punches", "list", "--month", "2025-02", "--format", "json")
    assert len(json.loads(out)) == 4


def test_a_file_in_no_layout_is_refused_with_the_layouts_tried(demo_db, capsys, tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("hello\nworld\n", encoding="utf-8")
    code, out, err = run(demo_db, capsys, "punches", "import", str(path), "--dry-run")
    assert code == 2 and "ZKTeco" in err and "Deli" in err and "Traceback" not in err + out


def test_report_forms_from_the_command_line(demo_db, capsys, tmp_path):
    for argv in (["roster", "2026-12"], ["handbook-receipt", "--version", "2026.2"], ["job-card", "运营专员"],
                 ["appraisal-form", "客服组/客服专员"]):
        out_file = tmp_path / f"{argv[0]}.pdf"
        code, out, err = run(demo_db, capsys, "report", *argv, "--out", str(out_file), "--json")
        assert code == 0 and json.loads(out)["pages"] >= 1 and out_file.read_bytes().startswith(b"%PDF"), err
    code, _, err = run(demo_db, capsys, "report", "job-card", "宇航员", "--out", str(tmp_path / "x.pdf"))
    assert code == 3 and "宇航员" in err
    code, _, err = run(demo_db, capsys, "report", "roster", "2026-12", "--out", str(tmp_path / "nope" / "r.pdf"))
    assert code == 2 and "nope" in err and "Traceback" not in err
    code, _, err = run(demo_db, capsys, "report", "leave", "abc", "--out", str(tmp_path / "l.pdf"))
    assert code == 2 and "abc" in err


def test_report_handover_from_the_command_line(demo_db, capsys, tmp_path):
    from app.db import open_database, set_current
    from app.services.context import Actor
    from app.services.handover import record_handover

    open_database(str(demo_db.path))
    handover_id = record_handover(Actor.system("test"), "E006", "E007", datetime(2026, 12, 9, 14, 0),
                                  datetime(2026, 12, 9, 15, 0), "仓库", "直播间控场")
    set_current(None)
    out_file = tmp_path / "handover.pdf"
    code, out, err = run(demo_db, capsys, "report", "handover", str(handover_id), "--out", str(out_file))
    assert code == 0 and out_file.exists() and str(handover_id) in out, err
    code, _, err = run(demo_db, capsys, "report", "handover", "9999", "--out", str(tmp_path / "x.pdf"))
    assert code == 3 and "9999" in err
