"""The annual 述职报告: the employee writes it for the year period; the raters read it beside the scores."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout

from app.services import appraisal_feedback as fb
from ui.widgets.actions import on_clicked


class AnnualReportDialog(QDialog):
    def __init__(self, ctx, detail: dict, feedback: dict, print_report, parent=None):
        super().__init__(parent)
        self.setObjectName("annualReportDialog")
        self.ctx, self.detail = ctx, detail
        self.setWindowTitle(self.tr("Annual work report — %1 (%2)").replace("%1", detail["name"]).replace("%2", detail["period"]))
        report = feedback.get("annual_report") or {}
        self.base = report.get("version", "")  # a save over a version saved meanwhile on another PC is refused
        may_write = bool(feedback.get("may_write_report"))
        self.text = QPlainTextEdit(objectName="annualReportText")
        self.text.setPlainText(report.get("body", ""))
        self.text.setReadOnly(not may_write)
        self.text.setPlaceholderText(self.tr("The year's work, results, shortcomings and next year's plan")
                                     if may_write else self.tr("No annual report written yet."))
        self.info = QLabel(objectName="annualReportInfo")
        self.info.setWordWrap(True)
        self.info.setText(self.tr("Last saved %1 by %2.").replace("%1", report["updated_at"].strftime("%Y-%m-%d %H:%M"))
                          .replace("%2", report["updated_by"]) if report else "")
        self.error = QLabel(objectName="annualReportError")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save report"), objectName="annualReportSave")
        self.save_button.setVisible(may_write)
        self.print_button = QPushButton(self.tr("Print…"), objectName="annualReportPrint")
        self.print_button.setVisible(bool(report))
        self.text.textChanged.connect(lambda: self.save_button.setEnabled(bool(self.text.toPlainText().strip())))
        self.save_button.setEnabled(bool(self.text.toPlainText().strip()))
        on_clicked(self.save_button, self._save)
        on_clicked(self.print_button, lambda: print_report())
        close = QDialogButtonBox(QDialogButtonBox.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.info)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.resize(760, 560)

    def _save(self) -> None:
        body, actor, key, no = self.text.toPlainText(), self.ctx.actor, self.detail["period"], self.detail["employee_no"]
        by_hr, base = (None if self.detail.get("is_self") else no), self.base
        self.ctx.write(self, lambda: fb.save_annual_report(actor, key, body, employee_no=by_hr, base=base),
                       lambda _r: (self.ctx.show_status(self.tr("Annual report saved.")), self.accept()),
                       failed=self.error.setText)
