"""Policy settings: changing an attendance rule first shows what it would have done to the last closed
month (October 2026 of the demo department); Cancel saves nothing, Save then saves."""

from datetime import datetime

from app.services import month_close, policy
from ui.operations import drain, wait_idle


def test_attendance_setting_shows_the_dry_run_before_saving(main_window, qtbot, admin):
    from ui.settings_dialog import SettingsDialog

    month_close.close_month(admin, "2026-10", close_pending=True, as_of=datetime(2026, 11, 25, 9))
    window = main_window()
    dialog = SettingsDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.editors["attendance.late_grace_minutes"].setText("60")  # 黄嘉豪's late on 10-12 would not count
    dialog._save()
    drain()
    assert dialog.message.text() == ""
    review = dialog.dry_run
    assert review.isVisible()
    rows = review.table.model().rows
    assert any(r["employee_no"] == "E012" and r["field"] == "late_count" and r["after"] < r["before"] for r in rows)
    assert "late" in review.summary.text().lower() and "2026-10" in review.summary.text()
    review.reject()
    drain()
    assert policy.get("attendance.late_grace_minutes") != 60  # cancelled: nothing saved
    dialog._save()
    drain()
    dialog.dry_run.accept()
    drain()
    wait_idle()
    assert policy.get("attendance.late_grace_minutes") == 60
