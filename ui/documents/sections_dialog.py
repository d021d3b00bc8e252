"""Editing the handbook's section texts (the generated parts follow the data and settings)."""

from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QMessageBox, QPlainTextEdit, QPushButton,
                               QVBoxLayout, QWidget)
from PySide6.QtCore import Qt

from app.services import documents as svc

MAX_TITLE = svc.MAX_TITLE


class HandbookSectionsDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("handbookSectionsDialog")
        self.setWindowTitle(self.tr("Handbook texts"))
        self.resize(900, 560)
        self.sections: list[dict] = []
        self.current: str | None = None
        self.list = QListWidget(objectName="handbookSectionList")
        self.list.setMaximumWidth(220)
        self.title = QLineEdit(objectName="sectionTitle")
        self.title.setMaxLength(MAX_TITLE + 10)
        self.body = QPlainTextEdit(objectName="sectionBody")
        self.hint = QLabel(self.tr("Blank lines separate paragraphs. {company}, {department}, {version} and "
                                   "{effective_date} are filled in when printed. Tables, the org chart, job cards "
                                   "and rule numbers follow the data and settings."), objectName="sectionHint")
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "muted")
        self.error = QLabel(objectName="sectionError")
        self.error.setProperty("role", "error")
        self.state = QLabel(objectName="sectionState")
        self.state.setProperty("role", "muted")
        self.save_button = QPushButton(self.tr("Save"), objectName="sectionSave")
        self.save_button.setProperty("primary", True)
        self.reset_button = QPushButton(self.tr("Restore shipped text"), objectName="sectionReset")
        close = QDialogButtonBox(QDialogButtonBox.Close)
        close.button(QDialogButtonBox.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        editor = QWidget()
        form = QFormLayout(editor)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.error)
        form.addRow(self.tr("Text"), self.body)
        form.addRow(self.hint)
        buttons = QHBoxLayout()
        buttons.addWidget(self.state, 1)
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)
        top = QHBoxLayout()
        top.addWidget(self.list)
        top.addWidget(editor, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addWidget(close)
        self.list.currentRowChanged.connect(self._on_select)
        self.title.textChanged.connect(self._validate)
        self.body.textChanged.connect(self._validate)
        self.save_button.clicked.connect(self.save)
        self.reset_button.clicked.connect(self.reset)
        self.reload()

    def reload(self, select: str | None = None) -> None:
        self.sections = svc.handbook_sections(self.ctx.actor)
        self.list.blockSignals(True)
        self.list.clear()
        for n, s in enumerate(self.sections, 1):
            item = QListWidgetItem(self.tr("%1. %2").replace("%1", str(n)).replace("%2", s["title"])
                                   + (" ✎" if s["edited"] else ""))
            item.setData(Qt.UserRole, s["key"])
            self.list.addItem(item)
        self.list.blockSignals(False)
        keys = [s["key"] for s in self.sections]
        self.list.setCurrentRow(keys.index(select) if select in keys else 0)

    def _section(self, key: str | None) -> dict | None:
        return next((s for s in self.sections if s["key"] == key), None)

    def _on_select(self, row: int) -> None:
        if row < 0:
            return
        s = self.sections[row]
        self.current = s["key"]
        self.title.setText(s["title"])
        self.body.setPlainText(s["body"])
        self.state.setText(self.tr("Edited by %1").replace("%1", s["updated_by"]) if s["edited"]
                           else self.tr("Shipped text"))
        self.reset_button.setEnabled(s["edited"])
        self._validate()

    def _validate(self) -> bool:
        title = self.title.text().strip()
        if not title:
            problem = self.tr("The title is empty.")
        elif len(title) > MAX_TITLE:
            problem = self.tr("The title is longer than %1 characters.").replace("%1", str(MAX_TITLE))
        elif len(self.body.toPlainText().strip()) > svc.MAX_BODY:
            problem = self.tr("The text is longer than %1 characters.").replace("%1", str(svc.MAX_BODY))
        else:
            problem = ""
        self.error.setText(problem)
        s = self._section(self.current)
        changed = s is not None and (title != s["title"] or self.body.toPlainText().strip() != s["body"].strip())
        self.save_button.setEnabled(not problem and changed)
        return not problem

    def save(self) -> None:
        if self.current is None or not self._validate():
            return
        actor, key, title, body = self.ctx.actor, self.current, self.title.text(), self.body.toPlainText()

        def saved(_result) -> None:
            self.ctx.show_status(self.tr("Handbook text saved; the next printed handbook uses it."))
            self.reload(key)

        self.ctx.write(self, lambda: svc.save_handbook_section(actor, key, title, body), saved,
                       failed=lambda message: QMessageBox.warning(self, self.windowTitle(), message))

    def reset(self) -> None:
        s = self._section(self.current)
        if s is None:
            return
        answer = QMessageBox.question(self, self.windowTitle(),
                                      self.tr("Replace the text of “%1” with the shipped text? Your edited text "
                                              "stays in the audit trail.").replace("%1", s["title"]))
        if answer != QMessageBox.Yes:
            return
        actor, key = self.ctx.actor, s["key"]
        self.ctx.write(self, lambda: svc.reset_handbook_section(actor, key), lambda _r: self.reload(key),
                       failed=lambda message: QMessageBox.warning(self, self.windowTitle(), message))
