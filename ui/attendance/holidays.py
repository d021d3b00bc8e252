"""Attendance ▸ 节假日: the shop's holiday calendar for a year. Twelve month rows by 31 day columns,
statutory holidays, make-up working days and the shop's entries in their colours; the year's entries
beside it. Leaders and HR add or remove a day, or import a year's schedule from a file."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QDate, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDateEdit, QDialog, QDialogButtonBox,
                               QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox, QPushButton, QSpinBox,
                               QSplitter, QTableView, QVBoxLayout, QWidget)

from app.i18n import _ as app_tr
from app.rules.calendar import DAY_KIND_LABELS, DAY_KINDS
from app.services import calendar as calendar_svc
from ui import theme
from ui.attendance.models import DayCellDelegate
from ui.operations import ReloadGate
from ui.models.table import Column, RowTableModel
from ui.widgets.file_dialogs import open_file
from ui.widgets.table_view import DataTableView, fit_headers, steady_on_activation


def _letter(kind: str) -> str:
    return {"holiday": QCoreApplication.translate("HolidayPage", "H"),
            "makeup": QCoreApplication.translate("HolidayPage", "W"),
            "workday": "", "rest": ""}[kind]


def _month_name(month: int) -> str:
    names = (QCoreApplication.translate("HolidayPage", "Jan"), QCoreApplication.translate("HolidayPage", "Feb"),
             QCoreApplication.translate("HolidayPage", "Mar"), QCoreApplication.translate("HolidayPage", "Apr"),
             QCoreApplication.translate("HolidayPage", "May"), QCoreApplication.translate("HolidayPage", "Jun"),
             QCoreApplication.translate("HolidayPage", "Jul"), QCoreApplication.translate("HolidayPage", "Aug"),
             QCoreApplication.translate("HolidayPage", "Sep"), QCoreApplication.translate("HolidayPage", "Oct"),
             QCoreApplication.translate("HolidayPage", "Nov"), QCoreApplication.translate("HolidayPage", "Dec"))
    return names[month - 1]


_DISPLAY, _ALIGN, _BACKGROUND, _FOREGROUND, _FONT, _TOOLTIP = (int(r.value) for r in (
    Qt.DisplayRole, Qt.TextAlignmentRole, Qt.BackgroundRole, Qt.ForegroundRole, Qt.FontRole, Qt.ToolTipRole))
_HORIZONTAL = Qt.Orientation.Horizontal
_CENTER = int(Qt.AlignCenter.value)


class YearGridModel(QAbstractTableModel):
    """Rows are the twelve months, columns the days 1–31; a cell is a day's kind in its colour.

    Every cell's text, colours, font and tool tip are made once when the year arrives: a repaint asks
    data() for ~7 roles of all 372 cells, and building them there (a date, QColors, a font, Qt enum
    attributes at ~7–30 µs each in PySide6) took ~95 ms a repaint."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.view: calendar_svc.YearView | None = None
        self.entries: dict[date, calendar_svc.CalendarEntry] = {}
        self._cells: list[list[tuple | None]] = []  # [month][day] -> (text, background, foreground, font, tip)
        self._blank = QColor(theme.window_bg)  # the 30th of February and the like

    def set_view(self, view) -> None:
        self.beginResetModel()
        self.view = view
        self.entries = {e.day: e for e in view.entries}
        self._cells = self._paint_cells(view)
        self.endResetModel()

    def _paint_cells(self, view) -> list[list[tuple | None]]:
        bold = theme.ui_font()
        bold.setBold(True)
        colours: dict[tuple[str, bool], QColor] = {}

        def background(kind: str, entered: bool) -> QColor:
            colour = colours.get((kind, entered))
            if colour is None:
                if not entered:
                    colour = QColor(theme.base_bg) if kind == "workday" else QColor("#eef0f3")
                else:
                    colour = QColor(theme.day_kind[kind])
                    colour.setAlpha(230 if kind in ("holiday", "makeup") else 150)
                colours[(kind, entered)] = colour
            return colour

        white, muted = QColor("#ffffff"), QColor(theme.text_muted)
        by_shop = QCoreApplication.translate("HolidayPage", "entered by the shop")
        kind_labels = {kind: app_tr(label) for kind, label in DAY_KIND_LABELS.items()}
        letters = {kind: _letter(kind) for kind in DAY_KINDS}
        rows = []
        for month in range(1, 13):
            row = []
            for day_no in range(1, 32):
                try:
                    day = date(view.year, month, day_no)
                except ValueError:
                    row.append(None)
                    continue
                kind = view.kinds[day]
                entry = self.entries.get(day)
                shop = entry is not None and entry.source == "shop"
                tip = [day.isoformat(), kind_labels[kind]]
                if entry is not None and entry.display_name:
                    tip.append(entry.display_name)
                if shop:
                    tip.append(by_shop)
                row.append((letters[kind] or (str(day_no) if shop else ""), background(kind, entry is not None),
                            white if entry is not None else muted, bold if shop else None, " · ".join(tip)))
            rows.append(row)
        return rows

    def painted(self, row: int, column: int) -> tuple:
        """What DayCellDelegate draws: (background, text colour, text, font)."""
        cell = self._cells[row][column]
        return (self._blank, None, "", None) if cell is None else cell[1:3] + (cell[0], cell[3])

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() or self.view is None else 12

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 31

    def day_at(self, index: QModelIndex) -> date | None:
        if not index.isValid() or self.view is None:
            return None
        try:
            return date(self.view.year, index.row() + 1, index.column() + 1)
        except ValueError:
            return None

    def headerData(self, section, orientation, role=_DISPLAY):
        if role != _DISPLAY:
            return None
        if orientation == _HORIZONTAL:
            return str(section + 1)
        return _month_name(section + 1)

    def data(self, index: QModelIndex, role=_DISPLAY):
        cell = self._cells[index.row()][index.column()]
        if cell is None:
            return self._blank if role == _BACKGROUND else None
        if role == _DISPLAY:
            return cell[0]
        if role == _ALIGN:
            return _CENTER
        if role == _BACKGROUND:
            return cell[1]
        if role == _FOREGROUND:
            return cell[2]
        if role == _FONT:
            return cell[3]
        if role == _TOOLTIP:
            return cell[4]
        return None


class DayDialog(QDialog):
    """The shop's entry for one day: its kind and a name (元旦, 春节 …)."""

    def __init__(self, day: date, parent=None):
        super().__init__(parent)
        self.setObjectName("holidayDayDialog")
        self.setWindowTitle(self.tr("Holiday calendar entry"))
        self.day = QDateEdit(QDate(day.year, day.month, day.day), objectName="holidayDayDate",
                             displayFormat="yyyy-MM-dd", calendarPopup=True)
        self.kind = QComboBox(objectName="holidayDayKind")
        for code in DAY_KINDS:
            self.kind.addItem(app_tr(DAY_KIND_LABELS[code]), code)
        self.name = QLineEdit(objectName="holidayDayName", placeholderText=self.tr("e.g. Spring Festival"))
        form = QFormLayout(self)
        form.addRow(self.tr("Date"), self.day)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Holiday name"), self.name)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[date, str, str]:
        return self.day.date().toPython(), self.kind.currentData(), self.name.text().strip()


class _YearGrid(QTableView):
    """12 months of 31 days with every day in view: the days share the width, each at least as wide as
    its number with the theme's padding (26 px). The header's Stretch mode had kept 28 px, and days
    27-31 fell off a 1366 px screen beside the list."""

    DAY_MIN = 26

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        header = self.horizontalHeader()
        header.setMinimumSectionSize(self.DAY_MIN)
        header.setSectionResizeMode(QHeaderView.Fixed)
        steady_on_activation(self)

    def wanted_width(self) -> int:
        """The width that shows all 31 days at their narrowest."""
        return self.verticalHeader().sizeHint().width() + 31 * self.DAY_MIN + 2 * self.frameWidth() + 2

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.horizontalHeader().setDefaultSectionSize(max(self.DAY_MIN, self.viewport().width() // 31))


class HolidayPage(QWidget):
    changed = Signal(str)  # a status message after the shop's calendar changed

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.setObjectName("holidayPage")
        self.ctx = ctx
        self._gate = ReloadGate(self._start_load)
        self.year = QSpinBox(objectName="holidayYear", minimum=2000, maximum=2100)
        self.year.setValue(QDate.currentDate().year())
        self.year.valueChanged.connect(lambda _y: self.reload())
        self.state = QLabel(objectName="holidayState")
        self.state.setWordWrap(True)
        self.add = QPushButton(theme.icon("mdi6.calendar-plus"), self.tr("Set a day…"), objectName="holidayAdd")
        self.remove = QPushButton(theme.icon("mdi6.calendar-remove-outline"), self.tr("Remove the shop's entry"),
                                  objectName="holidayRemove")
        self.import_button = QPushButton(theme.icon("mdi6.file-import-outline"), self.tr("Import a year…"),
                                         objectName="holidayImport")
        self.add.clicked.connect(lambda: self.edit_day(self._selected_day() or date(self.year.value(), 1, 1)))
        self.remove.clicked.connect(self.remove_selected)
        self.import_button.clicked.connect(self.import_file)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year")))
        top.addWidget(self.year)
        top.addWidget(self.state, 1)
        for b in (self.add, self.remove, self.import_button):
            top.addWidget(b)
        legend = QHBoxLayout()
        for kind in DAY_KINDS:
            chip = QLabel(f" {app_tr(DAY_KIND_LABELS[kind])} ")
            chip.setStyleSheet(f"background: {theme.day_kind[kind]}; color: white; border-radius: 3px; padding: 2px 4px;")
            legend.addWidget(chip)
        hint = QLabel(self.tr("H = statutory holiday, W = make-up working day; bold days were entered by the shop "
                              "and win over the statutory calendar. Double-click a day to change it."))
        hint.setProperty("role", "muted")
        hint.setWordWrap(True)
        legend.addWidget(hint, 1)
        self.grid_model = YearGridModel(self)
        self.grid = _YearGrid(objectName="holidayGrid")
        self.grid.setModel(self.grid_model)
        self.grid.setItemDelegate(DayCellDelegate(self.grid_model.painted, self.grid, name_column=False))
        self.grid.setSelectionMode(QAbstractItemView.SingleSelection)
        self.grid.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.grid.verticalHeader().setDefaultSectionSize(28)
        self.grid.doubleClicked.connect(lambda i: self.edit_day(self.grid_model.day_at(i)) if self.may_edit else None)
        self.grid.clicked.connect(lambda _i: self._update_buttons())
        self.list_model = RowTableModel([
            Column("day", self.tr("Date"), value=lambda e: e.day.isoformat()),
            Column("kind", self.tr("Kind"), value=lambda e: e.label,
                   color=lambda e: theme.day_kind[e.kind]),
            Column("name", self.tr("Holiday name"), value=lambda e: e.display_name),
            Column("source", self.tr("Source"),
                   value=lambda e: self.tr("Shop") if e.source == "shop" else self.tr("Statutory")),
        ], self)
        self.list = DataTableView("holidayList")
        self.list.setModel(self.list_model)
        self.list.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        splitter = self.splitter = QSplitter(objectName="holidaySplitter")
        splitter.addWidget(self.grid)
        splitter.addWidget(self.list)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self._split = False
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addLayout(legend)
        box.addWidget(splitter, 1)
        self.may_edit = False
        self.reload()

    # -- data --------------------------------------------------------------------------------
    def show_year(self, year: int) -> None:
        if self.year.value() == year:
            self.reload()
        else:
            self.year.setValue(year)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if not self._split:  # the grid first gets what shows every day, the list the rest (at least 360 px)
            self._split = True
            total = sum(self.splitter.sizes())
            grid = max(total // 2, min(total - 360, self.grid.wanted_width()))
            self.splitter.setSizes([grid, total - grid])

    def reload(self) -> None:
        """The year's view comes by a query; the page fills when it is here (one at a time)."""
        self._gate.ask()

    def _start_load(self) -> None:
        actor, year = self.ctx.actor, self.year.value()
        self.ctx.query(self, lambda: calendar_svc.year_view(actor, year), self._landed, failed=self._failed)

    def _landed(self, view) -> None:
        self._gate.landed()
        self._show_view(view)

    def _failed(self, message: str) -> None:
        self._gate.landed()
        self.state.setText(message)

    def _show_view(self, view) -> None:
        if view.year != self.year.value():  # the user moved on to another year meanwhile
            return
        self.may_edit = view.may_edit
        self.grid_model.set_view(view)
        fit_headers(self.grid)  # every day number readable; the table scrolls rather than cut them
        self.list_model.set_rows(view.entries)
        for b in (self.add, self.remove, self.import_button):
            b.setVisible(view.may_edit)
        if view.complete:
            self.state.setText(self.tr("%1: statutory holidays known.").replace("%1", str(view.year)))
            self.state.setStyleSheet("")
        else:
            self.state.setText(self.tr("%1 has no statutory holidays yet: every day follows the week pattern. "
                                       "Import the State Council schedule or set the days.").replace("%1", str(view.year)))
            self.state.setStyleSheet(f"color: {theme.danger}; font-weight: 600;")
        self._update_buttons()

    def _selected_day(self) -> date | None:
        rows = self.list.selectionModel().selectedRows() if self.list.hasFocus() else []
        if rows:
            return self.list_model.row_at(rows[0].row()).day
        return self.grid_model.day_at(self.grid.currentIndex())

    def _selected_entry(self):
        day = self._selected_day()
        return self.grid_model.entries.get(day) if day else None

    def _update_buttons(self) -> None:
        entry = self._selected_entry()
        self.remove.setEnabled(bool(entry and entry.source == "shop"))

    # -- actions -----------------------------------------------------------------------------
    def edit_day(self, day: date | None) -> None:
        if day is None:
            return
        dialog = DayDialog(day, self)
        entry = self.grid_model.entries.get(day)
        if entry is not None:
            dialog.kind.setCurrentIndex(max(0, dialog.kind.findData(entry.kind)))
            dialog.name.setText(entry.display_name)
        if dialog.exec():
            self.save_day(*dialog.values())

    def save_day(self, day: date, kind: str, name: str):
        """Store the day (an operation); the page and the other tabs follow when it is written."""
        actor = self.ctx.actor
        return self.ctx.write(self, lambda: calendar_svc.set_day(actor, day, kind, name),
                              lambda _r: self._after_change(self.tr("%1 saved in the holiday calendar.")
                                                            .replace("%1", day.isoformat()), day.year),
                              failed=self._warn)

    def remove_selected(self):
        entry = self._selected_entry()
        if entry is None or entry.source != "shop":
            return None
        actor = self.ctx.actor
        return self.ctx.write(self, lambda: calendar_svc.clear_day(actor, entry.day),
                              lambda _r: self._after_change(self.tr("The shop's entry for %1 was removed.")
                                                            .replace("%1", entry.day.isoformat()), entry.day.year),
                              failed=self._warn)

    def _warn(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Holiday calendar"), message)

    def import_file(self) -> None:
        path = open_file(self, "attendance/holidays", self.tr("Import a holiday schedule"),
                         self.tr("Spreadsheets (*.csv *.xlsx)"))
        if path:
            self.import_path(path)

    def import_path(self, path: str):
        """Import the file in the worker with progress and Cancel; all rows valid or nothing changes."""
        actor = self.ctx.actor

        def done(result) -> None:
            self._after_change(self.tr("%1 days imported into the holiday calendar.").replace("%1", str(result["days"])),
                               result["years"][0])

        return self.ctx.write(self, lambda progress: calendar_svc.import_year(actor, path, progress), done,
                              failed=self._import_failed, progress=self.tr("Importing the holiday schedule…"))

    def _import_failed(self, message: str) -> None:
        box = QMessageBox(QMessageBox.Warning, self.tr("Import a holiday schedule"), message.splitlines()[0], parent=self)
        box.setObjectName("holidayImportErrorBox")
        if "\n" in message:
            box.setInformativeText(self.tr("Nothing was imported. Fix the rows below and import again."))
            box.setDetailedText("\n".join(message.splitlines()[1:]))
        box.exec()

    def _after_change(self, message: str, year: int) -> None:
        self.show_year(year)
        self.changed.emit(message)
