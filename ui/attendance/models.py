"""Item models of the attendance tab: the month grid (people × days) and the roster grid.

data() runs for every role of every visible cell at each repaint (about 6,000 calls for the month
grid), so roles are compared as plain ints and colours made once: comparing a role with a Qt enum
attribute costs ~30 µs in PySide6 6.12, which made one repaint of the grid take ~200 ms."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate

from ui import theme

_DISPLAY, _ALIGN, _BACKGROUND, _FOREGROUND, _TOOLTIP = (int(r.value) for r in (
    Qt.DisplayRole, Qt.TextAlignmentRole, Qt.BackgroundRole, Qt.ForegroundRole, Qt.ToolTipRole))
_HORIZONTAL = Qt.Orientation.Horizontal
_CENTER = int(Qt.AlignCenter.value)

def weekday_short(day: date) -> str:
    """Two letters in English, one character in Chinese: fits a narrow day column."""
    names = [QCoreApplication.translate("AttendanceGrid", "Mo"), QCoreApplication.translate("AttendanceGrid", "Tu"),
             QCoreApplication.translate("AttendanceGrid", "We"), QCoreApplication.translate("AttendanceGrid", "Th"),
             QCoreApplication.translate("AttendanceGrid", "Fr"), QCoreApplication.translate("AttendanceGrid", "Sa"),
             QCoreApplication.translate("AttendanceGrid", "Su")]
    return names[day.weekday()]


class MonthGridModel(QAbstractTableModel):
    """Rows are people, column 0 the name, then one column per day with the status letter and colour."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.days: list[date] = []
        self.people: list[dict] = []
        self._headers: list[str] = []
        self._colours: dict[str, tuple[QColor | None, QColor]] = {}  # status -> (background, text)
        for code, hex_colour in theme.status.items():
            background = QColor(hex_colour)
            background.setAlpha(70 if code == "rest" else 200)
            self._colours[code] = (background, QColor("#374151") if code == "rest" else QColor("#ffffff"))
        self._colours["none"] = (None, QColor("#374151"))

    def set_grid(self, grid: dict) -> None:
        self.beginResetModel()
        self.days, self.people = list(grid["days"]), list(grid["people"])
        self._headers = [f"{day.day}\n{weekday_short(day)}" for day in self.days]
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.people)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.days) + 1

    def headerData(self, section, orientation, role=_DISPLAY):
        if role != _DISPLAY and role != _TOOLTIP or orientation != _HORIZONTAL:
            return None
        if section == 0:
            return QCoreApplication.translate("AttendanceGrid", "Name")
        return self._headers[section - 1] if role == _DISPLAY else self.days[section - 1].isoformat()

    def painted(self, row: int, column: int) -> tuple[QColor | None, QColor, str, None]:
        """What DayCellDelegate draws for a day cell."""
        cell = self.people[row]["cells"][column - 1]
        background, colour = self._colours[cell.status]
        return background, colour, cell.letter, None

    def cell(self, index: QModelIndex):
        if not index.isValid() or index.column() == 0:
            return None
        return self.people[index.row()]["cells"][index.column() - 1]

    def data(self, index: QModelIndex, role=_DISPLAY):
        person = self.people[index.row()]
        column = index.column()
        if column == 0:
            return f"{person['name']} {person['employee_no']}" if role == _DISPLAY else None
        cell = person["cells"][column - 1]
        if role == _DISPLAY:
            return cell.letter
        if role == _ALIGN:
            return _CENTER
        if role == _BACKGROUND:
            return self._colours[cell.status][0]
        if role == _FOREGROUND:
            return self._colours[cell.status][1]
        return None


class DayCellDelegate(QStyledItemDelegate):
    """Paints a day cell of a grid straight from its model's cached colours and text: a fill and a
    letter, half the time of the styled delegate, which asks data() for every role of every cell and
    lays the text out through the style. The model's roles stay as they are (tool tips, tests, copy).
    ``cell_of(row, column)`` -> (background or None, text colour, text, font or None); with
    ``name_column`` column 0 holds names and is painted as usual."""

    def __init__(self, cell_of, parent=None, name_column: bool = True):
        super().__init__(parent)
        self.cell_of, self.name_column = cell_of, name_column
        self._selected = QStyle.StateFlag.State_Selected
        self._frame = QPen(QColor(theme.accent), 2)

    def paint(self, painter, option, index) -> None:
        if self.name_column and index.column() == 0:
            super().paint(painter, option, index)
            return
        background, colour, text, font = self.cell_of(index.row(), index.column())
        rect = option.rect
        if background is not None:
            painter.fillRect(rect, background)
        if text:
            if font is not None:
                painter.save()
                painter.setFont(font)
            painter.setPen(colour)
            painter.drawText(rect, _CENTER, text)
            if font is not None:
                painter.restore()
        if option.state & self._selected:
            painter.setPen(self._frame)
            painter.drawRect(rect.adjusted(1, 1, -1, -1))


class RosterGridModel(QAbstractTableModel):
    """People × days; a cell shows 值 when the person is on duty. Toggling is done by the view."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.days: list[date] = []
        self.people: list[tuple[str, str]] = []  # (employee_no, name)
        self.on_duty: dict[date, list[str]] = {}
        self.kinds: dict[date, str] = {}
        self._duty: dict[date, set[str]] = {}
        self._headers: list[str] = []

    def set_roster(self, people, roster: dict, kinds: dict) -> None:
        self.beginResetModel()
        self.people, self.on_duty, self.kinds = list(people), roster, kinds
        self.days = sorted(roster)
        self._duty = {day: set(nos) for day, nos in roster.items()}
        self._headers = [f"{day.day}\n{weekday_short(day)}" for day in self.days]
        self._duty_text = QCoreApplication.translate("AttendanceGrid", "Duty")
        self._duty_colour, self._rest_colour = QColor(theme.accent_soft), QColor("#eef0f3")
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.people) + 1

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.days) + 1

    def headerData(self, section, orientation, role=_DISPLAY):
        if role == _DISPLAY and orientation == _HORIZONTAL:
            if section == 0:
                return QCoreApplication.translate("AttendanceGrid", "Name")
            return self._headers[section - 1]
        return None

    def data(self, index: QModelIndex, role=_DISPLAY):
        row = index.row()
        total_row = row == len(self.people)
        if index.column() == 0:
            if role == _DISPLAY:
                if total_row:
                    return QCoreApplication.translate("AttendanceGrid", "On duty")
                no, name = self.people[row]
                return f"{name} {no}"
            return None
        day = self.days[index.column() - 1]
        if total_row:
            if role == _DISPLAY:
                return str(len(self.on_duty.get(day, [])))
            return _CENTER if role == _ALIGN else None
        duty = self.people[row][0] in self._duty.get(day, ())
        if role == _DISPLAY:
            return self._duty_text if duty else ""
        if role == _ALIGN:
            return _CENTER
        if role == _BACKGROUND:
            if duty:
                return self._duty_colour
            if self.kinds.get(day) in ("rest", "holiday"):
                return self._rest_colour
        return None

    def toggled(self, index: QModelIndex) -> tuple[date, list[str]] | None:
        """The day and its new on-duty list if this cell were toggled."""
        if not index.isValid() or index.column() == 0 or index.row() >= len(self.people):
            return None
        day = self.days[index.column() - 1]
        no = self.people[index.row()][0]
        current = list(self.on_duty.get(day, []))
        current = [n for n in current if n != no] if no in current else current + [no]
        return day, current
