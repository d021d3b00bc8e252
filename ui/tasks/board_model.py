"""The board's item model (every card) and the light per-column models the columns show.

``BoardModel`` holds all cards (``TaskCard`` tuples) and, once per load, the same cards split by
column in board order. Each column shows a ``ColumnModel``: a Qt string-list model of the titles of
the cards ``split()`` let through, with the cards beside it. Qt lays a column out by asking its
model for thousands of indexes; a string-list model answers in C++, so a filter change costs one
pass over the cards in Python and four model resets — the board stays smooth with 10,000 cards.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from operator import attrgetter
from typing import NamedTuple, Optional

from PySide6.QtCore import QAbstractListModel, QMimeData, QModelIndex, QStringListModel, Qt

from app.rules.tasks import COLUMNS, week_start

MIME = "application/x-shopteam-task"
CardRole = Qt.UserRole + 1
IdRole = Qt.UserRole + 2
_title = attrgetter("title")
_CARD_FLAGS = Qt.ItemIsEnabled | Qt.ItemIsSelectable | Qt.ItemIsDragEnabled | Qt.ItemNeverHasChildren
_COLUMN_FLAGS = Qt.ItemIsDropEnabled | Qt.ItemIsEnabled
_LANE_FLAGS = Qt.ItemIsEnabled | Qt.ItemNeverHasChildren  # lane headers and gaps: not selectable, not dragged


class Lane(NamedTuple):
    """The header row of one assignee's swimlane in a column (the same row in every column)."""

    title: str  # the person's name and no.
    count: int  # cards of this person in this column
    assignee_id: Optional[int]


@dataclass
class BoardFilter:
    assignee_id: Optional[int] = None
    tag: str = ""
    due_this_week: bool = False
    overdue: bool = False
    mine: bool = False
    text: str = ""


def split(by_column: dict[str, list], flt: BoardFilter, today: date, own_id: Optional[int]) -> dict[str, list]:
    """The cards of each column, in board order, that the filter lets through.

    Each active filter is one comprehension over what is left; with no filter nothing is copied.
    """
    needle = flt.text.strip().lower()
    week_from = week_start(today).isoformat()
    week_to = (week_start(today) + timedelta(days=6)).isoformat()
    result = {}
    for key in COLUMNS:
        cards = by_column.get(key, [])
        if flt.assignee_id is not None:
            cards = [c for c in cards if c.assignee_id == flt.assignee_id]
        if flt.mine:
            cards = [c for c in cards if c.assignee_id == own_id]
        if flt.overdue:
            cards = [c for c in cards if c.overdue]
        if flt.due_this_week:  # ISO dates compare as text
            cards = [c for c in cards if c.due is not None and week_from <= c.due[:10] <= week_to]
        if flt.tag:
            cards = [c for c in cards if flt.tag in c.tags]
        if needle:
            cards = [c for c in cards if needle in c.title.lower() or needle in c.assignee_name.lower()]
        result[key] = cards
    return result


def lanes(shown: dict[str, list], people: list[tuple[int, str, str]], unassigned: str) -> dict[str, list]:
    """The same cards laid out in swimlanes, one per assignee (people order, unassigned last).

    Every column gets, per lane, a ``Lane`` header row and then its cards of that person, padded with
    ``None`` gaps to the longest column of the lane: all rows have one height, so a lane starts on the
    same row — at the same height — in every column. Lanes with no shown card are left out.
    """
    groups: dict[str, dict] = {}
    for key, cards in shown.items():
        by_person: dict = {}
        for c in cards:
            by_person.setdefault(c.assignee_id, []).append(c)
        groups[key] = by_person
    names = {eid: f"{name} ({no})" for eid, no, name in people}
    present = set().union(*(g.keys() for g in groups.values())) if groups else set()
    order = [eid for eid, _no, _name in people if eid in present]
    order += sorted((eid for eid in present if eid is not None and eid not in names), key=int)
    if None in present:
        order.append(None)
    result = {key: [] for key in shown}
    for eid in order:
        title = names.get(eid, unassigned if eid is None else f"#{eid}")
        height = max(len(g.get(eid, ())) for g in groups.values())
        for key, rows in result.items():
            cards = groups[key].get(eid, [])
            rows.append(Lane(title, len(cards), eid))
            rows.extend(cards)
            rows.extend([None] * (height - len(cards)))
    return result


class BoardModel(QAbstractListModel):
    """Every card on the board, in board order; ``by_column`` splits them by status once per load."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.cards: list = []
        self.by_column: dict[str, list] = {key: [] for key in COLUMNS}
        self._by_id: dict[int, object] = {}

    def set_cards(self, cards) -> None:
        self.beginResetModel()
        self.cards = list(cards)
        self.by_column = {key: [] for key in COLUMNS}
        for c in self.cards:
            self.by_column[c.status].append(c)
        self._by_id = {}
        self.endResetModel()

    def card(self, task_id: int):
        if not self._by_id and self.cards:
            self._by_id = {c.id: c for c in self.cards}
        return self._by_id.get(task_id)

    def tags(self) -> list[str]:
        """The tags on the cards, sorted (split once per distinct combination, not per card)."""
        found = set()
        for text in {c.tag_text for c in self.cards}:
            found.update(t for t in text.split(",") if t)
        return sorted(found)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.cards)

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        card = self.cards[index.row()]
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            return card.title
        if role == CardRole:
            return card
        if role == IdRole:
            return card.id
        return None


class ColumnModel(QStringListModel):
    """One column of the board: the titles of its shown cards (Qt's own list model, so laying out
    thousands of rows never calls Python) and the cards themselves in ``cards``.

    With swimlanes on, ``cards`` also holds ``Lane`` header rows and ``None`` gaps (see ``lanes``):
    ``card_at`` gives None for those, ``entry_at`` gives the row as it is."""

    def __init__(self, status: str, source: BoardModel, parent=None):
        super().__init__(parent)
        self.status = status
        self.source = source
        self.cards: list = []

    def set_cards(self, cards: list, laned: bool = False) -> None:
        self.cards = cards
        self.laned = laned
        if laned:
            self.setStringList([c.title if c is not None else "" for c in cards])
        else:
            self.setStringList(list(map(_title, cards)))

    laned = False

    def entry_at(self, row: int):
        return self.cards[row] if 0 <= row < len(self.cards) else None

    def card_at(self, row: int):
        """The card of a row; None for a lane header or gap (or a row that is not there)."""
        entry = self.entry_at(row)
        return None if entry is None or isinstance(entry, Lane) else entry

    def row_of(self, task_id: int) -> int:
        if self.laned:
            return next((i for i, c in enumerate(self.cards) if c is not None and not isinstance(c, Lane)
                         and c.id == task_id), -1)
        return next((i for i, c in enumerate(self.cards) if c.id == task_id), -1)

    def flags(self, index: QModelIndex):
        if not index.isValid():
            return _COLUMN_FLAGS
        if self.laned and self.card_at(index.row()) is None:
            return _LANE_FLAGS
        return _CARD_FLAGS

    def mimeTypes(self):
        return [MIME]

    def mimeData(self, indexes):
        mime = QMimeData()
        ids = [str(card.id) for card in (self.card_at(i.row()) for i in indexes if i.isValid()) if card is not None]
        mime.setData(MIME, ",".join(ids).encode())
        return mime

    def supportedDragActions(self):
        return Qt.MoveAction
