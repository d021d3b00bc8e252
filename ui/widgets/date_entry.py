"""Date and time fields a person can type into: "2026-12-3 9:00", "2026/12/3", "20261203 0900",
"12-3 9:00" (this year), besides the section editing and the calendar popup of QDateTimeEdit.

QDateTimeEdit alone only takes input section by section in its exact display format, so typing a whole
date into it usually did nothing. The grammar is app.rules.dates' (the imports read the same forms);
Qt keeps the popup, the arrows and the display format."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit

from app.rules.dates import parse_day, parse_moment


def parse_typed(text: str, with_time: bool, today: date | None = None) -> datetime | None:
    """The moment a person typed, or None when it is not (yet) a complete date (and time).
    The grammar is app.rules.dates' (the imports' too); a day without its year is in this year."""
    today = today or date.today()
    if with_time:
        return parse_moment(text, today)
    day = parse_day(text, today)
    return datetime(day.year, day.month, day.day) if day else None


class _Typed:
    """Mixed into QDateTimeEdit / QDateEdit: accept any text parse_typed understands."""

    with_time = True

    def validate(self, text, pos):  # noqa: D401 (Qt API)
        if parse_typed(text, self.with_time) is not None:
            return QValidator.Acceptable, text, pos
        state = super().validate(text, pos)
        state = state[0] if isinstance(state, tuple) else state
        return (QValidator.Acceptable if state == QValidator.Acceptable else QValidator.Intermediate), text, pos

    def dateTimeFromText(self, text):  # noqa: N802 (Qt API)
        moment = parse_typed(text, self.with_time)
        if moment is None:
            return super().dateTimeFromText(text)
        return QDateTime(QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute))

    def fixup(self, text):
        moment = parse_typed(text, self.with_time)
        if moment is not None:
            return self.textFromDateTime(self.dateTimeFromText(text))
        return super().fixup(text)


class DateTimeEntry(_Typed, QDateTimeEdit):
    with_time = True

    def __init__(self, value: QDateTime, object_name: str = "", parent=None):
        super().__init__(value, parent)
        self.setObjectName(object_name)
        self.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.setCalendarPopup(True)
        self.setToolTip(self.tr("Type e.g. 2026-12-03 09:00, 12-3 9:00 or 202612030900, or pick from the calendar."))


class DateEntry(_Typed, QDateEdit):
    with_time = False

    def __init__(self, value: QDate, object_name: str = "", parent=None):
        super().__init__(value, parent)
        self.setObjectName(object_name)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setCalendarPopup(True)
        self.setToolTip(self.tr("Type e.g. 2026-12-03, 12-3 or 20261203, or pick from the calendar."))


def follow_start(start: QDateTimeEdit, end: QDateTimeEdit) -> None:
    """Moving the start moves the end with it, keeping the span the person chose (a leave from 8:30 to
    17:30 stays a day long when its start moves to another day)."""
    span = {"secs": start.dateTime().secsTo(end.dateTime())}

    def on_start(moment: QDateTime) -> None:
        end.blockSignals(True)
        end.setDateTime(moment.addSecs(max(span["secs"], 0)))
        end.blockSignals(False)
        end.dateTimeChanged.emit(end.dateTime())

    def on_end(moment: QDateTime) -> None:
        span["secs"] = start.dateTime().secsTo(moment)

    start.dateTimeChanged.connect(on_start)
    end.dateTimeChanged.connect(on_end)
