"""Policy settings as a page a manager reads: groups in the domain's words, each value with its label, unit
and one-line explanation, choices by their names, validation next to the field, a search box, and
"Restore defaults" per group. Labels and explanations come from data/policy/*.json (the CLI's
`policy list` and the handbook use the same ones)."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QGridLayout, QGroupBox, QHBoxLayout,
                               QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QScrollArea, QSplitter,
                               QVBoxLayout, QWidget)

from app.errors import ShopTeamError
from app.i18n import _ as app_tr
from app.rules.search import matches, search_key
from app.rules.settings import parse_value
from app.services import policy


class ChoiceBoxes(QWidget):
    """A list out of fixed choices (leave types, weekdays) as check boxes with their names."""

    def __init__(self, choices: list[tuple[object, str]], selected, parent=None):
        super().__init__(parent)
        grid = QGridLayout(self)  # several short rows: long names never widen the page
        grid.setContentsMargins(0, 0, 0, 0)
        columns = 4 if len(choices) > 4 else len(choices)
        self.boxes = []
        for i, (value, text) in enumerate(choices):
            box = QCheckBox(text)
            box.setProperty("choice", value)
            box.setChecked(value in selected)
            grid.addWidget(box, i // columns, i % columns)
            self.boxes.append(box)
        grid.setColumnStretch(columns, 1)

    def value(self) -> list:
        return [b.property("choice") for b in self.boxes if b.isChecked()]

    def set_value(self, selected) -> None:
        for b in self.boxes:
            b.setChecked(b.property("choice") in selected)


class SettingRow(QWidget):
    """Label, editor, unit and the reason a value is refused on one line; the explanation below."""

    def __init__(self, row: dict, editable: bool, on_change, parent=None):
        super().__init__(parent)
        self.row = row
        self.key = row["key"]
        self.setObjectName(f"settingRow_{self.key}")
        self.label = QLabel(app_tr(row["label"]) if row["label"] else self.key, objectName=f"settingLabel_{self.key}")
        self.label.setWordWrap(True)
        font = self.label.font()
        font.setWeight(font.Weight.DemiBold)
        self.label.setFont(font)
        self.editor = self._editor(row)
        self.editor.setObjectName(f"setting_{self.key}")
        self.editor.setEnabled(editable)
        self.unit = QLabel(app_tr(row["unit"]) if row["unit"] else "")
        self.unit.setProperty("role", "muted")
        self.error = QLabel(objectName=f"settingError_{self.key}")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.help = QLabel(app_tr(row["help"]) if row["help"] else "", objectName=f"settingHelp_{self.key}")
        self.help.setProperty("role", "muted")
        self.help.setWordWrap(True)
        self.help.setVisible(bool(row["help"]))
        self.setToolTip(f"{self.key}\n{self.tr('Allowed')}: {row['allowed']}\n"
                        f"{self.tr('Default')}: {self.text_of(row['default'])}")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 4, 0, 4)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.label, 0, 0)
        field = QHBoxLayout()
        field.addWidget(self.editor, 1)
        field.addWidget(self.unit)
        grid.addLayout(field, 0, 1)
        grid.addWidget(self.error, 1, 1)
        grid.addWidget(self.help, 2, 0, 1, 2)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        self._connect(on_change)
        self.haystack = search_key(self.label.text(), self.help.text(), row["label"], row["help"], self.key,
                                   self.unit.text())

    def _choices(self, row) -> list[tuple[object, str]]:
        return [(c, app_tr(row["choice_labels"].get(str(c), str(c)))) for c in row["choices"]]

    def _editor(self, row: dict) -> QWidget:
        kind = row["type"]
        if kind == "bool":
            editor = QCheckBox(self.tr("On"))
        elif kind == "choice":
            editor = QComboBox()
            for value, text in self._choices(row):
                editor.addItem(text, value)
        elif kind == "str_list" and row["choices"]:
            editor = ChoiceBoxes(self._choices(row), row["value"])
        elif kind == "weekday_list":
            locale = QLocale()
            editor = ChoiceBoxes([(d, locale.dayName(d, QLocale.ShortFormat)) for d in range(1, 8)], row["value"])
        else:
            editor = QLineEdit()
            editor.setPlaceholderText(row["allowed"])
        self._set(editor, row["value"])
        return editor

    def _connect(self, on_change) -> None:
        editor = self.editor
        if isinstance(editor, QCheckBox):
            editor.toggled.connect(lambda _v: on_change(self))
        elif isinstance(editor, QComboBox):
            editor.currentIndexChanged.connect(lambda _i: on_change(self))
        elif isinstance(editor, ChoiceBoxes):
            for box in editor.boxes:
                box.toggled.connect(lambda _v: on_change(self))
        else:
            editor.textChanged.connect(lambda _t: on_change(self))

    @staticmethod
    def text_of(value) -> str:
        return policy.display_value(value)

    def _set(self, editor, value) -> None:
        if isinstance(editor, QCheckBox):
            editor.setChecked(bool(value))
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, ChoiceBoxes):
            editor.set_value(value or [])
        else:
            editor.setText(self.text_of(value))

    def set_value(self, value) -> None:
        self._set(self.editor, value)

    def value(self):
        editor = self.editor
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, QComboBox):
            return editor.currentData()
        if isinstance(editor, ChoiceBoxes):
            return editor.value()
        return editor.text()

    def problem(self) -> str:
        try:
            parse_value(policy.spec(self.key), self.value())
        except ShopTeamError as exc:
            return str(exc).replace(self.key, self.label.text())
        return ""

    def changed(self) -> bool:
        try:
            return parse_value(policy.spec(self.key), self.value()) != self.row["value"]
        except ShopTeamError:
            return True


class SettingsDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Policy settings"))
        self.ctx = ctx
        self.editable = ctx.can("policy.edit")
        self.rows = policy.list_settings(ctx.actor)
        self.setting_rows: dict[str, SettingRow] = {}
        self.groups: dict[str, QGroupBox] = {}
        self.search = QLineEdit(objectName="settingsSearch", placeholderText=self.tr("Search the settings…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.nav = QListWidget(objectName="settingsGroupList")
        self.nav.currentItemChanged.connect(self._jump)
        page = QWidget(objectName="settingsPage")
        body = QVBoxLayout(page)
        for row in self.rows:
            group = self.groups.get(row["group"]) or self._group(row, body)
            setting = SettingRow(row, self.editable, self._validate, group)
            group.layout().addWidget(setting)
            self.setting_rows[row["key"]] = setting
        body.addStretch(1)
        self.no_match = QLabel(objectName="settingsNoMatch")
        self.no_match.setProperty("role", "empty")
        self.no_match.setAlignment(Qt.AlignCenter)
        self.no_match.hide()
        body.insertWidget(0, self.no_match)
        self.scroll = QScrollArea(objectName="settingsScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.scroll.setWidget(page)
        split = QSplitter()
        split.addWidget(self.nav)
        split.addWidget(self.scroll)
        split.setStretchFactor(1, 1)
        split.setSizes([180, 720])
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        self.buttons.button(QDialogButtonBox.Save).setEnabled(self.editable)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        self.message = QLabel(objectName="settingsMessage")
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        if not self.editable:
            note = QLabel(self.tr("You can read the settings; only a manager or administrator can change them."))
            note.setProperty("role", "muted")
            layout.addWidget(note)
        layout.addWidget(self.search)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        screen = self.screen().availableGeometry() if self.screen() else None
        self.resize(min(960, screen.width() - 40) if screen else 960, min(680, screen.height() - 60) if screen else 680)

    @property
    def editors(self) -> dict[str, QWidget]:
        return {key: s.editor for key, s in self.setting_rows.items()}

    def _group(self, row: dict, body: QVBoxLayout) -> QGroupBox:
        name = row["group"]
        title = app_tr(row["group_label"])
        box = QGroupBox(title, objectName=f"settingsGroup_{name}")
        inner = QVBoxLayout(box)
        reset = QPushButton(self.tr("Restore defaults"), objectName=f"settingsReset_{name}")
        reset.setToolTip(self.tr("Put every value of “%1” back to its default; nothing is saved until you press Save.")
                         .replace("%1", title))
        reset.setEnabled(self.editable)
        reset.clicked.connect(lambda _c=False, g=name: self.restore_defaults(g))
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(reset)
        inner.addLayout(top)
        body.addWidget(box)
        self.groups[name] = box
        item = QListWidgetItem(title)
        item.setData(Qt.UserRole, name)
        self.nav.addItem(item)
        return box

    def _jump(self, item, _previous=None) -> None:
        if item is not None:
            self.scroll.ensureWidgetVisible(self.groups[item.data(Qt.UserRole)], 0, 0)
            self.scroll.verticalScrollBar().setValue(self.groups[item.data(Qt.UserRole)].y())

    def restore_defaults(self, group: str) -> None:
        for setting in self.setting_rows.values():
            if setting.row["group"] == group:
                setting.set_value(setting.row["default"])

    def _filter(self, text: str) -> None:
        text = text.strip()
        shown = 0
        for name, box in self.groups.items():
            visible = 0
            for setting in self.setting_rows.values():
                if setting.row["group"] != name:
                    continue
                hit = not text or matches(text, setting.haystack)
                setting.setVisible(hit)
                visible += hit
            box.setVisible(bool(visible))
            shown += visible
            for i in range(self.nav.count()):
                if self.nav.item(i).data(Qt.UserRole) == name:
                    self.nav.item(i).setHidden(not visible)
        self.no_match.setText(self.tr("No setting matches “%1”.").replace("%1", text) if not shown else "")
        self.no_match.setVisible(not shown)

    def _validate(self, setting: SettingRow) -> None:
        problem = setting.problem()
        setting.error.setText(problem)
        setting.error.setVisible(bool(problem))
        bad = [s for s in self.setting_rows.values() if s.error.text()]
        self.message.setText(self.tr("Correct before saving — %1: %2").replace("%1", bad[0].label.text())
                             .replace("%2", bad[0].error.text()) if bad else "")
        self.buttons.button(QDialogButtonBox.Save).setEnabled(self.editable and not bad)

    def changes(self) -> dict:
        return {key: s.value() for key, s in self.setting_rows.items() if s.changed()}

    def _save(self) -> None:
        actor, values = self.ctx.actor, self.changes()
        self.buttons.setEnabled(False)
        from app.services.policy_dry_run import needs_dry_run

        if needs_dry_run(values):  # first show what it would have done to the last closed month
            from app.services.policy_dry_run import dry_run

            self.ctx.query(self, lambda: dry_run(actor, values), lambda r: self._review(r, values),
                           failed=self._save_failed)
            return
        self._write(values)

    def _review(self, result: dict, values: dict) -> None:
        from ui.dry_run_dialog import DryRunDialog

        self.dry_run = DryRunDialog(result, self)
        self.dry_run.accepted.connect(lambda: self._write(values))
        self.dry_run.rejected.connect(lambda: self.buttons.setEnabled(True))
        self.dry_run.open()

    def _write(self, values: dict) -> None:
        actor = self.ctx.actor
        self.ctx.write(self, lambda: policy.set_values(actor, values), self._saved, failed=self._save_failed)

    def _saved(self, _result) -> None:
        self.ctx.show_status(self.tr("Settings saved."))
        self.accept()

    def _save_failed(self, message: str) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(message)
