"""Starting the desktop app: theme, language, database, login, main window (and --selftest)."""

from __future__ import annotations

import os
import sys
import tempfile

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication

from app import APP_NAME


SWITCH_INTERVAL_S = 0.001


def make_application() -> QApplication:
    from ui.compat import guard_none_refcount

    guard_none_refcount()  # PySide6 6.12 on Python 3.11 leaks references to None (see ui/compat.py)
    # The executor thread shares the GIL with the window's: while it runs Python (a month's load), the
    # window waits up to the switch interval for its turn, at every step of a paint. 1 ms, not 5 ms.
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    from app.logs import configure_logging

    configure_logging()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    QCoreApplication.setOrganizationName("ShopTeam")
    QCoreApplication.setApplicationName(APP_NAME)
    from ui import theme

    theme.apply(app)
    from ui.errors import install_excepthooks
    from ui.operations import wait_idle

    install_excepthooks()
    app.aboutToQuit.connect(lambda: wait_idle())  # let a running operation commit or roll back
    return app


class Controller:
    """Owns the main window; rebuilds it after a language switch, returns to login on log-out."""

    def __init__(self, app: QApplication, language: str):
        self.app = app
        self.language = language
        self.window = None
        self.actor = None

    def login(self) -> bool:
        from app.db import current
        from app.services.users import needs_first_admin
        from ui.login import FirstAdminDialog, LoginDialog

        dialog = FirstAdminDialog() if needs_first_admin() else LoginDialog(current().display_name)
        if not dialog.exec():
            return False
        self.actor = dialog.actor
        return True

    def show_window(self) -> None:
        from app.db import current
        from ui.main_window import MainWindow
        from ui.shell import ChangeBus, ShellContext

        old = self.window
        bus = ChangeBus()
        ctx = ShellContext(actor=self.actor, bus=bus, show_status=lambda m: None, database_name=current().display_name)
        self.window = MainWindow(ctx, self.language)
        ctx.show_status = lambda message: self.window.statusBar().showMessage(message, 5000)
        self.window.language_changed.connect(self.switch_language)
        self.window.logout_requested.connect(self.logout)
        self.window.lock_requested.connect(self.lock)
        if old is not None:
            self.window.setGeometry(old.geometry())
            if old.isMaximized():
                self.window.setWindowState(self.window.windowState() | Qt.WindowMaximized)
            old.close()
            old.deleteLater()
        self.window.show()
        from ui.operations import keep_startup_heap_out_of_collections

        keep_startup_heap_out_of_collections()

    def switch_language(self, language: str) -> None:
        from ui import i18n

        self.language = language
        i18n.install(language)
        self.show_window()

    def listen_for_kiosk(self) -> None:
        """A kiosk started in another process on this PC locks this window too."""
        from ui.kiosk.lock import OfficeLockListener

        self.kiosk_listener = OfficeLockListener(parent=self.app)
        self.kiosk_listener.kiosk_started.connect(lambda: self.lock(None))

    def lock(self, kiosk=None) -> None:
        """Close the logged-in window; ask for a login again once the kiosk is left (or at once when the
        kiosk runs in another process: it stays on top of the login)."""
        if self.window is None:
            return
        self.app.setQuitOnLastWindowClosed(False)  # the kiosk, or nothing, is left on screen for a moment
        self.window.close()
        self.window.deleteLater()
        self.window = None
        self.actor = None
        if kiosk is not None:
            # after the kiosk has closed: `left` comes from inside its closeEvent, and a login opened there sat
            # under the still-mapped, frozen full-screen kiosk
            kiosk.left.connect(lambda: QTimer.singleShot(0, self._login_again))
        else:
            QTimer.singleShot(0, self._login_again)

    def _login_again(self) -> None:
        self.app.setQuitOnLastWindowClosed(True)
        if self.window is None and self.login():
            self.show_window()
        elif self.window is None:
            self.app.quit()

    def logout(self) -> None:
        self.window.close()
        self.window = None
        if self.login():
            self.show_window()
        else:
            self.app.quit()


def _open(location: str | None) -> bool:
    """Open the database after the start-up check (integrity, daily backup); offer a backup if damaged."""
    from ui.backup_prompt import open_checked

    return open_checked(location)


def run_desktop(db_location: str | None = None, selftest: bool = False, language: str | None = None) -> int:
    if selftest:
        return run_selftest(language)
    app = make_application()
    from ui import i18n

    language = i18n.choose_language(language)
    i18n.install(language)
    if not _open(db_location):
        return 1
    controller = Controller(app, language)
    controller.listen_for_kiosk()
    if not controller.login():
        return 0
    controller.show_window()
    return app.exec()


def run_selftest(language: str | None = None) -> int:
    """Open the main window on a temporary demo database, visit every tab, exit 0 if all went well."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SHOPTEAM_HOME"] = tmp
        app = make_application()
        from app.services.context import Actor
        from app.services.system import init_database
        from ui import i18n

        i18n.install(i18n.choose_language(language))
        init_database(os.path.join(tmp, "selftest.db"), demo=True)
        controller = Controller(app, language or "zh_CN")
        controller.actor = Actor(username="selftest", role="admin")
        controller.show_window()
        window = controller.window
        for i in range(window.tabs.count()):
            window.tabs.setCurrentIndex(i)
            app.processEvents()
        QTimer.singleShot(0, app.quit)
        app.exec()
        ok = window.tabs.count() >= 1 and not window.grab().isNull()
        print(f"selftest: {'ok' if ok else 'FAILED'} ({window.tabs.count()} tabs)")
        window.close()
        from app.db import set_current

        set_current(None)
        return 0 if ok else 1
