"""The login dialog, and the first-start dialog that creates the administrator."""

from __future__ import annotations


from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout)

from app.errors import ShopTeamError
from app.services import users


def _title(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "title")
    return label


class LoginDialog(QDialog):
    def __init__(self, database_name: str, parent=None):
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("ShopTeam - Log in"))
        self.actor = None
        self.user = QLineEdit(objectName="loginUser")
        self.password = QLineEdit(objectName="loginPassword")
        self.password.setEchoMode(QLineEdit.Password)
        self.error = QLabel(objectName="loginError")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        db_label = QLabel(self.tr("Database: {0}").replace("{0}", database_name))
        db_label.setProperty("role", "muted")
        db_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.user)
        form.addRow(self.tr("Password"), self.password)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("Log in"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._on_login)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(_title(self.tr("ShopTeam · E-commerce operations")))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(db_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(380)
        self.user.textChanged.connect(self._update_ok)
        self.password.textChanged.connect(self._update_ok)
        self._update_ok()

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(bool(self.user.text().strip() and self.password.text()))

    def _on_login(self) -> None:
        try:
            self.actor = users.login(self.user.text().strip(), self.password.text())
        except ShopTeamError as exc:
            self.error.setText(str(exc))
            self.password.selectAll()
            self.password.setFocus()
            return
        self.accept()


class FirstAdminDialog(QDialog):
    """First start on a new database: create the administrator account."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("firstAdminDialog")
        self.setWindowTitle(self.tr("ShopTeam - Create the administrator"))
        self.actor = None
        self.rule = users.password_rule()  # the length in force, from the policy
        intro = QLabel(self.tr("Welcome! There is no administrator account yet. Create it; you will use it "
                               "to add and manage the other users."))
        intro.setWordWrap(True)
        intro.setObjectName("adminIntro")
        self.user = QLineEdit("admin", objectName="adminUser")
        self.password = QLineEdit(objectName="adminPassword")
        self.repeat = QLineEdit(objectName="adminRepeat")
        for field in (self.password, self.repeat):
            field.setEchoMode(QLineEdit.Password)
        self.hint = QLabel(objectName="adminHint")
        self.hint.setProperty("role", "error")
        self.hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.user)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Repeat password"), self.repeat)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("Create and log in"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._on_create)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(_title(self.tr("Create the administrator")))
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        for field in (self.user, self.password, self.repeat):
            field.textChanged.connect(self._validate)
        self._validate()

    def _validate(self) -> None:
        problem = ""
        if len(self.user.text().strip()) < 2:
            problem = self.tr("The user name needs at least 2 characters.")
        elif self.rule.problem(self.password.text()):
            problem = self.rule.problem(self.password.text())
        elif self.password.text() != self.repeat.text():
            problem = self.tr("The two passwords differ.")
        self.hint.setText(problem)
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(not problem)

    def _on_create(self) -> None:
        try:
            self.actor = users.create_first_admin(self.user.text().strip(), self.password.text())
        except ShopTeamError as exc:
            self.hint.setText(str(exc))
            return
        self.accept()
