"""UI fixtures: an isolated QSettings store and a main window for a given actor."""

import pytest
from PySide6.QtCore import QCoreApplication, QSettings


@pytest.fixture(scope="session", autouse=True)
def _none_guard():
    from ui.compat import guard_none_refcount

    guard_none_refcount()  # see ui/compat.py: PySide6 6.12 on Python 3.11 leaks references to None


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path, qapp):
    QCoreApplication.setOrganizationName("ShopTeamTests")
    QCoreApplication.setApplicationName("ShopTeamTests")
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "settings"))
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings().clear()
    from ui import theme

    theme.apply(qapp)
    yield


@pytest.fixture
def main_window(qtbot, demo_db):
    from app.services.context import Actor
    from ui.main_window import MainWindow
    from ui.shell import ChangeBus, ShellContext

    def make(actor=None):
        actor = actor or Actor(username="admin", role="admin")
        ctx = ShellContext(actor=actor, bus=ChangeBus(), show_status=lambda m: None, database_name="test.db")
        window = MainWindow(ctx, "en")
        ctx.show_status = lambda m: window.statusBar().showMessage(m)
        qtbot.addWidget(window)
        window.show()
        return window

    return make


@pytest.fixture(scope="session", autouse=True)
def _built_translations():
    """Build the .qm catalogues when they are missing or older than their .ts (make does it too)."""
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    folder = root / "resources" / "i18n"
    stale = [ts for ts in folder.glob("*.ts")
             if not ts.with_suffix(".qm").exists() or ts.with_suffix(".qm").stat().st_mtime < ts.stat().st_mtime]
    if stale:
        sys.path.insert(0, str(root / "tools"))
        import i18n as ts_tool

        ts_tool.build()
