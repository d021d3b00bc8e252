"""New appraisal period: pick a month, quarter, half year or year instead of typing a key."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox

from app.i18n import _ as app_tr
from app.rules.appraisal import parse_period_key
from app.services.appraisal_core import KIND_NAMES


class NewPeriodDialog(QDialog):
    def __init__(self, existing: set[str], today: date | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("newPeriodDialog")
        self.setWindowTitle(self.tr("New period"))
        self.existing = set(existing)
        today = today or date.today()
        self.kind = QComboBox(objectName="periodKind")
        for kind in ("month", "quarter", "half", "year"):
            self.kind.addItem(app_tr(KIND_NAMES[kind]), kind)
        self.year = QSpinBox(objectName="periodYear", minimum=2000, maximum=2100, value=today.year)
        self.part = QComboBox(objectName="periodPart")
        self.part_label = QLabel()
        self.preview = QLabel(objectName="periodPreview")
        self.problem = QLabel(objectName="periodProblem")
        self.problem.setProperty("role", "error")
        self.problem.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Year"), self.year)
        form.addRow(self.part_label, self.part)
        form.addRow(self.tr("Covers"), self.preview)
        form.addRow(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("Open period"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self._today = today
        self.kind.currentIndexChanged.connect(self._fill_parts)
        self.year.valueChanged.connect(self._update)
        self.part.currentIndexChanged.connect(self._update)
        self._fill_parts()

    def _fill_parts(self, *_args) -> None:
        kind = self.kind.currentData()
        self.part.blockSignals(True)
        self.part.clear()
        month = self._today.month
        if kind == "month":
            self.part_label.setText(self.tr("Month"))
            for m in range(1, 13):
                self.part.addItem(self.tr("Month %1").replace("%1", str(m)), f"{m:02d}")
            self.part.setCurrentIndex(month - 1)
        elif kind == "quarter":
            self.part_label.setText(self.tr("Quarter"))
            for q in range(1, 5):
                self.part.addItem(self.tr("Q%1 (months %2–%3)").replace("%1", str(q)).replace("%2", str(3 * q - 2))
                                  .replace("%3", str(3 * q)), f"Q{q}")
            self.part.setCurrentIndex((month - 1) // 3)
        elif kind == "half":
            self.part_label.setText(self.tr("Half year"))
            self.part.addItem(self.tr("First half (January–June)"), "H1")
            self.part.addItem(self.tr("Second half (July–December)"), "H2")
            self.part.setCurrentIndex(0 if month <= 6 else 1)
        self.part.setVisible(kind != "year")
        self.part_label.setVisible(kind != "year")
        self.part.blockSignals(False)
        self._update()

    def key(self) -> str:
        part = self.part.currentData() if self.kind.currentData() != "year" else None
        return f"{self.year.value()}-{part}" if part else str(self.year.value())

    def _update(self, *_args) -> None:
        span = parse_period_key(self.key())
        self.preview.setText(f"{span.key} · {span.start.isoformat()} – {span.end.isoformat()}")
        problem = self.tr("Period %1 already exists.").replace("%1", span.key) if span.key in self.existing else ""
        self.problem.setText(problem)
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(not problem)
