"""Plans page (my weekly / monthly plan; for managers and HR the team's plans, each opened to be read
and commented) and the task statistics page (per person, per month)."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (QComboBox, QDateEdit, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QListWidget,
                               QListWidgetItem, QMessageBox, QPlainTextEdit, QPushButton, QSplitter, QVBoxLayout, QWidget)

from app.errors import ShopTeamError
from app.services import plans as svc
from app.services import tasks as task_svc
from ui import theme
from ui.models.table import Column, RowTableModel, sorting_proxy
from ui.tasks.plan_dialog import PlanDialog, fill_comments, read_text
from ui.widgets.actions import on_clicked
from ui.widgets.date_entry import DateEntry
from ui.widgets.table_view import DataTableView


class PlansView(QWidget):
    """My plan (write and submit it; see who read it and their comments) and, for managers and HR, the
    team's submissions for the period: double-click a plan to read it (PlanDialog)."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.setObjectName("taskPlans")
        self.ctx = ctx
        self.current = None
        self.plan_dialog = None
        self.kind = QComboBox(objectName="planKind")
        self.kind.addItem(self.tr("Weekly plan (this week's plan, last week's summary)"), "weekly")
        self.kind.addItem(self.tr("Monthly (this month's summary, next month's plan)"), "monthly")
        self.kind.currentIndexChanged.connect(self.reload)
        self.day = DateEntry(QDate.currentDate(), "planDay")
        self.day.setToolTip(self.tr("The plans of the week (or month) that holds this day."))
        self.day.dateChanged.connect(self.reload)
        self.period = QLabel(objectName="planPeriod", wordWrap=True)
        self.read_state = QLabel(objectName="planReadState", wordWrap=True)
        self.summary = QPlainTextEdit(objectName="planSummary")
        self.plan = QPlainTextEdit(objectName="planText")
        self.tasks = QListWidget(objectName="planTasks")
        self.comments = QListWidget(objectName="planComments", wordWrap=True)
        self.comments.setSelectionMode(QListWidget.NoSelection)
        self.comments.setMaximumHeight(110)
        self.submit = on_clicked(QPushButton(theme.icon("mdi6.send-outline"), self.tr("Submit"), objectName="planSubmit"),
                                 self._submit)
        self.submit.setProperty("primary", True)
        self.summary_label = QLabel()
        self.plan_label = QLabel()
        mine = QGroupBox(self.tr("My plan"), objectName="planMine")
        form = QFormLayout(mine)
        form.addRow(self.period)
        form.addRow(self.read_state)
        form.addRow(self.summary_label, self.summary)
        form.addRow(self.plan_label, self.plan)
        form.addRow(self.tr("Linked tasks"), self.tasks)
        form.addRow(self.tr("Comments"), self.comments)
        form.addRow(self.submit)
        mine.setVisible(ctx.actor.employee_id is not None)
        self.table_model = RowTableModel([
            Column("employee_no", self.tr("No.")),
            Column("name", self.tr("Name")),
            Column("due_date", self.tr("Due")),
            Column("state", self.tr("Status"), value=self._state, color=self._state_colour),
            Column("submitted_at", self.tr("Submitted at")),
            Column("comment_count", self.tr("Comments"), align_right=True, text=lambda v: str(v) if v else ""),
            Column("read", self.tr("Read"), value=self._read),
        ], self)
        self.table = DataTableView("planSubmissions")
        self.table.setModel(sorting_proxy(self.table_model, self))
        self.table.doubleClicked.connect(self._open_index)
        self.open_button = on_clicked(QPushButton(theme.icon("mdi6.book-open-outline"), self.tr("Read plan"),
                                                  objectName="planOpen"), self.open_selected)
        self.missing = QLabel(objectName="planMissing", wordWrap=True)
        hint = QLabel(self.tr("Double-click a submitted plan to read it, mark it read and comment."))
        hint.setProperty("role", "muted")
        hint.setWordWrap(True)
        team = QGroupBox(self.tr("Team submissions"), objectName="planTeam")
        v = QVBoxLayout(team)
        v.addWidget(self.missing)
        v.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(hint, 1)
        row.addWidget(self.open_button)
        v.addLayout(row)
        team.setVisible(ctx.can("tasks.plans_view"))
        split = QSplitter(Qt.Horizontal)
        split.addWidget(mine)
        split.addWidget(team)
        top = QHBoxLayout()
        top.addWidget(self.kind)
        top.addWidget(QLabel(self.tr("Period of")))
        top.addWidget(self.day)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)

    def _state(self, row) -> str:
        return self.tr("Late") if row.late else self.tr("Submitted") if row.submitted else self.tr("Not submitted")

    def _state_colour(self, row):
        return theme.warning if row.late else theme.success if row.submitted else theme.danger

    def _read(self, row) -> str:
        if not row.submitted:
            return ""
        return self.tr("Read") if row.read_at else self.tr("Unread")

    def reload(self, *_args) -> None:
        kind = self.kind.currentData()
        weekly = kind == "weekly"
        self.summary_label.setText(self.tr("Last week's summary") if weekly else self.tr("This month's summary"))
        self.plan_label.setText(self.tr("This week's plan") if weekly else self.tr("Next month's plan"))
        actor, d = self.ctx.actor, self.day.date()
        day, own, team = date(d.year(), d.month(), d.day()), actor.employee_id is not None, self.ctx.can("tasks.plans_view")

        def load():
            mine = detail = problem = None
            cards = []
            if own:
                try:
                    mine = svc.my_plan(actor, kind, day)
                    detail = svc.plan_detail(actor, mine.plan_id) if mine.plan_id else None
                    cards = task_svc.list_tasks(actor, assignee_no="")
                except ShopTeamError as exc:
                    problem = str(exc)
            rows = svc.plan_submissions(actor, kind, day) if team else None
            return mine, detail, cards, problem, rows

        self.ctx.query(self, load, self._loaded, failed=self.ctx.show_status)

    def _loaded(self, result) -> None:
        mine, detail, cards, problem, rows = result
        if problem:
            self.period.setText(problem)
        if mine:
            self.current = mine
            self.period.setText(self.tr("Period from %1, due %2 — %3").replace("%1", mine.period_start.isoformat())
                                .replace("%2", mine.due_date.isoformat()).replace("%3", self._state(mine)))
            self.read_state.setText(read_text(mine.read_at, mine.read_by_name) if mine.submitted else "")
            self.summary.setPlainText(mine.summary)
            self.plan.setPlainText(mine.plan)
            self.tasks.clear()
            for card in cards:
                if card.assignee_id != self.ctx.actor.employee_id or (card.status == "done" and card.id not in mine.task_ids):
                    continue
                item = QListWidgetItem(card.title)
                item.setData(Qt.UserRole, card.id)
                item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsUserCheckable)
                item.setCheckState(Qt.Checked if card.id in mine.task_ids else Qt.Unchecked)
                self.tasks.addItem(item)
            fill_comments(self.comments, detail.comments if detail else [])
        if rows is not None:
            self.table_model.set_rows(rows)
            # the widths were fitted to the first period shown (perhaps before anyone submitted, or in the
            # other language): grow a column its texts no longer fit, never shrink one
            for c in range(self.table_model.columnCount() - 1):
                need = max(self.table.sizeHintForColumn(c), self.table.horizontalHeader().sectionSizeHint(c)) + 12
                if need > self.table.columnWidth(c):
                    self.table.setColumnWidth(c, need)
            missing = [r.name for r in rows if not r.submitted]
            self.missing.setText(self.tr("Not submitted yet: %1").replace("%1", "、".join(missing)) if missing
                                 else self.tr("Everyone has submitted."))

    def _submit(self) -> None:
        if self.current is None:
            return
        ids = [self.tasks.item(i).data(Qt.UserRole) for i in range(self.tasks.count())
               if self.tasks.item(i).checkState() == Qt.Checked]
        args = (self.ctx.actor, self.kind.currentData(), self.current.period_start,
                self.plan.toPlainText(), self.summary.toPlainText(), ids)
        self.ctx.write(self, lambda: svc.submit_plan(*args), lambda _r: self.ctx.show_status(self.tr("Plan submitted.")),
                       failed=lambda message: QMessageBox.warning(self, self.tr("Submit plan"), message))

    # -- reading someone's plan ----------------------------------------------------------
    def _open_index(self, index) -> None:
        self.open_row(self.table.model().mapToSource(index).row())

    def open_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.ctx.show_status(self.tr("Choose a plan in the list first."))
            return
        self._open_index(rows[0])

    def open_row(self, source_row: int) -> None:
        row = self.table_model.row_at(source_row)
        if not row.submitted:
            self.ctx.show_status(self.tr("%1 has not submitted this plan yet.").replace("%1", row.name))
            return
        if not row.may_open:
            self.ctx.show_status(self.tr("Only %1's managers, HR and administrators may read this plan.")
                                 .replace("%1", row.name))
            return
        actor, plan_id = self.ctx.actor, row.plan_id
        self.ctx.query(self, lambda: svc.plan_detail(actor, plan_id), self._show_plan, failed=self.ctx.show_status)

    def _show_plan(self, detail) -> None:
        if self.plan_dialog is not None:
            self.plan_dialog.close()
        self.plan_dialog = PlanDialog(self.ctx, detail, self)
        self.plan_dialog.open()

    def refresh(self, areas) -> None:
        if "*" in areas or "tasks" in areas:
            self.reload()


def one_decimal(value: float) -> str:
    """Rounded as people round (15.25 -> 15.3), not to even."""
    return str(Decimal(str(value)).quantize(Decimal("0.1"), ROUND_HALF_UP))


class StatsView(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.setObjectName("taskStats")
        self.ctx = ctx
        today = date.today()
        self.month = QDateEdit(QDate(today.year, today.month, 1), displayFormat="yyyy-MM", objectName="statsMonth")
        self.month.dateChanged.connect(self.reload)
        self.model = RowTableModel([
            Column("employee_no", self.tr("No.")),
            Column("name", self.tr("Name")),
            Column("done", self.tr("Tasks done"), align_right=True),
            Column("on_time_rate", self.tr("On time"), align_right=True, text=lambda v: f"{v:.0%}"),
            Column("avg_cycle_days", self.tr("Avg. cycle"), align_right=True,
                   text=lambda v: self.tr("%1 days").replace("%1", one_decimal(v))),
            Column("sent_back", self.tr("Sent back"), align_right=True),
        ], self)
        self.table = DataTableView("taskStatsTable")
        self.table.setModel(sorting_proxy(self.model, self))
        self.table.horizontalHeader().setStretchLastSection(False)  # columns as wide as their content
        self.chart = None  # matplotlib is imported when the page is first shown
        self.chart_box = QVBoxLayout()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Month")))
        top.addWidget(self.month)
        top.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.table, 0)
        body.addLayout(self.chart_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)

    def reload(self, *_args) -> None:
        actor, d = self.ctx.actor, self.month.date()
        self.ctx.query(self, lambda: task_svc.task_stats(actor, d.year(), d.month()), self._loaded,
                       failed=self.ctx.show_status)

    def _loaded(self, rows) -> None:
        self.model.set_rows(rows)
        self._fit_table()
        if self.isVisible():
            self.draw_chart(rows)

    def _fit_table(self) -> None:
        """Columns as wide as their content and the table as wide as its columns; the chart takes the rest."""
        self.table.resizeColumnsToContents()
        width = (self.table.horizontalHeader().length() + self.table.frameWidth() * 2
                 + self.table.verticalScrollBar().sizeHint().width())
        self.table.setFixedWidth(width)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self._fit_table()
        self.draw_chart(self.model.rows)

    def draw_chart(self, rows) -> None:
        """Tasks done per person, and how many were sent back, each bar labelled with its number."""
        from ui.widgets.mpl import canvas_and_figure

        if self.chart is None:
            canvas_cls, figure_cls = canvas_and_figure()
            self.figure = figure_cls(figsize=(5, 3), dpi=90, layout="constrained")
            self.chart = canvas_cls(self.figure)
            self.chart.setObjectName("taskStatsChart")
            self.chart_box.addWidget(self.chart)
        fig = self.figure
        fig.clear()
        ax = fig.add_subplot(111)
        month = self.month.date().toString("yyyy-MM")
        people = [r for r in rows if r["done"] or r["sent_back"]]
        if not people:
            ax.axis("off")
            ax.text(0.5, 0.5, self.tr("No task was finished or sent back in %1.").replace("%1", month),
                    ha="center", va="center", transform=ax.transAxes, color=theme.text_muted)
        else:
            names = [r["name"] for r in people]
            ys = list(range(len(people)))
            done = ax.barh([y - 0.2 for y in ys], [r["done"] for r in people], height=0.4, color=theme.success,
                           label=self.tr("Tasks done"))
            back = ax.barh([y + 0.2 for y in ys], [r["sent_back"] for r in people], height=0.4, color=theme.warning,
                           label=self.tr("Sent back"))
            ax.bar_label(done, labels=[str(r["done"]) if r["done"] else "" for r in people], padding=2)
            ax.bar_label(back, labels=[str(r["sent_back"]) if r["sent_back"] else "" for r in people], padding=2)
            ax.set_yticks(ys, names)
            ax.invert_yaxis()
            ax.xaxis.get_major_locator().set_params(integer=True)
            ax.legend(frameon=False, loc="lower right")
            ax.spines[["top", "right"]].set_visible(False)
        ax.set_title(self.tr("Tasks per person, %1").replace("%1", month))
        self.chart.draw_idle()

    def refresh(self, areas) -> None:
        if "*" in areas or "tasks" in areas:
            self.reload()
