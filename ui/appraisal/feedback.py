"""Comment, interview record and appeal for the selected person."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QFormLayout, QHBoxLayout, QInputDialog, QLabel, QMessageBox, QPlainTextEdit,
                               QPushButton, QWidget)

from app.errors import ShopTeamError
from app.i18n import _ as app_tr
from app.services.appraisal_core import APPEAL_STATUS
from app.services import appraisal_feedback as fb


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
        self.save_interview = QPushButton(self.tr("Save interview record"), objectName="appraisalSaveInterview")
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
        form.addRow(self.tr("Interview record"), self.interview)
        form.addRow("", self.save_interview)
        buttons = QHBoxLayout()
        buttons.addWidget(self.appeal_button)
        buttons.addWidget(self.decide_button)
        buttons.addWidget(self.finish_button)
        buttons.addStretch(1)
        form.addRow(self.tr("Appeal"), self.appeal_info)
        form.addRow("", buttons)

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
        self.appeal_info.setText("\n".join(lines))
        own = bool(detail) and d["is_self"]
        self.appeal_button.setVisible(own)
        self.appeal_button.setEnabled(bool(d.get("may_appeal")))  # the service decides (appraisal_sheet.may_appeal)
        open_appeal = next((a for a in appeals if a["status"] == "open"), None)
        self.decide_button.setVisible(self.ctx.can("appraisal.appeal_decide"))
        self.decide_button.setEnabled(open_appeal is not None)
        self.finish_button.setVisible(self.ctx.can("appraisal.appeal_decide") and bool(d.get("rescoring_appeal")))

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
