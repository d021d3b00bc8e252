"""Dialogs of the attendance tab: a leave request, an overtime request, a correction (补卡), and a
manager's manual punch."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, QTime
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QLineEdit)

from app.errors import ShopTeamError
from app.i18n import _ as app_tr
from app.services import leave as leave_svc
from app.services.attendance import KIND_LABELS
from app.services.filing import FilingChoices
from app.services.punches import record_punch, request_correction
from ui.widgets.date_entry import DateTimeEntry, follow_start


def _people_combo(people, own_no: str | None, object_name: str) -> QComboBox:
    combo = QComboBox(objectName=object_name)
    for no, name in people:
        combo.addItem(f"{name} ({no})", no)
    if own_no:
        combo.setCurrentIndex(max(0, combo.findData(own_no)))
    return combo


class _Form(QDialog):
    def __init__(self, title: str, object_name: str, parent=None):
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWindowTitle(title)
        self.form = QFormLayout(self)
        self.setMinimumWidth(440)
        self.error = QLabel(objectName="dialogError")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self) -> None:
        self.form.addRow(self.error)
        self.form.addRow(self.buttons)

    def _save(self) -> None:
        fn = self.operation()
        if fn is not None:  # the save runs on the executor; the dialog closes when it is done
            self.buttons.setEnabled(False)
            self.ctx.write(self, fn, self._saved, failed=self._save_failed)
            return
        try:
            self.save()
        except ShopTeamError as exc:
            self.show_error(str(exc))
            return
        self.accept()

    def operation(self):
        """The save as a function for ``ctx.write`` (widget values read here, on the UI thread); None: ``save()``."""
        return None

    def _saved(self, new_id) -> None:
        self.new_id = new_id
        self.buttons.setEnabled(True)
        self.accept()

    def _save_failed(self, message: str) -> None:
        self.buttons.setEnabled(True)
        self.show_error(message)

    def show_error(self, text: str) -> None:
        """The whole rule message, never cut off: the dialog grows to fit the wrapped text."""
        self.error.setText(text)
        self.error.setMinimumHeight(self.error.heightForWidth(self.error.width()) if text else 0)
        self.layout().activate()
        self.resize(self.width(), max(self.height(), self.minimumSizeHint().height(), self.sizeHint().height()))


class LeaveDialog(_Form):
    """File a leave or off-site request for the people ``choices`` allows (``filing_choices``)."""

    def __init__(self, ctx, choices: FilingChoices, parent=None):
        super().__init__(self.tr("New leave request"), "leaveDialog", parent)
        self.ctx = ctx
        self.person = _people_combo(choices.people, choices.own_no, "leavePerson")
        self.kind = QComboBox(objectName="leaveKind")
        for code, label in KIND_LABELS.items():
            self.kind.addItem(app_tr(label), code)
        tomorrow = QDateTime.currentDateTime().addDays(1)
        self.start = DateTimeEntry(QDateTime(tomorrow.date(), QTime(8, 30)), "leaveStart")
        self.end = DateTimeEntry(QDateTime(tomorrow.date(), QTime(17, 30)), "leaveEnd")
        follow_start(self.start, self.end)
        self.reason = QLineEdit(objectName="leaveReason")
        self.certificate = QCheckBox(self.tr("Hospital certificate handed in"), objectName="leaveCertificate")
        self.form.addRow(self.tr("Employee"), self.person)
        self.form.addRow(self.tr("Type"), self.kind)
        self.form.addRow(self.tr("From"), self.start)
        self.form.addRow(self.tr("To"), self.end)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.form.addRow("", self.certificate)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("Submit"))
        self.finish_layout()
        self.new_id = None
        for signal in (self.start.dateTimeChanged, self.end.dateTimeChanged):
            signal.connect(self._validate)
        self._validate()

    def _validate(self, *_args) -> None:
        ok = self.end.dateTime() > self.start.dateTime()
        self.error.setText("" if ok else self.tr("The end must be after the start."))
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(ok and self.person.count() > 0)

    def operation(self):
        actor, who, kind = self.ctx.actor, self.person.currentData(), self.kind.currentData()
        start, end = self.start.dateTime().toPython(), self.end.dateTime().toPython()
        reason, certificate = self.reason.text(), self.certificate.isChecked()
        return lambda: leave_svc.request_leave(actor, who, kind, start, end, reason, certificate)


class OvertimeDialog(_Form):
    """File overtime; on a rest day or holiday it earns comp hours once approved."""

    def __init__(self, ctx, choices: FilingChoices, parent=None):
        super().__init__(self.tr("Request overtime"), "overtimeDialog", parent)
        self.ctx = ctx
        self.person = _people_combo(choices.people, choices.own_no, "overtimePerson")
        today = QDateTime.currentDateTime().date()
        self.start = DateTimeEntry(QDateTime(today, QTime(18, 0)), "overtimeStart")
        self.end = DateTimeEntry(QDateTime(today, QTime(20, 0)), "overtimeEnd")
        follow_start(self.start, self.end)
        self.reason = QLineEdit(objectName="overtimeReason")
        hint = QLabel(self.tr("Overtime counts once approved; on a rest day or holiday it also earns comp hours."))
        hint.setProperty("role", "muted")
        hint.setWordWrap(True)
        self.form.addRow(self.tr("Employee"), self.person)
        self.form.addRow(self.tr("From"), self.start)
        self.form.addRow(self.tr("To"), self.end)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.form.addRow(hint)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("Submit"))
        self.finish_layout()
        self.new_id = None
        for signal in (self.start.dateTimeChanged, self.end.dateTimeChanged):
            signal.connect(self._validate)
        self._validate()

    def _validate(self, *_args) -> None:
        ok = self.end.dateTime() > self.start.dateTime()
        self.error.setText("" if ok else self.tr("The end must be after the start."))
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(ok and self.person.count() > 0)

    def operation(self):
        actor, who, reason = self.ctx.actor, self.person.currentData(), self.reason.text()
        start, end = self.start.dateTime().toPython(), self.end.dateTime().toPython()
        return lambda: leave_svc.request_overtime(actor, who, start, end, reason)


class CorrectionDialog(_Form):
    """Ask for a missing punch to be added (补卡); it counts once HR or a manager approves it."""

    def __init__(self, ctx, choices: FilingChoices, parent=None, employee_no: str | None = None,
                 at: datetime | None = None):
        super().__init__(self.tr("File a correction"), "correctionDialog", parent)
        self.ctx = ctx
        self.person = _people_combo(choices.people, employee_no or choices.own_no, "correctionPerson")
        nowish = QDateTime.currentDateTime()
        nowish = QDateTime(nowish.date(), QTime(nowish.time().hour(), nowish.time().minute()))
        moment = QDateTime(at) if at is not None else nowish
        moment = min(moment, nowish)  # a correction is for a punch in the past
        self.at = DateTimeEntry(moment, "correctionAt")
        self.reason = QLineEdit(objectName="correctionReason")
        self.reason.setPlaceholderText(self.tr("e.g. forgot to clock out"))
        self.form.addRow(self.tr("Employee"), self.person)
        self.form.addRow(self.tr("Missing punch at"), self.at)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("Submit"))
        self.finish_layout()
        self.new_id = None
        self.reason.textChanged.connect(self._validate)
        self._validate()

    def _validate(self, *_args) -> None:
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(bool(self.reason.text().strip()) and self.person.count() > 0)

    def operation(self):
        at: datetime = self.at.dateTime().toPython().replace(second=0, microsecond=0)
        actor, who, reason = self.ctx.actor, self.person.currentData(), self.reason.text()
        return lambda: request_correction(actor, who, at, reason)


class PunchDialog(_Form):
    """A manager enters a punch the kiosk missed (recorded as a manual punch, with a note)."""

    def __init__(self, ctx, people, parent=None):
        super().__init__(self.tr("Manual punch"), "punchDialog", parent)
        self.ctx = ctx
        self.person = _people_combo([(no, name) for no, name, _e in people], None, "punchPerson")
        self.at = DateTimeEntry(QDateTime.currentDateTime(), "punchAt")
        self.note = QLineEdit(objectName="punchNote")
        self.form.addRow(self.tr("Employee"), self.person)
        self.form.addRow(self.tr("Time"), self.at)
        self.form.addRow(self.tr("Note"), self.note)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("Record punch"))
        self.finish_layout()
        self.result_punch = None

    def save(self) -> None:
        at: datetime = self.at.dateTime().toPython().replace(second=0, microsecond=0)
        self.result_punch = record_punch(self.ctx.actor, employee_no=self.person.currentData(), at=at,
                                         note=self.note.text().strip())


class ExtendLeaveDialog(_Form):
    """Extend a leave that is not over yet (续假): filed before it ends, decided like a leave."""

    def __init__(self, ctx, leaves, parent=None):
        super().__init__(self.tr("Extend a leave"), "extendLeaveDialog", parent)
        self.ctx = ctx
        self.leave = QComboBox(objectName="extendLeaveWhich")
        for x in leaves:
            self.leave.addItem(f"{x.name} · {x.what} · {x.start:%m-%d %H:%M}–{x.end:%m-%d %H:%M}", x)
        self.end = DateTimeEntry(QDateTime.currentDateTime(), "extendLeaveEnd")
        self.reason = QLineEdit(objectName="extendLeaveReason")
        self.form.addRow(self.tr("Leave"), self.leave)
        self.form.addRow(self.tr("New end"), self.end)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("Submit"))
        self.finish_layout()
        self.new_id = None
        self.leave.currentIndexChanged.connect(self._pick)
        self.end.dateTimeChanged.connect(self._validate)
        self._pick()

    def _pick(self, *_args) -> None:
        x = self.leave.currentData()
        if x is not None:
            self.end.setDateTime(QDateTime(x.end).addDays(1))
        self._validate()

    def _validate(self, *_args) -> None:
        x = self.leave.currentData()
        ok = x is not None and self.end.dateTime().toPython() > x.end
        self.error.setText("" if ok or x is None else self.tr("The new end must be after the leave's end."))
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(ok)

    def operation(self):
        actor, leave_id = self.ctx.actor, self.leave.currentData().id
        end, reason = self.end.dateTime().toPython().replace(second=0, microsecond=0), self.reason.text()
        return lambda: leave_svc.extend_leave(actor, leave_id, end, reason)


class HandoverDialog(_Form):
    """临时工作交接表: leaving the post for a while, the work handed to a colleague; approved off-post time.
    ``choices``: whom the actor may record it for (``filing_choices(actor, "handover")``)."""

    def __init__(self, ctx, choices: FilingChoices, people, parent=None):
        super().__init__(self.tr("Handover record"), "handoverDialog", parent)
        self.ctx = ctx
        self.person = _people_combo(choices.people, choices.own_no, "handoverFrom")
        self.to = _people_combo([(no, name) for no, name, _e in people], None, "handoverTo")
        nowish = QDateTime.currentDateTime()
        nowish = QDateTime(nowish.date(), QTime(nowish.time().hour(), nowish.time().minute()))
        self.start = DateTimeEntry(nowish, "handoverStart")
        self.back = DateTimeEntry(nowish.addSecs(3600), "handoverBack")
        follow_start(self.start, self.back)
        self.place = QLineEdit(objectName="handoverPlace")
        self.items = QLineEdit(objectName="handoverItems")
        self.items.setPlaceholderText(self.tr("e.g. customer chats, today's shipping list"))
        self.form.addRow(self.tr("Leaving the post"), self.person)
        self.form.addRow(self.tr("Handed over to"), self.to)
        self.form.addRow(self.tr("From"), self.start)
        self.form.addRow(self.tr("Back at"), self.back)
        self.form.addRow(self.tr("Where to"), self.place)
        self.form.addRow(self.tr("What was handed over"), self.items)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("Record"))
        self.finish_layout()
        self.new_id = None
        for signal in (self.start.dateTimeChanged, self.back.dateTimeChanged):
            signal.connect(self._validate)
        self.items.textChanged.connect(self._validate)
        self._validate()

    def _validate(self, *_args) -> None:
        ok = self.back.dateTime() > self.start.dateTime()
        self.error.setText("" if ok else self.tr("The time back must be after the time of leaving."))
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(ok and bool(self.items.text().strip()))

    def operation(self):
        from app.services.handover import record_handover

        actor, who, to = self.ctx.actor, self.person.currentData(), self.to.currentData()
        start, back = self.start.dateTime().toPython(), self.back.dateTime().toPython()
        place, items = self.place.text(), self.items.text()
        return lambda: record_handover(actor, who, to, start, back, place, items)
