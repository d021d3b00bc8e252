"""The org tab: the structure (departments, positions, job cards, headcount) and the reporting chart."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.services import org as svc
from ui import theme
from ui.org.chart_page import ChartPage
from ui.org.structure import StructurePage


class OrgView(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.structure = StructurePage(ctx)
        self.chart = ChartPage(ctx)
        self.pages = QTabWidget(objectName="orgPages")
        self.pages.addTab(self.chart, theme.icon("mdi6.sitemap-outline"), self.tr("Chart"))
        self.pages.addTab(self.structure, theme.icon("mdi6.file-tree-outline"), self.tr("Departments and positions"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.reload()

    def reload(self) -> None:
        """Read the tree and the chart in the background and swap them in."""
        actor = self.ctx.actor

        def load():
            data = svc.org_tree(actor)
            return data, svc.chart_nodes(data)

        self.ctx.query(self, load, self._loaded, failed=self.ctx.show_status)

    def _loaded(self, result) -> None:
        data, nodes = result
        self.structure.set_tree(data)
        pending = getattr(self.structure, "pending_select", None)
        if pending:
            self.structure.select(*pending)
            self.structure.pending_select = None
        self.chart.set_nodes(nodes)

    def refresh(self, areas) -> None:
        if "*" in areas or "org" in areas or "employees" in areas:
            self.reload()

    # -- hooks the window calls (Ctrl+N, Ctrl+F, Ctrl+P) -----------------------------------------
    def new_item(self) -> None:
        self.pages.setCurrentWidget(self.structure)
        self.structure.new_position()

    def focus_search(self) -> None:
        self.pages.setCurrentWidget(self.chart)
        self.chart.search.setFocus()
        self.chart.search.selectAll()

    def print_current(self) -> None:
        self.pages.setCurrentWidget(self.chart)
        self.chart.print_chart()

    def menu_actions(self) -> list[QAction]:
        return [self.chart.act_print, self.chart.act_pdf, self.chart.act_png]
