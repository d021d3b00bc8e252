"""Paints a card: priority stripe, title, assignee and due date, tags, checklist progress;
overdue cards in red, cards sent back marked 退回."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate

from ui import theme
from ui.tasks.board_model import CardRole

CARD_HEIGHT = 92
PRIORITY_COLOURS = {0: theme.border, 1: theme.accent, 2: theme.warning, 3: theme.danger}


class CardDelegate(QStyledItemDelegate):
    def sizeHint(self, option, index) -> QSize:
        view = self.parent()
        width = view.viewport().width() if view is not None and hasattr(view, "viewport") else 240
        return QSize(max(width, 160), CARD_HEIGHT)

    def paint(self, painter: QPainter, option, index) -> None:
        card = index.data(CardRole)
        if card is None:
            return
        painter.save()
        painter.setRenderHint(QPainter.Antialiasing)
        rect = QRectF(option.rect.adjusted(6, 4, -6, -4))
        selected = bool(option.state & QStyle.State_Selected)
        border = QColor(theme.accent) if selected else QColor(theme.danger) if card.overdue else QColor(theme.border)
        painter.setPen(QPen(border, 2 if selected or card.overdue else 1))
        painter.setBrush(QColor(theme.base_bg))
        painter.drawRoundedRect(rect, 6, 6)
        if card.overdue:
            tint = QColor(theme.danger)
            tint.setAlpha(18)
            painter.setBrush(tint)
            painter.setPen(Qt.NoPen)
            painter.drawRoundedRect(rect, 6, 6)
        stripe = QRectF(rect.left() + 1, rect.top() + 6, 4, rect.height() - 12)
        painter.setPen(Qt.NoPen)
        painter.setBrush(QColor(PRIORITY_COLOURS.get(card.priority, theme.accent)))
        painter.drawRect(stripe)

        base = QFont(option.font)
        inner = rect.toRect().adjusted(12, 7, -9, -6)
        line_h = QFontMetrics(base).height()
        right = inner.right()
        if card.returned:  # badge in the top right corner
            right = self._badge(painter, base, inner.right(), inner.top(), QCoreApplication.translate("TaskCard", "Sent back"), theme.danger, align_right=True) - 6
        title_font = QFont(base)
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(QColor("#111827"))
        fm = QFontMetrics(title_font)
        title_rect = QRect(inner.left(), inner.top(), right - inner.left(), line_h + 2)
        painter.drawText(title_rect, Qt.AlignLeft | Qt.AlignVCenter, fm.elidedText(card.title, Qt.ElideRight, title_rect.width()))

        small = QFont(base)
        small.setPointSizeF(max(base.pointSizeF() - 1, 7))
        painter.setFont(small)
        sfm = QFontMetrics(small)
        y2 = inner.top() + line_h + 6
        who = card.assignee_name or QCoreApplication.translate("TaskCard", "Unassigned")
        painter.setPen(QColor(theme.text_muted))
        painter.drawText(QRect(inner.left(), y2, inner.width() // 2, sfm.height()), Qt.AlignLeft | Qt.AlignVCenter, who)
        if card.due_date:
            due = card.due_date.isoformat()
            text = (QCoreApplication.translate("TaskCard", "Overdue") + " " + due) if card.overdue else due
            painter.setPen(QColor(theme.danger) if card.overdue else QColor(theme.text_muted))
            painter.drawText(QRect(inner.left(), y2, inner.width(), sfm.height()), Qt.AlignRight | Qt.AlignVCenter, text)

        y3 = inner.bottom() - sfm.height() - 2
        x = inner.left()
        progress = ""
        if card.steps_total:
            progress = f"☑ {card.steps_done}/{card.steps_total}"
            if card.approvals_open:
                progress = QCoreApplication.translate("TaskCard", "Approval") + "  " + progress
        limit = inner.right() - (sfm.horizontalAdvance(progress) + 8 if progress else 0)
        for tag in card.tags:
            width = sfm.horizontalAdvance(tag) + 12
            if x + width > limit:
                break
            x = self._chip(painter, small, x, y3, tag) + 4
        if progress:
            done = card.steps_done == card.steps_total
            painter.setPen(QColor(theme.success) if done else QColor(theme.warning) if card.approvals_open else QColor(theme.text_muted))
            painter.drawText(QRect(inner.left(), y3, inner.width(), sfm.height() + 2), Qt.AlignRight | Qt.AlignVCenter, progress)
        painter.restore()

    def _chip(self, painter: QPainter, font: QFont, x: int, y: int, text: str) -> int:
        fm = QFontMetrics(font)
        r = QRectF(x, y, fm.horizontalAdvance(text) + 12, fm.height() + 2)
        painter.setPen(Qt.NoPen)
        painter.setBrush(QColor(theme.accent_soft))
        painter.drawRoundedRect(r, 8, 8)
        painter.setPen(QColor(theme.accent))
        painter.drawText(r, Qt.AlignCenter, text)
        return int(r.right())

    def _badge(self, painter: QPainter, font: QFont, right: int, y: int, text: str, colour: str, align_right: bool) -> int:
        small = QFont(font)
        small.setPointSizeF(max(font.pointSizeF() - 1.5, 7))
        small.setBold(True)
        fm = QFontMetrics(small)
        w = fm.horizontalAdvance(text) + 10
        r = QRectF(right - w, y + 1, w, fm.height() + 2)
        painter.setPen(Qt.NoPen)
        painter.setBrush(QColor(colour))
        painter.drawRoundedRect(r, 4, 4)
        painter.setPen(QColor(theme.base_bg))
        painter.setFont(small)
        painter.drawText(r, Qt.AlignCenter, text)
        painter.setFont(font)
        return int(r.left())
