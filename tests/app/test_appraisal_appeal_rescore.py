"""An upheld appeal reopens that person's result for rescoring, even in a locked period; hr closes the
rescoring; every step's audit row points at the appeal."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from app.db import reading
from app.errors import ConflictError, PermissionDenied
from app.models.audit import AuditEntry
from app.services import appraisal as svc
from app.services import appraisal_feedback as feedback


@pytest.fixture
def appeal(demo_db, admin, actor_for):
    period = svc.list_periods(admin)[1]
    appeal = feedback.file_appeal(actor_for("zhangyt"), period["key"], "My campaign count was wrong.",
                                  on=period["published_on"] + timedelta(days=2))
    return period["key"], appeal["id"]


def _audit(action):
    with reading() as s:
        return list(s.execute(select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)).scalars())


def test_a_locked_result_is_read_only_until_an_appeal_is_upheld(appeal, actor_for):
    key, appeal_id = appeal
    hr = actor_for("fengyq")
    with pytest.raises(ConflictError, match="locked"):
        svc.enter_scores(hr, key, "E004", "E002", total=95)
    assert svc.subject_detail(hr, key, "E004")["editable"] is False
    feedback.decide_appeal(hr, appeal_id, False, "The count was right.")
    with pytest.raises(ConflictError, match="locked"):
        svc.enter_scores(hr, key, "E004", "E002", total=95)


def test_upheld_appeal_reopens_the_result_for_rescoring_with_the_audit_trail(appeal, actor_for, admin):
    key, appeal_id = appeal
    hr, head = actor_for("fengyq"), actor_for("wanghr")
    before = svc.subject_detail(hr, key, "E004")
    result = feedback.decide_appeal(hr, appeal_id, True, "Campaign count corrected; the head rescores.")
    assert result == {"id": appeal_id, "status": "upheld", "reopened": True}
    decided = _audit("appraisal.appeal_decide")[-1]
    assert decided.entity_id == str(appeal_id) and decided.after["reopened_for_rescoring"] is True
    assert decided.after["score"] == before["score"]
    detail = svc.subject_detail(head, key, "E004")
    assert detail["editable"] and detail["rescoring_appeal"] == appeal_id
    assert [c["can_edit"] for c in detail["raters"]] == [False, False, True]  # only his own column
    assert svc.list_periods(admin)[1]["state"] == "locked"  # the period stays locked for everyone else
    with pytest.raises(ConflictError, match="locked"):
        svc.enter_scores(hr, key, "E005", "E002", total=40)
    new = svc.enter_scores(head, key, "E004", "E003", total=99)
    assert new["score"] > before["score"]
    scored = _audit("appraisal.score")[-1]
    assert scored.after["appeal"] == appeal_id and scored.after["employee"] == "E004"
    with pytest.raises(PermissionDenied):
        feedback.finish_rescoring(head, appeal_id)
    with pytest.raises(ConflictError):  # no second appeal while this one is being rescored
        feedback.file_appeal(actor_for("zhangyt"), key, "again", on=before["published_on"])
    done = feedback.finish_rescoring(hr, appeal_id, "Rescored by the head.")
    assert done["status"] == "rescored" and done["score"] == new["score"]
    closed = _audit("appraisal.rescored")[-1]
    assert closed.entity_id == str(appeal_id)
    assert closed.before["score"] == before["score"] and closed.after["score"] == new["score"]
    with pytest.raises(ConflictError, match="locked"):
        svc.enter_scores(head, key, "E004", "E003", total=50)
    with pytest.raises(ConflictError):
        feedback.finish_rescoring(hr, appeal_id)
    assert svc.subject_detail(admin, key, "E004")["appeals"][0]["status"] == "rescored"
    row = next(e for e in svc.month_report(admin, key)["employees"] if e["employee_no"] == "E004")
    assert row["score"] == new["score"] and row["grade"] == new["grade"]
