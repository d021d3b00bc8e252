"""Issue 15 item 16: every tab and dialog, in English and in Chinese: no Chinese left in the English UI
(data the shop typed aside), and nothing clipped."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from ui.operations import drain

from tests.ui.window_walk import cjk_left, clipped_headers, data_texts, elided, widget_texts

TABS = ["employeesTab", "orgTab", "taskTab", "attendanceTab", "appraisalTab", "documentsTab"]


@pytest.fixture
def walk(main_window, actor_for, qtbot):
    from ui import i18n

    def open_window(language: str):
        i18n.install(language)
        window = main_window(actor_for("linxw"))
        window.showNormal()  # the offscreen screen is 800×600; walk the laptop size the issue names
        window.setWindowState(window.windowState() & ~Qt.WindowMaximized)
        window.resize(1366, 768)
        qtbot.wait(50)
        return window

    yield open_window
    i18n.install("en")


def pages(window, qtbot):
    """Every tab, and every page inside a tab (org chart / structure, board / plans / statistics …)."""
    from PySide6.QtWidgets import QTabWidget

    for name in TABS:
        content = window.select_tab(name)
        if content is None:
            continue
        drain()  # the tab's data loads in the background: judge it loaded, as a person would
        qtbot.wait(20)
        inner = [t for t in content.findChildren(QTabWidget)]
        yield name, content
        for tabs in inner:
            for i in range(tabs.count()):
                tabs.setCurrentIndex(i)
                drain()
                qtbot.wait(20)
                yield f"{name}/{tabs.tabText(i)}", content


def dialogs(window):
    from ui.appraisal.period_dialog import NewPeriodDialog
    from ui.employees.dialog import EmployeeDialog
    from ui.settings_dialog import SettingsDialog
    from ui.users_dialog import UsersDialog

    ctx = window.ctx
    employees = window.tab_content("employeesTab")
    yield "settings", SettingsDialog(ctx, window)
    yield "users", UsersDialog(ctx, window) if ctx.can("users.manage") else None
    yield "new employee", EmployeeDialog(ctx, employees.model.rows, None, window)
    yield "new period", NewPeriodDialog(set(), parent=window)


def test_the_english_ui_has_no_chinese_but_the_shops_data(walk, qtbot):
    window = walk("en")
    data = data_texts()
    problems = []
    for where, _content in pages(window, qtbot):
        for widget, text in widget_texts(window):
            left = cjk_left(text, data)
            if left:
                problems.append(f"{where} · {type(widget).__name__} {widget.objectName()!r}: {text[:70]!r}")
    for name, dialog in dialogs(window):
        if dialog is None:
            continue
        dialog.show()
        for widget, text in widget_texts(dialog):
            if cjk_left(text, data):
                problems.append(f"dialog {name} · {type(widget).__name__} {widget.objectName()!r}: {text[:70]!r}")
        dialog.close()
    assert not problems, "Chinese in the English UI:\n" + "\n".join(sorted(set(problems)))


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_no_header_or_label_is_clipped(walk, qtbot, language):
    window = walk(language)
    problems = []
    for where, _content in pages(window, qtbot):
        for view in window.findChildren(QTableView):
            problems.extend(f"{where} · {p}" for p in clipped_headers(view))
        for widget, text in widget_texts(window):
            if elided(widget, text):
                problems.append(f"{where} · label {widget.objectName()!r}: {text[:60]!r} "
                                f"({widget.fontMetrics().horizontalAdvance(text)}px in {widget.contentsRect().width()}px)")
    assert not problems, f"clipped in {language}:\n" + "\n".join(sorted(set(problems)))
