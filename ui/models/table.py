"""A table model over plain rows with named columns (the Vorta pattern), tested without widgets.

Sorting is the model's own (``RowTableModel.sort``): one key per row and column, computed once, and
Python's sort over them. A QSortFilterProxyModel sorting by a role asks ``data()`` for both sides of
every comparison instead: about 9,000 calls into Python for 500 rows, 95 ms with the window frozen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

# Plain ints: comparing a role with a Qt enum attribute costs ~6 µs in PySide6 (an int compare ~0.1 µs),
# and data() is called for every cell a sort or paint touches.
_DISPLAY, _ALIGN, _FOREGROUND, _BACKGROUND, _TOOLTIP = (int(r.value) for r in (
    Qt.DisplayRole, Qt.TextAlignmentRole, Qt.ForegroundRole, Qt.BackgroundRole, Qt.ToolTipRole))
_HORIZONTAL = Qt.Horizontal
SortRole = int(Qt.UserRole.value) + 1
RowRole = int(Qt.UserRole.value) + 2
_RIGHT = int((Qt.AlignRight | Qt.AlignVCenter).value)
_LEFT = int((Qt.AlignLeft | Qt.AlignVCenter).value)


@dataclass
class Column:
    key: str
    title: str  # already translated
    value: Callable[[Any], Any] | None = None  # row -> shown value (default: attribute/key)
    align_right: bool = False
    color: Callable[[Any], Any] | None = None  # row -> QColor/str for the text, or None
    background: Callable[[Any], Any] | None = None
    tooltip: Callable[[Any], str] | None = None
    text: Callable[[Any], str] | None = None  # value -> shown text (rounding, units); sorting keeps the value


def _get(row: Any, key: str) -> Any:
    if isinstance(row, dict):
        return row.get(key)
    return getattr(row, key, None)


def sort_key(value: Any) -> tuple:
    """How a cell's value orders, as the proxy ordered it: empty first, then numbers by value, then
    text (dates as ISO text) by code point, case-sensitive. A column of numbers shown with a unit
    keeps the number as its value and formats it with ``Column.text``."""
    if value is None or value == "":
        return (0, 0)
    if isinstance(value, (int, float, Decimal)):  # bool too: False before True
        return (1, value)
    if isinstance(value, (date, datetime)):
        return (2, value.isoformat())
    return (2, str(value))


def display(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "✓" if value else ""
    if isinstance(value, float):
        return f"{value:,.2f}"
    return str(value)


class RowTableModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], parent=None):
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []  # as given (the service's order); the model shows them in _order
        self._order: list[int] = []  # model row -> index into rows
        self._values: dict[int, tuple] = {}
        self._keys: dict[int, list[tuple]] = {}  # column -> each row's sort key, by index into rows
        self._sorted_by: tuple[int, Qt.SortOrder] | None = None

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._values: dict[int, tuple] = {}  # rows index -> its columns' raw values, computed once
        self._keys = {}
        self._order = self._ordered(*self._sorted_by) if self._sorted_by else list(range(len(self.rows)))
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.AscendingOrder) -> None:  # noqa: N802 (Qt API)
        """Order the rows by ``column`` (what a click on its header asks); -1: the order given.
        Stable, as Qt's: rows with equal keys keep the order they were given in, either way."""
        self._sorted_by = (column, order) if 0 <= column < len(self.columns) else None
        self.layoutAboutToBeChanged.emit()
        moved = self.persistentIndexList()  # the selection and the current cell follow their rows
        sources = [self._order[i.row()] for i in moved]
        self._order = self._ordered(column, order) if self._sorted_by else list(range(len(self.rows)))
        shown_at = {source: r for r, source in enumerate(self._order)}
        self.changePersistentIndexList(moved, [self.index(shown_at[s], i.column()) for s, i in zip(sources, moved)])
        self.layoutChanged.emit()

    def _ordered(self, column: int, order: Qt.SortOrder) -> list[int]:
        keys = self._keys.get(column)
        if keys is None:
            keys = self._keys[column] = [sort_key(self._row_values(i)[column]) for i in range(len(self.rows))]
        return sorted(range(len(self.rows)), key=keys.__getitem__, reverse=order == Qt.DescendingOrder)

    @property
    def sorted_by(self) -> tuple[int, Qt.SortOrder] | None:
        return self._sorted_by

    def _row_values(self, r: int) -> tuple:
        values = self._values.get(r)
        if values is None:
            row = self.rows[r]
            values = self._values[r] = tuple(self.raw(row, col) for col in self.columns)
        return values

    def column_index(self, key: str) -> int:
        return next(i for i, col in enumerate(self.columns) if col.key == key)

    def row_at(self, row: int) -> Any:
        """The row shown at model row ``row`` (after sorting)."""
        return self.rows[self._order[row]]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=_DISPLAY):
        # the role first, as a plain int: a repaint asks each section for a dozen roles
        if role == _DISPLAY and orientation == _HORIZONTAL and 0 <= section < len(self.columns):
            return self.columns[section].title
        return None

    def raw(self, row: Any, col: Column) -> Any:
        return col.value(row) if col.value else _get(row, col.key)

    def data(self, index: QModelIndex, role=_DISPLAY):
        if role == _DISPLAY:
            value = self._row_values(self._order[index.row()])[index.column()]
            text = self.columns[index.column()].text
            return text(value) if text is not None and value is not None else display(value)
        if role == SortRole:
            value = self._row_values(self._order[index.row()])[index.column()]
            if value is None:
                return ""
            if isinstance(value, (date, datetime)):
                return value.isoformat()
            return value
        row = self.rows[self._order[index.row()]]
        col = self.columns[index.column()]
        if role == RowRole:
            return row
        if role == _ALIGN:
            return _RIGHT if col.align_right else _LEFT
        if role == _FOREGROUND and col.color:
            c = col.color(row)
            return QColor(c) if c else None
        if role == _BACKGROUND and col.background:
            c = col.background(row)
            return QColor(c) if c else None
        if role == _TOOLTIP and col.tooltip:
            return col.tooltip(row)
        return None


class SortingProxy(QSortFilterProxyModel):
    """Filters as any proxy does; a sort (a header click) is the source model's own, with its keys
    computed once. The proxy keeps the source's order, so it never asks data() per comparison."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.AscendingOrder) -> None:  # noqa: N802 (Qt API)
        self.sourceModel().sort(column, order)


def sorting_proxy(model: RowTableModel, parent=None) -> QSortFilterProxyModel:
    proxy = SortingProxy(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SortRole)
    proxy.setFilterCaseSensitivity(Qt.CaseInsensitive)
    proxy.setFilterKeyColumn(-1)
    return proxy
