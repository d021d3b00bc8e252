"""A sorting proxy that filters rows by a search box, with pinyin and initials (app.rules.search)."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel

from app.rules.search import matches, search_key
from ui.models.table import RowTableModel, SortRole


class SearchProxy(QSortFilterProxyModel):
    def __init__(self, model: RowTableModel, fields, parent=None):
        """fields(row) -> the texts a search looks in (name, no., department…)."""
        super().__init__(parent)
        self.fields = fields
        self.query = ""
        self._keys: dict[int, str] = {}
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
        key = self._keys.get(source_row)
        if key is None:
            key = self._keys[source_row] = search_key(*self.fields(self.sourceModel().rows[source_row]))
        return matches(self.query, key)
