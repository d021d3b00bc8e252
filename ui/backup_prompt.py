"""Opening the database at start-up: the integrity check, the daily backup, and — when the file is
damaged — saying so and offering the latest backup.

The hook in ui/app.py ``_open``::

    from ui.backup_prompt import open_checked
    return open_checked(location, parent=None)
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QPlainTextEdit, QVBoxLayout, QWidget

from app import APP_NAME
from app.errors import ShopTeamError
from app.services import backup
from app.services.context import Actor
from ui import theme


class DamagedDatabaseDialog(QDialog):
    """Says the database is damaged, shows the checker's findings, offers the latest backup."""

    def __init__(self, report: backup.StartupReport, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("damagedDatabaseDialog")
        self.setWindowTitle(QCoreApplication.translate("BackupPrompt", "The database is damaged"))
        self.report = report
        layout = QVBoxLayout(self)
        icon = QLabel(objectName="damagedIcon")
        icon.setPixmap(theme.icon("mdi6.database-alert-outline").pixmap(40, 40))
        layout.addWidget(icon)
        headline = QLabel(QCoreApplication.translate("BackupPrompt", "ShopTeam checked the database at start-up and found it damaged:") + f"\n{report.database}",
                          objectName="damagedHeadline")
        headline.setWordWrap(True)
        layout.addWidget(headline)
        details = QPlainTextEdit("\n".join(report.problems), objectName="damagedDetails", readOnly=True)
        details.setMaximumHeight(110)
        layout.addWidget(details)
        latest = report.latest_backup
        if latest is not None:
            offer = QCoreApplication.translate("BackupPrompt", "The latest backup is from %1. Restoring it replaces the database with that copy; "
                       "changes made after it are lost. The damaged database is kept in the backup folder.")
            offer = offer.replace("%1", latest.taken_at.strftime("%Y-%m-%d %H:%M"))
        else:
            offer = QCoreApplication.translate("BackupPrompt", "There is no backup to restore. Copy the database file somewhere safe and ask for help; "
                       "ShopTeam will not open a damaged database.")
        self.offer = QLabel(offer, objectName="damagedOffer")
        self.offer.setWordWrap(True)
        layout.addWidget(self.offer)
        self.message = QLabel(objectName="damagedMessage")
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(objectName="damagedButtons")
        self.restore_button = buttons.addButton(QCoreApplication.translate("BackupPrompt", "Restore latest backup"), QDialogButtonBox.AcceptRole)
        self.restore_button.setObjectName("restoreLatestButton")
        self.restore_button.setIcon(theme.icon("mdi6.backup-restore"))
        self.restore_button.setEnabled(latest is not None)
        self.restore_button.setDefault(latest is not None)
        quit_button = buttons.addButton(QCoreApplication.translate("BackupPrompt", "Quit"), QDialogButtonBox.RejectRole)
        quit_button.setObjectName("quitButton")
        buttons.accepted.connect(self.restore)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.result_text = ""
        self.resize(560, 360)

    def restore(self) -> None:
        try:
            result = backup.restore_backup(Actor.system("startup"), self.report.latest_backup.path, self.report.database)
        except ShopTeamError as exc:
            self.message.setText(str(exc))
            return
        self.result_text = QCoreApplication.translate("BackupPrompt", "The backup was restored. The damaged database is kept in %1.").replace("%1", str(result.kept_aside))
        self.accept()


def open_checked(location: str | None = None, parent: QWidget | None = None) -> bool:
    """Open the database for the desktop window; False when it cannot be used (the user was told why)."""
    location = location or configured_location()
    try:
        report = backup.startup_check(location)
    except ShopTeamError as exc:
        QMessageBox.critical(parent, APP_NAME, str(exc))
        return False
    if report.ok:
        if report.backup_warning:
            QMessageBox.warning(parent, APP_NAME, report.backup_warning)
        return True
    dialog = DamagedDatabaseDialog(report, parent)
    if not dialog.exec():
        return False
    QMessageBox.information(parent, APP_NAME, dialog.result_text)
    return True


def configured_location() -> str | None:
    """The database chosen in the database dialog (QSettings "db/location"), unless SHOPTEAM_DB is set."""
    import os

    if os.environ.get("SHOPTEAM_DB"):
        return None
    from app import db_credentials

    settings = QSettings()
    value = str(settings.value("db/location", "") or "")
    if db_credentials.needs_moving(value):  # an old entry with the password in plain text: move it, erase it
        settings.setValue("db/location", db_credentials.remember(value))
        settings.sync()
    return db_credentials.with_password(value) if value else None
