"""Calibration of the forced distribution: a calibrated grade beside the computed score and grade, the
quota check before approval counting calibrated grades, the general manager's override with a reason,
who may calibrate, and the CLI."""

import pytest
from sqlalchemy import select

from app.db import reading
from app.errors import ConflictError, PermissionDenied, ValidationError
from app.models.audit import AuditEntry
from app.services import appraisal as svc
from app.services import appraisal_calibration as cal
from app.services import policy

KEY = "2030-01"


def _advance(actor_for, admin, *who):
    for name in who:
        svc.advance_period(admin if name == "admin" else actor_for(name), KEY)


@pytest.fixture
def in_review(demo_db, admin, actor_for):
    """2030-01 in review under the four-grade scheme, everyone scored 95: all 14 in A (the quota allows 6)."""
    policy.set_value(admin, "appraisal.grade_scheme", "four")
    svc.open_period(admin, KEY)
    for row in svc.period_results(admin, KEY):
        for rater in svc.subject_detail(admin, KEY, row["employee_no"])["raters"]:
            svc.enter_scores(admin, KEY, row["employee_no"], rater["employee_no"], total=95)
    _advance(actor_for, admin, "admin", "linxw")
    return KEY


def _ratee_of(actor):
    """Someone the actor rates (not themselves)."""
    rows = [r for r in svc.period_results(actor, KEY) if r["my_roles"] and "self" not in r["my_roles"]]
    return rows[0]["employee_no"]


def _audit(action):
    with reading() as s:
        return [(e.actor, e.before, e.after) for e in
                s.execute(select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)).scalars()]


def test_the_grid_has_a_column_per_grade_with_quota_and_count(in_review, actor_for):
    board = cal.board(actor_for("chenzy"), KEY)
    assert board["applies"] and board["may"] and board["people"] == 14
    cols = {c["grade"]: c for c in board["columns"]}
    assert list(cols) == ["A", "B", "C", "D"]
    assert (cols["A"]["quota"], cols["A"]["allowed"], cols["A"]["count"], cols["A"]["over"]) == (45, 6, 14, True)
    assert (cols["B"]["allowed"], cols["C"]["allowed"], cols["D"]["allowed"]) == (4, 3, None)  # lowest grade uncapped
    assert len(cols["A"]["cards"]) == 14 and all(c["cards"] == [] for g, c in cols.items() if g != "A")
    assert cols["A"]["name"] == "Exceeds target"


def test_calibration_is_recorded_beside_the_score(in_review, actor_for):
    manager = actor_for("linxw")
    no = _ratee_of(manager)
    before = next(r for r in svc.period_results(manager, KEY) if r["employee_no"] == no)
    r = cal.calibrate(manager, KEY, no, "b", "  helped less on the 11.11 campaign  ")
    assert (r["grade"], r["computed_grade"], r["score"]) == ("B", "A", 95.0)
    after = next(r for r in svc.period_results(manager, KEY) if r["employee_no"] == no)
    assert (after["score"], after["grade"]) == (before["score"], "A")  # the score and computed grade stay
    card = next(c for col in cal.board(manager, KEY)["columns"] for c in col["cards"] if c["employee_no"] == no)
    assert (card["grade"], card["computed_grade"], card["calibrated"]) == ("B", "A", True)
    assert card["reason"] == "helped less on the 11.11 campaign" and card["by"] == "linxw"
    assert {c["grade"]: c["count"] for c in cal.board(manager, KEY)["columns"]} == {"A": 13, "B": 1, "C": 0, "D": 0}
    actor, was, now = _audit("appraisal.calibrate")[-1]
    assert actor == "linxw" and was == {"grade": "A"}
    assert now["grade"] == "B" and now["computed_grade"] == "A" and now["reason"] == "helped less on the 11.11 campaign"
    sheet = svc.sheet_data(manager, KEY, no)
    assert sheet["grade"] == "A" and sheet["calibration"]["grade"] == "B"
    # moving back to the computed grade undoes it, also recorded
    cal.calibrate(manager, KEY, no, "A", "second look")
    assert svc.sheet_data(manager, KEY, no)["calibration"] is None
    assert len(_audit("appraisal.calibrate")) == 2


def test_bad_calibrations_are_refused_and_change_nothing(in_review, actor_for):
    manager = actor_for("linxw")
    no = _ratee_of(manager)
    with pytest.raises(ValidationError, match="not a grade"):
        cal.calibrate(manager, KEY, no, "E", "why")
    with pytest.raises(ValidationError, match="reason"):
        cal.calibrate(manager, KEY, no, "B", "   ")
    with pytest.raises(ValidationError, match="already has grade A"):
        cal.calibrate(manager, KEY, no, "A", "why")
    cal.calibrate(actor_for("chenzy"), KEY, no, "C", "gm's view")
    with pytest.raises(ConflictError, match="meanwhile"):  # a second PC still showing A
        cal.calibrate(manager, KEY, no, "B", "why", expected="A")
    assert len(_audit("appraisal.calibrate")) == 1


def test_who_may_calibrate(in_review, actor_for, admin):
    manager = actor_for("linxw")
    no = _ratee_of(manager)
    for name in ("zhangyt", "fengyq"):  # staff, HR
        assert not cal.board(actor_for(name), KEY)["may"]
        with pytest.raises(PermissionDenied):
            cal.calibrate(actor_for(name), KEY, no, "B", "why")
    own = svc.period_results(manager, KEY)
    mine = next(r["employee_no"] for r in own if "self" in (r["my_roles"] or []))  # linxw is appraised too
    with pytest.raises(PermissionDenied, match="own grade"):
        cal.calibrate(manager, KEY, mine, "B", "modest")
    assert _audit("appraisal.calibrate") == []


def test_calibration_only_in_review_and_only_in_the_four_grade_scheme(in_review, actor_for, admin):
    gm = actor_for("chenzy")
    no = _ratee_of(actor_for("linxw"))
    policy.set_value(admin, "appraisal.grade_scheme", "five")
    assert not cal.board(gm, KEY)["may"]
    with pytest.raises(ConflictError, match="four-grade"):
        cal.calibrate(gm, KEY, no, "B", "why")
    policy.set_value(admin, "appraisal.grade_scheme", "four")
    _advance(actor_for, admin, "fengyq")
    cal.calibrate(gm, KEY, no, "B", "still before approval")  # consolidated: still allowed
    svc.advance_period(gm, KEY, reason="a record month for everybody")
    with pytest.raises(ConflictError, match="before approval"):
        cal.calibrate(gm, KEY, no, "C", "too late")


def test_approval_is_refused_while_the_quota_is_broken(in_review, actor_for, admin):
    _advance(actor_for, admin, "fengyq")
    gm = actor_for("chenzy")
    step = svc.period_step(gm, KEY)
    assert step["may"] and step["violations"] == [{"grade": "A", "count": 14, "allowed": 6, "quota": 45}]
    with pytest.raises(ConflictError, match="break the forced distribution"):
        svc.advance_period(gm, KEY)
    with pytest.raises(ConflictError):
        svc.advance_period(gm, KEY, reason="   ")
    assert svc.list_periods(admin)[0]["state"] == "consolidated"
    assert cal.overrides(admin, KEY) == []


def test_the_gm_overrides_the_quota_with_a_reason(in_review, actor_for, admin):
    _advance(actor_for, admin, "fengyq")
    gm = actor_for("chenzy")
    assert svc.advance_period(gm, KEY, reason="the whole team beat the 11.11 target")["state"] == "approved"
    [row] = cal.overrides(admin, KEY)
    assert row["reason"] == "the whole team beat the 11.11 target" and row["by"] == "chenzy"
    assert row["violations"][0]["grade"] == "A"
    actor, _before, after = _audit("appraisal.quota_override")[-1]
    assert actor == "chenzy" and after["reason"] == "the whole team beat the 11.11 target"


def test_calibrating_into_the_quota_lets_the_period_be_approved_without_a_reason(in_review, actor_for, admin):
    gm = actor_for("chenzy")
    cards = [c["employee_no"] for c in cal.board(gm, KEY)["columns"][0]["cards"]]
    moves = ["B"] * 4 + ["C"] * 3 + ["D"]  # 14 people: A ≤ 6, B ≤ 4, C ≤ 3
    for no, grade in zip(cards, moves):
        cal.calibrate(gm, KEY, no, grade, "calibration meeting")
    assert cal.board(gm, KEY)["violations"] == []
    _advance(actor_for, admin, "fengyq")
    assert svc.period_step(gm, KEY)["violations"] == []
    assert svc.advance_period(gm, KEY)["state"] == "approved"
    assert cal.overrides(admin, KEY) == []


def test_cli_calibrates_and_refuses_bad_input(in_review, demo_db, capsys, actor_for, cli_admin):
    from app.cli import main

    db = str(demo_db.path) if demo_db.is_sqlite else demo_db.url
    no = _ratee_of(actor_for("linxw"))
    assert main(["--db", db, "appraisal", "calibrate", KEY, no, "B", "--reason", "calibration meeting"]) == 0
    out, err = capsys.readouterr()
    assert f"{no}: grade B (computed A, score 95.00)" in out and "Grade A: 13 people, the quota allows 6." in err
    assert main(["--db", db, "appraisal", "calibrate", KEY, no, "Z", "--reason", "x"]) != 0
    assert "not a grade of the four-grade scheme" in capsys.readouterr().err
    assert main(["--db", db, "appraisal", "calibrate", KEY, "NOPE", "B", "--reason", "x"]) != 0
    assert "no employee with no. NOPE" in capsys.readouterr().err
    assert main(["--db", db, "appraisal", "calibrate", KEY, no, "C", "--reason", " "]) != 0
    assert "reason" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_:  # --reason is required
        main(["--db", db, "appraisal", "calibrate", KEY, no, "C"])
    assert exit_.value.code != 0
    assert len(_audit("appraisal.calibrate")) == 1


def test_the_sheet_prints_both_grades(in_review, actor_for, admin, tmp_path):
    from app.services.documents import write_appraisal_sheets
    from tests.app.documents_helpers import pdf_text

    gm = actor_for("chenzy")
    no = _ratee_of(actor_for("linxw"))
    cal.calibrate(gm, KEY, no, "C", "late on three launches")
    out = tmp_path / "sheet.pdf"
    write_appraisal_sheets(admin, KEY, out, per_person=False, employee_nos=[no])
    text = "".join(pdf_text(out)).replace("\n", " ")
    assert "A Exceeds target → C" in text  # the header: computed, then calibrated
    assert "Calibrated grade: C Near target" in text and "late on three launches" in text and "chenzy" in text
    assert "Final score 95 Grade A Exceeds target" in text  # the score and computed grade as they were
