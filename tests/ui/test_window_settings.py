"""Issue 15 item 14: the settings page reads like one (groups, labels, units, explanations, choice names,
validation next to the field, search, restore defaults per group); `policy list` gives the same words."""

import json
import re
from pathlib import Path

import pytest

from tests.cli.test_cli_foundation import cli  # noqa: F401 (fixture)
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLabel

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def dialog(qtbot, db, admin):
    from ui.settings_dialog import SettingsDialog
    from ui.shell import ChangeBus, ShellContext

    ctx = ShellContext(actor=admin, bus=ChangeBus(), show_status=lambda m: None)
    page = SettingsDialog(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_every_setting_in_the_data_files_has_a_label_and_a_one_line_explanation():
    for path in sorted((ROOT / "data" / "policy").glob("*.json")):
        for row in json.loads(path.read_text(encoding="utf-8")):
            assert row.get("label") and row.get("help"), f"{path.name}: {row['key']} needs a label and a help line"
            assert "\n" not in row["help"]
            if row["type"] == "choice":
                assert set(map(str, row["choices"])) <= set(row.get("choice_labels", {})), row["key"]


def test_groups_use_the_domains_words_and_no_raw_keys_or_values_show(dialog):
    titles = [dialog.nav.item(i).text() for i in range(dialog.nav.count())]
    assert titles[:6] == ["Attendance", "Leave", "Appraisal", "Tasks", "Documents and printing", "Department goals"]
    assert "Backup" in titles
    texts = [w.text() for w in dialog.findChildren(QLabel) if w.text()]
    assert "goals" not in texts and not any(re.fullmatch(r"[a-z_]+\.[a-z_.]+", t) for t in texts)
    scheme = dialog.editors["appraisal.grade_scheme"]
    assert isinstance(scheme, QComboBox)
    assert [scheme.itemText(i) for i in range(scheme.count())] == ["Five grades (A–E)",
                                                                    "Four grades with forced distribution (A–D)"]
    row = dialog.setting_rows["attendance.late_grace_minutes"]
    assert row.unit.text() == "min" and row.help.text().startswith("A punch this many minutes")


def test_chinese_labels_units_choices_and_groups(qtbot, db, admin):
    from ui import i18n
    from ui.settings_dialog import SettingsDialog
    from ui.shell import ChangeBus, ShellContext

    i18n.install("zh_CN")
    try:
        page = SettingsDialog(ShellContext(actor=admin, bus=ChangeBus(), show_status=lambda m: None))
        qtbot.addWidget(page)
        titles = [page.nav.item(i).text() for i in range(page.nav.count())]
        assert titles[:6] == ["考勤", "请假", "绩效", "任务", "文档", "部门目标"] and "备份" in titles
        scheme = page.editors["appraisal.grade_scheme"]
        assert scheme.itemText(0) == "五级制（A–E）"
        row = page.setting_rows["attendance.late_grace_minutes"]
        assert row.unit.text() == "分钟" and re.search(r"[\u4e00-\u9fff]", row.help.text())
        for setting in page.setting_rows.values():
            for text in (setting.label.text(), setting.help.text()):
                assert re.search(r"[\u4e00-\u9fff]", text), f"{setting.key}: {text}"
    finally:
        i18n.install("en")


def test_a_bad_value_is_explained_next_to_its_field(dialog):
    editor = dialog.editors["security.login_max_attempts"]
    row = dialog.setting_rows["security.login_max_attempts"]
    editor.setText("50")
    assert "1..20" in row.error.text() and row.error.isVisible()
    assert not dialog.buttons.button(QDialogButtonBox.Save).isEnabled()
    editor.setText("8")
    assert row.error.text() == "" and dialog.buttons.button(QDialogButtonBox.Save).isEnabled()


def test_search_finds_settings_by_words_and_says_when_nothing_matches(dialog, qtbot):
    dialog.search.setText("grace")
    visible = [k for k, s in dialog.setting_rows.items() if s.isVisibleTo(dialog)]
    assert "attendance.late_grace_minutes" in visible and len(visible) <= 3
    assert not dialog.groups["appraisal"].isVisibleTo(dialog)
    dialog.search.setText("zzzz")
    assert dialog.no_match.isVisibleTo(dialog) and "zzzz" in dialog.no_match.text()
    dialog.search.clear()
    assert all(s.isVisibleTo(dialog) for s in dialog.setting_rows.values())


def test_opening_the_page_changes_nothing(dialog):
    # a list stored in another order than the boxes (leave types refused on plan days) is not an edit
    assert dialog.changes() == {}


def test_restore_defaults_puts_one_group_back_and_saves(dialog, qtbot, admin):
    from PySide6.QtCore import Qt

    from app.services import policy

    policy.set_values(admin, {"security.login_max_attempts": 9, "backup.keep_daily": 30})
    dialog.setting_rows["security.login_max_attempts"].row["value"] = 9  # as if opened after that change
    dialog.setting_rows["backup.keep_daily"].row["value"] = 30
    dialog.editors["security.login_max_attempts"].setText("9")
    dialog.editors["backup.keep_daily"].setText("30")
    reset = dialog.findChild(type(dialog.buttons.button(QDialogButtonBox.Save)), "settingsReset_security")
    qtbot.mouseClick(reset, Qt.LeftButton)
    assert dialog.editors["security.login_max_attempts"].text() == "5"
    assert dialog.editors["backup.keep_daily"].text() == "30"  # another group stays
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Save), Qt.LeftButton)
    qtbot.waitUntil(lambda: policy.get("security.login_max_attempts") == 5, timeout=10000)  # saved in the background
    assert policy.get("backup.keep_daily") == 30


def test_policy_list_json_has_the_same_labels_and_help(cli):
    done = cli("policy", "list", "--format", "json")
    assert done.returncode == 0, done.stderr
    rows = {r["key"]: r for r in json.loads(done.stdout)}
    grace = rows["attendance.late_grace_minutes"]
    assert grace["label"] == "Grace minutes before a punch counts as late"
    assert grace["help"].startswith("A punch this many minutes") and grace["group_label"] == "Attendance"
    zh = {r["key"]: r for r in json.loads(cli("--lang", "zh_CN", "policy", "list", "--format", "json").stdout)}
    assert zh["attendance.late_grace_minutes"]["help"] == "上班时间后这么多分钟内打卡仍算准时。"
