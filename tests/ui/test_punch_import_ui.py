"""The punch import dialog on the demo department: the preview before anything is written, an
unknown clock no. mapped from the dialog (and remembered), then the import in the worker."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QPushButton

from app.services import punch_import
from app.services.punches import list_punches
from ui.operations import drain


@pytest.fixture(autouse=True)
def _worker_done_before_the_database_goes(demo_db):
    yield
    from ui.workers import pool

    pool().waitForDone(30000)


def test_preview_map_and_import(main_window, qtbot, tmp_path, admin):
    tab = main_window().select_tab("attendanceTab")
    qtbot.waitUntil(lambda: not tab.is_loading(), timeout=30000)
    path = tmp_path / "1_attlog.dat"
    lines = [f"{'4':>9}\t2025-03-0{d} 08:2{d}:00\t1\t1\t1\t0" for d in (3, 4, 5)]  # 4 -> E004 by its digits
    lines += [f"{'77':>9}\t2025-03-03 08:25:00\t1\t0\t1\t0", f"{'77':>9}\t2025-03-03 08:25:20\t1\t0\t1\t0",
              "#### not a punch"]
    path.write_text("\n".join(lines) + "\n", encoding="ascii")
    dialog = tab.start_import(str(path))
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=30000)
    assert "ZKTeco" in dialog.summary.text() and "2025-03-03" in dialog.summary.text()
    assert dialog.model.rowCount() == 1
    assert dialog.unknown_box.isVisibleTo(dialog) and not dialog.run_button.isEnabled()
    assert dialog.run_button.toolTip() == dialog.preview["why_not"] != ""  # the service's reason, word for word
    assert dialog.findChild(QComboBox, "mapCombo_77").findData("E005") > 0  # the people arrived by a query
    assert "not a punch" in dialog.problems.toPlainText()
    dialog.resize(1000, 640)
    dialog.grab().save(str(tmp_path / "preview.png"))

    combo = dialog.findChild(QComboBox, "mapCombo_77")
    combo.setCurrentIndex(combo.findData("E005"))
    dialog.findChild(QPushButton, "mapButton_77").click()
    qtbot.waitUntil(lambda: dialog.preview and not dialog.preview["unknown"], timeout=30000)
    assert dialog.run_button.isEnabled() and dialog.preview["may_import"] and not dialog.run_button.toolTip()
    expected = dialog.preview["new"]
    assert expected == 4  # three for E004, one for E005 (the second 77 punch is 20 s later: the same punch)
    qtbot.mouseClick(dialog.run_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=30000)  # the window's own polling also emits changes
    assert dialog.result["added"] == expected
    assert [p["at"].date() for p in list_punches(admin, 2025, 3, "E005")] == [date(2025, 3, 3)]
    assert [(m["clock_no"], m["employee_no"]) for m in punch_import.clock_number_map(admin)] == [("77", "E005")]


def test_clock_no_is_edited_in_the_employee_dialog_and_shown_in_the_list(qtbot, main_window, admin):
    from PySide6.QtWidgets import QDialogButtonBox

    from app.services.employees import EmployeeInput, create_employee, get_employee
    from ui.employees.dialog import EmployeeDialog

    create_employee(admin, EmployeeInput("E099", "临时工", clock_no="583"))
    view = main_window().select_tab("employeesTab")
    view.ctx.bus.emit_areas("employees")  # as if the watcher saw it (it would, within a second)
    qtbot.waitUntil(lambda: any(r.employee_no == "E099" for r in view.model.rows), timeout=10000)
    row = next(r for r in view.model.rows if r.employee_no == "E005")
    dialog = EmployeeDialog(view.ctx, view.model.rows, row, view)
    qtbot.addWidget(dialog)
    dialog.clock_no.setText("583")  # 临时工's clock no.: refused with the owner's name
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)
    drain()  # the dialog saves as an operation
    assert "临时工" in dialog.problem.text() and not dialog.result()
    dialog.clock_no.setText("1005")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)
    drain()
    assert dialog.result() and get_employee(admin, "E005").clock_no == "1005"
