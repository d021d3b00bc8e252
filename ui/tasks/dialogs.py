"""Dialogs of the board: a task form (new / edit) and sending a card back with a comment."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget)

from app.i18n import _ as app_tr
from app.rules.tasks import PRIORITY_LABELS, normalise_tags, tag_problem, title_problem
from app.services.tasks import TaskInput
from ui.widgets.date_entry import DateEntry


class TaskDialog(QDialog):
    """New task (with an optional workflow template) or edit an existing one."""

    def __init__(self, people, templates, own_employee_id, may_assign: bool, card=None, description: str = "", parent=None):
        super().__init__(parent)
        self.setObjectName("taskDialog")
        self.setWindowTitle(self.tr("Edit task") if card else self.tr("New task"))
        self.setMinimumWidth(460)
        self.title = QLineEdit(objectName="fieldTaskTitle")
        self.assignee = QComboBox(objectName="fieldTaskAssignee")
        for eid, no, name in people:
            if may_assign or eid == own_employee_id:
                self.assignee.addItem(f"{name} ({no})", no)
        self.assignee.setEnabled(may_assign)
        self.has_due = QCheckBox(self.tr("Due date"), objectName="fieldTaskHasDue")
        self.due = DateEntry(QDate.currentDate().addDays(7), "fieldTaskDue")
        self.has_due.setChecked(True)
        self.has_due.toggled.connect(self.due.setEnabled)
        self.priority = QComboBox(objectName="fieldTaskPriority")
        for value, label in PRIORITY_LABELS.items():
            self.priority.addItem(app_tr(label), value)
        self.priority.setCurrentIndex(1)
        self.tags = QLineEdit(objectName="fieldTaskTags", placeholderText=self.tr("e.g. new listing, Double 12"))
        self.template = QComboBox(objectName="fieldTaskTemplate")
        self.template.addItem(self.tr("(none)"), "")
        for t in templates:
            self.template.addItem(t.name, t.name)
        self.template.currentIndexChanged.connect(self._template_chosen)
        self._templates = {t.name: t for t in templates}
        self.description = QPlainTextEdit(objectName="fieldTaskDescription")
        self.description.setFixedHeight(90)
        self.problem = QLabel(objectName="taskDialogProblem")
        self.problem.setProperty("role", "error")
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Assignee"), self.assignee)
        due_row = QWidget()
        line = QHBoxLayout(due_row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.has_due)
        line.addWidget(self.due, 1)
        form.addRow(self.tr("Due"), due_row)
        form.addRow(self.tr("Priority"), self.priority)
        form.addRow(self.tr("Tags"), self.tags)
        if card is None:
            form.addRow(self.tr("Workflow"), self.template)
        form.addRow(self.tr("Description"), self.description)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("Save") if card else self.tr("Create"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        if card is not None:
            self.title.setText(card.title)
            i = self.assignee.findData(card.assignee_no)
            if i >= 0:
                self.assignee.setCurrentIndex(i)
            self.has_due.setChecked(card.due_date is not None)
            if card.due_date:
                self.due.setDate(QDate(card.due_date.year, card.due_date.month, card.due_date.day))
            self.priority.setCurrentIndex(self.priority.findData(card.priority))
            self.tags.setText(", ".join(card.tags))
            self.description.setPlainText(description)
        elif own_employee_id is not None:
            own_no = next((no for eid, no, _n in people if eid == own_employee_id), None)
            i = self.assignee.findData(own_no)
            if i >= 0:
                self.assignee.setCurrentIndex(i)
        self.title.textChanged.connect(self._validate)
        self.tags.textChanged.connect(self._validate)
        self._validate()

    def _template_chosen(self) -> None:
        t = self._templates.get(self.template.currentData() or "")
        if t and not self.title.text().strip():
            self.title.setText(t.title)
        if t and not self.tags.text().strip():
            self.tags.setText(", ".join(t.tags))

    def _validate(self) -> None:
        problem = title_problem(self.title.text()) or tag_problem(normalise_tags(self.tags.text()))
        self.problem.setText(app_tr(problem) if problem and self.title.text() else "")
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(problem is None and self.assignee.count() > 0)

    def value(self) -> TaskInput:
        return TaskInput(title=self.title.text().strip(), assignee_no=self.assignee.currentData() or "",
                         due_date=self.due.date().toPython() if self.has_due.isChecked() else None,
                         priority=self.priority.currentData(), tags=self.tags.text(),
                         description=self.description.toPlainText(), template=self.template.currentData() or "")


class SendBackDialog(QDialog):
    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.setObjectName("sendBackDialog")
        self.setWindowTitle(self.tr("Send back"))
        text = QLabel(self.tr("Send “%1” back to In progress. Say what needs to change; the assignee sees your comment.")
                      .replace("%1", title))
        text.setWordWrap(True)
        self.comment = QPlainTextEdit(objectName="fieldSendBackComment")
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("Send back"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.comment.textChanged.connect(
            lambda: self.buttons.button(QDialogButtonBox.Ok).setEnabled(bool(self.comment.toPlainText().strip())))
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.comment)
        layout.addWidget(self.buttons)


class ArchiveDoneDialog(QDialog):
    """Archive every finished card completed before a day (default: the first of this month)."""

    def __init__(self, today, parent=None):
        super().__init__(parent)
        self.setObjectName("archiveDoneDialog")
        self.setWindowTitle(self.tr("Archive finished cards"))
        text = QLabel(self.tr("Finished cards completed before this day leave the board. They stay in each card's "
                              "history, in the task statistics and in “tasks list --include-archived”."))
        text.setWordWrap(True)
        self.before = DateEntry(QDate(2000, 1, 1), "fieldArchiveBefore")
        self.before.setDate(QDate(today.year, today.month, 1))
        form = QFormLayout()
        form.addRow(self.tr("Completed before"), self.before)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("Archive"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def day(self):
        return self.before.date().toPython()
