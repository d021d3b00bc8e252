"""A staff member's own "confirm my month" (月度考勤确认) in the office window: their figures and each
day's verdict, then 确认 or 有异议 with a reason (from the list or typed). Only the person themself
can answer; app.services.month_close checks it."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QInputDialog, QMessageBox, QPushButton, QScrollArea, QVBoxLayout

from app.i18n import _ as app_tr
from app.services import month_close
from ui import theme
from ui.attendance.month_figures import MonthFigures


class ConfirmMonthDialog(QDialog):
    def __init__(self, ctx, data: dict, employee_no: str, parent=None):
        """``data``: what month_close.my_month returned (the caller fetched it as an operation)."""
        super().__init__(parent)
        self.setObjectName("confirmMonthDialog")
        self.ctx, self.employee_no, self.data = ctx, employee_no, data
        self.month = data["month"]
        self.setWindowTitle(self.tr("Confirm my attendance of %1").replace("%1", self.month or ""))
        self.resize(720, 560)
        self.figures = MonthFigures(self)
        self.figures.show_month(data)
        scroll = QScrollArea(objectName="confirmMonthScroll", widgetResizable=True)
        scroll.setWidget(self.figures)
        self.confirm_button = QPushButton(theme.icon("mdi6.check"), self.tr("Confirm"),
                                          objectName="confirmMonthConfirm")
        self.confirm_button.setDefault(True)
        self.confirm_button.clicked.connect(lambda: self.answer(None))
        self.disagree_button = QPushButton(theme.icon("mdi6.comment-alert-outline"), self.tr("Disagree…"),
                                           objectName="confirmMonthDisagree")
        self.disagree_button.clicked.connect(self.disagree)
        later = QPushButton(self.tr("Later"), objectName="confirmMonthLater")
        later.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(later)
        buttons.addWidget(self.disagree_button)
        buttons.addWidget(self.confirm_button)
        box = QVBoxLayout(self)
        box.addWidget(scroll, 1)
        box.addLayout(buttons)

    def disagree(self) -> bool:
        listed = {app_tr(r): r for r in month_close.DISAGREE_REASONS}  # a picked reason goes as its message id
        note, ok = QInputDialog.getItem(self, self.tr("Disagree"), self.tr("What is wrong? Pick one or type it:"),
                                        list(listed), 0, True)
        return self.answer(listed.get(note, note)) if ok else False

    def answer(self, disagree: str | None) -> bool:
        actor, no, month = self.ctx.actor, self.employee_no, self.month

        def done(_result) -> None:
            self.ctx.show_status(self.tr("Your answer for %1 is recorded.").replace("%1", month))
            self.accept()

        self.ctx.write(self, lambda: month_close.confirm_month(actor, no, month, disagree), done,
                       failed=lambda msg: QMessageBox.warning(self, self.windowTitle(), msg))
        return True
