"""Deciding an appeal as upheld in the tab reopens the person's scores; finishing closes them again."""


from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from app.services import appraisal as svc
from app.services import appraisal_feedback as feedback
from ui.shell import ChangeBus, ShellContext


def test_upheld_appeal_opens_the_form_and_finishing_closes_it(qtbot, demo_db, actor_for, monkeypatch):
    from ui.appraisal.view import AppraisalView

    hr = actor_for("fengyq")
    period = svc.list_periods(hr)[1]
    feedback.file_appeal(actor_for("zhangyt"), period["key"], "Wrong target.", on=period["published_on"])
    messages = []
    view = AppraisalView(ShellContext(actor=hr, bus=ChangeBus(), show_status=messages.append))
    qtbot.addWidget(view)
    view.period_combo.setCurrentIndex(view.period_combo.findData(period["key"]))
    view.select("E004")
    panel = view.feedback
    assert panel.decide_button.isEnabled() and not view.form.save_button.isEnabled()
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: ("Target corrected.", True))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    qtbot.mouseClick(panel.decide_button, Qt.LeftButton)
    assert "rescoring" in messages[-1]
    view.select("E004")
    assert view.form.save_button.isEnabled() and not panel.finish_button.isHidden()
    assert "rescoring" in panel.appeal_info.text()
    edit = view.form.total_edits["E003"]  # the head of 运营组
    edit.setText("97")
    edit.textEdited.emit("97")
    qtbot.mouseClick(view.form.save_button, Qt.LeftButton)
    view.select("E004")
    qtbot.mouseClick(view.feedback.finish_button, Qt.LeftButton)
    assert "final" in messages[-1]
    view.select("E004")
    assert not view.form.save_button.isEnabled() and view.feedback.finish_button.isHidden()
    detail = svc.subject_detail(hr, period["key"], "E004")
    assert detail["appeals"][0]["status"] == "rescored" and detail["raters"][2]["total"] == 97.0
