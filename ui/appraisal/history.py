"""The five-year view of one person (考核结果的运用): each year's result with its months, every flag the
results raised and the decision taken on it. HR and the general manager record decisions here."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
                               QPlainTextEdit, QPushButton, QSpinBox, QSplitter, QVBoxLayout)

from app.i18n import _ as app_tr
from app.services import appraisal_history as history
from ui.models.table import Column, RowTableModel, sorting_proxy
from ui.widgets.actions import on_clicked
from ui.widgets.table_view import DataTableView


class DecisionDialog(QDialog):
    """What was decided on one flag: carried out, not carried out or deferred, and a note."""

    def __init__(self, flag: dict, parent=None):
        super().__init__(parent)
        self.setObjectName("decisionDialog")
        self.setWindowTitle(self.tr("Record the decision"))
        self.outcome = QComboBox(objectName="decisionOutcome")
        for key, name in history.OUTCOMES.items():
            self.outcome.addItem(app_tr(name), key)
        self.note = QPlainTextEdit(objectName="decisionNote")
        self.note.setPlaceholderText(self.tr("What was decided, from when (required unless carried out)"))
        self.note.setFixedHeight(90)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Flag"), QLabel(f"{flag['period']} · {flag['name']}"))
        form.addRow(self.tr("Decision"), self.outcome)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.buttons)
        self.outcome.currentIndexChanged.connect(self._check)
        self.note.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:  # the service's rule, mirrored so OK waits for a valid form
        ok = self.outcome.currentData() == "carried_out" or bool(self.note.toPlainText().strip())
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(ok)


class HistoryDialog(QDialog):
    def __init__(self, ctx, employee_no: str, name: str, parent=None, until: int | None = None):
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.ctx, self.employee_no, self.until = ctx, employee_no, until
        self.until_box = QSpinBox(objectName="historyUntil")
        self.until_box.setRange(1990, 2200)
        self.until_box.setPrefix(self.tr("Five years up to "))
        self.until_box.setKeyboardTracking(False)
        self.view: dict | None = None
        self.setWindowTitle(self.tr("Five-year history — %1 (%2)").replace("%1", name).replace("%2", employee_no))
        self.summary = QLabel(objectName="historySummary")
        self.years = RowTableModel([
            Column("year", self.tr("Year")),
            Column("score", self.tr("Year score"), align_right=True),
            Column("grade", self.tr("Grade"), value=lambda r: f"{r['grade']} {r['grade_name']}".strip()),
            Column("months", self.tr("Monthly results"),
                   value=lambda r: "  ".join(f"{m['period'][5:]}: {m['score']:g} {m['label_name']}" for m in r["months"])),
        ])
        self.years_view = DataTableView("historyYears")
        self.years_view.setModel(sorting_proxy(self.years, self))
        self.flags = RowTableModel([
            Column("period", self.tr("Period")),
            Column("name", self.tr("Flag")),
            Column("use", self.tr("Use")),
            Column("decision", self.tr("Decision"), value=lambda r: r["decision"]["outcome_name"] if r["decision"] else self.tr("not decided")),
            Column("by", self.tr("Decided by"), value=lambda r: r["decision"]["by_name"] if r["decision"] else ""),
            Column("on", self.tr("On"), value=lambda r: r["decision"]["decided_on"] if r["decision"] else None),
            Column("note", self.tr("Note"), value=lambda r: r["decision"]["note"] if r["decision"] else "",
                   tooltip=lambda r: "\n".join(f"{d['decided_on']} {d['by_name']}: {d['outcome_name']} {d['note']}"
                                               for d in r["history"])),
        ])
        self.flags_view = DataTableView("historyFlags")
        self.flags_view.setModel(sorting_proxy(self.flags, self))
        self.flags_view.horizontalHeader().setStretchLastSection(True)
        self.years_view.horizontalHeader().setStretchLastSection(True)
        self.decide_button = QPushButton(self.tr("Record decision…"), objectName="historyDecide")
        self.decide_button.setVisible(False)
        self.decide_button.setEnabled(False)
        on_clicked(self.decide_button, self._decide)
        self.flags_view.selectionModel().selectionChanged.connect(self._selected)
        split = QSplitter(Qt.Vertical)
        split.addWidget(self.years_view)
        split.addWidget(self.flags_view)
        close = QDialogButtonBox(QDialogButtonBox.Close)
        close.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.decide_button)
        bottom.addStretch(1)
        bottom.addWidget(close)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.until_box)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel(self.tr("Results")))
        layout.addWidget(split, 1)
        layout.addLayout(bottom)
        self.until_box.valueChanged.connect(self._until_changed)
        self.resize(1000, 600)
        self.reload()

    def reload(self) -> None:
        actor, no, until = self.ctx.actor, self.employee_no, self.until
        self.ctx.query(self, lambda: history.person_history(actor, no, until=until), self._show)

    def _until_changed(self, year: int) -> None:
        if year != self.until:
            self.until = year
            self.reload()

    def _show(self, view: dict) -> None:
        self.view = view
        self.until = view["until"]
        self.until_box.blockSignals(True)
        self.until_box.setValue(view["until"])
        self.until_box.blockSignals(False)
        self.summary.setText(self.tr("Hired %1 · %2–%3 · flags are raised by the results; people decide.")
                             .replace("%1", str(view["hire_date"] or "—")).replace("%2", str(view["from"]))
                             .replace("%3", str(view["until"])))
        self.years.set_rows(view["years"])
        self.flags.set_rows([f for y in view["years"] for f in y["flags"]])
        self.years_view.resizeColumnsToContents()
        self.flags_view.resizeColumnsToContents()
        self.decide_button.setVisible(bool(view["may_decide"]))
        self._selected()

    def current_flag(self) -> dict | None:
        rows = self.flags_view.selectionModel().selectedRows()
        if not rows:
            return None
        return self.flags.row_at(self.flags_view.model().mapToSource(rows[0]).row())

    def _selected(self, *_args) -> None:
        self.decide_button.setEnabled(self.current_flag() is not None)

    def ask_decision(self, flag: dict):
        dialog = DecisionDialog(flag, self)
        if dialog.exec() != QDialog.Accepted:
            return None
        return dialog.outcome.currentData(), dialog.note.toPlainText()

    def _decide(self) -> None:
        flag = self.current_flag()
        answer = self.ask_decision(flag) if flag else None
        if answer is None:
            return
        outcome, note = answer
        actor, no = self.ctx.actor, self.employee_no
        self.ctx.write(self, lambda: history.record_decision(actor, no, flag["period"], flag["flag"], outcome, note),
                       lambda _r: (self.ctx.show_status(self.tr("Decision recorded.")), self.reload()))
