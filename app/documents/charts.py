"""Charts drawn as reportlab vector graphics (a few dozen path operators, no matplotlib).

A matplotlib figure costs ~50 ms; these cost well under a millisecond, so a batch of
200 appraisal sheets with a trend chart each stays within a few times bare tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from app.documents.pdf import ACCENT, FONT, MUTED, RULE, TEXT, fmt_number, register_font


@dataclass(frozen=True)
class Threshold:
    value: float
    label: str  # already translated, e.g. "优秀 90"
    colour: str


class TrendChart(Flowable):
    """Scores of recent months as bars with their value on top, threshold lines behind.

    ``points`` are (label, score or None); a month without a score leaves an empty slot
    marked "—" so the months stay in order.
    """

    def __init__(self, points: Sequence[tuple[str, float | None]], width: float, height: float = 42 * mm,
                 title: str = "", thresholds: Sequence[Threshold] = (), y_max: float = 100.0,
                 highlight_last: bool = True):
        super().__init__()
        register_font()
        self.points = list(points)
        self.width, self.height = width, height
        self.title = title
        self.thresholds = list(thresholds)
        self.y_max = max([y_max] + [p for _l, p in self.points if p is not None])
        self.highlight_last = highlight_last

    def wrap(self, *_args):
        return self.width, self.height

    def draw(self):
        c = self.canv
        left, bottom = 9 * mm, 7 * mm
        top_pad = 8 * mm if self.title else 3 * mm
        plot_w = self.width - left - (16 * mm if self.thresholds else 2 * mm)
        plot_h = self.height - bottom - top_pad
        c.saveState()
        if self.title:
            c.setFont(FONT, 9.5)
            c.setFillColor(TEXT)
            c.drawString(0, self.height - 5 * mm, self.title)
        # axis and grid (only the thresholds: no needless gridlines)
        c.setStrokeColor(RULE)
        c.setLineWidth(0.6)
        c.line(left, bottom, left + plot_w, bottom)
        c.setFont(FONT, 7)
        c.setFillColor(MUTED)
        c.drawRightString(left - 1.5 * mm, bottom - 1, "0")
        if all(abs(self.y_max - t.value) > self.y_max * 0.12 for t in self.thresholds):
            c.drawRightString(left - 1.5 * mm, bottom + plot_h - 2, fmt_number(self.y_max, 0))

        def y_of(value: float) -> float:
            return bottom + plot_h * max(0.0, min(value, self.y_max)) / self.y_max

        for t in self.thresholds:
            y = y_of(t.value)
            c.setStrokeColor(colors.HexColor(t.colour))
            c.setDash(2, 2)
            c.setLineWidth(0.6)
            c.line(left, y, left + plot_w, y)
            c.setDash()
            c.setFillColor(colors.HexColor(t.colour))
            c.drawRightString(left - 1.5 * mm, y - 2.3, fmt_number(t.value, 0))
            c.drawString(left + plot_w + 1.5 * mm, y - 2.3, t.label)
        n = max(len(self.points), 1)
        slot = plot_w / n
        bar_w = min(slot * 0.55, 14 * mm)
        for i, (label, value) in enumerate(self.points):
            x = left + slot * i + (slot - bar_w) / 2
            centre = x + bar_w / 2
            c.setFillColor(MUTED)
            c.setFont(FONT, 7.5)
            c.drawCentredString(centre, bottom - 4 * mm, label)
            if value is None:
                c.drawCentredString(centre, bottom + 1.5 * mm, "—")
                continue
            last = self.highlight_last and i == len(self.points) - 1
            c.setFillColor(ACCENT if last else colors.HexColor("#93b4f5"))
            h = y_of(value) - bottom
            c.rect(x, bottom, bar_w, h, stroke=0, fill=1)
            c.setFillColor(TEXT)
            c.setFont(FONT, 7.5)
            c.drawCentredString(centre, bottom + h + 1.2 * mm, fmt_number(value))
        c.restoreState()


class Swatch(Flowable):
    """A small filled square with a letter, for legends of status colours."""

    def __init__(self, colour: str, letter: str, size: float = 3.6 * mm):
        super().__init__()
        self.colour, self.letter, self.size = colour, letter, size

    def wrap(self, *_args):
        return self.size, self.size

    def draw(self):
        c = self.canv
        c.setFillColor(colors.HexColor(self.colour))
        c.rect(0, 0, self.size, self.size, stroke=0, fill=1)
        c.setFillColor(colors.white)
        c.setFont(FONT, self.size * 0.72)
        c.drawCentredString(self.size / 2, self.size * 0.22, self.letter)
