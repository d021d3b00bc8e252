"""Tools → Users: the administrator adds logins, resets passwords and disables accounts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QInputDialog, QLabel,
                               QLineEdit, QMessageBox, QPushButton, QVBoxLayout)

from app.errors import ShopTeamError
from app.i18n import _ as app_tr
from app.services import employees, users
from app.services.permissions import ROLE_LABELS
from ui.models.table import Column, RowTableModel, sorting_proxy
from ui.widgets.table_view import DataTableView


class AddUserDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.setObjectName("addUserDialog")
        self.setWindowTitle(self.tr("Add a user"))
        self.ctx = ctx
        self.rule = users.password_rule()  # the length in force, from the policy
        self.username = QLineEdit(objectName="newUserName")
        self.role = QComboBox(objectName="newUserRole")
        for code in ("staff", "manager", "hr", "admin"):
            self.role.addItem(app_tr(ROLE_LABELS[code]), code)
        self.employee = QComboBox(objectName="newUserEmployee")
        self.employee.addItem(self.tr("(not linked)"), "")
        for row in employees.list_employees(ctx.actor, include_left=False):
            self.employee.addItem(f"{row.name}（{row.employee_no}）", row.employee_no)
        self.password = QLineEdit(objectName="newUserPassword", echoMode=QLineEdit.Password)
        self.error = QLabel(objectName="newUserError")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Employee"), self.employee)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("Add"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._add)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        for field in (self.username, self.password):
            field.textChanged.connect(self._validate)
        self._validate()

    def _validate(self) -> None:
        problem = self.rule.problem(self.password.text()) if self.password.text() else ""
        self.error.setText(problem)
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(len(self.username.text().strip()) >= 2
                                                            and bool(self.password.text()) and not problem)

    def _add(self) -> None:
        try:
            users.add_user(self.ctx.actor, self.username.text().strip(), self.password.text(),
                           self.role.currentData(), self.employee.currentData())
        except ShopTeamError as exc:
            self.error.setText(str(exc))
            return
        self.accept()


class UsersDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.setObjectName("usersDialog")
        self.setWindowTitle(self.tr("Users"))
        self.ctx = ctx
        self.model = RowTableModel([
            Column("username", self.tr("User name")),
            Column("role", self.tr("Role"), value=lambda r: app_tr(ROLE_LABELS.get(r["role"], r["role"]))),
            Column("employee_no", self.tr("Employee no.")),
            Column("active", self.tr("Active"), value=lambda r: self.tr("yes") if r["active"] else self.tr("disabled")),
        ], self)
        self.table = DataTableView("usersTable")
        self.table.setModel(sorting_proxy(self.model, self))
        add = QPushButton(self.tr("Add a user…"), objectName="addUserButton")
        reset = QPushButton(self.tr("Set password…"), objectName="resetPasswordButton")
        toggle = QPushButton(self.tr("Disable / enable"), objectName="toggleUserButton")
        add.clicked.connect(self._add)
        reset.clicked.connect(self._reset)
        toggle.clicked.connect(self._toggle)
        buttons = QHBoxLayout()
        for b in (add, reset, toggle):
            buttons.addWidget(b)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.Close)
        close.button(QDialogButtonBox.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        layout.addWidget(close)
        self.resize(560, 420)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(users.list_users(self.ctx.actor))

    def _selected(self):
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.table.model().data(rows[0], Qt.UserRole + 2)

    def _add(self) -> None:
        if AddUserDialog(self.ctx, self).exec():
            self.reload()

    def _reset(self) -> None:
        row = self._selected()
        if row is None:
            return
        password, ok = QInputDialog.getText(self, self.tr("Set password"),
                                            self.tr("New password for %1:").replace("%1", row["username"]),
                                            QLineEdit.Password)
        if ok:
            self._run(lambda: users.set_password(self.ctx.actor, row["username"], password))

    def _toggle(self) -> None:
        row = self._selected()
        if row is not None:
            self._run(lambda: users.set_active(self.ctx.actor, row["username"], not row["active"]))

    def _run(self, action) -> None:
        try:
            action()
        except ShopTeamError as exc:
            QMessageBox.warning(self, self.tr("Users"), str(exc))
        self.reload()
