"""Handbook rule sentences: numbers from the policy in force, shipped defaults when a key is missing."""

from app.documents import handbook_rules as rules
from app.i18n import set_language


def setup_function():
    set_language("en")


def test_defaults_of_domain_md_when_no_key_exists():
    text = " ".join(rules.attendance_rules({}))
    assert "08:30–12:00 and 13:30–17:30" in text
    assert "2 people are on duty" in text
    assert "costs 100 RMB, the second 300 RMB" in text
    assert "An early leave counts as absence for that day." in text
    assert "on the 18th" in text
    app = " ".join(rules.appraisal_rules({}))
    assert "90 or more is excellent" in app and "below 60 needs improvement" in app
    assert "general manager 10%, supervising leader 20%, department head 70%" in app
    assert "Within 7 days" in app


def test_values_in_force_replace_the_defaults():
    values = {"attendance.morning_start": "09:00", "attendance.penalty_first": 150, "leave.sick_supervisor_max_days": 5,
              "attendance.early_leave_is_absence": False, "appraisal.appeal_days": 10,
              "appraisal.staff_rater_weights": [0, 30, 70]}
    text = " ".join(rules.attendance_rules(values))
    assert "09:00–12:00" in text and "costs 150 RMB" in text and "up to 5 consecutive days" in text
    assert "An early leave counts as absence" not in text
    app = " ".join(rules.appraisal_rules(values))
    assert "Within 10 days" in app and "general manager 0%, supervising leader 30%" in app


def test_alternative_key_spellings_are_found():
    assert rules.rule_values({"attendance.work_start": "08:00"})["am_start"] == "08:00"
    assert rules.rule_values({"attendance.morning_start": "07:30", "attendance.work_start": "08:00"})["am_start"] == "07:30"


def test_settings_table_lists_declared_keys_with_labels():
    from app.rules.settings import SettingSpec

    specs = {"attendance.penalty_first": SettingSpec("attendance.penalty_first", "int", 100, label="First absence penalty", unit="RMB"),
             "attendance.early_leave_is_absence": SettingSpec("attendance.early_leave_is_absence", "bool", True, label="Early leave is absence"),
             "security.x": SettingSpec("security.x", "int", 1, label="Not printed")}
    rows = rules.settings_table({"attendance.penalty_first": 200}, specs, ("attendance.",))
    # in the order the data files declare them (the handbook reads like the settings page)
    assert rows == [("First absence penalty", "200", "RMB"), ("Early leave is absence", "yes", "")]
