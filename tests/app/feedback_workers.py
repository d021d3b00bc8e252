"""Two PCs saving the same interview record at the same moment (tests/app/test_appraisal_feedback_concurrency.py).

Each worker is a separate process; a barrier shared by both starts every round at the same moment. Both PCs
opened the record when it did not exist yet (base ""), so exactly one save may win per person."""

from __future__ import annotations

from datetime import date

STAGES = ("goals", "process", "feedback", "improvement")


def interviews(barrier, url: str, pc: str, period: str, people: list[str]) -> dict:
    from app.db import open_database
    from app.errors import ConflictError
    from app.i18n import set_language
    from app.services import appraisal_feedback as fb
    from app.services.context import Actor

    set_language("en")
    open_database(url, migrate=False)
    actor = Actor(username=pc, role="hr")
    saved, refused = [], []
    for no in people:
        barrier.wait()
        try:
            fb.save_interview(actor, period, no, {k: f"{pc} {k}" for k in STAGES},
                              [{"action": f"{pc} plan", "owner": no, "follow_up": "2026-12-31"}],
                              held_on=date(2026, 11, 10), base="")
            saved.append(no)
        except ConflictError:
            refused.append(no)
    return {"pc": pc, "saved": saved, "refused": refused}
