"""The appraisal tab: period selector and workflow, the people with their state, the entry form,
feedback, and the charts (grade distribution, the selected person's trend)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QComboBox, QInputDialog, QLabel, QMenu, QMessageBox, QSplitter,
                               QTabWidget, QToolBar, QToolButton, QVBoxLayout, QWidget)

from app.i18n import _ as app_tr
from app.services import appraisal as svc
from app.services.appraisal_core import FLAG_NAMES, KIND_NAMES, STATE_LABELS
from app.services.appraisal_import import import_scores
from app.services import appraisal_mutual as mutual
from app.services import appraisal_raters as rater_svc
from ui.widgets.actions import on_triggered, toolbar_action
from ui import theme
from ui.appraisal.feedback import FeedbackPanel
from ui.appraisal.form import ScoreForm
from ui.models.table import Column, RowTableModel, sorting_proxy
from ui.widgets.empty_state import EmptyState
from ui.widgets.table_view import DataTableView
from ui.widgets.file_dialogs import open_file

STATUS_COLOURS = {"complete": theme.success, "partial": theme.warning, "not_started": theme.text_muted}


class AppraisalView(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.periods: list[dict] = []
        self._sized = False
        status_names = {"complete": self.tr("Scored"), "partial": self.tr("In progress"), "not_started": self.tr("Not started")}
        self.model = RowTableModel([
            Column("employee_no", self.tr("No.")),
            Column("name", self.tr("Name")),
            Column("position", self.tr("Position")),
            Column("status", self.tr("State"), value=lambda r: f"{status_names[r['status']]} {r['raters_done']}/{r['raters']}",
                   color=lambda r: STATUS_COLOURS[r["status"]]),
            Column("score", self.tr("Score"), align_right=True),
            Column("grade", self.tr("Grade"), value=lambda r: r["grade_text"]),
            Column("label", self.tr("Monthly label"), value=lambda r: r["label_name"]),
            Column("flags", self.tr("Flags"), value=lambda r: "、".join(app_tr(FLAG_NAMES[f]) for f in r["flags"]),
                   color=lambda r: theme.danger if {"warning", "no_year_end_bonus"} & set(r["flags"]) else None,
                   tooltip=lambda r: "\n".join(app_tr(FLAG_NAMES[f]) for f in r["flags"])),
        ], self)
        self.proxy = sorting_proxy(self.model, self)
        self.table = DataTableView("appraisalPeopleTable")
        self.table.setModel(self.proxy)
        self.table.sortByColumn(0, Qt.AscendingOrder)
        self.table.selectionModel().selectionChanged.connect(self._on_person)
        self.period_combo = QComboBox(objectName="appraisalPeriodCombo")
        self.period_combo.setMinimumContentsLength(16)
        self.period_combo.currentIndexChanged.connect(self._on_period)
        self.state_label = QLabel(objectName="appraisalStateLabel")
        self.state_label.setProperty("role", "muted")
        toolbar = QToolBar(objectName="appraisalToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        toolbar.addWidget(QLabel(self.tr("Period ")))
        toolbar.addWidget(self.period_combo)
        toolbar.addWidget(self.state_label)
        toolbar.addSeparator()
        self.act_new = self._add(toolbar, self.tr("New period…"), "mdi6.calendar-plus", self.new_item, "actionNewPeriod")
        self.act_advance = self._add(toolbar, self.tr("Next step"), "mdi6.arrow-right-bold-circle-outline", self.advance, "actionAdvancePeriod")
        self.act_reopen = self._add(toolbar, self.tr("Reopen…"), "mdi6.lock-open-variant-outline", self.reopen, "actionReopenPeriod")
        self.act_calibrate = self._add(toolbar, self.tr("Calibrate…"), "mdi6.view-column-outline", self.calibrate,
                                       "actionCalibrateGrades")
        self.act_calibrate.setVisible(ctx.can("appraisal.calibrate"))
        self.act_pull = self._add(toolbar, self.tr("Pull actuals"), "mdi6.database-import-outline", self.pull, "actionPullActuals")
        self.act_import = self._add(toolbar, self.tr("Import scores…"), "mdi6.file-import-outline", self.import_file, "actionImportScores")
        self.act_templates = self._add(toolbar, self.tr("Templates…"), "mdi6.file-table-outline", self.edit_templates,
                                       "actionAppraisalTemplates")
        self.act_templates.setVisible(ctx.can("appraisal.templates"))
        self._raters_menu(toolbar)
        for act in (self.act_new, self.act_pull):
            act.setVisible(ctx.can("appraisal.manage_period"))
        self.step: dict | None = None
        self.act_reopen.setVisible(ctx.can("appraisal.reopen"))
        self.act_import.setVisible(ctx.can("appraisal.enter_for"))
        self.form = ScoreForm(ctx)
        self.form.saved.connect(self._changed)
        self.feedback = FeedbackPanel(ctx)
        self.feedback.changed.connect(self._changed)
        self.charts = None
        self.detail_tabs = QTabWidget(objectName="appraisalDetailTabs")
        self.detail_tabs.addTab(self.form, theme.icon("mdi6.table-edit"), self.tr("Scores"))
        self.detail_tabs.addTab(self.feedback, theme.icon("mdi6.comment-text-outline"), self.tr("Feedback"))
        self.charts_holder = QWidget(objectName="appraisalChartsHolder")
        QVBoxLayout(self.charts_holder).setContentsMargins(0, 0, 0, 0)
        self.detail_tabs.addTab(self.charts_holder, theme.icon("mdi6.chart-bar"), self.tr("Charts"))
        self.detail_tabs.currentChanged.connect(lambda _i: self._refresh_charts())
        self.empty = EmptyState(self.tr("No appraisal period yet — open one with “New period…”."), "appraisalEmpty")
        self.splitter = QSplitter(objectName="appraisalSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail_tabs)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([520, 840])
        layout = QVBoxLayout(self)
        layout.addWidget(toolbar)
        layout.addWidget(self.empty)
        layout.addWidget(self.splitter, 1)
        self.reload()

    def _raters_menu(self, toolbar: QToolBar) -> None:
        """One toolbar button for the raters: change one person's raters, the gm's delegation, the mutual rating."""
        menu = QMenu(self, objectName="appraisalRatersMenu")

        def item(text: str, icon: str, slot, name: str, visible: bool) -> QAction:
            action = QAction(theme.icon(icon), text, self, objectName=name)
            on_triggered(action, slot)
            action.setVisible(visible)
            menu.addAction(action)
            return action

        manage = self.ctx.can("appraisal.manage_period")
        self.act_change_raters = item(self.tr("Change raters of the selected person…"), "mdi6.account-switch-outline",
                                      self.change_raters, "actionChangeRaters", manage)
        self.act_delegate = item(self.tr("General manager delegates to the supervising leaders"),
                                 "mdi6.account-arrow-right-outline", self.toggle_delegation, "actionDelegateGm", manage)
        self.act_delegate.setCheckable(True)
        menu.addSeparator()
        self.act_mutual_vote = item(self.tr("Mutual rating: rate colleagues…"), "mdi6.vote-outline", self.mutual_vote,
                                    "actionMutualVote", self.ctx.can("appraisal.mutual_rate"))
        self.act_mutual_results = item(self.tr("Mutual rating: results…"), "mdi6.podium", self.mutual_results,
                                       "actionMutualResults", self.ctx.can("appraisal.mutual_results"))
        self.raters_button = QToolButton(objectName="appraisalRatersButton")
        self.raters_button.setText(self.tr("Raters"))
        self.raters_button.setIcon(theme.icon("mdi6.account-group-outline"))
        self.raters_button.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        self.raters_button.setPopupMode(QToolButton.InstantPopup)
        self.raters_button.setMenu(menu)
        toolbar.addWidget(self.raters_button)

    def _add(self, toolbar: QToolBar, text: str, icon: str, slot, name: str) -> QAction:
        return toolbar_action(self, toolbar, text, icon, slot, name)

    # -- data --------------------------------------------------------------------------------------
    def period_key(self) -> str | None:
        return self.period_combo.currentData()

    def current_period(self) -> dict | None:
        return next((p for p in self.periods if p["key"] == self.period_key()), None)

    def reload(self, keep: str | None = None) -> None:
        keep = keep or self.period_key()
        self.periods = svc.list_periods(self.ctx.actor)
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        for p in self.periods:
            self.period_combo.addItem(f"{p['key']} · {app_tr(KIND_NAMES[p['kind']])}", p["key"])
        index = max(0, self.period_combo.findData(keep)) if keep else 0
        self.period_combo.setCurrentIndex(index)
        self.period_combo.blockSignals(False)
        self.empty.setVisible(not self.periods)
        self.splitter.setVisible(bool(self.periods))
        self._on_period()

    def refresh(self, areas) -> None:
        if "*" in areas or "appraisal" in areas or "employees" in areas:
            self.reload()

    def _on_period(self, *_args) -> None:
        period = self.current_period()
        selected = self.selected_no()
        rows = svc.period_results(self.ctx.actor, period["key"]) if period else []
        self.model.set_rows(rows)
        if rows and not self._sized:
            self.table.resizeColumnsToContents()
            self._sized = True
        self.state_label.setText(self._state_text(period))
        self.state_label.setProperty("role", "error" if period and period["overdue"] else "muted")
        self.state_label.style().polish(self.state_label)
        self._show_step(None)  # nothing may be done until the service has answered
        if period is not None:
            actor, key = self.ctx.actor, period["key"]
            self.ctx.query(self, lambda: svc.period_step(actor, key),
                           lambda step: self._show_step(step) if step["key"] == self.period_key() else None)
        self.select(selected or (rows[0]["employee_no"] if rows else None))
        self._refresh_charts()

    def _show_step(self, step: dict | None) -> None:
        """The toolbar follows the service's answer for the period (period_step)."""
        self.step = step
        step = step or {}
        self.act_advance.setText(step.get("action") or self.tr("Next step"))
        self.act_advance.setEnabled(bool(step.get("may")))
        self.act_advance.setToolTip(step.get("why_not") or step.get("confirm") or "")
        for act, flag in ((self.act_reopen, "may_reopen"), (self.act_calibrate, "may_calibrate"),
                          (self.act_pull, "may_pull"), (self.act_import, "may_import"),
                          (self.act_change_raters, "may_change_raters"), (self.act_delegate, "may_change_raters"),
                          (self.act_mutual_vote, "may_mutual_vote"), (self.act_mutual_results, "may_mutual_results")):
            act.setEnabled(bool(step.get(flag)))
        period = self.current_period()
        self.act_delegate.setChecked(bool(period and period.get("gm_delegated")))

    def selected_no(self) -> str | None:
        indexes = self.table.selectionModel().selectedRows()
        if not indexes:
            return None
        return self.model.row_at(self.proxy.mapToSource(indexes[0]).row())["employee_no"]

    def select(self, employee_no: str | None) -> None:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data() == employee_no:
                self.table.selectRow(row)
                self._on_person()
                return
        self.table.clearSelection()
        self._on_person()

    def _on_person(self, *_args) -> None:
        no, period = self.selected_no(), self.period_key()
        detail = svc.subject_detail(self.ctx.actor, period, no) if no and period else None
        self.form.show_detail(detail)
        self.feedback.show_detail(detail)
        self._refresh_charts()

    def _refresh_charts(self) -> None:
        if self.detail_tabs.currentWidget() is not self.charts_holder or not self.period_key():
            return
        if self.charts is None:
            from ui.appraisal.charts import ChartsPanel

            self.charts = ChartsPanel(self.charts_holder)
            self.charts_holder.layout().addWidget(self.charts)
        self.charts.show_distribution(self.period_key(), svc.distribution_check(self.ctx.actor, self.period_key()))
        no = self.selected_no()
        name = next((r["name"] for r in self.model.rows if r["employee_no"] == no), "")
        points = svc.trend(self.ctx.actor, no, 6, self.period_key()) if no else []
        self.charts.show_trend(name, points)

    # -- actions -----------------------------------------------------------------------------------
    def _write(self, title: str, fn, done) -> None:
        """One appraisal action as an operation; a refusal is shown under ``title``."""
        self.ctx.write(self, fn, done, failed=lambda message: QMessageBox.warning(self, title, message))

    def new_item(self) -> None:
        if not self.ctx.can("appraisal.manage_period"):
            return
        from ui.appraisal.period_dialog import NewPeriodDialog

        dialog = NewPeriodDialog({p["key"] for p in self.periods}, parent=self)
        if dialog.exec():
            key = dialog.key()
            actor = self.ctx.actor

            def opened(result) -> None:
                self.reload(result["key"])
                self._changed(self.tr("Period %1 opened for %2 people.").replace("%1", result["key"]).replace("%2", str(result["people"])))

            self._write(self.tr("New period"), lambda: svc.open_period(actor, key), opened)

    def _state_text(self, period: dict | None) -> str:
        if not period:
            return ""
        text = "  " + app_tr(STATE_LABELS[period["state"]])
        if period["state"] not in ("approved", "locked"):
            due = self.tr("results due %1").replace("%1", period["due_on"].isoformat())
            text += " · " + (self.tr("overdue: %1").replace("%1", due) if period["overdue"] else due)
        return text

    def advance(self) -> None:
        """Take the period's next step after a confirmation that says what it does (and, before approval,
        where the grades break the forced distribution)."""
        period = self.current_period()
        if period is None:
            return
        actor = self.ctx.actor
        self.ctx.query(self, lambda: svc.period_step(actor, period["key"]), lambda step: self._confirm_step(period, step))

    def _confirm_step(self, period: dict, step: dict) -> None:
        if not step["may"]:
            QMessageBox.information(self, step["action"] or self.tr("Next step"), step["why_not"])
            return
        text = step["confirm"]
        if step["violations"]:
            text = "\n".join(self.tr("Grade %1: %2 people, the quota allows %3.").replace("%1", v["grade"])
                             .replace("%2", str(v["count"])).replace("%3", str(v["allowed"]))
                             for v in step["violations"]) + "\n\n" + text
        box = QMessageBox(QMessageBox.Question, step["action"], text, QMessageBox.Yes | QMessageBox.Cancel, self)
        box.setObjectName("appraisalConfirmStep")
        box.button(QMessageBox.Yes).setText(step["action"])
        box.setDefaultButton(QMessageBox.Cancel)
        if box.exec() != QMessageBox.Yes:
            return
        reason = None
        if step["needs_reason"]:  # the general manager says why (recorded)
            from ui.appraisal.calibration import ask_reason

            reason = ask_reason(self, step["action"], self.tr("The grades break the forced distribution. Why do you "
                                                              "approve %1 anyway?").replace("%1", period["key"]))
            if not reason:
                return
        actor, key = self.ctx.actor, period["key"]
        self._write(step["action"], lambda: svc.advance_period(actor, key, reason=reason),
                    lambda result: self._changed(self.tr("%1 is now in: %2").replace("%1", result["key"])
                                                 .replace("%2", app_tr(STATE_LABELS[result["state"]]))))

    def calibrate(self):
        """The calibration grid of the period (four-grade scheme, in review): drag people between grades."""
        from ui.appraisal.calibration import CalibrationDialog

        key = self.period_key()
        if not key:
            return None
        dialog = CalibrationDialog(self.ctx, key, self)
        dialog.resize(1280, 680)
        dialog.finished.connect(lambda _r: self.reload())
        dialog.open()
        return dialog

    def reopen(self) -> None:
        key = self.period_key()
        reason, ok = QInputDialog.getText(self, self.tr("Reopen period"), self.tr("Why must %1 be reopened?").replace("%1", key or ""))
        if ok:
            actor = self.ctx.actor
            self._write(self.tr("Reopen period"), lambda: svc.reopen_period(actor, key, reason),
                        lambda _r: self._changed(self.tr("%1 reopened for scoring.").replace("%1", key)))

    def edit_templates(self):
        from ui.appraisal.templates import TemplateEditor

        editor = TemplateEditor(self.ctx, self)
        editor.open()
        return editor

    def pull(self) -> None:
        key = self.period_key()
        actor = self.ctx.actor
        self._write(self.tr("Pull actuals"), lambda: svc.pull_actuals(actor, key),
                    lambda result: self._changed(self.tr("%1 actual values filled from attendance and tasks.")
                                                 .replace("%1", str(result["filled"]))))

    def import_file(self) -> None:
        path = open_file(self, "appraisal/scores", self.tr("Import scores"), self.tr("Spreadsheets (*.csv *.xlsx)"))
        if path:
            self.start_import(path)

    def start_import(self, path: str):
        def done(result) -> None:
            self._changed(self.tr("Imported %1 scores for %2 people.").replace("%1", str(result["scores"]))
                          .replace("%2", str(result["people"])))

        def failed(message: str) -> None:
            box = QMessageBox(QMessageBox.Warning, self.tr("Import scores"), message.splitlines()[0], parent=self)
            box.setObjectName("appraisalImportError")
            if "\n" in message:
                box.setInformativeText(self.tr("Nothing was imported. Fix the rows below and import again."))
                box.setDetailedText("\n".join(message.splitlines()[1:]))
            box.exec()

        actor = self.ctx.actor
        return self.ctx.write(self, lambda progress: import_scores(actor, path, progress), done, failed=failed,
                              progress=self.tr("Importing scores…"))

    # -- raters ------------------------------------------------------------------------------------
    def change_raters(self):
        """Replace or add a rater of the selected person in this period, with a note (audited)."""
        from ui.appraisal.raters import RaterChangeDialog

        key, no = self.period_key(), self.selected_no()
        if not key or not no:
            QMessageBox.information(self, self.tr("Change raters"), self.tr("Choose a person on the left first."))
            return None
        dialog = RaterChangeDialog(rater_svc.rater_choices(self.ctx.actor, key, no), self)

        def accepted() -> None:
            mode, role, rater_no, note = dialog.values()
            call = rater_svc.replace_rater if mode == "replace" else rater_svc.add_rater
            actor = self.ctx.actor
            self._write(self.tr("Change raters"), lambda: call(actor, key, no, role, rater_no, note),
                        lambda _r: self._changed(self.tr("Raters of %1 changed.").replace("%1", no)))

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog

    def toggle_delegation(self) -> None:
        """总经理授权分管领导 for the whole period, after a confirmation that says what it does."""
        period = self.current_period()
        if period is None:
            return
        on = not period.get("gm_delegated")
        text = (self.tr("The general manager delegates his part of %1 to the supervising leaders? Every person's "
                        "general manager weight moves to their supervising leader.") if on else
                self.tr("Take the general manager's delegation of %1 back? His weight returns to him.")).replace("%1", period["key"])
        box = QMessageBox(QMessageBox.Question, self.tr("Delegation"), text, QMessageBox.Yes | QMessageBox.Cancel, self)
        box.setObjectName("appraisalConfirmDelegation")
        box.setDefaultButton(QMessageBox.Cancel)
        if box.exec() != QMessageBox.Yes:
            self.act_delegate.setChecked(bool(period.get("gm_delegated")))
            return
        actor, key = self.ctx.actor, period["key"]
        self._write(self.tr("Delegation"), lambda: rater_svc.set_delegation(actor, key, on),
                    lambda r: self._changed(self.tr("Delegation in %1 changed for %2 people.").replace("%1", key)
                                            .replace("%2", str(r["people"]))))

    def mutual_vote(self):
        from ui.appraisal.raters import MutualBallotDialog

        key = self.period_key()
        if not key:
            return None
        dialog = MutualBallotDialog(mutual.mutual_ballot(self.ctx.actor, key), self)

        def accepted() -> None:
            ratings, actor = dialog.ratings(), self.ctx.actor
            self._write(self.tr("Mutual rating"), lambda: mutual.cast_mutual_ratings(actor, key, ratings),
                        lambda r: self._changed(self.tr("Your anonymous ballot rates %1 colleagues.")
                                                .replace("%1", str(r["ratings"]))))

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog

    def mutual_results(self):
        from ui.appraisal.raters import MutualResultsDialog

        key = self.period_key()
        if not key:
            return None
        dialog = MutualResultsDialog(mutual.mutual_results(self.ctx.actor, key), self)
        dialog.open()
        return dialog

    def _changed(self, message: str) -> None:
        self.ctx.show_status(message)  # an operation's change reloads the tab through the dispatcher
        self.reload()  # the form and feedback panel still save directly: show their result at once
