"""The attendance tab on the demo department: grid, day detail, summary, requests, roster, export."""


import pytest
from PySide6.QtCore import Qt

from app.services import roster as roster_svc


@pytest.fixture(autouse=True)
def _worker_done_before_the_database_goes(demo_db):
    yield
    from ui.workers import pool

    pool().waitForDone(30000)


def loaded(tab, qtbot):
    """The month is loaded in the worker: wait until no load is under way."""
    qtbot.waitUntil(lambda: not tab.is_loading(), timeout=30000)
    return tab


@pytest.fixture
def view(main_window, qtbot):
    window = main_window()
    return loaded(window.select_tab("attendanceTab"), qtbot)


def test_grid_shows_people_by_day_and_a_click_explains(view, qtbot):
    model = view.grid_model
    assert model.rowCount() == 15 and model.columnCount() == len(model.days) + 1
    statuses = {c.status for p in model.people for c in p["cells"]}
    assert {"normal", "rest"} <= statuses
    row = next(i for i, p in enumerate(model.people) if any(c.status in ("late", "early", "absent") for c in p["cells"]))
    col = next(j for j, c in enumerate(model.people[row]["cells"]) if c.status in ("late", "early", "absent")) + 1
    index = model.index(row, col)
    assert model.data(index, Qt.BackgroundRole) is not None and model.data(index) in ("L", "E", "A")
    rect = view.grid.visualRect(index)
    qtbot.mouseClick(view.grid.viewport(), Qt.LeftButton, pos=rect.center())
    text = view.detail.toPlainText()
    assert model.people[row]["name"] in text
    assert "min" in text or "absent" in text  # the reason for the verdict is shown


def test_summary_lists_everyone_with_the_demo_figures(view):
    rows = {r["employee_no"]: r for r in view.summary_model.rows}
    assert len(rows) == 15
    assert any(r["late_count"] for r in rows.values())
    assert view.summary.model().rowCount() == 15


def test_pending_request_can_be_approved_by_the_routed_manager(main_window, actor_for, qtbot):
    window = main_window(actor_for("wanghr"))  # E003 supervises E004, whose annual leave is pending
    tab = loaded(window.select_tab("attendanceTab"), qtbot)
    reqs = tab.requests_model.rows
    pending = next(i for i, r in enumerate(reqs) if r.employee_no == "E004")
    assert reqs[pending].can_decide
    tab.requests.selectRow(pending)
    assert tab.approve.isEnabled()
    tab.approve.click()
    loaded(tab, qtbot)
    assert all(r.employee_no != "E004" for r in tab.requests_model.rows)


def test_staff_cannot_decide_and_see_only_themselves(main_window, actor_for, qtbot):
    window = main_window(actor_for("zhangyt"))
    tab = loaded(window.select_tab("attendanceTab"), qtbot)
    assert [p["employee_no"] for p in tab.grid_model.people] == ["E004"]
    assert not tab.approve.isEnabled()
    assert not tab.act_import.isVisible() and not tab.act_export.isVisible()


def test_roster_click_toggles_duty(view, qtbot, admin):
    model = view.roster_model
    index = model.index(0, 1)  # the first person on the first day of the month
    day = model.days[0]
    before = model.people[0][0] in model.on_duty[day]
    qtbot.mouseClick(view.roster.viewport(), Qt.LeftButton, pos=view.roster.visualRect(index).center())
    after = roster_svc.roster_month(admin, day.year, day.month)[day]
    assert (model.people[0][0] in after) != before


def test_export_and_month_navigation(main_window, qtbot, tmp_path):
    window = main_window()
    view = loaded(window.select_tab("attendanceTab"), qtbot)
    path = tmp_path / "a.xlsx"
    view.export_to(str(path))
    qtbot.waitUntil(lambda: "Exported 15" in window.statusBar().currentMessage())
    from openpyxl import load_workbook

    sheet = load_workbook(path).active
    assert sheet.max_row == 16 and sheet.cell(1, 1).value == "Employee no."
    first = view.grid_model.days[0]
    view.findChild(type(view.act_export), "actionPrevMonth").trigger()
    loaded(view, qtbot)
    assert view.grid_model.days[0] < first


def test_the_month_loads_in_the_worker_and_stale_months_are_dropped(view, qtbot):
    start = view.month.date()
    view.reload()
    assert view.is_loading() and view.loading_action.isVisible()
    for _i in range(3):  # three quick steps back: only the last month shown is filled in
        view.findChild(type(view.act_export), "actionPrevMonth").trigger()
    loaded(view, qtbot)
    shown = start.addMonths(-3)
    assert view.grid_model.days[0].month == shown.month() and view.grid_model.days[0].year == shown.year()
    assert not view.loading_action.isVisible()


def test_kiosk_mode_is_in_the_tools_menu(main_window):
    window = main_window()
    action = window.findChild(type(window.menuBar().actions()[0]), "actionKioskMode")
    action.trigger()
    kiosk = window._kiosk
    assert kiosk.objectName() == "kioskWindow" and kiosk.isFullScreen()
    kiosk._may_close = True
    kiosk.close()
