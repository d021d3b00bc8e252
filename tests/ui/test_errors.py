"""Unexpected errors: logged to the rotating file in the data folder and shown with copyable details."""

from __future__ import annotations

import logging
import sys
import threading

import pytest
from PySide6.QtWidgets import QApplication

from app.logs import configure_logging, log_path
from ui import errors


@pytest.fixture
def hooks(tmp_path, monkeypatch, qapp):
    monkeypatch.setenv("SHOPTEAM_HOME", str(tmp_path))
    path = configure_logging()
    saved = sys.excepthook, threading.excepthook
    errors.install_excepthooks()
    yield path
    sys.excepthook, threading.excepthook = saved
    for dialog in list(errors.reporter().shown):
        dialog.close()
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "baseFilename", "") == str(path)]:
        root.removeHandler(handler)
        handler.close()


def _flush_logs():
    for handler in logging.getLogger().handlers:
        handler.flush()


def test_log_file_is_in_the_data_folder(hooks, tmp_path):
    assert hooks == log_path() == tmp_path / "logs" / "shopteam.log"
    logging.getLogger("shopteam.test").warning("kiosk 3 could not reach the server")
    _flush_logs()
    assert "kiosk 3 could not reach the server" in hooks.read_text(encoding="utf-8")
    assert configure_logging() == hooks  # a second call adds no second handler
    assert sum(getattr(h, "baseFilename", "") == str(hooks) for h in logging.getLogger().handlers) == 1


def test_an_error_after_the_log_folder_went_away_is_still_logged(hooks, qtbot):
    import shutil

    shutil.rmtree(hooks.parent)  # deleted by hand, or a temporary data folder removed (the bench)
    try:
        raise ZeroDivisionError("rate of nothing")
    except ZeroDivisionError:
        sys.excepthook(*sys.exc_info())
    qtbot.waitUntil(lambda: bool(errors.reporter().shown), timeout=5000)
    _flush_logs()
    assert "ZeroDivisionError: rate of nothing" in hooks.read_text(encoding="utf-8")


def test_an_unexpected_error_shows_a_dialog_with_copyable_details_and_is_logged(hooks, qtbot):
    try:
        raise ZeroDivisionError("rate of nothing")
    except ZeroDivisionError:
        sys.excepthook(*sys.exc_info())  # what Python calls for an exception nobody caught
    qtbot.waitUntil(lambda: bool(errors.reporter().shown), timeout=5000)
    dialog = errors.reporter().shown[-1]
    assert dialog.objectName() == "errorDialog" and dialog.isVisible()
    assert "ZeroDivisionError: rate of nothing" in dialog.findChild(type(dialog.details), "errorDetails").toPlainText()
    dialog.copy_button.click()
    assert "Traceback" in QApplication.clipboard().text() and "rate of nothing" in QApplication.clipboard().text()
    _flush_logs()
    logged = hooks.read_text(encoding="utf-8")
    assert "ZeroDivisionError: rate of nothing" in logged and "Traceback" in logged


def test_an_error_in_another_thread_reaches_the_ui_thread(hooks, qtbot):
    def broken():
        raise KeyError("badge B10099")

    worker = threading.Thread(target=broken, name="importer")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(errors.reporter().shown), timeout=5000)
    assert "badge B10099" in errors.reporter().shown[-1].details.toPlainText()
    _flush_logs()
    assert "in importer" in hooks.read_text(encoding="utf-8")


def test_a_bug_in_an_operation_is_reported_not_swallowed(hooks, qtbot, db, admin):
    from PySide6.QtWidgets import QWidget

    from ui.operations import drain
    from ui.shell import ChangeBus, ShellContext

    ctx = ShellContext(actor=admin, bus=ChangeBus(), show_status=lambda m: None)
    parent = QWidget()
    qtbot.addWidget(parent)
    failed = []
    ctx.write(parent, lambda: {}["missing"], failed=failed.append)
    drain()
    assert failed and "KeyError" in failed[0]
    qtbot.waitUntil(lambda: bool(errors.reporter().shown), timeout=5000)
    _flush_logs()
    assert "in operation" in hooks.read_text(encoding="utf-8")
