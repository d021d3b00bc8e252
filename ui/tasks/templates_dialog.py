"""Editing the workflow templates: name, suggested title and tags, and the steps (approval steps name a role)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QListWidget, QMessageBox, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout)

from app.errors import ShopTeamError
from app.services import templates as svc
from app.services.templates import APPROVAL_ROLES, WorkflowTemplate, role_label


class TemplatesDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.setObjectName("taskTemplatesDialog")
        self.setWindowTitle(self.tr("Workflow templates"))
        self.resize(820, 480)
        self.ctx = ctx
        self.current: str | None = None
        self.names = QListWidget(objectName="templateList")
        self.names.currentTextChanged.connect(self._show)
        self.name = QLineEdit(objectName="templateName")
        self.title = QLineEdit(objectName="templateTitle")
        self.tags = QLineEdit(objectName="templateTags")
        self.steps = QTableWidget(0, 2, objectName="templateSteps")
        self.steps.setHorizontalHeaderLabels([self.tr("Step"), self.tr("Approved by")])
        self.steps.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.steps.verticalHeader().setVisible(True)
        add = QPushButton(self.tr("Add step"), objectName="templateAddStep")
        add.clicked.connect(lambda: self._add_row("", None))
        remove = QPushButton(self.tr("Remove step"), objectName="templateRemoveStep")
        remove.clicked.connect(lambda: self.steps.removeRow(self.steps.currentRow()) if self.steps.currentRow() >= 0 else None)
        step_buttons = QHBoxLayout()
        step_buttons.addWidget(add)
        step_buttons.addWidget(remove)
        step_buttons.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Card title"), self.title)
        form.addRow(self.tr("Tags"), self.tags)
        form.addRow(QLabel(self.tr("Steps (they become the checklist of a new task)")))
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.steps, 1)
        right.addLayout(step_buttons)
        new = QPushButton(self.tr("New template"), objectName="templateNew")
        new.clicked.connect(self._new)
        delete = QPushButton(self.tr("Delete"), objectName="templateDelete")
        delete.clicked.connect(self._delete)
        save = QPushButton(self.tr("Save"), objectName="templateSave")
        save.setProperty("primary", True)
        save.clicked.connect(self._save)
        left = QVBoxLayout()
        left.addWidget(self.names, 1)
        left.addWidget(new)
        left.addWidget(delete)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 3)
        close = QDialogButtonBox(QDialogButtonBox.Close)
        close.button(QDialogButtonBox.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(save)
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addLayout(bottom)
        self._reload()

    def _reload(self, select: str | None = None) -> None:
        self.templates = {t.name: t for t in svc.list_templates(self.ctx.actor)}
        self.names.blockSignals(True)
        self.names.clear()
        self.names.addItems(list(self.templates))
        self.names.blockSignals(False)
        items = self.names.findItems(select or "", Qt.MatchExactly) if select else []
        self.names.setCurrentRow(self.names.row(items[0]) if items else 0)

    def _add_row(self, text: str, role) -> None:
        r = self.steps.rowCount()
        self.steps.insertRow(r)
        self.steps.setItem(r, 0, QTableWidgetItem(text))
        combo = QComboBox()
        combo.addItem(self.tr("(no approval)"), None)
        for value in APPROVAL_ROLES:
            combo.addItem(role_label(value), value)
        combo.setCurrentIndex(max(combo.findData(role), 0))
        self.steps.setCellWidget(r, 1, combo)

    def _show(self, name: str) -> None:
        t = self.templates.get(name)
        self.current = name if t else None
        t = t or WorkflowTemplate("")
        self.name.setText(t.name)
        self.title.setText(t.title)
        self.tags.setText(", ".join(t.tags))
        self.steps.setRowCount(0)
        for step in t.steps:
            self._add_row(step["text"], step.get("approval_role"))

    def _new(self) -> None:
        self.names.setCurrentRow(-1)  # so choosing the previous template again shows it again
        self._show("")
        self.name.setFocus()

    def value(self) -> WorkflowTemplate:
        steps = []
        for r in range(self.steps.rowCount()):
            item = self.steps.item(r, 0)
            steps.append({"text": item.text() if item else "", "approval_role": self.steps.cellWidget(r, 1).currentData()})
        return WorkflowTemplate(self.name.text(), self.title.text(), self.tags.text(), steps)

    def _save(self) -> None:
        try:
            saved = svc.save_template(self.ctx.actor, self.value(), self.current)
        except ShopTeamError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return
        self.ctx.show_status(self.tr("Template “%1” saved.").replace("%1", saved.name))
        self._reload(saved.name)

    def _delete(self) -> None:
        if not self.current:
            return
        answer = QMessageBox.question(self, self.windowTitle(), self.tr(
            "Delete the template “%1”? Tasks already made from it keep their checklists.").replace("%1", self.current))
        if answer != QMessageBox.Yes:
            return
        try:
            svc.delete_template(self.ctx.actor, self.current)
        except ShopTeamError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return
        self._reload()
