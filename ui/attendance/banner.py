"""The main window's banner from 1 November while next year's holidays are unknown: without them
every day of the new year would be a working day (and everyone absent on 元旦 and 春节)."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from ui import theme

log = logging.getLogger("shopteam.attendance")


def _missing_year():
    """On the executor: the year whose holidays are missing, with its message (None: nothing to say)."""
    # imported here, on the executor: the calendar's tables need not be built before the first paint
    from app.services import calendar as calendar_svc

    try:
        year = calendar_svc.missing_next_year()
        return (year, calendar_svc.missing_next_year_message(year)) if year is not None else None
    except Exception:  # noqa: BLE001 - a database hiccup must not break the window; the next change retries
        log.warning("the holiday banner could not read the calendar", exc_info=True)
        return None


class HolidayBanner(QFrame):
    def __init__(self, ctx, open_page, parent=None):
        """``open_page(year)`` shows Attendance ▸ Holidays at that year."""
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("holidayBanner")
        self.setStyleSheet(f"#holidayBanner {{ background: #fef3c7; border-bottom: 1px solid {theme.warning}; }}")
        self.year: int | None = None
        self.text = QLabel(objectName="holidayBannerText")
        self.text.setWordWrap(True)
        self.button = QPushButton(theme.icon("mdi6.calendar-edit"), self.tr("Enter the holidays"),
                                  objectName="holidayBannerOpen")
        self.button.clicked.connect(lambda: open_page(self.year))
        box = QHBoxLayout(self)
        box.setContentsMargins(10, 6, 10, 6)
        icon = QLabel()
        icon.setPixmap(theme.icon("mdi6.calendar-alert", theme.warning).pixmap(20, 20))
        box.addWidget(icon)
        box.addWidget(self.text, 1)
        box.addWidget(self.button)
        self.refresh()

    def refresh(self, areas=None) -> None:
        """Read again (an operation) when the calendar may have changed: on attendance changes only."""
        if areas is not None and "attendance" not in areas:
            return
        self.ctx.query(self, _missing_year, self._show)

    def _show(self, missing) -> None:
        self.year = missing[0] if missing else None
        if missing:
            self.text.setText(missing[1])
        self.setVisible(missing is not None)
