"""The attendance tab on the demo department: grid, day detail, summary, requests, roster, export.
The demo is loaded as of 2026-11-25, and the tab opens on that month whatever the day the tests run."""

import pytest
from PySide6.QtCore import QDate, Qt

from app.services import roster as roster_svc
from ui.operations import drain


class _DemoDay(QDate):
    @staticmethod
    def currentDate():  # noqa: N802 - Qt's name
        return QDate(2026, 11, 25)


@pytest.fixture(autouse=True)
def _opens_on_the_demo_month(monkeypatch):
    from ui.attendance import view

    monkeypatch.setattr(view, "QDate", _DemoDay)


@pytest.fixture(autouse=True)
def _worker_done_before_the_database_goes(demo_db):
    yield
    drain()


def loaded(tab, qtbot):
    """The month is loaded in the worker: wait until no load is under way."""
    drain()  # operations still queued (a decision, then the reload its change starts)
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


def test_summary_sorts_by_a_header_as_numbers_and_names(view, qtbot):
    from PySide6.QtCore import QPoint

    table, model = view.summary, view.summary_model
    header = table.horizontalHeader()

    def shown(key: str) -> list[str]:
        column = model.column_index(key)
        return [table.model().index(r, column).data() for r in range(table.model().rowCount())]

    def click(key: str) -> None:
        column = model.column_index(key)
        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        qtbot.mouseClick(header.viewport(), Qt.LeftButton, pos=QPoint(x, header.height() // 2))

    table.sortByColumn(model.column_index("penalty_rmb"), Qt.DescendingOrder)
    amounts = [float(text.lstrip("¥").replace(",", "")) for text in shown("penalty_rmb")]
    assert amounts == sorted(amounts, reverse=True) and amounts[0] > 0  # money, not text: ¥100.00 above ¥20.00
    click("name")
    names = [r["name"] for r in model.rows]
    assert shown("name") in (sorted(names), sorted(names, reverse=True))
    click("late_minutes")
    late = [int(text) for text in shown("late_minutes")]
    assert late in (sorted(late), sorted(late, reverse=True)) and len(set(late)) > 1


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
    drain()
    after = roster_svc.roster_month(admin, day.year, day.month)[day]
    assert (model.people[0][0] in after) != before


def test_export_and_month_navigation(main_window, qtbot, tmp_path):
    window = main_window()
    view = loaded(window.select_tab("attendanceTab"), qtbot)
    path = tmp_path / "a.xlsx"
    view.export_to(str(path))
    qtbot.waitUntil(lambda: "Exported 15" in window.statusBar().currentMessage(), timeout=20000)
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


def _fill_and_submit(monkeypatch, dialog_class, fill):
    """Replace the dialog's exec: fill its fields, press the OK button, return what exec would."""
    from PySide6.QtWidgets import QDialogButtonBox

    seen = {}

    def run(dialog):
        fill(dialog)
        ok = dialog.buttons.button(QDialogButtonBox.Ok)
        seen["enabled"], seen["error"] = ok.isEnabled(), dialog.error.text()
        ok.click()
        drain()  # dialogs that save as an operation close when it is done
        seen["id"] = dialog.new_id
        return dialog.result()

    monkeypatch.setattr(dialog_class, "exec", run)
    return seen


def test_staff_request_overtime_and_their_manager_approves_it(main_window, actor_for, qtbot, monkeypatch):
    from datetime import datetime

    from PySide6.QtCore import QDateTime

    from app.services import leave as leave_svc
    from ui.attendance.dialogs import OvertimeDialog

    staff = loaded(main_window(actor_for("zhangyt")).select_tab("attendanceTab"), qtbot)
    assert staff.act_overtime.isVisible()

    def fill(d):
        assert d.person.count() == 1 and d.person.currentData() == "E004"  # staff file for themselves only
        d.start.setDateTime(QDateTime(datetime(2026, 11, 21, 9, 0)))  # a Saturday: earns comp hours
        d.end.setDateTime(QDateTime(datetime(2026, 11, 21, 12, 0)))
        d.reason.setText("大促备货")

    seen = _fill_and_submit(monkeypatch, OvertimeDialog, fill)
    staff.act_overtime.trigger()
    drain()  # whom to offer comes by a query, the request is filed by an operation
    assert seen["enabled"] and seen["id"] is not None
    loaded(staff, qtbot)
    mine = [r for r in staff.requests_model.rows if r.kind == "overtime" and r.id == seen["id"]]
    assert mine and not mine[0].can_decide  # filed, waiting, and not theirs to approve

    manager = loaded(main_window(actor_for("wanghr")).select_tab("attendanceTab"), qtbot)
    row = next(i for i, r in enumerate(manager.requests_model.rows) if r.kind == "overtime" and r.id == seen["id"])
    manager.requests.selectRow(row)
    assert manager.approve.isEnabled()
    manager.approve.click()
    loaded(manager, qtbot)
    assert all(not (r.kind == "overtime" and r.id == seen["id"]) for r in manager.requests_model.rows)
    summary = leave_svc.pending_requests(actor_for("wanghr"))
    assert all(not (r.kind == "overtime" and r.id == seen["id"]) for r in summary)


def test_overtime_dialog_refuses_an_end_before_the_start(main_window, actor_for, qtbot):
    from datetime import datetime

    from PySide6.QtCore import QDateTime
    from PySide6.QtWidgets import QDialogButtonBox

    from app.services.filing import filing_choices
    from ui.attendance.dialogs import OvertimeDialog

    tab = loaded(main_window(actor_for("zhangyt")).select_tab("attendanceTab"), qtbot)
    dialog = OvertimeDialog(tab.ctx, filing_choices(tab.ctx.actor, "overtime"), tab)
    dialog.start.setDateTime(QDateTime(datetime(2026, 11, 21, 12, 0)))
    dialog.end.setDateTime(QDateTime(datetime(2026, 11, 21, 9, 0)))
    assert not dialog.buttons.button(QDialogButtonBox.Ok).isEnabled() and dialog.error.text()


def test_correction_from_the_grid_day_and_hr_approves_it(main_window, actor_for, qtbot, monkeypatch, admin):
    from datetime import date, datetime, time

    from app.services import attendance as att_svc
    from ui.attendance.dialogs import CorrectionDialog

    staff = loaded(main_window(actor_for("zhangyt")).select_tab("attendanceTab"), qtbot)
    staff.month.setDate(QDate(2026, 10, 1))  # a month that is over
    loaded(staff, qtbot)
    assert staff.grid_model.days[0] == date(2026, 10, 1)
    day = next(d for d, c in zip(staff.grid_model.days, staff.grid_model.people[0]["cells"]) if c.scheduled)
    staff.show_day("E004", day)

    def fill(d):
        assert d.person.currentData() == "E004" and d.at.dateTime().toPython().date() == day  # the day clicked
        assert not d.buttons.button(d.buttons.StandardButton.Ok).isEnabled()  # a reason is needed
        d.reason.setText("忘记打卡")

    seen = _fill_and_submit(monkeypatch, CorrectionDialog, fill)
    from app.services import punches

    # filed on 1 November: October's corrections are still open (they close on the 3rd)
    monkeypatch.setattr(punches, "now", lambda: datetime(2026, 11, 1, 12))
    staff.act_correction.trigger()
    drain()
    assert seen["id"] is not None
    loaded(staff, qtbot)
    assert any(r.kind == "correction" and r.id == seen["id"] for r in staff.requests_model.rows)

    hr = loaded(main_window(actor_for("fengyq")).select_tab("attendanceTab"), qtbot)
    row = next(i for i, r in enumerate(hr.requests_model.rows) if r.kind == "correction" and r.id == seen["id"])
    hr.requests.selectRow(row)
    hr.approve.click()
    loaded(hr, qtbot)
    detail = att_svc.day_detail(admin, "E004", day)
    assert [c["status"] for c in detail["corrections"] if c["id"] == seen["id"]] == ["approved"]
    assert datetime.combine(day, time(17, 30)) in [c["at"] for c in detail["corrections"]]


def test_a_burst_of_changes_costs_one_more_load_and_the_last_month_asked_is_shown(view, qtbot, monkeypatch):
    """An import's chunks and a kiosk's punches reach the tab as many changes: it loads once more
    after the load under way, never once per change (a queue of loads on the one executor)."""
    from ui.attendance import view as module

    loads = []
    real = module.svc.month_table
    monkeypatch.setattr(module.svc, "month_table", lambda actor, y, m: loads.append((y, m)) or real(actor, y, m))
    for _ in range(20):
        view.refresh({"attendance"})
    view.month.setDate(QDate(2026, 10, 1))  # the user moves to October meanwhile
    loaded(view, qtbot)
    assert len(loads) == 2 and loads[-1] == (2026, 10)
    assert {d.month for d in view.grid_model.days} == {10}


def test_the_month_grid_paints_each_day_in_its_status_colour_and_frames_the_selection(view):
    from PySide6.QtGui import QColor

    from ui import theme

    grid, model = view.grid, view.grid_model
    grid.resize(1300, 600)
    shown = {}
    for row, person in enumerate(model.people):
        for col, cell in enumerate(person["cells"], start=1):
            shown.setdefault(cell.status, (row, col))
    image = grid.viewport().grab().toImage()

    def pixel(row: int, col: int, dx: int = 3) -> QColor:  # near the left edge: beside the letter
        rect = grid.visualRect(model.index(row, col))
        return image.pixelColor(rect.left() + dx, rect.center().y())

    for status in ("normal", "late", "rest"):
        expected = QColor(theme.status[status])
        alpha = 70 if status == "rest" else 200
        blended = [round((c * alpha + 255 * (255 - alpha)) / 255) for c in (expected.red(), expected.green(), expected.blue())]
        got = pixel(*shown[status])
        assert all(abs(a - b) <= 3 for a, b in zip(blended, (got.red(), got.green(), got.blue()))), status
    row, col = shown["late"]
    grid.setCurrentIndex(model.index(row, col))
    framed = grid.viewport().grab().toImage()
    rect = grid.visualRect(model.index(row, col))
    edge = framed.pixelColor(rect.left() + 1, rect.center().y())
    assert edge == QColor(theme.accent)  # the selected day is framed in the accent colour


def test_a_dialog_opening_over_the_month_grid_leaves_the_grid_unpainted(view, qtbot):
    """Qt repaints a view's every visible cell when its window is deactivated (to dim the selection):
    a dialog opening over the 500-person grid then froze the window for 50-70 ms. The grid keeps its
    look instead (ui/widgets/table_view.steady_on_activation)."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QDialog

    window = view.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    painted = []

    class PaintSpy(QObject):
        def eventFilter(self, _obj, event):  # noqa: N802 (Qt API)
            if event.type() == QEvent.Type.Paint:
                painted.append(event)
            return False

    spy = PaintSpy()
    view.grid.viewport().installEventFilter(spy)
    dialog = QDialog(window)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: not window.isActiveWindow(), timeout=5000)
    qtbot.wait(100)
    view.grid.viewport().removeEventFilter(spy)
    dialog.close()
    assert painted == []
