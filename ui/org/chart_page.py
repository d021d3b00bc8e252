"""The chart page: toolbar (zoom, fit, fold, print, export), search and focus, the chart itself."""

from __future__ import annotations

from PySide6.QtCore import QMarginsF, QRectF, QSize, Qt
from PySide6.QtGui import QAction, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtWidgets import (QCheckBox, QComboBox, QCompleter, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QMessageBox, QToolBar, QVBoxLayout, QWidget)

from app.services import org as svc
from ui.widgets.actions import toolbar_action
from ui.org.chart import OrgChartView
from ui.workers import run_with_progress
from ui.widgets.file_dialogs import save_file

MAX_PNG_SIDE = 8000


class PdfOptionsDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("orgPdfOptions")
        self.setWindowTitle(self.tr("Export chart to PDF"))
        self.paper = QComboBox(objectName="fieldPaper")
        self.paper.addItem(self.tr("A4 landscape"), "A4")
        self.paper.addItem(self.tr("A3 landscape"), "A3")
        self.tiled = QCheckBox(self.tr("Tile over several pages at a readable size (for large charts)"), objectName="fieldTiled")
        form = QFormLayout(self)
        form.addRow(self.tr("Paper"), self.paper)
        form.addRow(self.tiled)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Export…"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class ChartPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.view = OrgChartView(self)
        self.view.can_edit = ctx.can("org.edit")
        self.view.vacant_text = self.tr("Vacant")
        self.view.texts = {
            "title": self.tr("Change manager"),
            "confirm": self.tr("Make %2 the manager of %1? %1's own team moves along with them."),
            "refused": self.tr("%1 cannot report to %2: %2 already reports to %1, directly or through others."),
            "collapse": self.tr("Collapse team"),
            "expand": self.tr("Expand team"),
        }
        self.view.confirm = self._confirm
        self.view.warn = lambda title, text: QMessageBox.warning(self, title, text)
        self.view.reparent = self._reparent
        self.view.zoomChanged.connect(lambda z: self.zoom_label.setText(f"{z * 100:.0f}%"))
        toolbar = QToolBar(objectName="orgChartToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        toolbar.setIconSize(QSize(18, 18))
        self.act_print = self._add(toolbar, self.tr("Print…"), "mdi6.printer", self.print_chart, "actionPrintChart")
        self.act_pdf = self._add(toolbar, self.tr("PDF…"), "mdi6.file-pdf-box", self.export_pdf, "actionExportChartPdf")
        self.act_png = self._add(toolbar, self.tr("PNG…"), "mdi6.file-image-outline", self.export_png, "actionExportChartPng")
        toolbar.addSeparator()
        self._add(toolbar, self.tr("Zoom in"), "mdi6.magnify-plus-outline", lambda: self.view.zoom_by(1.25), "actionZoomIn")
        self._add(toolbar, self.tr("Zoom out"), "mdi6.magnify-minus-outline", lambda: self.view.zoom_by(0.8), "actionZoomOut")
        self._add(toolbar, self.tr("Fit"), "mdi6.fit-to-screen-outline", self.view.fit, "actionFitChart")
        self._add(toolbar, self.tr("Expand all"), "mdi6.arrow-expand-vertical", self.view.expand_all, "actionExpandAll")
        self._add(toolbar, self.tr("Managers only"), "mdi6.arrow-collapse-vertical", lambda: self.view.collapse_below(3),
                  "actionCollapseTeams")
        self.search = QLineEdit(objectName="orgChartSearch", placeholderText=self.tr("Find a person by name or no. and press Enter…"))
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.search_now)
        self.completer = QCompleter([], self)
        self.completer.setCaseSensitivity(Qt.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchContains)
        self.completer.activated.connect(lambda text: self.search_now(text))
        self.search.setCompleter(self.completer)
        self.message = QLabel(objectName="orgChartMessage")
        self.message.setProperty("role", "muted")
        self.zoom_label = QLabel("100%", objectName="orgChartZoom")
        self.zoom_label.setProperty("role", "muted")
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 0, 4, 0)
        bar.addWidget(self.search, 2)
        bar.addWidget(self.message, 3)
        bar.addWidget(self.zoom_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(toolbar)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self._hint()

    def _add(self, toolbar: QToolBar, text: str, icon: str, slot, name: str) -> QAction:
        return toolbar_action(self, toolbar, text, icon, slot, name)

    def _hint(self) -> None:
        if self.view.can_edit:
            self.message.setText(self.tr("Drag a person onto their new manager; double-click a box to fold its team."))
        else:
            self.message.setText(self.tr("Double-click a box to fold or unfold its team."))

    # -- data ---------------------------------------------------------------------------------
    def set_nodes(self, nodes) -> None:
        first = not self.view.nodes
        self.view.set_nodes(nodes)
        self.completer.model().setStringList([f"{n.name} {n.key}" for n in nodes if not n.vacant])
        if first:
            self.view.fit()

    def _confirm(self, title: str, text: str) -> bool:
        box = QMessageBox(QMessageBox.Question, title, text, QMessageBox.Yes | QMessageBox.Cancel, self)
        box.setObjectName("confirmReparent")
        box.button(QMessageBox.Yes).setText(self.tr("Change manager"))
        box.button(QMessageBox.Cancel).setText(self.tr("Cancel"))
        return box.exec() == QMessageBox.Yes

    def _reparent(self, person: str, manager: str) -> None:
        actor = self.ctx.actor
        boss = next((n.name for n in self.view.nodes if n.key == manager), manager)  # a name, not a 工号
        self.ctx.write(self, lambda: svc.set_manager(actor, person, manager),
                       lambda row: self.ctx.show_status(self.tr("%1 now reports to %2.").replace("%1", row.name)
                                                        .replace("%2", boss)),
                       failed=lambda message: self.view.warn(self.view.texts.get("title", ""), message))

    # -- search -------------------------------------------------------------------------------
    def search_now(self, text: str | None = None) -> bool:
        text = (text if text is not None else self.search.text()).strip()
        if " " in text and text.split()[-1] in {n.key for n in self.view.nodes}:
            text = text.split()[-1]
        found = self.view.find(text)
        if not found:
            self.message.setText(self.tr("Nobody matches “%1”.").replace("%1", text))
            return False
        self.view.focus_person(found[0])
        node = next(n for n in self.view.nodes if n.key == found[0])
        extra = self.tr(" · other matches: %1").replace("%1", str(len(found) - 1)) if len(found) > 1 else ""
        self.message.setText(f"{node.name} · {node.position} · {node.department}{extra}")
        return True

    # -- print and export ---------------------------------------------------------------------
    def _source(self) -> QRectF:
        return self.view.scene().itemsBoundingRect().adjusted(-20, -20, 20, 20)

    def print_chart(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.HighResolution)
        printer.setPageLayout(QPageLayout(QPageSize(QPageSize.A4), QPageLayout.Landscape, QMarginsF(18, 18, 18, 18)))
        printer.setDocName(self.tr("Organization chart"))
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("orgPrintDialog")
        if dialog.exec() != QDialog.Accepted:
            return
        self.render_to(printer)
        self.ctx.show_status(self.tr("Org chart sent to the printer."))

    def render_to(self, device) -> None:
        painter = QPainter(device)
        try:
            painter.setRenderHints(QPainter.Antialiasing | QPainter.TextAntialiasing)
            target = QRectF(device.pageLayout().paintRectPixels(device.resolution())) if hasattr(device, "pageLayout") \
                else QRectF(0, 0, device.width(), device.height())
            target.moveTo(0, 0)
            self.view.scene().render(painter, target, self._source(), Qt.KeepAspectRatio)
        finally:
            painter.end()

    def chart_image(self, scale: float = 1.5) -> QImage:
        source = self._source()
        scale = min(scale, MAX_PNG_SIDE / max(source.width(), source.height(), 1))
        image = QImage(int(source.width() * scale), int(source.height() * scale), QImage.Format_ARGB32)
        image.fill(Qt.white)
        painter = QPainter(image)
        painter.setRenderHints(QPainter.Antialiasing | QPainter.TextAntialiasing)
        self.view.scene().render(painter, QRectF(image.rect()), source, Qt.KeepAspectRatio)
        painter.end()
        return image

    def export_png(self, path: str | None = None) -> bool:
        if path is None:
            path = save_file(self, "org/chart", self.tr("Export chart to PNG"), "org-chart.png", self.tr("PNG image (*.png)"))
        if not path:
            return False
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice

        from app.errors import ShopTeamError
        from app.io.atomic import write_bytes

        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.WriteOnly)
        if not self.chart_image().save(buffer, "PNG"):
            QMessageBox.warning(self, self.tr("Export chart to PNG"), self.tr("Could not write %1.").replace("%1", path))
            return False
        try:  # through a temp file and a rename: a full disk keeps the previous image
            write_bytes(path, bytes(data))
        except ShopTeamError as exc:
            QMessageBox.warning(self, self.tr("Export chart to PNG"), str(exc))
            return False
        self.ctx.show_status(self.tr("Org chart saved to %1.").replace("%1", path))
        return True

    def export_pdf(self, path: str | None = None, paper: str | None = None, tiled: bool | None = None):
        if paper is None:
            options = PdfOptionsDialog(self)
            if not options.exec():
                return None
            paper, tiled = options.paper.currentData(), options.tiled.isChecked()
        if path is None:
            path = save_file(self, "org/chart", self.tr("Export chart to PDF"), "org-chart.pdf", self.tr("PDF (*.pdf)"))
        if not path:
            return None
        nodes, collapsed = list(self.view.nodes), set(self.view.collapsed)

        def job(progress):
            from app.documents import org_chart

            return org_chart.write_pdf(org_chart.prepare(nodes, collapsed), path, paper=paper, tiled=bool(tiled),
                                       progress=progress)

        def done(pages: int) -> None:
            self.ctx.show_status(self.tr("Org chart saved to %1 (pages: %2).").replace("%1", path).replace("%2", str(pages)))

        return run_with_progress(self, self.tr("Writing the org chart PDF…"), job, done)
