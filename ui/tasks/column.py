"""One board column: a header with the name, count and WIP limit, and a list view of cards
that drags cards out and takes drops (between columns and to reorder)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QDrag, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QFrame, QLabel, QListView, QVBoxLayout

from ui import theme
from ui.tasks.board_model import MIME, ColumnModel
from ui.tasks.delegate import CARD_HEIGHT, CardDelegate


class CardListView(QListView):
    """Cards of one column; emits ``dropped(task_id, column, before_task_id or 0)``."""

    dropped = Signal(int, str, int)
    menu_requested = Signal(int, QPoint)  # task id, global position (right click on a card)

    def __init__(self, proxy: ColumnModel, parent=None):
        super().__init__(parent)
        self.proxy = proxy
        self.setObjectName(f"taskColumnView_{proxy.status}")
        self.setModel(proxy)
        self.setItemDelegate(CardDelegate(self))
        self.setUniformItemSizes(True)
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setResizeMode(QListView.Adjust)  # cards follow the column's width
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)  # no per-card size pass: smooth with thousands of cards
        self.setVerticalScrollMode(QAbstractItemView.ScrollPerPixel)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDrop)
        self.setFrameShape(QFrame.NoFrame)
        self.setMouseTracking(True)
        self.setStyleSheet(f"QListView {{ background: {theme.alt_row}; border-radius: 6px; }}")

    # -- drag out ----------------------------------------------------------------------
    def startDrag(self, actions) -> None:
        index = self.currentIndex()
        if not index.isValid():
            return
        drag = QDrag(self)
        drag.setMimeData(self.proxy.mimeData([index]))
        rect = self.visualRect(index)
        pixmap = QPixmap(rect.size())
        pixmap.fill(Qt.transparent)
        self.viewport().render(pixmap, QPoint(), rect)
        drag.setPixmap(pixmap)
        drag.setHotSpot(QPoint(rect.width() // 2, CARD_HEIGHT // 2))
        drag.exec(Qt.MoveAction)  # the board reloads from the service after the drop

    # -- drop in -----------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasFormat(MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasFormat(MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def drop_target(self, pos: QPoint) -> int:
        """The id of the card the drop lands before (0 = the end of the column).

        With swimlanes: onto a lane's header or gap = the end of the column (the card shows at the
        end of its own lane); below the last card of a lane = before the card that follows it in
        the column's order."""
        index = self.indexAt(pos)
        if not index.isValid():
            return 0
        row = index.row()
        card = self.proxy.card_at(row)
        if card is None:
            return 0
        if pos.y() <= self.visualRect(index).center().y():
            return card.id
        following = self.proxy.card_at(row + 1)
        if following is not None:
            return following.id
        if not self.proxy.laned:
            return 0
        in_order = self.proxy.source.by_column.get(self.proxy.status, [])
        at = next((i for i, c in enumerate(in_order) if c.id == card.id), len(in_order))
        return in_order[at + 1].id if at + 1 < len(in_order) else 0

    def contextMenuEvent(self, event) -> None:
        card = self.proxy.card_at(self.indexAt(event.pos()).row())
        if card is None:
            event.ignore()
            return
        self.setCurrentIndex(self.indexAt(event.pos()))
        self.menu_requested.emit(card.id, event.globalPos())

    def dropEvent(self, event) -> None:
        if not event.mimeData().hasFormat(MIME):
            event.ignore()
            return
        ids = [int(x) for x in bytes(event.mimeData().data(MIME)).decode().split(",") if x]
        before = self.drop_target(event.position().toPoint())
        event.setDropAction(Qt.MoveAction)
        event.accept()
        for task_id in ids:
            self.dropped.emit(task_id, self.proxy.status, before)


class BoardColumn(QFrame):
    def __init__(self, proxy: ColumnModel, parent=None):
        super().__init__(parent)
        self.setObjectName(f"taskColumn_{proxy.status}")
        self.header = QLabel(objectName=f"taskColumnHeader_{proxy.status}")
        self.header.setTextFormat(Qt.RichText)
        self.view = CardListView(proxy, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.header)
        layout.addWidget(self.view, 1)

    def set_header(self, label: str, shown: int, total: int, limit: int, state: str) -> None:
        colour = {"full": theme.warning, "over": theme.danger}.get(state, theme.text_muted)
        count = f"{shown}" if shown == total else f"{shown} / {total}"
        limit_word = self.tr("limit")
        limit_text = f" · {limit_word} {limit}" if limit else ""
        warn = " ⚠" if state == "over" else ""
        self.header.setText(f"<b style='font-size:11pt'>{label}</b> &nbsp;<span style='color:{colour}'>{count}{limit_text}{warn}</span>")
        tips = {"full": self.tr("This column is at its work-in-progress limit."),
                "over": self.tr("This column is over its work-in-progress limit: finish cards before starting new ones.")}
        self.header.setToolTip(tips.get(state, ""))
