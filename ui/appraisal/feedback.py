"""Comment, interview record, appeal and annual report of the selected person, and the way to the five-year
history. What the user may do comes from the service (appraisal_feedback.feedback_of's may_* flags)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QFormLayout, QHBoxLayout, QInputDialog, QLabel, QMessageBox, QPlainTextEdit,
                               QPushButton, QWidget)

from app.errors import ShopTeamError
from app.i18n import _ as app_tr
from app.services.appraisal_core import APPEAL_STATUS
from app.services import appraisal_feedback as fb
from app.services import appraisal_feedback_print as fb_print
from ui.widgets.actions import on_clicked
from ui.widgets.file_dialogs import save_file


class FeedbackPanel(QWidget):
    changed = Signal(str)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.detail: dict | None = None
        self.comment = QPlainTextEdit(objectName="appraisalComment")
        self.comment.setPlaceholderText(self.tr("Performance, strengths, what to improve, expectations"))
        self.interview = QPlainTextEdit(objectName="appraisalInterview")
        self.interview.setPlaceholderText(self.tr("What was discussed and agreed in the performance interview"))
        self.save_comment = QPushButton(self.tr("Save comment"), objectName="appraisalSaveComment")
        self.save_interview = QPushButton(self.tr("Save interview summary"), objectName="appraisalSaveInterview")
        self.appeal_info = QLabel(objectName="appraisalAppealInfo")
        self.appeal_info.setWordWrap(True)
        self.appeal_button = QPushButton(self.tr("File an appeal…"), objectName="appraisalAppealButton")
        self.decide_button = QPushButton(self.tr("Decide the appeal…"), objectName="appraisalDecideAppeal")
        self.finish_button = QPushButton(self.tr("Finish rescoring…"), objectName="appraisalFinishRescoring")
        self.finish_button.setToolTip(self.tr("The appeal was upheld and the result reopened: close it once the raters have rescored."))
        self.finish_button.clicked.connect(self._finish)
        self.save_comment.clicked.connect(self._save_comment)
        self.save_interview.clicked.connect(self._save_interview)
        self.appeal_button.clicked.connect(self._appeal)
        self.decide_button.clicked.connect(self._decide)
        form = QFormLayout(self)
        form.addRow(self.tr("Comment"), self.comment)
        form.addRow("", self.save_comment)
        form.addRow(self.tr("Interview summary"), self.interview)  # printed on the sheet; the full record is below
        form.addRow("", self.save_interview)
        self.comment.setMaximumHeight(150)
        self.interview.setMaximumHeight(110)
        buttons = QHBoxLayout()
        buttons.addWidget(self.appeal_button)
        buttons.addWidget(self.decide_button)
        buttons.addWidget(self.finish_button)
        buttons.addStretch(1)
        form.addRow(self.tr("Appeal"), self.appeal_info)
        form.addRow("", buttons)
        self.feedback: dict | None = None
        self.interview_button = QPushButton(self.tr("Interview record (4 stages)…"), objectName="appraisalInterviewButton")
        self.talk_button = QPushButton(self.tr("Talk with the supervising leader…"), objectName="appraisalAppealTalk")
        self.appeal_print = QPushButton(self.tr("Print appeal form…"), objectName="appraisalPrintAppeal")
        self.report_button = QPushButton(self.tr("Annual work report…"), objectName="appraisalAnnualReport")
        self.history_button = QPushButton(self.tr("Five-year history…"), objectName="appraisalHistory")
        for b, slot in ((self.interview_button, self._interview), (self.talk_button, self._talk),
                        (self.appeal_print, self._print_appeal), (self.report_button, self._report),
                        (self.history_button, self._history)):
            on_clicked(b, slot)
            b.setVisible(False)
        records = QHBoxLayout()
        for b in (self.interview_button, self.talk_button, self.appeal_print, self.report_button, self.history_button):
            records.addWidget(b)
        records.addStretch(1)
        form.addRow(self.tr("Records"), records)

    def show_detail(self, detail: dict | None) -> None:
        self.detail = detail
        d = detail or {}
        self.comment.setPlainText(d.get("comment", ""))
        self.interview.setPlainText(d.get("interview", ""))
        is_rater_or_hr = bool(detail) and (self.ctx.can("appraisal.enter_for") or d["is_rater"])
        for w in (self.comment, self.interview, self.save_comment, self.save_interview):
            w.setEnabled(is_rater_or_hr and d.get("state") != "locked")
        deadline = d.get("appeal_deadline")
        appeals = d.get("appeals", [])
        lines = [self.tr("Appeal until %1 (published %2).").replace("%1", deadline.isoformat())
                 .replace("%2", d["published_on"].isoformat())] if deadline else [self.tr("Not published yet.")]
        lines += [f"{a['filed_on']}: {a['reason']} → {app_tr(APPEAL_STATUS.get(a['status'], a['status']))} {a['decision']}"
                  for a in appeals]
        if d.get("rescoring_appeal"):
            lines.append(self.tr("The appeal was upheld: this result is open for rescoring."))
        self._appeal_lines = "\n".join(lines)
        self.appeal_info.setText(self._appeal_lines)
        own = bool(detail) and d["is_self"]
        self.appeal_button.setVisible(own)
        self.appeal_button.setEnabled(bool(d.get("may_appeal")))  # the service decides (appraisal_sheet.may_appeal)
        open_appeal = next((a for a in appeals if a["status"] == "open"), None)
        self.decide_button.setVisible(self.ctx.can("appraisal.appeal_decide"))
        self.decide_button.setEnabled(open_appeal is not None)
        self.finish_button.setVisible(self.ctx.can("appraisal.appeal_decide") and bool(d.get("rescoring_appeal")))
        self.history_button.setVisible(bool(detail) and (self.ctx.can("appraisal.view_all") or d["is_self"]))
        self.feedback = None
        for b in (self.interview_button, self.talk_button, self.appeal_print, self.report_button):
            b.setVisible(False)
        if detail:
            actor, key, no = self.ctx.actor, d["period"], d["employee_no"]
            self.ctx.query(self, lambda: fb.feedback_of(actor, key, no), self.show_feedback)

    def show_feedback(self, feedback: dict) -> None:
        """The records of the shown person (a late answer for another person is dropped)."""
        d = self.detail or {}
        if (feedback["period"], feedback["employee_no"]) != (d.get("period"), d.get("employee_no")):
            return
        self.feedback = feedback
        self.interview_button.setVisible(feedback["may_edit_interview"] or feedback["interview"] is not None)
        if feedback["may_confirm_interview"]:
            self.interview_button.setText(self.tr("Interview record — confirm…"))
        else:
            self.interview_button.setText(self.tr("Interview record (4 stages)…"))
        self.talk_button.setVisible(any(a["may_record_talk"] for a in feedback["appeals"]))
        self.appeal_print.setVisible(bool(feedback["appeals"]))
        self.report_button.setVisible(feedback["may_read_report"])
        talks = [self.tr("Talk with %1 on %2: %3").replace("%1", a["talk"]["leader"] or "—")
                 .replace("%2", a["talk"]["held_on"].isoformat()).replace("%3", a["talk"]["notes"])
                 for a in feedback["appeals"] if a["talk"]]
        self.appeal_info.setText("\n".join([self._appeal_lines, *talks]))

    def _print(self, key: str, default_name: str, write) -> None:
        target = save_file(self, f"appraisal/{key}", self.tr("Write PDF"), default_name, self.tr("PDF (*.pdf)"))
        if target:
            self.ctx.write(self, lambda: write(target),
                           lambda r: self.ctx.show_status(self.tr("PDF written: %1").replace("%1", r["path"])))

    def print_interview(self) -> None:
        d, actor = self.detail, self.ctx.actor
        self._print("interview", f"面谈记录_{d['period']}_{d['employee_no']}.pdf",
                    lambda path: fb_print.print_interview(actor, d["period"], d["employee_no"], path))

    def _interview(self) -> None:
        from ui.appraisal.interview_dialog import InterviewDialog

        InterviewDialog(self.ctx, self.detail, self.feedback or {}, self.print_interview, self).exec()

    def _talk(self) -> None:
        appeal = next(a for a in self.feedback["appeals"] if a["may_record_talk"])
        text, ok = QInputDialog.getMultiLineText(self, self.tr("Talk with the supervising leader"),
                                                 self.tr("What was found and agreed in the talk about the appeal:"))
        if ok:
            actor = self.ctx.actor
            self.ctx.write(self, lambda: fb.record_appeal_talk(actor, appeal["id"], text),
                           lambda _r: self.changed.emit(self.tr("Talk about the appeal recorded.")))

    def _print_appeal(self) -> None:
        appeal, actor, d = self.feedback["appeals"][-1], self.ctx.actor, self.detail
        self._print("appeal", f"考核申诉表_{d['period']}_{d['employee_no']}.pdf",
                    lambda path: fb_print.print_appeal(actor, appeal["id"], path))

    def _report(self) -> None:
        from ui.appraisal.annual_report_dialog import AnnualReportDialog

        d, actor = self.detail, self.ctx.actor
        AnnualReportDialog(self.ctx, d, self.feedback or {}, lambda: self._print(
            "annual_report", f"述职报告_{d['period']}_{d['employee_no']}.pdf",
            lambda path: fb_print.print_annual_report(actor, d["period"], d["employee_no"], path)), self).exec()

    def _history(self) -> None:
        from ui.appraisal.history import HistoryDialog

        HistoryDialog(self.ctx, self.detail["employee_no"], self.detail["name"], self).exec()

    def _run(self, title: str, fn, message: str) -> None:
        try:
            fn()
        except ShopTeamError as exc:
            QMessageBox.warning(self, title, str(exc))
            return
        self.changed.emit(message)

    def _save_comment(self) -> None:
        d = self.detail
        self._run(self.tr("Save comment"), lambda: fb.set_comment(self.ctx.actor, d["period"], d["employee_no"],
                                                                   self.comment.toPlainText()),
                  self.tr("Comment saved."))

    def _save_interview(self) -> None:
        d = self.detail
        self._run(self.tr("Save interview record"),
                  lambda: fb.record_interview(self.ctx.actor, d["period"], d["employee_no"], self.interview.toPlainText()),
                  self.tr("Interview record saved."))

    def _appeal(self) -> None:
        d = self.detail
        text, ok = QInputDialog.getMultiLineText(self, self.tr("File an appeal"), self.tr("Why do you disagree with the result?"))
        if ok:
            self._run(self.tr("File an appeal"), lambda: fb.file_appeal(self.ctx.actor, d["period"], text),
                      self.tr("Appeal filed; HR will investigate and record the decision."))

    def _decide(self) -> None:
        appeal = next(a for a in self.detail["appeals"] if a["status"] == "open")
        text, ok = QInputDialog.getMultiLineText(self, self.tr("Decide the appeal"), self.tr("Decision and reasons:"))
        if not ok:
            return
        upheld = QMessageBox.question(self, self.tr("Decide the appeal"), self.tr("Is the appeal upheld?")) == QMessageBox.Yes
        self._run(self.tr("Decide the appeal"), lambda: fb.decide_appeal(self.ctx.actor, appeal["id"], upheld, text),
                  self.tr("Appeal upheld: the result is open for rescoring.") if upheld else self.tr("Decision recorded."))

    def _finish(self) -> None:
        appeal_id = self.detail["rescoring_appeal"]
        text, ok = QInputDialog.getMultiLineText(self, self.tr("Finish rescoring"), self.tr("Note for the record (optional):"))
        if ok:
            self._run(self.tr("Finish rescoring"), lambda: fb.finish_rescoring(self.ctx.actor, appeal_id, text),
                      self.tr("Rescoring finished; the result is final again."))
