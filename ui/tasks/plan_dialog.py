"""One person's weekly or monthly plan, opened from the plans page: the text, its linked tasks, who read it
and the comments. A reader up the person's reporting line (or HR, an administrator) marks it read and
comments; the service says who may (PlanDetail.may_mark_read / may_comment)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QListWidget,
                               QListWidgetItem, QPlainTextEdit, QPushButton, QVBoxLayout)

from app.services import plans as svc
from ui import theme
from ui.models.table import Column, RowTableModel, sorting_proxy
from ui.widgets.actions import on_clicked
from ui.widgets.table_view import DataTableView


def moment(value) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


class PlanDialog(QDialog):
    def __init__(self, ctx, detail: svc.PlanDetail, parent=None):
        super().__init__(parent)
        self.setObjectName("planDialog")
        self.ctx = ctx
        self.detail = detail
        self.resize(780, 700)
        self.header = QLabel(objectName="planDialogHeader", wordWrap=True)
        self.read_state = QLabel(objectName="planDialogRead", wordWrap=True)
        self.summary_label, self.plan_label = QLabel(), QLabel()
        self.summary = QPlainTextEdit(objectName="planDialogSummary", readOnly=True)
        self.plan = QPlainTextEdit(objectName="planDialogPlan", readOnly=True)
        self.tasks_model = RowTableModel([
            Column("title", self.tr("Task")),
            Column("status_label", self.tr("Status")),
            Column("due_date", self.tr("Due")),
        ], self)
        self.tasks = DataTableView("planDialogTasks")
        self.tasks.setModel(sorting_proxy(self.tasks_model, self))
        self.tasks.setMinimumHeight(150)  # a header and four tasks without scrolling
        for text in (self.summary, self.plan):
            text.setMinimumHeight(90)
        self.no_tasks = QLabel(self.tr("No tasks are linked to this plan."), objectName="planDialogNoTasks")
        self.no_tasks.setProperty("role", "muted")
        self.comments = QListWidget(objectName="planDialogComments", wordWrap=True)
        self.comments.setSelectionMode(QListWidget.NoSelection)
        self.comments.setMinimumHeight(90)
        self.comment_text = QPlainTextEdit(objectName="planDialogCommentText",
                                           placeholderText=self.tr("A comment for %1 …").replace("%1", detail.name))
        self.comment_text.setFixedHeight(64)
        self.comment_text.textChanged.connect(self._comment_typed)
        self.add_comment = on_clicked(QPushButton(theme.icon("mdi6.comment-plus-outline"), self.tr("Add comment"),
                                                  objectName="planDialogComment"), self._add_comment)
        self.mark_read = on_clicked(QPushButton(theme.icon("mdi6.check-all"), self.tr("Mark as read"),
                                                objectName="planDialogMarkRead"), self._mark_read)
        self.mark_read.setProperty("primary", True)
        self.problem = QLabel(objectName="planDialogProblem", wordWrap=True)
        self.problem.setProperty("role", "error")
        buttons = QDialogButtonBox(QDialogButtonBox.Close, objectName="planDialogButtons")
        buttons.rejected.connect(self.reject)

        texts = QFormLayout()
        texts.addRow(self.summary_label, self.summary)
        texts.addRow(self.plan_label, self.plan)
        texts.addRow(self.tr("Linked tasks"), self.tasks)
        texts.addRow("", self.no_tasks)
        texts.addRow(self.tr("Comments"), self.comments)
        commenting = QHBoxLayout()
        commenting.addWidget(self.comment_text, 1)
        commenting.addWidget(self.add_comment, 0, Qt.AlignBottom)
        bottom = QHBoxLayout()
        bottom.addWidget(self.mark_read)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.read_state)
        layout.addLayout(texts, 1)
        layout.addLayout(commenting)
        layout.addWidget(self.problem)
        layout.addLayout(bottom)
        self.show_detail(detail)

    def show_detail(self, detail: svc.PlanDetail) -> None:
        self.detail = detail
        weekly = detail.kind == "weekly"
        self.setWindowTitle((self.tr("Weekly plan of %1") if weekly else self.tr("Monthly plan of %1"))
                            .replace("%1", f"{detail.name} ({detail.employee_no})"))
        self.summary_label.setText(self.tr("Last week's summary") if weekly else self.tr("This month's summary"))
        self.plan_label.setText(self.tr("This week's plan") if weekly else self.tr("Next month's plan"))
        submitted = moment(detail.submitted_at) + (" " + self.tr("(late)") if detail.late else "")
        self.header.setText(self.tr("Period from %1, due %2; submitted %3").replace("%1", detail.period_start.isoformat())
                            .replace("%2", detail.due_date.isoformat()).replace("%3", submitted))
        self.read_state.setText(read_text(detail.read_at, detail.read_by_name))
        self.summary.setPlainText(detail.summary)
        self.plan.setPlainText(detail.plan)
        self.tasks_model.set_rows(detail.tasks)
        self.tasks.setVisible(bool(detail.tasks))
        self.no_tasks.setVisible(not detail.tasks)
        fill_comments(self.comments, detail.comments)
        for w in (self.comment_text, self.add_comment, self.mark_read):
            w.setVisible(detail.may_comment)
        self.mark_read.setEnabled(detail.may_mark_read)
        self._comment_typed()

    def _comment_typed(self) -> None:
        self.add_comment.setEnabled(bool(self.comment_text.toPlainText().strip()))

    def _mark_read(self) -> None:
        actor, plan_id, seen = self.ctx.actor, self.detail.id, self.detail.submitted_at
        self.ctx.write(self, lambda: svc.mark_plan_read(actor, plan_id, seen), self._done, failed=self.problem.setText)

    def _add_comment(self) -> None:
        actor, plan_id, seen, body = self.ctx.actor, self.detail.id, self.detail.submitted_at, self.comment_text.toPlainText()
        self.ctx.write(self, lambda: svc.comment_on_plan(actor, plan_id, body, seen), self._commented,
                       failed=self.problem.setText)

    def _commented(self, detail) -> None:
        self.comment_text.clear()
        self._done(detail)

    def _done(self, detail) -> None:
        self.problem.clear()
        self.show_detail(detail)


def read_text(read_at, read_by_name: str) -> str:
    """"Read by … at …" or "Not read yet.": the dialog and the author's own plan say it the same way."""
    if read_at is None:
        return QCoreApplication.translate("PlanDialog", "Not read yet.")
    return (QCoreApplication.translate("PlanDialog", "Read by %1 at %2.")
            .replace("%1", read_by_name).replace("%2", moment(read_at)))


def fill_comments(box: QListWidget, comments) -> None:
    """Each comment as "name · time" over its text; a muted line when there is none."""
    box.clear()
    for c in comments:
        item = QListWidgetItem(f"{c.author_name} · {moment(c.at)}\n{c.body}")
        item.setFlags(Qt.ItemIsEnabled)
        box.addItem(item)
    if not comments:
        item = QListWidgetItem(QCoreApplication.translate("PlanDialog", "No comments yet."))
        item.setFlags(Qt.NoItemFlags)
        item.setForeground(QColor(theme.text_muted))
        box.addItem(item)
