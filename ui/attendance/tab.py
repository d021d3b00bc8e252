"""Attendance tab registration, and the Tools menu's kiosk mode."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

ORDER = 40
OBJECT_NAME = "attendanceTab"
ICON = "mdi6.clock-check-outline"


def title() -> str:
    return QCoreApplication.translate("AttendanceTab", "Attendance")


def visible_for(ctx) -> bool:
    return ctx.can("attendance.view_own")


def create(ctx, parent):
    from ui.attendance.view import AttendanceView

    return AttendanceView(ctx, parent)


def tool_actions(ctx, window) -> list:
    """Tools → Kiosk mode: the clock-in window full screen; leaving it needs a leader's password."""
    if not ctx.can("attendance.manual_punch"):
        return []
    action = QAction(QCoreApplication.translate("AttendanceTab", "Kiosk mode"), window)
    action.setObjectName("actionKioskMode")

    def open_kiosk() -> None:
        from ui.kiosk.window import KioskWindow

        kiosk = KioskWindow()
        # the kiosk's punches reach the attendance tab through the change watcher (audit rows)
        window._kiosk = kiosk  # keep it alive while it is shown
        kiosk.show_full_screen()
        window.lock_for_kiosk(kiosk)  # the office window behind it goes back to the login

    action.triggered.connect(open_kiosk)
    return [action]
