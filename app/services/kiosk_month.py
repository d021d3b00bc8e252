"""What a person may do at the kiosk right after punching: confirm their closed month and ask for a
missing punch (补卡). The punch proves who they are; the kiosk gets a short-lived ticket for that
person and shows nothing but their own data.

A ticket is signed with a key that lives only in this process, so it cannot be made up or carried
to another PC, and it expires after a few minutes.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime, time, timedelta

from sqlalchemy import select

from app.db import reading
from app.errors import PermissionDenied, ValidationError
from app.i18n import N_
from app.models._base import now
from app.models.attendance import Punch
from app.models.people import Employee
from app.services import month_close, policy
from app.services.context import Actor

TICKET_MINUTES = 5
_KEY = secrets.token_bytes(32)

# Reasons offered on the kiosk for a 补卡 (translated where shown); the person may not type at a kiosk.
CORRECTION_REASONS = (N_("Forgot to punch"), N_("Out on business"), N_("Badge not read"), N_("Kiosk was not working"))
DISAGREE_REASONS = month_close.DISAGREE_REASONS  # picked, never typed, at the kiosk


def _sign(employee_id: int, expires: int) -> str:
    return hmac.new(_KEY, f"{employee_id}:{expires}".encode(), hashlib.sha256).hexdigest()


def ticket_for(punch_id: int | None, employee_no: str) -> str | None:
    """A ticket for the person who has just punched at this kiosk (checked against the stored punch)."""
    if not punch_id:
        return None
    with reading() as s:
        row = s.execute(select(Punch.employee_id, Punch.source, Punch.recorded_at, Employee.employee_no)
                        .join(Employee, Employee.id == Punch.employee_id).where(Punch.id == punch_id)).first()
    if row is None or row.source != "kiosk" or row.employee_no != employee_no:
        return None
    if abs((now() - row.recorded_at).total_seconds()) > TICKET_MINUTES * 60:
        return None
    expires = int((now() + timedelta(minutes=TICKET_MINUTES)).timestamp())
    return f"{row.employee_id}:{expires}:{_sign(row.employee_id, expires)}"


def _person(ticket: str) -> Actor:
    try:
        eid, expires, sig = ticket.split(":")
        employee_id, expires_at = int(eid), int(expires)
    except (AttributeError, ValueError):
        raise PermissionDenied("Punch again to identify yourself.") from None
    if not hmac.compare_digest(sig, _sign(employee_id, expires_at)) or now().timestamp() > expires_at:
        raise PermissionDenied("Punch again to identify yourself.")
    return Actor(username=f"kiosk:{employee_id}", role="staff", employee_id=employee_id)


def _employee_no(actor: Actor) -> str:
    with reading() as s:
        return s.execute(select(Employee.employee_no).where(Employee.id == actor.employee_id)).scalar_one()


def month_to_confirm(ticket: str) -> dict | None:
    """The person's oldest closed month still to confirm, with figures and days, or None."""
    actor = _person(ticket)
    return month_close.my_month(actor, _employee_no(actor), None, via="kiosk")


def confirm(ticket: str, month: str, disagree: str | None = None) -> dict:
    actor = _person(ticket)
    return month_close.confirm_month(actor, _employee_no(actor), month, disagree, via="kiosk", listed_only=True)


def missing_punches(ticket: str, today: datetime | None = None) -> list[dict]:
    """The person's 缺卡 days of the open month (and, before the deadline, of the month before), each
    with the punches that could be asked for: [{"date", "slots": [{"key", "at"}]}]."""
    from app.services.attendance import day_detail

    actor = _person(ticket)
    no = _employee_no(actor)
    moment = today or now()
    with reading() as s:
        values = policy.values_in(s)
    from app.services.attendance import month_table
    from app.services.punches import correction_deadline, punch_slots

    first = moment.date().replace(day=1)
    before = (first - timedelta(days=1)).replace(day=1)
    months = [before, first] if moment.date() <= correction_deadline(before, values["attendance.correction_deadline_day"]) \
        else [first]
    slots = punch_slots(values)

    out = []
    for m in months:
        with reading() as s:
            if month_close.closed_in(s, month_close.month_key(m)) is not None:
                continue
        table = month_table(actor, m.year, m.month, as_of=moment)
        person = next((p for p in table["people"] if p["employee_no"] == no), None)
        for day, cell in zip(table["days"], person["cells"] if person else ()):
            if cell.status != "missing" or day >= moment.date():
                continue
            detail = day_detail(actor, no, day, as_of=moment)
            have = [datetime.fromisoformat(str(p["at"])) if not isinstance(p["at"], datetime) else p["at"]
                    for p in detail.get("punches", [])]
            free = []
            for key, minute in slots:
                at = datetime.combine(day, time(minute // 60, minute % 60))
                if all(abs((t - at).total_seconds()) > 90 * 60 for t in have):
                    free.append({"key": key, "at": at.strftime("%Y-%m-%d %H:%M")})
            if free:
                out.append({"date": day.isoformat(), "slots": free})
    return out


def request_correction(ticket: str, at: str, reason: str) -> int:
    """File a 补卡 for one of the slots missing_punches offered, within the month's quota and deadline."""
    from app.services.punches import request_correction as file_correction

    actor = _person(ticket)
    offered = {slot["at"] for d in missing_punches(ticket) for slot in d["slots"]}
    if at not in offered:
        raise ValidationError("Pick one of your missing punches.")
    if reason not in CORRECTION_REASONS:
        raise ValidationError("Pick a reason from the list.")
    return file_correction(actor, _employee_no(actor), datetime.strptime(at, "%Y-%m-%d %H:%M"), reason)
