"""The side panel of a selected card: details, checklist, comments, file links and history."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QMessageBox,
                               QPlainTextEdit, QPushButton, QTabWidget, QTextBrowser, QVBoxLayout, QWidget)

from app.errors import ShopTeamError
from app.i18n import _ as app_tr
from app.rules.tasks import PRIORITY_LABELS
from app.services import tasks as svc
from app.services.templates import role_label
from ui import theme


class TaskDetailPanel(QWidget):
    changed = Signal(str)  # a status-bar message after a change
    edit_requested = Signal(int)
    send_back_requested = Signal(int)
    complete_requested = Signal(int)
    archive_requested = Signal(int)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.setObjectName("taskDetail")
        self.ctx = ctx
        self.task_id: int | None = None
        self.detail = None
        self.title = QLabel(objectName="taskDetailTitle", wordWrap=True)
        self.title.setProperty("role", "title")
        self.meta = QLabel(objectName="taskDetailMeta", wordWrap=True)
        self.meta.setProperty("role", "muted")
        self.returned_note = QLabel(objectName="taskDetailReturned", wordWrap=True)
        self.returned_note.setProperty("role", "error")
        self.btn_edit = QPushButton(theme.icon("mdi6.pencil-outline"), self.tr("Edit…"), objectName="taskEdit")
        self.btn_done = QPushButton(theme.icon("mdi6.check-decagram-outline"), self.tr("Pass review"), objectName="taskPassReview")
        self.btn_done.setProperty("primary", True)
        self.btn_back = QPushButton(theme.icon("mdi6.undo-variant"), self.tr("Send back…"), objectName="taskSendBack")
        self.btn_edit.clicked.connect(lambda: self.edit_requested.emit(self.task_id))
        self.btn_done.clicked.connect(lambda: self.complete_requested.emit(self.task_id))
        self.btn_back.clicked.connect(lambda: self.send_back_requested.emit(self.task_id))
        self.btn_archive = QPushButton(theme.icon("mdi6.archive-arrow-down-outline"), self.tr("Archive"), objectName="taskArchive")
        self.btn_archive.setToolTip(self.tr("Take the finished card off the board; it stays in the history and the statistics."))
        self.btn_archive.clicked.connect(lambda: self.archive_requested.emit(self.task_id))
        buttons = QHBoxLayout()
        for b in (self.btn_edit, self.btn_done, self.btn_back, self.btn_archive):
            buttons.addWidget(b)
        buttons.addStretch(1)

        self.checklist = QListWidget(objectName="taskChecklist")
        self.checklist.itemChanged.connect(self._step_toggled)
        self.new_step = QLineEdit(objectName="taskNewStep", placeholderText=self.tr("Add a step and press Enter"))
        self.new_step.returnPressed.connect(self._add_step)
        check_page = self._page(self.checklist, self.new_step)
        self.description = QTextBrowser(objectName="taskDescription")
        self.comments = QTextBrowser(objectName="taskComments")
        self.comment_box = QPlainTextEdit(objectName="taskCommentInput", placeholderText=self.tr("Write a comment…"))
        self.comment_box.setFixedHeight(60)
        self.btn_comment = QPushButton(self.tr("Comment"), objectName="taskAddComment")
        self.btn_comment.clicked.connect(self._add_comment)
        comment_page = self._page(self.comments, self.comment_box, self.btn_comment)
        self.links = QListWidget(objectName="taskLinks")
        self.links.itemDoubleClicked.connect(self._open_link)
        self.link_input = QLineEdit(objectName="taskLinkInput", placeholderText=self.tr("File path or web address, then Enter"))
        self.link_input.returnPressed.connect(self._add_link)
        link_page = self._page(self.links, self.link_input)
        self.history = QListWidget(objectName="taskHistory")
        self.tabs = QTabWidget(objectName="taskDetailTabs")
        self.tabs.addTab(check_page, self.tr("Checklist"))
        self.tabs.addTab(self.description, self.tr("Description"))
        self.tabs.addTab(comment_page, self.tr("Comments"))
        self.tabs.addTab(link_page, self.tr("Files"))
        self.tabs.addTab(self.history, self.tr("History"))
        # every tab stays readable: the panel is never squeezed below the width of its tab bar
        # (no scroll arrows hiding Files / History when the splitter is dragged at 1366 px)
        self.tabs.setUsesScrollButtons(False)
        self.tabs.tabBar().setElideMode(Qt.ElideNone)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.meta)
        layout.addWidget(self.returned_note)
        layout.addLayout(buttons)
        layout.addWidget(self.tabs, 1)

    @staticmethod
    def _page(*widgets) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(0, 4, 0, 0)
        for i, w in enumerate(widgets):
            v.addWidget(w, 1 if i == 0 else 0)
        return page

    # -- showing ---------------------------------------------------------------------------
    def show_task(self, task_id: int | None, labels: dict[str, str]) -> None:
        self.task_id = task_id
        if task_id is None:
            self.hide()
            return
        try:
            d = svc.task_detail(self.ctx.actor, task_id)
        except ShopTeamError:
            self.hide()
            return
        self.detail = d
        c = d.card
        self.title.setText(c.title)
        parts = [labels.get(c.status, c.status), c.assignee_name or self.tr("Unassigned"),
                 self.tr("Due %1").replace("%1", c.due_date.isoformat()) if c.due_date else self.tr("No due date"),
                 self.tr("Priority: %1").replace("%1", app_tr(PRIORITY_LABELS.get(c.priority, "")))]
        if c.template:
            parts.append(self.tr("Workflow: %1").replace("%1", c.template))
        if c.overdue:
            parts.append(self.tr("OVERDUE"))
        self.meta.setText("  ·  ".join(parts))
        back = [x for x in d.comments if x["kind"] == "send_back"]
        self.returned_note.setVisible(c.returned and bool(back))
        if c.returned and back:
            self.returned_note.setText(self.tr("Sent back by %1: %2").replace("%1", back[-1]["author_name"]).replace("%2", back[-1]["body"]))
        self.btn_edit.setVisible("edit" in d.actions)
        self.btn_done.setVisible("pass_review" in d.actions)
        self.btn_done.setEnabled(c.approvals_open == 0)
        self.btn_done.setToolTip(self.tr("Check the approval steps first.") if c.approvals_open else "")
        self.btn_back.setVisible("send_back" in d.actions)
        self.btn_archive.setVisible("archive" in d.actions)
        self.new_step.setVisible(d.may_edit and c.status != "done")
        self.link_input.setVisible(d.may_edit)
        self.checklist.blockSignals(True)
        self.checklist.clear()
        for i, step in enumerate(d.checklist):
            text = step["text"]
            if step.get("approval_role"):
                text += "   " + self.tr("[approval: %1]").replace("%1", role_label(step["approval_role"]))
            if step.get("done") and step.get("done_by"):
                text += "   ✓ " + (step.get("done_by_name") or step["done_by"])
            item = QListWidgetItem(text)
            item.setData(Qt.UserRole, i)
            flags = Qt.ItemIsEnabled
            if step["may_check"] and c.status != "done":
                flags |= Qt.ItemIsUserCheckable
            item.setFlags(flags)
            item.setCheckState(Qt.Checked if step.get("done") else Qt.Unchecked)
            if step.get("approval_role"):
                item.setIcon(theme.icon("mdi6.shield-check-outline", theme.warning))
            self.checklist.addItem(item)
        self.checklist.blockSignals(False)
        self.description.setPlainText(d.description or self.tr("No description."))
        html = []
        for x in d.comments:
            colour = theme.danger if x["kind"] == "send_back" else theme.text_muted
            tag = self.tr("Sent back") + " · " if x["kind"] == "send_back" else ""
            body = x["body"].replace("&", "&amp;").replace("<", "&lt;").replace("\n", "<br>")
            html.append(f"<p><span style='color:{colour}'>{tag}{x['author_name']} · {x['at']:%Y-%m-%d %H:%M}</span><br>{body}</p>")
        self.comments.setHtml("".join(html) or f"<p style='color:{theme.text_muted}'>{self.tr('No comments yet.')}</p>")
        self.links.clear()
        for link in d.links:
            item = QListWidgetItem(theme.icon("mdi6.paperclip"), f"{link['label'] or link['target']}  —  {link['target']}")
            item.setData(Qt.UserRole, link["target"])
            self.links.addItem(item)
        self.history.clear()
        for h in d.history:
            self.history.addItem(f"{h['at']:%Y-%m-%d %H:%M}  {h['actor']}  {h['text']}")
        self.show()

    # -- actions -----------------------------------------------------------------------------
    def _run(self, fn, message: str, done=None) -> None:
        """One detail action as an operation; a refusal is shown and the panel re-read."""
        def succeeded(_result) -> None:
            if done is not None:
                done()
            self.changed.emit(message)

        def failed(text: str) -> None:
            QMessageBox.warning(self, self.tr("Task"), text)
            self.changed.emit("")

        self.ctx.write(self, fn, succeeded, failed=failed)

    def _step_toggled(self, item: QListWidgetItem) -> None:
        actor, task_id = self.ctx.actor, self.task_id
        index, done = item.data(Qt.UserRole), item.checkState() == Qt.Checked
        self._run(lambda: svc.set_step(actor, task_id, index, done), self.tr("Checklist updated."))

    def _add_step(self) -> None:
        actor, task_id, text = self.ctx.actor, self.task_id, self.new_step.text().strip()
        if text:
            self._run(lambda: svc.add_step(actor, task_id, text), self.tr("Step added."), self.new_step.clear)

    def _add_comment(self) -> None:
        actor, task_id, body = self.ctx.actor, self.task_id, self.comment_box.toPlainText().strip()
        if body:
            self._run(lambda: svc.add_comment(actor, task_id, body), self.tr("Comment added."), self.comment_box.clear)

    def _add_link(self) -> None:
        actor, task_id, target = self.ctx.actor, self.task_id, self.link_input.text().strip()
        if target:
            self._run(lambda: svc.add_link(actor, task_id, target), self.tr("File link added."), self.link_input.clear)

    def _open_link(self, item: QListWidgetItem) -> None:
        target = item.data(Qt.UserRole)
        url = QUrl(target) if "://" in target else QUrl.fromLocalFile(target)
        if not QDesktopServices.openUrl(url):
            self.ctx.show_status(self.tr("Cannot open %1").replace("%1", target))
