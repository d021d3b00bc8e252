"""A growth indicator in the score form and in the template editor: the base figure sits in the target
column, "no base figure" shows until there is one, a typed base is saved with the person."""

from PySide6.QtCore import Qt

from app.services import appraisal as svc
from app.services import appraisal_schemes as schemes
from app.services import appraisal_templates as tsvc
from ui.shell import ChangeBus, ShellContext


def _typed_base(admin):
    schemes.apply_scheme(admin, "quarterly-growth", ["运营专员"])
    template = tsvc.get_template(admin, "运营组", "运营专员")
    template["sections"][0]["indicators"][0]["rule"]["base"] = "typed"
    tsvc.save_template(admin, "运营组", "运营专员", template)


def test_the_form_scores_growth_once_the_base_is_typed(qtbot, demo_db, admin):
    from ui.appraisal.form import ScoreForm

    _typed_base(admin)
    svc.open_period(admin, "2026-Q2")
    form = ScoreForm(ShellContext(actor=admin, bus=ChangeBus(), show_status=lambda _m: None))
    qtbot.addWidget(form)
    form.show_detail(svc.subject_detail(admin, "2026-Q2", "E004"))
    base, actual = form.base_edits["sales_growth"], form.actual_edits["sales_growth"]
    assert base.text() == "" and base.placeholderText() == "no base figure"
    actual.setText("1100000")
    actual.textEdited.emit("1100000")
    label = form.quant_labels[("E003", "sales_growth")]
    assert label.text() == "no base figure"
    base.setText("1000000")
    base.textEdited.emit("1000000")
    assert label.text() == "90.00"  # +10 %
    qtbot.mouseClick(form.save_button, Qt.LeftButton)
    row = next(i for i in svc.subject_detail(admin, "2026-Q2", "E004")["indicators"] if i["key"] == "sales_growth")
    assert row["base"] == 1_000_000 and row["actual"] == 1_100_000 and row["quant_score"] == 90


def test_the_template_editor_keeps_a_growth_rule(qtbot, demo_db, admin):
    from ui.appraisal.templates import TemplateEditor

    schemes.apply_scheme(admin, "quarterly-growth", ["运营专员"])
    editor = TemplateEditor(ShellContext(actor=admin, bus=ChangeBus(), show_status=lambda _m: None),
                            position=("运营组", "运营专员"))
    qtbot.addWidget(editor)
    editor.sections.setCurrentCell(0, 0)
    editor.indicators.setCurrentCell(0, 0)
    assert editor.rule_combo.currentData() == "growth" and editor.base_combo.currentData() == "last_year"
    assert not editor.target_edit.isEnabled() and editor.bands_edit.isEnabled()
    editor.base_combo.setCurrentIndex(editor.base_combo.findData("previous"))
    assert editor.ok_button.isEnabled()
    qtbot.mouseClick(editor.ok_button, Qt.LeftButton)
    rule = tsvc.get_template(admin, "运营组", "运营专员")["sections"][0]["indicators"][0]["rule"]
    assert rule["type"] == "growth" and rule["base"] == "previous" and rule["bands"][0] == [20, 100]
