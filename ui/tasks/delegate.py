"""Paints a card: priority stripe, title, assignee and due date, tags, checklist progress;
overdue cards in red, cards sent back marked 退回.

Colours, pens, fonts and alignment flags are made once (per font) and reused, and the rounded
shapes (the card's frame, tag chips, the 退回 badge) are drawn once into pixmaps and stamped: a
filter change repaints every visible card, and antialiased rounded rectangles are most of the cost.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QToolTip

from ui import theme
from ui.tasks.board_model import Lane

CARD_HEIGHT = 92
PRIORITY_COLOURS = {0: theme.border, 1: theme.accent, 2: theme.warning, 3: theme.danger}
LEFT = Qt.AlignLeft | Qt.AlignVCenter
RIGHT = Qt.AlignRight | Qt.AlignVCenter
CENTER = Qt.AlignCenter
SELECTED = QStyle.State_Selected
NO_PEN = Qt.NoPen
ELIDE = Qt.ElideRight


def _card(index):
    """The card behind an index of a column model (None for a stale index)."""
    model = index.model()
    cards = getattr(model, "cards", None)
    return cards[index.row()] if cards is not None and 0 <= index.row() < len(cards) else None


class _Kit:
    """What painting needs for one base font: fonts, their metrics, colours and pens."""

    def __init__(self, base: QFont):
        self.base = QFont(base)
        self.line_h = QFontMetrics(base).height()
        self.title = QFont(base)
        self.title.setBold(True)
        self.title_fm = QFontMetrics(self.title)
        self.small = QFont(base)
        self.small.setPointSizeF(max(base.pointSizeF() - 1, 7))
        self.small_fm = QFontMetrics(self.small)
        self.badge = QFont(base)
        self.badge.setPointSizeF(max(base.pointSizeF() - 1.5, 7))
        self.badge.setBold(True)
        self.badge_fm = QFontMetrics(self.badge)
        c = {name: QColor(getattr(theme, name)) for name in
             ("accent", "danger", "border", "base_bg", "text_muted", "accent_soft", "success", "warning")}
        self.colour = c
        self.ink = QColor("#111827")
        tint = QColor(theme.danger)
        tint.setAlpha(18)
        self.tint = tint
        self.pen_selected = QPen(c["accent"], 2)
        self.pen_overdue = QPen(c["danger"], 2)
        self.pen_normal = QPen(c["border"], 1)
        self.priority = {k: QColor(v) for k, v in PRIORITY_COLOURS.items()}
        self.pixmaps: dict[tuple, QPixmap] = {}
        self.words = {"back": QCoreApplication.translate("TaskCard", "Sent back"),
                      "nobody": QCoreApplication.translate("TaskCard", "Unassigned"),
                      "overdue": QCoreApplication.translate("TaskCard", "Overdue"),
                      "approval": QCoreApplication.translate("TaskCard", "Approval")}


    def _stamp(self, key: tuple, w: float, h: float, ratio: float, draw) -> QPixmap:
        pix = self.pixmaps.get(key)
        if pix is None:
            if len(self.pixmaps) > 512:  # a bound for odd widths while a column is resized
                self.pixmaps.clear()
            pix = QPixmap(int(w * ratio + 0.5), int(h * ratio + 0.5))
            pix.setDevicePixelRatio(ratio)
            pix.fill(Qt.transparent)
            p = QPainter(pix)
            p.setRenderHint(QPainter.Antialiasing)
            draw(p, QRectF(0, 0, w, h))
            p.end()
            self.pixmaps[key] = pix
        return pix

    def frame(self, w: float, h: float, selected: bool, overdue: bool, ratio: float) -> QPixmap:
        def draw(p: QPainter, r: QRectF) -> None:
            r = r.adjusted(1, 1, -1, -1)
            p.setPen(self.pen_selected if selected else self.pen_overdue if overdue else self.pen_normal)
            p.setBrush(self.colour["base_bg"])
            p.drawRoundedRect(r, 6, 6)
            if overdue:
                p.setBrush(self.tint)
                p.setPen(NO_PEN)
                p.drawRoundedRect(r, 6, 6)
        return self._stamp(("frame", w, h, selected, overdue, ratio), w, h, ratio, draw)

    def chip(self, text: str, w: int, ratio: float) -> QPixmap:
        h = self.small_fm.height() + 2

        def draw(p: QPainter, r: QRectF) -> None:
            p.setPen(NO_PEN)
            p.setBrush(self.colour["accent_soft"])
            p.drawRoundedRect(r, 8, 8)
            p.setPen(self.colour["accent"])
            p.setFont(self.small)
            p.drawText(r, CENTER, text)
        return self._stamp(("chip", text, w, ratio), w, h, ratio, draw)

    def badge_pixmap(self, text: str, ratio: float) -> QPixmap:
        w, h = self.badge_fm.horizontalAdvance(text) + 10, self.badge_fm.height() + 2

        def draw(p: QPainter, r: QRectF) -> None:
            p.setPen(NO_PEN)
            p.setBrush(self.colour["danger"])
            p.drawRoundedRect(r, 4, 4)
            p.setPen(self.colour["base_bg"])
            p.setFont(self.badge)
            p.drawText(r, CENTER, text)
        return self._stamp(("badge", text, ratio), w, h, ratio, draw)


class CardDelegate(QStyledItemDelegate):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._kits: dict[str, _Kit] = {}

    def _kit(self, font: QFont) -> _Kit:
        key = font.key()
        kit = self._kits.get(key)
        if kit is None:
            kit = self._kits[key] = _Kit(font)
        return kit

    def sizeHint(self, option, index) -> QSize:
        view = self.parent()
        width = view.viewport().width() if view is not None and hasattr(view, "viewport") else 240
        return QSize(max(width, 160), CARD_HEIGHT)

    def helpEvent(self, event, view, option, index) -> bool:
        card = _card(index)
        if event.type() == QEvent.ToolTip and card is not None:
            QToolTip.showText(event.globalPos(), card.title, view)
            return True
        return super().helpEvent(event, view, option, index)

    def paint(self, painter: QPainter, option, index) -> None:
        card = _card(index)
        if card is None:  # a gap that keeps swimlanes level across the columns
            return
        k = self._kit(option.font)
        if isinstance(card, Lane):
            self._paint_lane(painter, option.rect, card, k)
            return
        ratio = painter.device().devicePixelRatioF()
        painter.save()
        rect = QRectF(option.rect.adjusted(6, 4, -6, -4))
        selected = bool(option.state & SELECTED)
        outer = rect.adjusted(-1, -1, 1, 1)  # the frame's pen straddles the card's edge
        painter.drawPixmap(outer.topLeft(), k.frame(outer.width(), outer.height(), selected, bool(card.overdue), ratio))
        painter.setPen(NO_PEN)
        painter.setBrush(k.priority.get(card.priority, k.colour["accent"]))
        painter.drawRect(QRectF(rect.left() + 1, rect.top() + 6, 4, rect.height() - 12))

        inner = rect.toRect().adjusted(12, 7, -9, -6)
        right = inner.right()
        if card.returned:  # badge in the top right corner
            badge = k.badge_pixmap(k.words["back"], ratio)
            right = inner.right() - round(badge.width() / ratio)
            painter.drawPixmap(right, inner.top() + 1, badge)
            right -= 6
        painter.setFont(k.title)
        painter.setPen(k.ink)
        title_rect = QRect(inner.left(), inner.top(), right - inner.left(), k.line_h + 2)
        painter.drawText(title_rect, LEFT, k.title_fm.elidedText(card.title, ELIDE, title_rect.width()))

        painter.setFont(k.small)
        sfm = k.small_fm
        y2 = inner.top() + k.line_h + 6
        painter.setPen(k.colour["text_muted"])
        painter.drawText(QRect(inner.left(), y2, inner.width() // 2, sfm.height()), LEFT, card.assignee_name or k.words["nobody"])
        if card.due:
            due = card.due[:10]
            text = (k.words["overdue"] + " " + due) if card.overdue else due
            painter.setPen(k.colour["danger"] if card.overdue else k.colour["text_muted"])
            painter.drawText(QRect(inner.left(), y2, inner.width(), sfm.height()), RIGHT, text)

        y3 = inner.bottom() - sfm.height() - 2
        x = inner.left()
        progress = ""
        if card.steps_total:
            progress = f"☑ {card.steps_done}/{card.steps_total}"
            if card.approvals_open:
                progress = k.words["approval"] + "  " + progress
        limit = inner.right() - (sfm.horizontalAdvance(progress) + 8 if progress else 0)
        for tag in card.tags:
            width = sfm.horizontalAdvance(tag) + 12
            if x + width > limit:
                break
            painter.drawPixmap(x, y3, k.chip(tag, width, ratio))
            x += width + 4
        if progress:
            done = card.steps_done == card.steps_total
            painter.setPen(k.colour["success"] if done else k.colour["warning"] if card.approvals_open else k.colour["text_muted"])
            painter.drawText(QRect(inner.left(), y3, inner.width(), sfm.height() + 2), RIGHT, progress)
        painter.restore()

    def _paint_lane(self, painter: QPainter, rect: QRect, lane: Lane, k: _Kit) -> None:
        """A swimlane's header: the person's name and how many of their cards the column holds."""
        painter.save()
        band = QRect(rect.left() + 2, rect.bottom() - k.line_h - 14, rect.width() - 4, k.line_h + 10)
        painter.setPen(NO_PEN)
        painter.setBrush(k.colour["accent_soft"])
        painter.drawRect(band)
        painter.setBrush(k.colour["accent"])
        painter.drawRect(QRect(band.left(), band.top(), 3, band.height()))
        inner = band.adjusted(10, 0, -8, 0)
        painter.setFont(k.small)
        count = str(lane.count)
        painter.setPen(k.colour["text_muted"])
        painter.drawText(inner, RIGHT, count)
        painter.setFont(k.title)
        painter.setPen(k.colour["accent"])
        name_rect = inner.adjusted(0, 0, -(k.small_fm.horizontalAdvance(count) + 8), 0)
        painter.drawText(name_rect, LEFT, k.title_fm.elidedText(lane.title, ELIDE, name_rect.width()))
        painter.restore()
