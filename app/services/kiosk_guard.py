"""Limits that guard the kiosk itself: wrong PINs over all 工号, and the exit dialog.

Per-工号 locks live in the database (kiosk_lock). Wrong PINs over all 工号 at one kiosk PC are counted in the
database too (kiosk_pin_guard, keyed by the PC's host name), so restarting the kiosk, pulling its plug or
running a second kiosk process does not start the count again. The exit dialog has its own counter (in this
process: leaving the kiosk needs that dialog), so wrong passwords there never lock the manager's office login.
"""

from __future__ import annotations

import socket
from datetime import datetime, timedelta
from threading import Lock

from sqlalchemy import select, update

from app.db import count_up, reading
from app.errors import PermissionDenied
from app.models._base import now
from app.models.attendance import KioskPinGuard
from app.models.users import User
from app.security import verify_password
from app.services import policy

_lock = Lock()
LEADER_ROLES = ("admin", "manager")


class _KioskState:
    def __init__(self) -> None:
        self.exit_failures = 0
        self.exit_paused_until: datetime | None = None


_states: dict[str, _KioskState] = {}


def _state() -> _KioskState:
    """This kiosk's exit-dialog counter for the open database (a kiosk process serves one database)."""
    from app.db import current

    try:
        key = current().display_name
    except Exception:
        key = ""
    return _states.setdefault(key, _KioskState())


def _minutes_left(until: datetime, moment: datetime) -> int:
    return max(1, -(-int((until - moment).total_seconds()) // 60))


def kiosk_name() -> str:
    """Which kiosk this is: the PC's host name (two kiosk PCs on one database count apart)."""
    return (socket.gethostname() or "kiosk")[:128]


def check_pin_allowed(s, moment: datetime, values: dict) -> None:
    """Refuse PIN entry while this kiosk is paused after too many wrong PINs."""
    until = s.execute(select(KioskPinGuard.paused_until).where(KioskPinGuard.kiosk == kiosk_name())).scalar()
    if until is not None and until > moment:
        raise PermissionDenied("Too many wrong PINs at this kiosk; PIN entry is paused for {minutes} more minutes. "
                               "Badges still work.", minutes=_minutes_left(until, moment))


def note_pin_failure(s, moment: datetime, values: dict) -> None:
    """Count a wrong PIN in this kiosk's window (in the caller's transaction, which commits it even though
    the punch is refused); enough of them within the window pause PIN entry for the window's length."""
    window = timedelta(minutes=int(values["security.kiosk_pin_window_minutes"]))
    table, name = KioskPinGuard.__table__, kiosk_name()
    failures = count_up(s, table, {"kiosk": name}, "failures")
    start = s.execute(select(table.c.window_start).where(table.c.kiosk == name)).scalar()
    if start is None or start <= moment - window:  # a new window begins with this failure
        s.execute(update(table).where(table.c.kiosk == name).values(failures=1, window_start=moment))
        failures = 1
    if failures >= int(values["security.kiosk_pin_failures_per_kiosk"]):
        s.execute(update(table).where(table.c.kiosk == name)
                  .values(failures=0, window_start=None, paused_until=moment + window))


def verify_exit(username: str, password: str, moment: datetime | None = None) -> bool:
    """The kiosk's exit dialog: an active admin's or manager's password, with the dialog's own limit.

    Raises PermissionDenied while the dialog is paused; never changes the account's login counter."""
    moment = moment or now()
    with reading() as s:
        values = policy.values_in(s)
        user = s.execute(select(User.password_hash, User.active, User.role)  # the kiosk role reads only these
                         .where(User.username == (username or "").strip())).first()
        stored = user.password_hash if user is not None else None
        allowed = user is not None and user.active and user.role in LEADER_ROLES
    with _lock:
        until = _state().exit_paused_until
        if until is not None and until > moment:
            raise PermissionDenied("Too many wrong passwords at this kiosk's exit; try again in {minutes} minutes.",
                                   minutes=_minutes_left(until, moment))
    ok = verify_password(stored or _dummy_hash(), password or "") and stored is not None and allowed
    with _lock:
        st = _state()
        if ok:
            st.exit_failures = 0
            return True
        st.exit_failures += 1
        if st.exit_failures >= int(values["security.kiosk_exit_max_attempts"]):
            st.exit_failures = 0
            st.exit_paused_until = moment + timedelta(minutes=int(values["security.kiosk_exit_lock_minutes"]))
    return False


_DUMMY: list[str] = []


def _dummy_hash() -> str:
    """A hash to verify against when the user does not exist, so both answers take as long."""
    if not _DUMMY:
        from app.security import hash_password

        _DUMMY.append(hash_password("not-a-real-password"))
    return _DUMMY[0]


def reset() -> None:
    """Forget this kiosk's counters (tests; a new kiosk process starts clean anyway)."""
    with _lock:
        _states.clear()
