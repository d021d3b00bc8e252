"""The org tab with pytest-qt: drag to re-parent, search and focus, collapse, forms, read-only roles."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from app.services import org as svc
from ui.operations import drain


@pytest.fixture
def make_view(qtbot, demo_db, actor_for):
    from ui.org.view import OrgView
    from ui.shell import ChangeBus, ShellContext

    def make(username="linxw"):
        bus = ChangeBus()
        messages = []
        ctx = ShellContext(actor_for(username), bus, messages.append)
        view = OrgView(ctx)
        view.messages = messages
        bus.changed.connect(view.refresh)
        qtbot.addWidget(view)
        view.resize(1366, 760)
        view.show()
        qtbot.waitExposed(view)
        drain()
        return view

    return make


def manager_of(admin, no):
    return {p.employee_no: p.manager_no for p in svc.org_tree(admin).people}[no]


def centre(chart, key) -> QPoint:
    item = chart.boxes[key]
    return chart.mapFromScene(item.sceneBoundingRect().center())


def drag(chart, source, target):
    chart.centerOn(chart.boxes[source])
    start = centre(chart, source)
    QTest.mousePress(chart.viewport(), Qt.LeftButton, Qt.NoModifier, start)
    end = centre(chart, target)
    for step in range(1, 6):
        QTest.mouseMove(chart.viewport(), start + (end - start) * step / 5)
    QTest.mouseRelease(chart.viewport(), Qt.LeftButton, Qt.NoModifier, end)


def test_dragging_a_person_onto_another_makes_them_the_manager(make_view, admin):
    view = make_view()
    chart = view.chart.view
    chart.zoom_reset()
    asked = []
    chart.confirm = lambda title, text: asked.append(text) or True
    drag(chart, "E014", "E007")  # 马天宇 onto 孙佳怡
    drain()
    assert asked and "马天宇" in asked[0] and "孙佳怡" in asked[0]
    assert manager_of(admin, "E014") == "E007"
    assert chart.layout_result.boxes["E014"].y > chart.layout_result.boxes["E007"].y  # redrawn under the new manager


def test_cancelled_drag_changes_nothing(make_view, admin):
    view = make_view()
    chart = view.chart.view
    chart.zoom_reset()
    chart.confirm = lambda title, text: False
    drag(chart, "E014", "E007")
    assert manager_of(admin, "E014") == "E002"


def test_dragging_a_manager_under_their_own_report_is_refused_with_a_message(make_view, admin):
    view = make_view()
    chart = view.chart.view
    chart.zoom_reset()
    chart.confirm = lambda title, text: True
    warnings = []
    chart.warn = lambda title, text: warnings.append(text)
    chart.ask_reparent("E003", "E004")
    drain()
    assert warnings and "张雨桐" in warnings[0]
    assert manager_of(admin, "E003") == "E002"
    drag(chart, "E007", "E008")  # 孙佳怡 onto her own report
    drain()
    assert len(warnings) == 2 and manager_of(admin, "E007") == "E002"


def test_staff_cannot_drag(make_view, admin):
    view = make_view("zhangyt")
    chart = view.chart.view
    chart.zoom_reset()
    chart.confirm = lambda title, text: pytest.fail("staff must not be asked")
    drag(chart, "E014", "E007")
    assert manager_of(admin, "E014") == "E002"
    assert not view.structure.act_new_position.isVisible()
    assert view.structure.position_form.name.isReadOnly()


def test_search_focuses_the_person_and_opens_folded_managers(make_view):
    view = make_view()
    chart = view.chart.view
    chart.toggle("E007")
    assert "E008" not in chart.boxes and chart.layout_result.hidden["E007"] == 3
    view.focus_search()
    view.chart.search.setText("周梦瑶")  # QTest types ASCII only
    QTest.keyClick(view.chart.search, Qt.Key_Return)
    assert "E008" in chart.boxes and chart.boxes["E008"].isSelected()
    visible = chart.mapToScene(chart.viewport().rect()).boundingRect()
    assert visible.contains(chart.boxes["E008"].sceneBoundingRect().center())
    assert "客服专员" in view.chart.message.text()
    assert view.chart.search_now("没有这个人") is False


def test_collapse_and_expand_by_double_click_and_managers_only(make_view):
    view = make_view()
    chart = view.chart.view
    chart.zoom_reset()
    chart.centerOn(chart.boxes["E003"])
    QTest.mouseDClick(chart.viewport(), Qt.LeftButton, Qt.NoModifier, centre(chart, "E003"))
    assert "E004" not in chart.boxes and chart.layout_result.hidden["E003"] == 8  # 7 people + 1 vacant seat
    chart.toggle("E003")
    assert "E004" in chart.boxes
    view.chart.findChild(type(view.chart.act_print), "actionCollapseTeams").trigger()
    assert "E004" not in chart.boxes and "E003" in chart.boxes
    view.chart.findChild(type(view.chart.act_print), "actionExpandAll").trigger()
    assert len(chart.boxes) == 17


def test_vacant_seats_are_dashed_boxes(make_view):
    view = make_view()
    vacant = [i for i in view.chart.view.boxes.values() if i.node.vacant]
    assert sorted(i.node.position for i in vacant) == ["客服专员", "运营专员"]


def test_zoom_and_fit(make_view):
    view = make_view()
    chart = view.chart.view
    chart.zoom_reset()
    chart.zoom_by(2)
    assert chart.zoom() == pytest.approx(2)
    chart.fit()
    assert chart.zoom() <= 1.0
    assert chart.mapToScene(chart.viewport().rect()).boundingRect().contains(chart.scene().itemsBoundingRect())


def test_job_card_form_validates_and_saves(make_view, admin):
    view = make_view()
    page = view.structure
    specialist = next(p for p in svc.org_tree(admin).positions if p.name == "运营专员")
    assert page.select("position", specialist.id)
    form = page.position_form
    assert not form.save.isEnabled()  # nothing changed yet
    form.planned.setValue(2)
    form.duties.appendPlainText("每月参加一次技能培训")
    assert form.save.isEnabled()
    form.name.clear()
    assert not form.save.isEnabled() and form.problem.text()
    form.name.setText("运营专员")
    form.save.click()
    drain()
    card = svc.get_position(admin, specialist.id)
    assert card.planned_headcount == 2 and card.duties[-1] == "每月参加一次技能培训" and card.staffing == "full"
    assert view.messages and page.current() == ("position", specialist.id)


def test_new_position_from_ctrl_n_and_deleting_a_staffed_position_is_refused(make_view, admin, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    view = make_view()
    page = view.structure
    ops = next(d for d in svc.org_tree(admin).departments if d.name == "运营组")
    page.select("department", ops.id)
    view.new_item()
    form = page.position_form
    assert form.position_id is None and form.department.currentData() == ops.id
    form.name.setText("品类经理")
    form.save.click()
    drain()
    assert any(p.name == "品类经理" for p in svc.org_tree(admin).positions)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    monkeypatch.setattr(page, "ask", lambda title, text: True)
    art = next(p for p in svc.org_tree(admin).positions if p.name == "美工")
    page.select("position", art.id)
    page.position_form.delete.click()
    drain()
    assert warnings and "何欣然" in warnings[0]
    assert any(p.name == "美工" for p in svc.org_tree(admin).positions)


def test_png_export_and_pdf_export(make_view, tmp_path, qtbot):
    from pypdf import PdfReader

    view = make_view()
    png = tmp_path / "chart.png"
    assert view.chart.export_png(str(png))
    assert png.read_bytes()[:4] == b"\x89PNG"
    pdf = tmp_path / "chart.pdf"
    job = view.chart.export_pdf(str(pdf), "A3", False)
    with qtbot.waitSignal(job.signals.finished, timeout=20000):
        pass
    assert "林晓雯" in PdfReader(str(pdf)).pages[0].extract_text()


def test_the_window_finds_the_org_tab_for_every_office_role(demo_db, actor_for):
    from ui.org import tab
    from ui.shell import ChangeBus, ShellContext
    from ui.tabs import discover

    assert tab in discover() and (tab.ORDER, tab.OBJECT_NAME) == (20, "orgTab")
    for user in ("linxw", "fengyq", "zhangyt"):
        assert tab.visible_for(ShellContext(actor_for(user), ChangeBus(), print))


def test_department_head_field_shows_the_automatic_head_and_sets_one_by_hand(make_view, admin):
    from ui.operations import drain

    view = make_view()
    page = view.structure
    group = next(d for d in svc.org_tree(admin).departments if d.name == "仓储物流组")
    assert page.select("department", group.id)
    form = page.department_form
    assert form.head_combo.currentData() == "" and "林晓雯 (E002)" in form.head_combo.currentText()
    form.head_combo.setCurrentIndex(form.head_combo.findData("E014"))
    assert form.save.isEnabled()
    form.save.click()
    drain()  # saved by the background writer
    row = next(d for d in svc.org_tree(admin).departments if d.id == group.id)
    assert (row.head_no, row.head, row.head_source) == ("E014", "马天宇 (E014)", "set")
    form.head_combo.setCurrentIndex(0)  # back to automatic
    form.save.click()
    drain()
    row = next(d for d in svc.org_tree(admin).departments if d.id == group.id)
    assert (row.head_no, row.head_source) == ("", "parent")
