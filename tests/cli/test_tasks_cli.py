"""tasks list / add / import / stats from the command line."""

import json

from app.cli import main


def run(db, capsys, *argv):
    code = main(["--db", str(db.path), *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_add_list_and_stats(demo_db, capsys):
    code, out, _ = run(demo_db, capsys, "tasks", "add", "商品上架：围巾", "--assignee", "E005", "--due", "2026-12-01",
                       "--template", "商品上架流程")
    assert code == 0 and "商品上架：围巾" in out
    code, out, _ = run(demo_db, capsys, "tasks", "list", "--assignee", "E005", "--format", "json")
    cards = json.loads(out)
    added = next(c for c in cards if c["title"] == "商品上架：围巾")
    assert added["due_date"] == "2026-12-01" and added["steps_total"] == 5 and added["assignee_no"] == "E005"
    assert {c["assignee_no"] for c in cards} == {"E005"}
    code, out, _ = run(demo_db, capsys, "tasks", "stats", "2026-11", "--format", "json")
    rows = json.loads(out)
    assert code == 0 and {"employee_no", "name", "done", "on_time_rate", "avg_cycle_days", "sent_back"} <= set(rows[0])


def test_bad_input_exits_non_zero_with_a_message(demo_db, capsys):
    code, _, err = run(demo_db, capsys, "tasks", "add", "x", "--assignee", "E999")
    assert code == 2 and "E999" in err
    code, _, err = run(demo_db, capsys, "tasks", "stats", "2026-13")
    assert code == 2 and "YYYY-MM" in err
    code, _, err = run(demo_db, capsys, "tasks", "add", "x", "--assignee", "E004", "--template", "无")
    assert code == 2


def test_import_lists_bad_rows_and_imports_nothing(demo_db, capsys, tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("标题,负责人工号\n好任务,E004\n坏任务,E404\n", encoding="utf-8")
    code, _, err = run(demo_db, capsys, "tasks", "import", str(path))
    assert code == 2 and "3" in err and "E404" in err
    code, out, _ = run(demo_db, capsys, "tasks", "list", "--format", "json")
    assert "好任务" not in out
    path.write_text("标题,负责人工号\n好任务,E004\n", encoding="utf-8")
    code, out, _ = run(demo_db, capsys, "tasks", "import", str(path))
    assert code == 0 and "1" in out
