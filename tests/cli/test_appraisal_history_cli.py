"""`appraisal history` / `appraisal decide` and `report interview|appeal|annual-report` from the command line."""

import json
from datetime import date

import pytest
from pypdf import PdfReader

from app.cli import main
from app.services import appraisal as svc
from app.services import appraisal_feedback as fb
from tests.app.appraisal_history_helpers import publish


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    """History is read as of the demo's day, never today's."""
    from app.services import appraisal_core as core

    monkeypatch.setattr(core, "today", lambda: date(2026, 11, 25))


def run(demo_db, capsys, *args):
    code = main(["--db", str(demo_db.path), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_history_json_shows_results_flags_and_the_decision(demo_db, capsys):
    for y in (2023, 2024, 2025):
        publish(str(y), {"E004": 95.0})
    code, out, err = run(demo_db, capsys, "appraisal", "decide", "E004", "2025", "salary_step", "--outcome",
                         "carried_out", "--note", "2026-04 起升一级", "--by", "E015", "--on", "2026-03-20")
    assert code == 0, err
    code, out, err = run(demo_db, capsys, "appraisal", "history", "E004", "--until", "2025", "--format", "json")
    assert code == 0, err
    view = json.loads(out)
    assert [y["year"] for y in view["years"]] == [2025, 2024, 2023, 2022, 2021]
    flags = {f["flag"]: f for f in view["years"][0]["flags"]}
    assert set(flags) == {"salary_step", "open_ended_contract"}
    assert (flags["salary_step"]["decision"]["by"], flags["salary_step"]["decision"]["by_name"]) == ("fengyq", "冯雅琴")
    assert flags["salary_step"]["decision"]["decided_on"] == "2026-03-20"
    assert flags["open_ended_contract"]["decision"] is None


def test_bad_commands_say_what_to_fix_and_change_nothing(demo_db, capsys):
    publish("2025", {"E004": 95.0})
    code, _out, err = run(demo_db, capsys, "appraisal", "decide", "E004", "2025", "salary_step", "--outcome",
                          "carried_out", "--by", "E002")  # a manager may not decide
    assert code != 0 and "Traceback" not in err and err.strip()
    code, _out, err = run(demo_db, capsys, "appraisal", "decide", "E004", "2025", "open_ended_contract", "--outcome",
                          "carried_out", "--by", "E015")  # one year of A raises no contract flag
    assert code != 0 and "E004" in err
    code, _out, err = run(demo_db, capsys, "appraisal", "history", "E999", "--format", "json")
    assert code != 0 and "E999" in err
    code, _out, err = run(demo_db, capsys, "appraisal", "history", "E004", "--until", "twenty")
    assert code != 0 and "twenty" in err
    code, out, err = run(demo_db, capsys, "appraisal", "history", "E004", "--until", "2025", "--format", "json")
    assert all(f["decision"] is None for y in json.loads(out)["years"] for f in y["flags"])


def test_the_three_feedback_records_print(demo_db, capsys, tmp_path, admin, actor_for):
    key = svc.list_periods(admin)[1]["key"]
    fb.save_interview(actor_for("wanghr"), key, "E004", {"goals": "目标", "process": "过程", "feedback": "反馈",
                                                          "improvement": "改进"},
                      [{"action": "复盘", "owner": "E004", "follow_up": "2026-12-01"}], held_on=date(2026, 11, 8))
    appeal = fb.file_appeal(actor_for("zhangyt"), key, "统计有误。", on=date(2026, 11, 6))
    publish("2026", {}, state="entry")
    fb.save_annual_report(actor_for("zhangyt"), "2026", "全年述职。")
    for args, name in ((["interview", key, "E004"], "i.pdf"), (["appeal", str(appeal["id"])], "a.pdf"),
                       (["annual-report", "2026", "E004"], "r.pdf")):
        code, out, err = run(demo_db, capsys, "report", *args, "--out", str(tmp_path / name), "--json")
        assert code == 0, err
        assert json.loads(out)["pages"] == len(PdfReader(str(tmp_path / name)).pages) >= 1
    code, _out, err = run(demo_db, capsys, "report", "interview", key, "E005", "--out", str(tmp_path / "x.pdf"))
    assert code != 0 and "E005" in err and not (tmp_path / "x.pdf").exists()
    code, _out, err = run(demo_db, capsys, "report", "appeal", "abc", "--out", str(tmp_path / "y.pdf"))
    assert code != 0 and "abc" in err
