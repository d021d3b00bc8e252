"""The board's swimlanes (one lane per assignee), archiving from the board, and a drag made of real
mouse events."""

from datetime import datetime

import pytest
from PySide6.QtCore import QDate, QPoint, Qt, QTimer
from PySide6.QtGui import QDrag, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog

from app.db import transaction
from app.models.tasks import Task
from app.services import tasks as svc
from ui.operations import drain
from ui.shell import ChangeBus, ShellContext
from ui.tasks.board_model import Lane
from ui.tasks.column import CardListView
from ui.tasks.dialogs import ArchiveDoneDialog


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
        views.append(view)
        return view.board
    return make


def entries(board, key):
    proxy = board.proxies[key]
    return [proxy.entry_at(i) for i in range(proxy.rowCount())]


def test_swimlanes_put_each_persons_cards_in_one_lane_level_across_the_columns(board):
    b = board()
    b.swimlanes.setChecked(True)
    columns = {key: entries(b, key) for key in b.proxies}
    rows = {len(v) for v in columns.values()}
    assert len(rows) == 1  # every column has the same rows: lanes line up
    first = next(iter(columns.values()))
    for row, entry in enumerate(first):
        if isinstance(entry, Lane):  # a lane header is on the same row in every column
            assert all(isinstance(col[row], Lane) and col[row].assignee_id == entry.assignee_id for col in columns.values())
    for key, col in columns.items():
        lane = None
        for entry in col:
            if isinstance(entry, Lane):
                lane = entry
            elif entry is not None:
                assert entry.assignee_id == lane.assignee_id and entry.status == key
        shown = [e for e in col if e is not None and not isinstance(e, Lane)]
        assert sorted(c.id for c in shown) == sorted(c.id for c in b.model.by_column[key])
        header = next(e for e in col if isinstance(e, Lane))
        assert header.count == sum(1 for c in shown if c.assignee_id == header.assignee_id)
    header_row = first.index(next(e for e in first if isinstance(e, Lane)))
    view = b.columns["todo"].view
    assert not b.proxies["todo"].flags(b.proxies["todo"].index(header_row, 0)) & Qt.ItemIsDragEnabled
    b.grab().save("shots/tasks_swimlanes.png")
    b.swimlanes.setChecked(False)
    assert not any(isinstance(e, Lane) or e is None for e in entries(b, "todo"))
    assert view.model().rowCount() == len(b.model.by_column["todo"])


def test_swimlanes_follow_the_filters(board):
    b = board()
    b.swimlanes.setChecked(True)
    person = next(c.assignee_id for c in b.model.cards if c.assignee_id)
    b.assignee.setCurrentIndex(b.assignee.findData(person))
    lanes = [e for e in entries(b, "todo") if isinstance(e, Lane)]
    assert [lane.assignee_id for lane in lanes] == [person]


def test_archive_a_finished_card_from_its_menu(board):
    b = board()
    done = next(c for c in b.model.cards if c.status == "done")
    menu = b.card_menu(done.id)
    names = {a.objectName() for a in menu.actions()}
    assert "taskMenuArchive" in names and "taskMenuPassReview" not in names
    next(a for a in menu.actions() if a.objectName() == "taskMenuArchive").trigger()
    drain()
    assert b.card(done.id) is None  # off the board
    assert done.id in {c.id for c in svc.list_tasks(b.ctx.actor, include_archived=True)}
    todo = next(c for c in b.model.cards if c.status == "todo")
    assert "taskMenuArchive" not in {a.objectName() for a in b.card_menu(todo.id).actions()}


def test_archive_button_in_the_detail_panel_only_for_managers(board):
    b = board()
    done = next(c for c in b.model.cards if c.status == "done")
    b.select_task(done.id)
    assert b.detail.btn_archive.isVisible()
    b.detail.btn_archive.click()
    drain()
    assert b.card(done.id) is None and not b.detail.isVisible()
    staff = board("zhangyt")
    assert not staff.act_archive_done.isVisible()
    own_done = [c for c in staff.model.cards if c.status == "done"]
    if own_done:
        staff.select_task(own_done[0].id)
        assert not staff.detail.btn_archive.isVisible()
        assert "taskMenuArchive" not in {a.objectName() for a in staff.card_menu(own_done[0].id).actions()}


def test_archive_finished_before_a_day_from_the_toolbar(board, monkeypatch):
    b = board()
    done = [c for c in b.model.cards if c.status == "done"]
    with transaction() as s:  # one finished card long ago, the others recently
        s.get(Task, done[0].id).completed_at = datetime(2000, 1, 3, 10)
    b.reload()
    drain()

    def accept_with_day(dialog):
        dialog.before.setDate(QDate(2000, 2, 1))
        return QDialog.Accepted

    monkeypatch.setattr(ArchiveDoneDialog, "exec", accept_with_day)
    b.act_archive_done.trigger()
    drain()
    left = {c.id for c in b.model.cards}
    assert done[0].id not in left and all(c.id in left for c in done[1:])


def test_drag_a_card_with_the_mouse(board, qtbot, monkeypatch):
    """Press and move through QTest start Qt's own drag (QDrag.exec) on the pressed card. On Qt's offscreen
    platform QDrag.exec returns at once and never delivers a drop (moves and a release over the target
    column reach nothing), so the drop is handed to the target column as Qt would on release, with the
    data of the drag the mouse started."""
    b = board()
    source = b.columns["todo"].view
    target = b.columns["doing"].view
    card = b.proxies["todo"].card_at(0)
    start = source.visualRect(b.proxies["todo"].index(0, 0)).center()
    end = QPoint(target.viewport().width() // 2, target.viewport().height() - 5)
    moved = []
    target.dropped.connect(lambda *args: moved.append(args))

    def during_drag():  # the rest of the gesture, with the QDrag the mouse made
        drag = source.findChildren(QDrag)[-1]
        mime = drag.mimeData()
        target.dragEnterEvent(QDragEnterEvent(end, Qt.MoveAction, mime, Qt.LeftButton, Qt.NoModifier))
        event = QDropEvent(end, Qt.MoveAction, mime, Qt.LeftButton, Qt.NoModifier)
        target.dropEvent(event)
        qtbot.mouseRelease(target.viewport(), Qt.LeftButton, pos=end)

    started = []
    original = CardListView.startDrag

    def start_drag(view, actions):
        started.append(view)
        QTimer.singleShot(0, during_drag)
        original(view, actions)

    monkeypatch.setattr(CardListView, "startDrag", start_drag)
    qtbot.mousePress(source.viewport(), Qt.LeftButton, pos=start)
    qtbot.mouseMove(source.viewport(), start + QPoint(0, QApplication.startDragDistance() + 5))
    qtbot.mouseMove(source.viewport(), start + QPoint(0, 2 * QApplication.startDragDistance() + 10))
    QApplication.processEvents()  # QDrag.exec has returned: finish the gesture
    drain()
    assert started == [source]
    assert moved and moved[0][:2] == (card.id, "doing")
    assert svc.task_detail(b.ctx.actor, card.id).card.status == "doing"
    assert card.id in {c.id for c in b.proxies["doing"].cards}
