"""The employees screen: searchable roster, add/edit/deactivate, import/export with progress."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QMessageBox, QStackedWidget, QToolBar, QVBoxLayout,
                               QWidget)

from app.i18n import _ as app_tr
from app.services import employees as svc
from app.services.employee_files import export_employees, import_employees
from app.services.employees import STATUS_LABELS
from ui import theme
from ui.employees.dialog import EmployeeDialog
from ui.models.search_proxy import SearchProxy
from ui.models.table import Column, RowTableModel
from ui.widgets.empty_state import EmptyState
from ui.widgets.actions import toolbar_action
from ui.widgets.table_view import DataTableView
from ui.widgets.file_dialogs import open_file, save_file
from ui.widgets.date_entry import DateEntry

STATUS_COLOURS = {"active": None, "probation": theme.warning, "left": theme.text_muted}


class EmployeesView(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.can_edit = ctx.can("employees.edit")
        self.model = RowTableModel([
            Column("employee_no", self.tr("No.")),
            Column("name", self.tr("Name")),
            Column("department", self.tr("Department")),
            Column("position", self.tr("Position")),
            Column("manager_name", self.tr("Manager")),
            Column("hire_date", self.tr("Hire date")),
            Column("status", self.tr("Status"), value=lambda r: app_tr(STATUS_LABELS.get(r.status, r.status)),
                   color=lambda r: STATUS_COLOURS.get(r.status)),
            Column("phone", self.tr("Phone")),
            Column("badge_code", self.tr("Badge")),
            Column("clock_no", self.tr("Clock no.")),
        ], self)
        self.private = ctx.can("employees.view_private")
        self.proxy = SearchProxy(self.model, lambda r: (r.employee_no, r.name, r.department, r.position,
                                                        r.manager_name, r.phone), self)
        self.table = DataTableView("employeeTable")
        self.table.setModel(self.proxy)
        self.table.sortByColumn(0, Qt.AscendingOrder)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.search = QLineEdit(objectName="employeeSearch", placeholderText=self.tr("Search name, no., department, position…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search)
        self.show_left = QCheckBox(self.tr("Show people who left"), objectName="employeeShowLeft")
        self.show_left.toggled.connect(lambda _c: self.reload())
        self.count_label = QLabel(objectName="employeeCount")
        self.count_label.setProperty("role", "muted")
        toolbar = QToolBar(objectName="employeeToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        self.act_new = self._add(toolbar, self.tr("New employee"), "mdi6.account-plus-outline", self.new_item, "actionNewEmployee")
        self.act_edit = self._add(toolbar, self.tr("Edit"), "mdi6.pencil-outline", self.edit_selected, "actionEditEmployee")
        self.act_leave = self._add(toolbar, self.tr("Mark as left"), "mdi6.account-off-outline", self.deactivate_selected, "actionDeactivateEmployee")
        toolbar.addSeparator()
        self.act_import = self._add(toolbar, self.tr("Import…"), "mdi6.file-import-outline", self.import_file, "actionImportEmployees")
        self.act_export = self._add(toolbar, self.tr("Export…"), "mdi6.file-export-outline", self.export_file, "actionExportEmployees")
        for action in (self.act_new, self.act_edit, self.act_leave, self.act_import):
            action.setVisible(self.can_edit)
        self.act_export.setVisible(ctx.can("employees.view_private"))
        self.empty = EmptyState(self.tr("No employees yet — import a roster (CSV/XLSX) or add a new employee."), "employeesEmpty")
        self.no_match = EmptyState("", "employeesNoMatch")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.no_match)
        for column in ("phone", "badge_code", "clock_no"):  # staff may not see them: no empty columns either
            self.table.setColumnHidden(self.model.column_index(column), not self.private)
        layout = QVBoxLayout(self)
        layout.addWidget(toolbar)
        bar = QWidget()
        line = QHBoxLayout(bar)
        line.setContentsMargins(4, 0, 4, 0)
        line.addWidget(self.search, 1)
        line.addWidget(self.show_left)
        line.addWidget(self.count_label)
        layout.addWidget(bar)
        layout.addWidget(self.stack, 1)
        self.reload()

    def _add(self, toolbar: QToolBar, text: str, icon: str, slot, name: str) -> QAction:
        return toolbar_action(self, toolbar, text, icon, slot, name)

    # -- data ---------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the roster in the background and swap it in."""
        actor, include_left = self.ctx.actor, self.show_left.isChecked()
        self.ctx.query(self, lambda: svc.list_employees(actor, include_left=include_left), self._loaded,
                       failed=self.ctx.show_status)

    def _loaded(self, rows) -> None:
        self.model.set_rows(rows)
        self._show_matches()
        self._update_actions()

    def _on_search(self, text: str) -> None:
        self.proxy.set_query(text)
        self._show_matches()

    def _show_matches(self) -> None:
        """The count says what the list shows; an empty search result says so instead of a blank table."""
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        if not total and not self.show_left.isChecked():
            self.stack.setCurrentWidget(self.empty)
        elif total and not shown:
            self.no_match.setText(self.tr("Nobody matches “%1”. Search by name, pinyin or initials (zyt), no., "
                                          "department or position.").replace("%1", self.proxy.query))
            self.stack.setCurrentWidget(self.no_match)
        else:
            self.stack.setCurrentWidget(self.table)
        if self.proxy.query:
            self.count_label.setText(self.tr("Showing %1 of %n people", "", total).replace("%1", str(shown)))
        else:
            self.count_label.setText(self.tr("%n people", "", total))

    def refresh(self, areas) -> None:
        if "*" in areas or "employees" in areas or "org" in areas:
            self.reload()

    def selected(self):
        indexes = self.table.selectionModel().selectedRows()
        if not indexes:
            return None
        return self.model.row_at(self.proxy.mapToSource(indexes[0]).row())

    def _update_actions(self, *_args) -> None:
        has = self.selected() is not None
        self.act_edit.setEnabled(has)
        self.act_leave.setEnabled(has and self.selected().status != "left")

    # -- actions (also reached by Ctrl+N / Ctrl+F from the window) --------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def new_item(self) -> None:
        if not self.can_edit:
            return
        dialog = EmployeeDialog(self.ctx, self.model.rows, None, self)
        if dialog.exec():
            self._changed(self.tr("Employee %1 added.").replace("%1", dialog.result_row.name))

    def edit_selected(self) -> None:
        row = self.selected()
        if row is None or not self.can_edit:
            return
        dialog = EmployeeDialog(self.ctx, self.model.rows, row, self)
        if dialog.exec():
            self._changed(self.tr("Employee %1 saved.").replace("%1", dialog.result_row.name))

    def deactivate_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        dialog = QDialog(self)
        dialog.setObjectName("deactivateDialog")
        dialog.setWindowTitle(self.tr("Mark as left"))
        when = DateEntry(QDate.currentDate(), "fieldLeaveDate")
        text = QLabel(self.tr("%1 (%2) will be marked as left. From the day after the leave date they are no longer "
                              "scheduled, cannot clock in, and are not appraised. Their records are kept.")
                      .replace("%1", row.name).replace("%2", row.employee_no))
        text.setWordWrap(True)
        form = QFormLayout(dialog)
        form.addRow(text)
        form.addRow(self.tr("Leave date"), when)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Mark as left"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form.addRow(buttons)
        if not dialog.exec():
            return
        actor, day = self.ctx.actor, when.date().toPython()
        self.ctx.write(self, lambda: svc.deactivate_employee(actor, row.employee_no, day),
                       lambda _r: self._changed(self.tr("%1 marked as left.").replace("%1", row.name)),
                       failed=lambda message: QMessageBox.warning(self, self.tr("Mark as left"), message))

    def import_file(self) -> None:
        path = open_file(self, "employees/import", self.tr("Import employees"),
                         self.tr("Spreadsheets (*.csv *.xlsx)"))
        if path and self.confirm_import(path):
            self.start_import(path)

    def confirm_import(self, path: str) -> bool:
        """Say what an import changes before it runs (the file's columns only; how to clear a field)."""
        box = QMessageBox(QMessageBox.Question, self.tr("Import employees"),
                          self.tr("Import %1?").replace("%1", path.replace("\\", "/").rsplit("/", 1)[-1]),
                          QMessageBox.Ok | QMessageBox.Cancel, self)
        box.setObjectName("importRulesBox")
        box.setInformativeText(self.tr(
            "Only the columns in the file are changed, and an empty cell keeps the current value.\n"
            "To clear a field, write - or (清空) in its cell.\n"
            "Someone who has left comes back only when the 状态 (status) column says 在职 or 试用.\n"
            "Employees who are not in the file stay as they are."))
        box.button(QMessageBox.Ok).setText(self.tr("Import"))
        return box.exec() == QMessageBox.Ok

    def start_import(self, path: str):
        actor = self.ctx.actor

        def job(progress):
            return import_employees(actor, path, progress)

        def done(result) -> None:
            self._changed(self.tr("Imported: %1 new, %2 updated.").replace("%1", str(result["created"])).replace("%2", str(result["updated"])))

        return self.ctx.write(self, job, done, failed=self._show_import_error, progress=self.tr("Importing employees…"))

    def _show_import_error(self, message: str) -> None:
        box = QMessageBox(QMessageBox.Warning, self.tr("Import employees"), message.splitlines()[0], parent=self)
        box.setObjectName("importErrorBox")
        if "\n" in message:
            box.setInformativeText(self.tr("Nothing was imported. Fix the rows below and import again."))
            box.setDetailedText("\n".join(message.splitlines()[1:]))
        box.exec()

    def export_file(self) -> None:
        path = save_file(self, "employees/export", self.tr("Export employees"), "employees.xlsx",
                         self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"))
        if not path:
            return
        actor = self.ctx.actor
        self.ctx.query(self, lambda: export_employees(actor, path),
                       lambda n: self.ctx.show_status(self.tr("Exported %1 employees.").replace("%1", str(n))),
                       failed=lambda message: QMessageBox.warning(self, self.tr("Export employees"), message))

    def _changed(self, message: str) -> None:
        self.ctx.show_status(message)  # the change itself reloads the list through the dispatcher
