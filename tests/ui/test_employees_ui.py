"""The employees screen: add, edit, search, import errors."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.services import employees as svc
from ui.operations import drain


def test_search_filters_the_roster(qtbot, main_window):
    view = main_window().select_tab("employeesTab")
    drain()  # the roster loads in the background
    assert view.proxy.rowCount() == 15
    view.search.setText("客服")  # QTest cannot type CJK characters
    assert view.proxy.rowCount() == 3
    view.search.clear()
    assert view.proxy.rowCount() == 15


def test_add_employee_through_the_dialog(qtbot, main_window, admin):
    from ui.employees.dialog import EmployeeDialog

    view = main_window().select_tab("employeesTab")

    drain()  # the roster loads in the background
    dialog = EmployeeDialog(view.ctx, view.model.rows, None, view)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.Ok)
    assert not ok.isEnabled()  # empty form
    qtbot.keyClicks(dialog.no, "E100")
    assert not ok.isEnabled() and "Name is missing" in dialog.problem.text()
    dialog.name.setText("李娜")
    dialog.department.setCurrentText("客服组")
    dialog.position.setCurrentText("客服专员")
    dialog.manager.setCurrentIndex(dialog.manager.findData("E007"))
    qtbot.keyClicks(dialog.pin, "12")
    assert not ok.isEnabled() and "4 to 8 digits" in dialog.problem.text()
    qtbot.keyClicks(dialog.pin, "34")
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.LeftButton)
    drain()
    assert dialog.result()
    row = svc.get_employee(admin, "E100")
    assert (row.name, row.manager_no, row.position, row.has_pin) == ("李娜", "E007", "客服专员", True)
    drain()  # the save's change set reloads the roster
    assert view.model.rowCount() == 16


def test_edit_employee_and_duplicate_badge_message(qtbot, main_window, admin):
    from ui.employees.dialog import EmployeeDialog

    view = main_window().select_tab("employeesTab")

    drain()  # the roster loads in the background
    row = next(r for r in view.model.rows if r.employee_no == "E005")
    dialog = EmployeeDialog(view.ctx, view.model.rows, row, view)
    qtbot.addWidget(dialog)
    assert dialog.no.text() == "E005" and dialog.position.currentText() == "运营专员"
    dialog.badge.setText("B01119253")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)
    drain()
    assert "张雨桐" in dialog.problem.text() and not dialog.result()
    dialog.badge.setText("B20005")
    dialog.phone.setText("13512345678")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)
    drain()
    assert dialog.result()
    assert svc.get_employee(admin, "E005").phone == "13512345678"


def test_import_runs_in_the_worker_and_refreshes(qtbot, main_window, tmp_path, admin):
    view = main_window().select_tab("employeesTab")
    drain()  # the roster loads in the background
    path = tmp_path / "new.csv"
    path.write_text("工号,姓名,部门,岗位,上级工号\nN1,新同事,客服组,客服专员,E007\n", encoding="utf-8")
    with qtbot.waitSignal(view.ctx.bus.changed, timeout=10000):
        view.start_import(str(path))
    drain()  # the roster reload the import's change started
    assert view.model.rowCount() == 16


def test_bad_import_shows_rows_and_imports_nothing(qtbot, main_window, tmp_path, admin, monkeypatch):
    view = main_window().select_tab("employeesTab")
    drain()  # the roster loads in the background
    shown = []
    monkeypatch.setattr(view, "_show_import_error", shown.append)
    path = tmp_path / "bad.csv"
    path.write_text("工号,姓名,上级工号\nN1,,E007\nN2,乙,M009\n", encoding="utf-8")
    view.start_import(str(path))
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "Row 2" in shown[0] and "Row 3" in shown[0] and "M009" in shown[0]
    assert svc.count(admin) == 15


def test_staff_sees_a_read_only_roster(qtbot, main_window):
    from app.services.context import Actor

    view = main_window(Actor(username="zhangyt", role="staff")).select_tab("employeesTab")

    drain()  # the roster loads in the background
    assert not view.act_new.isVisible() and not view.act_import.isVisible() and not view.act_export.isVisible()
    assert view.model.rowCount() == 15


def test_copy_gives_tab_separated_text(qtbot, main_window):
    view = main_window().select_tab("employeesTab")
    drain()  # the roster loads in the background
    view.table.selectRow(0)
    text = view.table.copy_selection()
    assert text.split("\t")[:2] == ["E001", "陈志远"]
