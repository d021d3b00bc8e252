"""The template editor: a weight that breaks the 100 is refused next to the field, OK waits for a valid
template, saving stores it and reopening shows it."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from app.services import appraisal_templates as tsvc
from ui.shell import ChangeBus, ShellContext


@pytest.fixture
def ctx(demo_db, admin):
    messages = []
    return ShellContext(actor=admin, bus=ChangeBus(), show_status=messages.append), messages


def _editor(qtbot, ctx, position=("运营组", "运营专员")):
    from ui.appraisal.templates import TemplateEditor

    editor = TemplateEditor(ctx, position=position)
    qtbot.addWidget(editor)
    return editor


def _positions(admin):
    rows = tsvc.list_templates(admin)
    return {(r["department"], r["position"]) for r in rows}


def test_weight_refused_then_fixed_saved_and_reopened(qtbot, ctx, admin):
    context, messages = ctx
    position = sorted(_positions(admin))[0]
    editor = _editor(qtbot, context, position)
    assert not editor.ok_button.isEnabled()  # nothing changed yet
    first = editor.sections.item(0, 1)
    old = int(first.text())
    first.setText(str(old - 5))
    assert not editor.ok_button.isEnabled()
    assert "not 100" in editor.section_total.text() and "95" in editor.section_total.text()
    assert editor.section_total.property("role") == "error"
    assert "100" in editor.problems.text()
    second = editor.sections.item(1, 1)
    second.setText(str(int(second.text()) + 5))
    assert editor.ok_button.isEnabled() and editor.problems.text() == ""
    assert editor.section_total.property("role") == "muted"
    qtbot.mouseClick(editor.ok_button, Qt.LeftButton)
    assert editor.result() == QDialog.DialogCode.Accepted.value and position[1] in messages[-1]
    again = _editor(qtbot, context, position)
    assert again.sections.item(0, 1).text() == str(old - 5)
    assert tsvc.get_template(admin, *position)["sections"][0]["weight"] == old - 5
    assert any(r["edited"] for r in tsvc.list_templates(admin) if (r["department"], r["position"]) == position)


def test_indicator_rule_and_rubric_edits(qtbot, ctx, admin):
    context, _messages = ctx
    position = sorted(_positions(admin))[0]
    editor = _editor(qtbot, context, position)
    editor.sections.setCurrentCell(0, 0)
    qtbot.mouseClick(editor.findChild(type(editor.ok_button), "templateAddQuantitative"), Qt.LeftButton)
    assert editor.detail.currentIndex() == 1
    assert "not 100" in editor.indicator_total.text() or editor.indicator_total.property("role") == "muted"
    editor.rule_combo.setCurrentIndex(editor.rule_combo.findData("bands"))
    editor.bands_edit.setText("5:100; 10:abc")
    editor.bands_edit.textEdited.emit("5:100; 10:abc")
    editor.lower_check.setChecked(True)
    assert "bands" in editor.problems.text().lower() and not editor.ok_button.isEnabled()
    editor.bands_edit.setText("5:100; 10:60")
    editor.bands_edit.textEdited.emit("5:100; 10:60")
    ind = editor._indicator()
    assert ind["rule"] == {"type": "bands", "bands": [[5, 100], [10, 60]], "else": 0} and ind["lower_is_better"]
    # the new indicator has weight 0: the section still adds up; make it weigh something and fix the first
    row = editor.indicators.rowCount() - 1
    editor.indicators.item(row, 3).setText("10")
    assert "not 100" in editor.indicator_total.text() and not editor.ok_button.isEnabled()
    first = editor.indicators.item(0, 3)
    first.setText(str(_num(first.text()) - 10))
    assert editor.ok_button.isEnabled(), editor.problems.text()
    qtbot.mouseClick(editor.findChild(type(editor.ok_button), "templateAddQualitative"), Qt.LeftButton)
    assert editor.detail.currentIndex() == 2
    editor.rubric.item(0, 1).setText("120")
    assert "0 to 100" in editor.problems.text() and not editor.ok_button.isEnabled()
    editor.rubric.item(0, 1).setText("95")
    editor.rubric.item(0, 0).setText("Beyond every expectation")
    assert editor.ok_button.isEnabled()
    qtbot.mouseClick(editor.ok_button, Qt.LeftButton)
    saved = tsvc.get_template(admin, *position)["sections"][0]["indicators"]  # both were added to the first section
    assert saved[-1]["kind"] == "qualitative" and saved[-1]["levels"][0] == {
        "level": "A", "points": 95, "description": "Beyond every expectation"}
    assert saved[-2]["rule"]["type"] == "bands" and saved[-2]["lower_is_better"] and saved[-2]["weight"] == 10


def _num(text):
    value = float(text)
    return int(value) if value.is_integer() else value


def test_the_tab_opens_the_editor_for_hr_not_for_staff(qtbot, demo_db, actor_for):
    from ui.appraisal.view import AppraisalView

    for user, visible in (("fengyq", True), ("zhangyt", False)):
        view = AppraisalView(ShellContext(actor=actor_for(user), bus=ChangeBus(), show_status=lambda m: None))
        qtbot.addWidget(view)
        assert view.act_templates.isVisible() is visible
        if visible:
            editor = view.edit_templates()
            assert editor.position_combo.count() > 5
            editor.reject()
