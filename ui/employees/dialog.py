"""Add or edit one employee; validated as the user types, OK disabled until the record is valid."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QVBoxLayout)

from app.errors import ShopTeamError
from app.i18n import _ as app_tr
from app.services import employees as svc
from app.services.employees import STATUS_LABELS, EmployeeInput, EmployeeRow
from ui.widgets.date_entry import DateEntry


def _qdate(value: date | None) -> QDate:
    value = value or date.today()
    return QDate(value.year, value.month, value.day)


class EmployeeDialog(QDialog):
    def __init__(self, ctx, people: list[EmployeeRow], existing: EmployeeRow | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("employeeDialog")
        self.ctx, self.existing, self.result_row = ctx, existing, None
        self.setWindowTitle(self.tr("Edit employee") if existing else self.tr("New employee"))
        self.org = svc.org_choices(ctx.actor)
        self.no = QLineEdit(objectName="fieldEmployeeNo")
        self.name = QLineEdit(objectName="fieldName")
        self.department = QComboBox(objectName="fieldDepartment", editable=True)
        self.department.addItem("")
        self.department.addItems(list(self.org))
        self.position = QComboBox(objectName="fieldPosition", editable=True)
        self.manager = QComboBox(objectName="fieldManager")
        self.manager.addItem(self.tr("(none)"), "")
        for p in people:
            if not existing or p.employee_no != existing.employee_no:
                self.manager.addItem(f"{p.name}（{p.employee_no}）", p.employee_no)
        self.hire = DateEntry(QDate(2000, 1, 1), "fieldHireDate")
        self.has_leave = QCheckBox(self.tr("Has left on"), objectName="fieldHasLeft")
        self.leave = DateEntry(QDate(2000, 1, 1), "fieldLeaveDate")
        self.status = QComboBox(objectName="fieldStatus")
        for code, label in STATUS_LABELS.items():
            self.status.addItem(app_tr(label), code)
        self.phone = QLineEdit(objectName="fieldPhone")
        self.badge = QLineEdit(objectName="fieldBadge")
        self.clock_no = QLineEdit(objectName="fieldClockNo")
        self.clock_no.setPlaceholderText(self.tr("the user no. on the fingerprint clock"))
        self.pin = QLineEdit(objectName="fieldPin")
        self.pin.setEchoMode(QLineEdit.Password)
        self.pin.setPlaceholderText(self.tr("4-8 digits; empty keeps the current PIN") if existing else self.tr("4-8 digits"))
        self.problem = QLabel(objectName="employeeProblem")
        self.problem.setProperty("role", "error")
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Employee no.") + " *", self.no)
        form.addRow(self.tr("Name") + " *", self.name)
        form.addRow(self.tr("Department"), self.department)
        form.addRow(self.tr("Position"), self.position)
        form.addRow(self.tr("Manager"), self.manager)
        form.addRow(self.tr("Hire date"), self.hire)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.has_leave, self.leave)
        form.addRow(self.tr("Phone"), self.phone)
        badge_row = QHBoxLayout()
        badge_row.addWidget(self.badge, 1)
        self.new_badge = QPushButton(self.tr("New code"), objectName="newBadgeButton")
        self.new_badge.setToolTip(self.tr("A random badge code nobody else has (print it as the badge's barcode)"))
        self.new_badge.clicked.connect(self._new_badge)
        badge_row.addWidget(self.new_badge)
        form.addRow(self.tr("Badge code"), badge_row)
        form.addRow(self.tr("Clock no."), self.clock_no)
        form.addRow(self.tr("Kiosk PIN"), self.pin)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)
        self.department.currentTextChanged.connect(self._fill_positions)
        self._load(existing)
        for signal in (self.no.textChanged, self.name.textChanged, self.department.currentTextChanged,
                       self.position.currentTextChanged, self.manager.currentIndexChanged, self.status.currentIndexChanged,
                       self.has_leave.toggled, self.leave.dateChanged, self.hire.dateChanged, self.pin.textChanged,
                       self.clock_no.textChanged):
            signal.connect(self._validate)
        self._validate()

    def _fill_positions(self, department: str) -> None:
        current = self.position.currentText()
        self.position.clear()
        self.position.addItem("")
        self.position.addItems(self.org.get(department, []))
        self.position.setCurrentText(current if current in self.org.get(department, []) else "")

    def _load(self, row: EmployeeRow | None) -> None:
        self.hire.setDate(_qdate(row.hire_date if row else None))
        self.leave.setDate(_qdate(row.leave_date if row else None))
        if row is None:
            self.leave.setEnabled(False)
            return
        self.no.setText(row.employee_no)
        self.name.setText(row.name)
        self.department.setCurrentText(row.department)
        self._fill_positions(row.department)
        self.position.setCurrentText(row.position)
        self.manager.setCurrentIndex(max(0, self.manager.findData(row.manager_no)))
        self.status.setCurrentIndex(max(0, self.status.findData(row.status)))
        self.has_leave.setChecked(row.leave_date is not None)
        self.leave.setEnabled(row.leave_date is not None)
        self.phone.setText(row.phone)
        self.badge.setText(row.badge_code)
        self.clock_no.setText(row.clock_no)

    def data(self) -> EmployeeInput:
        return EmployeeInput(
            employee_no=self.no.text().strip(), name=self.name.text().strip(),
            department=self.department.currentText().strip(), position=self.position.currentText().strip(),
            manager_no=self.manager.currentData() or "", hire_date=self.hire.date().toPython(),
            leave_date=self.leave.date().toPython() if self.has_leave.isChecked() else None,
            status=self.status.currentData(), phone=self.phone.text().strip(), badge_code=self.badge.text().strip(),
            pin=self.pin.text().strip(), clock_no=self.clock_no.text().strip(),
        )

    def _validate(self) -> None:
        self.leave.setEnabled(self.has_leave.isChecked())
        problems = svc.field_problems(self.data())
        self.problem.setText("\n".join(problems.values()))
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(not problems)

    def _on_save(self) -> None:
        """Saved as one operation; the dialog closes when it succeeded and shows the reason when not."""
        actor, data, existing = self.ctx.actor, self.data(), self.existing
        if existing:
            fn = lambda: svc.update_employee(actor, existing.employee_no, data)  # noqa: E731
        else:
            fn = lambda: svc.create_employee(actor, data)  # noqa: E731
        self.buttons.setEnabled(False)
        self.ctx.write(self, fn, self._saved, failed=self._refused)

    def _saved(self, row) -> None:
        self.result_row = row
        self.accept()

    def _refused(self, message: str) -> None:
        self.buttons.setEnabled(True)
        self.problem.setText(message)

    def _new_badge(self) -> None:
        try:
            self.badge.setText(svc.new_badge_code(self.ctx.actor))
        except ShopTeamError as exc:
            self.problem.setText(str(exc))
