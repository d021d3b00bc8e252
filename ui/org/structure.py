"""The structure page: departments (nested) with their positions and headcount marks, and the card forms."""

from __future__ import annotations

from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QAction, QColor, QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QMessageBox, QSplitter, QStackedWidget,
                               QToolBar, QTreeView, QVBoxLayout, QWidget)

from app.services import org as svc
from ui.widgets.actions import toolbar_action
from ui import theme
from ui.org.forms import DepartmentForm, PositionForm
from ui.widgets.empty_state import EmptyState

KIND, ID = Qt.UserRole + 1, Qt.UserRole + 2
STAFFING_COLOURS = {"under": theme.warning, "over": theme.danger, "full": theme.success}


class StructurePage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.can_edit = ctx.can("org.edit")
        self.tree_data: svc.OrgTree | None = None
        self.model = QStandardItemModel(self)
        self.tree = QTreeView(objectName="orgStructureTree")
        self.tree.setModel(self.model)
        self.tree.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.selectionModel().currentChanged.connect(lambda *_: self.show_selected())
        self.department_form = DepartmentForm(self.can_edit)
        self.position_form = PositionForm(self.can_edit)
        self.department_form.saveRequested.connect(self.save_department)
        self.position_form.saveRequested.connect(self.save_position)
        self.department_form.deleteRequested.connect(self.delete_department)
        self.position_form.deleteRequested.connect(self.delete_position)
        self.hint = EmptyState(self.tr("Choose a department or a position on the left to see its card."), "orgStructureHint")
        self.forms = QStackedWidget(objectName="orgForms")
        for w in (self.hint, self.department_form, self.position_form):
            self.forms.addWidget(w)
        self.summary = QLabel(objectName="orgHeadcountSummary")
        self.summary.setProperty("role", "muted")
        toolbar = QToolBar(objectName="orgStructureToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        toolbar.setIconSize(QSize(18, 18))
        self.act_new_position = self._add(toolbar, self.tr("New position"), "mdi6.briefcase-plus-outline", self.new_position, "actionNewPosition")
        self.act_new_department = self._add(toolbar, self.tr("New department"), "mdi6.folder-plus-outline", self.new_department, "actionNewDepartment")
        for action in (self.act_new_position, self.act_new_department):
            action.setVisible(self.can_edit)
        toolbar.addSeparator()
        self.act_job_card = self._add(toolbar, self.tr("Print job description…"), "mdi6.printer", self.print_job_card,
                                      "actionPrintJobCard")
        self.act_appraisal_form = self._add(toolbar, self.tr("Blank appraisal form…"), "mdi6.file-document-edit-outline",
                                            self.print_appraisal_form, "actionPrintAppraisalForm")
        for action in (self.act_job_card, self.act_appraisal_form):
            action.setVisible(self.ctx.can("documents.print"))
            action.setEnabled(False)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 6)
        left_layout.addWidget(self.tree, 1)
        left_layout.addWidget(self.summary)
        self.splitter = QSplitter(objectName="orgStructureSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.forms)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([480, 880])
        state = QSettings().value("org/structureSplitter")
        if state is not None:
            self.splitter.restoreState(state)
        self.splitter.splitterMoved.connect(lambda *_: QSettings().setValue("org/structureSplitter", self.splitter.saveState()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(toolbar)
        layout.addWidget(self.splitter, 1)

    def _add(self, toolbar, text, icon, slot, name) -> QAction:
        return toolbar_action(self, toolbar, text, icon, slot, name)

    # -- the tree -------------------------------------------------------------------------------
    def set_tree(self, data: svc.OrgTree) -> None:
        selected = self.current()
        self.tree_data = data
        self.model.clear()
        self.model.setHorizontalHeaderLabels([self.tr("Department / position"), self.tr("Planned"),
                                              self.tr("Actual"), self.tr("Staffing")])
        dept_items: dict[int, QStandardItem] = {}
        pending = list(data.departments)
        while pending:  # parents first, whatever the sort order
            rest = []
            for d in pending:
                if d.parent_id is not None and d.parent_id not in dept_items:
                    if any(p.id == d.parent_id for p in pending):
                        rest.append(d)
                        continue
                item = self._row_items(d.name, "department", d.id, "", "", "", None)
                item[0].setIcon(theme.icon("mdi6.folder-outline"))
                font = QFont(item[0].font())
                font.setBold(True)
                item[0].setFont(font)
                (dept_items[d.parent_id] if d.parent_id in dept_items else self.model.invisibleRootItem()).appendRow(item)
                dept_items[d.id] = item[0]
            if len(rest) == len(pending):
                break
            pending = rest
        position_rows: dict[int, int] = {}
        for p in data.positions:
            mark = self.staffing_text(p)
            row = self._row_items(p.name, "position", p.id, str(p.planned_headcount), str(p.actual_headcount), mark,
                                  STAFFING_COLOURS[p.staffing])
            row[0].setIcon(theme.icon("mdi6.account-tie-outline" if p.is_manager else "mdi6.account-outline"))
            parent = dept_items[p.department_id]
            placed = position_rows.get(p.department_id, 0)
            parent.insertRow(placed, row)  # a department's own positions come before its sub-departments
            position_rows[p.department_id] = placed + 1
        self.tree.expandAll()
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeToContents)
        planned = sum(p.planned_headcount for p in data.positions)
        actual = sum(p.actual_headcount for p in data.positions)
        under = sum(max(0, p.planned_headcount - p.actual_headcount) for p in data.positions)
        over = sum(max(0, p.actual_headcount - p.planned_headcount) for p in data.positions)
        self.summary.setText(self.tr("Planned %1 · actual %2 · vacant %3 · over plan %4")
                             .replace("%1", str(planned)).replace("%2", str(actual)).replace("%3", str(under)).replace("%4", str(over)))
        if selected:
            self.select(*selected)

    def staffing_text(self, p) -> str:
        if p.staffing == "under":
            return self.tr("Under by %1").replace("%1", str(p.planned_headcount - p.actual_headcount))
        if p.staffing == "over":
            return self.tr("Over by %1").replace("%1", str(p.actual_headcount - p.planned_headcount))
        return self.tr("Full")

    def _row_items(self, text, kind, id_, planned, actual, mark, colour):
        items = [QStandardItem(text), QStandardItem(planned), QStandardItem(actual), QStandardItem(mark)]
        for it in items:
            it.setData(kind, KIND)
            it.setData(id_, ID)
        for it in items[1:3]:
            it.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
        if colour:
            items[3].setForeground(QColor(colour))
            items[3].setIcon(theme.icon({theme.warning: "mdi6.account-alert-outline", theme.danger: "mdi6.account-multiple-plus-outline"}
                                        .get(colour, "mdi6.check-circle-outline"), colour))
        return items

    def current(self):
        index = self.tree.currentIndex()
        if not index.isValid():
            return None
        return index.data(KIND), index.data(ID)

    def select(self, kind: str, id_: int) -> bool:
        matches = self.model.match(self.model.index(0, 0), ID, id_, -1, Qt.MatchRecursive | Qt.MatchExactly)
        for index in matches:
            if index.column() == 0 and index.data(KIND) == kind:
                self.tree.setCurrentIndex(index)
                self.show_selected()
                return True
        return False

    def selected_position(self) -> str:
        """The selected position as 部门/岗位 (what the forms service takes), or ""."""
        current, data = self.current(), self.tree_data
        if current is None or data is None or current[0] != "position":
            return ""
        pos = next((p for p in data.positions if p.id == current[1]), None)
        dept = next((d for d in data.departments if pos and d.id == pos.department_id), None)
        return f"{dept.name}/{pos.name}" if pos and dept else ""

    def print_job_card(self, target: str | None = None):
        return self._print_form("job_card", "job", target)

    def print_appraisal_form(self, target: str | None = None):
        return self._print_form("appraisal_form", "appraisal_form", target)

    def _print_form(self, kind: str, stem: str, target: str | None):
        from ui.documents.forms_print import print_form, write_form_to

        position = self.selected_position()
        if not position:
            return None
        if target:
            return write_form_to(self, self.ctx, kind, target, subject=position)
        return print_form(self, self.ctx, kind, f"{stem}_{position.replace('/', '_')}.pdf", subject=position)

    def show_selected(self) -> None:
        current, data = self.current(), self.tree_data
        is_position = current is not None and current[0] == "position"
        self.act_job_card.setEnabled(is_position)
        self.act_appraisal_form.setEnabled(is_position)
        if current is None or data is None:
            self.forms.setCurrentWidget(self.hint)
            return
        kind, id_ = current
        if kind == "department":
            row = next((d for d in data.departments if d.id == id_), None)
            self.department_form.load(row, data.departments, people=data.people)
            self.forms.setCurrentWidget(self.department_form)
        else:
            row = next((p for p in data.positions if p.id == id_), None)
            self.position_form.load(row, data.departments, data.positions)
            self.forms.setCurrentWidget(self.position_form)

    def selected_department_id(self):
        current, data = self.current(), self.tree_data
        if current is None or data is None:
            return None
        kind, id_ = current
        if kind == "department":
            return id_
        return next((p.department_id for p in data.positions if p.id == id_), None)

    # -- actions -------------------------------------------------------------------------------
    def new_position(self) -> None:
        if not self.can_edit or self.tree_data is None:
            return
        self.position_form.load(None, self.tree_data.departments, self.tree_data.positions, self.selected_department_id())
        self.forms.setCurrentWidget(self.position_form)
        self.position_form.name.setFocus()

    def new_department(self) -> None:
        if not self.can_edit or self.tree_data is None:
            return
        self.department_form.load(None, self.tree_data.departments, self.selected_department_id(), self.tree_data.people)
        self.forms.setCurrentWidget(self.department_form)
        self.department_form.name.setFocus()

    def _run(self, title: str, fn, done) -> None:
        """One structure change as an operation; its change reloads the tree through the dispatcher."""
        self.ctx.write(self, fn, done, failed=lambda message: QMessageBox.warning(self, title, message))

    def save_department(self) -> None:
        form = self.department_form
        if not form.validate():
            return
        actor, department_id, data = self.ctx.actor, form.department_id, form.data()

        def saved(row) -> None:
            self._changed(self.tr("Department %1 saved.").replace("%1", row.name), ("department", row.id))

        if department_id is None:
            self._run(self.tr("New department"), lambda: svc.create_department(actor, data), saved)
        else:
            self._run(self.tr("Save department"), lambda: svc.update_department(actor, department_id, data), saved)

    def save_position(self) -> None:
        form = self.position_form
        if not form.validate():
            return
        actor, position_id, data = self.ctx.actor, form.position_id, form.data()

        def saved(row) -> None:
            self._changed(self.tr("Position %1 saved.").replace("%1", row.name), ("position", row.id))

        if position_id is None:
            self._run(self.tr("New position"), lambda: svc.create_position(actor, data), saved)
        else:
            self._run(self.tr("Save position"), lambda: svc.update_position(actor, position_id, data), saved)

    def delete_department(self) -> None:
        form = self.department_form
        if form.department_id is None:
            return
        name = form.name.text()
        text = self.tr("Delete the department %1? Its empty positions and their job cards are deleted with it. "
                       "This cannot be undone.").replace("%1", name)
        if not self.ask(self.tr("Delete department"), text):
            return
        actor, department_id = self.ctx.actor, form.department_id
        self._run(self.tr("Delete department"), lambda: svc.delete_department(actor, department_id),
                  lambda _r: self._changed(self.tr("Department %1 deleted.").replace("%1", name), None))

    def delete_position(self) -> None:
        form = self.position_form
        if form.position_id is None:
            return
        name = form.name.text()
        text = self.tr("Delete the position %1 and its job card? Positions that report to it will report to nobody. "
                       "This cannot be undone.").replace("%1", name)
        if not self.ask(self.tr("Delete position"), text):
            return
        actor, position_id = self.ctx.actor, form.position_id
        self._run(self.tr("Delete position"), lambda: svc.delete_position(actor, position_id),
                  lambda _r: self._changed(self.tr("Position %1 deleted.").replace("%1", name), None))

    def ask(self, title: str, text: str) -> bool:
        box = QMessageBox(QMessageBox.Warning, title, text, QMessageBox.Yes | QMessageBox.Cancel, self)
        box.setObjectName("confirmDelete")
        box.button(QMessageBox.Yes).setText(self.tr("Delete"))
        box.button(QMessageBox.Cancel).setText(self.tr("Cancel"))
        return box.exec() == QMessageBox.Yes

    def _changed(self, message: str, select) -> None:
        self.ctx.show_status(message)
        self.pending_select = select  # chosen again when the reload this change starts comes back
