"""A lean table for text cells: the house look of ``data_table`` at a fraction of the cost.

reportlab's Table sets up a text object and graphics state per cell; a batch of 200
appraisal sheets spends most of its time there. ``LightTable`` draws all cell text of a
page in one text object, wraps long text by character (right for Chinese), and splits
across pages with the header repeated.
"""

from __future__ import annotations

from typing import Sequence

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from app.documents.pdf import FONT, HEADER_BG, RULE, TEXT, ZEBRA, register_font

PAD_X, PAD_Y = 4.0, 3.0


def wrap_text(text: str, width: float, size: float) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` (by character; spaces are kept)."""
    if not text:
        return [""]
    lines, line, used = [], "", 0.0
    for ch in text:
        if ch == "\n":
            lines.append(line)
            line, used = "", 0.0
            continue
        w = stringWidth(ch, FONT, size)
        if used + w > width and line:
            lines.append(line)
            line, used = "", 0.0
        line += ch
        used += w
    lines.append(line)
    return lines


class Heading(Flowable):
    """One line of text (a sheet's title or section heading) without paragraph layout."""

    def __init__(self, text: str, size: float = 11, centre: bool = False, space_before: float = 8,
                 space_after: float = 4, colour=TEXT):
        super().__init__()
        self.text, self.size, self.centre, self.colour = text, size, centre, colour
        self.space_before, self.space_after = space_before, space_after

    def wrap(self, avail_width, _avail_height):
        self.width = avail_width
        self.height = self.size * 1.4
        return self.width, self.height

    def getSpaceBefore(self):  # noqa: N802 (reportlab API)
        return self.space_before

    def getSpaceAfter(self):  # noqa: N802
        return self.space_after

    def draw(self):
        c = self.canv
        c.setFont(FONT, self.size)
        c.setFillColor(self.colour)
        if self.centre:
            c.drawCentredString(self.width / 2, self.size * 0.3, self.text)
        else:
            c.drawString(0, self.size * 0.3, self.text)


class LightTable(Flowable):
    def __init__(self, header: Sequence[str], rows: Sequence[Sequence[str]], col_widths: Sequence[float],
                 right: Sequence[int] = (), centre: Sequence[int] = (), wrap: Sequence[int] = (),
                 font_size: float = 9, total_row: bool = False, _prepared=None):
        super().__init__()
        register_font()
        self.header = [str(h) for h in header]
        self.col_widths = list(col_widths)
        self.width = sum(self.col_widths)
        self.right, self.centre, self.wrap_cols = set(right), set(centre), set(wrap)
        self.size = font_size
        self.leading = font_size * 1.3
        self.total_row = total_row
        self.rows = _prepared if _prepared is not None else [self._prepare(r) for r in rows]
        self.head_h = self.leading + 2 * PAD_Y

    def _prepare(self, row: Sequence) -> tuple[list[list[str]], float]:
        cells = []
        for i, value in enumerate(row):
            text = "" if value is None else str(value)
            if i in self.wrap_cols:
                cells.append(wrap_text(text, self.col_widths[i] - 2 * PAD_X, self.size))
            else:
                cells.append([text])
        height = max(len(c) for c in cells) * self.leading + 2 * PAD_Y
        return cells, height

    def wrap(self, avail_width, avail_height):
        self.height = self.head_h + sum(h for _c, h in self.rows)
        return self.width, self.height

    def split(self, avail_width, avail_height):
        used, n = self.head_h, 0
        for _cells, h in self.rows:
            if used + h > avail_height:
                break
            used += h
            n += 1
        if n == 0 or n == len(self.rows):
            return [] if n == 0 else [self]
        kw = dict(right=self.right, centre=self.centre, wrap=self.wrap_cols, font_size=self.size)
        first = LightTable(self.header, (), self.col_widths, _prepared=self.rows[:n], **kw)
        rest = LightTable(self.header, (), self.col_widths, total_row=self.total_row, _prepared=self.rows[n:], **kw)
        return [first, rest]

    def draw(self):
        c = self.canv
        top = self.height
        c.saveState()
        # backgrounds: header, zebra, total
        c.setFillColor(HEADER_BG)
        c.rect(0, top - self.head_h, self.width, self.head_h, stroke=0, fill=1)
        y = top - self.head_h
        c.setFillColor(ZEBRA)
        for i, (_cells, h) in enumerate(self.rows):
            if i % 2 == 1:
                c.rect(0, y - h, self.width, h, stroke=0, fill=1)
            y -= h
        if self.total_row and self.rows:
            c.setFillColor(HEADER_BG)
            h = self.rows[-1][1]
            c.rect(0, 0, self.width, h, stroke=0, fill=1)
        c.setStrokeColor(RULE)
        c.setLineWidth(0.8)
        c.line(0, top - self.head_h, self.width, top - self.head_h)
        c.line(0, 0, self.width, 0)
        if self.total_row and self.rows:
            c.line(0, self.rows[-1][1], self.width, self.rows[-1][1])
        # all text in one text object
        text = c.beginText()
        text.setFont(FONT, self.size, self.leading)
        text.setFillColor(TEXT)
        self._at = [0.0, 0.0]  # text origin; cells move relative to it (Td: 2 numbers, not Tm's 6)
        self._cells(text, [[h] for h in self.header], top, self.head_h)
        y = top - self.head_h
        for cells, h in self.rows:
            self._cells(text, cells, y, h)
            y -= h
        c.drawText(text)
        c.restoreState()

    def _cells(self, text, cells: list[list[str]], row_top: float, row_h: float) -> None:
        x = 0.0
        lines_max = max(len(c) for c in cells)
        for i, lines in enumerate(cells):
            w = self.col_widths[i]
            # vertically centred block of lines
            block = len(lines) * self.leading
            y = row_top - (row_h - block) / 2 - self.size * 0.95 if lines_max > 1 else row_top - PAD_Y - self.size * 0.95
            for line in lines:
                if line:
                    if i in self.right:
                        lx = x + w - PAD_X - stringWidth(line, FONT, self.size)
                    elif i in self.centre:
                        lx = x + (w - stringWidth(line, FONT, self.size)) / 2
                    else:
                        lx = x + PAD_X
                    text.moveCursor(lx - self._at[0], self._at[1] - y)
                    self._at = [lx, y]
                    text.textOut(line)
                y -= self.leading
            x += w
