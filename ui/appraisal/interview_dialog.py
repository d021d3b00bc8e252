"""The performance interview record (绩效面谈记录): the four stages of the talk, the improvement plan and
the employee's confirmation. Who may write, confirm or print comes from the service's may_* flags."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView,
                               QLabel, QPlainTextEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout)

from app.i18n import _ as app_tr
from app.services import appraisal_feedback as fb
from ui.widgets.actions import on_clicked
from ui.widgets.date_entry import DateEntry

PLAN_ROWS = 5


class InterviewDialog(QDialog):
    def __init__(self, ctx, detail: dict, feedback: dict, print_record, parent=None):
        super().__init__(parent)
        self.setObjectName("interviewDialog")
        self.ctx, self.detail, self.print_record = ctx, detail, print_record
        self.setWindowTitle(self.tr("Performance interview record — %1 (%2)").replace("%1", detail["name"])
                            .replace("%2", detail["period"]))
        record = feedback.get("interview") or {}
        self.base = record.get("version", "")  # the version this dialog shows: a save over a newer one is refused
        may_edit = bool(feedback.get("may_edit_interview"))
        self.held_on = DateEntry(QDate(record.get("held_on") or feedback.get("today") or date.today()), "interviewHeldOn")
        self.held_on.setEnabled(may_edit)
        self.stages: dict[str, QPlainTextEdit] = {}
        form = QFormLayout()
        form.addRow(self.tr("Interview date"), self.held_on)
        for key in fb.STAGES:
            edit = QPlainTextEdit(objectName=f"interviewStage_{key}")
            edit.setPlainText((record.get("stages") or {}).get(key, ""))
            edit.setReadOnly(not may_edit)
            edit.setFixedHeight(64)
            edit.textChanged.connect(self._check)
            self.stages[key] = edit
            form.addRow(app_tr(fb.STAGE_NAMES[key]), edit)
        self.plan = QTableWidget(PLAN_ROWS, 3, objectName="interviewPlan")
        self.plan.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Owner (employee no.)"),
                                             self.tr("Follow-up (YYYY-MM-DD)")])
        self.plan.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.plan.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeToContents)
        self.plan.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeToContents)
        self.plan.verticalHeader().setDefaultSectionSize(26)
        self.plan.setFixedHeight(26 * PLAN_ROWS + 38)  # header and frame: no scroll bar for the five lines
        if not may_edit:
            self.plan.setEditTriggers(QAbstractItemView.NoEditTriggers)
        for r, line in enumerate((record.get("plan") or [])[:PLAN_ROWS]):
            for c, value in enumerate((line["action"], line["owner"], line["follow_up"].isoformat())):
                self.plan.setItem(r, c, QTableWidgetItem(value))
        form.addRow(self.tr("Improvement plan"), self.plan)
        confirmed = record.get("confirmed_on")
        self.confirmation = QLabel(objectName="interviewConfirmation")
        self.confirmation.setWordWrap(True)
        if confirmed:
            text = self.tr("Confirmed by the employee on %1.").replace("%1", confirmed.isoformat())
            if record.get("employee_remark"):
                text += " " + self.tr("Remark: %1").replace("%1", record["employee_remark"])
        else:
            text = self.tr("Not confirmed by the employee yet.") if record else self.tr("No interview recorded yet.")
        self.confirmation.setText(text)
        form.addRow(self.tr("Employee's confirmation"), self.confirmation)
        self.remark = QPlainTextEdit(objectName="interviewRemark")
        self.remark.setPlaceholderText(self.tr("Your remark on the record (optional)"))
        self.remark.setFixedHeight(48)
        if feedback.get("may_confirm_interview"):
            form.addRow(self.tr("Your remark"), self.remark)
        else:
            self.remark.hide()
        self.error = QLabel(objectName="interviewError")
        self.error.setWordWrap(True)
        self.error.setProperty("role", "error")  # the theme colours it
        self.save_button = QPushButton(self.tr("Save record"), objectName="interviewSave")
        self.save_button.setVisible(may_edit)
        self.confirm_button = QPushButton(self.tr("Confirm my record"), objectName="interviewConfirm")
        self.confirm_button.setVisible(bool(feedback.get("may_confirm_interview")))
        self.print_button = QPushButton(self.tr("Print…"), objectName="interviewPrint")
        self.print_button.setVisible(bool(feedback.get("may_print_interview")))
        on_clicked(self.save_button, self._save)
        on_clicked(self.confirm_button, self._confirm)
        on_clicked(self.print_button, lambda: self.print_record())
        close = QDialogButtonBox(QDialogButtonBox.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        for b in (self.save_button, self.confirm_button, self.print_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.resize(860, 660)
        self._check()

    def _check(self) -> None:
        missing = [app_tr(fb.STAGE_NAMES[k]) for k, e in self.stages.items() if not e.toPlainText().strip()]
        self.save_button.setEnabled(not missing)
        self.save_button.setToolTip(self.tr("Write every stage of the talk first: %1").replace("%1", "、".join(missing))
                                    if missing else "")

    def plan_lines(self) -> list[dict]:
        lines = []
        for r in range(self.plan.rowCount()):
            cells = [(self.plan.item(r, c).text().strip() if self.plan.item(r, c) else "") for c in range(3)]
            if any(cells):
                lines.append({"action": cells[0], "owner": cells[1], "follow_up": cells[2]})
        return lines

    def _failed(self, message: str) -> None:
        self.error.setText(message)

    def _save(self) -> None:
        stages = {k: e.toPlainText() for k, e in self.stages.items()}
        plan, held = self.plan_lines(), self.held_on.date().toPython()
        actor, key, no, base = self.ctx.actor, self.detail["period"], self.detail["employee_no"], self.base
        self.ctx.write(self, lambda: fb.save_interview(actor, key, no, stages, plan, held_on=held, base=base),
                       lambda _r: self._done(self.tr("Interview record saved.")), failed=self._failed)

    def _confirm(self) -> None:
        remark, actor, key = self.remark.toPlainText(), self.ctx.actor, self.detail["period"]
        self.ctx.write(self, lambda: fb.confirm_interview(actor, key, remark),
                       lambda _r: self._done(self.tr("You confirmed the interview record.")), failed=self._failed)

    def _done(self, message: str) -> None:
        self.ctx.show_status(message)
        self.accept()
