"""Attendance ▸ Holidays: the year grid, adding and removing a day, importing a schedule, and the banner."""

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt

from app.services import calendar as cal
from ui.operations import drain


@pytest.fixture(autouse=True)
def _worker_done_before_the_database_goes(demo_db):
    yield
    from ui.workers import pool

    pool().waitForDone(30000)


@pytest.fixture
def november_2026(monkeypatch):
    monkeypatch.setattr(cal, "now", lambda: datetime(2026, 11, 29, 9, 0))


def test_banner_opens_the_page_and_the_shop_enters_2027(main_window, qtbot, november_2026, tmp_path):
    window = main_window()
    banner = window.holiday_banner
    drain()  # the banner reads the calendar by a query
    assert banner.isVisibleTo(window) and "2027" in banner.text.text()
    qtbot.mouseClick(banner.button, Qt.LeftButton)
    view = window.tab_content("attendanceTab")
    page = view.holidays
    drain()  # the year's view comes by a query
    assert view.pages.currentWidget() is page and page.year.value() == 2027
    assert "2027" in page.state.text() and page.grid_model.rowCount() == 12
    assert page.save_day(date(2027, 1, 1), "holiday", "元旦")
    drain()  # written by an operation; the page reloads by another
    index = page.grid_model.index(0, 0)
    assert page.grid_model.data(index) == "H" and "元旦" in page.grid_model.data(index, Qt.ToolTipRole)
    assert [e.day for e in page.list_model.rows] == [date(2027, 1, 1)]
    qtbot.waitUntil(lambda: not banner.isVisibleTo(window), timeout=5000)  # 2027 has holidays now
    page.grid.setCurrentIndex(index)
    page._update_buttons()
    assert page.remove.isEnabled()
    page.remove_selected()
    drain()
    assert page.list_model.rows == [] and page.grid_model.data(index) == ""
    path = tmp_path / "2027.csv"
    path.write_text("date,kind,name\n2027-02-06~2027-02-12,holiday,春节\n2027-02-20,makeup,春节\n", encoding="utf-8")
    assert page.import_path(str(path))
    drain()
    assert len(page.list_model.rows) == 8
    assert page.grid_model.data(page.grid_model.index(1, 19)) == "W"  # 20 February, a Saturday worked
    page.grid.resize(900, 400)
    page.resize(1366, 700)
    page.grab().save(str(tmp_path / "holidays.png"))


def test_a_known_year_shows_the_statutory_days_read_only_for_staff(main_window, qtbot, actor_for):
    window = main_window(actor_for("zhangyt"))
    page = window.tab_content("attendanceTab").holidays
    page.show_year(2026)
    drain()
    assert not page.add.isVisibleTo(page) and not page.import_button.isVisibleTo(page)
    oct1 = page.grid_model.index(9, 0)
    assert page.grid_model.data(oct1) == "H" and page.grid_model.data(oct1, Qt.BackgroundRole) is not None
    assert "2026" in page.state.text()


def test_a_bad_schedule_is_refused_with_its_rows_and_changes_nothing(main_window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    page = main_window().tab_content("attendanceTab").holidays
    page.show_year(2027)
    drain()
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append((box.objectName(), box.detailedText())) or 0)
    path = tmp_path / "bad.csv"
    path.write_text("date,kind,name\n2027-02-06,holiday,春节\n2027-02-30,holiday,x\n", encoding="utf-8")
    page.import_path(str(path))
    drain()
    assert shown and shown[0][0] == "holidayImportErrorBox" and "3" in shown[0][1]  # the bad row, by its number
    assert page.list_model.rows == []


def test_the_banner_reads_the_calendar_only_when_attendance_changed(main_window, november_2026, monkeypatch):
    from app.services.changes import ChangeSet

    window = main_window()
    drain()
    reads = []
    real = cal.missing_next_year
    monkeypatch.setattr(cal, "missing_next_year", lambda *a: reads.append(1) or real(*a))
    window.ctx.bus.changed.emit(ChangeSet.of_areas("tasks"))
    drain()
    assert reads == [] and window.holiday_banner.year == 2027
    window.ctx.bus.changed.emit(ChangeSet.of_areas("attendance"))
    drain()
    assert reads == [1] and window.holiday_banner.year == 2027


def test_the_year_grid_marks_the_shops_days_bold_and_leaves_impossible_dates_blank(main_window, november_2026):
    page = main_window().tab_content("attendanceTab").holidays
    page.show_year(2027)
    drain()
    assert page.save_day(date(2027, 5, 4), "holiday", "青年节")
    drain()
    model = page.grid_model
    shop_day, plain_day, feb_30 = model.index(4, 3), model.index(4, 4), model.index(1, 29)
    assert model.data(shop_day) == "H" and model.data(shop_day, Qt.FontRole).bold()
    assert "青年节" in model.data(shop_day, Qt.ToolTipRole) and "2027-05-04" in model.data(shop_day, Qt.ToolTipRole)
    assert model.data(plain_day, Qt.FontRole) is None and model.data(plain_day) == ""
    assert model.day_at(feb_30) is None and model.data(feb_30) is None
    assert model.data(feb_30, Qt.BackgroundRole) is not None  # greyed, not a day


def test_every_day_of_the_month_fits_beside_the_list_at_1366_px(main_window, qtbot):
    """At 1366 px the grid gets what shows all 31 days: days 27-31 in view, not behind a scroll bar."""
    from ui.attendance.holidays import _YearGrid

    view = main_window().tab_content("attendanceTab")
    drain()
    grid = _YearGrid(objectName="fitGrid")
    grid.setModel(view.holidays.grid_model)
    qtbot.addWidget(grid)
    grid.resize(grid.wanted_width(), 420)
    grid.show()
    qtbot.waitExposed(grid)
    header = grid.horizontalHeader()
    assert header.count() == 31 and header.length() <= grid.viewport().width()
    assert not grid.horizontalScrollBar().isVisible()
