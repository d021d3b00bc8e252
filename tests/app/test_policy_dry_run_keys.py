"""Which settings are shown as a dry run before they are saved: the service says (the settings page asks it)."""

from app.services.policy_dry_run import needs_dry_run


def test_attendance_leave_overtime_and_appraisal_settings_need_a_dry_run():
    for key in ("attendance.late_grace_minutes", "leave.annual_days", "overtime.rate", "appraisal.grade_scheme"):
        assert needs_dry_run([key]), key
    assert needs_dry_run({"documents.footer": "x", "appraisal.grade_scheme": "four"})


def test_other_settings_save_without_one():
    assert not needs_dry_run(["documents.footer", "kiosk.pin_digits"])
    assert not needs_dry_run([])
    assert not needs_dry_run(["attendances.x"])  # a prefix is a whole area name, with its dot
