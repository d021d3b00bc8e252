"""Attendance ▸ Month close (考勤封帐) for HR and administrators: what is still open, close (listing
pending requests first), reopen with a reason, who confirmed or disagreed, and what the last close
changed against the one before. Every rule and check is in app.services.month_close."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QInputDialog, QLabel, QMessageBox,
                               QPushButton, QTabWidget, QVBoxLayout)

from app.i18n import _ as app_tr
from app.services import month_close as svc
from ui import theme
from ui.models.table import Column, RowTableModel
from ui.widgets.table_view import DataTableView


def closed_note(info: dict) -> str:
    """"已封帐 于 … 由 …" for the month view and this dialog; empty while the month is open."""
    if not info.get("closed"):
        return ""
    return (QCoreApplication.translate("MonthClose", "Closed on %1 by %2").replace("%1", str(info["closed_at"])[:16])
            .replace("%2", str(info["closed_by"])))


class MonthCloseDialog(QDialog):
    def __init__(self, ctx, month: str, parent=None):
        super().__init__(parent)
        self.setObjectName("monthCloseDialog")
        self.ctx, self.month = ctx, month
        self.setWindowTitle(self.tr("Month close %1").replace("%1", month))
        self.resize(860, 560)
        self.state = QLabel(objectName="monthCloseState")
        self.state.setWordWrap(True)
        self.counts = QLabel(objectName="monthCloseCounts")
        self.counts.setProperty("role", "muted")
        answer_labels = {"confirmed": self.tr("Confirmed"), "disagreed": self.tr("Disagreed"),
                         "viewed": self.tr("Looked, not answered"), "none": self.tr("Not looked yet")}
        self.pending_model = RowTableModel([
            Column("kind", self.tr("Type"), value=lambda r: app_tr(svc.REQUEST_KINDS[r["kind"]])),
            Column("id", self.tr("Request no."), align_right=True),
            Column("name", self.tr("Name")),
            Column("at", self.tr("From")),
        ], self)
        self.pending = DataTableView("monthClosePending")
        self.pending.setModel(self.pending_model)
        self.confirm_model = RowTableModel([
            Column("employee_no", self.tr("No.")),
            Column("name", self.tr("Name")),
            Column("answer", self.tr("Answer"), value=lambda r: answer_labels.get(r["answer"], r["answer"]),
                   color=lambda r: theme.danger if r["answer"] == "disagreed" else None),
            Column("note", self.tr("Disagrees with")),
            Column("answered_at", self.tr("When"), value=lambda r: (r["answered_at"] or "")[:16]),
        ], self)
        self.confirmations = DataTableView("monthCloseConfirmations")
        self.confirmations.setModel(self.confirm_model)
        self.diff_model = RowTableModel([
            Column("employee_no", self.tr("No.")),
            Column("name", self.tr("Name")),
            Column("field", self.tr("Figure"), value=lambda r: app_tr(svc.FIELD_LABELS.get(r["field"], r["field"]))),
            Column("before", self.tr("Before"), align_right=True),
            Column("after", self.tr("After"), align_right=True),
        ], self)
        self.difference = DataTableView("monthCloseDifference")
        self.difference.setModel(self.diff_model)
        self.pages = QTabWidget(objectName="monthClosePages")
        self.pages.addTab(self.pending, self.tr("Still open"))
        self.pages.addTab(self.confirmations, self.tr("Confirmations"))
        self.pages.addTab(self.difference, self.tr("Difference to the previous close"))
        self.close_button = QPushButton(theme.icon("mdi6.lock-outline"), self.tr("Close the month…"),
                                        objectName="monthCloseClose")
        self.close_button.clicked.connect(self.close_month)
        self.reopen_button = QPushButton(theme.icon("mdi6.lock-open-variant-outline"), self.tr("Reopen…"),
                                         objectName="monthCloseReopen")
        self.reopen_button.clicked.connect(self.reopen_month)
        done = QDialogButtonBox(QDialogButtonBox.Close)
        done.button(QDialogButtonBox.Close).setText(self.tr("Done"))
        done.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.reopen_button)
        buttons.addStretch(1)
        buttons.addWidget(done)
        box = QVBoxLayout(self)
        box.addWidget(self.state)
        box.addWidget(self.counts)
        box.addWidget(self.pages, 1)
        box.addLayout(buttons)
        self.status = {"pending": []}
        self.close_button.hide()
        self.reopen_button.hide()
        self.reload()

    def reload(self) -> None:
        actor, month = self.ctx.actor, self.month

        def load():
            st = svc.close_status(actor, month)
            people = svc.confirmations(actor, month)["people"] if st["closed"] else []
            return st, people, svc.difference(actor, month)["changes"]

        self._loading = True
        self.ctx.query(self, load, self._show, failed=self._failed)

    def is_loading(self) -> bool:
        return self._loading

    def _failed(self, message: str) -> None:
        self._loading = False
        self.state.setText(message)

    def _show(self, result) -> None:
        self._loading = False
        st, people, changes = result
        self.status = st
        if st["closed"]:
            self.state.setText(closed_note(st))
        elif st.get("reopened_at"):
            self.state.setText(self.tr("Open: reopened on %1 by %2 (%3).").replace("%1", st["reopened_at"][:16])
                               .replace("%2", st["reopened_by"] or "").replace("%3", st["reopen_reason"] or ""))
        else:
            self.state.setText(self.tr("Open: not closed yet."))
        self.pending_model.set_rows(st["pending"])
        self.pages.setTabText(0, self.tr("Still open (%1)").replace("%1", str(len(st["pending"]))))
        self.confirm_model.set_rows(people)
        a = st.get("answers") or {}
        self.counts.setText(self.tr("%1 confirmed · %2 disagreed · %3 have not confirmed")
                            .replace("%1", str(a.get("confirmed", 0))).replace("%2", str(a.get("disagreed", 0)))
                            .replace("%3", str(a.get("viewed", 0) + a.get("not_looked", 0))) if st["closed"] else "")
        self.diff_model.set_rows(changes)
        self.close_button.setVisible(st["may_close"])
        self.reopen_button.setVisible(st["may_reopen"])

    def close_month(self) -> bool:
        pending = self.status["pending"]
        text = self.tr("Close %1? Its figures are stored as the snapshot pay is based on, and the month is frozen.") \
            .replace("%1", self.month)
        if pending:
            listed = "\n".join(f"{app_tr(svc.REQUEST_KINDS[p['kind']])} {p['id']} · {p['name']} · {p['at']}"
                               for p in pending[:15])
            more = "\n…" if len(pending) > 15 else ""
            text += "\n\n" + self.tr("%1 requests are still pending; they stay undecided and can no longer be "
                                     "decided once closed:").replace("%1", str(len(pending))) + "\n" + listed + more
        if QMessageBox.question(self, self.tr("Close the month"), text) != QMessageBox.Yes:
            return False
        actor, month = self.ctx.actor, self.month
        self.ctx.write(self, lambda: svc.close_month(actor, month, close_pending=True),
                       lambda _r: self._changed(self.tr("%1 closed.").replace("%1", month)),
                       failed=lambda msg: QMessageBox.warning(self, self.tr("Close the month"), msg))
        return True

    def reopen_month(self) -> bool:
        reason, ok = QInputDialog.getText(self, self.tr("Reopen %1").replace("%1", self.month),
                                          self.tr("Why is the month reopened? (kept in the audit trail)"))
        if not ok:
            return False
        actor, month = self.ctx.actor, self.month
        self.ctx.write(self, lambda: svc.reopen_month(actor, month, reason),
                       lambda _r: self._changed(self.tr("%1 reopened.").replace("%1", month)),
                       failed=lambda msg: QMessageBox.warning(self, self.tr("Reopen"), msg))
        return True

    def _changed(self, message: str) -> None:
        self.ctx.show_status(message)
        self.reload()
