"""Raters a manager can change (app/services/appraisal_raters.py) and the anonymous mutual rating 互评
(app/services/appraisal_mutual.py): the dialogs of the appraisal tab's "Raters" menu. Every choice the
dialogs offer comes from the services; the dialogs only collect it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QRadioButton, QSpinBox, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from app.i18n import _ as app_tr
from app.services.appraisal_core import ROLE_NAMES


def _roles(roles: list[str]) -> str:
    return "+".join(app_tr(ROLE_NAMES[r]) for r in roles)


def _table(name: str, headers: list[str], rows: list[list[str]], right: set[int] = frozenset(),
           stretch: int = -1) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers), objectName=name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setAlternatingRowColors(True)
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            if c in right:
                item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
            item.setToolTip(value)
            table.setItem(r, c, item)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
    table.horizontalHeader().setSectionResizeMode(stretch % len(headers), QHeaderView.Stretch)
    return table


class RaterChangeDialog(QDialog):
    """Replace a rater of one person in one period, or add one beside the present rater of a role (they share
    its weight); a note on the change is required (e.g. the new head consulted the former one)."""

    def __init__(self, choices: dict, parent=None):
        super().__init__(parent)
        self.setObjectName("raterChangeDialog")
        self.choices = choices
        self.setWindowTitle(self.tr("Raters of %1 in %2").replace("%1", choices["name"]).replace("%2", choices["period"]))
        rows = []
        for r in choices["raters"]:
            weight = f"{r['weight']:g}%" + (self.tr(" (shared)") if r["group"] else "")
            rows.append([f"{r['name']}（{r['employee_no']}）", _roles(r["roles"]), weight, r["note"]])
        self.current = _table("raterCurrentTable", [self.tr("Rater"), self.tr("Role"), self.tr("Weight"),
                                                    self.tr("Note")], rows, right={2})
        self.current.setMinimumHeight(150)
        self.replace = QRadioButton(self.tr("Replace the rater of the role"), objectName="raterModeReplace")
        self.add = QRadioButton(self.tr("Add a rater beside them (the role's weight is shared)"), objectName="raterModeAdd")
        self.replace.setChecked(True)
        modes = QButtonGroup(self)
        modes.addButton(self.replace)
        modes.addButton(self.add)
        self.add.setEnabled(bool(choices["addable"]))
        self.replace.setEnabled(bool(choices["roles"]))
        if not choices["roles"] and choices["addable"]:
            self.add.setChecked(True)
        self.role = QComboBox(objectName="raterRole")
        self.rater = QComboBox(objectName="raterPerson")
        self.rater.addItem("", None)
        for c in choices["candidates"]:
            self.rater.addItem(f"{c['employee_no']} {c['name']}", c["employee_no"])
        self.note = QLineEdit(objectName="raterNote")
        self.note.setPlaceholderText(self.tr("e.g. the new head rates after consulting the former one"))
        self.problem = QLabel(objectName="raterProblem")
        self.problem.setProperty("role", "error")
        self.problem.setWordWrap(True)
        mode_row = QWidget()
        mode_layout = QVBoxLayout(mode_row)
        mode_layout.setContentsMargins(0, 0, 0, 0)
        mode_layout.addWidget(self.replace)
        mode_layout.addWidget(self.add)
        form = QFormLayout()
        form.addRow(self.tr("Change"), mode_row)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("New rater"), self.rater)
        form.addRow(self.tr("Note"), self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.Ok)
        self.ok.setText(self.tr("Change raters"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.current)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        for signal in (self.replace.toggled, self.role.currentIndexChanged, self.rater.currentIndexChanged,
                       self.note.textChanged):
            signal.connect(self._update)
        self._fill_roles()
        self.replace.toggled.connect(self._fill_roles)
        if not choices["may_change"]:
            for w in (self.replace, self.add, self.role, self.rater, self.note):
                w.setEnabled(False)
        self.resize(640, 460)

    def _fill_roles(self, *_args) -> None:
        roles = self.choices["roles"] if self.replace.isChecked() else self.choices["addable"]
        self.role.blockSignals(True)
        self.role.clear()
        for role in roles:
            self.role.addItem(app_tr(ROLE_NAMES[role]), role)
        self.role.blockSignals(False)
        self._update()

    def mode(self) -> str:
        return "replace" if self.replace.isChecked() else "add"

    def values(self) -> tuple[str, str, str, str]:
        return self.mode(), self.role.currentData(), self.rater.currentData(), self.note.text().strip()

    def _update(self, *_args) -> None:
        problem = ""
        if not self.choices["may_change"]:
            problem = self.choices["why_not"]
        elif self.rater.currentData() is None:
            problem = self.tr("Choose the new rater.")
        elif not self.note.text().strip():
            problem = self.tr("Write a note on the change (for example: the new head consulted the former one).")
        self.problem.setText(problem)
        self.ok.setEnabled(not problem)


class MutualBallotDialog(QDialog):
    """The actor's one anonymous ballot of the mutual rating: a score 0–100 for the colleagues they rate."""

    def __init__(self, ballot: dict, parent=None):
        super().__init__(parent)
        self.setObjectName("mutualBallotDialog")
        self.setWindowTitle(self.tr("Mutual rating %1").replace("%1", ballot["period"]))
        intro = QLabel(self.tr("Rate the colleagues you worked with, 0–100. The rating is anonymous: nobody, the "
                               "person rated included, can see who gave which score. It is a reference for choosing "
                               "advanced workers and is not counted in any appraisal score. You vote once."))
        intro.setWordWrap(True)
        self.why = QLabel(ballot["why_not"], objectName="mutualBallotWhyNot")
        self.why.setProperty("role", "error")
        self.why.setWordWrap(True)
        self.why.setVisible(bool(ballot["why_not"]))
        self.table = QTableWidget(len(ballot["colleagues"]), 2, objectName="mutualBallotTable")
        self.table.setHorizontalHeaderLabels([self.tr("Colleague"), self.tr("Score")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.spins: dict[str, QSpinBox] = {}
        for r, c in enumerate(ballot["colleagues"]):
            self.table.setItem(r, 0, QTableWidgetItem(f"{c['employee_no']} {c['name']}"))
            spin = QSpinBox(objectName=f"mutual_{c['employee_no']}", minimum=-1, maximum=100, value=-1)
            spin.setSpecialValueText(self.tr("not rated"))
            spin.setMinimumWidth(96)
            spin.setEnabled(ballot["may_vote"])
            spin.valueChanged.connect(self._update)
            self.table.setCellWidget(r, 1, spin)
            self.spins[c["employee_no"]] = spin
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeToContents)
        self.count = QLabel(objectName="mutualBallotCount")
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.Ok)
        self.ok.setText(self.tr("Cast ballot"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.may_vote = ballot["may_vote"]
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.why)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self._update()
        self.resize(520, 560)

    def ratings(self) -> dict[str, int]:
        return {no: spin.value() for no, spin in self.spins.items() if spin.value() >= 0}

    def _update(self, *_args) -> None:
        n = len(self.ratings())
        self.count.setText(self.tr("%1 colleagues rated").replace("%1", str(n)))
        self.ok.setEnabled(self.may_vote and n > 0)


class MutualResultsDialog(QDialog):
    """The mutual rating's means per person, best first: a reference for HR and managers, never who rated."""

    def __init__(self, results: dict, parent=None):
        super().__init__(parent)
        self.setObjectName("mutualResultsDialog")
        self.setWindowTitle(self.tr("Mutual rating %1: results").replace("%1", results["period"]))
        intro = QLabel(self.tr("%1 ballots cast. A reference for choosing advanced workers: not counted in any score; who rated "
                               "whom is not recorded.").replace("%1", str(results["ballots"])), objectName="mutualResultsIntro")
        intro.setWordWrap(True)
        rows = [["" if p["rank"] is None else str(p["rank"]), p["employee_no"], p["name"],
                 "" if p["mean"] is None else f"{p['mean']:.2f}", str(p["ratings"])] for p in results["people"]]
        table = _table("mutualResultsTable", [self.tr("Rank"), self.tr("No."), self.tr("Name"), self.tr("Mean"),
                                              self.tr("Ratings")], rows, right={0, 3, 4}, stretch=2)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(table, 1)
        layout.addWidget(buttons)
        self.resize(520, 520)
