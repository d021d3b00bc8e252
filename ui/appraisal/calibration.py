"""The calibration grid (绩效校准): the people of a period as cards in one column per grade, each column
with its quota and actual count. Dragging a card to another column asks for a reason and calls
app.services.appraisal_calibration.calibrate; the grid then reloads from the service."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QSize, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFrame, QHBoxLayout, QLabel,
                               QListWidget, QListWidgetItem, QMessageBox, QPlainTextEdit, QVBoxLayout)

from app.services import appraisal_calibration as svc
from ui import theme

MIME = "application/x-shopteam-calibration"  # "employee_no,grade" of the dragged card


class ReasonDialog(QDialog):
    """Asks for the reason of a calibration or of approving despite the quota; OK needs some text."""

    def __init__(self, title: str, prompt: str, parent=None):
        super().__init__(parent)
        self.setObjectName("calibrationReasonDialog")
        self.setWindowTitle(title)
        label = QLabel(prompt)
        label.setWordWrap(True)
        self.edit = QPlainTextEdit(objectName="calibrationReasonEdit")
        self.edit.setFixedHeight(90)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.ok = buttons.button(QDialogButtonBox.Ok)
        self.ok.setEnabled(False)
        self.edit.textChanged.connect(lambda: self.ok.setEnabled(bool(self.reason())))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.edit)
        layout.addWidget(buttons)
        self.resize(460, 220)

    def reason(self) -> str:
        return self.edit.toPlainText().strip()


def ask_reason(parent, title: str, prompt: str) -> str | None:
    dialog = ReasonDialog(title, prompt, parent)
    return dialog.reason() if dialog.exec() == QDialog.Accepted else None


class GradeList(QListWidget):
    """The cards of one grade; emits ``dropped(employee_no, from_grade, to_grade)`` when a card lands here."""

    dropped = Signal(str, str, str)

    def __init__(self, grade: str, parent=None):
        super().__init__(parent)
        self.grade = grade
        self.setObjectName(f"calibrationColumn_{grade}")
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDrop)
        self.setDefaultDropAction(Qt.MoveAction)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollPerPixel)
        self.setSpacing(3)
        self.setWordWrap(True)
        self.setStyleSheet(f"QListWidget {{ background: {theme.alt_row}; border: none; border-radius: 6px; }}"
                           f"QListWidget::item {{ background: {theme.base_bg}; border: 1px solid {theme.border};"
                           f" border-radius: 5px; padding: 4px; color: black; }}"
                           f"QListWidget::item:selected {{ border: 2px solid {theme.accent}; }}")

    def mimeTypes(self):
        return [MIME]

    def mimeData(self, items):
        mime = QMimeData()
        mime.setData(MIME, f"{items[0].data(Qt.UserRole)},{self.grade}".encode())
        return mime

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasFormat(MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:
        if not event.mimeData().hasFormat(MIME):
            event.ignore()
            return
        no, source = bytes(event.mimeData().data(MIME)).decode().split(",", 1)
        event.setDropAction(Qt.MoveAction)
        event.accept()  # the grid reloads from the service: Qt itself moves nothing
        if source != self.grade:
            self.dropped.emit(no, source, self.grade)


class CalibrationDialog(QDialog):
    """The grid for one period. ``changed`` is emitted after a calibration was saved."""

    changed = Signal()

    def __init__(self, ctx, period_key: str, parent=None):
        super().__init__(parent)
        self.ctx, self.key = ctx, period_key
        self.setObjectName("calibrationDialog")
        self.setWindowTitle(self.tr("Calibrate grades — %1").replace("%1", period_key))
        self.intro = QLabel(objectName="calibrationIntro")
        self.intro.setWordWrap(True)
        self.status = QLabel(objectName="calibrationStatus")
        self.status.setWordWrap(True)
        self.columns: dict[str, GradeList] = {}
        self.headers: dict[str, QLabel] = {}
        self.counts: dict[str, QLabel] = {}
        self.grid = QHBoxLayout()
        self.grid.setSpacing(10)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.grid, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.board: dict = {}
        self.reload()

    def _build_columns(self, grades: list[str]) -> None:
        """One column per grade the service's board has (the scheme's grades, in its order)."""
        if list(self.columns) == grades:
            return
        while self.grid.count():
            self.grid.takeAt(0).widget().deleteLater()
        self.columns, self.headers, self.counts = {}, {}, {}
        for grade in grades:
            frame = QFrame(objectName=f"calibrationFrame_{grade}")
            box = QVBoxLayout(frame)
            box.setContentsMargins(0, 0, 0, 0)
            self.headers[grade] = QLabel(objectName=f"calibrationHeader_{grade}")
            self.headers[grade].setStyleSheet("font-weight: bold; font-size: 11pt;")
            self.counts[grade] = QLabel(objectName=f"calibrationCount_{grade}")
            self.columns[grade] = GradeList(grade, frame)
            self.columns[grade].dropped.connect(self.move)
            box.addWidget(self.headers[grade])
            box.addWidget(self.counts[grade])
            box.addWidget(self.columns[grade], 1)
            self.grid.addWidget(frame, 1)

    def reload(self) -> None:
        """Ask the service for the board (an operation); the grid follows its answer."""
        actor, key = self.ctx.actor, self.key
        self.ctx.query(self, lambda: svc.board(actor, key), self._show)

    def _show(self, board: dict) -> None:
        self.board = b = board
        self._build_columns([col["grade"] for col in b["columns"]])
        self.intro.setText(self.tr("Drag a person to another grade and give a reason. The computed score and grade "
                                   "are kept; the sheets print both.") if b["may"] else b["why_not"])
        for col in b["columns"]:
            g = col["grade"]
            self.headers[g].setText(f"{g} · {col['name']}")
            if col["allowed"] is None:
                text = self.tr("%1 people · quota %2% (no cap)").replace("%1", str(col["count"])).replace("%2", str(col["quota"]))
            else:
                text = (self.tr("%1 people · quota %2% = at most %3").replace("%1", str(col["count"]))
                        .replace("%2", str(col["quota"])).replace("%3", str(col["allowed"])))
            self.counts[g].setText(text)
            self.counts[g].setStyleSheet(f"color: {theme.danger if col['over'] else theme.success}; font-weight: bold;")
            view = self.columns[g]
            view.clear()
            view.setDragEnabled(b["may"])
            view.setAcceptDrops(b["may"])
            for card in col["cards"]:
                view.addItem(self._item(card))
        if b["violations"]:
            self.status.setText(self.tr("The grades break the forced distribution: approval needs the general "
                                        "manager's reason."))
            self.status.setStyleSheet(f"color: {theme.danger};")
        else:
            self.status.setText(self.tr("The grades keep to the forced distribution."))
            self.status.setStyleSheet(f"color: {theme.success};")

    def _item(self, card: dict) -> QListWidgetItem:
        score = "" if card["score"] is None else f"{card['score']:.2f}"
        lines = [f"{card['name']}  {card['employee_no']}", self.tr("Score %1 · computed %2").replace("%1", score)
                 .replace("%2", card["computed_grade"])]
        if card["calibrated"]:
            lines.append(self.tr("Calibrated from %1").replace("%1", card["computed_grade"]))
        item = QListWidgetItem("\n".join(lines))
        item.setData(Qt.UserRole, card["employee_no"])
        item.setSizeHint(QSize(0, 24 * len(lines) + 8))
        if card["calibrated"]:
            item.setForeground(Qt.darkBlue)
            item.setToolTip(self.tr("Reason: %1 (%2)").replace("%1", card["reason"]).replace("%2", card["by"]))
        if card["mine"]:
            item.setFlags(item.flags() & ~Qt.ItemIsDragEnabled)  # nobody calibrates their own grade
            item.setToolTip(self.tr("Nobody calibrates their own grade."))
        return item

    def ask_reason(self, name: str, source: str, target: str) -> str | None:
        return ask_reason(self, self.tr("Calibrate grade"),
                          self.tr("Why does %1 move from %2 to %3?").replace("%1", name).replace("%2", source)
                          .replace("%3", target))

    def move(self, employee_no: str, source: str, target: str) -> None:
        card = next((c for col in self.board["columns"] for c in col["cards"] if c["employee_no"] == employee_no), None)
        if card is None:
            return
        reason = self.ask_reason(card["name"], source, target)
        if not reason:
            return
        actor, key = self.ctx.actor, self.key

        def done(_result) -> None:
            self.ctx.show_status(self.tr("%1 moved to %2.").replace("%1", card["name"]).replace("%2", target))
            self.changed.emit()
            self.reload()

        def failed(message: str) -> None:
            QMessageBox.warning(self, self.tr("Calibrate grade"), message)
            self.reload()

        self.ctx.write(self, lambda: svc.calibrate(actor, key, employee_no, target, reason, expected=source), done,
                       failed=failed)
