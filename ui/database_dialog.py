"""Where the database lives: this PC's file, or one PostgreSQL database shared by the shop's PCs.

For the Tools menu: ``ui.database_dialog.open_database_dialog(parent)``. The choice is stored in
QSettings "db/location" and used at the next start (``--db`` and SHOPTEAM_DB still win).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import (QButtonGroup, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QRadioButton, QSpinBox, QVBoxLayout, QWidget)

from app.db import default_path
from app.services import backup
from app.db import postgres_parts, postgres_url
from ui import theme

SETTINGS_KEY = "db/location"


class DatabaseDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, current: str = ""):
        super().__init__(parent)
        self.setObjectName("databaseDialog")
        self.setWindowTitle(QCoreApplication.translate("DatabaseDialog", "Database location"))
        from app.db_credentials import with_password

        stored = current or with_password(str(QSettings().value(SETTINGS_KEY, "") or "")) or ""
        intro = QLabel(QCoreApplication.translate("DatabaseDialog", "One PC: keep the database in a file. Several PCs (a kiosk at the door and an office PC): "
                          "use one PostgreSQL database on the shop's network and enter the same address on every PC."))
        intro.setWordWrap(True)
        intro.setProperty("role", "muted")
        self.file_choice = QRadioButton(QCoreApplication.translate("DatabaseDialog", "A file on this PC"), objectName="fileChoice")
        self.server_choice = QRadioButton(QCoreApplication.translate("DatabaseDialog", "A shared PostgreSQL database"), objectName="serverChoice")
        group = QButtonGroup(self)
        group.addButton(self.file_choice)
        group.addButton(self.server_choice)
        self.path_edit = QLineEdit(objectName="pathEdit")
        self.path_edit.setPlaceholderText(str(default_path()))
        browse = QPushButton(theme.icon("mdi6.folder-open-outline"), QCoreApplication.translate("DatabaseDialog", "Browse…"), objectName="browseButton")
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(browse)
        self.host = QLineEdit(objectName="hostEdit", placeholderText="192.168.1.10")
        self.port = QSpinBox(objectName="portSpin", minimum=1, maximum=65535, value=5432)
        self.name = QLineEdit("shopteam", objectName="nameEdit")
        self.user = QLineEdit("shopteam", objectName="userEdit")
        self.password = QLineEdit(objectName="passwordEdit", echoMode=QLineEdit.Password)
        self.server_box = QWidget(objectName="serverBox")
        form = QFormLayout(self.server_box)
        form.setContentsMargins(24, 0, 0, 0)
        form.addRow(QCoreApplication.translate("DatabaseDialog", "Server"), self.host)
        form.addRow(QCoreApplication.translate("DatabaseDialog", "Port"), self.port)
        form.addRow(QCoreApplication.translate("DatabaseDialog", "Database"), self.name)
        form.addRow(QCoreApplication.translate("DatabaseDialog", "User"), self.user)
        form.addRow(QCoreApplication.translate("DatabaseDialog", "Password"), self.password)
        self.test_button = QPushButton(theme.icon("mdi6.lan-connect"), QCoreApplication.translate("DatabaseDialog", "Test connection"), objectName="testButton")
        self.test_button.clicked.connect(self.test_connection)
        self.result = QLabel(objectName="testResult")
        self.result.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel, objectName="databaseButtons")
        self.buttons.button(QDialogButtonBox.Save).setText(QCoreApplication.translate("DatabaseDialog", "Save"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(QCoreApplication.translate("DatabaseDialog", "Cancel"))
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        note = QLabel(QCoreApplication.translate("DatabaseDialog", "The new location is used the next time ShopTeam starts."), objectName="restartNote")
        note.setProperty("role", "muted")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.file_choice)
        file_box = QWidget(objectName="fileBox")
        file_box.setLayout(file_row)
        file_row.setContentsMargins(24, 0, 0, 0)
        layout.addWidget(file_box)
        layout.addWidget(self.server_choice)
        layout.addWidget(self.server_box)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.result, 1)
        layout.addLayout(test_row)
        layout.addStretch(1)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.file_box = file_box
        for widget in (self.path_edit, self.host, self.name, self.user, self.password):
            widget.textChanged.connect(self._changed)
        self.port.valueChanged.connect(self._changed)
        self.file_choice.toggled.connect(self._changed)
        self._load(stored)
        self.resize(620, 480)

    def _load(self, stored: str) -> None:
        if stored.startswith("postgresql"):
            parts = postgres_parts(stored)
            self.server_choice.setChecked(True)
            self.host.setText(parts["host"])
            self.port.setValue(parts["port"])
            self.name.setText(parts["name"])
            self.user.setText(parts["user"])
            self.password.setText(parts["password"])
        else:
            self.file_choice.setChecked(True)
            self.path_edit.setText(stored)
        self._changed()

    def location(self) -> str:
        if self.file_choice.isChecked():
            return self.path_edit.text().strip() or str(default_path())
        return postgres_url(self.host.text().strip(), self.port.value(), self.name.text().strip(), self.user.text().strip(),
                      self.password.text())

    def _valid(self) -> bool:
        return self.file_choice.isChecked() or bool(self.host.text().strip() and self.name.text().strip())

    def _changed(self, *_args) -> None:
        server = self.server_choice.isChecked()
        self.server_box.setEnabled(server)
        self.file_box.setEnabled(not server)
        self.result.setText("")
        self.test_button.setEnabled(self._valid())
        self.buttons.button(QDialogButtonBox.Save).setEnabled(self._valid())

    def _browse(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, QCoreApplication.translate("DatabaseDialog", "Database file"), self.path_edit.text() or str(default_path()),
                                                    QCoreApplication.translate("DatabaseDialog", "ShopTeam database (*.db)"), options=QFileDialog.DontConfirmOverwrite)
        if path:
            self.path_edit.setText(path)

    def test_connection(self) -> bool:
        probe = backup.probe_location(self.location())
        self.result.setText(("✓ " if probe.ok else "✗ ") + probe.message)
        self.result.setProperty("role", "ok" if probe.ok else "error")
        self.result.style().unpolish(self.result)
        self.result.style().polish(self.result)
        return probe.ok

    def _save(self) -> None:
        if not self.test_connection():
            return
        location = self.location()
        default = self.file_choice.isChecked() and location == str(default_path())
        from app.db_credentials import remember

        # the settings keep server, port, database and user; the password goes to the OS keyring
        QSettings().setValue(SETTINGS_KEY, "" if default else remember(location))
        self.accept()


def open_database_dialog(parent: QWidget | None = None) -> bool:
    """Show the dialog; True when a new location was saved (it takes effect at the next start)."""
    return bool(DatabaseDialog(parent).exec())
