"""The kanban board: toolbar, filters, four columns over one item model, and the detail panel."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QMenu, QMessageBox, QSplitter,
                               QToolBar, QVBoxLayout, QWidget)

from app.rules.tasks import COLUMNS
from app.services import plans as plan_svc
from app.services import tasks as svc
from app.services.templates import list_templates
from ui.widgets.actions import toolbar_action
from ui import theme
from ui.tasks.board_model import BoardFilter, BoardModel, ColumnModel, lanes, split
from ui.tasks.column import BoardColumn
from ui.tasks.detail import TaskDetailPanel
from ui.tasks.dialogs import ArchiveDoneDialog, SendBackDialog, TaskDialog
from ui.widgets.file_dialogs import open_file


class BoardView(QWidget):
    def __init__(self, ctx, parent=None, today: date | None = None):
        super().__init__(parent)
        self.setObjectName("taskBoard")
        self.ctx = ctx
        self.today_fixed = today
        self.data: svc.Board | None = None
        self.model = BoardModel(self)
        self.proxies = {key: ColumnModel(key, self.model, self) for key in COLUMNS}  # one model per column
        self.columns = {key: BoardColumn(self.proxies[key], self) for key in COLUMNS}
        self.filter = BoardFilter()
        self.labels: dict[str, str] = {}
        self._select_after_load: int | None = None  # a card just created: selected once the board shows it

        toolbar = QToolBar(objectName="taskToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        self.act_new = self._action(toolbar, self.tr("New task"), "mdi6.plus-box-outline", self.new_item, "actionNewTask")
        self.act_templates = self._action(toolbar, self.tr("Workflow templates…"), "mdi6.file-tree-outline",
                                          self.edit_templates, "actionTaskTemplates")
        self.act_templates.setVisible(ctx.can("tasks.templates"))
        self.act_import = self._action(toolbar, self.tr("Import…"), "mdi6.file-import-outline", self.import_file, "actionImportTasks")
        self.act_import.setVisible(ctx.can("tasks.import"))
        self.act_archive_done = self._action(toolbar, self.tr("Archive finished…"), "mdi6.archive-arrow-down-outline",
                                             self.archive_done, "actionArchiveDoneTasks")
        self.act_archive_done.setVisible(ctx.can("tasks.archive"))

        self.search = QLineEdit(objectName="taskSearch", placeholderText=self.tr("Search title or person…"))
        self.search.setClearButtonEnabled(True)
        self.assignee = QComboBox(objectName="taskFilterAssignee")
        self.tag = QComboBox(objectName="taskFilterTag")
        self.week = QCheckBox(self.tr("Due this week"), objectName="taskFilterWeek")
        self.overdue = QCheckBox(self.tr("Overdue"), objectName="taskFilterOverdue")
        self.mine = QCheckBox(self.tr("Mine"), objectName="taskFilterMine")
        self.swimlanes = QCheckBox(self.tr("Swimlanes"), objectName="taskSwimlanes")
        self.swimlanes.setToolTip(self.tr("One lane per assignee across the columns"))
        self.swimlanes.setVisible(ctx.can("tasks.view_all"))  # staff see only their own cards: one lane
        self.swimlanes.setChecked(ctx.can("tasks.view_all") and QSettings().value("tasks/swimlanes", False, type=bool))
        self.swimlanes.toggled.connect(self._swimlanes_toggled)
        self.mine.setVisible(ctx.actor.employee_id is not None and ctx.can("tasks.view_all"))
        self.assignee.setVisible(ctx.can("tasks.view_all"))
        for w in (self.search,):
            w.textChanged.connect(self._filters_changed)
        for combo in (self.assignee, self.tag):
            combo.currentIndexChanged.connect(self._filters_changed)
        for box in (self.week, self.overdue, self.mine):
            box.toggled.connect(self._filters_changed)
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 0, 4, 0)
        bar.addWidget(self.search, 2)
        bar.addWidget(self.assignee, 1)
        bar.addWidget(self.tag, 1)
        for box in (self.week, self.overdue, self.mine, self.swimlanes):
            bar.addWidget(box)

        board = QWidget(objectName="taskColumns")
        row = QHBoxLayout(board)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        for key in COLUMNS:
            row.addWidget(self.columns[key], 1)
            view = self.columns[key].view
            view.dropped.connect(self.drop_card)
            view.menu_requested.connect(self.card_menu_at)
            view.verticalScrollBar().valueChanged.connect(self._scroll_lanes)
            view.clicked.connect(lambda index, k=key: self._select(k, index))
            view.doubleClicked.connect(lambda index, k=key: self._edit_index(k, index))
        self.detail = TaskDetailPanel(ctx, self)
        self.detail.hide()
        self.detail.changed.connect(self._detail_changed)
        self.detail.edit_requested.connect(self.edit_task)
        self.detail.send_back_requested.connect(self.send_back)
        self.detail.complete_requested.connect(self.complete)
        self.detail.archive_requested.connect(self.archive)
        self.splitter = QSplitter(Qt.Horizontal, objectName="taskSplitter")
        self.splitter.addWidget(board)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        state = QSettings().value("tasks/splitter")
        if state is not None:
            self.splitter.restoreState(state)
        else:
            self.splitter.setSizes([900, 440])
        self.splitter.splitterMoved.connect(lambda *_a: QSettings().setValue("tasks/splitter", self.splitter.saveState()))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(toolbar)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)

    def _action(self, toolbar, text, icon, slot, name) -> QAction:
        return toolbar_action(self, toolbar, text, icon, slot, name)

    # -- data --------------------------------------------------------------------------
    def today(self) -> date:
        return self.today_fixed or date.today()

    def reload(self, create_recurring: bool = False) -> None:
        """Load the board in the background and swap it in (a leader's first load creates due recurring tasks)."""
        actor, today = self.ctx.actor, self.today()
        if create_recurring and self.ctx.can("tasks.recurring"):
            self.ctx.write(self, lambda: plan_svc.create_due_recurring(actor, today), failed=self.ctx.show_status)
        self.ctx.query(self, lambda: svc.board(actor, today), self._loaded, failed=self.ctx.show_status)

    def _loaded(self, data: svc.Board) -> None:
        self.data = data
        self.labels = {c.key: c.label for c in self.data.columns}
        self.model.set_cards(self.data.cards)
        self._fill_filters()
        self.apply_filter()
        self.detail.show_task(self.detail.task_id, self.labels) if self.detail.task_id else None
        if self._select_after_load is not None:
            task_id, self._select_after_load = self._select_after_load, None
            self.select_task(task_id)

    def _fill_filters(self) -> None:
        for combo, items, everyone in (
                (self.assignee, [(f"{name} ({no})", eid) for eid, no, name in self.data.people], self.tr("Everyone")),
                (self.tag, [(t, t) for t in self.model.tags()], self.tr("All tags"))):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everyone, None)
            for text, value in items:
                combo.addItem(text, value)
            i = combo.findData(current)
            combo.setCurrentIndex(max(i, 0))
            combo.blockSignals(False)

    def _filters_changed(self, *_args) -> None:
        self.filter = BoardFilter(assignee_id=self.assignee.currentData(), tag=self.tag.currentData() or "",
                                  due_this_week=self.week.isChecked(), overdue=self.overdue.isChecked(),
                                  mine=self.mine.isChecked(), text=self.search.text())
        self.apply_filter()

    def apply_filter(self) -> None:
        if self.data is None:
            return
        shown = split(self.model.by_column, self.filter, self.data.today, self.data.own_employee_id)
        laned = self.swimlanes.isChecked()
        rows = lanes(shown, self.data.people, self.tr("Unassigned")) if laned else shown
        for col in self.data.columns:
            self.proxies[col.key].set_cards(rows[col.key], laned)
            on_board = len(self.model.by_column[col.key])
            total = col.count if (col.limit and self.ctx.can("tasks.view_all")) else on_board
            self.columns[col.key].set_header(col.label, len(shown[col.key]), total, col.limit, col.wip)

    def _swimlanes_toggled(self, on: bool) -> None:
        QSettings().setValue("tasks/swimlanes", on)
        self.apply_filter()

    def _scroll_lanes(self, value: int) -> None:
        """With swimlanes the columns scroll together, so a lane stays level across the board."""
        if self.swimlanes.isChecked():
            for column in self.columns.values():
                column.view.verticalScrollBar().setValue(value)

    def refresh(self, areas) -> None:
        if "*" in areas or "tasks" in areas or "employees" in areas or "policy" in areas:
            self.reload()

    # -- selection and detail ------------------------------------------------------------
    def _select(self, key: str, index) -> None:
        for other, column in self.columns.items():
            if other != key:
                column.view.clearSelection()
        card = self.proxies[key].card_at(index.row())
        if card is not None:  # not a swimlane header or gap
            self.detail.show_task(card.id, self.labels)

    def select_task(self, task_id: int) -> None:
        for key, proxy in self.proxies.items():
            row = proxy.row_of(task_id)
            if row >= 0:
                self.columns[key].view.setCurrentIndex(proxy.index(row, 0))
                self._select(key, proxy.index(row, 0))
                return

    def card(self, task_id: int):
        return self.model.card(task_id)

    def _detail_changed(self, message: str) -> None:
        if message:
            self.ctx.show_status(message)  # the change itself reloads the board through the dispatcher
        elif self.detail.task_id:
            self.detail.show_task(self.detail.task_id, self.labels)  # a refused change: show what is stored

    # -- actions -------------------------------------------------------------------------
    def _write(self, fn, title: str, done) -> None:
        """Run a board action as one operation; its changes reload the board (and every tab that cares)."""
        self.ctx.write(self, fn, done, failed=lambda message: QMessageBox.warning(self, title, message))

    def drop_card(self, task_id: int, status: str, before_id: int) -> None:
        card = self.card(task_id)
        if card is None or (card.status == status and before_id == task_id):
            return
        actor, today, label = self.ctx.actor, self.today(), self.labels.get(status, status)

        def moved(result) -> None:
            if result.warning:
                QMessageBox.information(self, self.tr("Work-in-progress limit"), result.warning)
            self.ctx.show_status(self.tr("“%1” moved to %2.").replace("%1", card.title).replace("%2", label))

        self._write(lambda: svc.move_task(actor, task_id, status, before_id or None, today), self.tr("Move card"), moved)

    def new_item(self) -> None:
        templates = list_templates(self.ctx.actor)
        dialog = TaskDialog(self.data.people, templates, self.data.own_employee_id, self.data.may_edit_any, parent=self)
        if dialog.exec():
            actor, value, today = self.ctx.actor, dialog.value(), self.today()

            def created(card) -> None:
                self.ctx.show_status(self.tr("Task “%1” created.").replace("%1", card.title))
                self._select_after_load = card.id

            self._write(lambda: svc.create_task(actor, value, today), self.tr("New task"), created)

    def _edit_index(self, key: str, index) -> None:
        card = self.proxies[key].card_at(index.row())
        if card is not None:
            self.edit_task(card.id)

    def card_menu(self, task_id: int) -> QMenu:
        """The right-click menu of a card: edit, pass review / send back, archive — what the user may do."""
        card = self.card(task_id)
        menu = QMenu(self)
        menu.setObjectName("taskCardMenu")
        allowed = self.data.actions_for(card) if card is not None else frozenset()  # the service's rule
        for text, icon, name, slot, action_key in (
                (self.tr("Edit…"), "mdi6.pencil-outline", "taskMenuEdit", self.edit_task, "edit"),
                (self.tr("Pass review"), "mdi6.check-decagram-outline", "taskMenuPassReview", self.complete, "pass_review"),
                (self.tr("Send back…"), "mdi6.undo-variant", "taskMenuSendBack", self.send_back, "send_back"),
                (self.tr("Archive"), "mdi6.archive-arrow-down-outline", "taskMenuArchive", self.archive, "archive")):
            if action_key in allowed:
                action = menu.addAction(theme.icon(icon), text)
                action.setObjectName(name)
                action.triggered.connect(lambda _checked=False, fn=slot: fn(task_id))
        return menu

    def card_menu_at(self, task_id: int, pos) -> None:
        self.select_task(task_id)
        menu = self.card_menu(task_id)
        if menu.actions():
            menu.exec(pos)

    def archive(self, task_id: int) -> None:
        def archived(card) -> None:
            self.detail.show_task(None, self.labels)
            self.ctx.show_status(self.tr("“%1” archived: it stays in the history and the statistics.").replace("%1", card.title))

        actor, today = self.ctx.actor, self.today()
        self._write(lambda: svc.archive_task(actor, task_id, today), self.tr("Archive"), archived)

    def archive_done(self) -> None:
        dialog = ArchiveDoneDialog(self.today(), self)
        if dialog.exec():
            actor, day = self.ctx.actor, dialog.day()
            self._write(lambda: svc.archive_done_before(actor, day), self.tr("Archive finished"),
                        lambda n: self.ctx.show_status(self.tr("Archived %n finished card(s).", "", n)))

    def edit_task(self, task_id: int) -> None:
        actor = self.ctx.actor
        self.ctx.query(self, lambda: svc.task_detail(actor, task_id), self._edit_loaded,
                       failed=lambda message: QMessageBox.warning(self, self.tr("Edit task"), message))

    def _edit_loaded(self, detail) -> None:
        if not detail.may_edit:
            return
        dialog = TaskDialog(self.data.people, [], self.data.own_employee_id, self.data.may_edit_any, detail.card,
                            detail.description, self)
        if dialog.exec():
            actor, task_id, value, today = self.ctx.actor, detail.card.id, dialog.value(), self.today()
            self._write(lambda: svc.update_task(actor, task_id, value, today), self.tr("Edit task"),
                        lambda _r: self.ctx.show_status(self.tr("Task saved.")))

    def send_back(self, task_id: int) -> None:
        card = self.card(task_id)
        dialog = SendBackDialog(card.title if card else "", self)
        if dialog.exec():
            self.send_back_with(task_id, dialog.comment.toPlainText())

    def send_back_with(self, task_id: int, comment: str) -> None:
        actor, today = self.ctx.actor, self.today()
        self._write(lambda: svc.send_back(actor, task_id, comment, today), self.tr("Send back"),
                    lambda _r: self.ctx.show_status(self.tr("Card sent back with your comment.")))

    def complete(self, task_id: int) -> None:
        actor = self.ctx.actor
        self._write(lambda: svc.complete_task(actor, task_id), self.tr("Pass review"),
                    lambda _r: self.ctx.show_status(self.tr("Review passed: the card is done.")))

    def edit_templates(self) -> None:
        from ui.tasks.templates_dialog import TemplatesDialog

        TemplatesDialog(self.ctx, self).exec()

    def import_file(self) -> None:
        path = open_file(self, "tasks/import", self.tr("Import tasks"), self.tr("Spreadsheets (*.csv *.xlsx)"))
        if not path:
            return

        def done(n) -> None:
            self.ctx.show_status(self.tr("Imported %1 tasks.").replace("%1", str(n)))

        def failed(message: str) -> None:
            box = QMessageBox(QMessageBox.Warning, self.tr("Import tasks"), message.splitlines()[0], parent=self)
            box.setObjectName("taskImportErrorBox")
            if "\n" in message:
                box.setInformativeText(self.tr("Nothing was imported. Fix the rows below and import again."))
                box.setDetailedText("\n".join(message.splitlines()[1:]))
            box.exec()

        actor = self.ctx.actor
        self.ctx.write(self, lambda progress: svc.import_tasks(actor, path, progress), done, failed=failed,
                       progress=self.tr("Importing tasks…"))

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
