"""The kiosk (考勤机模式): a full-screen clock at the door. A badge scan, or 工号 then PIN, records a
punch; the answer fills the centre for a few seconds. Nothing else of the database is shown, and
leaving needs an administrator's or manager's password."""

from __future__ import annotations

import threading

from PySide6.QtCore import QDateTime, QElapsedTimer, QEvent, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QGridLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QSizePolicy, QVBoxLayout, QWidget)

from app.errors import NotFound, PermissionDenied, ShopTeamError
from app.rules.kiosk import looks_scanned
from app.services import punches
from app.services.users import verify_leader_password
from ui import theme
from ui.kiosk.guard import KioskGuard

ANSWER_MS = 4000
SYNC_MS = 5000  # how often waiting punches are offered to the database again
KIOSK_STYLE = """
#kioskWindow { background: #0f172a; }
#kioskWindow QLabel { color: #e5e7eb; }
#kioskClock { color: #ffffff; }
#kioskDate { font-size: 24pt; color: #cbd5e1; }
#kioskPrompt { font-size: 18pt; color: #cbd5e1; }
#kioskInput { font-size: 30pt; padding: 10px 16px; border-radius: 10px; border: 2px solid #334155;
    background: #1e293b; color: #ffffff; }
#kioskStatus { font-size: 34pt; font-weight: 600; border-radius: 16px; padding: 18px; }
#kioskKeypad QPushButton { font-size: 24pt; min-width: 64px; min-height: 64px; border-radius: 12px;
    background: #1e293b; color: #ffffff; border: 1px solid #334155; }
#kioskKeypad QPushButton:pressed { background: #334155; }
#kioskLeaveDialog { background: #1e293b; }
#kioskLeaveDialog QLabel { color: #f1f5f9; font-size: 13pt; }
#kioskLeaveDialog QLabel#kioskLeaveError { color: #fecaca; font-weight: 600; }
#kioskLeaveDialog QLineEdit { font-size: 14pt; padding: 6px 10px; border-radius: 6px; border: 1px solid #475569;
    background: #0f172a; color: #ffffff; }
#kioskLeaveDialog QLineEdit:focus { border: 1px solid #60a5fa; }
#kioskLeaveDialog QPushButton { font-size: 13pt; padding: 8px 18px; border-radius: 8px; background: #334155;
    color: #ffffff; border: 1px solid #475569; }
#kioskLeaveDialog QPushButton:default { background: #2563eb; border-color: #2563eb; }
#kioskWindow QPushButton#kioskExit { font-size: 11pt; min-width: 60px; min-height: 28px; background: transparent;
    color: #64748b; border: none; }
"""


class LeaveKioskDialog(QDialog):
    """Asks for an administrator's or manager's user name and password."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("kioskLeaveDialog")
        self.setWindowTitle(self.tr("Leave kiosk mode"))
        self.user = QLineEdit(objectName="kioskLeaveUser")
        self.password = QLineEdit(objectName="kioskLeavePassword", echoMode=QLineEdit.Password)
        self.error = QLabel(objectName="kioskLeaveError")
        self.error.setProperty("role", "error")
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("An administrator or manager must sign in to leave kiosk mode.")))
        form.addRow(self.tr("User name"), self.user)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Leave kiosk"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _check(self) -> None:
        try:
            ok = verify_leader_password(self.user.text().strip(), self.password.text())
        except PermissionDenied as exc:  # the exit dialog's own limit (never the office login's)
            self.password.clear()
            self.error.setText(str(exc))
            return
        if ok:
            self.accept()
        else:
            self.password.clear()
            self.error.setText(self.tr("Wrong user name or password, or not an administrator or manager."))


class KioskWindow(QWidget):
    punched = Signal(object)  # a PunchResult, after it is committed
    left = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("kioskWindow")
        self.setWindowTitle(self.tr("ShopTeam kiosk"))
        self.setAttribute(Qt.WA_StyledBackground, True)
        self.setStyleSheet(KIOSK_STYLE)
        self.guard = KioskGuard(self)  # on top, full screen, takes the focus back
        self._may_close = False
        self._pending_no: str | None = None  # 工号 typed, waiting for the PIN
        self.clock = QLabel(objectName="kioskClock", alignment=Qt.AlignCenter)
        self.date = QLabel(objectName="kioskDate", alignment=Qt.AlignCenter)
        self.prompt = QLabel(objectName="kioskPrompt", alignment=Qt.AlignCenter)
        self.prompt.setWordWrap(True)
        self.input = QLineEdit(objectName="kioskInput", alignment=Qt.AlignCenter)
        self.input.setMaxLength(64)
        self.input.returnPressed.connect(self.submit)
        self._clock = QElapsedTimer()
        self._clock.start()
        self._key_times: list[float] | None = []  # when each key of the current code came (None: on-screen pad)
        self.input.installEventFilter(self)
        self.status = QLabel(objectName="kioskStatus", alignment=Qt.AlignCenter)
        self.status.setWordWrap(True)
        self.status.setMinimumHeight(150)
        self.exit_button = QPushButton(self.tr("Exit"), objectName="kioskExit")
        self.exit_button.setFocusPolicy(Qt.NoFocus)
        self.exit_button.clicked.connect(self.request_leave)
        keypad = QGridLayout()
        keypad.setSpacing(10)
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"]
        for i, key in enumerate(keys):
            button = QPushButton(self.tr("OK") if key == "OK" else key)
            button.setObjectName({"⌫": "kioskKeyBack", "OK": "kioskKeyEnter"}.get(key, f"kioskKey{key}"))
            button.setFocusPolicy(Qt.NoFocus)
            button.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
            button.clicked.connect(lambda _=False, k=key: self._key(k))
            keypad.addWidget(button, i // 3, i % 3)
        pad = QWidget(objectName="kioskKeypad")
        pad.setLayout(keypad)
        pad.setMaximumHeight(360)
        self.pad = pad
        top = QHBoxLayout()
        self.waiting = QLabel(objectName="kioskWaiting")  # punches in the local journal, not yet delivered
        self.waiting.setStyleSheet("color: #fbbf24; font-size: 13pt;")
        top.addWidget(self.waiting)
        top.addStretch(1)
        top.addWidget(self.exit_button)
        left = QVBoxLayout()
        left.addStretch(1)
        left.addWidget(self.clock)
        left.addWidget(self.date)
        left.addSpacing(24)
        left.addWidget(self.prompt)
        left.addWidget(self.input)
        left.addSpacing(16)
        left.addWidget(self.status)
        left.addStretch(1)
        body = QHBoxLayout()
        body.setContentsMargins(48, 0, 48, 24)
        body.addLayout(left, 3)
        body.addSpacing(40)
        body.addWidget(pad, 2, Qt.AlignVCenter)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        self._tick = QTimer(self, interval=1000, timeout=self._update_clock)
        self._tick.start()
        self._delivering = False
        self._sync = QTimer(self, interval=SYNC_MS, timeout=self._deliver_in_background)
        self._sync.setObjectName("kioskSyncTimer")
        self._sync.start()
        self._update_waiting()
        self._idle_timer = QTimer(self, singleShot=True, interval=ANSWER_MS, timeout=self.reset_idle)
        self._idle_timer.setObjectName("kioskIdleTimer")
        from ui.kiosk.month_panel import KioskMonthPanel

        self.month_panel = KioskMonthPanel(self)  # after a punch: confirm my month, ask for a 补卡
        self.month_panel.closed.connect(self.reset_idle)
        self._update_clock()
        self.reset_idle()

    def resizeEvent(self, event) -> None:  # noqa: N802
        """The clock is the first thing one sees: as large as the width allows (1024×768 to 1920×1080)."""
        super().resizeEvent(event)
        font = self.clock.font()
        font.setPointSize(max(36, min(110, self.width() // 14)))
        font.setWeight(QFont.DemiBold)
        self.clock.setFont(font)
        self.pad.setMaximumWidth(max(300, min(440, int(self.width() * 0.36))))

    def show_full_screen(self) -> None:
        """Full screen on the current screen (also without a window manager)."""
        self.showFullScreen()
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            size, full = self.geometry().size(), screen.geometry().size()
            if size.width() < full.width() or size.height() < full.height():  # no window manager did it
                self.setGeometry(screen.geometry())
                self.showFullScreen()  # setGeometry() drops the full-screen state; set it again

    # -- display ---------------------------------------------------------------------------------
    def _update_clock(self) -> None:
        now = QDateTime.currentDateTime()
        locale = QLocale()
        self.clock.setText(now.toString("HH:mm:ss"))
        self.date.setText(locale.toString(now.date(), self.tr("yyyy-MM-dd dddd")))

    def reset_idle(self) -> None:
        """Back to waiting for the next person."""
        self._pending_no = None
        self.input.clear()
        self.input.setEchoMode(QLineEdit.Normal)
        self.input.setPlaceholderText(self.tr("Badge or employee no."))
        self.prompt.setText(self.tr("Scan your badge, or type your employee no. and press Enter"))
        self._show("", None)
        self.input.setFocus()

    def _show(self, text: str, colour: str | None) -> None:
        self.status.setText(text)
        style = f"background: {colour}; color: #ffffff;" if colour else "background: transparent;"
        if style != self.status.styleSheet():  # re-polishing the label costs a punch about 0.3 ms of CPU
            self.status.setStyleSheet(style)

    def _answer(self, text: str, colour: str) -> None:
        self._pending_no = None
        self.input.clear()
        self.input.setEchoMode(QLineEdit.Normal)
        self.prompt.setText(self.tr("Scan your badge, or type your employee no. and press Enter"))
        self._show(text, colour)
        self._idle_timer.start()

    # -- input -----------------------------------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        """Note when each key reaches the input: a reader's burst is a badge, typing is a 工号."""
        if watched is self.input and event.type() == QEvent.KeyPress:
            if not self.input.text() and not self.input.hasSelectedText():
                self._key_times = []  # a new code starts
            if self._key_times is not None and (event.text() or event.key() in (Qt.Key_Return, Qt.Key_Enter)):
                self._key_times.append(float(self._clock.elapsed()))
        return super().eventFilter(watched, event)

    def _key(self, key: str) -> None:
        self._key_times = None  # typed on the on-screen pad: never a badge
        if key == "⌫":
            self.input.backspace()
        elif key == "OK":
            self.submit()
        else:
            self.input.insert(key)
        self.input.setFocus()

    def submit(self) -> None:
        """Enter: a badge or 工号 first, then the PIN when a 工号 was typed."""
        text = self.input.text().strip()
        if self.month_panel.isVisible():  # the next person: the previous one's month goes away first
            self.month_panel.finish(notify=False)
        if self._pending_no is not None:
            if not text:
                self.prompt.setText(self.tr("Type your PIN and press Enter"))
                return
            self._punch_pin(self._pending_no, text)
            return
        if not text:
            return
        scanned, self._key_times = looks_scanned(self._key_times), []
        if not scanned:  # typed by hand: a 工号, which needs the PIN (a typed badge code is not a badge)
            self._ask_pin(text)
            return
        try:
            result = punches.kiosk_badge_or_journal(text)  # never lost: the local journal when the database is away
        except NotFound:
            self._ask_pin(text)
            return
        except ShopTeamError as exc:
            self._answer(str(exc), theme.status["absent"])
            return
        self._confirm(result)

    def _ask_pin(self, employee_no: str) -> None:
        self._pending_no = employee_no
        self.input.clear()
        self.input.setEchoMode(QLineEdit.Password)
        self.input.setPlaceholderText(self.tr("PIN"))
        self.prompt.setText(self.tr("Employee no. %1: type your PIN and press Enter").replace("%1", employee_no))
        self._show("", None)
        self._idle_timer.start(ANSWER_MS * 4)  # nobody typing the PIN: back to idle

    def _punch_pin(self, employee_no: str, pin: str) -> None:
        try:
            result = punches.kiosk_pin(employee_no, pin)
        except PermissionDenied as exc:
            self._answer(str(exc), theme.status["absent"])
            return
        except ShopTeamError as exc:
            self._answer(str(exc), theme.status["absent"])
            return
        self._confirm(result)

    def _confirm(self, result) -> None:
        if result.pending:  # on this PC's disk, delivered when the database answers
            self._update_waiting()
        # the words and the colour come from the service: what this punch is for this person today
        text, colour = result.answer, theme.status[result.tone]
        self._answer(text, colour)
        if not result.pending:  # journalled offline: nobody to identify until it reaches the database
            self.month_panel.offer(result)
        if not result.duplicate and not result.pending:
            self.punched.emit(result)

    # -- the local journal -----------------------------------------------------------------------
    def _update_waiting(self) -> None:
        from app.services.punch_journal import pending_count

        n = pending_count()
        self.waiting.setText(self.tr("%n punch(es) waiting to sync", "", n) if n else "")

    def _deliver_in_background(self) -> None:
        """Offer the journal to the database off the UI thread: the kiosk never waits for the network."""
        from app.services.punch_journal import pending_count

        self._update_waiting()
        if self._delivering or not pending_count():
            return
        self._delivering = True

        def run() -> None:
            from app.services.punch_journal import deliver

            try:
                deliver()
            except Exception:  # noqa: BLE001 - tried again at the next tick
                pass
            finally:
                self._delivering = False

        threading.Thread(target=run, name="kiosk-journal", daemon=True).start()

    # -- leaving ---------------------------------------------------------------------------------
    def request_leave(self) -> bool:
        dialog = LeaveKioskDialog(self)
        if dialog.exec():
            self._may_close = True
            self.close()
            return True
        self.input.setFocus()
        return False

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key_Escape:
            if self._pending_no is not None:
                self.reset_idle()
            else:
                self.request_leave()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802
        if not self._may_close:
            event.ignore()
            return
        self._tick.stop()
        self._sync.stop()
        self._idle_timer.stop()
        self.guard.stop()
        self.left.emit()
        super().closeEvent(event)
