"""Recurring tasks page: the weekly and monthly tasks that come back (a card is made when one falls
due), a form to add one, and stopping one. Managers add and stop; everyone sees the rules that
concern them."""

from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QMessageBox, QPushButton, QSpinBox, QVBoxLayout, QWidget)

from app.i18n import _ as app_tr
from app.rules.tasks import PRIORITY_LABELS, normalise_tags, recurrence_problem, tag_problem, title_problem
from app.services import plans as svc
from app.services.templates import list_templates
from ui import theme
from ui.models.table import Column, RowTableModel, sorting_proxy
from ui.widgets.table_view import DataTableView


class RecurrenceDialog(QDialog):
    """A new recurring task: title, assignee, weekly on a weekday or monthly on a day, due after N days."""

    def __init__(self, people, templates, parent=None):
        super().__init__(parent)
        self.setObjectName("recurrenceDialog")
        self.setWindowTitle(self.tr("New recurring task"))
        self.setMinimumWidth(440)
        self.title = QLineEdit(objectName="fieldRecurrenceTitle")
        self.assignee = QComboBox(objectName="fieldRecurrenceAssignee")
        for _eid, no, name in people:
            self.assignee.addItem(f"{name} ({no})", no)
        self.repeat = QComboBox(objectName="fieldRecurrenceRepeat")
        self.repeat.addItem(self.tr("Every week"), "weekly")
        self.repeat.addItem(self.tr("Every month"), "monthly")
        self.weekday = QComboBox(objectName="fieldRecurrenceWeekday")
        for n, name in enumerate((self.tr("Monday"), self.tr("Tuesday"), self.tr("Wednesday"), self.tr("Thursday"),
                                  self.tr("Friday"), self.tr("Saturday"), self.tr("Sunday")), start=1):
            self.weekday.addItem(name, n)
        self.monthday = QSpinBox(objectName="fieldRecurrenceMonthday", minimum=1, maximum=31, value=1)
        self.monthday.setToolTip(self.tr("In a shorter month the task falls on its last day."))
        self.due_in = QSpinBox(objectName="fieldRecurrenceDueIn", minimum=0, maximum=60, value=2)
        self.due_in.setSuffix(self.tr(" days"))
        self.priority = QComboBox(objectName="fieldRecurrencePriority")
        for value, label in PRIORITY_LABELS.items():
            self.priority.addItem(app_tr(label), value)
        self.priority.setCurrentIndex(1)
        self.tags = QLineEdit(objectName="fieldRecurrenceTags", placeholderText=self.tr("e.g. reports, weekly"))
        self.template = QComboBox(objectName="fieldRecurrenceTemplate")
        self.template.addItem(self.tr("(none)"), "")
        for t in templates:
            self.template.addItem(t.name, t.name)
        self.problem = QLabel(objectName="recurrenceDialogProblem", wordWrap=True)
        self.problem.setProperty("role", "error")
        day_row = QWidget()
        line = QHBoxLayout(day_row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.weekday, 1)
        line.addWidget(self.monthday, 1)
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Assignee"), self.assignee)
        form.addRow(self.tr("Repeat"), self.repeat)
        form.addRow(self.tr("On"), day_row)
        form.addRow(self.tr("Due after"), self.due_in)
        form.addRow(self.tr("Priority"), self.priority)
        form.addRow(self.tr("Tags"), self.tags)
        form.addRow(self.tr("Workflow"), self.template)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("Add"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.repeat.currentIndexChanged.connect(self._repeat_changed)
        for signal in (self.title.textChanged, self.tags.textChanged, self.repeat.currentIndexChanged):
            signal.connect(self._validate)
        self._repeat_changed()
        self._validate()

    def _repeat_changed(self) -> None:
        weekly = self.repeat.currentData() == "weekly"
        self.weekday.setVisible(weekly)
        self.monthday.setVisible(not weekly)

    def anchor_day(self) -> int:
        return self.weekday.currentData() if self.repeat.currentData() == "weekly" else self.monthday.value()

    def _validate(self, *_args) -> None:
        problem = (title_problem(self.title.text()) or tag_problem(normalise_tags(self.tags.text()))
                   or recurrence_problem(self.repeat.currentData(), self.anchor_day(), self.due_in.value()))
        self.problem.setText(app_tr(problem) if problem and self.title.text() else "")
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(problem is None and self.assignee.count() > 0)

    def value(self) -> dict:
        return dict(title=self.title.text().strip(), assignee_no=self.assignee.currentData() or "",
                    recurrence=self.repeat.currentData(), anchor_day=self.anchor_day(), due_in_days=self.due_in.value(),
                    template=self.template.currentData() or "", tags=self.tags.text(), priority=self.priority.currentData())


class RecurringView(QWidget):
    def __init__(self, ctx, people, parent=None):
        """``people``: a callable giving (employee id, no., name) of the active people (the board has them)."""
        super().__init__(parent)
        self.setObjectName("taskRecurring")
        self.ctx = ctx
        self.people = people
        self.model = RowTableModel([
            Column("title", self.tr("Title")),
            Column("assignee_name", self.tr("Assignee"), value=lambda r: f"{r.assignee_name} ({r.assignee_no})"),
            Column("recurrence", self.tr("Repeat"), value=self._when),
            Column("due_in_days", self.tr("Due after (days)"), align_right=True),
            Column("template", self.tr("Workflow")),
            Column("last_occurrence", self.tr("Last card")),
            Column("active", self.tr("Status"), value=lambda r: self.tr("Active") if r.active else self.tr("Stopped"),
                   color=lambda r: theme.success if r.active else theme.text_muted),
        ], self)
        self.proxy = sorting_proxy(self.model, self)
        self.table = DataTableView("recurrenceTable")
        self.table.setModel(self.proxy)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.add = QPushButton(theme.icon("mdi6.plus-box-outline"), self.tr("New recurring task…"), objectName="recurrenceAdd")
        self.add.clicked.connect(self.new_item)
        self.stop = QPushButton(theme.icon("mdi6.stop-circle-outline"), self.tr("Stop"), objectName="recurrenceStop")
        self.stop.clicked.connect(self.stop_selected)
        may = ctx.can("tasks.recurring")
        self.add.setVisible(may)
        self.stop.setVisible(may)
        hint = QLabel(self.tr("A card is created when a recurring task falls due (when the board opens), once per week or month."),
                      objectName="recurrenceHint", wordWrap=True)
        hint.setProperty("role", "muted")
        top = QHBoxLayout()
        top.addWidget(self.add)
        top.addWidget(self.stop)
        top.addWidget(hint, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self._selection_changed()

    def _when(self, r) -> str:
        if r.recurrence == "weekly":
            days = (self.tr("Monday"), self.tr("Tuesday"), self.tr("Wednesday"), self.tr("Thursday"),
                    self.tr("Friday"), self.tr("Saturday"), self.tr("Sunday"))
            return self.tr("Weekly, %1").replace("%1", days[r.anchor_day - 1])
        return self.tr("Monthly, day %1").replace("%1", str(r.anchor_day))

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(self.proxy.mapToSource(rows[0]).row()) if rows else None

    def _selection_changed(self, *_args) -> None:
        row = self.selected()
        self.stop.setEnabled(row is not None and row.active)

    def reload(self) -> None:
        actor = self.ctx.actor
        self.ctx.query(self, lambda: svc.list_recurrences(actor), self._loaded, failed=self.ctx.show_status)

    def _loaded(self, rows) -> None:
        self.model.set_rows(rows)
        self._selection_changed()

    def refresh(self, areas) -> None:
        if "*" in areas or "tasks" in areas or "employees" in areas:
            self.reload()

    def new_item(self) -> None:
        if not self.ctx.can("tasks.recurring"):
            return
        dialog = RecurrenceDialog(self.people(), list_templates(self.ctx.actor), self)
        if dialog.exec():
            self.add_with(dialog.value())

    def add_with(self, values: dict) -> None:
        actor = self.ctx.actor
        self.ctx.write(self, lambda: svc.add_recurrence(actor, **values),
                       lambda row: self.ctx.show_status(self.tr("Recurring task “%1” added.").replace("%1", row.title)),
                       failed=lambda message: QMessageBox.warning(self, self.tr("New recurring task"), message))

    def stop_selected(self) -> None:
        row = self.selected()
        if row is None or not row.active:
            return
        answer = QMessageBox.question(self, self.tr("Stop recurring task"), self.tr(
            "Stop “%1”? No more cards will be created; cards already made stay on the board.").replace("%1", row.title))
        if answer != QMessageBox.Yes:
            return
        actor, title = self.ctx.actor, row.title
        self.ctx.write(self, lambda: svc.stop_recurrence(actor, row.id),
                       lambda _r: self.ctx.show_status(self.tr("Recurring task “%1” stopped.").replace("%1", title)),
                       failed=lambda message: QMessageBox.warning(self, self.tr("Stop recurring task"), message))
