"""Issue 15 item 7: the leave dialog shows its whole rule message, the end follows the start, and a date
can be typed."""

from datetime import date, datetime

import pytest
from PySide6.QtCore import QDate, QDateTime, QRect, Qt, QTime

from ui.widgets.date_entry import parse_typed


@pytest.mark.parametrize("typed, expected", [
    ("2026-12-03 09:00", datetime(2026, 12, 3, 9, 0)),
    ("2026/12/3 9:00", datetime(2026, 12, 3, 9, 0)),
    ("20261203 0900", datetime(2026, 12, 3, 9, 0)),
    ("202612030900", datetime(2026, 12, 3, 9, 0)),
    ("12-3 9:00", datetime(2026, 12, 3, 9, 0)),
    ("2026年12月3日 9:00", datetime(2026, 12, 3, 9, 0)),
])
def test_what_people_type_is_understood(typed, expected):
    assert parse_typed(typed, with_time=True, today=date(2026, 11, 29)) == expected


def test_half_typed_or_impossible_dates_are_not_taken():
    for typed in ("2026-12", "2026-02-30 09:00", "2026-12-03", "12-3 25:00", "abc"):
        assert parse_typed(typed, with_time=True, today=date(2026, 11, 29)) is None


@pytest.fixture
def leave_dialog(qtbot, demo_db, actor_for):
    from app.services import leave as leave_svc  # noqa: F401
    from ui.attendance.dialogs import LeaveDialog
    from ui.shell import ChangeBus, ShellContext

    ctx = ShellContext(actor_for("zhangyt"), ChangeBus(), lambda m: None)
    from ui.attendance.view import filing_choices

    dialog = LeaveDialog(ctx, filing_choices(ctx.actor, "leave"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_typing_a_date_into_the_leave_dialog_works(leave_dialog, qtbot):
    start = leave_dialog.start
    start.setFocus()
    start.lineEdit().selectAll()
    qtbot.keyClicks(start, "20261203 0830")
    qtbot.keyClick(start, Qt.Key_Tab)
    assert start.dateTime() == QDateTime(QDate(2026, 12, 3), QTime(8, 30))


def test_the_end_follows_the_start_keeping_the_span(leave_dialog):
    start, end = leave_dialog.start, leave_dialog.end
    start.setDateTime(QDateTime(QDate(2026, 12, 7), QTime(8, 30)))
    end.setDateTime(QDateTime(QDate(2026, 12, 8), QTime(17, 30)))  # two days
    start.setDateTime(QDateTime(QDate(2026, 12, 14), QTime(8, 30)))
    assert end.dateTime() == QDateTime(QDate(2026, 12, 15), QTime(17, 30))
    assert leave_dialog.error.text() == ""


def test_a_long_rule_message_is_shown_whole(leave_dialog, qtbot):
    message = ("婚假须在登记结婚之日起一年内一次性休完，不得分段；本次申请跨越了月末最后一个工作日，"
               "请分两次申请，或联系人事部门确认。 The request crosses the last working day of the month.")
    leave_dialog.show_error(message)
    qtbot.wait(50)
    label = leave_dialog.error
    assert label.text() == message
    assert label.height() >= label.heightForWidth(label.width())  # every wrapped line fits
    inside = QRect(label.mapTo(leave_dialog, label.rect().topLeft()), label.size())
    assert leave_dialog.rect().contains(inside)
