"""kiosk: the full-screen clock-in window for the PC at the door."""

from app.i18n import _


def register(commands) -> None:
    p = commands.add_parser("kiosk", help=_("open the full-screen clock-in window (kiosk mode)"))
    p.set_defaults(face="kiosk", needs_db=False)
