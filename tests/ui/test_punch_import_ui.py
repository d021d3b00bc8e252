"""The punch import dialog on the demo department: the preview before anything is written, an
unknown clock no. mapped from the dialog (and remembered), then the import in the worker."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QPushButton

from app.services import punch_import
from app.services.punches import list_punches


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
    assert "not a punch" in dialog.problems.toPlainText()
    dialog.resize(1000, 640)
    dialog.grab().save(str(tmp_path / "preview.png"))

    combo = dialog.findChild(QComboBox, "mapCombo_77")
    combo.setCurrentIndex(combo.findData("E005"))
    dialog.findChild(QPushButton, "mapButton_77").click()
    qtbot.waitUntil(lambda: dialog.preview and not dialog.preview["unknown"], timeout=30000)
    assert dialog.run_button.isEnabled()
    expected = dialog.preview["new"]
    assert expected == 4  # three for E004, one for E005 (the second 77 punch is 20 s later: the same punch)
    with qtbot.waitSignal(tab.ctx.bus.changed, timeout=30000):
        qtbot.mouseClick(dialog.run_button, Qt.LeftButton)
    assert dialog.result["added"] == expected
    assert [p["at"].date() for p in list_punches(admin, 2025, 3, "E005")] == [date(2025, 3, 3)]
    assert [(m["clock_no"], m["employee_no"]) for m in punch_import.clock_number_map(admin)] == [("77", "E005")]
