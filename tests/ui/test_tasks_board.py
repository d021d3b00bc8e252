"""The board: drag a card between columns, filter, send back with a comment."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
import pytest

from app.services import tasks as svc
from ui.operations import drain
from ui.shell import ChangeBus, ShellContext


@pytest.fixture
def board(qtbot, demo_db, actor_for):
    views = []

    def make(username="wanghr"):
        from ui.tasks.view import TasksView

        bus = ChangeBus()
        ctx = ShellContext(actor_for(username), bus, lambda _m: None)
        view = TasksView(ctx)
        bus.changed.connect(view.refresh)
        qtbot.addWidget(view)
        view.resize(1366, 760)
        view.show()
        drain()  # the first load runs in the background
        views.append(view)  # keep the tab alive for the test
        return view.board
    return make


def drop(view, task_id, pos):
    source = next(p for p in view.window().findChildren(type(view)) if p.proxy.row_of(task_id) >= 0)
    mime = source.proxy.mimeData([source.proxy.index(source.proxy.row_of(task_id), 0)])
    view.dragEnterEvent(QDragEnterEvent(pos, Qt.MoveAction, mime, Qt.LeftButton, Qt.NoModifier))
    event = QDropEvent(pos, Qt.MoveAction, mime, Qt.LeftButton, Qt.NoModifier)
    view.dropEvent(event)  # what Qt calls when the mouse is released over the column
    assert event.isAccepted()
    drain()  # the move runs as an operation; its change reloads the board


def titles(board, key):
    proxy = board.proxies[key]
    return [proxy.card_at(i).title for i in range(proxy.rowCount())]


def test_drag_a_card_to_another_column(board):
    b = board()
    card = next(c for c in b.model.cards if c.title == "周度库存盘点")
    target = b.columns["doing"].view
    drop(target, card.id, QPoint(20, target.viewport().height() - 5))
    assert "周度库存盘点" in titles(b, "doing") and "周度库存盘点" not in titles(b, "todo")
    assert svc.task_detail(b.ctx.actor, card.id).card.status == "doing"


def test_drop_onto_a_card_reorders_before_it(board):
    b = board()
    first = b.proxies["todo"].card_at(0)
    moving = b.proxies["todo"].card_at(3)
    view = b.columns["todo"].view
    drop(view, moving.id, view.visualRect(b.proxies["todo"].index(0, 0)).topLeft() + QPoint(10, 5))
    assert titles(b, "todo")[:2] == [moving.title, first.title]


def test_staff_cannot_drag_into_done(board, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    b = board("zhangyt")
    card = next(c for c in b.model.cards if c.status == "review")
    target = b.columns["done"].view
    drop(target, card.id, QPoint(20, 20))
    assert warnings and card.title in titles(b, "review")


def test_filters(board, qtbot):
    b = board()
    total = sum(b.proxies[k].rowCount() for k in b.proxies)
    qtbot.mouseClick(b.overdue, Qt.LeftButton)
    shown = [b.proxies[k].card_at(i) for k in b.proxies for i in range(b.proxies[k].rowCount())]
    assert shown and all(c.overdue for c in shown) and len(shown) < total
    qtbot.mouseClick(b.overdue, Qt.LeftButton)
    b.tag.setCurrentIndex(b.tag.findData("售后"))
    shown = [b.proxies[k].card_at(i) for k in b.proxies for i in range(b.proxies[k].rowCount())]
    assert {c.title for c in shown} >= {"退货处理：订单 20261118-0356"} and all("售后" in c.tags for c in shown)
    b.tag.setCurrentIndex(0)
    b.assignee.setCurrentIndex(b.assignee.findData(next(eid for eid, no, _n in b.data.people if no == "E014")))
    assert {b.proxies[k].card_at(i).assignee_no for k in b.proxies for i in range(b.proxies[k].rowCount())} == {"E014"}
    b.search.setText("不存在的任务")  # typing CJK through QTest is not supported
    assert sum(b.proxies[k].rowCount() for k in b.proxies) == 0


def test_send_back_with_a_comment(board, qtbot, actor_for):
    b = board()
    card = next(c for c in b.model.cards if c.title == "首页双十二横幅设计")
    b.select_task(card.id)
    assert b.detail.btn_back.isVisible()
    b.send_back_with(card.id, "主标题再大一点")
    drain()
    assert "首页双十二横幅设计" in titles(b, "doing")
    staff_view = svc.task_detail(actor_for("wanghr"), card.id)
    assert staff_view.card.returned and staff_view.comments[-1]["body"] == "主标题再大一点"
    b.select_task(card.id)
    assert b.detail.returned_note.isVisible() and "主标题再大一点" in b.detail.returned_note.text()


def test_detail_tabs_stay_readable_when_the_panel_is_squeezed(board):
    b = board()
    b.select_task(next(c for c in b.model.cards if c.title == "首页双十二横幅设计").id)
    b.splitter.setSizes([1300, 60])  # the user drags the splitter far to the right at 1366 px
    bar = b.detail.tabs.tabBar()
    assert b.detail.width() >= bar.sizeHint().width()
    assert all(bar.tabRect(i).right() <= bar.width() for i in range(bar.count()))
    assert [bar.tabText(i) for i in range(bar.count())] == ["Checklist", "Description", "Comments", "Files", "History"]
