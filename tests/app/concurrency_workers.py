"""Processes that race each other on one database (tests/app/test_operations_concurrency.py).

Each worker is started once (multiprocessing, spawn) and runs all its rounds; a Barrier shared by
the workers starts every round at the same moment, so the same check-then-write is attempted by
all of them at once. Every call is a real service call; a worker returns what each call answered.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

PUNCH_DAY = date(2026, 10, 14)  # the night of a Wednesday: far from any shift
PUNCH_SPACING = timedelta(minutes=2)  # two punches of one person: further apart than the 60 s window
PIN_DAY = datetime(2026, 10, 15, 20, 0)
COMP_PERSON = "E004"
OVERTIME_SUNDAY = date(2026, 10, 18)
WRONG_PIN = "9999"  # demo PINs are the digits of the 工号 (E004 -> 0004)


def _open(url: str) -> None:
    from app.db import open_database
    from app.i18n import set_language

    set_language("en")
    open_database(url, migrate=False)


def punch_plan(badges: list[str], count: int) -> list[tuple[str, datetime]]:
    """The same `count` punches for every kiosk: everyone in turn, each person's punches two minutes apart."""
    night = datetime.combine(PUNCH_DAY, time())
    return [(badges[i % len(badges)], night + PUNCH_SPACING * (i // len(badges))) for i in range(count)]


def punches(barrier, url: str, plan: list[tuple[str, datetime]], every: int) -> dict:
    """Punch each of the plan's punches; a barrier every `every` punches keeps the kiosks in step."""
    from app.errors import ShopTeamError
    from app.services.punches import kiosk_badge

    _open(url)
    stored, duplicates, errors = [], 0, []
    for i, (badge, at) in enumerate(plan):
        if i % every == 0:
            barrier.wait()
        try:
            result = kiosk_badge(badge, at=at)
        except ShopTeamError as exc:  # a kiosk would show this to the person at the door
            errors.append(f"{exc.__class__.__name__}: {exc}")
            continue
        if result.duplicate:
            duplicates += 1
        else:
            stored.append(result.punch_id)
    return {"stored": stored, "duplicates": duplicates, "errors": errors[:5]}


def recurring(barrier, url: str, rounds: int, start: date) -> dict:
    """Open the board once a week for `rounds` weeks, at the same moment as the other PC."""
    from app.services.context import Actor
    from app.services.plans import create_due_recurring

    _open(url)
    actor = Actor.system("board-pc")
    created, errors = [], []
    for r in range(rounds):
        barrier.wait()
        try:
            created += create_due_recurring(actor, today=start + timedelta(weeks=r))
        except Exception as exc:  # noqa: BLE001 - any error is one a person would see
            errors.append(f"{exc.__class__.__name__}: {exc}")
    return {"created": created, "errors": errors[:5]}


def comp_leave(barrier, url: str, requests: list[int], top_up: bool) -> dict:
    """Each round: the topping-up PC approves one more rest-day hour of overtime (one comp hour), then
    both PCs approve a one-hour comp leave of the same person at once; the hour covers only one."""
    from app.errors import ShopTeamError
    from app.services.context import Actor
    from app.services.leave import decide_leave, decide_overtime, request_overtime

    _open(url)
    actor = Actor.system("approver")
    approved, refused, errors = 0, 0, []
    for request_id in requests:
        if top_up:
            start = datetime.combine(OVERTIME_SUNDAY, time(10))
            decide_overtime(actor, request_overtime(actor, COMP_PERSON, start, start + timedelta(hours=1), "stock-take"), True)
        barrier.wait()
        try:
            decide_leave(actor, request_id, True)
            approved += 1
        except ShopTeamError as exc:
            if "comp hours are left" in str(exc):
                refused += 1
            else:
                errors.append(f"{exc.__class__.__name__}: {exc}")
        barrier.wait()
    return {"approved": approved, "refused": refused, "errors": errors[:5]}


def wrong_pins(barrier, url: str, rounds: int, tries: int, lock_minutes: int) -> dict:
    """Each round, at a moment after the last lock has run out, type a wrong PIN `tries` times for
    the same 工号 as the other kiosk does."""
    from app.errors import PermissionDenied
    from app.services.punches import kiosk_pin

    _open(url)
    wrong, locked, errors = [0] * rounds, [0] * rounds, []
    for r in range(rounds):
        at = PIN_DAY + timedelta(minutes=(lock_minutes + 1) * r)
        barrier.wait()
        for _n in range(tries):
            try:
                kiosk_pin(COMP_PERSON, WRONG_PIN, at=at)
                errors.append("a wrong PIN punched")
            except PermissionDenied as exc:
                if exc.msgid.startswith("Too many wrong PINs"):
                    locked[r] += 1
                else:
                    wrong[r] += 1
            except Exception as exc:  # noqa: BLE001 - e.g. an IntegrityError on the lock row
                errors.append(f"{exc.__class__.__name__}: {exc}")
    return {"wrong": wrong, "locked": locked, "errors": errors[:5]}
