"""Whole-database use cases: initialise, check, and the change counter other PCs poll."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select

from app import schema
from app.db import current, integrity_problems, open_database, reading
from app.i18n import _
from app.models.audit import AuditEntry
from app.models.people import Employee
from app.services import audit
from app.services.context import Actor
from app.services.permissions import require


def init_database(location: str | None = None, demo: bool = False) -> dict:
    """Create (or migrate) the database; with ``demo`` load the demo department into an empty one."""
    db = open_database(location)
    from app.db import transaction
    from app.services.calendar import seed_statutory

    with transaction() as s:  # a newer chinese_calendar brings a new year's statutory days
        seed_statutory(s)
    loaded = 0
    if demo:
        with reading() as s:
            empty = s.execute(select(func.count()).select_from(Employee)).scalar_one() == 0
        if empty:
            from app.services.demo import load_demo

            loaded = load_demo(Actor.system("init"))
    return {"database": db.display_name, "demo_employees": loaded}


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check(actor: Actor) -> CheckReport:
    """Integrity check, foreign keys, migration head and the audit chain."""
    require(actor, "system.check")
    report = CheckReport()
    db = current()
    report.problems.extend(integrity_problems(db))
    state = schema.check(db.engine)
    if state != "current":
        report.problems.append(_("The schema is not at the newest revision ({state}).", state=state))
    else:
        report.notes.append(_("Schema at revision {revs}.", revs=", ".join(sorted(schema.heads()))))
    from app.services.restore import schema_problems

    stamped = schema.applied(db.engine) or set()
    if stamped and not stamped - set(schema.revision_graph()):
        report.problems.extend(_("Schema: {problem}", problem=p) for p in schema_problems(db.engine, stamped))
    from app.services import anchor, coverage

    with reading() as s:
        broken = audit.first_broken(s)
        rows = s.execute(select(func.count()).select_from(AuditEntry)).scalar_one()
        tail = anchor.tail_problem(s, anchor.anchors_file(db))
        mismatch = coverage.first_mismatch(s) if broken is None else None
    if broken is not None:
        report.problems.append(_("The audit trail was altered at row {id}.", id=broken))
    elif tail:
        report.problems.append(tail)
    else:
        report.notes.append(_("Audit trail intact ({n} rows).", n=rows))
    from app.services.punch_journal import journal_path, pending_count

    waiting = pending_count(journal_path())
    if waiting:
        report.problems.append(_("{n} kiosk punches wait in this PC's journal {path}; they are delivered when the kiosk "
                                 "reaches the database (start the kiosk).", n=waiting, path=str(journal_path())))
    if mismatch:
        report.problems.append(mismatch)
    elif broken is None:
        report.notes.append(_("Punches, corrections, leave, overtime, scores and user roles match their audit rows."))
    from app.services.calendar import missing_next_year, missing_next_year_message

    year = missing_next_year()
    if year is not None:  # a warning to act on, not a problem of the database
        report.notes.append(missing_next_year_message(year))
    return report


def data_version() -> int:
    """Grows with every audited change; a window polls it to notice changes from other PCs."""
    with reading() as s:
        return s.execute(select(func.max(AuditEntry.id))).scalar() or 0
