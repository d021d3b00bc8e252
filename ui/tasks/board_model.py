"""The board's one item model (every card) and the light per-column views onto it.

``BoardModel`` holds all cards as plain rows. Each column shows a ``ColumnProxy``: a list of
source rows picked by ``split()`` (column + filters), so a filter change is one pass over the
cards and a reset of four small index lists — the board stays smooth with 10,000 cards.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Optional

from PySide6.QtCore import QAbstractListModel, QAbstractProxyModel, QMimeData, QModelIndex, Qt

from app.rules.tasks import COLUMNS, due_this_week

MIME = "application/x-shopteam-task"
CardRole = Qt.UserRole + 1
IdRole = Qt.UserRole + 2


@dataclass
class BoardFilter:
    assignee_id: Optional[int] = None
    tag: str = ""
    due_this_week: bool = False
    overdue: bool = False
    mine: bool = False
    text: str = ""


def split(cards, flt: BoardFilter, today: date, own_id: Optional[int]) -> dict[str, list[int]]:
    """Source rows per column, in board order, of the cards the filter lets through."""
    result = {key: [] for key in COLUMNS}
    needle = flt.text.strip().lower()
    for row, c in enumerate(cards):
        if flt.assignee_id is not None and c.assignee_id != flt.assignee_id:
            continue
        if flt.mine and c.assignee_id != own_id:
            continue
        if flt.tag and flt.tag not in c.tags:
            continue
        if flt.overdue and not c.overdue:
            continue
        if flt.due_this_week and not due_this_week(c.due_date, today):
            continue
        if needle and needle not in c.title.lower() and needle not in c.assignee_name.lower():
            continue
        result[c.status].append(row)
    return result


class BoardModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.cards: list = []

    def set_cards(self, cards) -> None:
        self.beginResetModel()
        self.cards = list(cards)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.cards)

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        card = self.cards[index.row()]
        if role == Qt.DisplayRole:
            return card.title
        if role == CardRole:
            return card
        if role == IdRole:
            return card.id
        if role == Qt.ToolTipRole:
            return card.title
        return None

    def flags(self, index: QModelIndex):
        if not index.isValid():
            return Qt.ItemIsDropEnabled
        return Qt.ItemIsEnabled | Qt.ItemIsSelectable | Qt.ItemIsDragEnabled

    def mimeTypes(self):
        return [MIME]

    def mimeData(self, indexes):
        mime = QMimeData()
        ids = [str(self.cards[i.row()].id) for i in indexes if i.isValid()]
        mime.setData(MIME, ",".join(ids).encode())
        return mime

    def supportedDragActions(self):
        return Qt.MoveAction


class ColumnProxy(QAbstractProxyModel):
    """One column of the board: the source rows ``split()`` gave it, in order."""

    def __init__(self, status: str, source: BoardModel, parent=None):
        super().__init__(parent)
        self.status = status
        self._rows: list[int] = []
        self._pos: dict[int, int] = {}
        self.setSourceModel(source)
        source.modelReset.connect(self._clear)

    def _clear(self) -> None:
        self.set_source_rows([])

    def set_source_rows(self, rows: list[int]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._pos = {}
        self.endResetModel()

    def card_at(self, row: int):
        return self.sourceModel().cards[self._rows[row]]

    def row_of(self, task_id: int) -> int:
        cards = self.sourceModel().cards
        return next((i for i, r in enumerate(self._rows) if cards[r].id == task_id), -1)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 1

    def index(self, row: int, column: int = 0, parent=QModelIndex()) -> QModelIndex:
        if parent.isValid() or column != 0 or not 0 <= row < len(self._rows):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, index=QModelIndex()):  # a flat list: no item has a parent
        return QModelIndex()

    def mapToSource(self, proxy: QModelIndex) -> QModelIndex:
        if not proxy.isValid() or proxy.row() >= len(self._rows):
            return QModelIndex()
        return self.sourceModel().index(self._rows[proxy.row()], 0)

    def mapFromSource(self, source: QModelIndex) -> QModelIndex:
        if not source.isValid():
            return QModelIndex()
        if not self._pos and self._rows:
            self._pos = {r: i for i, r in enumerate(self._rows)}
        i = self._pos.get(source.row())
        return QModelIndex() if i is None else self.createIndex(i, 0)

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        return self.sourceModel().data(self.sourceModel().index(self._rows[index.row()], 0), role)

    def flags(self, index: QModelIndex):
        if not index.isValid():
            return Qt.ItemIsDropEnabled | Qt.ItemIsEnabled
        return Qt.ItemIsEnabled | Qt.ItemIsSelectable | Qt.ItemIsDragEnabled

    def mimeData(self, indexes):
        return self.sourceModel().mimeData([self.mapToSource(i) for i in indexes])

    def mimeTypes(self):
        return [MIME]
