"""The entry form for one person: indicators × raters, actuals, typed totals, live total and grade.

The live figures come from app.services.appraisal_sheet.live_figures (the rules the services save with); saving calls
app.services.appraisal.save_entry_form, one transaction for the whole form.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDoubleValidator, QFont, QFontMetrics
from PySide6.QtWidgets import (QComboBox, QFrame, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from app.errors import ShopTeamError
from app.i18n import _ as app_tr
from app.services import appraisal as svc
from app.services.appraisal_core import ROLE_NAMES
from app.services.appraisal_sheet import live_figures
from ui import theme

FIXED = 4  # indicator, weight, target, actual


def read_only(widget, why: str) -> None:
    """A cell the user may not edit: disabled, drawn grey and flat by the theme (readOnlyCell), saying why on
    hover (Qt shows a disabled widget's tool tip)."""
    widget.setEnabled(False)
    widget.setProperty("readOnlyCell", True)
    widget.setToolTip(why)


def _num(text: str):
    text = text.strip().replace(",", ".")
    try:
        value = Decimal(text)
    except Exception:
        return None
    return value if value.is_finite() and Decimal(0) <= value <= Decimal(100) else None


class ScoreForm(QWidget):
    saved = Signal(str)  # a status message

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.detail: dict | None = None
        self.title = QLabel(objectName="appraisalPersonTitle")
        self.title.setProperty("role", "title")
        self.subtitle = QLabel(objectName="appraisalPersonSubtitle")
        self.subtitle.setProperty("role", "muted")
        self.read_only_frame = QFrame(objectName="appraisalReadOnlyFrame")  # a lock and why the scores are read-only
        self.lock_icon = QLabel(objectName="appraisalLockIcon")
        self.lock_icon.setPixmap(theme.icon("mdi6.lock", theme.warning).pixmap(18, 18))
        self.read_only_banner = QLabel(objectName="appraisalReadOnlyBanner")
        self.read_only_banner.setWordWrap(True)
        banner = QHBoxLayout(self.read_only_frame)
        banner.setContentsMargins(10, 6, 10, 6)
        banner.addWidget(self.lock_icon)
        banner.addWidget(self.read_only_banner, 1)
        self.read_only_frame.setVisible(False)
        self.read_only_banner.setVisible(False)
        self.grid = QTableWidget(objectName="appraisalScoreGrid")
        self.grid.verticalHeader().setVisible(False)
        self.grid.setAlternatingRowColors(True)
        self.grid.setEditTriggers(QTableWidget.NoEditTriggers)
        self.live_total = QLabel(objectName="appraisalLiveTotal")
        self.live_grade = QLabel(objectName="appraisalLiveGrade")
        self.live_label = QLabel(objectName="appraisalLiveLabel")
        self.live_total.setProperty("role", "title")
        self.live_grade.setProperty("role", "title")
        self.problem = QLabel(objectName="appraisalFormProblem")
        self.problem.setProperty("role", "error")
        self.save_button = QPushButton(theme.icon("mdi6.content-save-outline", "#ffffff"), self.tr("Save scores"),
                                       objectName="appraisalSaveButton")
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.save)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("Final score:")))
        bottom.addWidget(self.live_total)
        bottom.addSpacing(16)
        bottom.addWidget(QLabel(self.tr("Grade:")))
        bottom.addWidget(self.live_grade)
        bottom.addSpacing(16)
        bottom.addWidget(QLabel(self.tr("Monthly label:")))
        bottom.addWidget(self.live_label)
        bottom.addSpacing(16)
        bottom.addWidget(self.problem, 1)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.read_only_frame)
        layout.addWidget(self.grid, 1)
        layout.addLayout(bottom)
        self.actual_edits: dict[str, QLineEdit] = {}
        self.level_boxes: dict[tuple[str, str], QComboBox] = {}
        self.total_edits: dict[str, QLineEdit] = {}
        self.total_labels: dict[str, QLabel] = {}
        self.quant_labels: dict[tuple[str, str], QLabel] = {}

    # -- building ---------------------------------------------------------------------------------
    def columns(self) -> list[dict]:
        return [*self.detail["raters"], self.detail["self"]] if self.detail else []

    def show_detail(self, detail: dict | None) -> None:
        self.detail = detail
        self.grid.clear()
        self.actual_edits, self.level_boxes, self.total_edits, self.total_labels = {}, {}, {}, {}
        self.base_edits: dict[str, QLineEdit] = {}
        self.quant_labels = {}
        if detail is None:
            self.title.setText(self.tr("Choose a person on the left"))
            self.subtitle.clear()
            self.grid.setRowCount(0)
            self.grid.setColumnCount(0)
            self.save_button.setEnabled(False)
            self.read_only_banner.setVisible(False)
            self.read_only_frame.setVisible(False)
            self.live_total.clear()
            self.live_grade.clear()
            self.live_label.clear()
            return
        self.title.setText(f"{detail['name']}（{detail['employee_no']}）")
        reason = detail.get("read_only_reason") or ""
        locked = detail["state"] == "locked"
        self.read_only_banner.setText(reason)
        self.read_only_frame.setProperty("role", "locked" if locked else "readonly")
        self.read_only_frame.style().polish(self.read_only_frame)
        self.lock_icon.setVisible(locked)
        self.read_only_frame.setVisible(bool(reason))
        self.read_only_banner.setVisible(bool(reason))
        self.grid.setProperty("locked", locked)
        kind = self.tr("appraised as a manager") if detail["as_manager"] else self.tr("appraised as staff")
        self.subtitle.setText(f"{detail['department']} · {detail['position']} · {detail['template_name']} · {kind}")
        cols = self.columns()
        inds = detail["indicators"]
        self.grid.setColumnCount(FIXED + len(cols))
        self.grid.setRowCount(len(inds) + 2)
        headers = [self.tr("Indicator"), self.tr("Weight %"), self.tr("Target"), self.tr("Actual")]
        shared = {}
        for c in cols:
            if c.get("group"):
                shared[c["group"]] = shared.get(c["group"], 0) + 1
        for c in cols:
            roles = "+".join(app_tr(ROLE_NAMES[r]) for r in c["roles"])
            weight = f"\n{c['weight']:g}%" if c["roles"] != ["self"] else "\n" + self.tr("not counted")
            if c.get("group") and shared[c["group"]] > 1:  # a role's weight shared: each counts with the mean
                weight += f" ÷ {shared[c['group']]}"
            headers.append(f"{c['name']}\n{roles}{weight}")  # name, role, weight: three short lines
        self.grid.setHorizontalHeaderLabels(headers)
        for col, c in enumerate(cols, start=FIXED):
            item = self.grid.horizontalHeaderItem(col)
            if not c["can_edit"]:
                item.setIcon(theme.icon("mdi6.lock-outline", theme.text_muted))
            item.setToolTip(headers[col].replace("\n", " · ") + ("\n" + c["why_read_only"] if not c["can_edit"] else ""))
        for row, ind in enumerate(inds):
            self._fixed_cells(row, ind)
            for col, c in enumerate(cols, start=FIXED):
                self._score_cell(row, col, ind, c)
        typed_row, total_row = len(inds), len(inds) + 1
        self._label_item(typed_row, 0, self.tr("Typed total (instead of indicators)"))
        self._label_item(total_row, 0, self.tr("Rater's total"))
        for col, c in enumerate(cols, start=FIXED):
            edit = QLineEdit("" if c["typed_total"] is None else f"{c['typed_total']:g}", objectName=f"total_{c['employee_no']}")
            edit.setValidator(QDoubleValidator(0, 100, 2, edit))
            if not c["can_edit"]:
                read_only(edit, c["why_read_only"])
            edit.textEdited.connect(self.update_live)
            self.grid.setCellWidget(typed_row, col, edit)
            self.total_edits[c["employee_no"]] = edit
            label = QLabel(objectName=f"raterTotal_{c['employee_no']}")
            label.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
            self.grid.setCellWidget(total_row, col, label)
            self.total_labels[c["employee_no"]] = label
        header = self.grid.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.Interactive)
        self.grid.setColumnWidth(0, 150)
        header.setMinimumSectionSize(48)
        for col in range(1, FIXED):
            header.setSectionResizeMode(col, QHeaderView.ResizeToContents)
        bold = QFont(header.font())
        bold.setBold(True)  # the theme draws header sections bold
        metrics = QFontMetrics(bold)
        for col, c in enumerate(cols, start=FIXED):  # wide enough for "name / role + role / weight", and the lock
            header.setSectionResizeMode(col, QHeaderView.Interactive)
            lines = headers[col].split("\n")
            lock = 0 if c["can_edit"] else 22
            self.grid.setColumnWidth(col, max(104, max(metrics.horizontalAdvance(x) for x in lines) + 28 + lock))
        header.setMinimumHeight(metrics.lineSpacing() * 3 + 14)
        self.grid.resizeRowsToContents()
        self.save_button.setEnabled(any(c["can_edit"] for c in cols))
        self.update_live()

    def _label_item(self, row: int, col: int, text: str, right: bool = False, tip: str = "") -> None:
        item = QTableWidgetItem(text)
        if right:
            item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
        if tip:
            item.setToolTip(tip)
        self.grid.setItem(row, col, item)

    def _fixed_cells(self, row: int, ind: dict) -> None:
        tip = "\n".join(f"{lv['level']} {lv['points']:g}: {lv.get('description', '')}" for lv in ind.get("levels", []))
        self._label_item(row, 0, ind["name"], tip=f"{ind['section']} {ind['section_weight']:g}%\n{tip}".strip())
        self._label_item(row, 1, f"{ind['effective_weight']:g}", right=True)
        if ind["kind"] == "quantitative" and "base_text" in ind:  # growth: the target cell holds the base figure
            self._base_cell(row, ind)
        elif ind["kind"] == "quantitative":
            arrow = " ↓" if ind.get("lower_is_better") else ""
            self._label_item(row, 2, f"{ind.get('target', ''):g} {ind.get('unit', '')}{arrow}".strip(), right=True)
        if ind["kind"] == "quantitative":
            edit = QLineEdit("" if ind["actual"] is None else f"{ind['actual']:g}", objectName=f"actual_{ind['key']}")
            edit.setValidator(QDoubleValidator(0, 1e9, 4, edit))
            if not any(c["can_edit"] for c in self.columns()):
                read_only(edit, self.detail.get("read_only_reason") or self.tr("Only a rater, HR or an administrator "
                                                                                "enters actual values."))
            edit.textEdited.connect(self.update_live)
            self.grid.setCellWidget(row, 3, edit)
            self.actual_edits[ind["key"]] = edit
        else:
            self._label_item(row, 2, self.tr("rubric A–D"), tip=tip)

    def _base_cell(self, row: int, ind: dict) -> None:
        """A growth indicator's base figure: from the base period, or typed in for this person."""
        edit = QLineEdit("" if ind.get("base") is None else f"{ind['base']:g}", objectName=f"base_{ind['key']}")
        edit.setValidator(QDoubleValidator(0, 1e12, 2, edit))
        edit.setPlaceholderText(self.tr("no base figure"))
        edit.setToolTip(ind.get("base_text") or self.tr("Type the base figure the growth is measured against."))
        if not any(c["can_edit"] for c in self.columns()):
            read_only(edit, f"{self.detail.get('read_only_reason') or ''}\n{edit.toolTip()}".strip())
        edit.textEdited.connect(self.update_live)
        self.grid.setCellWidget(row, 2, edit)
        self.base_edits[ind["key"]] = edit

    def _score_cell(self, row: int, col: int, ind: dict, c: dict) -> None:
        if ind["kind"] == "quantitative":
            label = QLabel(objectName=f"quant_{c['employee_no']}_{ind['key']}")
            label.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
            self.grid.setCellWidget(row, col, label)
            self.quant_labels[(c["employee_no"], ind["key"])] = label
            return
        box = QComboBox(objectName=f"level_{c['employee_no']}_{ind['key']}")
        box.addItem("", None)
        for lv in ind.get("levels", []):
            box.addItem(f"{lv['level']} · {lv['points']:g}", lv["level"])
        stored_level, stored = c["levels"].get(ind["key"]), c["scores"].get(ind["key"])
        if stored_level:
            box.setCurrentIndex(box.findData(stored_level))
        elif stored is not None:  # an imported number, not a level
            box.addItem(f"{stored:g}", float(stored))
            box.setCurrentIndex(box.count() - 1)
        levels_tip = "\n".join(f"{lv['level']}: {lv.get('description', '')}" for lv in ind.get("levels", []))
        box.setToolTip(levels_tip)
        if not c["can_edit"]:
            read_only(box, f"{c['why_read_only']}\n\n{levels_tip}".strip())
        box.currentIndexChanged.connect(lambda _i, no=c["employee_no"]: self._level_changed(no))
        self.grid.setCellWidget(row, col, box)
        self.level_boxes[(c["employee_no"], ind["key"])] = box

    def _level_changed(self, rater_no: str) -> None:
        self.total_edits[rater_no].clear()  # scoring by indicator now: the indicators make the total
        self.update_live()

    # -- live figures (computed by app.services.appraisal_sheet.live_figures: no rule here) ---------
    def live(self) -> dict:
        levels = {key: box.currentData() for key, box in self.level_boxes.items() if box.currentData() is not None}
        typed = {no: edit.text() for no, edit in self.total_edits.items()}
        actuals = {key: edit.text() for key, edit in self.actual_edits.items()}
        bases = {key: edit.text() for key, edit in self.base_edits.items()}
        return live_figures(self.detail, levels, typed, actuals, bases)

    def update_live(self) -> None:
        if not self.detail:
            return
        figures = self.live()
        for (_no, key), label in self.quant_labels.items():
            value = figures["quant"].get(key)
            no_base = key in figures["no_base"]
            label.setText(self.tr("no base figure") if no_base else "" if value is None else f"{value:.2f}")
        for no, label in self.total_labels.items():
            total = figures["totals"].get(no)
            label.setText("—" if total is None else f"{total:.2f}")
        if figures["score"] is None:
            self.live_total.setText("—")
            self.live_grade.setText(self.tr("waiting for every rater"))
            self.live_label.clear()
            return
        self.live_total.setText(f"{figures['score']:.2f}")
        self.live_grade.setText(figures["grade_text"])
        self.live_label.setText(figures["label_name"])

    # -- saving ------------------------------------------------------------------------------------
    def entries(self) -> tuple[list[dict], dict]:
        entries = []
        for c in self.columns():
            if not c["can_edit"]:
                continue
            scores = {}
            for ind in self.detail["indicators"]:
                box = self.level_boxes.get((c["employee_no"], ind["key"]))
                if box is None or box.currentData() is None or isinstance(box.currentData(), float):
                    continue
                if box.currentData() != c["levels"].get(ind["key"]):
                    scores[ind["key"]] = box.currentData()
            typed = self.total_edits[c["employee_no"]].text().strip().replace(",", ".")
            total = typed if typed and _num(typed) != (None if c["typed_total"] is None else _num(f"{c['typed_total']:g}")) else None
            if scores or total is not None:
                entries.append({"rater_no": c["employee_no"], "scores": scores, "total": total})
        actuals = {}
        for ind in self.detail["indicators"]:
            edit = self.actual_edits.get(ind["key"])
            if edit is not None and edit.isEnabled() and edit.text().strip():
                value = edit.text().strip().replace(",", ".")
                if ind["actual"] is None or float(value) != float(ind["actual"]):
                    actuals[ind["key"]] = value
            base = self.base_edits.get(ind["key"])
            if base is not None and base.isEnabled() and base.text().strip():
                value = base.text().strip().replace(",", ".")
                if ind.get("base") is None or float(value) != float(ind["base"]):
                    actuals[f"{ind['key']}@base"] = value  # a typed base figure (app/rules/appraisal_growth.py)
        return entries, actuals

    def save(self) -> None:
        if not self.detail:
            return
        entries, actuals = self.entries()
        if not entries and not actuals:
            self.saved.emit(self.tr("Nothing changed."))
            return
        try:
            result = svc.save_entry_form(self.ctx.actor, self.detail["period"], self.detail["employee_no"], entries, actuals)
        except ShopTeamError as exc:
            QMessageBox.warning(self, self.tr("Save scores"), str(exc))
            return
        score = "—" if result["score"] is None else f"{result['score']:.2f} {result['grade']}"
        self.saved.emit(self.tr("Scores of %1 saved: %2.").replace("%1", self.detail["name"]).replace("%2", score))
