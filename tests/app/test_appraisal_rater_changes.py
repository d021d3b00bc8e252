"""Raters a manager can change: replacing a rater for one person in one period (with a note), the
period-level delegation 总经理授权分管领导, and opening a period with the delegation; all audited."""

import pytest
from sqlalchemy import select

from app.db import reading
from app.errors import ValidationError
from app.models.audit import AuditEntry
from app.services import appraisal as svc
from app.services.appraisal_raters import replace_rater, set_delegation


def _raters(admin, key, no):
    return {r["employee_no"]: (r["roles"], r["weight"]) for r in svc.subject_detail(admin, key, no)["raters"]}


@pytest.fixture
def period(demo_db, admin):
    svc.open_period(admin, "2030-01")
    return "2030-01"


def test_a_transferred_employees_new_head_rates_after_consulting_the_former_one(period, admin):
    replace_rater(admin, period, "E004", "head", "E007", "孙佳怡 takes over; consulted 王浩然 on October.")
    assert _raters(admin, period, "E004") == {"E001": (["gm"], 10.0), "E002": (["leader"], 20.0),
                                              "E007": (["head"], 70.0)}
    svc.enter_scores(admin, period, "E004", "E001", total=80)
    svc.enter_scores(admin, period, "E004", "E002", total=80)
    with pytest.raises(ValidationError):  # the former head no longer rates
        svc.enter_scores(admin, period, "E004", "E003", total=10)
    assert svc.enter_scores(admin, period, "E004", "E007", total=90)["score"] == 87.0
    with reading() as s:
        entry = s.execute(select(AuditEntry).where(AuditEntry.action == "appraisal.rater_replace")).scalar_one()
    assert "consulted" in entry.after["note"] and entry.after["rater"] == "E007"


def test_replacing_splits_merged_roles_and_refuses_bad_input(period, admin):
    # 马天宇: 陈志远 holds gm + leader (30 %); a new leader takes 20 % of it
    replace_rater(admin, period, "E014", "leader", "E003", "分管领导调整")
    assert _raters(admin, period, "E014") == {"E001": (["gm"], 10.0), "E003": (["leader"], 20.0),
                                              "E002": (["head"], 70.0)}
    with pytest.raises(ValidationError, match="themselves"):
        replace_rater(admin, period, "E004", "head", "E004", "x")
    with pytest.raises(ValidationError):
        replace_rater(admin, period, "E004", "boss", "E003", "x")
    with pytest.raises(ValidationError, match="note"):
        replace_rater(admin, period, "E004", "head", "E007", " ")


def test_delegation_moves_the_gm_part_to_the_leader_for_everyone(period, admin):
    result = set_delegation(admin, period, True)
    assert result["gm_delegated"] and result["people"] > 0
    assert _raters(admin, period, "E004") == {"E002": (["leader"], 30.0), "E003": (["head"], 70.0)}
    assert _raters(admin, period, "E003") == {"E002": (["leader"], 100.0)}
    set_delegation(admin, period, False)
    assert _raters(admin, period, "E004")["E001"] == (["gm"], 10.0)
    svc.open_period(admin, "2030-02", delegate_gm=True)
    assert "E001" not in _raters(admin, "2030-02", "E008")


def test_a_360_template_brings_peers_and_the_import_accepts_the_role_only_where_it_exists(demo_db, admin, tmp_path):
    from app.errors import ImportRejected
    from app.services import appraisal_templates as templates
    from app.services.appraisal_import import import_scores

    body = templates.get_template(admin, "运营组", "运营经理")
    body["raters"] = {"gm": 30, "leader": 50, "peer": 20}
    templates.save_template(admin, "运营组", "运营经理", body)
    svc.open_period(admin, "2030-03")
    # 王浩然's peers: the other middle managers under 林晓雯 (孙佳怡)
    assert _raters(admin, "2030-03", "E003") == {"E001": (["gm"], 30.0), "E002": (["leader"], 50.0),
                                                 "E007": (["peer"], 20.0)}
    bad = tmp_path / "bad.csv"
    bad.write_text("period,employee_no,rater_no,rater_role,score\n2030-03,E003,E007,peer,88\n"
                   "2030-03,E004,E007,同级,90\n2030-03,E004,E002,boss,90\n", encoding="utf-8")
    with pytest.raises(ImportRejected) as refused:
        import_scores(admin, bad)
    text = " ".join(e.reason for e in refused.value.rows)
    assert "template 运营专员考核表 has no peer raters" in text and "boss" in text
    good = tmp_path / "good.csv"
    good.write_text("period,employee_no,rater_no,rater_role,score\n2030-03,E003,E007,同级,88\n", encoding="utf-8")
    assert import_scores(admin, good)["scores"] == 1
