"""The attendance tab: month grid with the reason for each verdict, the monthly summary, pending
requests to decide, the duty roster, imports and exports."""

from __future__ import annotations

import importlib
from datetime import date
from html import escape

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QAbstractItemView, QDateEdit, QHBoxLayout, QLabel,
                               QMessageBox, QPushButton, QSplitter, QTabWidget, QTableView, QTextBrowser, QToolBar,
                               QVBoxLayout, QWidget)

from app.errors import ShopTeamError
from app.i18n import _ as app_tr
from app.rules.attendance import SHOWN_STATUSES, status_label, status_letter
from app.services import attendance as svc, leave as leave_svc, month_close as month_close_svc, roster as roster_svc
from app.services.employees import list_employees
from app.services.filing import filing_choices
from app.services.punches import DECISION_LABELS, SOURCE_LABELS
from app.i18n import language
from ui.widgets.actions import toolbar_action
from ui import theme
from ui.operations import ReloadGate
from ui.attendance.dialogs import (CorrectionDialog, ExtendLeaveDialog, HandoverDialog, LeaveDialog, OvertimeDialog,
                                   PunchDialog)
from ui.attendance.models import DayCellDelegate, MonthGridModel, RosterGridModel
from ui.attendance.month_close import closed_note
from ui.models.table import Column, RowTableModel
from ui.widgets.table_view import DataTableView, fit_headers, steady_on_activation
from ui.widgets.file_dialogs import open_file, save_file



def _grid_view(name: str) -> QTableView:
    view = QTableView(objectName=name)
    view.setSelectionMode(QAbstractItemView.SingleSelection)
    view.setEditTriggers(QAbstractItemView.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(26)
    view.horizontalHeader().setMinimumSectionSize(26)
    view.horizontalHeader().setDefaultSectionSize(30)
    steady_on_activation(view)
    return view


def _load_import_modules() -> None:
    """The punch import's file readers (~50 ms of module imports): loaded on the executor, after the
    month, so that the first click on Import punches does not load them on the UI thread."""
    import app.services.punch_import  # noqa: F401


class AttendanceView(QWidget):
    month_loaded = Signal()  # the month shown has been (re)loaded

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self._load_seq = 0
        self._shown_day: tuple[str, date] | None = None  # the person-day the detail pane shows
        self._gate = ReloadGate(self._start_load)  # one load at a time: busy while it runs
        self.see_all = ctx.can("attendance.view_all")
        today = QDate.currentDate()
        self.month = QDateEdit(QDate(today.year(), today.month(), 1), objectName="attendanceMonth",
                               displayFormat="yyyy-MM", calendarPopup=False)
        self.month.dateChanged.connect(lambda _d: self.reload())
        toolbar = QToolBar(objectName="attendanceToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        self._add(toolbar, self.tr("Previous month"), "mdi6.chevron-left", lambda: self._shift(-1), "actionPrevMonth")
        toolbar.addWidget(self.month)
        self._add(toolbar, self.tr("Next month"), "mdi6.chevron-right", lambda: self._shift(1), "actionNextMonth")
        self.loading = QLabel(self.tr("Loading…"), objectName="attendanceLoading")
        self.loading.setProperty("role", "muted")
        self.loading_action = toolbar.addWidget(self.loading)  # shown while the month loads
        self.loading_action.setVisible(False)
        toolbar.addSeparator()
        self.act_leave = self._add(toolbar, self.tr("New leave request…"), "mdi6.calendar-plus", self.new_item,
                                   "actionNewLeave")
        self.act_overtime = self._add(toolbar, self.tr("Request overtime…"), "mdi6.briefcase-clock-outline",
                                      self.request_overtime, "actionRequestOvertime")
        self.act_extend = self._add(toolbar, self.tr("Extend a leave…"), "mdi6.calendar-arrow-right", self.extend_leave,
                                    "actionExtendLeave")
        self.act_handover = self._add(toolbar, self.tr("Handover…"), "mdi6.account-switch-outline", self.record_handover,
                                      "actionHandover")
        self.act_correction = self._add(toolbar, self.tr("File a correction…"), "mdi6.clock-plus-outline",
                                        self.request_correction, "actionRequestCorrection")
        self.act_punch = self._add(toolbar, self.tr("Manual punch…"), "mdi6.clock-edit-outline", self.manual_punch,
                                   "actionManualPunch")
        self.act_import = self._add(toolbar, self.tr("Import punches…"), "mdi6.file-import-outline", self.import_file,
                                    "actionImportPunches")
        self.act_export = self._add(toolbar, self.tr("Export summary…"), "mdi6.file-export-outline", self.export_file,
                                    "actionExportAttendance")
        # on the month page, beside the "closed on … by …" line (the toolbar is full at 1366 px)
        self.act_close = QPushButton(theme.icon("mdi6.lock-check-outline"), self.tr("Month close…"),
                                     objectName="attendanceMonthClose")
        self.act_close.clicked.connect(self.open_month_close)
        self.act_confirm = QPushButton(theme.icon("mdi6.account-check-outline"), self.tr("Confirm my month…"),
                                       objectName="attendanceConfirmMonth")
        self.act_confirm.clicked.connect(self.confirm_my_month)
        self.act_close.setVisible(self.see_all)
        self.act_confirm.setVisible(False)  # shown once the load finds a closed month of mine to confirm
        self._waiting = None
        self.act_punch.setVisible(ctx.can("attendance.manual_punch"))
        self.act_import.setVisible(ctx.can("attendance.import"))
        self.act_export.setVisible(self.see_all)
        self.pages = QTabWidget(objectName="attendancePages")
        self.pages.addTab(self._build_grid_page(), self.tr("Month"))
        self.pages.addTab(self._build_summary_page(), self.tr("Summary"))
        self.pages.addTab(self._build_requests_page(), self.tr("Requests"))
        self.pages.addTab(self._build_roster_page(), self.tr("Duty roster"))
        from ui.attendance.holidays import HolidayPage

        self.holidays = HolidayPage(ctx, self)
        self.holidays.changed.connect(self._changed)
        self.pages.addTab(self.holidays, self.tr("Holidays"))
        layout = QVBoxLayout(self)
        layout.addWidget(toolbar)
        layout.addWidget(self.pages, 1)
        self.reload()
        if ctx.can("attendance.import"):  # then the dialog's own module, light once its readers are loaded
            ctx.query(self, _load_import_modules, lambda _r: importlib.import_module("ui.attendance.punch_import"))

    def _add(self, toolbar: QToolBar, text: str, icon: str, slot, name: str) -> QAction:
        return toolbar_action(self, toolbar, text, icon, slot, name)

    # -- pages -------------------------------------------------------------------------------
    def _build_grid_page(self) -> QWidget:
        self.grid_model = MonthGridModel(self)
        self.grid = _grid_view("attendanceGrid")
        self.grid.setModel(self.grid_model)
        self.grid.setItemDelegate(DayCellDelegate(self.grid_model.painted, self.grid))
        self.grid.setColumnWidth(0, 130)
        self.grid.clicked.connect(self._on_grid_clicked)
        self.detail = QTextBrowser(objectName="attendanceDayDetail")
        # the hint as the panel's text: QTextBrowser draws a placeholder on one line, cut off at the panel's edge
        self.detail.setHtml(f'<p style="color: {theme.text_muted}">'
                            + self.tr("Click a day to see its punches and the reason for its status.") + "</p>")
        self.detail.setMinimumWidth(260)
        legend = QHBoxLayout()
        legend.setContentsMargins(4, 0, 4, 0)
        for code in SHOWN_STATUSES:
            chip = QLabel(f" {status_letter(code, language())} {status_label(code)} ", objectName=f"legend_{code}")
            chip.setStyleSheet(f"background: {theme.status[code]}; color: white; border-radius: 3px; padding: 2px 4px;")
            legend.addWidget(chip)
        legend.addStretch(1)
        self.closed_note = QLabel(objectName="attendanceClosedNote")
        self.closed_note.setStyleSheet(f"color: {theme.danger}; font-weight: 600;")
        legend.addWidget(self.closed_note)
        legend.addWidget(self.act_confirm)
        legend.addWidget(self.act_close)
        splitter = QSplitter(objectName="attendanceGridSplitter")
        splitter.addWidget(self.grid)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        page = QWidget()
        box = QVBoxLayout(page)
        box.addLayout(legend)
        box.addWidget(splitter, 1)
        return page

    def _build_summary_page(self) -> QWidget:
        from app.rules.attendance import LEAVE_KINDS

        leave_total = lambda r: round(sum(r["leave_hours"].values()), 2)  # noqa: E731
        leave_tip = lambda r: "\n".join(f"{app_tr(svc.KIND_LABELS[k])}: {r['leave_hours'][k]}"  # noqa: E731
                                        for k in LEAVE_KINDS if r["leave_hours"][k])
        self.summary_model = RowTableModel([
            Column("employee_no", self.tr("No.")),
            Column("name", self.tr("Name")),
            Column("days_due", self.tr("Due"), align_right=True),
            Column("days_present", self.tr("Present"), align_right=True),
            Column("late_count", self.tr("Late"), align_right=True),
            Column("late_minutes", self.tr("Late min"), align_right=True),
            Column("early_leave_count", self.tr("Early"), align_right=True),
            Column("missing_punch_count", self.tr("Missing"), align_right=True),
            Column("absence_days", self.tr("Absent days"), align_right=True,
                   color=lambda r: theme.status["absent"] if r["absence_days"] else None),
            Column("leave", self.tr("Leave (h)"), value=leave_total, align_right=True, tooltip=leave_tip),
            Column("overtime_hours", self.tr("OT (h)"), align_right=True),
            Column("comp_hours_balance", self.tr("Comp (h)"), align_right=True),
            Column("unpaid_leave_hours", self.tr("Unpaid (h)"), align_right=True),
            # a whole month comes back as an int (23), a month with unpaid leave as a float (19.47): show both alike
            Column("paid_days", self.tr("Paid days"), align_right=True, text=lambda v: f"{float(v):.2f}"),
            # the amount is the value (it sorts as a number: ¥20.00 before ¥100.00), the text adds the currency
            Column("penalty_rmb", self.tr("Penalty"), align_right=True, text=lambda v: f"¥{v:,.2f}"),
            Column("flags", self.tr("Flags"), value=lambda r: ", ".join(app_tr(svc.FLAG_LABELS.get(f, f)) for f in r["flags"]),
                   color=lambda r: theme.danger if r["flags"] else None),
        ], self)
        self.summary = DataTableView("attendanceSummary")
        # the model itself: it sorts on a header click, and nothing filters the summary (a proxy would
        # rebuild its row mapping and ask rowCount ~1,600 times per click)
        self.summary.setModel(self.summary_model)
        self.summary.sortByColumn(0, Qt.AscendingOrder)
        return self.summary

    def _build_requests_page(self) -> QWidget:
        self.requests_model = RowTableModel([
            Column("what", self.tr("Type")),
            Column("employee_no", self.tr("No.")),
            Column("name", self.tr("Name")),
            Column("start", self.tr("From")),
            Column("end", self.tr("To")),
            Column("reason", self.tr("Reason")),
            Column("late", self.tr("Filed late"), color=lambda r: theme.warning if r.late else None),
            Column("approver", self.tr("Decided by")),
        ], self)
        self.requests = DataTableView("attendanceRequests")
        self.requests.setModel(self.requests_model)
        self.requests.selectionModel().selectionChanged.connect(self._update_request_buttons)
        self.approve = QPushButton(theme.icon("mdi6.check"), self.tr("Approve"), objectName="attendanceApprove")
        self.reject = QPushButton(theme.icon("mdi6.close"), self.tr("Reject"), objectName="attendanceReject")
        self.approve.clicked.connect(lambda: self._decide(True))
        self.reject.clicked.connect(lambda: self._decide(False))
        self.requests_empty = QLabel(self.tr("No requests are waiting for a decision."), objectName="attendanceRequestsEmpty")
        self.requests_empty.setProperty("role", "muted")
        buttons = QHBoxLayout()
        buttons.addWidget(self.requests_empty)
        buttons.addStretch(1)
        buttons.addWidget(self.approve)
        buttons.addWidget(self.reject)
        page = QWidget()
        box = QVBoxLayout(page)
        box.addWidget(self.requests, 1)
        box.addLayout(buttons)
        return page

    def _build_roster_page(self) -> QWidget:
        self.roster_model = RosterGridModel(self)
        self.roster = _grid_view("attendanceRoster")
        self.roster.setModel(self.roster_model)
        self.roster.clicked.connect(self._on_roster_clicked)
        self.can_roster = self.ctx.can("attendance.roster")
        hint = QLabel(self.tr("Click a cell to put a person on duty or take them off. Duty days are working days."))
        hint.setProperty("role", "muted")
        fill = QPushButton(theme.icon("mdi6.calendar-sync-outline"), self.tr("Fill empty days in turn"),
                           objectName="attendanceRosterFill")
        fill.clicked.connect(self.fill_roster)
        fill.setVisible(self.can_roster)
        line = QHBoxLayout()
        line.addWidget(hint, 1)
        line.addWidget(fill)
        page = QWidget()
        box = QVBoxLayout(page)
        box.addLayout(line)
        box.addWidget(self.roster, 1)
        return page

    # -- data --------------------------------------------------------------------------------
    def year_month(self) -> tuple[int, int]:
        d = self.month.date()
        return d.year(), d.month()

    def _shift(self, months: int) -> None:
        self.month.setDate(self.month.date().addMonths(months))

    def reload(self) -> None:
        """Load the month (grid, summary, requests, roster) in the worker; the window stays live.
        One load at a time (asked again meanwhile, it runs once more after); a result for a month
        no longer shown is dropped."""
        self._gate.ask()

    def _start_load(self) -> None:
        y, m = self.year_month()
        self._load_seq += 1
        seq, actor = self._load_seq, self.ctx.actor
        self.setCursor(Qt.BusyCursor)
        self.loading_action.setVisible(True)

        def load():
            return seq, (y, m), {
                "grid": svc.month_table(actor, y, m),
                "summary": svc.monthly_summary(actor, y, m),
                "requests": leave_svc.pending_requests(actor),
                "roster": roster_svc.roster_month(actor, y, m),
                "calendar": roster_svc.calendar_month(actor, y, m),
                "closed": month_close_svc.closed_flag(actor, y, m),
                "waiting": month_close_svc.waiting_for(actor),
            }

        self.ctx.query(self, load, self._loaded, failed=self._load_failed)

    def is_loading(self) -> bool:
        return self._gate.busy

    def _loaded(self, result) -> None:
        self._gate.landed()
        seq, month, data = result
        if seq != self._load_seq or month != self.year_month():
            return  # a newer load is on its way
        self._finish_loading()
        self.grid_model.set_grid(data["grid"])
        self.summary_model.set_rows(data["summary"])
        self.requests_model.set_rows(data["requests"])
        people = [(p["employee_no"], p["name"]) for p in self.grid_model.people]
        self.roster_model.set_roster(people, data["roster"], data["calendar"])
        self.grid.setColumnWidth(0, 130)
        self.roster.setColumnWidth(0, 130)
        fit_headers(self.grid)  # day and weekday in full ("16 Mo")
        fit_headers(self.roster)
        self.requests_empty.setVisible(not self.requests_model.rows)
        self._update_request_buttons()
        self.closed_note.setText(closed_note(data["closed"]))
        self._waiting = data["waiting"]
        self.act_confirm.setVisible(self._waiting is not None)
        self.pages.setTabText(2, self.tr("Requests (%1)").replace("%1", str(len(self.requests_model.rows))))
        self.month_loaded.emit()

    def _load_failed(self, message: str) -> None:
        self._gate.landed()
        self._finish_loading()
        self.ctx.show_status(message)

    def _finish_loading(self) -> None:
        self.unsetCursor()
        self.loading_action.setVisible(False)

    def refresh(self, areas) -> None:
        if "*" in areas or "attendance" in areas or "employees" in areas or "policy" in areas:
            self.reload()
            self.holidays.reload()

    def show_holidays(self, year: int | None = None) -> None:
        """Attendance ▸ Holidays, at ``year`` (the main window's banner opens it)."""
        self.pages.setCurrentWidget(self.holidays)
        if year is not None:
            self.holidays.show_year(year)

    def _people(self):
        return [(r.employee_no, r.name, r.id) for r in list_employees(self.ctx.actor, include_left=False)]

    # -- grid --------------------------------------------------------------------------------
    def _on_grid_clicked(self, index) -> None:
        if not index.isValid() or index.column() == 0:
            return
        person = self.grid_model.people[index.row()]
        day = self.grid_model.days[index.column() - 1]
        self.show_day(person["employee_no"], day)

    def show_day(self, employee_no: str, day: date) -> None:
        self._shown_day = (employee_no, day)
        try:
            d = svc.day_detail(self.ctx.actor, employee_no, day)
        except ShopTeamError as exc:
            self.detail.setPlainText(str(exc))
            return
        colour = theme.status.get(d["status"], theme.text_muted)
        heading_punches, heading_corrections = self.tr("Punches"), self.tr("Corrections")
        heading_leave, heading_why = self.tr("Leave"), self.tr("Why")
        punches = "<br>".join(f"{p['at']:%H:%M:%S} · {app_tr(SOURCE_LABELS[p['source']])}" for p in d["punches"]) or self.tr("none")
        parts = [f"<h3>{escape(d['name'])} · {day.isoformat()}</h3>",
                 f"<p><span style='background:{colour};color:white'>&nbsp;{escape(d['status_label'])}&nbsp;</span></p>",
                 f"<p><b>{heading_punches}</b><br>{punches}</p>"]
        if d["corrections"]:
            parts.append(f"<p><b>{heading_corrections}</b><br>" + "<br>".join(
                f"{c['at']:%H:%M} · {app_tr(DECISION_LABELS[c['status']])} · {escape(c['reason'])}" for c in d["corrections"]) + "</p>")
        if d["leave"]:
            parts.append(f"<p><b>{heading_leave}</b><br>" + "<br>".join(
                f"{x['label']} {x['start']}–{x['end']}" for x in d["leave"]) + "</p>")
        heading_off_post, minutes = self.tr("Off the post"), self.tr("%1 min")
        if d.get("off_post"):
            parts.append(f"<p><b>{heading_off_post}</b><br>" + "<br>".join(
                f"{x['out']}–{x['back']} · " + minutes.replace("%1", str(x["minutes"])) for x in d["off_post"]) + "</p>")
        reasons = [escape(r) for r in d["reasons"]] or [self.tr("All punches on time.")]
        parts.append(f"<p><b>{heading_why}</b><br>" + "<br>".join(reasons) + "</p>")
        heading_remedy = self.tr("What to do")
        if d.get("remedy"):
            parts.append(f"<p><b>{heading_remedy}</b><br>{escape(d['remedy'])}</p>")
        self.detail.setHtml("".join(parts))

    # -- requests ----------------------------------------------------------------------------
    def selected_request(self):
        rows = self.requests.selectionModel().selectedRows()
        return self.requests_model.row_at(rows[0].row()) if rows else None

    def _update_request_buttons(self, *_args) -> None:
        req = self.selected_request()
        for button in (self.approve, self.reject):
            button.setEnabled(bool(req and req.can_decide))

    def _decide(self, approve: bool) -> None:
        req = self.selected_request()
        if req is None:
            return
        actor, message = self.ctx.actor, self.tr("Request approved.") if approve else self.tr("Request rejected.")
        self._write(self.tr("Decide request"), lambda: leave_svc.decide(actor, req, approve),
                    lambda _r: self.ctx.show_status(message))

    def _with_choices(self, kind: str, open_dialog) -> None:
        """Whom the actor may file ``kind`` for comes by a query; then ``open_dialog(choices)``."""
        actor = self.ctx.actor
        self.ctx.query(self, lambda: filing_choices(actor, kind), open_dialog)

    def new_item(self) -> None:
        self._with_choices("leave", self._leave_with)

    def _leave_with(self, choices) -> None:
        dialog = LeaveDialog(self.ctx, choices, self)
        if dialog.exec():
            self._changed(self.tr("Leave request %1 filed.").replace("%1", str(dialog.new_id)))

    def extend_leave(self) -> None:
        """The leaves that may be extended come by a query; the dialog opens when they are here."""
        actor = self.ctx.actor
        self.ctx.query(self, lambda: leave_svc.extendable_leaves(actor), self._extend_from)

    def _extend_from(self, leaves) -> None:
        if not leaves:
            self.ctx.show_status(self.tr("No leave is running or ahead that could be extended."))
            return
        dialog = ExtendLeaveDialog(self.ctx, leaves, self)
        if dialog.exec():
            self._changed(self.tr("Extension %1 filed; it counts once approved.").replace("%1", str(dialog.new_id)))

    def record_handover(self) -> None:
        """Whom the actor may record a handover for (the service's filing rule), and everyone to hand to."""
        actor = self.ctx.actor

        def load():
            people = [(r.employee_no, r.name, r.id) for r in list_employees(actor, include_left=False)]
            return filing_choices(actor, "handover"), people

        self.ctx.query(self, load, lambda answer: self._handover_with(*answer))

    def _handover_with(self, choices, people) -> None:
        dialog = HandoverDialog(self.ctx, choices, people, self)
        if dialog.exec():
            self._changed(self.tr("Handover %1 recorded.").replace("%1", str(dialog.new_id)))

    def request_overtime(self) -> None:
        self._with_choices("overtime", self._overtime_with)

    def _overtime_with(self, choices) -> None:
        dialog = OvertimeDialog(self.ctx, choices, self)
        if dialog.exec():
            self._changed(self.tr("Overtime request %1 filed.").replace("%1", str(dialog.new_id)))

    def request_correction(self) -> None:
        """File a correction (补卡); from the month grid it is for the person and day clicked last."""
        at = None
        if self._shown_day is not None:
            from datetime import datetime, time

            at = datetime.combine(self._shown_day[1], time(17, 30))
        who = self._shown_day[0] if self._shown_day else None

        def open_dialog(choices) -> None:
            dialog = CorrectionDialog(self.ctx, choices, self, who, at)
            if dialog.exec():
                self._changed(self.tr("Correction %1 filed; it counts once approved.").replace("%1", str(dialog.new_id)))

        self._with_choices("correction", open_dialog)

    def manual_punch(self) -> None:
        dialog = PunchDialog(self.ctx, self._people(), self)
        if dialog.exec():
            r = dialog.result_punch
            text = self.tr("Already recorded.") if r.duplicate else self.tr("Punch recorded for %1.").replace("%1", r.name)
            self._changed(text)

    # -- month close -------------------------------------------------------------------------
    def open_month_close(self):
        """The month-close dialog of the month shown (it loads in the background)."""
        from ui.attendance.month_close import MonthCloseDialog

        y, m = self.year_month()
        dialog = MonthCloseDialog(self.ctx, f"{y}-{m:02d}", self)
        dialog.open()
        return dialog

    def confirm_my_month(self) -> None:
        """Fetch my month (that records I looked, hence a write), then show the confirm dialog."""
        if self._waiting is None:
            return
        actor, no, month = self.ctx.actor, self._waiting["employee_no"], self._waiting["month"]

        def show(data) -> None:
            from ui.attendance.confirm_month import ConfirmMonthDialog

            if data is None:
                return
            self.confirm_dialog = ConfirmMonthDialog(self.ctx, data, no, self)
            self.confirm_dialog.open()

        self.ctx.write(self, lambda: month_close_svc.my_month(actor, no, month), show,
                       failed=lambda msg: QMessageBox.warning(self, self.tr("Confirm my month…"), msg))

    # -- roster ------------------------------------------------------------------------------
    def _on_roster_clicked(self, index) -> None:
        change = self.roster_model.toggled(index)
        if change is None or not self.can_roster:
            return
        actor = self.ctx.actor
        self._write(self.tr("Duty roster"), lambda: roster_svc.set_roster_day(actor, *change),
                    lambda _r: self.ctx.show_status(self.tr("Duty roster saved.")))

    def fill_roster(self) -> None:
        y, m = self.year_month()
        actor = self.ctx.actor
        self._write(self.tr("Duty roster"), lambda: roster_svc.fill_roster(actor, y, m),
                    lambda n: self.ctx.show_status(self.tr("%1 duty entries added.").replace("%1", str(n))))

    # -- files -------------------------------------------------------------------------------
    def import_file(self) -> None:
        from ui.attendance.punch_import import FILE_FILTER

        path = open_file(self, "attendance/punches", self.tr("Import punches"),
                         self.tr("Clock exports") + f" ({FILE_FILTER})")
        if path:
            self.start_import(path)

    def start_import(self, path: str):
        """The preview dialog (see ui/attendance/punch_import.py); returns it, shown and reading."""
        from ui.attendance.punch_import import PunchImportDialog

        dialog = PunchImportDialog(self.ctx, path, self)

        def finished(code: int) -> None:
            if dialog.result is not None:
                self._changed(self.tr("Imported %1 punches; %2 were already recorded.")
                              .replace("%1", str(dialog.result["added"])).replace("%2", str(dialog.result["duplicates"])))
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()
        dialog.load_preview()
        return dialog

    def export_file(self) -> None:
        y, m = self.year_month()
        path = save_file(self, "attendance/summary", self.tr("Export summary"), f"attendance-{y}-{m:02d}.xlsx",
                         self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"))
        if path:
            self.export_to(path)

    def export_to(self, path: str):
        y, m = self.year_month()

        def done(n) -> None:
            self.ctx.show_status(self.tr("Exported %1 employees.").replace("%1", str(n)))

        actor = self.ctx.actor
        return self.ctx.query(self, lambda p: svc.export_month(actor, y, m, path), done, progress=self.tr("Exporting…"),
                              failed=lambda msg: QMessageBox.warning(self, self.tr("Export summary"), msg))

    def _write(self, title: str, fn, done) -> None:
        """One attendance action as an operation; its change reloads the month through the dispatcher."""
        self.ctx.write(self, fn, done, failed=lambda message: QMessageBox.warning(self, title, message))

    def _changed(self, message: str) -> None:
        """After a dialog saved (directly, inside the dialog): show it and reload the month."""
        self.ctx.show_status(message)
        self.reload()
