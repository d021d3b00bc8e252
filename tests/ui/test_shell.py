"""First start, login and the main window shell."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.services import users


def test_first_start_creates_the_admin(qtbot, db):
    from ui.login import FirstAdminDialog

    dialog = FirstAdminDialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.Ok)
    dialog.password.setText("abc")
    assert not ok.isEnabled() and "6" in dialog.hint.text()
    qtbot.keyClicks(dialog.password, "def123")
    qtbot.keyClicks(dialog.repeat, "abcdef12")
    assert not ok.isEnabled() and "differ" in dialog.hint.text()
    dialog.repeat.setText("abcdef123")
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.LeftButton)
    assert dialog.result() and dialog.actor.role == "admin"
    assert not users.needs_first_admin()
    assert users.login("admin", "abcdef123").username == "admin"


def test_login_shows_the_error_then_succeeds(qtbot, demo_db):
    from ui.login import LoginDialog

    dialog = LoginDialog("test.db")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.Ok)
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.user, "linxw")
    qtbot.keyClicks(dialog.password, "wrong")
    qtbot.mouseClick(ok, Qt.LeftButton)
    assert "Wrong user name or password" in dialog.error.text() and not dialog.result()
    dialog.password.setText("demo1234")
    qtbot.mouseClick(ok, Qt.LeftButton)
    assert dialog.result() and dialog.actor.role == "manager" and dialog.actor.employee_id is not None


def test_main_window_has_tabs_status_and_remembers_geometry(qtbot, main_window):
    from PySide6.QtCore import QSettings

    window = main_window()
    assert window.findChild(type(window.tabs), "mainTabs").count() >= 1
    assert window.select_tab("employeesTab") is not None
    assert "admin" in window.user_label.text() and window.db_label.text() == "test.db"
    window.resize(1366, 768)
    window.close()
    assert QSettings().value("main/geometry") is not None


def test_change_from_another_connection_is_noticed_by_the_watcher(qtbot, main_window, admin):
    from app.services.employees import EmployeeInput, create_employee
    from ui.operations import drain

    window = main_window()
    view = window.select_tab("employeesTab")
    drain()
    before = view.model.rowCount()
    create_employee(admin, EmployeeInput("E900", "远程新增"))  # written outside the window's operations
    qtbot.waitUntil(lambda: view.model.rowCount() == before + 1, timeout=20000)


def test_settings_dialog_validates_and_saves(qtbot, db, admin):
    from ui.settings_dialog import SettingsDialog
    from ui.shell import ChangeBus, ShellContext

    ctx = ShellContext(actor=admin, bus=ChangeBus(), show_status=lambda m: None)
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    editor = dialog.editors["security.login_max_attempts"]
    save = dialog.buttons.button(QDialogButtonBox.Save)
    editor.setText("50")
    assert not save.isEnabled() and "1..20" in dialog.message.text()
    editor.setText("8")
    assert save.isEnabled()  # saving is covered by tests/ui/test_window_settings.py


def test_admin_adds_a_user_in_the_users_dialog(qtbot, demo_db, admin):
    from ui.shell import ChangeBus, ShellContext
    from ui.users_dialog import AddUserDialog, UsersDialog

    ctx = ShellContext(actor=admin, bus=ChangeBus(), show_status=lambda m: None)
    dialog = UsersDialog(ctx)
    qtbot.addWidget(dialog)
    before = dialog.model.rowCount()
    add = AddUserDialog(ctx, dialog)
    qtbot.addWidget(add)
    qtbot.keyClicks(add.username, "clerk")
    qtbot.keyClicks(add.password, "abc")
    assert "at least 6" in add.error.text()  # said while typing: the length in force
    assert not add.buttons.button(QDialogButtonBox.Ok).isEnabled()
    add.password.setText("abcdef99")
    add.role.setCurrentIndex(add.role.findData("hr"))
    add.employee.setCurrentIndex(add.employee.findData("E015"))
    qtbot.mouseClick(add.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)
    assert add.result()
    dialog.reload()
    assert dialog.model.rowCount() == before + 1
    assert users.login("clerk", "abcdef99").role == "hr"


def test_last_admin_cannot_be_disabled(db):
    import pytest

    from app.errors import ConflictError

    actor = users.create_first_admin("boss", "abcdef99")
    with pytest.raises(ConflictError, match="last administrator"):
        users.set_active(actor, "boss", False)


def test_password_forms_follow_the_policy_length(qtbot, db, admin):
    from app.services import policy
    from ui.login import FirstAdminDialog

    policy.set_values(admin, {"security.min_password_length": 10})
    dialog = FirstAdminDialog()
    qtbot.addWidget(dialog)
    dialog.password.setText("abcdef123")  # 9: enough for the default 6, not for this shop
    dialog.repeat.setText("abcdef123")
    assert "10" in dialog.hint.text() and not dialog.buttons.button(QDialogButtonBox.Ok).isEnabled()
    dialog.password.setText("abcdef1234")
    dialog.repeat.setText("abcdef1234")
    assert dialog.buttons.button(QDialogButtonBox.Ok).isEnabled()
