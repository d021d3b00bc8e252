"""`appraisal scheme list / apply` from the command line."""

import json

from app.cli import main
from app.services.appraisal_templates import get_template


def run(demo_db, capsys, *args):
    code = main(["--db", str(demo_db.path), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_scheme_list_json(demo_db, capsys):
    code, out, _err = run(demo_db, capsys, "appraisal", "scheme", "list", "--format", "json")
    assert code == 0
    rows = {r["key"]: r for r in json.loads(out)}
    assert list(rows)[0] == "monthly-100"
    assert set(rows["kpi-50-50"]) == {"key", "name", "period", "sections", "raters"}
    assert rows["kpi-50-50"]["period"] == "half"
    assert rows["kpi-50-50"]["sections"] == [{"name": "Key indicators", "weight": 50},
                                             {"name": "General indicators", "weight": 50}]
    assert rows["kpi-360"]["raters"] == [{"role": "leader", "weight": 50}, {"role": "peer", "weight": 20},
                                         {"role": "subordinate", "weight": 30}, {"role": "self", "weight": 0}]
    code, out, _err = run(demo_db, capsys, "--lang", "zh_CN", "appraisal", "scheme", "list", "--format", "json")
    assert json.loads(out)[0]["name"] == "月度百分制考核"


def test_scheme_apply_and_its_refusals(demo_db, capsys, admin):
    code, out, _err = run(demo_db, capsys, "appraisal", "scheme", "apply", "kpi-50-50", "--positions", "运营专员,美工")
    assert code == 0 and "运营组/运营专员" in out and "version 2" in out
    # the positions follow the scheme's four grades; the shop's setting (five) grades everyone else
    assert "four grades (A–D)" in out and "everyone else with five grades (A–E)" in out
    assert get_template(admin, "美工组", "美工")["scheme"] == "kpi-50-50"

    code, out, err = run(demo_db, capsys, "appraisal", "scheme", "apply", "kpi-60-40", "--positions", "运营经理,品牌总监")
    assert code == 3 and "品牌总监" in err and "nothing was changed" in err
    assert get_template(admin, "运营组", "运营经理").get("scheme") is None
    code, out, err = run(demo_db, capsys, "appraisal", "scheme", "apply", "kpi-99", "--positions", "运营经理")
    assert code == 3 and "kpi-99" in err and "kpi-50-50" in err


def test_scheme_show(demo_db, capsys):
    code, out, _err = run(demo_db, capsys, "--lang", "zh_CN", "appraisal", "scheme", "show", "quarterly-growth")
    assert code == 0 and out.startswith("季度薪酬绩效考核（销售增长）")
    assert "销售增长 40% · 销售额增长率 100%" in out and "无基数" in out
    code, out, _err = run(demo_db, capsys, "appraisal", "scheme", "show", "kpi-50-50", "--format", "json")
    assert json.loads(out)["sections"][0]["weight"] == 50


def test_opening_a_period_without_the_growth_base_period_is_refused(demo_db, capsys, admin):
    from app.services import appraisal as svc

    code, _out, _err = run(demo_db, capsys, "appraisal", "scheme", "apply", "quarterly-growth", "--positions", "运营专员")
    assert code == 0
    code, out, err = run(demo_db, capsys, "appraisal", "open", "2026-Q3")
    assert code == 2 and "2025-Q3" in err and "销售额增长率" in err and "Traceback" not in err
    assert all(p["key"] != "2026-Q3" for p in svc.list_periods(admin))
