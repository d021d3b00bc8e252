"""The template editor (考核表模板): per position, sections with weights and their indicators —
quantitative (target, scoring rule, cap or bands, lower is better, data source) or qualitative (an
A/B/C/D rubric with descriptions and points). Every edit is checked with the same rules the service
applies (app.rules.appraisal_template); OK stays disabled until the template is valid, and what is
wrong is written next to the field. OK saves through app.services.appraisal_templates.save_template.
"""

from __future__ import annotations

import copy
import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox, QPushButton,
                               QStackedWidget, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from app.errors import ShopTeamError
from app.rules.appraisal_template import template_problems
from app.services import appraisal_templates as tsvc

SOURCES = ("", "attendance.absence_days", "attendance.late_count", "attendance.missing_punch_count",
           "attendance.overtime_hours", "tasks.done", "tasks.on_time_rate", "tasks.avg_cycle_days", "tasks.sent_back")
LEVELS = ("A", "B", "C", "D")
DEFAULT_POINTS = {"A": 100, "B": 80, "C": 60, "D": 40}


def _number(text: str):
    text = (text or "").strip().replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        return text  # kept as typed: the rules report it
    return int(value) if value.is_integer() else value


def _fmt(value) -> str:
    return "" if value is None else str(value)


def _sum_text(values) -> str:
    total = sum(v for v in values if isinstance(v, (int, float)) and not isinstance(v, bool))
    return f"{total:g}"


def bands_text(bands) -> str:
    return "; ".join(f"{_fmt(t)}:{_fmt(s)}" for t, s in bands or [])


def parse_bands(text: str):
    out = []
    for part in re.split(r"[;；\n]", text or ""):
        if part.strip():
            threshold, _colon, score = part.replace("：", ":").partition(":")
            out.append([_number(threshold), _number(score)])
    return out


class TemplateEditor(QDialog):
    def __init__(self, ctx, parent=None, position: tuple[str, str] | None = None):
        super().__init__(parent)
        self.setObjectName("appraisalTemplateEditor")
        self.setWindowTitle(self.tr("Appraisal templates"))
        self.ctx = ctx
        self.rows = tsvc.list_templates(ctx.actor)
        self.template: dict = {}
        self.section_index = -1
        self.indicator_index = -1
        self._loading = False
        self.dirty = False
        self.position_combo = QComboBox(objectName="templatePositionCombo")
        for r in self.rows:
            mark = self.tr(" (edited)") if r["edited"] else ""
            self.position_combo.addItem(f"{r['department']} · {r['position']}{mark}", f"{r['department']}\t{r['position']}")
        self.name_edit = QLineEdit(objectName="templateName")
        self.name_edit.textEdited.connect(self._name_edited)

        self.sections = self._table("templateSectionTable", [self.tr("Section"), self.tr("Weight %")])
        self.sections.itemChanged.connect(self._section_edited)
        self.sections.currentCellChanged.connect(lambda row, *_a: self._show_section(row))
        self.section_total = QLabel(objectName="templateSectionTotal")
        self.section_total.setWordWrap(True)
        add_section = QPushButton(self.tr("Add section"), objectName="templateAddSection")
        del_section = QPushButton(self.tr("Remove section"), objectName="templateRemoveSection")
        add_section.clicked.connect(self._add_section)
        del_section.clicked.connect(self._remove_section)

        self.indicators = self._table("templateIndicatorTable", [self.tr("Indicator"), self.tr("Key"), self.tr("Kind"),
                                                                  self.tr("Weight %")])
        self.indicators.itemChanged.connect(self._indicator_edited)
        self.indicators.currentCellChanged.connect(lambda row, *_a: self._show_indicator(row))
        self.indicator_total = QLabel(objectName="templateIndicatorTotal")
        self.indicator_total.setWordWrap(True)
        add_quant = QPushButton(self.tr("Add quantitative"), objectName="templateAddQuantitative")
        add_qual = QPushButton(self.tr("Add qualitative"), objectName="templateAddQualitative")
        del_ind = QPushButton(self.tr("Remove indicator"), objectName="templateRemoveIndicator")
        add_quant.clicked.connect(lambda: self._add_indicator("quantitative"))
        add_qual.clicked.connect(lambda: self._add_indicator("qualitative"))
        del_ind.clicked.connect(self._remove_indicator)

        self.detail = QStackedWidget(objectName="templateIndicatorDetail")
        self.detail.addWidget(QLabel(self.tr("Pick an indicator to edit its target or rubric.")))
        self.detail.addWidget(self._quantitative_page())
        self.detail.addWidget(self._qualitative_page())

        self.problems = QLabel(objectName="templateProblems")
        self.problems.setProperty("role", "error")
        self.problems.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, objectName="templateButtons")
        self.ok_button = self.buttons.button(QDialogButtonBox.Ok)
        self.ok_button.setText(self.tr("Save"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        self.scheme_button = QPushButton(self.tr("Apply a scheme…"), objectName="templateApplyScheme")
        self.scheme_button.setToolTip(self.tr("Pick a ready scheme from the library and compare it with this template"))
        self.scheme_button.clicked.connect(self.pick_scheme)
        top = QFormLayout()
        position_row = QHBoxLayout()
        position_row.addWidget(self.position_combo, 1)
        position_row.addWidget(self.scheme_button)
        top.addRow(self.tr("Position"), position_row)
        top.addRow(self.tr("Template name"), self.name_edit)
        left = QVBoxLayout()
        left.addWidget(self.sections, 1)
        left.addWidget(self.section_total)
        left.addLayout(self._row(add_section, del_section))
        right = QVBoxLayout()
        right.addWidget(self.indicators, 1)
        right.addWidget(self.indicator_total)
        right.addLayout(self._row(add_quant, add_qual, del_ind))
        right.addWidget(self.detail)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addLayout(right, 5)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self.resize(1100, 720)
        self.position_combo.currentIndexChanged.connect(lambda _i: self.load())
        if position is not None:
            self.position_combo.setCurrentIndex(max(0, self.position_combo.findData("\t".join(position))))
        self.load()

    # -- building -------------------------------------------------------------------------------
    @staticmethod
    def _row(*widgets) -> QHBoxLayout:
        row = QHBoxLayout()
        for w in widgets:
            row.addWidget(w)
        row.addStretch(1)
        return row

    def _table(self, name: str, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), objectName=name)
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        table.setSelectionBehavior(QAbstractItemView.SelectRows)
        table.setSelectionMode(QAbstractItemView.SingleSelection)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        return table

    def _quantitative_page(self) -> QWidget:
        page = QGroupBox(self.tr("Quantitative indicator"), objectName="templateQuantitativePage")
        self.target_edit = QLineEdit(objectName="templateTarget")
        self.unit_edit = QLineEdit(objectName="templateUnit")
        self.rule_combo = QComboBox(objectName="templateRule")
        self.rule_combo.addItem(self.tr("Achievement ratio × 100, capped"), "ratio")
        self.rule_combo.addItem(self.tr("Banded thresholds"), "bands")
        self.rule_combo.addItem(self.tr("Growth against a base period, banded"), "growth")
        self.base_combo = QComboBox(objectName="templateGrowthBase")
        self.base_combo.addItem(self.tr("The period before"), "previous")
        self.base_combo.addItem(self.tr("The same period last year"), "last_year")
        self.base_combo.addItem(self.tr("Base figures typed in"), "typed")
        self.cap_edit = QLineEdit(objectName="templateCap")
        self.bands_edit = QLineEdit(objectName="templateBands")
        self.bands_edit.setPlaceholderText(self.tr("threshold:score; … e.g. 95:100; 90:80; 85:60"))
        self.else_edit = QLineEdit(objectName="templateBandsElse")
        self.lower_check = QCheckBox(self.tr("Lower is better (times, errors, absences)"), objectName="templateLowerIsBetter")
        self.source_combo = QComboBox(objectName="templateSource")
        names = {"": self.tr("Typed in"), "attendance.absence_days": self.tr("Attendance: absence days"),
                 "attendance.late_count": self.tr("Attendance: times late"),
                 "attendance.missing_punch_count": self.tr("Attendance: missing punches"),
                 "attendance.overtime_hours": self.tr("Attendance: overtime hours"),
                 "tasks.done": self.tr("Tasks: completed"), "tasks.on_time_rate": self.tr("Tasks: on-time rate"),
                 "tasks.avg_cycle_days": self.tr("Tasks: average days to finish"),
                 "tasks.sent_back": self.tr("Tasks: sent back")}
        for src in SOURCES:
            self.source_combo.addItem(names[src], src)
        form = QFormLayout(page)
        form.addRow(self.tr("Target"), self.target_edit)
        form.addRow(self.tr("Unit"), self.unit_edit)
        form.addRow(self.tr("Scoring rule"), self.rule_combo)
        form.addRow(self.tr("Cap"), self.cap_edit)
        form.addRow(self.tr("Growth against"), self.base_combo)
        form.addRow(self.tr("Bands"), self.bands_edit)
        form.addRow(self.tr("Score below every band"), self.else_edit)
        form.addRow("", self.lower_check)
        form.addRow(self.tr("Actual from"), self.source_combo)
        for edit in (self.target_edit, self.unit_edit, self.cap_edit, self.bands_edit, self.else_edit):
            edit.textEdited.connect(self._quant_edited)
        self.rule_combo.currentIndexChanged.connect(self._quant_edited)
        self.base_combo.currentIndexChanged.connect(self._quant_edited)
        self.source_combo.currentIndexChanged.connect(self._quant_edited)
        self.lower_check.toggled.connect(self._quant_edited)
        return page

    def _qualitative_page(self) -> QWidget:
        page = QGroupBox(self.tr("Rubric"), objectName="templateQualitativePage")
        self.rubric = QTableWidget(len(LEVELS), 2, objectName="templateRubric")
        self.rubric.setHorizontalHeaderLabels([self.tr("Description"), self.tr("Points")])
        self.rubric.setVerticalHeaderLabels(list(LEVELS))
        self.rubric.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.rubric.itemChanged.connect(self._rubric_edited)
        QVBoxLayout(page).addWidget(self.rubric)
        return page

    # -- loading --------------------------------------------------------------------------------
    def position(self) -> tuple[str, str]:
        dept, _tab, pos = self.position_combo.currentData().partition("\t")
        return dept, pos

    def load(self) -> None:
        dept, pos = self.position()
        self.template = copy.deepcopy(tsvc.get_template(self.ctx.actor, dept, pos))
        self._loading = True
        self.name_edit.setText(self.template.get("name", ""))
        self._loading = False
        self._fill_sections()
        self.dirty = False
        self.position_combo.setEnabled(True)
        self.validate()

    def _sections(self) -> list[dict]:
        return self.template.setdefault("sections", [])

    def _section(self) -> dict | None:
        sections = self._sections()
        return sections[self.section_index] if 0 <= self.section_index < len(sections) else None

    def _indicator(self) -> dict | None:
        section = self._section()
        inds = section.get("indicators", []) if section else []
        return inds[self.indicator_index] if 0 <= self.indicator_index < len(inds) else None

    def _fill_sections(self, select: int = 0) -> None:
        self._loading = True
        self.sections.setRowCount(0)
        for sec in self._sections():
            row = self.sections.rowCount()
            self.sections.insertRow(row)
            self.sections.setItem(row, 0, QTableWidgetItem(sec.get("name", "")))
            self.sections.setItem(row, 1, QTableWidgetItem(_fmt(sec.get("weight"))))
        self._loading = False
        self.section_index = -1
        if self._sections():
            self.sections.setCurrentCell(min(select, len(self._sections()) - 1), 0)
        self._show_section(self.sections.currentRow())

    def _show_section(self, row: int) -> None:
        self.section_index = row
        section = self._section()
        kinds = {"quantitative": self.tr("Quantitative"), "qualitative": self.tr("Qualitative")}
        self._loading = True
        self.indicators.setRowCount(0)
        for ind in (section or {}).get("indicators", []):
            r = self.indicators.rowCount()
            self.indicators.insertRow(r)
            self.indicators.setItem(r, 0, QTableWidgetItem(ind.get("name", "")))
            self.indicators.setItem(r, 1, QTableWidgetItem(ind.get("key", "")))
            kind = QTableWidgetItem(kinds.get(ind.get("kind"), ""))
            kind.setFlags(kind.flags() & ~Qt.ItemIsEditable)
            self.indicators.setItem(r, 2, kind)
            self.indicators.setItem(r, 3, QTableWidgetItem(_fmt(ind.get("weight"))))
        self._loading = False
        self.indicator_index = -1
        if self.indicators.rowCount():
            self.indicators.setCurrentCell(0, 0)
        self._show_indicator(self.indicators.currentRow())
        self.validate()

    def _show_indicator(self, row: int) -> None:
        self.indicator_index = row
        ind = self._indicator()
        self._loading = True
        if ind is None:
            self.detail.setCurrentIndex(0)
        elif ind.get("kind") == "qualitative":
            levels = {lv.get("level"): lv for lv in ind.get("levels", [])}
            for i, letter in enumerate(LEVELS):
                lv = levels.get(letter, {})
                self.rubric.setItem(i, 0, QTableWidgetItem(lv.get("description", "")))
                self.rubric.setItem(i, 1, QTableWidgetItem(_fmt(lv.get("points"))))
            self.detail.setCurrentIndex(2)
        else:
            rule = ind.get("rule") or {}
            self.target_edit.setText(_fmt(ind.get("target")))
            self.unit_edit.setText(ind.get("unit", ""))
            self.rule_combo.setCurrentIndex(max(0, self.rule_combo.findData(rule.get("type", "ratio"))))
            self.cap_edit.setText(_fmt(rule.get("cap", 100)))
            self.bands_edit.setText(bands_text(rule.get("bands")))
            self.else_edit.setText(_fmt(rule.get("else", 0)))
            self.base_combo.setCurrentIndex(max(0, self.base_combo.findData(rule.get("base", "previous"))))
            self.lower_check.setChecked(bool(ind.get("lower_is_better")))
            self.source_combo.setCurrentIndex(max(0, self.source_combo.findData(ind.get("source") or "")))
            self._rule_fields()
            self.detail.setCurrentIndex(1)
        self._loading = False

    def _rule_fields(self) -> None:
        rule = self.rule_combo.currentData()
        bands = rule in ("bands", "growth")  # growth bands read "growth %:points"
        self.cap_edit.setEnabled(rule == "ratio")
        self.bands_edit.setEnabled(bands)
        self.else_edit.setEnabled(bands)
        self.base_combo.setEnabled(rule == "growth")
        self.target_edit.setEnabled(rule != "growth")  # growth is measured against the base figure

    # -- editing --------------------------------------------------------------------------------
    def _touch(self) -> None:
        self.dirty = True
        self.position_combo.setEnabled(False)
        self.position_combo.setToolTip(self.tr("Save or cancel your changes before switching position."))
        self.validate()

    def _name_edited(self, text: str) -> None:
        if not self._loading:
            self.template["name"] = text.strip()
            self._touch()

    def _section_edited(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        sec = self._sections()[item.row()]
        if item.column() == 0:
            sec["name"] = item.text().strip()
        else:
            sec["weight"] = _number(item.text())
        self._touch()

    def _indicator_edited(self, item: QTableWidgetItem) -> None:
        section = self._section()
        if self._loading or section is None:
            return
        ind = section["indicators"][item.row()]
        field = {0: "name", 1: "key", 3: "weight"}.get(item.column())
        if field:
            ind[field] = _number(item.text()) if field == "weight" else item.text().strip()
            self._touch()

    def _quant_edited(self, *_args) -> None:
        self._rule_fields()
        ind = self._indicator()
        if self._loading or ind is None or ind.get("kind") != "quantitative":
            return
        ind["target"] = _number(self.target_edit.text())
        ind["unit"] = self.unit_edit.text().strip()
        ind["lower_is_better"] = self.lower_check.isChecked()
        source = self.source_combo.currentData()
        if source:
            ind["source"] = source
        else:
            ind.pop("source", None)
        if self.rule_combo.currentData() == "bands":
            ind["rule"] = {"type": "bands", "bands": parse_bands(self.bands_edit.text()),
                           "else": _number(self.else_edit.text() or "0")}
        elif self.rule_combo.currentData() == "growth":
            ind["target"] = None
            ind["rule"] = {"type": "growth", "base": self.base_combo.currentData(),
                           "bands": parse_bands(self.bands_edit.text()), "else": _number(self.else_edit.text() or "0")}
        else:
            ind["rule"] = {"type": "ratio", "cap": _number(self.cap_edit.text())}
        self._touch()

    def _rubric_edited(self, item: QTableWidgetItem) -> None:
        ind = self._indicator()
        if self._loading or ind is None or ind.get("kind") != "qualitative":
            return
        levels = {lv.get("level"): lv for lv in ind.setdefault("levels", [])}
        letter = LEVELS[item.row()]
        level = levels.get(letter)
        if level is None:
            level = {"level": letter, "points": DEFAULT_POINTS[letter], "description": ""}
            ind["levels"].append(level)
        if item.column() == 0:
            level["description"] = item.text().strip()
        else:
            level["points"] = _number(item.text())
        ind["levels"].sort(key=lambda lv: LEVELS.index(lv["level"]) if lv.get("level") in LEVELS else 9)
        self._touch()

    def _add_section(self) -> None:
        n = len(self._sections()) + 1
        self._sections().append({"key": f"section{n}", "name": self.tr("New section"), "weight": 0, "indicators": []})
        self._fill_sections(n - 1)
        self._touch()

    def _remove_section(self) -> None:
        if self._section() is not None:
            del self._sections()[self.section_index]
            self._fill_sections(max(0, self.section_index - 1))
            self._touch()

    def _new_key(self) -> str:
        used = {i.get("key") for s in self._sections() for i in s.get("indicators", [])}
        n = 1
        while f"indicator{n}" in used:
            n += 1
        return f"indicator{n}"

    def _add_indicator(self, kind: str) -> None:
        section = self._section()
        if section is None:
            return
        ind = {"key": self._new_key(), "name": self.tr("New indicator"), "kind": kind, "weight": 0}
        if kind == "quantitative":
            ind.update(target=100, unit="", rule={"type": "ratio", "cap": 100}, lower_is_better=False)
        else:
            ind["levels"] = [{"level": lv, "points": DEFAULT_POINTS[lv], "description": ""} for lv in LEVELS]
        section.setdefault("indicators", []).append(ind)
        row = self.section_index
        self._show_section(row)
        self.indicators.setCurrentCell(len(section["indicators"]) - 1, 0)
        self._touch()

    def _remove_indicator(self) -> None:
        section = self._section()
        if self._indicator() is not None:
            del section["indicators"][self.indicator_index]
            self._show_section(self.section_index)
            self._touch()

    # -- checking and saving ----------------------------------------------------------------------
    def validate(self) -> list[str]:
        problems = template_problems(self.template)
        total = _sum_text(s.get("weight") for s in self._sections())
        ok_sections = total == "100"
        self.section_total.setText(self.tr("Sections add up to %1%.").replace("%1", total) if ok_sections else
                                   self.tr("Sections add up to %1%, not 100 — change a weight.").replace("%1", total))
        self.section_total.setProperty("role", "muted" if ok_sections else "error")
        section = self._section()
        if section is None:
            self.indicator_total.setText("")
        else:
            sub = _sum_text(i.get("weight") for i in section.get("indicators", []))
            ok_inds = sub == "100"
            self.indicator_total.setText(
                self.tr("Indicators of %1 add up to %2%.").replace("%1", section.get("name", "")).replace("%2", sub) if ok_inds
                else self.tr("Indicators of %1 add up to %2%, not 100.").replace("%1", section.get("name", "")).replace("%2", sub))
            self.indicator_total.setProperty("role", "muted" if ok_inds else "error")
        for label in (self.section_total, self.indicator_total):
            label.style().unpolish(label)
            label.style().polish(label)
        self.problems.setText("\n".join(problems))
        self.ok_button.setEnabled(not problems and self.dirty)
        return problems

    def pick_scheme(self):
        """The scheme library beside this position's template; after applying, the new version shows here."""
        from ui.appraisal.schemes import SchemeDialog

        if self.dirty and QMessageBox.question(self, self.tr("Appraisal templates"),
                                               self.tr("Discard your unsaved changes to this template?")) != QMessageBox.Yes:
            return None
        dialog = SchemeDialog(self.ctx, self, self.position())
        dialog.accepted.connect(self._scheme_applied)
        dialog.open()
        return dialog

    def _scheme_applied(self) -> None:
        self.rows = tsvc.list_templates(self.ctx.actor)
        self.load()

    def save(self) -> None:
        if self.validate():
            return
        dept, pos = self.position()
        try:
            tsvc.save_template(self.ctx.actor, dept, pos, self.template)
        except ShopTeamError as exc:
            QMessageBox.warning(self, self.tr("Appraisal templates"), str(exc))
            return
        self.ctx.show_status(self.tr("Template of %1 saved; it applies to periods opened from now on.").replace("%1", pos))
        self.accept()
