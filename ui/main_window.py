"""The shell: tabs discovered from ui/<area>/tab.py, menus, shortcuts, status bar, change polling."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QActionGroup, QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget, QVBoxLayout, QWidget

from app import __version__
from app.i18n import _ as app_tr
from app.logs import log_folder
from app.services import system
from app.services.changes import ALL_AREAS
from app.services.permissions import ROLE_LABELS
from ui import theme
from ui.change_watcher import ChangeWatcherThread
from ui.shell import ShellContext
from ui.tabs import discover
from ui.widgets.actions import on_triggered

SMALL_SCREEN = QSize(1440, 900)  # below this, the window opens maximised
TITLE_BAR = 40  # the window manager's frame is not known before the first show


class LazyTab(QWidget):
    """Holds a tab's place and builds the real widget the first time it is shown (fast start-up)."""

    def __init__(self, module, ctx: ShellContext, parent=None):
        super().__init__(parent)
        self.module, self.ctx, self.content = module, ctx, None
        self.setObjectName(module.OBJECT_NAME)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def ensure(self) -> QWidget:
        if self.content is None:
            self.content = self.module.create(self.ctx, self)
            self._layout.addWidget(self.content)
        return self.content


class MainWindow(QMainWindow):
    language_changed = Signal(str)
    logout_requested = Signal()
    lock_requested = Signal(object)  # the kiosk opened on this PC (None: one in another process)

    def __init__(self, ctx: ShellContext, language: str):
        super().__init__()
        self.setObjectName("mainWindow")
        self.ctx = ctx
        self.language = language
        self.setWindowTitle(self.tr("ShopTeam · E-commerce Operations Department") + f"  {__version__}")
        self.tabs = QTabWidget(objectName="mainTabs")
        self.tabs.setDocumentMode(True)
        self._modules = [m for m in discover() if getattr(m, "visible_for", lambda c: True)(ctx)]
        self.setCentralWidget(self._with_banner(self.tabs))
        for module in self._modules:
            self.tabs.addTab(LazyTab(module, ctx), theme.icon(module.ICON), module.title())
        self.tabs.currentChanged.connect(self._on_tab_changed)
        ctx.bus.changed.connect(self._on_changed)
        self._build_menus()
        self._build_status_bar()
        self._restore_geometry()
        self._on_tab_changed(self.tabs.currentIndex())
        # started last: a window that failed to build leaves no thread running behind it
        self._watcher = ChangeWatcherThread(parent=self)
        self._watcher.found.connect(ctx.bus.broadcast)
        self._watcher.failed.connect(self._on_watch_failed)
        self._watcher.recovered.connect(self._on_watch_recovered)
        QCoreApplication.instance().aboutToQuit.connect(self._watcher.stop)
        self._watcher.start()

    def _with_banner(self, tabs: QTabWidget) -> QWidget:
        """The tabs under the banner that warns when next year's holidays are not entered."""
        from ui.attendance.banner import HolidayBanner

        box = QWidget(objectName="mainCentral")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.holiday_banner = None
        if any(m.OBJECT_NAME == "attendanceTab" for m in self._modules):
            self.holiday_banner = HolidayBanner(self.ctx, self._open_holidays, box)
            self.ctx.bus.changed.connect(self.holiday_banner.refresh)
            layout.addWidget(self.holiday_banner)
        layout.addWidget(tabs, 1)
        return box

    def _open_holidays(self, year) -> None:
        self.select_tab("attendanceTab")
        view = self.tab_content("attendanceTab")
        if view is not None and hasattr(view, "show_holidays"):
            view.show_holidays(year)

    # -- tabs --------------------------------------------------------------------------
    def current_content(self):
        page = self.tabs.currentWidget()
        return page.ensure() if isinstance(page, LazyTab) else page

    def tab_content(self, object_name: str):
        for i in range(self.tabs.count()):
            page = self.tabs.widget(i)
            if page.objectName() == object_name:
                return page.ensure()
        return None

    def select_tab(self, object_name: str):
        for i in range(self.tabs.count()):
            if self.tabs.widget(i).objectName() == object_name:
                self.tabs.setCurrentIndex(i)
                return self.tabs.widget(i).ensure()
        return None

    def _on_tab_changed(self, index: int) -> None:
        if index < 0:
            return
        content = self.current_content()
        self._area_menu.clear()
        actions = getattr(content, "menu_actions", lambda: [])()
        self._area_menu.menuAction().setVisible(bool(actions))
        self._area_menu.setTitle(self.tabs.tabText(index))
        for action in actions:
            self._area_menu.addAction(action)

    def _call_current(self, method: str) -> None:
        fn = getattr(self.current_content(), method, None)
        if fn:
            fn()
        else:
            self.statusBar().showMessage(self.tr("Not available on this tab."), 3000)

    # -- changes -----------------------------------------------------------------------
    def _on_changed(self, areas) -> None:
        """One broadcast (a ChangeSet) from the dispatcher: each built tab reloads what it shows."""
        for i in range(self.tabs.count()):
            page = self.tabs.widget(i)
            if isinstance(page, LazyTab) and page.content is not None:
                refresh = getattr(page.content, "refresh", None)
                if refresh:
                    refresh(areas)

    def _on_watch_failed(self, reason: str) -> None:
        self.watch_label.setText(self.tr("Changes from other PCs are not arriving: %1").replace("%1", reason))
        self.watch_label.setVisible(True)

    def _on_watch_recovered(self) -> None:
        self.watch_label.setVisible(False)
        self.ctx.bus.emit_areas(*ALL_AREAS)  # what was missed while the watcher was down

    def refresh_all(self) -> None:
        self.ctx.bus.emit_areas(*ALL_AREAS)
        self.statusBar().showMessage(self.tr("Refreshed."), 2000)

    # -- menus -------------------------------------------------------------------------
    def _action(self, text: str, slot, shortcut=None, icon: str | None = None, name: str = "") -> QAction:
        action = QAction(text, self)
        if name:
            action.setObjectName(name)
        if icon:
            action.setIcon(theme.icon(icon))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        on_triggered(action, slot)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self._action(self.tr("New"), lambda: self._call_current("new_item"), QKeySequence.New, "mdi6.plus", "actionNew"))
        file_menu.addAction(self._action(self.tr("Print…"), lambda: self._call_current("print_current"), QKeySequence.Print, "mdi6.printer", "actionPrint"))
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("Log out"), self.logout_requested.emit, None, "mdi6.logout", "actionLogout"))
        file_menu.addAction(self._action(self.tr("Quit"), self.close, QKeySequence.Quit, "mdi6.exit-to-app", "actionQuit"))
        view = bar.addMenu(self.tr("&View"))
        view.addAction(self._action(self.tr("Search"), lambda: self._call_current("focus_search"), QKeySequence.Find, "mdi6.magnify", "actionFind"))
        view.addAction(self._action(self.tr("Refresh"), self.refresh_all, QKeySequence.Refresh, "mdi6.refresh", "actionRefresh"))
        lang_menu = view.addMenu(self.tr("Language"))
        group = QActionGroup(self)
        for code, label in (("zh_CN", "中文"), ("en", "English")):
            action = QAction(label, self, checkable=True, objectName=f"actionLang_{code}")
            action.setChecked(code == self.language)
            action.triggered.connect(lambda _=False, c=code: self._switch_language(c))
            group.addAction(action)
            lang_menu.addAction(action)
        self._area_menu = bar.addMenu("")
        tools = bar.addMenu(self.tr("&Tools"))
        if self.ctx.can("policy.view"):
            tools.addAction(self._action(self.tr("Policy settings…"), self._open_settings, None, "mdi6.cog-outline", "actionSettings"))
        if self.ctx.can("users.manage"):
            tools.addAction(self._action(self.tr("Users…"), self._open_users, None, "mdi6.account-key-outline", "actionUsers"))
        if self.ctx.can("system.backup"):
            tools.addAction(self._action(self.tr("Database location…"), self._open_database_dialog, None, "mdi6.database-cog-outline", "actionDatabaseLocation"))
        if self.ctx.can("system.check"):
            tools.addAction(self._action(self.tr("Check database"), self._check_database, None, "mdi6.database-check-outline", "actionCheck"))
        for extra in self._tool_actions():
            tools.addAction(extra)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("Open log folder"), self._open_log_folder, None,
                                         "mdi6.folder-text-outline", "actionOpenLogFolder"))
        help_menu.addAction(self._action(self.tr("About ShopTeam"), self._about, None, "mdi6.information-outline", "actionAbout"))

    def _tool_actions(self) -> list[QAction]:
        """Area modules may offer tool actions (kiosk, backup) through ui/<area>/tab.py tool_actions()."""
        result = []
        for module in discover():
            provider = getattr(module, "tool_actions", None)
            if provider:
                result.extend(provider(self.ctx, self))
        return result

    def _open_settings(self) -> None:
        from ui.settings_dialog import SettingsDialog

        SettingsDialog(self.ctx, self).exec()

    def _open_database_dialog(self) -> None:
        from ui.database_dialog import open_database_dialog

        open_database_dialog(self)

    def _open_users(self) -> None:
        from ui.users_dialog import UsersDialog

        UsersDialog(self.ctx, self).exec()

    def _check_database(self) -> None:
        actor = self.ctx.actor
        self.ctx.query(self, lambda _progress: system.check(actor), self._show_check,
                       progress=self.tr("Checking the database…"))

    def _show_check(self, report) -> None:
        text = "\n".join(report.notes + report.problems)
        if report.ok:
            QMessageBox.information(self, self.tr("Check database"), self.tr("No problems found.") + "\n\n" + text)
        else:
            QMessageBox.warning(self, self.tr("Check database"), text)

    def _open_log_folder(self) -> None:
        folder = log_folder()
        folder.mkdir(parents=True, exist_ok=True)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self.statusBar().showMessage(self.tr("The log folder is %1").replace("%1", str(folder)))

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("About ShopTeam"),
                          self.tr("ShopTeam %1\nThe desktop app of a small e-commerce operations department.\n"
                                  "Database: %2").replace("%1", __version__).replace("%2", self.ctx.database_name))

    def _switch_language(self, code: str) -> None:
        if code != self.language:
            QSettings().setValue("ui/language", code)
            self.language_changed.emit(code)

    def lock_for_kiosk(self, kiosk=None) -> None:
        """A kiosk started on this PC: nobody may reach this logged-in window behind it."""
        self.hide()
        self.lock_requested.emit(kiosk)

    # -- status bar and geometry -----------------------------------------------------------
    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        role = app_tr(ROLE_LABELS.get(self.ctx.actor.role, self.ctx.actor.role))
        self.user_label = QLabel(f"{self.ctx.actor.username} · {role}", objectName="statusUser")
        self.db_label = QLabel(self.ctx.database_name, objectName="statusDatabase")
        self.db_label.setProperty("role", "muted")
        self.watch_label = QLabel(objectName="statusWatchError")
        self.watch_label.setProperty("role", "error")
        self.watch_label.setVisible(False)
        bar.addPermanentWidget(self.watch_label)
        bar.addPermanentWidget(self.user_label)
        bar.addPermanentWidget(self.db_label)

    def _restore_geometry(self) -> None:
        settings = QSettings()
        geometry = settings.value("main/geometry")
        if geometry is None or not self.restoreGeometry(geometry) or not self._fits_screen():
            self._first_geometry()
        index = settings.value("main/tab", 0, type=int)
        if 0 <= index < self.tabs.count():
            self.tabs.setCurrentIndex(index)

    def _available(self):
        screen = self.screen() or QGuiApplication.primaryScreen()
        return screen.availableGeometry()

    def _fits_screen(self) -> bool:
        return self.isMaximized() or self._available().contains(self.geometry())

    def _first_geometry(self) -> None:
        """Within the screen's free area (no task bar, room for the title bar); maximised on a laptop."""
        free = self._available()
        if free.width() < SMALL_SCREEN.width() or free.height() < SMALL_SCREEN.height():
            self.resize(min(1280, free.width() - 16), min(760, free.height() - TITLE_BAR))
            self.move(free.topLeft())
            self.setWindowState(self.windowState() | Qt.WindowMaximized)
            return
        self.resize(1280, 760)
        self.move(free.center() - self.rect().center())

    def closeEvent(self, event) -> None:  # noqa: N802
        settings = QSettings()
        settings.setValue("main/geometry", self.saveGeometry())
        settings.setValue("main/tab", self.tabs.currentIndex())
        self._watcher.stop()
        super().closeEvent(event)
