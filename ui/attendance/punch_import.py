"""The punch import dialog: a preview of a clock file before anything is written (layout, date range,
per person found / new / already recorded, unknown clock numbers with a saved "map to employee"
choice, bad rows), then the import itself. Both run in the worker with progress and cancel."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QPlainTextEdit, QPushButton, QVBoxLayout, QWidget)

from app.services.employees import list_employees
from app.services.punch_import import import_punches, map_clock_number, preview_punch_import
from ui.models.table import Column, RowTableModel, sorting_proxy
from ui.widgets.table_view import DataTableView
from ui.workers import run_with_progress

FILE_FILTER = "*.dat *.txt *.csv *.xlsx *.xls"


class PunchImportDialog(QDialog):
    def __init__(self, ctx, path: str, parent=None):
        super().__init__(parent)
        self.setObjectName("punchImportDialog")
        self.ctx, self.path = ctx, path
        self.preview: dict | None = None
        self.result: dict | None = None
        self.setWindowTitle(self.tr("Import punches"))
        self.summary = QLabel(objectName="punchImportSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.RichText)
        self.model = RowTableModel([
            Column("employee_no", self.tr("Employee no.")),
            Column("name", self.tr("Name")),
            Column("clock_no", self.tr("Clock no.")),
            Column("found", self.tr("In the file"), align_right=True),
            Column("new", self.tr("New"), align_right=True),
            Column("already", self.tr("Already recorded"), align_right=True),
        ], self)
        self.table = DataTableView("punchImportPeople")
        self.table.setModel(sorting_proxy(self.model, self))
        self.unknown_box = QGroupBox(self.tr("Clock numbers without an employee"), objectName="punchImportUnknown")
        self.unknown_form = QFormLayout(self.unknown_box)
        self.problems = QPlainTextEdit(objectName="punchImportProblems", readOnly=True)
        self.problems.setMaximumHeight(130)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.run_button = self.buttons.button(QDialogButtonBox.Ok)
        self.run_button.setText(self.tr("Import"))
        self.run_button.setObjectName("punchImportRun")
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.unknown_box)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self.resize(760, 560)
        self._people: list[tuple[str, str]] = []
        actor = ctx.actor
        ctx.query(self, lambda: [(e.employee_no, e.name) for e in list_employees(actor, include_left=False)],
                  self._people_loaded)  # queued before the preview on the one executor: here first
        self._show(None)

    def _people_loaded(self, people: list[tuple[str, str]]) -> None:
        self._people = people
        if self.preview is not None:
            self._fill_unknown(self.preview["unknown"])

    # -- preview ---------------------------------------------------------------------------------
    def load_preview(self):
        """Read the file in the worker; the dialog fills when it is done."""
        self.run_button.setEnabled(False)
        return run_with_progress(self, self.tr("Reading the clock file…"),
                                 partial(preview_punch_import, self.ctx.actor, str(self.path)), self._show, self._failed,
                                 separate_process=True)

    def _failed(self, message: str) -> None:
        self.summary.setText(self.tr("This file cannot be imported."))
        self.problems.setPlainText(message)
        self.problems.setVisible(True)
        self.run_button.setEnabled(False)

    def _show(self, preview: dict | None) -> None:
        self.preview = preview
        if preview is None:
            self.summary.setText(self.tr("Reading %1…").replace("%1", self.path))
            self.unknown_box.setVisible(False)
            self.problems.setVisible(False)
            return
        parts = [self.tr("<b>%1</b> · %2 · %3 to %4").replace("%1", preview["file"]).replace("%2", preview["layout_label"])
                 .replace("%3", preview["from"] or "—").replace("%4", preview["to"] or "—"),
                 self.tr("%1 punches in the file: %2 new, %3 already recorded.").replace("%1", str(preview["punches"]))
                 .replace("%2", str(preview["new"])).replace("%3", str(preview["already"]))]
        if preview["missed_cells"]:
            parts.append(self.tr("%1 cells say 漏刷 (missed): nothing is imported for them.").replace("%1", str(preview["missed_cells"])))
        if preview["skipped_count"]:
            parts.append(self.tr("%1 lines are not punches and are skipped.").replace("%1", str(preview["skipped_count"])))
        self.summary.setText("<br>".join(parts))
        self.model.set_rows(preview["people"])
        self._fill_unknown(preview["unknown"])
        lines = [self.tr("Row %1: %2").replace("%1", str(e["row"])).replace("%2", e["reason"]) for e in preview["errors"]]
        lines += [self.tr("Row %1 (skipped): %2").replace("%1", str(e["row"])).replace("%2", e["reason"]) for e in preview["skipped"]]
        self.problems.setPlainText("\n".join(lines))
        self.problems.setVisible(bool(lines))
        self.run_button.setEnabled(preview["may_import"])
        self.run_button.setToolTip(preview["why_not"])

    def _fill_unknown(self, unknown: list[dict]) -> None:
        while self.unknown_form.rowCount():
            self.unknown_form.removeRow(0)
        self.unknown_box.setVisible(bool(unknown))
        for u in unknown:
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            combo = QComboBox(objectName=f"mapCombo_{u['clock_no']}")
            combo.addItem(self.tr("Choose the employee…"), "")
            for no, name in self._people:
                combo.addItem(f"{no} {name}", no)
            button = QPushButton(self.tr("Map and remember"), objectName=f"mapButton_{u['clock_no']}")
            button.clicked.connect(lambda _c=False, clock=u["clock_no"], box=combo: self.map_number(clock, box.currentData()))
            line.addWidget(combo, 1)
            line.addWidget(button)
            label = self.tr("%1 %2 (rows: %3, first in row %4)").replace("%1", u["clock_no"]).replace("%2", u["name"]) \
                .replace("%3", str(u["rows"])).replace("%4", str(u["first_row"]))
            self.unknown_form.addRow(label, row)

    def map_number(self, clock_no: str, employee_no: str):
        """Remember the mapping (an operation), then read the file again."""
        if not employee_no:
            return None
        actor = self.ctx.actor

        def mapped(_result) -> None:
            self.ctx.show_status(self.tr("Clock no. %1 is mapped to %2.").replace("%1", clock_no).replace("%2", employee_no))
            self.load_preview()

        return self.ctx.write(self, lambda: map_clock_number(actor, clock_no, employee_no), mapped,
                              failed=self._map_failed)

    def _map_failed(self, message: str) -> None:
        self.problems.setVisible(True)
        self.problems.setPlainText(message)

    # -- import ----------------------------------------------------------------------------------
    def run_import(self):
        self.run_button.setEnabled(False)
        # in a process of its own: a big file is minutes of work that must not take the GIL from the window
        return run_with_progress(self, self.tr("Importing punches…"), partial(import_punches, self.ctx.actor, str(self.path)),
                                 self._imported, self._failed, separate_process=True)

    def _imported(self, result: dict) -> None:
        self.result = result
        self.accept()
