"""Sorting a table by a header click: the model orders its rows by keys computed once per column
(ui/models/table.py). Numbers sort as numbers, text by code point (Chinese names included), empty
cells first, ties keep their order, and the selection stays on its row."""

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QPoint, Qt

from ui.models.search_proxy import SearchProxy
from ui.models.table import Column, RowTableModel, sorting_proxy
from ui.widgets.table_view import DataTableView

PEOPLE = [
    {"no": "E010", "name": "王芳", "late": 12, "penalty": Decimal("100.00"), "hired": date(2024, 3, 1)},
    {"no": "E002", "name": "李娜", "late": 3, "penalty": Decimal("20.00"), "hired": date(2023, 11, 20)},
    {"no": "E001", "name": "张伟", "late": None, "penalty": Decimal("0"), "hired": date(2025, 1, 6)},
    {"no": "E003", "name": "陈静", "late": 3, "penalty": Decimal("5.50"), "hired": date(2022, 7, 15)},
    {"no": "E100", "name": "Amy", "late": 100, "penalty": Decimal("1234.00"), "hired": date(2021, 2, 1)},
]


def _model():
    model = RowTableModel([
        Column("no", "No."),
        Column("name", "Name"),
        Column("late", "Late min", align_right=True),
        Column("penalty", "Penalty", align_right=True, text=lambda v: f"¥{v:,.2f}"),
        Column("hired", "Hired"),
    ])
    model.set_rows(PEOPLE)
    return model


def _shown(view, column: int) -> list:
    model = view.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


@pytest.fixture
def table(qtbot):
    view = DataTableView("sortingTable")
    view.setModel(sorting_proxy(_model(), view))
    qtbot.addWidget(view)
    view.resize(700, 300)
    view.show()
    return view


def click_header(qtbot, view, column: int) -> None:
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.LeftButton, pos=QPoint(x, header.height() // 2))


def test_numbers_sort_by_value_and_empty_cells_come_first(table, qtbot):
    click_header(qtbot, table, 2)  # Late min, ascending
    assert table.horizontalHeader().sortIndicatorSection() == 2
    order = table.horizontalHeader().sortIndicatorOrder()
    late = _shown(table, 2)
    ascending = ["", "3", "3", "12", "100"]  # 100 after 12: a number, not the text "100"
    assert late == (ascending if order == Qt.AscendingOrder else ascending[::-1])
    click_header(qtbot, table, 2)  # and back the other way
    assert _shown(table, 2) == (ascending[::-1] if order == Qt.AscendingOrder else ascending)


def test_money_shown_with_its_unit_sorts_as_money(table):
    table.sortByColumn(3, Qt.AscendingOrder)
    assert _shown(table, 3) == ["¥0.00", "¥5.50", "¥20.00", "¥100.00", "¥1,234.00"]
    table.sortByColumn(3, Qt.DescendingOrder)
    assert _shown(table, 3) == ["¥1,234.00", "¥100.00", "¥20.00", "¥5.50", "¥0.00"]


def test_chinese_names_and_numbers_sort_as_the_proxy_sorted_them(table):
    table.sortByColumn(1, Qt.AscendingOrder)
    assert _shown(table, 1) == ["Amy", "张伟", "李娜", "王芳", "陈静"]  # code point order, as QString compared
    assert _shown(table, 1) == sorted(p["name"] for p in PEOPLE)
    table.sortByColumn(0, Qt.DescendingOrder)
    assert _shown(table, 0) == ["E100", "E010", "E003", "E002", "E001"]
    table.sortByColumn(4, Qt.AscendingOrder)  # dates in calendar order
    assert _shown(table, 4) == ["2021-02-01", "2022-07-15", "2023-11-20", "2024-03-01", "2025-01-06"]


def test_ties_keep_the_order_they_were_given_in_either_way(table):
    table.sortByColumn(2, Qt.AscendingOrder)
    assert _shown(table, 0)[1:3] == ["E002", "E003"]  # both 3 minutes late: given order
    table.sortByColumn(2, Qt.DescendingOrder)
    assert _shown(table, 0)[2:4] == ["E002", "E003"]


def test_the_selection_and_row_lookups_follow_the_rows(table):
    proxy = table.model()
    source = proxy.sourceModel()
    table.sortByColumn(0, Qt.AscendingOrder)
    table.selectRow(0)  # E001
    table.sortByColumn(0, Qt.DescendingOrder)
    selected = table.selectionModel().selectedRows()
    assert len(selected) == 1 and selected[0].row() == 4
    assert source.row_at(proxy.mapToSource(selected[0]).row())["no"] == "E001"
    assert [source.row_at(r)["no"] for r in range(5)] == ["E100", "E010", "E003", "E002", "E001"]
    assert source.rows == PEOPLE  # the rows as given are untouched


def test_new_rows_arrive_in_the_order_the_user_chose(table):
    table.sortByColumn(2, Qt.DescendingOrder)
    source = table.model().sourceModel()
    source.set_rows(PEOPLE + [{"no": "E200", "name": "周杰", "late": 50, "penalty": Decimal(0), "hired": date(2026, 1, 5)}])
    assert _shown(table, 2) == ["100", "50", "12", "3", "3", ""]


def test_a_table_without_a_proxy_sorts_too(qtbot):
    view = DataTableView("plainTable")
    view.setModel(_model())
    qtbot.addWidget(view)
    view.sortByColumn(3, Qt.DescendingOrder)
    assert _shown(view, 0) == ["E100", "E010", "E002", "E003", "E001"]


def test_search_still_finds_by_pinyin_after_a_sort(qtbot):
    model = _model()
    proxy = SearchProxy(model, lambda r: (r["no"], r["name"]))
    view = DataTableView("searchTable")
    view.setModel(proxy)
    qtbot.addWidget(view)
    view.sortByColumn(1, Qt.DescendingOrder)
    proxy.set_query("zhang")
    assert _shown(view, 1) == ["张伟"]
    proxy.set_query("")
    view.sortByColumn(1, Qt.AscendingOrder)
    proxy.set_query("ln")  # the initials of 李娜
    assert _shown(view, 1) == ["李娜"]


def test_column_widths_are_remembered_once_resizing_stops(qtbot):
    from PySide6.QtCore import QSettings

    view = DataTableView("widthsTable")
    view.setModel(_model())
    qtbot.addWidget(view)
    view.show()
    view.setColumnWidth(1, 211)
    view.setColumnWidth(1, 212)  # a drag: many resizes, one write
    qtbot.waitUntil(lambda: QSettings().value(view._key()) is not None, timeout=5000)
    assert int(QSettings().value(view._key())[1]) == 212
    view.setColumnWidth(2, 99)
    view.hide()  # closed right after: still written
    assert int(QSettings().value(view._key())[2]) == 99


def test_widths_kept_in_one_language_do_not_cut_the_other(qtbot, monkeypatch):
    """Widths that fit "法定假日" would cut "Statutory holiday": each language keeps its own."""
    from PySide6.QtCore import QSettings

    from app import i18n

    monkeypatch.setattr(i18n, "language", lambda: "zh_CN")
    view = DataTableView("languageTable")
    view.setModel(_model())
    qtbot.addWidget(view)
    view.show()
    view.setColumnWidth(1, 40)
    view.hide()
    assert int(QSettings().value("tables/languageTable/widths/zh_CN")[1]) == 40
    monkeypatch.setattr(i18n, "language", lambda: "en")
    english = DataTableView("languageTable")
    english.setModel(_model())
    qtbot.addWidget(english)
    assert english.columnWidth(1) > 40
