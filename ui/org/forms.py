"""The two side panels of the structure page: a department form and the job description card form."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget)

from app.services import org as svc
from ui.widgets.date_entry import DateEntry

NO_DATE = QDate(2000, 1, 1)


class _Form(QWidget):
    """Save stays disabled until the form is valid and changed; the reason shows under the fields."""

    saveRequested = Signal()
    deleteRequested = Signal()

    def __init__(self, name: str, can_edit: bool, parent=None):
        super().__init__(parent)
        self.setObjectName(name)
        self.can_edit = can_edit
        self.loading = False
        self.dirty = False
        self.title = QLabel(objectName=name + "Title")
        self.title.setProperty("role", "title")
        self.problem = QLabel(objectName=name + "Problem")
        self.problem.setProperty("role", "error")
        self.problem.setWordWrap(True)
        self.save = QPushButton(QCoreApplication.translate("OrgForm", "Save"), objectName=name + "Save")
        self.save.setProperty("primary", True)
        self.save.clicked.connect(self.saveRequested)
        self.delete = QPushButton(QCoreApplication.translate("OrgForm", "Delete…"), objectName=name + "Delete")
        self.delete.clicked.connect(self.deleteRequested)
        self.form = QFormLayout()
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete)
        buttons.addStretch(1)
        buttons.addWidget(self.save)
        outer = QVBoxLayout(self)
        outer.addWidget(self.title)
        outer.addLayout(self.form)
        outer.addWidget(self.problem)
        outer.addStretch(1)
        outer.addLayout(buttons)
        self.save.setVisible(can_edit)
        self.delete.setVisible(can_edit)

    def touched(self, *_args) -> None:
        if not self.loading:
            self.dirty = True
        self.validate()

    def validate(self) -> bool:
        problems = self.problems()
        self.problem.setText("\n".join(problems.values()))
        ok = not problems
        self.save.setEnabled(ok and self.dirty and self.can_edit)
        return ok

    def problems(self) -> dict:
        return {}


class DepartmentForm(_Form):
    def __init__(self, can_edit: bool, parent=None):
        super().__init__("departmentForm", can_edit, parent)
        self.department_id: int | None = None
        self.name = QLineEdit(objectName="fieldDepartmentName")
        self.parent_combo = QComboBox(objectName="fieldDepartmentParent")
        self.description = QPlainTextEdit(objectName="fieldDepartmentDescription")
        self.description.setMaximumHeight(90)
        self.people = QLabel(objectName="departmentPeople")
        self.head_combo = QComboBox(objectName="fieldDepartmentHead")
        self.head_combo.setToolTip(self.tr("The head scores the department's staff with the largest weight. "
                                           "Automatic: the holder of the department's manager position, else the one "
                                           "member who leads people in it, else the parent department's head."))
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Part of"), self.parent_combo)
        self.form.addRow(self.tr("Head"), self.head_combo)
        self.form.addRow(self.tr("Function"), self.description)
        self.form.addRow(self.tr("People in its positions"), self.people)
        for w in (self.name, self.description):
            w.setReadOnly(not can_edit)
        self.parent_combo.setEnabled(can_edit)
        self.head_combo.setEnabled(can_edit)
        self.head_combo.currentIndexChanged.connect(self.touched)
        self.name.textChanged.connect(self.touched)
        self.description.textChanged.connect(self.touched)
        self.parent_combo.currentIndexChanged.connect(self.touched)

    def load(self, row, departments: list, parent_id: int | None = None, people: list | None = None) -> None:
        self.loading = True
        self.head_combo.clear()
        found = row.head if row is not None and row.head and not row.head_no else ""
        self.head_combo.addItem(self.tr("Automatic: %1").replace("%1", found) if found else self.tr("Automatic"), "")
        for p in sorted(people or [], key=lambda p: p.employee_no):
            self.head_combo.addItem(f"{p.name} ({p.employee_no})", p.employee_no)
        self.head_combo.setCurrentIndex(max(0, self.head_combo.findData(row.head_no if row else "")))
        self.department_id = row.id if row else None
        self.title.setText(row.name if row else self.tr("New department"))
        self.parent_combo.clear()
        self.parent_combo.addItem(self.tr("(top level)"), None)
        for d in departments:
            if row is None or d.id != row.id:
                self.parent_combo.addItem(d.name, d.id)
        wanted = row.parent_id if row else parent_id
        self.parent_combo.setCurrentIndex(max(0, self.parent_combo.findData(wanted)))
        self.name.setText(row.name if row else "")
        self.description.setPlainText(row.description if row else "")
        self.people.setText(str(row.people) if row else "")
        self.delete.setEnabled(row is not None)
        self.loading = False
        self.dirty = row is None
        self.validate()

    def data(self) -> svc.DepartmentInput:
        return svc.DepartmentInput(self.name.text(), self.parent_combo.currentData(), self.description.toPlainText(),
                                   self.head_combo.currentData() or "")

    def problems(self) -> dict:
        return svc.department_problems(self.data())


class PositionForm(_Form):
    """The job description card (岗位说明书) with the headcount plan."""

    def __init__(self, can_edit: bool, parent=None):
        super().__init__("positionForm", can_edit, parent)
        self.position_id: int | None = None
        self.name = QLineEdit(objectName="fieldPositionName")
        self.department = QComboBox(objectName="fieldPositionDepartment")
        self.reports_to = QComboBox(objectName="fieldReportsTo")
        self.supervisor = QLineEdit(objectName="fieldSupervisor")
        self.drawn_up = DateEntry(QDate(2000, 1, 1), "fieldDrawnUp")
        self.drawn_up.setMinimumDate(NO_DATE)
        self.drawn_up.setSpecialValueText(self.tr("not set"))
        self.planned = QSpinBox(objectName="fieldPlannedHeadcount")
        self.planned.setRange(0, svc.HEADCOUNT_MAX)
        self.actual = QLabel(objectName="positionActual")
        self.actual.setWordWrap(True)
        self.is_manager = QCheckBox(self.tr("Appraised as a middle manager"), objectName="fieldIsManager")
        self.summary = QPlainTextEdit(objectName="fieldSummary")
        self.summary.setMaximumHeight(70)
        self.duties = QPlainTextEdit(objectName="fieldDuties")
        self.duties.setPlaceholderText(self.tr("One duty per line; they are numbered on the card."))
        self.form.addRow(self.tr("Position"), self.name)
        self.form.addRow(self.tr("Department"), self.department)
        self.form.addRow(self.tr("Reports to"), self.reports_to)
        self.form.addRow(self.tr("Direct supervisor"), self.supervisor)
        self.form.addRow(self.tr("Drawn up on"), self.drawn_up)
        self.form.addRow(self.tr("Planned headcount"), self.planned)
        self.form.addRow(self.tr("Actual headcount"), self.actual)
        self.form.addRow("", self.is_manager)
        self.form.addRow(self.tr("Summary"), self.summary)
        self.form.addRow(self.tr("Duties"), self.duties)
        for w in (self.name, self.supervisor, self.summary, self.duties):
            w.setReadOnly(not can_edit)
        for w in (self.department, self.reports_to, self.drawn_up, self.planned, self.is_manager):
            w.setEnabled(can_edit)
        self.name.textChanged.connect(self.touched)
        self.supervisor.textChanged.connect(self.touched)
        self.summary.textChanged.connect(self.touched)
        self.duties.textChanged.connect(self.touched)
        self.department.currentIndexChanged.connect(self.touched)
        self.reports_to.currentIndexChanged.connect(self.touched)
        self.drawn_up.dateChanged.connect(self.touched)
        self.planned.valueChanged.connect(self.touched)
        self.is_manager.toggled.connect(self.touched)

    def load(self, row, departments: list, positions: list, department_id: int | None = None) -> None:
        self.loading = True
        self.position_id = row.id if row else None
        self.title.setText(self.tr("Job description: %1").replace("%1", row.name) if row else self.tr("New position"))
        self.department.clear()
        for d in departments:
            self.department.addItem(d.name, d.id)
        self.department.setCurrentIndex(max(0, self.department.findData(row.department_id if row else department_id)))
        self.reports_to.clear()
        self.reports_to.addItem(self.tr("(nobody)"), None)
        for p in positions:
            if row is None or p.id != row.id:
                self.reports_to.addItem(f"{p.name} · {p.department}", p.id)
        self.reports_to.setCurrentIndex(max(0, self.reports_to.findData(row.reports_to_id if row else None)))
        self.name.setText(row.name if row else "")
        self.supervisor.setText(row.supervisor if row else "")
        when = row.drawn_up if row and row.drawn_up else (None if row else date.today())
        self.drawn_up.setDate(QDate(when.year, when.month, when.day) if when else NO_DATE)
        self.planned.setValue(row.planned_headcount if row else 1)
        self.is_manager.setChecked(bool(row and row.is_manager))
        self.summary.setPlainText(row.summary if row else "")
        duties = row.duties if row else []
        if self.can_edit:
            self.duties.setPlainText("\n".join(duties))
        else:  # read-only: the card as printed, with its duties numbered
            self.duties.setPlainText("\n".join(f"{i}. {d}" for i, d in enumerate(duties, 1)))
        if row:
            names = "、".join(row.holders) or self.tr("nobody yet")
            self.actual.setText(f"{row.actual_headcount} · {names}")
        else:
            self.actual.setText("0")
        self.delete.setEnabled(row is not None)
        self.loading = False
        self.dirty = row is None
        self.validate()

    def data(self) -> svc.PositionInput:
        when = self.drawn_up.date()
        return svc.PositionInput(
            name=self.name.text(), department_id=self.department.currentData() or 0,
            reports_to_id=self.reports_to.currentData(), supervisor=self.supervisor.text(),
            drawn_up=None if when == NO_DATE else when.toPython(), summary=self.summary.toPlainText(),
            duties=svc.clean_duties(self.duties.toPlainText()), planned_headcount=self.planned.value(),
            is_manager=self.is_manager.isChecked())

    def problems(self) -> dict:
        return svc.position_problems(self.data())
