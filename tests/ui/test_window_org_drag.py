"""Issue 15 item 3: a refused move shows "not allowed" during the drag and is never asked for; people are
named by name, not 工号 or login name."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.services import tasks
from app.services.tasks import TaskInput
from tests.ui.test_org_tab import centre, make_view, manager_of  # noqa: F401 (fixture)


def test_dragging_a_manager_onto_their_own_report_shows_not_allowed_and_never_asks(make_view, admin):
    view = make_view()
    chart = view.chart.view
    chart.zoom_reset()
    asked, warned = [], []
    chart.confirm = lambda title, text: asked.append(text) or True
    chart.warn = lambda title, text: warned.append(text)
    chart.centerOn(chart.boxes["E003"])
    start, end = centre(chart, "E003"), centre(chart, "E004")  # 王浩然 onto 张雨桐, who reports to him
    QTest.mousePress(chart.viewport(), Qt.LeftButton, Qt.NoModifier, start)
    for step in range(1, 6):
        QTest.mouseMove(chart.viewport(), start + (end - start) * step / 5)
    target = chart.boxes["E004"]
    assert target.drop_refused and not target.drop_target
    assert chart.viewport().cursor().shape() == Qt.ForbiddenCursor
    QTest.mouseRelease(chart.viewport(), Qt.LeftButton, Qt.NoModifier, end)
    assert asked == []
    assert warned and "王浩然" in warned[0] and "张雨桐" in warned[0]
    assert manager_of(admin, "E003") == "E002"


def test_an_allowed_target_is_highlighted_and_the_status_names_the_manager(make_view, admin, qtbot):
    view = make_view()
    chart = view.chart.view
    chart.zoom_reset()
    chart.confirm = lambda title, text: True
    chart.centerOn(chart.boxes["E014"])
    start, end = centre(chart, "E014"), centre(chart, "E007")
    QTest.mousePress(chart.viewport(), Qt.LeftButton, Qt.NoModifier, start)
    for step in range(1, 6):
        QTest.mouseMove(chart.viewport(), start + (end - start) * step / 5)
    assert chart.boxes["E007"].drop_target and chart.viewport().cursor().shape() == Qt.ClosedHandCursor



def test_a_ticked_step_names_the_person_not_the_login(demo_db, actor_for):
    manager = actor_for("linxw")
    card = tasks.create_task(manager, TaskInput(title="商品上架：测试款", assignee_no="E004", template="商品上架流程"))
    tasks.set_step(manager, card.id, 0, True)
    step = tasks.task_detail(manager, card.id).checklist[0]
    assert step["done_by"] == "linxw" and step["done_by_name"] == "林晓雯"
