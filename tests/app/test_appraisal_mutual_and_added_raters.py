"""Adding a rater beside the present one (they share the role's weight) and the anonymous all-staff
mutual rating (互评): a reference for choosing 先进, never counted, never saying who rated."""

import pytest
from sqlalchemy import select

from app.db import reading
from app.errors import ConflictError, ImportRejected, PermissionDenied, ValidationError
from app.models.appraisal_mutual import AppraisalMutualRating
from app.models.audit import AuditEntry
from app.services import appraisal as svc
from app.services.appraisal_import import import_scores
from app.services.appraisal_mutual import cast_mutual_ratings, mutual_ballot, mutual_results
from app.services.appraisal_raters import add_rater, rater_choices, replace_rater, set_delegation


def _raters(admin, key, no):
    return {r["employee_no"]: (r["roles"], r["weight"], r["group"]) for r in svc.subject_detail(admin, key, no)["raters"]}


@pytest.fixture
def period(demo_db, admin):
    svc.open_period(admin, "2030-01")
    return "2030-01"


def test_the_former_head_rates_beside_the_new_one_and_they_share_the_heads_weight(period, admin):
    add_rater(admin, period, "E004", "head", "E007", "调岗：原部门负责人孙佳怡与新负责人共同评分")
    assert _raters(admin, period, "E004") == {"E001": (["gm"], 10.0, ""), "E002": (["leader"], 20.0, ""),
                                              "E003": (["head"], 70.0, "head"), "E007": (["head"], 70.0, "head")}
    for no, total in (("E001", 80), ("E002", 80), ("E003", 90)):
        assert svc.enter_scores(admin, period, "E004", no, total=total)["score"] is None  # E007 still to score
    # 10 % × 80 + 20 % × 80 + 70 % × mean(90, 70) = 8 + 16 + 56
    assert svc.enter_scores(admin, period, "E004", "E007", total=70)["score"] == 80.0
    with reading() as s:
        entry = s.execute(select(AuditEntry).where(AuditEntry.action == "appraisal.rater_add")).scalar_one()
    assert entry.after["rater"] == "E007" and "共同评分" in entry.after["note"]
    choices = rater_choices(admin, period, "E004")  # a shared role can take another rater, not a replacement
    assert choices["roles"] == ["gm", "leader"] and choices["addable"] == ["leader", "head"]
    # the delegation keeps the shared head part at 70 % and moves the gm's 10 % to the leader
    set_delegation(admin, period, True)
    assert _raters(admin, period, "E004") == {"E002": (["leader"], 30.0, ""), "E003": (["head"], 70.0, "head"),
                                              "E007": (["head"], 70.0, "head")}
    assert svc.subject_detail(admin, period, "E004")["score"] == pytest.approx(0.3 * 80 + 0.7 * 80)


def test_adding_a_rater_refuses_bad_input_and_changes_nothing(period, admin):
    before = _raters(admin, period, "E004")
    cases = [(("E004", "gm", "E007", "x"), ValidationError), (("E004", "head", "E004", "x"), ValidationError),
             (("E004", "head", "E002", "x"), ConflictError),  # already the leader
             (("E004", "peer", "E007", "x"), ValidationError),  # no peers in the template
             (("E004", "boss", "E007", "x"), ValidationError), (("E004", "head", "E007", " "), ValidationError),
             (("E014", "leader", "E003", "x"), ConflictError)]  # 陈志远 holds gm + leader: replace first
    for args, error in cases:
        with pytest.raises(error):
            add_rater(admin, period, *args)
    assert _raters(admin, period, "E004") == before
    choices = rater_choices(admin, period, "E004")
    assert choices["may_change"] and choices["roles"] == ["gm", "leader", "head"] and "gm" not in choices["addable"]
    assert "E004" not in {c["employee_no"] for c in choices["candidates"]}
    replace_rater(admin, period, "E004", "head", "E007", "新负责人接手")  # a note shows in the dialog
    assert [r["note"] for r in rater_choices(admin, period, "E004")["raters"] if r["employee_no"] == "E007"] == ["新负责人接手"]


def test_the_mutual_rating_is_anonymous_and_never_counted(period, admin, actor_for):
    zhang, hr, manager = actor_for("zhangyt"), actor_for("fengyq"), actor_for("linxw")
    for no in ("E001", "E002", "E003"):
        svc.enter_scores(admin, period, "E004", no, total=80)
    score_before = svc.subject_detail(admin, period, "E004")["score"]
    ballot = mutual_ballot(zhang, period)
    assert ballot["may_vote"] and "E004" not in {c["employee_no"] for c in ballot["colleagues"]}
    assert cast_mutual_ratings(zhang, period, {"E005": 95, "E006": "80"}) == {"period": period, "ratings": 2}
    cast_mutual_ratings(manager, period, {"E005": 85, "E004": 70})
    with pytest.raises(ConflictError):  # one ballot each
        cast_mutual_ratings(zhang, period, {"E007": 90})
    assert not mutual_ballot(zhang, period)["may_vote"] and mutual_ballot(zhang, period)["voted"]
    with pytest.raises(ValidationError) as refused:  # refused whole: nothing of hr's ballot is kept
        cast_mutual_ratings(hr, period, {"E005": 101, "E015": 90, "E099": 70, "E006": 60})
    assert "E005" in str(refused.value) and "E015" in str(refused.value) and "E099" in str(refused.value)
    result = mutual_results(hr, period)
    assert result["ballots"] == 2
    top = {r["employee_no"]: r for r in result["people"]}
    assert (top["E005"]["mean"], top["E005"]["ratings"], top["E005"]["rank"]) == (90.0, 2, 1)
    assert top["E004"]["mean"] == 70.0 and top["E006"]["ratings"] == 1 and top["E007"]["mean"] is None
    assert result["people"][0]["employee_no"] == "E005"
    # never counted, and the person rated cannot see the results, let alone who rated
    assert svc.subject_detail(admin, period, "E004")["score"] == score_before
    with pytest.raises(PermissionDenied):
        mutual_results(zhang, period)
    assert {c.name for c in AppraisalMutualRating.__table__.columns} == {"id", "period_id", "ratee_id", "score"}
    with reading() as s:
        trail = s.execute(select(AuditEntry).where(AuditEntry.action == "appraisal.mutual_vote")).scalars().all()
    assert [t.after for t in trail] == [{"ratings": 2}, {"ratings": 2}]  # who voted, never for whom


def test_scores_import_takes_the_360_roles_and_refuses_whole_with_row_numbers(period, admin, tmp_path):
    add_rater(admin, period, "E004", "head", "E007", "共同评分")
    bad = tmp_path / "bad.csv"
    bad.write_text("period,employee_no,rater_no,rater_role,score\n"
                   f"{period},E004,E007,head,88\n"
                   f"{period},E004,E005,peer,80\n"
                   f"{period},E004,E003,boss,80\n"
                   f"{period},E004,E003,head,120\n"
                   f"{period},E004,E006,subordinate,80\n", encoding="utf-8")
    with pytest.raises(ImportRejected) as refused:
        import_scores(admin, bad)
    rows = {e.row: e.reason for e in refused.value.rows}
    assert sorted(rows) == [3, 4, 5, 6]
    assert "has no peer raters" in rows[3] and "boss" in rows[4] and "outside 0-100" in rows[5]
    assert "has no subordinate raters" in rows[6]
    assert svc.subject_detail(admin, period, "E004")["raters"][3]["typed_total"] is None
    good = tmp_path / "good.csv"
    good.write_text(f"period,employee_no,rater_no,rater_role,score\n{period},E004,E007,部门负责人,88\n", encoding="utf-8")
    assert import_scores(admin, good)["scores"] == 1
