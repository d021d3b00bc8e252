"""A table model over plain rows with named columns (the Vorta pattern), tested without widgets."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt

SortRole = Qt.UserRole + 1
RowRole = Qt.UserRole + 2


@dataclass
class Column:
    key: str
    title: str  # already translated
    value: Callable[[Any], Any] | None = None  # row -> shown value (default: attribute/key)
    align_right: bool = False
    color: Callable[[Any], Any] | None = None  # row -> QColor/str for the text, or None
    background: Callable[[Any], Any] | None = None
    tooltip: Callable[[Any], str] | None = None


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

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

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

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = self.columns[index.column()]
        if role == Qt.DisplayRole:
            return display(self.raw(row, col))
        if role == SortRole:
            value = self.raw(row, col)
            if value is None:
                return ""
            if isinstance(value, (date, datetime)):
                return value.isoformat()
            return value
        if role == RowRole:
            return row
        if role == Qt.TextAlignmentRole:
            return int(Qt.AlignRight | Qt.AlignVCenter) if col.align_right else int(Qt.AlignLeft | Qt.AlignVCenter)
        if role == Qt.ForegroundRole and col.color:
            from PySide6.QtGui import QColor

            c = col.color(row)
            return QColor(c) if c else None
        if role == Qt.BackgroundRole and col.background:
            from PySide6.QtGui import QColor

            c = col.background(row)
            return QColor(c) if c else None
        if role == Qt.ToolTipRole and col.tooltip:
            return col.tooltip(row)
        return None


def sorting_proxy(model: RowTableModel, parent=None) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SortRole)
    proxy.setFilterCaseSensitivity(Qt.CaseInsensitive)
    proxy.setFilterKeyColumn(-1)
    return proxy
