"""The attendance part of the benchmark data set (bench/dataset.py): a year of kiosk punches."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from itertools import islice

from sqlalchemy import insert, select
from sqlmodel import Session

from app.models.attendance import Punch
from app.models.people import Employee
from app.services.attendance import load_schedule

# the everyday punches of the bench data set: (minute, spread) per punch, as a kiosk would see them
_DAY = ((495, 14), (720, 8), (795, 14), (1050, 20))


def _punches(sched, people, rng, ctx):
    """(employee id, time) of every generated punch, day by day."""
    day = ctx.start
    while day <= ctx.end:
        if sched.working_day(day):
            for emp, hired, left in people:
                if (hired and day < hired) or (left and day > left) or rng.random() < 0.01:
                    continue
                late = 520 + rng.randrange(40) if rng.random() < 0.03 else 0
                skip = rng.randrange(4) if rng.random() < 0.01 else -1
                for n, (base, spread) in enumerate(_DAY):
                    if n != skip:
                        minute = (late or base) + rng.randint(0, spread)
                        yield emp, datetime.combine(day, time(minute // 60, minute % 60, rng.randrange(60)))
                    late = 0
        day += timedelta(days=1)


def bench_seed(session: Session, rng, ctx) -> str:
    """A year of punches (ctx.start..ctx.end) for ctx.employee_nos: four on each scheduled day, now and
    then late (3 %), missing one (1 %) or absent (1 %). One bulk insert; the caller commits."""
    sched = load_schedule(session, ctx.end)
    people = session.execute(select(Employee.id, Employee.hire_date, Employee.leave_date).where(
        Employee.employee_no.in_(list(ctx.employee_nos)))).all()
    rows = _punches(sched, people, rng, ctx)  # a generator: a chain's year (5 million) never sits in a list
    stamp = datetime.combine(ctx.end, time(23))
    if session.get_bind().dialect.name == "sqlite":  # the driver's executemany, text as SQLAlchemy stores a DateTime
        session.flush()
        raw = session.connection().connection.driver_connection
        raw.execute("PRAGMA cache_size = -262144")  # 256 MB: a chain's index pages stay in memory while it grows
        added = raw.executemany(
            # OR IGNORE: the demo people's own punches of the year are kept where they meet a generated one
            "INSERT OR IGNORE INTO punch (employee_id, at, source, recorded_at, recorded_by, note) "
            "VALUES (?, ?, 'kiosk', ?, 'kiosk', '')",
            ((emp, text, text) for emp, text in ((emp, at.isoformat(" ", "microseconds")) for emp, at in rows))).rowcount
    else:
        added = 0
        for chunk in iter(lambda: list(islice(rows, 50_000)), []):
            session.execute(insert(Punch), [{"employee_id": emp, "at": at, "source": "kiosk", "recorded_at": stamp,
                                             "recorded_by": "kiosk", "note": ""} for emp, at in chunk])
            added += len(chunk)
    return f"{added} punches for {len(people)} people, {ctx.start} to {ctx.end}"
