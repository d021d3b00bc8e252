"""A table model over plain rows with named columns (the Vorta pattern), tested without widgets."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt

# Plain ints: comparing a role with a Qt enum attribute costs ~6 µs in PySide6 (an int compare ~0.1 µs),
# and data() is called for every cell a sort or paint touches.
_DISPLAY, _ALIGN, _FOREGROUND, _BACKGROUND, _TOOLTIP = (int(r.value) for r in (
    Qt.DisplayRole, Qt.TextAlignmentRole, Qt.ForegroundRole, Qt.BackgroundRole, Qt.ToolTipRole))
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
        self.rows: list[Any] = []
        self._values: dict[int, tuple] = {}

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._values: dict[int, tuple] = {}  # row -> its columns' raw values, computed once (sorting asks often)
        self.endResetModel()

    def _row_values(self, r: int) -> tuple:
        values = self._values.get(r)
        if values is None:
            row = self.rows[r]
            values = self._values[r] = tuple(self.raw(row, col) for col in self.columns)
        return values

    def column_index(self, key: str) -> int:
        return next(i for i, col in enumerate(self.columns) if col.key == key)

    def row_at(self, row: int) -> Any:
        return self.rows[row]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(self.columns):
            return self.columns[section].title
        return None

    def raw(self, row: Any, col: Column) -> Any:
        return col.value(row) if col.value else _get(row, col.key)

    def data(self, index: QModelIndex, role=_DISPLAY):
        if role == _DISPLAY:
            value = self._row_values(index.row())[index.column()]
            text = self.columns[index.column()].text
            return text(value) if text is not None and value is not None else display(value)
        if role == SortRole:
            value = self._row_values(index.row())[index.column()]
            if value is None:
                return ""
            if isinstance(value, (date, datetime)):
                return value.isoformat()
            return value
        row = self.rows[index.row()]
        col = self.columns[index.column()]
        if role == RowRole:
            return row
        if role == _ALIGN:
            return _RIGHT if col.align_right else _LEFT
        if role == _FOREGROUND and col.color:
            from PySide6.QtGui import QColor

            c = col.color(row)
            return QColor(c) if c else None
        if role == _BACKGROUND and col.background:
            from PySide6.QtGui import QColor

            c = col.background(row)
            return QColor(c) if c else None
        if role == _TOOLTIP and col.tooltip:
            return col.tooltip(row)
        return None


def sorting_proxy(model: RowTableModel, parent=None) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SortRole)
    proxy.setFilterCaseSensitivity(Qt.CaseInsensitive)
    proxy.setFilterKeyColumn(-1)
    return proxy
