"""The scheme library from the template page: the preview shows the template in force beside the one the
scheme writes; applying needs a ticked position and a confirmation, and the editor shows the new version."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from app.services import appraisal_schemes as ssvc
from app.services import appraisal_templates as tsvc
from ui.shell import ChangeBus, ShellContext


def _editor(qtbot, admin, messages):
    from ui.appraisal.templates import TemplateEditor

    editor = TemplateEditor(ShellContext(actor=admin, bus=ChangeBus(), show_status=messages.append),
                            position=("运营组", "运营专员"))
    qtbot.addWidget(editor)
    return editor


def _select(dialog, key):
    for i in range(dialog.scheme_list.count()):
        if dialog.scheme_list.item(i).data(Qt.UserRole) == key:
            dialog.scheme_list.setCurrentRow(i)
            return
    raise AssertionError(key)


def test_preview_beside_the_current_template_then_apply(qtbot, demo_db, admin, monkeypatch):
    messages = []
    editor = _editor(qtbot, admin, messages)
    qtbot.mouseClick(editor.findChild(type(editor.ok_button), "templateApplyScheme"), Qt.LeftButton)
    dialog = editor.findChild(QDialog, "appraisalSchemeDialog")
    assert dialog is not None and dialog.ticked() == ["运营组/运营专员"]
    _select(dialog, "kpi-50-50")
    current, proposed = dialog.current_view.toPlainText(), dialog.proposed_view.toPlainText()
    assert "运营专员考核表" in current and "销售额达成率" in current
    assert "员工关键/一般绩效考核（50/50）" in proposed and "关键绩效指标 50%" in proposed
    assert "Half-yearly" in proposed and "Department head 70%" in proposed
    assert "version 2" in dialog.proposed_title.text()
    assert "its positions are graded with it" in proposed  # kpi-50-50 grades with four; the shop's setting is five
    assert "June and December" in dialog.description.text() or "half year" in dialog.description.text()

    # nothing ticked: nothing to apply
    dialog.position_list.item(dialog.position_list.currentRow()).setCheckState(Qt.Unchecked)
    assert not dialog.apply_button.isEnabled()
    for i in range(dialog.position_list.count()):
        if dialog.position_list.item(i).data(Qt.UserRole) in ("运营组/运营专员", "客服组/客服专员"):
            dialog.position_list.item(i).setCheckState(Qt.Checked)
    assert dialog.apply_button.isEnabled()

    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: asked.append(a[2]) or QMessageBox.No))
    qtbot.mouseClick(dialog.apply_button, Qt.LeftButton)
    assert "2 position(s)" in asked[0] and tsvc.get_template(admin, "运营组", "运营专员").get("scheme") is None

    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.Yes))
    qtbot.mouseClick(dialog.apply_button, Qt.LeftButton)
    from ui.operations import drain

    drain()  # the scheme is applied as an operation
    assert tsvc.get_template(admin, "客服组", "客服专员")["scheme"] == "kpi-50-50"
    assert [v["version"] for v in ssvc.template_versions(admin, "运营组", "运营专员")] == [2, 1]
    assert "2 position(s)" in messages[-1]
    assert editor.name_edit.text() == "员工关键/一般绩效考核（50/50）"  # the editor shows the new version


def test_the_preview_in_chinese(qtbot, demo_db, admin):
    from app.i18n import set_language
    from ui import i18n

    i18n.install("zh_CN")
    try:
        from ui.appraisal.schemes import SchemeDialog

        dialog = SchemeDialog(ShellContext(actor=admin, bus=ChangeBus(), show_status=lambda _m: None),
                              position=("运营组", "运营专员"))
        qtbot.addWidget(dialog)
        _select(dialog, "kpi-50-50")
        assert dialog.windowTitle() == "考核方案库"
        assert "半年度" in dialog.proposed_view.toPlainText() and "部门负责人 70%" in dialog.proposed_view.toPlainText()
        assert dialog.scheme_list.item(0).text().startswith("月度百分制考核")
    finally:
        i18n.install("en")
        set_language("en")


def test_staff_get_kpi_50_50_and_managers_task_attitude_ability_in_two_steps(qtbot, demo_db, admin, monkeypatch):
    from ui.appraisal.schemes import SchemeDialog

    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.Yes))
    ctx = ShellContext(actor=admin, bus=ChangeBus(), show_status=lambda _m: None)
    for key, button in (("kpi-50-50", "schemeTickStaff"), ("task-attitude-ability", "schemeTickManagers")):
        dialog = SchemeDialog(ctx)
        qtbot.addWidget(dialog)
        _select(dialog, key)
        qtbot.mouseClick(dialog.findChild(type(dialog.apply_button), button), Qt.LeftButton)
        qtbot.mouseClick(dialog.apply_button, Qt.LeftButton)
        from ui.operations import drain

        drain()  # applied as an operation
    got = {(r["position"], r["is_manager"]): r["scheme"] for r in ssvc.scheme_positions(admin)}
    assert got[("运营专员", False)] == got[("物流发货", False)] == got[("人事文员", False)] == "kpi-50-50"
    assert got[("运营经理", True)] == got[("客服主管", True)] == got[("运营总监", True)] == "task-attitude-ability"
    assert set(got.values()) == {"kpi-50-50", "task-attitude-ability"}
