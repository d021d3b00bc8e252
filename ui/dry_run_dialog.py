"""Before a manager saves an attendance or appraisal setting: what the change would have done to the
last closed month (app.services.policy_dry_run, which never writes), then Save or Cancel."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from app.i18n import _ as app_tr
from app.services import month_close, policy_dry_run
from ui.models.table import Column, RowTableModel
from ui.widgets.table_view import DataTableView


class DryRunDialog(QDialog):
    def __init__(self, result: dict, parent=None):
        super().__init__(parent)
        self.setObjectName("dryRunDialog")
        self.setWindowTitle(self.tr("What this change would do"))
        self.resize(720, 460)
        label = lambda f: app_tr(month_close.FIELD_LABELS.get(f, f))  # noqa: E731
        parts = []
        for s in policy_dry_run.summarise(result["changes"]):
            text = self.tr("%1 people: %2 changes").replace("%1", str(s["people"])).replace("%2", label(s["field"]))
            if s["delta"] not in (None, 0):
                total = f"¥{s['delta']:+,.2f}" if s["field"] == "penalty_rmb" else f"{s['delta']:+g}"
                text += self.tr(" (total %1)").replace("%1", total)
            parts.append(text)
        heading = self.tr("Applied to %1:").replace("%1", result["month"])
        self.summary = QLabel(heading + " " + (self.tr("; ").join(parts) if parts else self.tr("nobody's figures change.")),
                              objectName="dryRunSummary")
        self.summary.setWordWrap(True)
        model = RowTableModel([
            Column("employee_no", self.tr("No.")),
            Column("name", self.tr("Name")),
            Column("field", self.tr("Figure"), value=lambda r: label(r["field"])),
            Column("before", self.tr("Before"), align_right=True),
            Column("after", self.tr("After"), align_right=True),
        ], self)
        model.set_rows(result["changes"])
        self.table = DataTableView("dryRunChanges")
        self.table.setModel(model)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.Save).setObjectName("dryRunSave")
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.summary)
        box.addWidget(self.table, 1)
        box.addWidget(buttons)
