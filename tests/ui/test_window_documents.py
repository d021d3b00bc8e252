"""Issue 15 item 11: the documents tab's people list, result label, preview and file dialogs; Qt's own
file dialog entirely in Chinese."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog

from tests.ui.test_documents_tab import choose, ctx, fake_appraisal, make_view  # noqa: F401 (fixtures)


def checked(view) -> list[bool]:
    return [view.people.item(i).checkState() == Qt.Checked for i in range(view.people.count())]


def test_unticking_everybody_unticks_the_list_and_ticking_it_ticks_all(qtbot, ctx, fake_appraisal):
    view = make_view(qtbot, ctx)
    assert checked(view) == [True] * 4 and not view.people.isEnabled()
    view.all_people.setChecked(False)
    assert checked(view) == [False] * 4 and view.people.isEnabled()
    assert view.selected_people() == []
    view.all_people.setChecked(True)
    assert checked(view) == [True] * 4


def test_the_written_label_goes_when_the_document_changes(qtbot, ctx, tmp_path):
    view = make_view(qtbot, ctx)
    choose(view, "handbook")
    view._written([str(tmp_path / "hb.pdf")])
    assert "hb.pdf" in view.result.text() and view.act_open.isEnabled()
    choose(view, "attendance")
    assert view.result.text() == "" and not view.act_open.isEnabled()


def test_the_preview_stays_after_writing(qtbot, ctx, tmp_path):
    view = make_view(qtbot, ctx)
    ctx.bus.changed.connect(view.refresh)  # what the window does for every open tab
    choose(view, "handbook")
    view.show_preview()
    qtbot.waitUntil(lambda: view.preview.pixmap() is not None and not view.preview.pixmap().isNull(), timeout=30000)
    target = tmp_path / "hb.pdf"
    view.start_write(str(target))
    qtbot.waitUntil(lambda: view.last_files == [str(target)], timeout=30000)
    from app.services.changes import ALL_AREAS

    ctx.bus.emit_areas(*ALL_AREAS)  # every area changed (another PC, Refresh)
    assert view.preview.pixmap() is not None and not view.preview.pixmap().isNull()
    assert "hb.pdf" in view.result.text()


def test_file_dialogs_start_in_documents_and_remember_the_folder_per_document(qtbot, ctx, tmp_path, monkeypatch):
    view = make_view(qtbot, ctx)
    starts = []
    chosen = tmp_path / "hr" / "handbook.pdf"
    chosen.parent.mkdir()

    def fake_save(parent, caption, start, filters):
        starts.append(start)
        return str(chosen), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))
    monkeypatch.setattr(view, "start_write", lambda target, per_person=False: None)
    documents = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
    choose(view, "handbook")
    view.write_pdf()
    choose(view, "attendance")
    view.write_pdf()
    choose(view, "handbook")
    view.write_pdf()
    assert Path(starts[0]).parent == Path(documents) and Path(starts[0]).name.startswith("handbook_")
    assert Path(starts[1]).parent == Path(documents)  # the attendance report keeps its own folder
    assert Path(starts[2]).parent == chosen.parent  # the handbook's folder was remembered


def test_each_document_remembers_its_own_folder(qtbot, ctx, tmp_path, monkeypatch):
    from ui.widgets import file_dialogs

    documents = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
    assert file_dialogs.start_folder("documents/handbook") == documents
    file_dialogs.remember("documents/handbook", str(tmp_path / "x.pdf"))
    assert file_dialogs.start_folder("documents/handbook") == str(tmp_path)
    assert file_dialogs.start_folder("documents/attendance") == documents


@pytest.mark.parametrize("mode", ["save", "open", "folder"])
def test_qt_file_dialog_is_all_chinese(qtbot, mode):
    from ui import i18n

    i18n.install("zh_CN")
    try:
        dialog = QFileDialog(None, "导出", str(Path(__file__).parent), "PDF (*.pdf)")
        dialog.setOption(QFileDialog.DontUseNativeDialog, True)
        if mode == "save":
            dialog.setAcceptMode(QFileDialog.AcceptSave)
        if mode == "folder":
            dialog.setFileMode(QFileDialog.Directory)
        qtbot.addWidget(dialog)
        dialog.show()
        from PySide6.QtCore import QFileInfo
        from PySide6.QtWidgets import QLabel
        from PySide6.QtGui import QAbstractFileIconProvider

        labels = [w.text() for w in dialog.findChildren(QLabel) if w.isVisible() and w.text()]
        assert labels and all(re.search(r"[\u4e00-\u9fff]", t) for t in labels), labels
        provider = QAbstractFileIconProvider()  # what the dialog's file list asks for its 类型 column
        kinds = [provider.type(QFileInfo(str(Path(__file__).parent))), provider.type(QFileInfo(__file__))]
        assert kinds[0] == "文件夹" and re.search(r"[\u4e00-\u9fff]", kinds[1]), kinds
    finally:
        i18n.install("en")
