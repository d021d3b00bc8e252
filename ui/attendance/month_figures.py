"""One person's figures of a closed month and each day's verdict, as they confirm them: shared by the
kiosk's month panel and the office's "confirm my month" dialog (the caller styles it)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from app.i18n import _ as app_tr
from app.rules.attendance import LEAVE_KINDS, status_label
from app.services.attendance import KIND_LABELS
from ui import theme


class MonthFigures(QWidget):
    """Fill with ``show_month(my_month(...))``; nothing but that one person's row is ever shown."""

    def __init__(self, parent=None, day_columns: int = 7):
        super().__init__(parent)
        self.setObjectName("monthFigures")
        self.day_columns = day_columns
        self.heading = QLabel(objectName="monthFiguresHeading")
        self.heading.setWordWrap(True)
        self.figures = QGridLayout()
        self.figures.setHorizontalSpacing(18)
        self.days = QGridLayout()
        self.days.setSpacing(4)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.heading)
        box.addLayout(self.figures)
        box.addSpacing(8)
        box.addLayout(self.days)
        box.addStretch(1)

    @staticmethod
    def _clear(grid: QGridLayout) -> None:
        while grid.count():
            item = grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()

    def figure_rows(self, f: dict) -> list[tuple[str, str]]:
        """(label, value) in the order a person reads them; leave by type, only the kinds they took."""
        rows = [(self.tr("Days due"), f.get("days_due")), (self.tr("Present"), f.get("days_present")),
                (self.tr("Late"), self.tr("%1 times, %2 min").replace("%1", str(f.get("late_count", 0)))
                 .replace("%2", str(f.get("late_minutes", 0)))),
                (self.tr("Early leave"), f.get("early_leave_count")),
                (self.tr("Missing punches"), f.get("missing_punch_count")),
                (self.tr("Absence (days)"), f.get("absence_days"))]
        hours = f.get("leave_hours") or {}
        for kind in LEAVE_KINDS:
            if hours.get(kind):
                rows.append((app_tr(KIND_LABELS[kind]) + self.tr(" (h)"), hours[kind]))
        rows += [(self.tr("Overtime (h)"), f.get("overtime_hours")),
                 (self.tr("Penalty"), f"¥{float(f.get('penalty_rmb') or 0):,.2f}")]
        return [(label, "" if value is None else str(value)) for label, value in rows]

    def show_month(self, data: dict) -> None:
        f = data["figures"]
        self.heading.setText(self.tr("%1 · attendance of %2").replace("%1", f.get("name", ""))
                             .replace("%2", data["month"]))
        self._clear(self.figures)
        for i, (label, value) in enumerate(self.figure_rows(f)):
            name = QLabel(label)
            name.setProperty("role", "figureLabel")
            shown = QLabel(value, objectName=f"monthFigure{i}")
            shown.setProperty("role", "figureValue")
            row, col = divmod(i, 2)
            self.figures.addWidget(name, row, col * 2)
            self.figures.addWidget(shown, row, col * 2 + 1, Qt.AlignLeft)
        self._clear(self.days)
        for i, d in enumerate(data.get("days", [])):
            cell = QLabel(f"{d['date'][5:]}\n{status_label(d['status'])}", objectName=f"monthDay_{d['date']}",
                          alignment=Qt.AlignCenter)
            colour = theme.status.get(d["status"], "#64748b")
            cell.setStyleSheet(f"background: {colour}; color: #ffffff; border-radius: 6px; padding: 3px;")
            cell.setToolTip(f"{d['date']} {status_label(d['status'])}")
            self.days.addWidget(cell, *divmod(i, self.day_columns))
