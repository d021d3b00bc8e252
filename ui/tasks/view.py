"""The task tab: the board, plans and statistics as pages of one tab."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ui.tasks.board import BoardView
from ui.tasks.plans import PlansView, StatsView
from ui.tasks.recurring import RecurringView


class TasksView(QWidget):
    def __init__(self, ctx, parent=None, today: date | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.board = BoardView(ctx, self, today)
        self.plans = PlansView(ctx, self)
        self.pages = QTabWidget(objectName="taskPages")
        self.pages.addTab(self.board, self.tr("Board"))
        self.pages.addTab(self.plans, self.tr("Plans"))
        self.recurring = RecurringView(ctx, lambda: self.board.data.people if self.board.data else [], self)
        self.pages.addTab(self.recurring, self.tr("Recurring"))
        self.stats = None
        if ctx.can("tasks.stats"):
            self.stats = StatsView(ctx, self)
            self.pages.addTab(self.stats, self.tr("Statistics"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.board.reload(create_recurring=True)
        self.plans.reload()
        self.recurring.reload()
        if self.stats:
            self.stats.reload()

    def refresh(self, areas) -> None:
        for page in (self.board, self.plans, self.recurring, self.stats):
            if page is not None:
                page.refresh(areas)

    def new_item(self) -> None:
        self.pages.setCurrentWidget(self.board)
        self.board.new_item()

    def focus_search(self) -> None:
        self.pages.setCurrentWidget(self.board)
        self.board.focus_search()
