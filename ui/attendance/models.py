"""Item models of the attendance tab: the month grid (people × days) and the roster grid."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor

from ui import theme

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

    def set_grid(self, grid: dict) -> None:
        self.beginResetModel()
        self.days, self.people = list(grid["days"]), list(grid["people"])
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.people)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.days) + 1

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation != Qt.Horizontal or role not in (Qt.DisplayRole, Qt.ToolTipRole):
            return None
        if section == 0:
            return QCoreApplication.translate("AttendanceGrid", "Name")
        day = self.days[section - 1]
        return f"{day.day}\n{weekday_short(day)}" if role == Qt.DisplayRole else day.isoformat()

    def cell(self, index: QModelIndex):
        if not index.isValid() or index.column() == 0:
            return None
        return self.people[index.row()]["cells"][index.column() - 1]

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        person = self.people[index.row()]
        if index.column() == 0:
            if role == Qt.DisplayRole:
                return f"{person['name']} {person['employee_no']}"
            return None
        cell = person["cells"][index.column() - 1]
        if role == Qt.DisplayRole:
            return cell.letter
        if role == Qt.TextAlignmentRole:
            return int(Qt.AlignCenter)
        if role == Qt.BackgroundRole and cell.status not in ("none",):
            colour = QColor(theme.status[cell.status])
            colour.setAlpha(70 if cell.status == "rest" else 200)
            return colour
        if role == Qt.ForegroundRole:
            return QColor("#374151") if cell.status in ("rest", "none") else QColor("#ffffff")
        return None


class RosterGridModel(QAbstractTableModel):
    """People × days; a cell shows 值 when the person is on duty. Toggling is done by the view."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.days: list[date] = []
        self.people: list[tuple[str, str]] = []  # (employee_no, name)
        self.on_duty: dict[date, list[str]] = {}
        self.kinds: dict[date, str] = {}

    def set_roster(self, people, roster: dict, kinds: dict) -> None:
        self.beginResetModel()
        self.people, self.on_duty, self.kinds = list(people), roster, kinds
        self.days = sorted(roster)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.people) + 1

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.days) + 1

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            if section == 0:
                return QCoreApplication.translate("AttendanceGrid", "Name")
            day = self.days[section - 1]
            return f"{day.day}\n{weekday_short(day)}"
        return None

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        total_row = index.row() == len(self.people)
        if index.column() == 0:
            if role == Qt.DisplayRole:
                if total_row:
                    return QCoreApplication.translate("AttendanceGrid", "On duty")
                no, name = self.people[index.row()]
                return f"{name} {no}"
            return None
        day = self.days[index.column() - 1]
        if total_row:
            if role == Qt.DisplayRole:
                return str(len(self.on_duty.get(day, [])))
            if role == Qt.TextAlignmentRole:
                return int(Qt.AlignCenter)
            return None
        no = self.people[index.row()][0]
        duty = no in self.on_duty.get(day, [])
        if role == Qt.DisplayRole:
            return QCoreApplication.translate("AttendanceGrid", "Duty") if duty else ""
        if role == Qt.TextAlignmentRole:
            return int(Qt.AlignCenter)
        if role == Qt.BackgroundRole:
            if duty:
                return QColor(theme.accent_soft)
            if self.kinds.get(day) in ("rest", "holiday"):
                return QColor("#eef0f3")
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
