"""Chinese first, English complete: every Qt string is in a .ts and translated; the switch works."""

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import i18n as ts_tool  # noqa: E402

AREAS = sorted(p.name[: -len("_zh_CN.ts")] for p in (ROOT / "resources" / "i18n").glob("*_zh_CN.ts"))
UI_AREAS = sorted(p.name for p in (ROOT / "ui").iterdir() if (p / "tab.py").exists() or p.name == "kiosk")


def test_every_ui_area_has_a_catalogue():
    assert set(UI_AREAS) <= set(AREAS)


@pytest.mark.parametrize("area", AREAS)
def test_catalogue_is_complete_for_the_current_sources(area, tmp_path, monkeypatch):
    """Re-extract the strings from the code into a copy: nothing new, nothing unfinished."""
    copy = tmp_path / "i18n"
    shutil.copytree(ROOT / "resources" / "i18n", copy)
    monkeypatch.setattr(ts_tool, "I18N", copy)
    ts_tool.update(area)
    missing = ts_tool.unfinished(area)
    assert missing == [], f"untranslated in {area}: {missing[:10]}"


def test_switching_language_rebuilds_the_window_in_chinese(qtbot, main_window):
    from ui import i18n

    window = main_window()
    try:
        i18n.install("zh_CN")
        from ui.main_window import MainWindow

        chinese = MainWindow(window.ctx, "zh_CN")
        qtbot.addWidget(chinese)
        assert "电商运营部" in chinese.windowTitle()
        assert chinese.tabs.tabText(0) == "员工"
        view = chinese.select_tab("employeesTab")
        assert view.model.headerData(1, __import__("PySide6.QtCore").QtCore.Qt.Horizontal) == "姓名"
    finally:
        i18n.install("en")
    assert window.tabs.tabText(0) == "Employees"
