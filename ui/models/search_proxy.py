"""A sorting proxy that filters rows by a search box, with pinyin and initials (app.rules.search)."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel

from app.rules.search import matches, search_key
from ui.models.table import RowTableModel, SortingProxy, SortRole


class SearchProxy(SortingProxy):
    def __init__(self, model: RowTableModel, fields, parent=None):
        """fields(row) -> the texts a search looks in (name, no., department…)."""
        super().__init__(parent)
        self.fields = fields
        self.query = ""
        self._keys: dict[int, str] = {}  # id(row) -> its haystack (model rows move when sorted)
        self.setSourceModel(model)
        self.setSortRole(SortRole)
        model.modelReset.connect(self._keys.clear)

    def set_query(self, text: str) -> None:
        self.beginFilterChange()
        self.query = text.strip()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:  # noqa: N802
        if not self.query:
            return True
        row = self.sourceModel().row_at(source_row)
        key = self._keys.get(id(row))
        if key is None:
            key = self._keys[id(row)] = search_key(*self.fields(row))
        return matches(self.query, key)
