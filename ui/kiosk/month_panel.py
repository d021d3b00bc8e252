"""The kiosk's month panel: right after a punch, the person who punched confirms their closed month
(确认 / 有异议 with a reason from a list) and asks for a missing punch (补卡). It lies over the whole
kiosk window, shows nothing but that person's data (a short-lived ticket from app.services.kiosk_month
names them), and goes back to the clock after a short inactivity.

Every rule (who, which month, quota, deadline) is in app.services.kiosk_month."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (QGridLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSizePolicy,
                               QStackedWidget, QVBoxLayout, QWidget)

from app.i18n import _ as app_tr
from app.services import kiosk_month
from ui.attendance.month_figures import MonthFigures
from ui import operations
from ui.widgets.actions import on_clicked

IDLE_MS = 45_000  # nobody touching the panel: back to the clock
PANEL_STYLE = """
#kioskMonthPanel { background: #0f172a; }
#kioskMonthPanel QLabel { color: #e5e7eb; font-size: 15pt; }
#kioskMonthPanel QLabel#monthFiguresHeading, #kioskMonthPanel QLabel#kioskPanelTitle { font-size: 22pt;
    font-weight: 600; color: #ffffff; }
#kioskMonthPanel QLabel[role="figureValue"] { font-size: 17pt; font-weight: 600; color: #ffffff; }
#kioskMonthPanel QLabel#kioskPanelMessage { font-size: 17pt; color: #fde68a; }
#kioskMonthPanel QPushButton { font-size: 18pt; min-height: 64px; padding: 6px 22px; border-radius: 12px;
    background: #1e293b; color: #ffffff; border: 1px solid #334155; }
#kioskMonthPanel QPushButton:pressed { background: #334155; }
#kioskMonthPanel QPushButton[role="primary"] { background: #16a34a; border-color: #16a34a; }
#kioskMonthPanel QPushButton[role="warn"] { background: #b45309; border-color: #b45309; }
#kioskMonthPanel QScrollArea, #kioskMonthPanel QScrollArea > QWidget > QWidget { background: transparent; border: none; }
"""


def _button(text: str, name: str, role: str | None = None) -> QPushButton:
    b = QPushButton(text, objectName=name)
    b.setFocusPolicy(Qt.NoFocus)
    b.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
    if role:
        b.setProperty("role", role)
    return b


class KioskMonthPanel(QWidget):
    """Call ``offer(punch_result)`` after a punch; the panel shows itself only when there is something
    for that person (a month to confirm or a 缺卡 to ask for)."""

    closed = Signal()

    def __init__(self, kiosk: QWidget):
        super().__init__(kiosk)
        self.setObjectName("kioskMonthPanel")
        self.setAttribute(Qt.WA_StyledBackground, True)
        self.setStyleSheet(PANEL_STYLE)
        self.ticket: str | None = None
        self.data: dict | None = None
        self.missing: list[dict] = []
        self._seq = 0
        self._slot: str | None = None
        self._idle = QTimer(self, singleShot=True, interval=IDLE_MS, timeout=self.finish)
        self._idle.setObjectName("kioskPanelIdle")
        self.title = QLabel(objectName="kioskPanelTitle", alignment=Qt.AlignLeft)
        self.message = QLabel(objectName="kioskPanelMessage")
        self.message.setWordWrap(True)
        self.done_button = _button(self.tr("Done"), "kioskPanelDone")
        self.done_button.setSizePolicy(QSizePolicy.Fixed, QSizePolicy.Fixed)
        on_clicked(self.done_button, self.finish)
        self.pages = QStackedWidget(objectName="kioskPanelPages")
        # page 0: the month's figures and days, with 确认 / 有异议 / 补卡
        self.figures = MonthFigures(day_columns=7)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(self.figures)
        self.confirm_button = _button(self.tr("Confirm"), "kioskMonthConfirm", "primary")
        self.confirm_button.clicked.connect(lambda: self.answer(None))
        self.disagree_button = _button(self.tr("Disagree"), "kioskMonthDisagree", "warn")
        self.disagree_button.clicked.connect(lambda: self._page(1))
        self.correction_button = _button(self.tr("Missing punch"), "kioskMonthCorrection")
        self.correction_button.clicked.connect(lambda: self._page(2))
        actions = QHBoxLayout()
        actions.addWidget(self.confirm_button)
        actions.addWidget(self.disagree_button)
        actions.addWidget(self.correction_button)
        month_page = QWidget()
        box = QVBoxLayout(month_page)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(scroll, 1)
        box.addLayout(actions)
        self.pages.addWidget(month_page)
        # page 1: what the person disagrees with
        self.pages.addWidget(self._choice_page(
            self.tr("What is wrong?"), [(app_tr(r), f"kioskDisagreeReason{i}", lambda _=False, r=r: self.answer(r))
                                        for i, r in enumerate(kiosk_month.DISAGREE_REASONS)]))
        # page 2: the 缺卡 slots (filled when shown); page 3: the reason of the chosen slot
        self.slots_page = QWidget()
        self.slots = QGridLayout(self.slots_page)
        self.slots.setSpacing(10)
        slots_scroll = QScrollArea(widgetResizable=True)
        slots_scroll.setWidget(self.slots_page)
        self.pages.addWidget(slots_scroll)
        self.pages.addWidget(self._choice_page(
            self.tr("Why was the punch missed?"),
            [(app_tr(r), f"kioskCorrectionReason{i}", lambda _=False, r=r: self.request_correction(r))
             for i, r in enumerate(kiosk_month.CORRECTION_REASONS)]))
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 24, 40, 24)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.pages, 1)
        kiosk.installEventFilter(self)
        self.setGeometry(kiosk.rect())
        self.hide()

    def _choice_page(self, question: str, choices) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        label = QLabel(question)
        box.addWidget(label)
        for text, name, slot in choices:
            b = _button(text, name)
            b.clicked.connect(slot)
            box.addWidget(b)
        back = _button(self.tr("Back"), f"{choices[0][1][:-1]}Back")
        back.clicked.connect(lambda: self._page(0 if self.data else 2))
        box.addWidget(back)
        box.addStretch(1)
        return page

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if watched is self.parentWidget() and event.type() == QEvent.Resize:
            self.setGeometry(watched.rect())
        return False

    def mousePressEvent(self, event) -> None:  # noqa: N802
        self._idle.start()  # a touch anywhere keeps the panel
        super().mousePressEvent(event)

    # -- the person's data, looked up in the worker (the kiosk never waits) ------------------------
    def offer(self, result) -> None:
        """After a punch: look the person's month up in the worker. The look-up starts from the event
        loop, after the answer is painted (Enter to confirmation waits for nothing else: starting an
        operation costs the punch about half a millisecond, and its worker then wants the GIL); a later
        punch's offer supersedes one that has not started yet."""
        self._seq += 1
        seq = self._seq
        punch_id, employee_no = getattr(result, "punch_id", None), getattr(result, "employee_no", None)
        self._loading = True
        QTimer.singleShot(0, self, lambda: self._look_up(seq, punch_id, employee_no))

    def _look_up(self, seq: int, punch_id, employee_no) -> None:
        if seq != self._seq:
            return  # the next person punched before this one's look-up started

        def load():
            ticket = kiosk_month.ticket_for(punch_id, employee_no)
            if ticket is None:
                return seq, None, None, []
            return seq, ticket, kiosk_month.month_to_confirm(ticket), kiosk_month.missing_punches(ticket)

        # the punch itself is recorded; the panel is optional, so a failure only leaves it closed
        operations.run(self, load, self._loaded, failed=self._load_failed)

    def _load_failed(self, message: str) -> None:
        self._loading = False
        self.load_error = message  # logged by ui.operations when unexpected; the kiosk goes on

    def is_loading(self) -> bool:
        return getattr(self, "_loading", False)

    def _loaded(self, result) -> None:
        self._loading = False
        seq, ticket, data, missing = result
        if seq != self._seq or ticket is None or (data is None and not missing):
            return
        self.ticket, self.data, self.missing = ticket, data, missing
        self.message.setText("")
        self.title.setText("")
        if data is not None:
            self.figures.show_month(data)
        self.correction_button.setVisible(bool(missing))
        self._fill_slots()
        self._page(0 if data is not None else 2)
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()
        self._idle.start()

    def _fill_slots(self) -> None:
        while self.slots.count():
            item = self.slots.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        i = 0
        for day in self.missing:
            for slot in day["slots"]:
                b = _button(slot["at"], f"kioskMissingSlot{i}")
                b.clicked.connect(lambda _=False, at=slot["at"]: self._pick_slot(at))
                self.slots.addWidget(b, *divmod(i, 2))
                i += 1
        back = _button(self.tr("Back") if self.data else self.tr("Done"), "kioskMissingBack")
        back.clicked.connect(lambda: self._page(0) if self.data else self.finish())
        self.slots.addWidget(back, (i + 1) // 2 + 1, 0, 1, 2)
        self.slots.setRowStretch((i + 1) // 2 + 2, 1)

    def _page(self, index: int) -> None:
        self._idle.start()
        if index >= 2:
            self.title.setText(self.tr("Ask for a missing punch: which one?"))
        elif self.data:
            self.title.setText(self.tr("Please check your attendance of %1").replace("%1", self.data["month"]))
        self.pages.setCurrentIndex(index)

    def _pick_slot(self, at: str) -> None:
        self._slot = at
        self.message.setText(self.tr("Missing punch at %1").replace("%1", at))
        self._page(3)

    # -- answers ---------------------------------------------------------------------------------
    def answer(self, disagree: str | None) -> None:
        """确认 / 有异议, written on the executor (the kiosk never waits); a late answer for a person
        who has gone (the panel finished meanwhile) is dropped."""
        ticket, month = self.ticket, self.data["month"]
        for b in (self.confirm_button, self.disagree_button):
            b.setEnabled(False)

        def done(_result) -> None:
            if self.ticket != ticket:
                return
            self.data = None
            self.pages.setCurrentIndex(0)
            self._say(self.tr("Thank you, your answer is recorded.") if disagree is None
                      else self.tr("Your note goes to HR: %1").replace("%1", app_tr(disagree)), finished=not self.missing)
            if self.missing:
                self._fill_slots()
                self._page(2)

        def failed(message: str) -> None:
            if self.ticket == ticket:
                for b in (self.confirm_button, self.disagree_button):
                    b.setEnabled(True)
                self._say(message)

        operations.run(self, lambda: kiosk_month.confirm(ticket, month, disagree), done, failed=failed)

    def request_correction(self, reason: str) -> None:
        ticket, at = self.ticket, self._slot

        def done(_result) -> None:
            if self.ticket != ticket:
                return
            self.missing = [{**d, "slots": [s for s in d["slots"] if s["at"] != at]} for d in self.missing]
            self.missing = [d for d in self.missing if d["slots"]]
            self._say(self.tr("Missing punch at %1 asked for; it counts once approved.").replace("%1", at))
            self.correction_button.setVisible(bool(self.missing))
            self._fill_slots()
            self._page(0 if self.data else 2)

        def failed(message: str) -> None:
            if self.ticket == ticket:
                self._say(message)
                self._page(2 if self.data is None else 0)

        operations.run(self, lambda: kiosk_month.request_correction(ticket, at, reason), done, failed=failed)

    def _say(self, text: str, finished: bool = False) -> None:
        self.message.setText(text)
        self._idle.start(4000 if finished else IDLE_MS)

    def finish(self, notify: bool = True) -> None:
        """Back to the clock, forgetting the person (the ticket goes with them)."""
        self._idle.stop()
        self.ticket, self.data, self.missing, self._slot = None, None, [], None
        for b in (self.confirm_button, self.disagree_button):
            b.setEnabled(True)
        self.message.setText("")
        self.hide()
        if notify:
            self.closed.emit()
