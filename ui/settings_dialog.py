"""Policy settings: every number the rules use, grouped, validated as you type."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QScrollArea, QTabWidget, QVBoxLayout, QWidget)

from app.errors import ShopTeamError
from app.i18n import _ as app_tr
from app.rules.settings import parse_value
from app.services import policy

GROUP_TITLES = {
    "general": "General", "security": "Security", "backup": "Backup", "attendance": "Attendance",
    "leave": "Leave", "appraisal": "Appraisal", "tasks": "Tasks", "documents": "Documents",
}


class SettingsDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Policy settings"))
        self.ctx = ctx
        self.editable = ctx.can("policy.edit")
        self.rows = policy.list_settings(ctx.actor)
        self.editors: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.problems: set[str] = set()
        tabs = QTabWidget(objectName="settingsGroups")
        groups: dict[str, QFormLayout] = {}
        for row in self.rows:
            form = groups.get(row["group"])
            if form is None:
                page = QWidget()
                form = QFormLayout(page)
                form.setLabelAlignment(Qt.AlignRight)
                scroll = QScrollArea()
                scroll.setWidgetResizable(True)
                scroll.setWidget(page)
                title = GROUP_TITLES.get(row["group"], row["group"])
                tabs.addTab(scroll, app_tr(title))
                groups[row["group"]] = form
            form.addRow(app_tr(row["label"]) or row["key"], self._editor(row))
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        self.buttons.button(QDialogButtonBox.Save).setEnabled(self.editable)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        self.message = QLabel(objectName="settingsMessage")
        self.message.setProperty("role", "error")
        layout = QVBoxLayout(self)
        if not self.editable:
            note = QLabel(self.tr("You can read the settings; only a manager or administrator can change them."))
            note.setProperty("role", "muted")
            layout.addWidget(note)
        layout.addWidget(tabs)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(720, 560)

    def _editor(self, row: dict) -> QWidget:
        key = row["key"]
        box = QWidget()
        line = QHBoxLayout(box)
        line.setContentsMargins(0, 0, 0, 0)
        if row["type"] == "bool":
            editor = QCheckBox()
            editor.setChecked(bool(row["value"]))
        elif row["type"] == "choice":
            editor = QComboBox()
            for choice in row["choices"]:
                editor.addItem(app_tr(str(choice)), choice)
            editor.setCurrentIndex(max(0, editor.findData(row["value"])))
        else:
            editor = QLineEdit(policy.display_value(row["value"]))
            editor.setPlaceholderText(row["allowed"])
            editor.textChanged.connect(lambda _t, k=key: self._validate(k))
        editor.setObjectName(f"setting_{key}")
        editor.setEnabled(self.editable)
        editor.setToolTip(f"{key}\n{self.tr('Allowed')}: {row['allowed']}\n{self.tr('Default')}: {policy.display_value(row['default'])}")
        self.editors[key] = editor
        line.addWidget(editor, 1)
        unit = QLabel(app_tr(row["unit"]) if row["unit"] else "")
        unit.setProperty("role", "muted")
        line.addWidget(unit)
        error = QLabel()
        error.setProperty("role", "error")
        self.errors[key] = error
        line.addWidget(error)
        return box

    def _value(self, key: str):
        editor = self.editors[key]
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, QComboBox):
            return editor.currentData()
        return editor.text()

    def _validate(self, key: str) -> None:
        try:
            parse_value(policy.spec(key), self._value(key))
        except ShopTeamError as exc:
            self.errors[key].setText("✗")
            self.errors[key].setToolTip(str(exc))
            self.problems.add(key)
            self.message.setText(str(exc))
        else:
            self.errors[key].setText("")
            self.problems.discard(key)
            if not self.problems:
                self.message.setText("")
        self.buttons.button(QDialogButtonBox.Save).setEnabled(self.editable and not self.problems)

    def changes(self) -> dict:
        result = {}
        for row in self.rows:
            value = self._value(row["key"])
            shown = policy.display_value(row["value"]) if isinstance(value, str) else row["value"]
            if value != shown:
                result[row["key"]] = value
        return result

    def _save(self) -> None:
        actor, values = self.ctx.actor, self.changes()
        self.buttons.setEnabled(False)
        self.ctx.write(self, lambda: policy.set_values(actor, values), self._saved, failed=self._save_failed)

    def _saved(self, _result) -> None:
        self.ctx.show_status(self.tr("Settings saved."))
        self.accept()

    def _save_failed(self, message: str) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(message)
