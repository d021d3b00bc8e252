"""Two PCs on one PostgreSQL save the same interview record at once: one save wins, the other is refused
with a message and nothing of the winner's record is overwritten (the saves name the version they saw)."""

from __future__ import annotations

import multiprocessing
import os
import traceback
from datetime import date

import feedback_workers as workers
import pytest

from app.errors import ConflictError
from app.services import appraisal as svc
from app.services import appraisal_feedback as fb

def _call(name, args, results):
    try:
        results.put((name, getattr(workers, name)(*args), None))
    except BaseException:  # noqa: BLE001 - reported to the test
        results.put((name, None, traceback.format_exc()))


def _race(jobs: list[tuple[str, tuple]]) -> list[dict]:
    """Each (worker, args) in its own process, all sharing one barrier (as test_operations_concurrency does)."""
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(len(jobs), timeout=300)
    results = ctx.Queue()
    procs = [ctx.Process(target=_call, args=(name, (barrier, *args), results)) for name, args in jobs]
    for p in procs:
        p.start()
    try:
        out = []
        for _p in procs:
            name, value, error = results.get(timeout=600)
            assert error is None, f"{name} failed:\n{error}"
            out.append(value)
    finally:
        for p in procs:
            p.join(timeout=60)
            if p.is_alive():
                p.kill()
    return out


STAGES = {"goals": "目标", "process": "过程", "feedback": "反馈", "improvement": "改进"}
PLAN = [{"action": "复盘", "owner": "E004", "follow_up": "2026-12-31"}]


def test_a_save_over_a_record_changed_since_it_was_opened_is_refused(demo_db, admin, actor_for):
    key = svc.list_periods(admin)[1]["key"]
    head, hr = actor_for("wanghr"), actor_for("fengyq")
    seen = fb.feedback_of(head, key, "E004")["interview"]  # the head opens the empty record …
    assert seen is None
    fb.save_interview(hr, key, "E004", STAGES, PLAN, held_on=date(2026, 11, 8), base="")  # … HR saves first
    with pytest.raises(ConflictError, match="since you opened it"):
        fb.save_interview(head, key, "E004", STAGES | {"goals": "覆盖"}, PLAN, held_on=date(2026, 11, 8), base="")
    record = fb.feedback_of(head, key, "E004")["interview"]
    assert record["stages"]["goals"] == "目标"
    fb.save_interview(head, key, "E004", STAGES | {"goals": "补充"}, PLAN, held_on=date(2026, 11, 8),
                      base=record["version"])  # reopened: the newer version saves
    assert fb.feedback_of(hr, key, "E004")["interview"]["stages"]["goals"] == "补充"


@pytest.mark.skipif(not os.environ.get("SHOPTEAM_TEST_PG_URL"),
                    reason="PCs sharing one PostgreSQL: runs in the PostgreSQL run (tools/pg_test.py)")
def test_two_pcs_saving_one_interview_record_at_once_keep_one(demo_db, admin):
    key = svc.list_periods(admin)[1]["key"]
    people = [r["employee_no"] for r in svc.period_results(admin, key)]
    url = demo_db.engine.url.render_as_string(hide_password=False)
    answers = _race([("interviews", (url, pc, key, people)) for pc in ("pc1", "pc2")])
    for no in people:
        winners = [a["pc"] for a in answers if no in a["saved"]]
        losers = [a["pc"] for a in answers if no in a["refused"]]
        assert len(winners) == 1 and len(losers) == 1, no
        kept = fb.feedback_of(admin, key, no)["interview"]
        assert kept["stages"]["goals"] == f"{winners[0]} goals" and kept["plan"][0]["action"] == f"{winners[0]} plan"
